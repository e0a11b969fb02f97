// Test-side normalization of peer-suite inputs, standing in for the real
// normalizer: traditional -> simplified through Debian's `opencc -c t2s.json`
// (one process for a whole batch), and full-width ASCII -> half-width.
#ifndef AIDTEXT_TESTS_NUMERALS_TEXT_NORMALIZE_FOR_TESTS_H_
#define AIDTEXT_TESTS_NUMERALS_TEXT_NORMALIZE_FOR_TESTS_H_

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace testnorm {

// Full-width ASCII (U+FF01..U+FF5E) and the ideographic space -> ASCII.
inline std::string fold_width(std::string_view s, bool lower = false) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    int len;
    char32_t c = aidtext::utf8::decode(s, i, &len);
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    else if (c == 0x3000) c = ' ';
    if (lower && c >= 'A' && c <= 'Z') c += 32;
    aidtext::utf8::append(out, c);
    i += len;
  }
  return out;
}

// Each line through opencc t2s; nullopt when opencc is not available.
inline std::optional<std::vector<std::string>> opencc_t2s_lines(const std::vector<std::string>& lines) {
  char in_path[] = "/tmp/aidtext_numerals_t2s_XXXXXX";
  int fd = mkstemp(in_path);
  if (fd < 0) return std::nullopt;
  close(fd);
  {
    std::ofstream f(in_path, std::ios::binary);
    for (const auto& l : lines) f << l << "\n";
  }
  std::string out_path = std::string(in_path) + ".out";
  std::string cmd = "opencc -c t2s.json -i '" + std::string(in_path) + "' -o '" + out_path + "' 2>/dev/null";
  int rc = std::system(cmd.c_str());
  std::remove(in_path);
  if (rc != 0) return std::nullopt;
  std::ifstream f(out_path, std::ios::binary);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(f, line)) out.push_back(line);
  std::remove(out_path.c_str());
  if (out.size() != lines.size()) return std::nullopt;
  return out;
}

}  // namespace testnorm

#endif  // AIDTEXT_TESTS_NUMERALS_TEXT_NORMALIZE_FOR_TESTS_H_
