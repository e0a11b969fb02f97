#include "core/offset_map.h"

#include <algorithm>

namespace aidtext {

OffsetMap OffsetMap::identity(uint32_t size) {
  OffsetMap m;
  m.append(0, size, 0, size);
  m.in_size_ = size;
  return m;
}

void OffsetMap::append(uint32_t out_begin, uint32_t out_len, uint32_t in_begin, uint32_t in_len,
                       bool block) {
  if (out_len == 0) return;  // deleted input: no output byte to map
  const bool copy = !block && out_len == in_len;
  if (copy && !pieces_.empty()) {
    MapPiece& last = pieces_.back();
    if (last.linear() && last.out_begin + last.out_len == out_begin &&
        last.in_begin + last.in_len == in_begin) {
      last.out_len += out_len;
      last.in_len += in_len;
      out_size_ = out_begin + out_len;
      in_size_ = std::max(in_size_, in_begin + in_len);
      return;
    }
  }
  pieces_.push_back({out_begin, out_len, in_begin, in_len, copy});
  out_size_ = out_begin + out_len;
  in_size_ = std::max(in_size_, in_begin + in_len);
}

size_t OffsetMap::piece_at_output(uint32_t pos) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                             [](uint32_t p, const MapPiece& m) { return p < m.out_begin; });
  if (it == pieces_.begin()) return 0;
  return static_cast<size_t>(it - pieces_.begin()) - 1;
}

Range OffsetMap::to_input(Range out) const {
  if (pieces_.empty()) return {0, 0};
  if (out.begin >= out_size_) return {in_size_, in_size_};
  const MapPiece& first = pieces_[piece_at_output(out.begin)];
  uint32_t begin = first.linear() ? first.in_begin + (out.begin - first.out_begin) : first.in_begin;
  if (out.end <= out.begin) {
    if (!first.linear() && out.begin != first.out_begin) begin = first.in_begin + first.in_len;
    return {begin, begin};
  }
  uint32_t last_byte = std::min(out.end, out_size_) - 1;
  const MapPiece& last = pieces_[piece_at_output(last_byte)];
  uint32_t end = last.linear() ? last.in_begin + (last_byte - last.out_begin) + 1 : last.in_begin + last.in_len;
  if (end < begin) std::swap(begin, end);
  return {begin, end};
}

Range OffsetMap::to_output(Range in) const {
  if (pieces_.empty()) return {0, 0};
  // First piece whose input ends after in.begin (input order equals output order).
  auto lo = std::partition_point(pieces_.begin(), pieces_.end(),
                                 [&](const MapPiece& m) { return m.in_begin + m.in_len <= in.begin; });
  if (lo == pieces_.end()) return {out_size_, out_size_};
  uint32_t begin = lo->out_begin;
  if (lo->linear() && in.begin > lo->in_begin) begin += in.begin - lo->in_begin;
  if (in.end <= in.begin || lo->in_begin >= in.end) return {begin, begin};
  // Last piece whose input starts before in.end.
  auto hi = std::partition_point(lo, pieces_.end(), [&](const MapPiece& m) { return m.in_begin < in.end; });
  --hi;
  uint32_t end = hi->out_begin + hi->out_len;
  if (hi->linear() && in.end < hi->in_begin + hi->in_len) end = hi->out_begin + (in.end - hi->in_begin);
  if (end < begin) end = begin;
  return {begin, end};
}

OffsetMap OffsetMap::compose(const OffsetMap& first, const OffsetMap& second) {
  // With an identity map of the same text on either side, the piece walk
  // below rebuilds the other map piece for piece (its linear pieces are
  // merged already: append() merges them): that map, with the outer sizes.
  // The pipeline's maps mostly are such (verbatim decoding, conversion of
  // simplified text, in place of traditional): 30,000 instructions a round
  // of the dev articles went to rebuilding them.
  if (first.is_identity() && first.out_size_ == second.in_size_) {
    OffsetMap result = second;
    result.in_size_ = first.in_size_;
    return result;
  }
  if (second.is_identity() && second.in_size_ == first.out_size_) {
    OffsetMap result = first;
    result.out_size_ = second.out_size_;
    return result;
  }
  OffsetMap result;
  result.pieces_.reserve(second.pieces_.size() + first.pieces_.size());
  const auto& fp = first.pieces_;
  size_t q = 0;  // cursor into first's pieces; second's input is monotone
  for (const MapPiece& p : second.pieces_) {
    if (p.in_len == 0) {  // inserted text: anchor it at its position
      Range r = first.to_input({p.in_begin, p.in_begin});
      result.append(p.out_begin, p.out_len, r.begin, 0, /*block=*/true);
      continue;
    }
    if (!p.linear()) {
      Range r = first.to_input({p.in_begin, p.in_begin + p.in_len});
      result.append(p.out_begin, p.out_len, r.begin, r.size(), /*block=*/true);
      continue;
    }
    uint32_t m0 = p.in_begin, m1 = p.in_begin + p.in_len;
    if (q >= fp.size() || fp[q].out_begin > m0) q = first.piece_at_output(m0);
    while (q < fp.size() && fp[q].out_begin + fp[q].out_len <= m0) ++q;
    for (size_t k = q; k < fp.size() && fp[k].out_begin < m1; ++k) {
      const MapPiece& f = fp[k];
      uint32_t a = std::max(m0, f.out_begin), b = std::min(m1, f.out_begin + f.out_len);
      if (a >= b) continue;
      uint32_t o = p.out_begin + (a - m0);
      if (f.linear()) {
        result.append(o, b - a, f.in_begin + (a - f.out_begin), b - a);
      } else {
        // A slice of a block maps to the whole block. Kept as a block even
        // when the lengths happen to agree, so it never merges as a copy.
        result.append(o, b - a, f.in_begin, f.in_len, /*block=*/true);
      }
      q = k;
    }
  }
  result.out_size_ = second.out_size_;
  result.in_size_ = first.in_size_;
  return result;
}

bool OffsetMap::is_identity() const {
  return pieces_.size() <= 1 && out_size_ == in_size_ &&
         (pieces_.empty() || (pieces_[0].in_begin == 0 && pieces_[0].linear()));
}

}  // namespace aidtext
