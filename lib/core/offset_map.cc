#include "core/offset_map.h"

#include <algorithm>

namespace aidtext {

OffsetMap OffsetMap::identity(uint32_t size) {
  OffsetMap m;
  m.append(0, size, 0, size);
  m.in_size_ = size;
  return m;
}

void OffsetMap::append_other(uint32_t out_begin, uint32_t out_len, uint32_t in_begin, uint32_t in_len,
                             bool block) {
  if (out_len == 0) return;  // deleted input: no output byte to map
  const bool copy = !block && out_len == in_len;
  if (!pieces_.empty()) {
    MapPiece& last = pieces_.back();
    const uint32_t last_in_end = last.in_begin + last.in_len;
    if (last.out_begin + last.out_len == out_begin && last_in_end == in_begin) {
      if (!copy && !last.linear() && extend_run(last, out_len, in_len)) {
        out_size_ = out_begin + out_len;
        in_size_ = std::max(in_size_, in_begin + in_len);
        return;
      }
    } else if (in_begin < last.in_begin || in_begin + in_len < last_in_end) {
      forward_ = false;  // (a piece that continues the last never goes back)
    }
  }
  pieces_.push_back({out_begin, out_len, in_begin, in_len, copy});
  out_size_ = out_begin + out_len;
  in_size_ = std::max(in_size_, in_begin + in_len);
}

bool OffsetMap::extend_run(MapPiece& last, uint32_t out_len, uint32_t in_len) {
  // A block of the same shape that continues a block or run (its input not
  // empty, both lengths fit a unit): one more unit of the run.
  if (in_len == 0 || out_len > 255 || in_len > 255 || last.unit_out_len() != out_len ||
      last.unit_in_len() != in_len)
    return false;
  last.unit_out = static_cast<uint8_t>(out_len);
  last.unit_in = static_cast<uint8_t>(in_len);
  last.out_len += out_len;
  last.in_len += in_len;
  has_runs_ = true;
  return true;
}

void OffsetMap::append_units(uint32_t out_begin, uint32_t unit_out, uint32_t in_begin, uint32_t unit_in,
                             uint32_t n) {
  if (n == 0 || unit_out == 0) return;
  append(out_begin, unit_out, in_begin, unit_in, /*block=*/true);
  if (n == 1) return;
  if (unit_in == 0 || unit_out > 255 || unit_in > 255) {  // blocks that never merge
    for (uint32_t k = 1; k < n; ++k)
      append(out_begin + k * unit_out, unit_out, in_begin + k * unit_in, unit_in, /*block=*/true);
    return;
  }
  // The last piece is now that block, or a run of its shape that it ended.
  MapPiece& last = pieces_.back();
  last.unit_out = static_cast<uint8_t>(unit_out);
  last.unit_in = static_cast<uint8_t>(unit_in);
  last.out_len += (n - 1) * unit_out;
  last.in_len += (n - 1) * unit_in;
  has_runs_ = true;
  out_size_ = last.out_begin + last.out_len;
  in_size_ = std::max(in_size_, last.in_begin + last.in_len);
}

void OffsetMap::append_piece(const MapPiece& p, uint32_t out_shift) {
  if (p.run())
    append_units(p.out_begin + out_shift, p.unit_out, p.in_begin, p.unit_in, p.units());
  else
    append(p.out_begin + out_shift, p.out_len, p.in_begin, p.in_len, /*block=*/!p.copy);
}

size_t OffsetMap::piece_at_output(uint32_t pos) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                             [](uint32_t p, const MapPiece& m) { return p < m.out_begin; });
  if (it == pieces_.begin()) return 0;
  return static_cast<size_t>(it - pieces_.begin()) - 1;
}

inline MapPiece OffsetMap::unit_at_output(uint32_t pos) const {
  const MapPiece& p = pieces_[piece_at_output(pos)];
  if (!p.run()) [[likely]]
    return p;
  const uint32_t k = pos > p.out_begin ? (pos - p.out_begin) / p.unit_out : 0;
  return p.unit(std::min(k, p.units() - 1));
}

Range OffsetMap::to_input(Range out) const {
  if (pieces_.empty()) return {0, 0};
  if (out.begin >= out_size_) return {in_size_, in_size_};
  const MapPiece first = unit_at_output(out.begin);
  uint32_t begin = first.linear() ? first.in_begin + (out.begin - first.out_begin) : first.in_begin;
  if (out.end <= out.begin) {
    if (!first.linear() && out.begin != first.out_begin) begin = first.in_begin + first.in_len;
    return {begin, begin};
  }
  uint32_t last_byte = std::min(out.end, out_size_) - 1;
  const MapPiece last = unit_at_output(last_byte);
  uint32_t end = last.linear() ? last.in_begin + (last_byte - last.out_begin) + 1 : last.in_begin + last.in_len;
  if (end < begin) std::swap(begin, end);
  return {begin, end};
}

Range OffsetMap::to_output(Range in) const {
  if (pieces_.empty()) return {0, 0};
  if (!forward_ && has_runs_) return to_output_by_units(in);
  // First piece whose input ends after in.begin (input order equals output
  // order); in a run, its first unit that does.
  auto lo_it = std::partition_point(pieces_.begin(), pieces_.end(),
                                    [&](const MapPiece& m) { return m.in_begin + m.in_len <= in.begin; });
  if (lo_it == pieces_.end()) return {out_size_, out_size_};
  MapPiece lo = *lo_it;
  if (lo.run()) lo = lo.unit(in.begin > lo.in_begin ? (in.begin - lo.in_begin) / lo.unit_in : 0);
  uint32_t begin = lo.out_begin;
  if (lo.linear() && in.begin > lo.in_begin) begin += in.begin - lo.in_begin;
  if (in.end <= in.begin || lo.in_begin >= in.end) return {begin, begin};
  // Last piece whose input starts before in.end; in a run, its last unit that does.
  auto hi_it = std::partition_point(lo_it, pieces_.end(), [&](const MapPiece& m) { return m.in_begin < in.end; });
  MapPiece hi = *--hi_it;
  if (hi.run()) hi = hi.unit(std::min((in.end - 1 - hi.in_begin) / hi.unit_in, hi.units() - 1));
  uint32_t end = hi.out_begin + hi.out_len;
  if (hi.linear() && in.end < hi.in_begin + hi.in_len) end = hi.out_begin + (in.end - hi.in_begin);
  if (end < begin) end = begin;
  return {begin, end};
}

std::vector<uint32_t> OffsetMap::unit_starts() const {
  std::vector<uint32_t> starts;
  starts.reserve(pieces_.size() + 1);
  uint32_t sum = 0;
  for (const MapPiece& p : pieces_) {
    starts.push_back(sum);
    sum += p.units();
  }
  starts.push_back(sum);
  return starts;
}

Range OffsetMap::to_output_by_units(Range in) const {
  // starts[i]: the index of piece i's first unit among all units, built
  // once for the map as it is now (a map only grows, and every append
  // grows its output: the piece count and output size tell a stale index),
  // so that a repair's many guessed ranges cost a search each, not a pass.
  std::vector<uint32_t>& starts = unit_starts_;
  if (starts.size() != pieces_.size() + 1 || unit_starts_out_size_ != out_size_) {
    starts = unit_starts();
    unit_starts_out_size_ = out_size_;
  }
  const uint32_t total = starts.back();
  auto unit = [&](uint32_t u) {
    const size_t i = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), u) - starts.begin()) - 1;
    return pieces_[i].unit(u - starts[i]);
  };
  // std::partition_point's probes over units [first, last).
  auto partition_point = [&](uint32_t first, uint32_t last, auto pred) {
    uint32_t len = last - first;
    while (len > 0) {
      const uint32_t half = len >> 1;
      if (pred(unit(first + half))) {
        first += half + 1;
        len -= half + 1;
      } else {
        len = half;
      }
    }
    return first;
  };
  const uint32_t lo_at =
      partition_point(0, total, [&](const MapPiece& m) { return m.in_begin + m.in_len <= in.begin; });
  if (lo_at == total) return {out_size_, out_size_};
  const MapPiece lo = unit(lo_at);
  uint32_t begin = lo.out_begin;
  if (lo.linear() && in.begin > lo.in_begin) begin += in.begin - lo.in_begin;
  if (in.end <= in.begin || lo.in_begin >= in.end) return {begin, begin};
  const MapPiece hi = unit(partition_point(lo_at, total, [&](const MapPiece& m) { return m.in_begin < in.end; }) - 1);
  uint32_t end = hi.out_begin + hi.out_len;
  if (hi.linear() && in.end < hi.in_begin + hi.in_len) end = hi.out_begin + (in.end - hi.in_begin);
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
  // Moves q to the first piece of `first` whose output ends after `pos`.
  auto seek = [&](uint32_t pos) {
    if (q >= fp.size() || fp[q].out_begin > pos) q = first.piece_at_output(pos);
    while (q < fp.size() && fp[q].out_begin + fp[q].out_len <= pos) ++q;
  };
  for (const MapPiece& p : second.pieces_) {
    if (p.in_len == 0) {  // inserted text: anchor it at its position
      Range r = first.to_input({p.in_begin, p.in_begin});
      result.append(p.out_begin, p.out_len, r.begin, 0, /*block=*/true);
      continue;
    }
    if (!p.linear()) {
      if (p.run()) {
        // Unit by unit, as the blocks it stands for. When one linear piece
        // of `first` holds the whole run, each unit maps to its own bytes
        // there: the run carries over shifted.
        const MapPiece& f = fp.empty() ? p : fp[first.piece_at_output(p.in_begin)];
        if (!fp.empty() && f.linear() && f.out_begin <= p.in_begin &&
            p.in_begin + p.in_len <= f.out_begin + f.out_len) {
          result.append_units(p.out_begin, p.unit_out, f.in_begin + (p.in_begin - f.out_begin), p.unit_in,
                              p.units());
          continue;
        }
        for (uint32_t k = 0, n = p.units(); k < n; ++k) {
          const MapPiece u = p.unit(k);
          Range r = first.to_input({u.in_begin, u.in_begin + u.in_len});
          result.append(u.out_begin, u.out_len, r.begin, r.size(), /*block=*/true);
        }
        continue;
      }
      // A block inside one linear piece of `first` (a mark or a space the
      // last passes edit, in text the earlier ones copied): found with the
      // cursor, where to_input() searched the whole map for each (the
      // typography passes' composition of dev 001 was 155k instructions).
      const uint32_t b0 = p.in_begin, b1 = p.in_begin + p.in_len;
      if (!fp.empty()) {
        seek(b0);
        if (q < fp.size() && fp[q].linear() && fp[q].out_begin <= b0 && b1 <= fp[q].out_begin + fp[q].out_len) {
          result.append(p.out_begin, p.out_len, fp[q].in_begin + (b0 - fp[q].out_begin), p.in_len, /*block=*/true);
          continue;
        }
      }
      Range r = first.to_input({b0, b1});
      result.append(p.out_begin, p.out_len, r.begin, r.size(), /*block=*/true);
      continue;
    }
    uint32_t m0 = p.in_begin, m1 = p.in_begin + p.in_len;
    seek(m0);
    for (size_t k = q; k < fp.size() && fp[k].out_begin < m1; ++k) {
      const MapPiece& f = fp[k];
      uint32_t a = std::max(m0, f.out_begin), b = std::min(m1, f.out_begin + f.out_len);
      if (a >= b) continue;
      uint32_t o = p.out_begin + (a - m0);
      if (f.linear()) {
        result.append(o, b - a, f.in_begin + (a - f.out_begin), b - a);
      } else if (!f.run()) {
        // A slice of a block maps to the whole block. Kept as a block even
        // when the lengths happen to agree, so it never merges as a copy.
        result.append(o, b - a, f.in_begin, f.in_len, /*block=*/true);
      } else {
        // A slice of a run: the units it overlaps, each slice of a unit to
        // the whole unit; whole units carry over as a run.
        const uint32_t uo = f.unit_out, ui = f.unit_in;
        const uint32_t k0 = (a - f.out_begin) / uo, k1 = (b - 1 - f.out_begin) / uo;  // inclusive
        auto slice = [&](uint32_t k) {
          const uint32_t ub = f.out_begin + k * uo;
          const uint32_t sa = std::max(a, ub), sb = std::min(b, ub + uo);
          result.append(p.out_begin + (sa - m0), sb - sa, f.in_begin + k * ui, ui, /*block=*/true);
        };
        uint32_t u = k0;
        if (a > f.out_begin + k0 * uo) slice(u++);  // cut at its start
        const bool cut_end = b < f.out_begin + (k1 + 1) * uo;
        const uint32_t whole_end = cut_end ? k1 : k1 + 1;  // units [u, whole_end) are whole
        if (whole_end > u)
          result.append_units(p.out_begin + (f.out_begin + u * uo - m0), uo, f.in_begin + u * ui, ui, whole_end - u);
        if (cut_end && k1 >= u) slice(k1);
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
