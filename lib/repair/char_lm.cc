#include "repair/char_lm.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "core/utf8.h"

// The blob written by make_repair_tables.py `lm`, little-endian:
//   u32 magic "ALM5", u32 n_ids, u32 n_buckets, f32 unknown_han_cost
//   u16 id_of[65536]          BMP code point -> id (0 = not modelled)
//   IdFacts facts[n_ids]      20 bytes an id: unigram, start and end costs,
//                             its row (first bucket, bucket count), code
//                             point, flags (see char_lm.h)
//   (padding to a multiple of 64 bytes)
//   Bucket buckets[n_buckets] 64 bytes each, the rows one after the other
//                             (u16 b[21], u8 cost[21], u8 overflow)
// The blob is embedded 64-byte aligned (CMakeLists.txt), so that a bucket
// is one cache line.
//
// Why this layout: in the benchmark (dev articles 000-004 one after the
// other) a repair starts with the model evicted from L2 by the other
// articles' work, so much of its cost is the lines it touches. Rows as
// open addressing over 4-byte slots (b << 8 | cost), filled to 49 % on
// average (2.5 MB in all), had a look-up read a line of 8 pairs, and the
// facts of an id in seven arrays took a line per fact: dev article 001's
// repair touched about 4100 lines of rows and 1100 of per-id facts (counted
// from a trace of its look-ups). Buckets of 21 pairs filled to 80 % (1.4 MB)
// and one 20-byte record per id make that about 2300 and 670; cachegrind
// (512 KB L2) counts 6.5k L2 read misses per round of the benchmark inside
// the repair instead of 8.8k, for 0.3 % more instructions.
extern "C" const unsigned char aidtext_repair_lm[];
extern "C" const unsigned long aidtext_repair_lm_size;

namespace aidtext::repair {
namespace {
constexpr uint32_t kMagic = 0x354D4C41;  // "ALM5"
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
  if (header[0] != kMagic || reinterpret_cast<uintptr_t>(p) % alignof(Bucket) != 0) std::abort();
  n_ids_ = header[1];
  const uint32_t n_buckets = header[2];
  p += 16;
  id_of_ = reinterpret_cast<const uint16_t*>(p);
  p += 65536 * 2;
  facts_ = reinterpret_cast<const IdFacts*>(p);
  p += n_ids_ * sizeof(IdFacts);
  const size_t facts_end = static_cast<size_t>(p - aidtext_repair_lm);
  p = aidtext_repair_lm + (facts_end + alignof(Bucket) - 1) / alignof(Bucket) * alignof(Bucket);
  buckets_ = reinterpret_cast<const Bucket*>(p);
  p += size_t{n_buckets} * sizeof(Bucket);
  if (p != aidtext_repair_lm + aidtext_repair_lm_size) std::abort();
  for (int i = 0; i < 256; ++i) stored_costs_[i] = stored_cost(i);
}

float CharLm::cost(char32_t prev, char32_t c, bool traditional) const {
  uint16_t b = id(c);
  if (!b) {
    if (utf8::is_han(c)) return unknown_cost_;
    return unmodelled_cost(prev, c, class_cost(c));
  }
  uint16_t a = id(prev);
  return (a ? bigram_cost(a, b) : facts_[b].unigram) + variant_cost(c, b, traditional);
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
