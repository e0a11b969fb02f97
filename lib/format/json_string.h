// JSON scalars: string literals and numbers, written so that the output is
// always valid JSON and valid UTF-8 whatever bytes come in. Standard library
// only (and the inline helpers of core/utf8.h).
#ifndef AIDTEXT_FORMAT_JSON_STRING_H_
#define AIDTEXT_FORMAT_JSON_STRING_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace aidtext::json {

// Appends s as a JSON string literal, quotes included. Each byte that is not
// part of well-formed UTF-8 becomes U+FFFD (so one bad byte never swallows
// the good text after it); ", \ and control characters (U+0000..U+001F,
// U+007F) are escaped.
void append_string(std::string& out, std::string_view s);

// The length append_string(out, s) adds, found without writing: one scan
// of s, so that a large literal's output can be sized once.
size_t string_literal_length(std::string_view s);

// Appends `null` when s is null, else the string literal.
void append_string_or_null(std::string& out, const char* s);

// Appends a double as the shortest JSON number that reads back to the same
// value; NaN and infinities (which JSON cannot hold) become null.
void append_double(std::string& out, double v);

void append_uint(std::string& out, uint64_t v);

// True when `text` is a number by the JSON grammar (RFC 8259 section 6).
bool is_number(std::string_view text);

// Appends `text` as a JSON number when it is one (exact decimals pass through
// unchanged: "8100", "9.05"), else as a string literal so nothing is lost.
void append_decimal_text(std::string& out, std::string_view text);

}  // namespace aidtext::json

#endif  // AIDTEXT_FORMAT_JSON_STRING_H_
