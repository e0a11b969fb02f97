#include "mojibake_cases.h"

#include <algorithm>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <filesystem>

#include "core/utf8.h"

namespace aidtext::testing {

std::optional<std::vector<MojibakeCase>> load_mojibake_cases(const std::string& path) {
  if (!std::filesystem::exists(path)) return std::nullopt;
  boost::property_tree::ptree root;
  boost::property_tree::read_json(path, root);
  std::vector<MojibakeCase> out;
  for (const auto& [key, node] : root) {
    MojibakeCase c;
    c.id = node.get<std::string>("id");
    c.kind = node.get<std::string>("kind");
    c.garbled = node.get<std::string>("garbled");
    c.expected = node.get<std::string>("expected");
    c.recoverable = node.get<std::string>("recoverable", "false") == "true";
    out.push_back(std::move(c));
  }
  return out;
}

namespace {
std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    int len;
    out.push_back(utf8::decode(s, i, &len));
    i += static_cast<size_t>(len);
  }
  return out;
}
}  // namespace

std::string fold_width(std::string_view s) {
  std::string out;
  for (char32_t c : to_u32(s)) utf8::append(out, (c >= 0xFF01 && c <= 0xFF5E) ? c - 0xFEE0 : c);
  return out;
}

double char_agreement(std::string_view actual, std::string_view expected) {
  std::u32string a = to_u32(actual), e = to_u32(expected);
  if (e.empty()) return a.empty() ? 1.0 : 0.0;
  std::vector<size_t> row(a.size() + 1), next(a.size() + 1);
  for (size_t j = 0; j <= a.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= e.size(); ++i) {
    next[0] = i;
    for (size_t j = 1; j <= a.size(); ++j)
      next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (e[i - 1] == a[j - 1] ? 0 : 1)});
    row.swap(next);
  }
  double d = static_cast<double>(row[a.size()]);
  return std::max(0.0, 1.0 - d / static_cast<double>(e.size()));
}

}  // namespace aidtext::testing
