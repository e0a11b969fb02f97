#define BOOST_TEST_MODULE offset_map
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/offset_map.h"
#include "core/text_builder.h"

using aidtext::OffsetMap;
using aidtext::Range;
using aidtext::TextBuilder;

BOOST_AUTO_TEST_CASE(identity_maps_each_byte_to_itself) {
  OffsetMap m = OffsetMap::identity(10);
  BOOST_TEST(m.is_identity());
  BOOST_TEST((m.to_input({3, 7}) == Range{3, 7}));
  BOOST_TEST((m.to_output({2, 5}) == Range{2, 5}));
}

BOOST_AUTO_TEST_CASE(builder_records_copies_blocks_and_deletions) {
  std::string in = "ab&amp;cd(xx)ef";
  TextBuilder b(in);
  b.copy(0, 2);             // ab
  b.replace(2, 5, "&");     // &amp; -> &
  b.copy(7, 2);             // cd
  /* (xx) deleted */
  b.copy(13, 2);            // ef
  OffsetMap m = b.take_map();
  std::string out = b.take_text();
  BOOST_TEST(out == "ab&cdef");
  BOOST_TEST((m.to_input({2, 3}) == Range{2, 7}));   // the '&' came from "&amp;"
  BOOST_TEST((m.to_input({3, 5}) == Range{7, 9}));   // "cd"
  BOOST_TEST((m.to_input({4, 6}) == Range{8, 14}));  // "de" straddles the deleted "(xx)"
  BOOST_TEST((m.to_output({9, 13}) == Range{5, 5})); // deleted input maps to an empty output
  BOOST_TEST((m.to_output({2, 7}) == Range{2, 3}));
}

BOOST_AUTO_TEST_CASE(same_length_replacement_stays_linear) {
  std::string in = "xx國yy";
  TextBuilder b(in);
  b.copy(0, 2);
  b.replace(2, 3, "国");
  b.copy(5, 2);
  OffsetMap m = b.take_map();
  BOOST_TEST(m.pieces().size() == 1u);
  BOOST_TEST((m.to_input({2, 5}) == Range{2, 5}));
}

BOOST_AUTO_TEST_CASE(composition_points_at_the_original_bytes) {
  // Stage 1: "\xB9\xFA" (GBK 国, 2 bytes) + "ab" -> "国ab" (3 + 2 bytes)
  std::string in1 = "\xB9\xFA" "ab";
  TextBuilder s1(in1);
  s1.replace(0, 2, "国");
  s1.copy(2, 2);
  std::string mid = s1.text();
  OffsetMap m1 = s1.take_map();
  // Stage 2: drop "a": "国b"
  TextBuilder s2(mid);
  s2.copy(0, 3);
  s2.copy(4, 1);
  OffsetMap m2 = s2.take_map();
  OffsetMap all = OffsetMap::compose(m1, m2);
  BOOST_TEST((all.to_input({0, 3}) == Range{0, 2}));  // 国 <- the GBK pair
  BOOST_TEST((all.to_input({3, 4}) == Range{3, 4}));  // b <- b
  BOOST_TEST((all.to_input({0, 4}) == Range{0, 4}));
  BOOST_TEST(all.input_size() == 4u);
  BOOST_TEST(all.output_size() == 4u);
}

BOOST_AUTO_TEST_CASE(empty_text_and_positions_past_the_end) {
  OffsetMap m = OffsetMap::identity(0);
  BOOST_TEST((m.to_input({0, 0}) == Range{0, 0}));
  OffsetMap n = OffsetMap::identity(5);
  BOOST_TEST((n.to_input({5, 5}) == Range{5, 5}));
  BOOST_TEST((n.to_input({9, 12}) == Range{5, 5}));
}

// ---------------------------------------------------------------------------
// Runs: same-shaped blocks that continue each other are one piece. Every
// answer must equal that of the same map with one piece per block, which
// RefMap below keeps (the map as it was before runs: linear pieces merge,
// blocks never do).

namespace {

using aidtext::MapPiece;

struct RefMap {
  std::vector<MapPiece> pieces;
  uint32_t out_size = 0, in_size = 0;

  void append(uint32_t o, uint32_t ol, uint32_t i, uint32_t il, bool block = false) {
    if (ol == 0) return;
    const bool copy = !block && ol == il;
    if (copy && !pieces.empty()) {
      MapPiece& last = pieces.back();
      if (last.copy && last.out_begin + last.out_len == o && last.in_begin + last.in_len == i) {
        last.out_len += ol;
        last.in_len += il;
        out_size = o + ol;
        in_size = std::max(in_size, i + il);
        return;
      }
    }
    pieces.push_back({o, ol, i, il, copy});
    out_size = o + ol;
    in_size = std::max(in_size, i + il);
  }
  size_t piece_at_output(uint32_t pos) const {
    size_t k = 0;
    while (k + 1 < pieces.size() && pieces[k + 1].out_begin <= pos) ++k;
    return k;
  }
  Range to_input(Range out) const {
    if (pieces.empty()) return {0, 0};
    if (out.begin >= out_size) return {in_size, in_size};
    const MapPiece& f = pieces[piece_at_output(out.begin)];
    uint32_t begin = f.copy ? f.in_begin + (out.begin - f.out_begin) : f.in_begin;
    if (out.end <= out.begin) {
      if (!f.copy && out.begin != f.out_begin) begin = f.in_begin + f.in_len;
      return {begin, begin};
    }
    uint32_t last_byte = std::min(out.end, out_size) - 1;
    const MapPiece& l = pieces[piece_at_output(last_byte)];
    uint32_t end = l.copy ? l.in_begin + (last_byte - l.out_begin) + 1 : l.in_begin + l.in_len;
    if (end < begin) std::swap(begin, end);
    return {begin, end};
  }
  // As the map answered before runs (binary searches, which also decide
  // where the input order of the pieces is not monotone).
  Range to_output(Range in) const {
    if (pieces.empty()) return {0, 0};
    auto lo = std::partition_point(pieces.begin(), pieces.end(),
                                   [&](const MapPiece& m) { return m.in_begin + m.in_len <= in.begin; });
    if (lo == pieces.end()) return {out_size, out_size};
    uint32_t begin = lo->out_begin;
    if (lo->copy && in.begin > lo->in_begin) begin += in.begin - lo->in_begin;
    if (in.end <= in.begin || lo->in_begin >= in.end) return {begin, begin};
    auto hi = std::partition_point(lo, pieces.end(), [&](const MapPiece& m) { return m.in_begin < in.end; });
    --hi;
    uint32_t end = hi->out_begin + hi->out_len;
    if (hi->copy && in.end < hi->in_begin + hi->in_len) end = hi->out_begin + (in.end - hi->in_begin);
    if (end < begin) end = begin;
    return {begin, end};
  }
  bool is_identity() const {
    return pieces.size() <= 1 && out_size == in_size &&
           (pieces.empty() || (pieces[0].in_begin == 0 && pieces[0].copy));
  }
  static RefMap compose(const RefMap& first, const RefMap& second) {
    if (first.is_identity() && first.out_size == second.in_size) {
      RefMap r = second;
      r.in_size = first.in_size;
      return r;
    }
    if (second.is_identity() && second.in_size == first.out_size) {
      RefMap r = first;
      r.out_size = second.out_size;
      return r;
    }
    RefMap r;
    for (const MapPiece& p : second.pieces) {
      if (p.in_len == 0) {
        Range x = first.to_input({p.in_begin, p.in_begin});
        r.append(p.out_begin, p.out_len, x.begin, 0, true);
        continue;
      }
      if (!p.copy) {
        Range x = first.to_input({p.in_begin, p.in_begin + p.in_len});
        r.append(p.out_begin, p.out_len, x.begin, x.size(), true);
        continue;
      }
      const uint32_t m0 = p.in_begin, m1 = p.in_begin + p.in_len;
      for (const MapPiece& f : first.pieces) {
        uint32_t a = std::max(m0, f.out_begin), b = std::min(m1, f.out_begin + f.out_len);
        if (a >= b) continue;
        uint32_t o = p.out_begin + (a - m0);
        if (f.copy)
          r.append(o, b - a, f.in_begin + (a - f.out_begin), b - a);
        else
          r.append(o, b - a, f.in_begin, f.in_len, true);
      }
    }
    r.out_size = second.out_size;
    r.in_size = first.in_size;
    return r;
  }
};

// A map and its reference, built by the same appends.
struct Both {
  OffsetMap map;
  RefMap ref;
  void append(uint32_t o, uint32_t ol, uint32_t i, uint32_t il, bool block = false) {
    map.append(o, ol, i, il, block);
    ref.append(o, ol, i, il, block);
  }
  void set_input_size(uint32_t n) {
    map.set_input_size(n);
    ref.in_size = n;
  }
};

// The map's pieces with each run as its units.
std::vector<MapPiece> expanded(const OffsetMap& m) {
  std::vector<MapPiece> v;
  for (const MapPiece& p : m.pieces())
    for (uint32_t k = 0; k < p.units(); ++k) v.push_back(p.unit(k));
  return v;
}

bool same_pieces(const std::vector<MapPiece>& a, const std::vector<MapPiece>& b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (a[k].out_begin != b[k].out_begin || a[k].out_len != b[k].out_len || a[k].in_begin != b[k].in_begin ||
        a[k].in_len != b[k].in_len || a[k].copy != b[k].copy)
      return false;
  return true;
}

std::string dump(const RefMap& r) {
  std::string s;
  for (const MapPiece& p : r.pieces)
    s += "\n  " + std::to_string(p.out_begin) + "+" + std::to_string(p.out_len) + " <- " + std::to_string(p.in_begin) +
         "+" + std::to_string(p.in_len) + (p.copy ? " copy" : "");
  return s;
}

// Every answer of `m` equals the reference's: the pieces (runs expanded),
// the sizes, to_input and to_output of every byte range (and a little past
// the ends).
void check_same(const OffsetMap& m, const RefMap& ref) {
  BOOST_REQUIRE(same_pieces(expanded(m), ref.pieces));
  BOOST_REQUIRE(m.output_size() == ref.out_size);
  BOOST_REQUIRE(m.input_size() == ref.in_size);
  BOOST_REQUIRE(m.is_identity() == ref.is_identity());
  // Every range of a short map (and a little past its end); of a long one
  // (a block of 256 bytes), those up to 12 bytes long and those to the end.
  auto each_range = [](uint32_t size, auto check) {
    const uint32_t reach = size > 100 ? 12 : size + 3;
    for (uint32_t b = 0; b <= size + 2; ++b) {
      const uint32_t last = std::min(size + 2, b + reach);
      for (uint32_t e = b > 0 ? b - 1 : 0; e <= last; ++e) check(b, e);
      if (last < size + 2) check(b, size + 2);
    }
  };
  each_range(m.output_size(), [&](uint32_t b, uint32_t e) {
    BOOST_REQUIRE_MESSAGE(m.to_input({b, e}) == ref.to_input({b, e}), "to_input [" << b << ", " << e << ")");
  });
  each_range(m.input_size(), [&](uint32_t b, uint32_t e) {
    BOOST_REQUIRE_MESSAGE(m.to_output({b, e}) == ref.to_output({b, e}),
                          "to_output [" << b << ", " << e << "): " << m.to_output({b, e}).begin << ","
                                        << m.to_output({b, e}).end << " != " << ref.to_output({b, e}).begin << ","
                                        << ref.to_output({b, e}).end << dump(ref));
  });
}

// A random map of an input of `in_size` bytes: copies, runs of same-shaped
// blocks (some long, so runs form), single blocks, inserted text, deleted
// input, blocks too long to be a run's unit.
Both random_map(std::mt19937& rng, uint32_t in_size) {
  static const std::pair<uint32_t, uint32_t> kShapes[] = {{3, 2}, {1, 3}, {3, 3}, {1, 2}, {2, 1}, {3, 6}, {4, 4}};
  Both m;
  uint32_t in = 0, out = 0;
  while (in < in_size) {
    const uint32_t left = in_size - in;
    switch (rng() % 8) {
      case 0:
      case 1: {  // copy
        uint32_t n = 1 + rng() % std::min<uint32_t>(left, 6);
        m.append(out, n, in, n);
        out += n, in += n;
        break;
      }
      case 2:
      case 3:
      case 4: {  // blocks of one shape, several in a row
        auto [uo, ui] = kShapes[rng() % std::size(kShapes)];
        uint32_t reps = 1 + rng() % 5;
        for (uint32_t r = 0; r < reps && ui <= in_size - in; ++r) {
          m.append(out, uo, in, ui, /*block=*/uo == ui || rng() % 2);
          out += uo, in += ui;
        }
        break;
      }
      case 5: {  // inserted text, sometimes twice
        uint32_t n = 1 + rng() % 3;
        m.append(out, n, in, 0, true);
        out += n;
        if (rng() % 2) {
          m.append(out, n, in, 0, true);
          out += n;
        }
        break;
      }
      case 6:  // deleted input
        in += 1 + rng() % std::min<uint32_t>(left, 3);
        break;
      case 7: {  // a block of its own (sometimes too long for a unit)
        uint32_t ui = 1 + rng() % std::min<uint32_t>(left, 4);
        uint32_t uo = rng() % 16 == 0 ? 256 + rng() % 3 : 1 + rng() % 5;
        m.append(out, uo, in, ui, true);
        out += uo, in += ui;
        break;
      }
    }
  }
  m.set_input_size(in_size);
  return m;
}

}  // namespace

BOOST_AUTO_TEST_CASE(same_shaped_blocks_merge_into_a_run) {
  // "ab" + five GBK characters (2 bytes each -> 3) + "c": three pieces.
  Both m;
  m.append(0, 2, 0, 2);
  for (uint32_t k = 0; k < 5; ++k) m.append(2 + 3 * k, 3, 2 + 2 * k, 2, true);
  m.append(17, 1, 12, 1);
  BOOST_TEST(m.map.pieces().size() == 3u);
  const MapPiece& run = m.map.pieces()[1];
  BOOST_TEST(run.run());
  BOOST_TEST(run.units() == 5u);
  BOOST_TEST(run.unit_out_len() == 3u);
  BOOST_TEST(run.unit_in_len() == 2u);
  BOOST_TEST(m.map.has_runs());
  BOOST_TEST((m.map.to_input({5, 8}) == Range{4, 6}));  // the second character <- its pair
  BOOST_TEST((m.map.to_input({6, 7}) == Range{4, 6}));  // a byte of it <- the whole pair
  BOOST_TEST((m.map.to_output({5, 6}) == Range{5, 8}));
  check_same(m.map, m.ref);
}

BOOST_AUTO_TEST_CASE(blocks_that_do_not_continue_each_other_stay_apart) {
  Both m;
  m.append(0, 3, 0, 2, true);
  m.append(3, 3, 2, 2, true);  // run of two
  m.append(6, 1, 4, 3, true);  // other shape
  m.append(7, 3, 8, 2, true);  // input skipped (deleted) before it
  m.append(10, 3, 10, 2, true);
  m.append(13, 2, 12, 0, true);  // inserted text
  m.append(15, 2, 12, 0, true);  // inserted again: never merges
  m.append(17, 300, 12, 2, true);  // too long for a unit
  m.append(317, 300, 14, 2, true);
  m.set_input_size(14);
  BOOST_TEST(m.map.pieces().size() == 7u);
  BOOST_TEST(m.map.pieces()[0].units() == 2u);
  BOOST_TEST(m.map.pieces()[2].units() == 2u);
  BOOST_TEST(!m.map.pieces()[3].run());
  check_same(m.map, m.ref);
}

BOOST_AUTO_TEST_CASE(a_run_sliced_by_compose_maps_each_slice_to_its_units) {
  // first: "x" + four GBK characters (8 bytes -> 12) + "y"
  Both first;
  first.append(0, 1, 0, 1);
  for (uint32_t k = 0; k < 4; ++k) first.append(1 + 3 * k, 3, 1 + 2 * k, 2, true);
  first.append(13, 1, 9, 1);
  // second: keeps bytes [0, 5) (x, the first character, a byte of the
  // second), drops [5, 8), keeps [8, 14) (the last byte of the third
  // character, the fourth, y).
  Both second;
  second.append(0, 5, 0, 5);
  second.append(5, 6, 8, 6);
  second.set_input_size(14);
  OffsetMap all = OffsetMap::compose(first.map, second.map);
  RefMap ref = RefMap::compose(first.ref, second.ref);
  check_same(all, ref);
  BOOST_TEST((all.to_input({4, 5}) == Range{3, 5}));   // a slice of the second character <- its pair
  BOOST_TEST((all.to_input({5, 6}) == Range{5, 7}));   // a slice of the third <- its pair
  BOOST_TEST((all.to_input({6, 7}) == Range{5, 7}));   // the rest of the third slice
  BOOST_TEST((all.to_input({7, 10}) == Range{7, 9}));  // the fourth <- its pair
  BOOST_TEST((all.to_output({3, 5}) == Range{4, 5}));
}

BOOST_AUTO_TEST_CASE(a_run_carried_by_compose_stays_a_run) {
  // first: the decoder's run; second: the cleaner's copy of all of it and a
  // run of its own (full-width digits 3 -> 1) over part of a linear piece.
  Both first;
  for (uint32_t k = 0; k < 100; ++k) first.append(3 * k, 3, 2 * k, 2, true);
  Both second;
  second.append(0, 150, 0, 150);
  for (uint32_t k = 0; k < 50; ++k) second.append(150 + k, 1, 150 + 3 * k, 3, true);
  OffsetMap all = OffsetMap::compose(first.map, second.map);
  check_same(all, RefMap::compose(first.ref, second.ref));
  BOOST_TEST(all.pieces().size() <= 2u);
  // And a linear first: the run of second carries over shifted.
  Both lin;
  lin.append(0, 300, 7, 300);
  lin.set_input_size(307);
  OffsetMap shifted = OffsetMap::compose(lin.map, second.map);
  check_same(shifted, RefMap::compose(lin.ref, second.ref));
  BOOST_TEST(shifted.pieces().size() == 2u);
}

BOOST_AUTO_TEST_CASE(runs_answer_as_their_blocks_in_random_maps) {
  std::mt19937 rng(20261124);
  for (int round = 0; round < 300; ++round) {
    Both first = random_map(rng, 1 + rng() % 30);
    check_same(first.map, first.ref);
    Both second = random_map(rng, first.map.output_size());
    check_same(second.map, second.ref);
    OffsetMap all = OffsetMap::compose(first.map, second.map);
    check_same(all, RefMap::compose(first.ref, second.ref));
    // A map copied piece by piece with a shift (as mixed_lines does) equals
    // the reference copied block by block.
    OffsetMap copied;
    RefMap ref_copied;
    copied.append(0, 2, 0, 0, true);  // text before it (input offsets are absolute)
    ref_copied.append(0, 2, 0, 0, true);
    for (const MapPiece& p : second.map.pieces()) copied.append_piece(p, 2);
    for (const MapPiece& p : second.ref.pieces)
      ref_copied.append(p.out_begin + 2, p.out_len, p.in_begin, p.in_len, !p.copy);
    check_same(copied, ref_copied);
  }
}
