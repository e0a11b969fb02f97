#include "repair/damage_scan.h"

#include <bit>

#include "core/utf8.h"
#include "repair/char_lm.h"
#include "repair/legacy_codecs.h"

namespace aidtext::repair {
namespace {

// A character costing more than this (nats) under the unigram model counts
// as rare: about 1 in 60,000 characters of jieba's corpus or rarer, and every
// non-Han, non-punctuation character outside ASCII.
constexpr float kRareCost = 10.0f;
// Rare characters among the last 8 non-ASCII ones that make a rare run.
// Clean news text has names and terms with one or two rare characters; GBK
// read as Big5 or UTF-8 read as GBK is rare nearly throughout.
constexpr int kRareRunCount = 4;
// Two debris characters at most this many characters apart raise a signal;
// a lone é or × in clean text does not.
constexpr uint32_t kDebrisGap = 2;

uint32_t back_chars(std::string_view s, uint32_t pos, uint32_t count) {
  while (pos > 0 && count > 0) {
    uint32_t p = pos - 1;
    while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
    if (s[p] == '\n') break;
    pos = p;
    --count;
  }
  return pos;
}

uint32_t forward_chars(std::string_view s, uint32_t pos, uint32_t count) {
  const uint32_t n = static_cast<uint32_t>(s.size());
  while (pos < n && count > 0) {
    if (s[pos] == '\n') break;
    pos += static_cast<uint32_t>(utf8::sequence_length(static_cast<unsigned char>(s[pos])));
    if (pos > n) pos = n;
    --count;
  }
  return pos;
}

}  // namespace

std::vector<SuspectWindow> find_suspect_windows(std::string_view text) {
  const CharLm& lm = CharLm::instance();
  std::vector<SuspectWindow> windows;
  auto hit = [&](uint32_t pos, uint8_t signal) {
    uint32_t b = back_chars(text, pos, kContextChars);
    uint32_t e = forward_chars(text, pos, kContextChars + 1);
    if (!windows.empty() && b <= windows.back().end) {
      SuspectWindow& w = windows.back();
      if (e > w.end) w.end = e;
      w.signals |= signal;
      return;
    }
    windows.push_back({b, e, signal});
  };

  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t rare_bits = 0;  // one bit per recent non-ASCII character: rare?
  uint32_t char_index = 0;
  uint32_t last_debris = 0;
  uint32_t last_debris_pos = 0;
  bool have_debris = false;
  char32_t prev = 0;
  uint32_t prev_pos = 0;
  uint32_t i = 0;
  while (i < n) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (b == '\n') rare_bits = 0;
      if (b == '?' && prev >= 0x80) hit(i, kQuestionMark);
      prev = b;
      prev_pos = i;
      ++i;
      ++char_index;
      continue;
    }
    int len;
    const char32_t c = utf8::decode(text, i, &len);
    if (prev == '?') hit(prev_pos, kQuestionMark);
    if (c == utf8::kReplacement) {
      hit(i, kReplacement);
    } else if (c >= 0xE000 && c <= 0xF8FF) {
      hit(i, kPrivateUse);
    } else if (is_single_byte_debris(c)) {
      if (c < 0xA0) {
        hit(i, kSingleByteDebris);
      } else if (have_debris && char_index - last_debris <= kDebrisGap) {
        hit(last_debris_pos, kSingleByteDebris);
        hit(i, kSingleByteDebris);
      }
      have_debris = true;
      last_debris = char_index;
      last_debris_pos = i;
    }
    const bool rare = lm.unigram_cost(c) > kRareCost;
    rare_bits = ((rare_bits << 1) | (rare ? 1u : 0u)) & 0xFF;
    if (rare && std::popcount(rare_bits) >= kRareRunCount) hit(i, kRareRun);
    prev = c;
    prev_pos = i;
    i += static_cast<uint32_t>(len);
    ++char_index;
  }
  return windows;
}

}  // namespace aidtext::repair
