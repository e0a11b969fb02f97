#include "bench_corpus.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace aidtext::bench {

std::vector<std::string> load_articles(const std::vector<std::string>& folders, std::string* from) {
  for (const std::string& folder : folders) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) continue;
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(folder, ec))
      if (e.is_regular_file() && e.path().extension() == ".txt") paths.push_back(e.path());
    if (paths.empty()) continue;
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> articles;
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      articles.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (from) *from = folder;
    return articles;
  }
  return {};
}

Corpus repeat_to_size(const std::vector<std::string>& articles, size_t target_bytes) {
  Corpus c;
  if (articles.empty()) return c;
  for (size_t i = 0; c.bytes < target_bytes; i = (i + 1) % articles.size()) {
    c.documents.push_back(articles[i]);
    c.bytes += articles[i].size();
  }
  return c;
}

namespace {

// JSON string escaping of UTF-8 text (control characters as \u00XX).
void append_json_string(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

}  // namespace

bool write_jsonl(const std::vector<std::string>& articles, size_t target_bytes, const std::string& path) {
  if (articles.empty()) return false;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  std::vector<std::string> lines;
  for (size_t i = 0; i < articles.size(); ++i) {
    std::string line;
    append_json_string(line, articles[i]);
    lines.push_back(std::move(line));
  }
  size_t written = 0;
  std::string record;
  for (size_t n = 0; written < target_bytes; ++n) {
    record = "{\"id\":\"doc" + std::to_string(n) + "\",\"text\":";
    record += lines[n % lines.size()];
    record += "}\n";
    out << record;
    written += record.size();
  }
  return static_cast<bool>(out);
}

bool write_text(const std::vector<std::string>& articles, size_t target_bytes, const std::string& path) {
  if (articles.empty()) return false;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  for (size_t n = 0, written = 0; written < target_bytes; ++n) {
    const std::string& a = articles[n % articles.size()];
    out << a << "\n\n";
    written += a.size() + 2;
  }
  return static_cast<bool>(out);
}

std::string encode_as(std::string_view utf8, const char* icu_name) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* from = ucnv_open("UTF-8", &err);
  UConverter* to = ucnv_open(icu_name, &err);
  std::string out;
  if (U_SUCCESS(err)) {
    ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_SKIP, nullptr, nullptr, nullptr, &err);
    out.resize(utf8.size() * 2 + 16);
    char* target = out.data();
    const char* source = utf8.data();
    ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, utf8.data() + utf8.size(), nullptr,
                   nullptr, nullptr, nullptr, true, true, &err);
    out.resize(U_SUCCESS(err) ? static_cast<size_t>(target - out.data()) : 0);
  }
  ucnv_close(from);
  ucnv_close(to);
  return out;
}

std::string read_as_latin1(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() * 2);
  for (const char ch : utf8) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(0xC0 | (b >> 6)));
      out.push_back(static_cast<char>(0x80 | (b & 0x3F)));
    }
  }
  return out;
}

}  // namespace aidtext::bench
