// Moving the offsets of a record written by the library for one section of
// a document (see section_cut.h) to where they are in the whole document.
// The records stay exactly as the library wrote them but for those numbers.
#ifndef AIDTEXT_CLI_RECORD_OFFSETS_H_
#define AIDTEXT_CLI_RECORD_OFFSETS_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace aidtext::cli {

// Adds `delta` to every number in the value of the top-level member `key`
// of a JSON object: "start": 12 or "guessed": [[3,9],[20,26]].
struct JsonShift {
  std::string_view key;
  uint64_t delta;
};

// The record with its shifted numbers (non-negative integers; any other
// number is copied as it is). Strings are skipped whatever they hold.
std::string shift_json_offsets(std::string_view record, std::initializer_list<JsonShift> shifts);

// Adds `delta` to the integer field at 0-based `column` of a CSV row.
struct CsvShift {
  size_t column;
  uint64_t delta;
};

// The row (RFC 4180: quoted fields with doubled quotes; CRLF kept) with its
// shifted fields; an empty or non-integer field is copied as it is.
std::string shift_csv_offsets(std::string_view row, std::initializer_list<CsvShift> shifts);

// The 0-based column named `name` in a CSV header row, or SIZE_MAX.
size_t csv_column(std::string_view header, std::string_view name);

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_RECORD_OFFSETS_H_
