// A tiny JSON reader for the peer test suites (tests only): objects, arrays,
// strings with \u escapes, numbers kept as their source text, literals.
#ifndef AIDTEXT_TESTS_NUMERALS_JSON_LITE_H_
#define AIDTEXT_TESTS_NUMERALS_JSON_LITE_H_

#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace json_lite {

struct Value {
  enum Kind { kNull, kBool, kNumber, kString, kArray, kObject } kind = kNull;
  bool b = false;
  std::string text;  // string contents, or the number as written
  std::vector<Value> items;
  std::vector<std::pair<std::string, Value>> members;

  bool is_null() const { return kind == kNull; }
  const Value* get(const std::string& key) const {
    for (const auto& [k, v] : members)
      if (k == key) return &v;
    return nullptr;
  }
  std::string str(const std::string& key, const std::string& fallback = "") const {
    const Value* v = get(key);
    return v && (v->kind == kString || v->kind == kNumber) ? v->text : fallback;
  }
};

class Reader {
 public:
  explicit Reader(const std::string& s) : s_(s) {}
  Value parse() {
    Value v = value();
    ws();
    if (i_ != s_.size()) fail("trailing data");
    return v;
  }

 private:
  [[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string("json: ") + what + " at " + std::to_string(i_)); }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  Value value() {
    ws();
    if (i_ >= s_.size()) fail("eof");
    char c = s_[i_];
    Value v;
    if (c == '{') {
      v.kind = Value::kObject;
      ++i_;
      ws();
      if (s_[i_] == '}') { ++i_; return v; }
      while (true) {
        ws();
        std::string k = string();
        ws();
        if (s_[i_++] != ':') fail("colon");
        v.members.emplace_back(k, value());
        ws();
        if (s_[i_] == ',') { ++i_; continue; }
        if (s_[i_] == '}') { ++i_; return v; }
        fail("object");
      }
    }
    if (c == '[') {
      v.kind = Value::kArray;
      ++i_;
      ws();
      if (s_[i_] == ']') { ++i_; return v; }
      while (true) {
        v.items.push_back(value());
        ws();
        if (s_[i_] == ',') { ++i_; continue; }
        if (s_[i_] == ']') { ++i_; return v; }
        fail("array");
      }
    }
    if (c == '"') {
      v.kind = Value::kString;
      v.text = string();
      return v;
    }
    if (s_.compare(i_, 4, "true") == 0) { i_ += 4; v.kind = Value::kBool; v.b = true; return v; }
    if (s_.compare(i_, 5, "false") == 0) { i_ += 5; v.kind = Value::kBool; return v; }
    if (s_.compare(i_, 4, "null") == 0) { i_ += 4; return v; }
    size_t b = i_;
    while (i_ < s_.size() && (isdigit(static_cast<unsigned char>(s_[i_])) || strchr("+-.eE", s_[i_]))) ++i_;
    if (b == i_) fail("value");
    v.kind = Value::kNumber;
    v.text = s_.substr(b, i_ - b);
    return v;
  }
  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  unsigned hex4() {
    if (i_ + 4 > s_.size()) fail("escape");
    unsigned v = std::stoul(s_.substr(i_, 4), nullptr, 16);
    i_ += 4;
    return v;
  }
  std::string string() {
    if (s_[i_] != '"') fail("string");
    ++i_;
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c != '\\') { out += c; continue; }
      char e = s_[i_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && s_.compare(i_, 2, "\\u") == 0) {
            i_ += 2;
            unsigned lo = hex4();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default: out += e;
      }
    }
    ++i_;
    return out;
  }
  const std::string& s_;
  size_t i_ = 0;
};

inline Value load_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot open " + path);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string s = ss.str();
  return Reader(s).parse();
}

}  // namespace json_lite

#endif  // AIDTEXT_TESTS_NUMERALS_JSON_LITE_H_
