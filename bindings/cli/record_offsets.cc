#include "record_offsets.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace aidtext::cli {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Appends the integer `digits` plus `delta`; anything else as it is.
void append_shifted(std::string& out, std::string_view digits, uint64_t delta) {
  uint64_t v = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty() || v > UINT64_MAX - delta) {
    out.append(digits);
    return;
  }
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v + delta);
  out.append(buf, r.ptr);
}

const uint64_t* delta_of(std::string_view key, std::initializer_list<JsonShift> shifts) {
  for (const JsonShift& s : shifts)
    if (s.key == key) return &s.delta;
  return nullptr;
}

}  // namespace

std::string shift_json_offsets(std::string_view record, std::initializer_list<JsonShift> shifts) {
  std::string out;
  out.reserve(record.size() + 16);
  int depth = 0;
  std::string_view last_string;  // the last string closed at depth 1 (a key when ':' follows)
  const uint64_t* delta = nullptr;  // the shift of the top-level member being read
  size_t i = 0;
  while (i < record.size()) {
    const char c = record[i];
    if (c == '"') {
      size_t close = i + 1;
      while (close < record.size() && record[close] != '"') close += record[close] == '\\' ? 2 : 1;
      close = std::min(close, record.size());
      if (depth == 1) last_string = record.substr(i + 1, close - (i + 1));
      const size_t j = std::min(close + 1, record.size());
      out.append(record.substr(i, j - i));
      i = j;
      continue;
    }
    if (c == ':' && depth == 1) delta = delta_of(last_string, shifts);
    if ((c == ',' && depth == 1) || c == '}') {
      if (depth == 1) delta = nullptr;
    }
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
    if (is_digit(c) || c == '-') {
      // A whole number token: only a plain non-negative integer moves.
      size_t j = i + 1;
      while (j < record.size() && (is_digit(record[j]) || record[j] == '.' || record[j] == 'e' ||
                                   record[j] == 'E' || record[j] == '+' || record[j] == '-'))
        ++j;
      const std::string_view token = record.substr(i, j - i);
      if (delta != nullptr && token.find_first_not_of("0123456789") == std::string_view::npos)
        append_shifted(out, token, *delta);
      else
        out.append(token);
      i = j;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

std::string shift_csv_offsets(std::string_view row, std::initializer_list<CsvShift> shifts) {
  std::string out;
  out.reserve(row.size() + 16);
  size_t column = 0, i = 0;
  while (i < row.size()) {
    // One field: [i, j).
    size_t j = i;
    if (row[i] == '"') {
      j = i + 1;
      while (j < row.size()) {
        if (row[j] == '"') {
          if (j + 1 < row.size() && row[j + 1] == '"') {
            j += 2;
            continue;
          }
          ++j;
          break;
        }
        ++j;
      }
    }
    while (j < row.size() && row[j] != ',' && row[j] != '\r' && row[j] != '\n') ++j;
    const std::string_view field = row.substr(i, j - i);
    const uint64_t* delta = nullptr;
    for (const CsvShift& s : shifts)
      if (s.column == column) delta = &s.delta;
    if (delta != nullptr) append_shifted(out, field, *delta);
    else out.append(field);
    if (j >= row.size() || row[j] != ',') {
      out.append(row.substr(j));  // the row's end
      break;
    }
    out.push_back(',');
    i = j + 1;
    ++column;
    if (i == row.size()) break;
  }
  return out;
}

size_t csv_column(std::string_view header, std::string_view name) {
  size_t column = 0, i = 0;
  while (i <= header.size()) {
    size_t j = header.find_first_of(",\r\n", i);
    if (j == std::string_view::npos) j = header.size();
    if (header.substr(i, j - i) == name) return column;
    if (j >= header.size() || header[j] != ',') break;
    i = j + 1;
    ++column;
  }
  return SIZE_MAX;
}

}  // namespace aidtext::cli
