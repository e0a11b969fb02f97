// CSV fields and rows by RFC 4180: fields separated by commas, rows ended by
// CRLF, a field holding a comma, a double quote, CR or LF enclosed in double
// quotes with inner quotes doubled. Standard library only (and the inline helpers of core/utf8.h).
#ifndef AIDTEXT_FORMAT_CSV_H_
#define AIDTEXT_FORMAT_CSV_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace aidtext::csv {

inline constexpr std::string_view kRowEnd = "\r\n";

// Appends one field (no separator). Bytes that are not well-formed UTF-8
// become U+FFFD so the file stays valid UTF-8; NUL becomes U+FFFD as well,
// because CSV readers commonly treat it as the end of a string.
void append_field(std::string& out, std::string_view s);

// Appends a field for an optional string: null -> an empty field.
void append_field_or_empty(std::string& out, const char* s);

// Builds one row: fields are added in order; finish() appends the CRLF.
class RowWriter {
 public:
  explicit RowWriter(std::string& out) : out_(out) {}
  RowWriter& text(std::string_view s) { sep(); append_field(out_, s); return *this; }
  RowWriter& text_or_empty(const char* s) { sep(); append_field_or_empty(out_, s); return *this; }
  RowWriter& raw(std::string_view s) { sep(); out_.append(s); return *this; }  // caller-checked
  RowWriter& uint(uint64_t v);
  RowWriter& number(double v);  // shortest round-trip; empty when not finite
  RowWriter& empty() { sep(); return *this; }
  void finish() { out_.append(kRowEnd); }

 private:
  void sep() { if (!first_) out_.push_back(','); first_ = false; }
  std::string& out_;
  bool first_ = true;
};

}  // namespace aidtext::csv

#endif  // AIDTEXT_FORMAT_CSV_H_
