#include "format/json_reader.h"

#include <algorithm>
#include <string>

#include "core/utf8.h"
#include "format/json_scan.h"

namespace aidtext::json {

const Value* Value::find(std::string_view key) const {
  if (type != Type::kObject) return nullptr;
  for (auto it = members.rbegin(); it != members.rend(); ++it)
    if (it->key == key) return &it->value;
  return nullptr;
}

namespace {

class Parser {
 public:
  Parser(std::string_view text, const ReaderLimits& limits) : s_(text), limits_(limits) {}

  // Parses one value into *out (nullptr: check it without storing).
  bool value(Value* out, int depth) {
    skip_space();
    if (pos_ >= s_.size()) return fail("unexpected end of input");
    if (out != nullptr && ++kept_ > limits_.max_values) return fail("too many values");
    switch (s_[pos_]) {
      case '{': return object(out, depth);
      case '[': return array(out, depth);
      case '"':
        if (out) out->type = Value::Type::kString;
        return string(out ? &out->text : nullptr);
      case 't': return literal("true", out, Value::Type::kBool, true);
      case 'f': return literal("false", out, Value::Type::kBool, false);
      case 'n': return literal("null", out, Value::Type::kNull, false);
      default: return number(out);
    }
  }

  // The top-level object, keeping only the members named in `keys`.
  bool selected_members(std::span<const std::string_view> keys, std::vector<std::optional<Value>>* found) {
    found->assign(keys.size(), std::nullopt);
    skip_space();
    if (pos_ >= s_.size() || s_[pos_] != '{') return fail("expected a JSON object");
    ++pos_;
    skip_space();
    if (peek('}')) {
      ++pos_;
      return true;
    }
    std::string key;
    while (true) {
      skip_space();
      key.clear();
      if (!peek('"')) return fail("expected a member name");
      if (!string(&key)) return false;
      skip_space();
      if (!peek(':')) return fail("expected ':'");
      ++pos_;
      size_t slot = keys.size();
      for (size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key) slot = i;
      if (slot < keys.size()) {
        Value v;
        if (!value(&v, 1)) return false;
        (*found)[slot] = std::move(v);
      } else if (!value(nullptr, 1)) {
        return false;
      }
      skip_space();
      if (peek(',')) { ++pos_; continue; }
      if (peek('}')) { ++pos_; return true; }
      return fail("expected ',' or '}'");
    }
  }

  bool finish() {
    skip_space();
    if (pos_ != s_.size()) return fail("unexpected text after the JSON value");
    return true;
  }

  const std::string& error() const { return error_; }

 private:
  bool fail(const char* what) {
    if (error_.empty()) error_ = "offset " + std::to_string(pos_) + ": " + what;
    return false;
  }
  bool peek(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
  void skip_space() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++pos_;
    }
  }

  bool literal(std::string_view word, Value* out, Value::Type type, bool b) {
    if (s_.substr(pos_, word.size()) != word) return fail("invalid literal");
    pos_ += word.size();
    if (out) {
      out->type = type;
      out->boolean = b;
    }
    return true;
  }

  bool digits() {
    size_t start = pos_;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  bool number(Value* out) {
    const size_t start = pos_;
    if (peek('-')) ++pos_;
    if (peek('0')) {
      ++pos_;
    } else if (!digits()) {
      return fail("unexpected character");
    }
    if (peek('.')) {
      ++pos_;
      if (!digits()) return fail("expected a digit after '.'");
    }
    if (peek('e') || peek('E')) {
      ++pos_;
      if (peek('+') || peek('-')) ++pos_;
      if (!digits()) return fail("expected a digit in the exponent");
    }
    if (out) {
      out->type = Value::Type::kNumber;
      out->text.assign(s_.substr(start, pos_ - start));
    }
    return true;
  }

  // Four hex digits at pos_; -1 when they are not.
  int hex4() {
    if (s_.size() - pos_ < 4) return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = s_[pos_ + i];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    pos_ += 4;
    return v;
  }

  // Where the string literal whose bytes continue at `from` ends (its
  // closing quote), skipping escapes without decoding them; the end of the
  // text, or the first control character, when it is malformed (the
  // decoding loop reports that).
  size_t raw_literal_end(size_t from) const {
    size_t i = from;
    while (true) {
      i = scan::reader_run_end(s_, i);
      if (i >= s_.size() || s_[i] != '\\') return i;
      i = std::min(i + 2, s_.size());
    }
  }

  // A string literal at pos_ (the opening quote); decoded into *out unless null.
  bool string(std::string* out) {
    ++pos_;
    bool sized = false;
    while (true) {
      // Copy the run of plain bytes in one go.
      const size_t run = scan::reader_run_end(s_, pos_);
      if (out && !sized && run < s_.size() && s_[run] == '\\') {
        // Escapes ahead: size the text once for the rest of the literal
        // (decoding never lengthens it). Growing it as it was decoded
        // copied it at each doubling: a 10 MB "text" field peaked at
        // twice its size.
        out->reserve(out->size() + (raw_literal_end(run) - pos_));
        sized = true;
      }
      if (out) out->append(s_.data() + pos_, run - pos_);
      pos_ = run;
      if (pos_ >= s_.size()) return fail("unterminated string");
      const char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c != '\\') return fail("control character in string");
      ++pos_;
      if (pos_ >= s_.size()) return fail("unterminated string");
      const char e = s_[pos_++];
      char plain = 0;
      switch (e) {
        case '"': plain = '"'; break;
        case '\\': plain = '\\'; break;
        case '/': plain = '/'; break;
        case 'b': plain = '\b'; break;
        case 'f': plain = '\f'; break;
        case 'n': plain = '\n'; break;
        case 'r': plain = '\r'; break;
        case 't': plain = '\t'; break;
        case 'u': {
          int u = hex4();
          if (u < 0) return fail("bad \\u escape");
          char32_t cp = static_cast<char32_t>(u);
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            // A high surrogate: a low one must follow to make a pair.
            if (s_.substr(pos_, 2) == "\\u") {
              size_t save = pos_;
              pos_ += 2;
              int lo = hex4();
              if (lo < 0) return fail("bad \\u escape");
              if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<char32_t>(lo) - 0xDC00);
              } else {
                cp = 0xFFFD;   // lone high surrogate; the next escape stands alone
                pos_ = save;
              }
            } else {
              cp = 0xFFFD;
            }
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;  // lone low surrogate
          }
          if (out) utf8::append(*out, cp);
          continue;
        }
        default:
          --pos_;
          return fail("bad escape");
      }
      if (out) out->push_back(plain);
    }
  }

  bool array(Value* out, int depth) {
    if (depth >= limits_.max_depth) return fail("nesting too deep");
    ++pos_;
    if (out) out->type = Value::Type::kArray;
    skip_space();
    if (peek(']')) {
      ++pos_;
      return true;
    }
    while (true) {
      if (out) {
        out->items.emplace_back();
        if (!value(&out->items.back(), depth + 1)) return false;
      } else if (!value(nullptr, depth + 1)) {
        return false;
      }
      skip_space();
      if (peek(',')) { ++pos_; continue; }
      if (peek(']')) { ++pos_; return true; }
      return fail("expected ',' or ']'");
    }
  }

  bool object(Value* out, int depth) {
    if (depth >= limits_.max_depth) return fail("nesting too deep");
    ++pos_;
    if (out) out->type = Value::Type::kObject;
    skip_space();
    if (peek('}')) {
      ++pos_;
      return true;
    }
    while (true) {
      skip_space();
      if (!peek('"')) return fail("expected a member name");
      Member* m = nullptr;
      if (out) {
        out->members.emplace_back();
        m = &out->members.back();
      }
      if (!string(m ? &m->key : nullptr)) return false;
      skip_space();
      if (!peek(':')) return fail("expected ':'");
      ++pos_;
      if (!value(m ? &m->value : nullptr, depth + 1)) return false;
      skip_space();
      if (peek(',')) { ++pos_; continue; }
      if (peek('}')) { ++pos_; return true; }
      return fail("expected ',' or '}'");
    }
  }

  std::string_view s_;
  const ReaderLimits& limits_;
  size_t pos_ = 0;
  size_t kept_ = 0;
  std::string error_;
};

}  // namespace

bool parse(std::string_view text, Value* out, std::string* error, const ReaderLimits& limits) {
  Parser p(text, limits);
  Value v;
  bool ok = p.value(&v, 0) && p.finish();
  if (!ok) {
    if (error) *error = p.error();
    return false;
  }
  *out = std::move(v);
  return true;
}

bool parse_members(std::string_view text, std::span<const std::string_view> keys,
                   std::vector<std::optional<Value>>* found, std::string* error,
                   const ReaderLimits& limits) {
  Parser p(text, limits);
  bool ok = p.selected_members(keys, found) && p.finish();
  if (!ok) {
    found->assign(keys.size(), std::nullopt);
    if (error) *error = p.error();
  }
  return ok;
}

}  // namespace aidtext::json
