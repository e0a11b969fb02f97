#include "normalize/pinyin_annotation.h"

#include <array>
#include <string>
#include <unordered_set>

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

}  // namespace

bool is_pinyin_syllable(std::string_view plain) {
  // Every syllable the rule below admits, listed once: a page of 协(xié)
  // notes asks hundreds of times, and the rule tries 23 initials x 39 finals.
  static const std::unordered_set<std::string> syllables = [] {
    std::unordered_set<std::string> all;
    for (std::string_view f : kFinals)
      if (f != "n" && f != "v" && f != "i" && f != "u")
        all.emplace(f);  // zero-initial syllables: a, ai, e, er, ou ... (not bare i/u/v)
    for (std::string_view ini : kInitials)
      for (std::string_view f : kFinals) all.emplace(std::string(ini) + std::string(f));
    for (const char* interjection : {"m", "ng", "hm", "hng"}) all.emplace(interjection);
    return all;
  }();
  if (plain.empty() || plain.size() > kMaxSyllableLetters) return false;
  return syllables.count(std::string(plain)) != 0;
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
