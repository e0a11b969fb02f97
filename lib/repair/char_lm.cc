#include "repair/char_lm.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "core/utf8.h"

// The blob written by make_repair_tables.py `lm`, little-endian:
//   u32 magic "ALM4", u32 n_ids, u32 n_slots, f32 unknown_han_cost
//   u16 id_of[65536]          BMP code point -> id (0 = not modelled)
//   u32 cp_of_id[n_ids]
//   f32 unigram[n_ids]        -ln P(c)
//   f32 end_cost[n_ids]       -ln P(a word ends with this character) (+ mixing)
//   f32 start_cost[n_ids]     -ln P(the next word starts with this character)
//   u32 row_start[n_ids]      first slot of the pairs that start with id a
//   u8  flags[n_ids]          bit 0: simplified form of a distinct traditional one
//   u8  row_log2[n_ids]       the row has 1 << row_log2 slots (0: no pairs)
//   (padding to a multiple of 4 bytes)
//   u32 slots[n_slots]        per row, an open-addressing hash of b:
//                             (b << 8) | cost, cost = -ln P(b|a) in 0.1 nat;
//                             0 = empty
extern "C" const unsigned char aidtext_repair_lm[];
extern "C" const unsigned long aidtext_repair_lm_size;

namespace aidtext::repair {
namespace {
constexpr uint32_t kMagic = 0x344D4C41;
}  // namespace

const CharLm& CharLm::instance() {
  static const CharLm lm;
  return lm;
}

CharLm::CharLm() {
  const unsigned char* p = aidtext_repair_lm;
  uint32_t header[3];
  std::memcpy(header, p, sizeof header);
  std::memcpy(&unknown_cost_, p + 12, 4);
  // A mismatched blob is a build error, not a runtime condition.
  if (header[0] != kMagic) std::abort();
  n_ids_ = header[1];
  const uint32_t n_slots = header[2];
  p += 16;
  id_of_ = reinterpret_cast<const uint16_t*>(p);
  p += 65536 * 2;
  cp_of_id_ = reinterpret_cast<const uint32_t*>(p);
  p += n_ids_ * 4;
  unigram_ = reinterpret_cast<const float*>(p);
  p += n_ids_ * 4;
  end_cost_ = reinterpret_cast<const float*>(p);
  p += n_ids_ * 4;
  start_cost_ = reinterpret_cast<const float*>(p);
  p += n_ids_ * 4;
  row_start_ = reinterpret_cast<const uint32_t*>(p);
  p += n_ids_ * 4;
  flags_ = p;
  p += n_ids_;
  row_log2_ = p;
  p += n_ids_;
  p += (4 - (2 * n_ids_) % 4) % 4;
  slots_ = reinterpret_cast<const uint32_t*>(p);
  p += size_t{n_slots} * 4;
  if (p != aidtext_repair_lm + aidtext_repair_lm_size) std::abort();
}

float CharLm::unigram_cost(char32_t c, bool traditional) const {
  uint16_t i = id(c);
  if (i) return unigram_[i] + variant_cost(c, i, traditional);
  return utf8::is_han(c) ? unknown_cost_ : class_cost(c);
}

float CharLm::cost(char32_t prev, char32_t c, bool traditional) const {
  uint16_t b = id(c);
  if (!b) {
    if (utf8::is_han(c)) return unknown_cost_;
    // Two punctuation marks in a row ("，》") are much rarer than either,
    // and a '?' right after a Han character is rarer still.
    if (c == '?' && utf8::is_han(prev)) return 12.0f;
    const bool doubled = prev == c && (c == U'—' || c == U'…');  // —— and …… are one mark
    return class_cost(c) + (!doubled && is_cjk_punctuation(prev) && is_cjk_punctuation(c) ? 3.0f : 0.0f);
  }
  uint16_t a = id(prev);
  return (a ? bigram_cost(a, b) : unigram_[b]) + variant_cost(c, b, traditional);
}

bool is_cjk_punctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0x2010 && c <= 0x2027);
}

float class_cost(char32_t c) {
  // Ordinary text around Chinese: as cheap as a common Han character.
  if (c == '\n' || c == ' ' || c == '\t') return 2.0f;
  if (c >= '0' && c <= '9') return 3.0f;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return 4.0f;
  // An ASCII '?' inside Chinese text is more often a decoder's hole than a
  // question mark (which Chinese text writes full-width).
  if (c == '?') return 8.0f;
  if (c < 0x80) return c < 0x20 ? 12.0f : 4.0f;
  // C1 controls never occur in real text; they are UTF-8 continuation bytes.
  if (c < 0xA0) return 16.0f;
  // Latin-1: legitimate in small doses (é × ° ± ·), debris in runs.
  if (c <= 0xFF) return 9.0f;
  // The punctuation of running Chinese text.
  // Costs follow their rough share of characters in news text (，5%, 。2.5%).
  switch (c) {
    case U'，': return 3.0f;
    case U'。': return 3.7f;
    case U'、': return 4.6f;
    case U'“': case U'”': case U'：': return 5.8f;
    case U'（': case U'）': case U'《': case U'》': return 6.2f;
    case U'；': case U'？': case U'！': case U'—': case U'…': return 6.5f;
    case U'·': case U'「': case U'」': case U'‘': case U'’': return 7.0f;
    default: break;
  }
  // Other CJK symbols and dashes: real but uncommon.
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0x2010 && c <= 0x2027)) return 9.0f;
  // Full-width letters, digits and signs: as rare in news text as other scripts.
  if (c == 0xFFFD) return 18.0f;
  if (c >= 0xE000 && c <= 0xF8FF) return 18.0f;  // private use: unmapped legacy codes
  // Other scripts and symbols (Greek, Cyrillic, kana, box drawing, Latin
  // extended ...) that GBK and Big5 contain and mojibake produces.
  return 11.0f;
}

}  // namespace aidtext::repair
