#include "format/json_string.h"

#include <charconv>
#include <cmath>

#include "core/utf8.h"
#include "format/json_scan.h"

namespace aidtext::json {

void append_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Copy the longest run that needs no escaping in one go.
    const size_t run = scan::writer_run_end(s, i);
    out.append(s.data() + i, run - i);
    i = run;
    if (i >= n) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default:
        if (c >= 0x80) {
          out.append(utf8::kReplacementUtf8);  // a byte of malformed UTF-8
        } else {
          out.append("\\u00");
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        }
    }
    ++i;
  }
  out.push_back('"');
}

size_t string_literal_length(std::string_view s) {
  size_t length = 2;  // the quotes
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const size_t run = scan::writer_run_end(s, i);
    length += run - i;
    i = run;
    if (i >= n) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': case '\\': case '\n': case '\r': case '\t': case '\b': case '\f': length += 2; break;
      default: length += c >= 0x80 ? utf8::kReplacementUtf8.size() : 6;  // U+FFFD, or \u00XX
    }
    ++i;
  }
  return length;
}

void append_string_or_null(std::string& out, const char* s) {
  if (s == nullptr) out.append("null");
  else append_string(out, s);
}

void append_double(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out.append("null");
    return;
  }
  char buf[32];
  // Shortest round-trip form; may use an exponent ("1e+21"), valid JSON.
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_uint(std::string& out, uint64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

bool is_number(std::string_view t) {
  size_t i = 0;
  const size_t n = t.size();
  auto digit = [&](size_t k) { return k < n && t[k] >= '0' && t[k] <= '9'; };
  if (i < n && t[i] == '-') ++i;
  if (!digit(i)) return false;
  if (t[i] == '0') ++i;
  else while (digit(i)) ++i;
  if (i < n && t[i] == '.') {
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  return i == n;
}

void append_decimal_text(std::string& out, std::string_view text) {
  if (is_number(text)) out.append(text);
  else append_string(out, text);
}

}  // namespace aidtext::json
