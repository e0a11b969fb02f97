#include "encoding/detector.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <vector>

#include "core/utf8.h"
#include "encoding/icu_converter.h"
#include "encoding/pair_table.h"
#include "encoding/utf16_decode.h"

// 65536 bytes generated at build time by make_common_chars.py (jieba word
// frequencies + OpenCC traditional forms): 1 = very common, 2 = common.
extern "C" const unsigned char aidtext_common_chars[];
extern "C" const unsigned long aidtext_common_chars_size;

namespace aidtext {
namespace {

constexpr size_t kClassTableSize = 0x10000;
// ASCII kept before the first non-ASCII byte in the sample: enough context
// for a UTF-16 reading, short enough to leave the sample to the text.
constexpr size_t kSampleLeadIn = 64;

int frequency_class(char32_t c) {
  if (c >= kClassTableSize || aidtext_common_chars_size < kClassTableSize) return 0;
  return aidtext_common_chars[c];
}

// character_plausibility() of every BMP character, as an index into
// kWeights: built at the first detection (65,536 calls, a few tenths of a
// millisecond), then one load a character. The wrong readings of a text
// are random characters of every block, and the range checks mispredicted
// on them.
constexpr double kWeights[] = {-2, -1, 0, 0.1, 0.8, 1.0};
// The same weights in tenths: a tally sums integers, exactly and in any
// order, where a sum of doubles waited on each addition's latency (a
// third of the detection's time) and rounded as it went.
constexpr int kWeightTenths[] = {-20, -10, 0, 1, 8, 10};

uint8_t weight_index(char32_t c) {
  const double w = character_plausibility(c);
  size_t k = 0;
  while (k + 1 < std::size(kWeights) && kWeights[k] != w) ++k;
  return static_cast<uint8_t>(k);
}

const uint8_t* bmp_weights() {
  static const uint8_t* const table = [] {
    static uint8_t t[0x10000];
    for (char32_t c = 0; c < 0x10000; ++c) t[c] = weight_index(c);
    return t;
  }();
  return table;
}

// Sums the plausibility of the non-ASCII characters of a decoding.
struct Tally {
  const uint8_t* weights = bmp_weights();
  int64_t tenths = 0;
  uint32_t counted = 0;
  void add(char32_t c) {
    if (c >= 0x20 && c < 0x7F) return;                     // ASCII text: says nothing
    if (c == '\n' || c == '\r' || c == '\t') return;
    tenths += kWeightTenths[c < 0x10000 ? weights[c] : weight_index(c)];
    ++counted;
  }
  // add() of a BMP character that is not ASCII (what a table reads from a
  // high byte), without its checks.
  void add_high(char16_t c) {
    tenths += kWeightTenths[weights[c]];
    ++counted;
  }
  double score() const { return counted ? static_cast<double>(tenths) / (10.0 * counted) : 0; }
};

void score_with_icu(std::string_view sample, bool whole, EncodingCandidate* cand) {
  UErrorCode err = U_ZERO_ERROR;
  icu::Converter cnv = icu::open_counting(cand->icu_name, &cand->invalid);
  if (!cnv) {
    cand->score = -2;
    return;
  }
  std::vector<UChar> units(sample.size() + 64);
  UChar* target = units.data();
  const char* source = sample.data();
  // Without flush, a character cut at the end of the sample is held back,
  // not counted as invalid.
  ucnv_toUnicode(cnv.get(), &target, units.data() + units.size(), &source,
                 sample.data() + sample.size(), nullptr, whole, &err);
  Tally tally;
  const size_t n = static_cast<size_t>(target - units.data());
  for (size_t k = 0; k < n; ++k) {
    char32_t c = units[k];
    if (U16_IS_LEAD(units[k]) && k + 1 < n && U16_IS_TRAIL(units[k + 1])) {
      c = U16_GET_SUPPLEMENTARY(units[k], units[k + 1]);
      ++k;
    } else if (U16_IS_SURROGATE(units[k])) {
      c = utf8::kReplacement;
    }
    tally.add(c);
  }
  cand->score = tally.score();
  cand->counted = tally.counted;
}

void score_utf8(std::string_view sample, bool whole, EncodingCandidate* cand) {
  Tally tally;
  size_t i = 0;
  while (i < sample.size()) {
    int len;
    char32_t c = utf8::decode(sample, i, &len);
    if (c == utf8::kReplacement && len == 1) {
      // A sequence cut by the end of the sample is not an error.
      if (!whole && sample.size() - i < 4 && utf8::sequence_length(sample[i]) > 1) break;
      ++cand->invalid;
    }
    tally.add(c);
    i += len;
  }
  cand->score = tally.score();
  cand->counted = tally.counted;
}

// score_with_icu() for GB18030 or Big5 through the converter's pair table
// (pair_table.h), without ICU: the same tally of the same characters.
// False, with `cand` untouched, where the table gives up. It reads the
// bytes as PairTable::walk() does, in a loop of its own: through walk(),
// with an ASCII run found first and then tallied, it took 5 % more
// instructions (callgrind, a GB18030 article's detection).
bool score_with_pairs(std::string_view sample, bool whole, const PairTable& table, EncodingCandidate* cand) {
  const auto* p = reinterpret_cast<const unsigned char*>(sample.data());
  const size_t n = sample.size();
  Tally tally;
  uint32_t invalid = 0;
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      tally.add(p[i]);
      ++i;
      continue;
    }
    if (i + 1 == n) {
      if (!whole && table.may_start_pair(p[i])) break;  // ICU holds it back
      return false;
    }
    const PairTable::Entry e = table.at(p[i], p[i + 1]);
    if (e.kind == PairTable::kGiveUp) {
      // A four-byte GB18030 character, whole within the sample.
      const char16_t c = i + 3 < n ? table.four_byte_at(p + i) : 0;
      if (c == 0) return false;
      tally.add_high(c);
      i += 4;
      continue;
    }
    invalid += e.code == utf8::kReplacement;
    tally.add_high(e.code);
    i += e.kind == PairTable::kPair ? 2 : 1;
  }
  cand->invalid = invalid;
  cand->score = tally.score();
  cand->counted = tally.counted;
  return true;
}

// score_with_icu() for UTF-16 without ICU. ICU turns an unpaired surrogate
// into one invalid sequence (two bytes) and reads on from the next unit.
void score_utf16(std::string_view sample, bool whole, bool big_endian, EncodingCandidate* cand) {
  const auto* p = reinterpret_cast<const unsigned char*>(sample.data());
  const size_t n = sample.size();
  auto unit = [&](size_t i) { return utf16_unit(p, i, big_endian); };
  Tally tally;
  uint32_t invalid = 0;
  size_t i = 0;
  while (i + 1 < n) {
    const char16_t u = unit(i);
    if (U16_IS_LEAD(u)) {
      if (i + 3 >= n) break;  // its trail would be in the next chunk
      const char16_t v = unit(i + 2);
      if (U16_IS_TRAIL(v)) {
        tally.add(U16_GET_SUPPLEMENTARY(u, v));
        i += 4;
        continue;
      }
      ++invalid;
      tally.add(utf8::kReplacement);
    } else if (U16_IS_TRAIL(u)) {
      ++invalid;
      tally.add(utf8::kReplacement);
    } else {
      tally.add(u);
    }
    i += 2;
  }
  // What is left (a high surrogate, an odd byte, or both) ICU holds back
  // until the end, where it is one truncated sequence.
  if (i < n && whole) {
    ++invalid;
    tally.add(utf8::kReplacement);
  }
  cand->invalid = invalid;
  cand->score = tally.score();
  cand->counted = tally.counted;
}

Detection detect(std::string_view bytes, bool icu_only);

}  // namespace

double character_plausibility(char32_t c) {
  if (c == utf8::kReplacement) return -2;                     // invalid sequence
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return -2;         // controls (NUL of misread UTF-16)
  if (utf8::is_han(c)) {
    switch (frequency_class(c)) {
      case 1: return 1.0;
      case 2: return 0.8;
      default: return 0.1;
    }
  }
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E) ||
      (c >= 0x2010 && c <= 0x2027) || c == 0x00B7 || c == 0x00D7 || c == 0x2030 ||
      c == 0x2103 || c == 0x2116 || (c >= 0xFE30 && c <= 0xFE4F) || c == 0x00A0 ||
      c == 0x00B0 || (c >= 0x2160 && c <= 0x216B) || (c >= 0x2460 && c <= 0x249B) ||
      (c >= 0x25A0 && c <= 0x25CF) || c == 0x2605 || c == 0x2606 || c == 0x3001)
    return 0.8;                                               // CJK and common punctuation
  if (c >= 0xE000 && c <= 0xF8FF) return -1;                  // private use: unmapped bytes
  if (c >= 0x3040 && c <= 0x30FF) return 0.1;                 // kana
  if (c >= 0xD800 && c <= 0xDFFF) return -2;
  return 0;
}

double text_plausibility(std::string_view utf8) {
  Tally tally;
  for (size_t i = 0; i < utf8.size();) {
    int len;
    tally.add(utf8::decode(utf8, i, &len));
    i += static_cast<size_t>(len);
  }
  return tally.score();
}

Detection detect_encoding(std::string_view bytes) { return detect(bytes, false); }

Detection detect_encoding_with_icu(std::string_view bytes) { return detect(bytes, true); }

namespace {

// Every candidate scored on `sample` (`whole`: the sample is the end of
// the input), best first.
Detection score_sample(std::string_view sample, bool whole, bool icu_only) {
  Detection d;
  d.ranking = {
      {"UTF-8", nullptr},
      {"GB18030", "GB18030"},
      {"Big5", "windows-950"},
      {"UTF-16LE", "UTF-16LE"},
      {"UTF-16BE", "UTF-16BE"},
  };
  for (EncodingCandidate& c : d.ranking) {
    if (!c.icu_name) {
      score_utf8(sample, whole, &c);
      continue;
    }
    if (!icu_only) {
      if (std::strncmp(c.icu_name, "UTF-16", 6) == 0) {
        score_utf16(sample, whole, c.icu_name[6] == 'B', &c);
        continue;
      }
      if (const PairTable* table = PairTable::for_converter(c.icu_name)) {
        if (score_with_pairs(sample, whole, *table, &c)) continue;
      }
    }
    score_with_icu(sample, whole, &c);
  }
  // Best score first; the listed order breaks ties (UTF-8, then GB18030, ...).
  std::stable_sort(d.ranking.begin(), d.ranking.end(),
                   [](const EncodingCandidate& a, const EncodingCandidate& b) {
                     return a.score > b.score;
                   });
  d.best = d.ranking[0];
  const double best = d.best.score;
  const double second = d.ranking.size() > 1 ? d.ranking[1].score : -2;
  // Confident when the best decoding is plausible and clearly ahead.
  d.confidence = std::clamp(best, 0.0, 1.0) * std::clamp(0.5 + (best - second), 0.0, 1.0);
  return d;
}

// Whether the first look settles it (detector.h's kQuickSampleBytes).
bool settled_by_first_look(const Detection& d) {
  const EncodingCandidate& best = d.best;
  const bool legacy = best.icu_name && std::strncmp(best.icu_name, "UTF-16", 6) != 0;
  return legacy && best.invalid == 0 && best.counted >= kQuickMinChars && best.score >= kQuickMinScore &&
         best.score - d.ranking[1].score >= kQuickMinLead;
}

Detection detect(std::string_view bytes, bool icu_only) {
  // Pages often open with kilobytes of ASCII markup: the sample starts a
  // little before the first byte that is not plain ASCII (a high byte, or
  // a NUL of UTF-16), at an even offset so UTF-16 stays aligned.
  size_t first = 0;
  while (first < bytes.size() && static_cast<unsigned char>(bytes[first]) < 0x80 && bytes[first] != 0)
    ++first;
  const size_t start = (first > kSampleLeadIn ? first - kSampleLeadIn : 0) & ~size_t{1};
  if (bytes.size() - start > kQuickSampleBytes) {
    Detection quick = score_sample(bytes.substr(start, kQuickSampleBytes), false, icu_only);
    if (settled_by_first_look(quick)) return quick;
  }
  const bool whole = bytes.size() - start <= kDetectionSampleBytes;
  return score_sample(bytes.substr(start, kDetectionSampleBytes), whole, icu_only);
}

}  // namespace

}  // namespace aidtext
