#include "normalize/html_reference.h"

#include <algorithm>
#include <cstdint>

namespace aidtext {
namespace {

struct NamedReference {
  std::string_view name;
  char32_t cp;
  bool semicolon_optional;
};

// Sorted by name for binary search.
constexpr NamedReference kNamed[] = {
    {"AMP", U'&', true},       {"GT", U'>', true},        {"LT", U'<', true},
    {"QUOT", U'"', true},      {"amp", U'&', true},       {"apos", U'\'', false},
    {"bull", U'•', false},     {"cent", U'¢', false},     {"copy", U'©', false},
    {"darr", U'↓', false},     {"deg", U'°', false},      {"divide", U'÷', false},
    {"emsp", 0x2003, false},   {"ensp", 0x2002, false},   {"euro", U'€', false},
    {"frac12", U'½', false},   {"frac14", U'¼', false},   {"frac34", U'¾', false},
    {"ge", U'≥', false},       {"gt", U'>', true},        {"hellip", U'…', false},
    {"iexcl", U'¡', false},    {"laquo", U'«', false},    {"larr", U'←', false},
    {"ldquo", U'“', false},    {"le", U'≤', false},       {"lsaquo", U'‹', false},
    {"lsquo", U'‘', false},    {"lt", U'<', true},        {"mdash", U'—', false},
    {"micro", U'µ', false},    {"middot", U'·', false},   {"nbsp", 0xA0, true},
    {"ndash", U'–', false},    {"ne", U'≠', false},       {"para", U'¶', false},
    {"permil", U'‰', false},   {"plusmn", U'±', false},   {"pound", U'£', false},
    {"quot", U'"', true},      {"raquo", U'»', false},    {"rarr", U'→', false},
    {"rdquo", U'”', false},    {"reg", U'®', false},      {"rsaquo", U'›', false},
    {"rsquo", U'’', false},    {"sbquo", U'‚', false},    {"sect", U'§', false},
    {"shy", 0xAD, false},      {"sup2", U'²', false},     {"sup3", U'³', false},
    {"thinsp", 0x2009, false}, {"times", U'×', false},    {"trade", U'™', false},
    {"uarr", U'↑', false},     {"yen", U'¥', false},      {"zwj", 0x200D, false},
    {"zwnj", 0x200C, false},
};

static_assert(std::is_sorted(std::begin(kNamed), std::end(kNamed),
                             [](const NamedReference& a, const NamedReference& b) {
                               return a.name < b.name;
                             }),
              "kNamed must be sorted for binary search");

// Longest name in kNamed; a longer run of letters is not a reference.
constexpr size_t kMaxNameLength = 6;
// "&#x10FFFF;" has six hex digits, "&#1114111;" seven decimal digits; leading
// zeros beyond this are not worth decoding.
constexpr size_t kMaxDigits = 8;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

size_t numeric_reference(std::string_view text, size_t pos, char32_t* cp) {
  size_t i = pos + 2;  // after "&#"
  const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  uint32_t value = 0;
  size_t digits = 0;
  while (i < text.size() && digits < kMaxDigits) {
    char c = text[i];
    int d = c >= '0' && c <= '9' ? c - '0'
            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
            : -1;
    if (d < 0) break;
    value = value * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    ++digits;
    ++i;
  }
  if (digits == 0 || i >= text.size() || text[i] != ';') return 0;
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  *cp = value;
  return i + 1 - pos;
}

}  // namespace

size_t html_reference_length(std::string_view text, size_t pos, char32_t* cp) {
  if (pos + 1 >= text.size() || text[pos] != '&') return 0;
  if (text[pos + 1] == '#') return numeric_reference(text, pos, cp);
  size_t i = pos + 1;
  while (i < text.size() && i - pos - 1 <= kMaxNameLength && (is_alpha(text[i]) || (i > pos + 1 && text[i] >= '0' && text[i] <= '9'))) ++i;
  std::string_view name = text.substr(pos + 1, i - pos - 1);
  if (name.empty() || name.size() > kMaxNameLength) return 0;
  const bool semicolon = i < text.size() && text[i] == ';';
  auto it = std::lower_bound(std::begin(kNamed), std::end(kNamed), name,
                             [](const NamedReference& r, std::string_view n) { return r.name < n; });
  if (it == std::end(kNamed) || it->name != name) return 0;
  if (!semicolon && !it->semicolon_optional) return 0;
  *cp = it->cp;
  return name.size() + 1 + (semicolon ? 1 : 0);
}

}  // namespace aidtext
