// The repair stage's tables generated at build time (make_repair_tables.py
// `codecs`, make_guess_chars.py) against the tables the library built at
// first use before: each is built here again the old runtime way, from the
// codec tables and the language model, and compared entry by entry.
#define BOOST_TEST_MODULE lattice_tables
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "repair/char_lm.h"
#include "repair/lattice_graph.h"
#include "repair/lattice_tables.h"
#include "repair/legacy_codecs.h"

extern "C" const unsigned char aidtext_repair_codecs[];

namespace {

using aidtext::repair::CharLm;
using aidtext::repair::Codec;
using aidtext::repair::DoubleByteCodec;
using aidtext::repair::SourceView;
using aidtext::repair::TargetCodec;
namespace ld = aidtext::repair::lattice_detail;

constexpr std::array<SourceView, 4> kViews = {SourceView::kSingleByte, SourceView::kGbk, SourceView::kGb18030,
                                              SourceView::kBig5};
constexpr std::array<TargetCodec, 3> kTargets = {TargetCodec::kUtf8, TargetCodec::kGbk, TargetCodec::kBig5};

// DoubleByteCodec::valid_trail as legacy_codecs.cc had it.
bool old_valid_trail(const DoubleByteCodec& codec, uint8_t b) {
  if (&codec == &DoubleByteCodec::get(Codec::kBig5)) return (b >= 0x40 && b <= 0x7E) || (b >= 0xA1 && b <= 0xFE);
  return b >= 0x40 && b <= 0xFE && b != 0x7F;
}

int differing_words(const ld::ByteSet& a, const ld::ByteSet& b) {
  int n = 0;
  for (size_t w = 0; w < 4; ++w) n += a.bits[w] != b.bits[w];
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(valid_trail_is_the_old_rule) {
  for (Codec c : {Codec::kGbk, Codec::kGb18030, Codec::kBig5}) {
    const DoubleByteCodec& codec = DoubleByteCodec::get(c);
    int differ = 0;
    for (int b = 0; b < 256; ++b) differ += codec.valid_trail(uint8_t(b)) != old_valid_trail(codec, uint8_t(b));
    BOOST_TEST(differ == 0);
  }
}

// The reverse tables: the first pair (lead, then trail order) of each
// character, as DoubleByteCodec's constructor built them.
BOOST_AUTO_TEST_CASE(generated_reverse_tables_match_the_codec_tables) {
  for (Codec c : {Codec::kGbk, Codec::kGb18030, Codec::kBig5}) {
    const DoubleByteCodec& codec = DoubleByteCodec::get(c);
    std::vector<uint16_t> reverse(0x10000, 0);
    size_t mapped = 0;
    for (int lead = 0x81; lead <= 0xFE; ++lead)
      for (int trail = 0x40; trail <= 0xFE; ++trail) {
        const char32_t ch = codec.decode(uint8_t(lead), uint8_t(trail));
        if (ch && !reverse[ch]) reverse[ch] = uint16_t(lead << 8 | trail), ++mapped;
      }
    size_t differ = 0;
    for (char32_t ch = 0; ch < 0x10000; ++ch) differ += codec.encode(ch) != reverse[ch];
    BOOST_TEST(mapped > 13000u);  // Big5 has ~13,000 characters, GBK ~21,000
    BOOST_TEST(differ == 0u);
    BOOST_TEST(codec.encode(0x10000) == 0);
  }
}

// cp1252's byte of a character, as single_byte_of's table was built from
// the blob's C1 row (the first byte of a character wins).
BOOST_AUTO_TEST_CASE(generated_cp1252_bytes_match_the_c1_row) {
  const auto* c1 = reinterpret_cast<const uint16_t*>(aidtext_repair_codecs + 4) + 3 * 126 * 191;
  constexpr char32_t kFirst = 0x100, kLast = 0x2122;
  std::vector<uint8_t> byte_of(kLast - kFirst + 1, 0);
  for (int i = 0; i < 32; ++i) {
    const char32_t c = c1[i];
    if (c >= kFirst && c <= kLast && !byte_of[c - kFirst]) byte_of[c - kFirst] = uint8_t(0x80 + i);
  }
  size_t differ = 0, found = 0;
  for (char32_t c = 0; c < 0x11000; ++c) {
    int old = c <= 0xFF ? int(c) : -1;
    if (c >= kFirst && c <= kLast && byte_of[c - kFirst]) old = byte_of[c - kFirst];
    differ += aidtext::repair::single_byte_of(c) != old;
    found += c >= kFirst && old >= 0;
  }
  BOOST_TEST(found == 27u);  // the 27 cp1252 characters outside Latin-1: € ‚ ƒ „ … † ‡ ...
  BOOST_TEST(differ == 0u);
  BOOST_TEST(aidtext::repair::single_byte_of(U'€') == 0x80);
}

// lattice_tables.h's per-source-view tables, built as their constructors did.
BOOST_AUTO_TEST_CASE(generated_view_tables_match_the_codec_tables) {
  for (SourceView v : kViews) {
    const DoubleByteCodec& src = ld::source_codec(v);
    ld::ByteSet first, second;
    for (int a = 0x81; a <= 0xFE; ++a)
      for (int b = 0x40; b <= 0xFE; ++b)
        if (old_valid_trail(src, uint8_t(b)) && src.decode(uint8_t(a), uint8_t(b)) == 0) {
          first.add(a);
          second.add(b);
        }
    const ld::UnmappedPairBytes& bytes = ld::per_source_view<ld::UnmappedPairBytes>(v);
    BOOST_TEST(differing_words(bytes.first, first) == 0);
    BOOST_TEST(differing_words(bytes.second, second) == 0);
    // GBK and Big5 leave pairs unmapped (GB18030 maps GBK's to private use).
    if (v != SourceView::kGb18030) BOOST_TEST(differing_words(first, ld::ByteSet{}) > 0);

    std::array<ld::ByteSet, 256> rows{};
    for (int a = 0x81; a <= 0xFF; ++a)
      for (int b = 0; b <= 0xFF; ++b)
        if (old_valid_trail(src, uint8_t(b)) && src.decode(uint8_t(a), uint8_t(b)) == 0) rows[size_t(a)].add(b);
    const ld::UnmappedPairTable& table = ld::per_source_view<ld::UnmappedPairTable>(v);
    int rows_differ = 0, pairs_differ = 0;
    for (int a = 0; a < 256; ++a) {
      rows_differ += differing_words(table.after(uint8_t(a)), rows[size_t(a)]);
      for (int b = 0; b < 256; ++b) pairs_differ += table.has(uint8_t(a), uint8_t(b)) != rows[size_t(a)].has(b);
    }
    BOOST_TEST(rows_differ == 0);
    BOOST_TEST(pairs_differ == 0);

    const ld::RejectedBytes& rejected = ld::per_source_view<ld::RejectedBytes>(v);
    int before_differ = 0;
    for (int n = -1; n <= 0xFF; ++n) {
      ld::ByteSet s;
      s.add(0x80);
      s.add(0xFF);
      for (int b = 0x81; b <= 0xFE; ++b)
        if (n < 0 || !old_valid_trail(src, uint8_t(n)) || src.decode(uint8_t(b), uint8_t(n)) == 0) s.add(b);
      before_differ += differing_words(rejected.before[size_t(n + 1)], s);
    }
    BOOST_TEST(before_differ == 0);
  }
  // One table per codec: GB18030 maps GBK's holes, so its sets differ.
  BOOST_TEST(&ld::per_source_view<ld::RejectedBytes>(SourceView::kGbk) !=
             &ld::per_source_view<ld::RejectedBytes>(SourceView::kGb18030));
  BOOST_TEST(&ld::per_source_view<ld::RejectedBytes>(SourceView::kSingleByte) ==
             &ld::per_source_view<ld::RejectedBytes>(SourceView::kGbk));
}

namespace {

// guess_chars as lattice_tables.h built it at first use.
std::vector<ld::GuessChar> old_guess_chars(TargetCodec target) {
  const CharLm& lm = CharLm::instance();
  std::vector<ld::GuessChar> out;
  out.reserve(ld::kMaxGuessChars);
  auto with_facts = [&](std::vector<ld::GuessChar> chars) {
    for (ld::GuessChar& g : chars) g.facts = {ld::char_facts(lm, g.ch, false), ld::char_facts(lm, g.ch, true)};
    return chars;
  };
  if (target == TargetCodec::kUtf8) {
    for (uint32_t id = 1; id < lm.size() && out.size() < ld::kMaxGuessChars; ++id) {
      ld::GuessChar g{lm.char_of(static_cast<uint16_t>(id)), {}, 0};
      g.len = ld::utf8_encode(g.ch, g.bytes);
      out.push_back(g);
    }
    return with_facts(std::move(out));
  }
  struct Keyed {
    float cost;
    char32_t ch;
    uint8_t lead, trail;
  };
  std::vector<Keyed> keyed;
  const DoubleByteCodec& codec = ld::target_codec(target);
  for (int lead = 0x81; lead <= 0xFE; ++lead)
    for (int trail = 0x40; trail <= 0xFE; ++trail) {
      char32_t c = codec.decode(static_cast<uint8_t>(lead), static_cast<uint8_t>(trail));
      if (c && lm.id(c))
        keyed.push_back({lm.unigram_cost(c), c, static_cast<uint8_t>(lead), static_cast<uint8_t>(trail)});
    }
  auto cheaper = [](const Keyed& a, const Keyed& b) {
    if (a.cost != b.cost) return a.cost < b.cost;
    return a.lead != b.lead ? a.lead < b.lead : a.trail < b.trail;
  };
  if (keyed.size() > ld::kMaxGuessChars) {
    std::nth_element(keyed.begin(), keyed.begin() + ld::kMaxGuessChars, keyed.end(), cheaper);
    keyed.resize(ld::kMaxGuessChars);
  }
  std::sort(keyed.begin(), keyed.end(), cheaper);
  for (const Keyed& k : keyed) out.push_back({k.ch, {k.lead, k.trail}, 2});
  return with_facts(std::move(out));
}

bool same_facts(const ld::CharFacts& a, const ld::CharFacts& b) {
  // Exact: the decoder's scores, and so its outputs, must not move.
  return a.ch == b.ch && a.lm_id == b.lm_id && a.general == b.general && a.own_cost == b.own_cost &&
         a.variant == b.variant;
}

}  // namespace

BOOST_AUTO_TEST_CASE(generated_guess_chars_match_the_model) {
  for (TargetCodec t : kTargets) {
    const std::vector<ld::GuessChar> old = old_guess_chars(t);
    const std::span<const ld::GuessChar> generated = ld::guess_chars(t);
    BOOST_TEST_REQUIRE(generated.size() == old.size());
    BOOST_TEST(generated.size() == ld::kMaxGuessChars);
    size_t differ = 0, traditional_differs = 0;
    for (size_t k = 0; k < old.size(); ++k) {
      const ld::GuessChar& g = generated[k];
      const ld::GuessChar& o = old[k];
      differ += !(g.ch == o.ch && g.bytes == o.bytes && g.len == o.len && same_facts(g.facts[0], o.facts[0]) &&
                  same_facts(g.facts[1], o.facts[1]));
      traditional_differs += g.facts[0].own_cost != g.facts[1].own_cost;
    }
    BOOST_TEST(differ == 0u);
    BOOST_TEST(traditional_differs > 0u);  // the two scripts' facts are not one copied twice
  }
}

BOOST_AUTO_TEST_CASE(generated_guess_index_matches_the_guess_chars) {
  for (TargetCodec t : kTargets) {
    const std::vector<ld::GuessChar> guesses = old_guess_chars(t);
    std::array<std::array<std::vector<uint16_t>, 256>, 4> at;
    for (size_t k = 0; k < guesses.size(); ++k)
      for (int i = 0; i < guesses[k].len; ++i) at[size_t(i)][guesses[k].bytes[size_t(i)]].push_back(uint16_t(k));
    const ld::GuessIndex& index = ld::guess_index(t);
    size_t differ = 0, listed = 0;
    for (int i = 0; i < 4; ++i)
      for (int v = 0; v < 256; ++v) {
        const std::span<const uint16_t> list = index.at(i, uint8_t(v));
        const std::vector<uint16_t>& want = at[size_t(i)][size_t(v)];
        differ += !std::equal(list.begin(), list.end(), want.begin(), want.end());
        listed += list.size();
      }
    BOOST_TEST(differ == 0u);
    BOOST_TEST(listed >= 2 * guesses.size());  // every guess under each of its bytes
  }
}
