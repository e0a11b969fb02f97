// Internal to the lattice decoder (lattice.cc): the sort that reduces the
// states reaching a node to its beam.
#ifndef AIDTEXT_REPAIR_BEAM_SORT_H_
#define AIDTEXT_REPAIR_BEAM_SORT_H_

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "repair/lattice_graph.h"

namespace aidtext::repair::lattice_detail {

// A state's place in the beam's order as one integer: its cost's bits
// (costs are never negative, so they order as the costs do) over its arena
// index, complemented. Equal costs are common (bigram costs are stored in
// tenths of a nat), and this orders them by a rule, the state reached last
// first, where std::partial_sort on (cost, state) pairs left them in the
// order its heap happened to give (which a faster sort cannot reproduce).
// On the peer suite the rule changes one kind (utf8-as-gbk-ignore 90.14 ->
// 90.20 % of characters), the dev articles not at all, and with a sort of
// plain integers repairing dev article 001 is 8 % faster.
inline uint64_t beam_key(const std::vector<Entry>& arena, int32_t s) {
  return uint64_t{std::bit_cast<uint32_t>(arena[static_cast<size_t>(s)].cost)} << 32 | ~static_cast<uint32_t>(s);
}
inline int32_t state_of(uint64_t key) { return static_cast<int32_t>(~static_cast<uint32_t>(key)); }

// Reduces the states that reached a node to its beam: the `width` (at
// most kBeamWidth) cheapest with distinct (last character, decoded) in
// order of cost, into `kept`. Only the cheapest few are sorted: a node after a hole is reached
// by hundreds of candidates, of which the beam keeps sixteen. (The coarse
// decode's beam of two is kept as its states arrive: lattice.cc's
// CoarseBeam, which picks as this does.)
inline void keep_best_states(const std::vector<Entry>& arena, const std::vector<int32_t>& states,
                             std::vector<int32_t>& kept, std::vector<uint64_t>& order,
                             size_t width = kBeamWidth) {
  order.resize(states.size());
  for (size_t j = 0; j < states.size(); ++j) order[j] = beam_key(arena, states[j]);
  kept.clear();
  std::array<uint32_t, kBeamWidth> tags;
  size_t n_kept = 0;
  uint64_t seen = 0;  // a bit per tag kept, by hash
  size_t sorted = std::min(order.size(), 4 * width);
  const auto at = [&](size_t j) { return order.begin() + static_cast<std::ptrdiff_t>(j); };
  if (sorted < order.size()) std::nth_element(order.begin(), at(sorted), order.end());
  if (sorted <= width) {
    // Most nodes are reached by a few states: sorted in place by insertion
    // (keys are distinct, so any sort gives this order).
    uint64_t* v = order.data();
    for (size_t j = 1; j < sorted; ++j) {
      const uint64_t x = v[j];
      size_t i = j;
      for (; i > 0 && v[i - 1] > x; --i) v[i] = v[i - 1];
      v[i] = x;
    }
  } else {
    std::sort(order.begin(), at(sorted));
  }
  for (size_t j = 0; j < order.size(); ++j) {
    if (j == sorted) {  // many duplicates: sort the rest too
      std::sort(at(sorted), order.end());
      sorted = order.size();
    }
    const int32_t s = state_of(order[j]);
    const Entry& e = arena[static_cast<size_t>(s)];
    // (last character, decoded) as one word, compared with those kept so
    // far from a local array rather than through the arena.
    const uint32_t tag = static_cast<uint32_t>(e.last) << 1 | uint32_t{e.decoded};
    // A tag whose bit in `seen` is clear is new (most are): no scan.
    const uint64_t bit = uint64_t{1} << ((tag * 0x9E3779B1u) >> 26);
    if (seen & bit) {
      size_t k = 0;
      while (k < n_kept && tags[k] != tag) ++k;
      if (k < n_kept) continue;
    }
    seen |= bit;
    tags[n_kept++] = tag;
    kept.push_back(s);
    if (n_kept == width) break;
  }
}

}  // namespace aidtext::repair::lattice_detail

#endif  // AIDTEXT_REPAIR_BEAM_SORT_H_
