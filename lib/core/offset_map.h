// OffsetMap: where every byte of a text came from in the text before it.
//
// Each pipeline stage writes its output through a TextBuilder, which records
// pieces of two kinds:
//   - linear: output bytes [o, o+n) are copies of input bytes [i, i+n); byte
//     o+k came from byte i+k. A same-length replacement (a 3-byte traditional
//     character for a 3-byte simplified one) is linear too, so character
//     boundaries map exactly and plain text costs one piece per run;
//   - block: output bytes [o, o+n) as a whole came from input [i, i+m), n != m
//     (a GBK pair decoded to UTF-8, an HTML reference, a repaired span);
//   - run: a sequence of same-shaped blocks that continue each other, kept as
//     one piece: units of unit_out output bytes from unit_in input bytes,
//     unit k of the output from unit k of the input (a line of GBK
//     characters: units of 3 out / 2 in). A run means exactly the blocks it
//     stands for; it only saves their memory (20 bytes a character).
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
  // A run's unit (both > 0), or 0, 0: the whole piece is one unit (a linear
  // piece, a single block). Fits the padding: a piece stays 20 bytes.
  uint8_t unit_out = 0;
  uint8_t unit_in = 0;
  bool linear() const { return copy; }
  bool run() const { return unit_out != 0; }
  // How many blocks the piece stands for (1 unless a run).
  uint32_t units() const { return unit_out != 0 ? out_len / unit_out : 1; }
  uint32_t unit_out_len() const { return unit_out != 0 ? unit_out : out_len; }
  uint32_t unit_in_len() const { return unit_out != 0 ? unit_in : in_len; }
  // Unit k (< units()) as a piece of its own (the piece itself unless a run).
  MapPiece unit(uint32_t k) const {
    if (unit_out == 0) return *this;
    return {out_begin + k * unit_out, unit_out, in_begin + k * unit_in, unit_in, false};
  }
};
static_assert(sizeof(MapPiece) == 20, "a map piece stays 20 bytes");

class OffsetMap {
 public:
  OffsetMap() = default;
  // The map of a text copied unchanged: byte k comes from byte k.
  static OffsetMap identity(uint32_t size);

  // Appends a piece; pieces must come in output order and cover the output
  // without gaps. Adjacent linear pieces that continue each other are merged;
  // so are blocks of the same shape (lengths of 1..255 bytes, input not
  // empty) that continue each other: they become a run.
  // A piece whose lengths agree is linear unless `block` is set.
  void append(uint32_t out_begin, uint32_t out_len, uint32_t in_begin, uint32_t in_len,
              bool block = false) {
    // Inline: most calls are a copy that continues the last linear piece.
    if (!block && out_len == in_len && out_len != 0 && !pieces_.empty()) {
      MapPiece& last = pieces_.back();
      if (last.copy && last.out_begin + last.out_len == out_begin && last.in_begin + last.in_len == in_begin) {
        last.out_len += out_len;
        last.in_len += in_len;
        out_size_ = out_begin + out_len;
        if (in_size_ < in_begin + in_len) in_size_ = in_begin + in_len;
        return;
      }
    }
    append_other(out_begin, out_len, in_begin, in_len, block);
  }
  // Appends a piece of another map (a run as its units), its output shifted
  // by `out_shift`: as if each block it stands for were appended.
  void append_piece(const MapPiece& p, uint32_t out_shift = 0);
  void set_input_size(uint32_t n) { in_size_ = n; }

  // The input range that output bytes [b, e) came from. For an empty output
  // range, the empty input range at the corresponding position.
  Range to_input(Range out) const;
  // The output range that came from input bytes [b, e): the smallest output
  // range whose pieces overlap the input range (empty where the input was
  // deleted). Used to carry a stage's report (a repair) to the final text.
  // Not for two threads at once on one map (see to_output_by_units()).
  Range to_output(Range in) const;

  // The map of `second` applied after `first`: output of `second` -> input of
  // `first`. `second`'s input must be `first`'s output.
  static OffsetMap compose(const OffsetMap& first, const OffsetMap& second);

  uint32_t output_size() const { return out_size_; }
  uint32_t input_size() const { return in_size_; }
  // The pieces, runs included: a reader that needs the blocks one by one
  // walks a run's units (MapPiece::units(), MapPiece::unit()).
  const std::vector<MapPiece>& pieces() const { return pieces_; }
  bool has_runs() const { return has_runs_; }
  // starts[i]: the index of piece i's first unit (a run's block, or the
  // whole piece) among all units, in order; starts[pieces] their count.
  // Units are at most one an output byte, so they fit in 32 bits.
  std::vector<uint32_t> unit_starts() const;
  bool is_identity() const;

 private:
  // Index of the piece holding output byte `pos`, or the last piece when pos
  // is at the end.
  size_t piece_at_output(uint32_t pos) const;
  // The unit (a run's block, or the whole piece) holding output byte `pos`,
  // or the last one when pos is at the end: what piece_at_output() found
  // when every block was a piece of its own.
  MapPiece unit_at_output(uint32_t pos) const;
  // append() of anything but a copy that continues the last linear piece.
  void append_other(uint32_t out_begin, uint32_t out_len, uint32_t in_begin, uint32_t in_len, bool block);
  // Makes `last` (a block or run) one unit longer when the block continuing
  // it (out_len, in_len) has its unit's shape; false otherwise.
  bool extend_run(MapPiece& last, uint32_t out_len, uint32_t in_len);
  // Appends n units of one block shape, the first at (out_begin, in_begin).
  void append_units(uint32_t out_begin, uint32_t unit_out, uint32_t in_begin, uint32_t unit_in, uint32_t n);
  // to_output() on a map whose pieces' input ranges do not go forward (both
  // starts and ends non-decreasing), with runs: the binary searches as they
  // went over the blocks one by one (their answer depends on where they
  // probe). Rare: text inserted inside a block of an earlier stage. It
  // keeps an index of the units' positions (below) between calls, so
  // to_output() on such a map must not run on two threads at once; the
  // pipeline calls it only on maps of its own call.
  Range to_output_by_units(Range in) const;
  mutable std::vector<uint32_t> unit_starts_;  // unit_starts() of the map at unit_starts_out_size_
  mutable uint32_t unit_starts_out_size_ = UINT32_MAX;
  std::vector<MapPiece> pieces_;
  bool has_runs_ = false;
  bool forward_ = true;  // every piece's input starts and ends no earlier than the last's
  uint32_t out_size_ = 0;
  uint32_t in_size_ = 0;
};

}  // namespace aidtext

#endif  // AIDTEXT_CORE_OFFSET_MAP_H_
