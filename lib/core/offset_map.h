// OffsetMap: where every byte of a text came from in the text before it.
//
// Each pipeline stage writes its output through a TextBuilder, which records
// pieces of two kinds:
//   - linear: output bytes [o, o+n) are copies of input bytes [i, i+n); byte
//     o+k came from byte i+k. A same-length replacement (a 3-byte traditional
//     character for a 3-byte simplified one) is linear too, so character
//     boundaries map exactly and plain text costs one piece per run;
//   - block: output bytes [o, o+n) as a whole came from input [i, i+m), n != m
//     (a GBK pair decoded to UTF-8, an HTML reference, a repaired span).
// Deleted input has no piece; it falls inside the range of any output span
// that straddles it. Maps compose (compose()), like source maps, so the final
// map of the whole pipeline points from normalized text to the user's bytes.
#ifndef AIDTEXT_CORE_OFFSET_MAP_H_
#define AIDTEXT_CORE_OFFSET_MAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/range.h"

namespace aidtext {

struct MapPiece {
  uint32_t out_begin;
  uint32_t out_len;
  uint32_t in_begin;
  uint32_t in_len;
  bool copy;  // linear (byte k of the output came from byte k of the input)
  bool linear() const { return copy; }
};

class OffsetMap {
 public:
  OffsetMap() = default;
  // The map of a text copied unchanged: byte k comes from byte k.
  static OffsetMap identity(uint32_t size);

  // Appends a piece; pieces must come in output order and cover the output
  // without gaps. Adjacent linear pieces that continue each other are merged.
  // A piece whose lengths agree is linear unless `block` is set.
  void append(uint32_t out_begin, uint32_t out_len, uint32_t in_begin, uint32_t in_len,
              bool block = false);
  void set_input_size(uint32_t n) { in_size_ = n; }

  // The input range that output bytes [b, e) came from. For an empty output
  // range, the empty input range at the corresponding position.
  Range to_input(Range out) const;
  // The output range that came from input bytes [b, e): the smallest output
  // range whose pieces overlap the input range (empty where the input was
  // deleted). Used to carry a stage's report (a repair) to the final text.
  Range to_output(Range in) const;

  // The map of `second` applied after `first`: output of `second` -> input of
  // `first`. `second`'s input must be `first`'s output.
  static OffsetMap compose(const OffsetMap& first, const OffsetMap& second);

  uint32_t output_size() const { return out_size_; }
  uint32_t input_size() const { return in_size_; }
  const std::vector<MapPiece>& pieces() const { return pieces_; }
  bool is_identity() const;

 private:
  // Index of the piece holding output byte `pos`, or the last piece when pos
  // is at the end.
  size_t piece_at_output(uint32_t pos) const;
  std::vector<MapPiece> pieces_;
  uint32_t out_size_ = 0;
  uint32_t in_size_ = 0;
};

}  // namespace aidtext

#endif  // AIDTEXT_CORE_OFFSET_MAP_H_
