#include "normalize/pinyin_annotation.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/utf8.h"

namespace aidtext {
namespace {

// The longest syllables ("zhuang", "chuang", "shuang") have six letters.
constexpr size_t kMaxSyllableLetters = 6;

// Tone-marked vowels (and ü) -> their plain letter ('v' stands for ü).
char plain_vowel(char32_t c) {
  switch (c) {
    case U'ā': case U'á': case U'ǎ': case U'à': return 'a';
    case U'ē': case U'é': case U'ě': case U'è': return 'e';
    case U'ī': case U'í': case U'ǐ': case U'ì': return 'i';
    case U'ō': case U'ó': case U'ǒ': case U'ò': return 'o';
    case U'ū': case U'ú': case U'ǔ': case U'ù': return 'u';
    case U'ǖ': case U'ǘ': case U'ǚ': case U'ǜ': case U'ü': return 'v';
    case U'ń': case U'ň': case U'ǹ': return 'n';
    default: return 0;
  }
}

bool is_tone_marked(char32_t c) { return c != U'ü' && plain_vowel(c) != 0; }

constexpr std::array<std::string_view, 23> kInitials = {
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g",
    "k",  "h",  "j",  "q", "x", "r", "z", "c", "s", "y", "w"};

constexpr std::array<std::string_view, 39> kFinals = {
    "a",   "o",    "e",   "i",   "u",   "v",    "ai",  "ei",   "ao",  "ou",
    "an",  "en",   "ang", "eng", "ong", "er",   "ia",  "ie",   "iao", "iu",
    "ian", "in",   "iang", "ing", "iong", "ua", "uo",  "uai",  "ui",  "uan",
    "un",  "uang", "ueng", "ue",  "ve",  "van", "vn",  "io",   "n"};

// A syllable of at most kMaxSyllableLetters letters a-z as one number: five
// bits a letter (1-26), first letter highest, so that numbers sort as the
// strings do. `code` is that of letters before `s` (an initial's).
constexpr uint32_t syllable_code(std::string_view s, uint32_t code = 0) {
  for (char c : s) code = code << 5 | static_cast<uint32_t>(c - 'a' + 1);
  return code;
}

// Every syllable the rule admits (an optional initial, then a final; the
// four interjections), sorted, each once: a compile-time constant. A page
// of 协(xié) notes asks hundreds of times, and the rule tries 23 initials x
// 39 finals; the set it replaced, a std::unordered_set of strings built at
// first use, cost a process's first text with a note about 545k
// instructions and 900 allocations.
struct SyllableTable {
  std::array<uint32_t, kFinals.size() + kInitials.size() * kFinals.size() + 4> codes{};
  size_t size = 0;
};

constexpr SyllableTable make_syllable_table() {
  SyllableTable t;
  auto add = [&t](std::string_view initial, std::string_view final) {
    t.codes[t.size++] = syllable_code(final, syllable_code(initial));
  };
  for (std::string_view f : kFinals)
    if (f != "n" && f != "v" && f != "i" && f != "u") add("", f);  // a, ai, e, er, ou ... (not bare i/u/v)
  for (std::string_view ini : kInitials)
    for (std::string_view f : kFinals) add(ini, f);
  for (std::string_view interjection : {"m", "ng", "hm", "hng"}) add("", interjection);
  std::sort(t.codes.begin(), t.codes.begin() + static_cast<std::ptrdiff_t>(t.size));
  t.size = static_cast<size_t>(
      std::unique(t.codes.begin(), t.codes.begin() + static_cast<std::ptrdiff_t>(t.size)) - t.codes.begin());
  return t;
}

constexpr SyllableTable kSyllables = make_syllable_table();

}  // namespace

bool is_pinyin_syllable(std::string_view plain) {
  if (plain.empty() || plain.size() > kMaxSyllableLetters) return false;
  for (char c : plain)
    if (c < 'a' || c > 'z') return false;
  const auto* end = kSyllables.codes.begin() + kSyllables.size;
  return std::binary_search(kSyllables.codes.begin(), end, syllable_code(plain));
}

size_t pinyin_annotation_length(std::string_view text, size_t pos) {
  size_t i = pos;
  bool full_width;
  if (text.substr(i, 1) == "(") {
    full_width = false;
    i += 1;
  } else if (text.substr(i, 3) == "\xEF\xBC\x88") {  // （
    full_width = true;
    i += 3;
  } else {
    return 0;
  }
  char plain[kMaxSyllableLetters];
  size_t letters = 0;
  bool tone = false;
  while (i < text.size()) {
    int len;
    char32_t c = utf8::decode(text, i, &len);
    if (c == ')' || c == U'）') {
      if (full_width != (c == U'）') || !tone) return 0;
      if (!is_pinyin_syllable(std::string_view(plain, letters))) return 0;
      return i + len - pos;
    }
    char p = c >= 'a' && c <= 'z' ? static_cast<char>(c) : plain_vowel(c);
    if (!p || letters == kMaxSyllableLetters) return 0;
    tone = tone || is_tone_marked(c);
    plain[letters++] = p;
    i += len;
  }
  return 0;
}

}  // namespace aidtext
