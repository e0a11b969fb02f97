// JSON writing for every record type, in one place.
#ifndef AIDTEXT_FORMAT_JSON_WRITER_H_
#define AIDTEXT_FORMAT_JSON_WRITER_H_

#include <string>
#include <string_view>

namespace aidtext::json {

// Appends s as a JSON string literal (quotes included). Invalid UTF-8 bytes
// become U+FFFD; control characters are escaped.
void append_string(std::string& out, std::string_view s);

}  // namespace aidtext::json

#endif  // AIDTEXT_FORMAT_JSON_WRITER_H_
