// The legacy codecs whose confusions the repairer undoes: the double-byte
// GBK, GB18030 (its two-byte part, which maps GBK's holes to private use
// code points) and Big5, plus the single-byte Latin-1 / "sloppy" cp1252 view
// of bytes. Tables come from Python's standard codecs at build time (see
// make_repair_tables.py), the codecs that produce most real mojibake.
#ifndef AIDTEXT_REPAIR_LEGACY_CODECS_H_
#define AIDTEXT_REPAIR_LEGACY_CODECS_H_

#include <cstddef>
#include <cstdint>

namespace aidtext::repair {

enum class Codec : uint8_t { kGbk, kGb18030, kBig5 };

class DoubleByteCodec {
 public:
  static const DoubleByteCodec& get(Codec c);

  // The character of the pair (lead, trail), 0 when the pair is unmapped.
  char32_t decode(uint8_t lead, uint8_t trail) const {
    if (lead < 0x81 || lead == 0xFF || trail < 0x40 || trail == 0xFF) return 0;
    return table_[(lead - 0x81) * kTrails + (trail - 0x40)];
  }
  // The pair of `c` as (lead << 8 | trail), 0 when `c` has no pair. ASCII is
  // not a pair: callers handle single bytes themselves.
  uint16_t encode(char32_t c) const { return c < 0x10000 ? reverse_[c] : 0; }
  // Whether `b` may follow a lead byte in this codec. Inline: the tables
  // built at first use called it 56k times (0.8M instructions).
  bool valid_trail(uint8_t b) const {
    if (big5_) return (b >= 0x40 && b <= 0x7E) || (b >= 0xA1 && b <= 0xFE);
    return b >= 0x40 && b <= 0xFE && b != 0x7F;
  }
  // The lattice decoder's byte sets of this codec as a source view
  // (lattice_tables.h's per_source_view), generated with the codec tables:
  // kViewTablesSize bytes, 64-byte aligned.
  const unsigned char* view_tables() const { return view_tables_; }
  static constexpr size_t kViewTablesSize = 2 * 32 + 256 * 32 + 257 * 32;

 private:
  static constexpr int kTrails = 0xFF - 0x40;  // trail bytes 0x40..0xFE
  explicit DoubleByteCodec(int index);
  const uint16_t* table_;
  const uint16_t* reverse_;  // [0x10000]
  const unsigned char* view_tables_;
  bool big5_;
};

// The byte a character stands for when bytes were read as Latin-1 or as
// cp1252 (either view, since both occur): -1 when the character is neither.
// ASCII maps to itself.
int single_byte_of(char32_t c);

// Whether `c` is one of the characters single-byte mojibake is made of:
// U+0080..U+00FF or a cp1252 replacement of 0x80..0x9F (€ ‚ ƒ „ … † ‡ ...).
inline bool is_single_byte_debris(char32_t c) {
  return c >= 0x80 && c < 0x10000 && single_byte_of(c) >= 0;
}

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_LEGACY_CODECS_H_
