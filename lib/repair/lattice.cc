// The lattice decoder (lattice.h): building a window's lattice under a
// hypothesis, the candidates each node offers, and the coarse beam search.
// Its parts live beside it: lattice_graph.h (limits and the lattice's
// types), lattice_tables.h (codec and model tables), node_scorer.h (a
// node's candidates after its beam), candidate_scorer.h (the inner loop),
// beam_sort.h, and path_refill.h (the fine decode).
#include "repair/lattice.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <unordered_map>
#include <utility>

#include "repair/beam_sort.h"
#include "repair/candidate_scorer.h"
#include "repair/char_lm.h"
#include "repair/foreign_runs.h"
#include "repair/holes.h"
#include "repair/lattice_graph.h"
#include "repair/lattice_tables.h"
#include "repair/legacy_codecs.h"
#include "repair/node_scorer.h"
#include "repair/path_refill.h"

// The blob written by make_guess_chars.py (layout there), embedded 64-byte
// aligned (CMakeLists.txt).
extern "C" const unsigned char aidtext_repair_guesses[];
extern "C" const unsigned long aidtext_repair_guesses_size;

namespace aidtext::repair {

std::array<lattice_detail::GuessTables, 3> lattice_detail::read_guess_tables() {
  constexpr uint32_t kMagic = 0x31434741;  // "AGC1"
  uint32_t header[10];
  std::memcpy(header, aidtext_repair_guesses, sizeof header);
  // A mismatched blob is a build error, not a runtime condition.
  if (header[0] != kMagic || reinterpret_cast<uintptr_t>(aidtext_repair_guesses) % 64 != 0) std::abort();
  std::array<GuessTables, 3> tables;
  for (size_t t = 0; t < 3; ++t) {
    const uint32_t chars_at = header[1 + 3 * t], count = header[2 + 3 * t], index_at = header[3 + 3 * t];
    if (count > kMaxGuessChars || chars_at + count * sizeof(GuessChar) > index_at ||
        index_at + (4 * 256 + 1) * 2 > aidtext_repair_guesses_size)
      std::abort();
    const auto* begin = reinterpret_cast<const uint16_t*>(aidtext_repair_guesses + index_at);
    tables[t] = {{reinterpret_cast<const GuessChar*>(aidtext_repair_guesses + chars_at), count},
                 {begin, begin + 4 * 256 + 1}};
  }
  return tables;
}

namespace {

using namespace lattice_detail;

// The characters a pattern with unknown bytes may spell, in the order they
// become candidates. They depend only on the pattern's bytes and
// constraints (not on where it is), and the same few patterns (a '?' as an
// unmapped pair, a lost byte before a hole, a known lead before a hole)
// recur all through a damaged window and from window to window: the lists
// are remembered per thread, keyed by everything they depend on, with the
// scorer's columns of the modelled ones. Finding them (up to 191 decodes,
// or a walk over kMaxGuessChars characters) was a quarter of the decoder's
// time on dev article 001.
//
// Distinct patterns: 191 on dev article 001 (8,000 characters), 61 on 003,
// and thousands in a text wholly damaged under a reading with holes (one
// article of 10 KB read as GBK: 2,237, each hole's set of values depending
// on the byte after it). The cache is dropped when its lists hold
// kMaxRememberedBytes, which bounds it on any input (plus the lists of one
// node, and of one window's path while it is refilled), and only between
// nodes of the coarse decode (a node's candidate parts point into it) and
// before a refill, not during it (every step's part points into it). It
// was dropped at 512 lists (1.8 MB at most, a few hundred KB on the dev
// articles): the five dev articles read as GBK built 26,809 lists for 5,671
// distinct ones, 71 % of their normalize; with 4 MiB, 3.2 MB more at peak,
// they normalize in half the instructions (318M -> 161M a round).
// They live in the thread's DecodeScratch: a thread_local of their own cost
// a call to __tls_get_addr per node of the coarse decode and per guess list
// looked up (the library is a shared object): 13k instructions per repair
// of dev article 001.
struct RememberedGuesses {
  // Word 0: codecs, script and length; then per byte: its known value (or
  // none) and the address of its set of values (Slot::allowed). Equal sets
  // at two addresses would be two keys of one list, which costs only a
  // look-up: the sets are a few tables' rows.
  using Key = std::array<uint64_t, 1 + 4 * 2>;
  struct KeyHash {
    size_t operator()(const Key& k) const {
      // Only the words of the pattern's bytes: the rest are zero.
      const size_t used = std::min(k.size(), 1 + 2 * static_cast<size_t>((k[0] >> 16) & 0xFF));
      uint64_t h = 0;
      for (size_t i = 0; i < used; ++i) h = (h ^ k[i]) * 0x9E3779B97F4A7C15u;
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  static constexpr size_t kMaxRememberedBytes = size_t{4} << 20;
  std::unordered_map<Key, GuessedChars, KeyHash> lists;
  size_t bytes = 0;  // about the heap the lists take: their elements, and kPerList a list
  void make_room() {
    if (bytes < kMaxRememberedBytes) return;
    lists.clear();
    bytes = 0;
  }
  void count(const GuessedChars& g) {
    constexpr size_t kPerList = 512;  // the node, its key, nine vectors and the allocations' heads
    constexpr size_t kPerModelled = 3 * sizeof(float) + sizeof(uint16_t) + 1 + sizeof(ModelledChar);
    bytes += kPerList + g.modelled() * kPerModelled + (g.others.size() + g.likeliest.size()) * sizeof(Candidate);
  }
};

// The coarse decode's beam of a node (kCoarseBeamWidth: two states), kept
// as states reach the node: the cheapest and the cheapest of another tag,
// as keep_best_states picks them from all the states that reached it
// (whose picks do not depend on their order). A state that is neither
// when it arrives never will be (a later state only lowers both), so it
// is not stored at all: the arena holds only states that were, at some
// point, one of a node's two, and keeps their order, which is all that
// beam_key's ties look at. It replaced a vector of states per node, each
// reduced when its node came: the pushes, the reduction and the states
// it dropped cost 2 % of dev article 001's repair (lattice_graph.h's
// session 9).
struct CoarseBeam {
  static constexpr uint64_t kNone = ~uint64_t{0};
  uint64_t first = kNone, second = kNone;  // beam_key of the two (kNone: none)
  uint32_t first_tag = 0;
  // Whether the state `key`, `tag` is now one of the two.
  bool offer(uint64_t key, uint32_t tag) {
    if (key < first) {
      if (first != kNone && tag != first_tag) second = first;
      first = key;
      first_tag = tag;
      return true;
    }
    if (key < second && tag != first_tag) {
      second = key;
      return true;
    }
    return false;
  }
};
static_assert(kCoarseBeamWidth == 2, "CoarseBeam keeps two states");

// The decoder's working memory, kept per thread between calls.
//
// A window is decoded under several hypotheses, and every decode used to
// allocate its lattice afresh (a vector of edges per node, of slots per
// reading): a tenth of the time of repairing dev article 003.
struct DecodeScratch {
  // The lattice (Lattice::build).
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::vector<Slot> slots;
  std::vector<uint32_t> boundary;
  std::vector<Pattern> patterns;  // every node's, in the order the decode met them
  std::vector<uint32_t> first_pattern;  // per node: its first in `patterns`
  Readings readings;
  // Per token (or boundary): build()'s marks (bytes, not bits: read and
  // written once per token each, a bit's shifts and masks cost more).
  std::vector<uint8_t> suspect, readable, near, run_start_near;
  // The search (Lattice::decode).
  std::vector<Entry> arena;
  std::vector<CoarseBeam> beams;  // per node
  std::vector<int32_t> beam;      // the node's, as the scorer takes it
  std::vector<float> floor;
  std::vector<Candidate> node_cands;  // a node's, in the coarse decode
  std::vector<Candidate> found;  // a new guess list, before it is remembered
  std::vector<std::pair<uint32_t, uint8_t>> path;  // the path's steps: node, Entry::pattern
  // The refill (path_refill.h).
  std::vector<RefillStep> refill_steps;
  PathRefill refill;
  RememberedGuesses guesses;  // guess lists, kept between calls
  std::optional<NodeScorer> scorer_;  // built on first use
  NodeScorer& scorer(const CharLm& lm) {
    if (!scorer_) scorer_.emplace(lm);
    return *scorer_;
  }
  static DecodeScratch& of_this_thread() {
    thread_local DecodeScratch scratch;
    return scratch;
  }
};

class Lattice {
 public:
  Lattice(std::span<const WindowChar> window, const Hypothesis& h, const LatticeCosts& costs,
          DecodeScratch& scratch)
      : win_(window), h_(h), costs_(costs), lm_(CharLm::instance()),
        unmapped_(per_source_view<UnmappedPairTable>(h.source)), source_codec_(source_codec(h.source)),
        target_codec_(target_codec(h.target)), scratch_(scratch), nodes_(scratch.nodes),
        edges_(scratch.edges), slots_(scratch.slots), boundary_(scratch.boundary), patterns_(scratch.patterns),
        scorer_(scratch.scorer(lm_)) {
    int votes = 0;
    for (const WindowChar& w : win_) votes += lm_.script_vote(w.ch);
    traditional_ = votes > 0;
    decoded_traditional_ = traditional_;
    scorer_.set_decode(traditional_, costs_, unmapped_);
    build();
  }
  // The two decodes of coarse to fine (lattice_graph.h's kCoarseGuesses).
  // decode: every step, a pattern with unknown bytes offering only its
  // likeliest few characters. refill (after decode): only the steps of the
  // path decode found, with every candidate (path_refill.h).
  LatticeResult decode(char32_t before, char32_t after, WorkBudget* budget);
  LatticeResult refill(const LatticeResult& coarse, char32_t after, WorkBudget* budget);

 private:
  void build();
  void add_readings(uint32_t t, Readings& readings) const;
  void add_token_nodes(uint32_t t, const Readings& readings);
  std::span<const Edge> edges_of(const Node& nd) const {
    return {edges_.data() + nd.edges_begin, edges_.data() + nd.edges_end};
  }
  const ByteSet& rejected_bytes(uint32_t next_token) const;
  int first_byte_of(uint32_t t) const;
  int length_for(const Slot& first) const;
  void patterns_from(uint32_t node, std::vector<Pattern>& out) const;
  void extend(const Pattern& p, uint32_t node, std::vector<Pattern>& out) const;
  void complete(Pattern& p, uint32_t node, std::vector<Pattern>& out) const;
  void candidates_from(uint32_t node, std::vector<Candidate>& out) const;
  bool part_of(const Pattern& p, uint8_t index, CandidatePart& out) const;
  void emit(const Pattern& p, uint8_t index, std::vector<Candidate>& out) const;
  const GuessedChars& guessed_chars(const Pattern& p) const;
  void find_guessed_chars(const Pattern& p, std::vector<Candidate>& out) const;
  // (a, b) is a pair the source view's decoder could not map.
  bool pair_ok(uint8_t a, uint8_t b) const { return unmapped_.has(a, b); }
  char32_t decode_bytes(const uint8_t* b, int len) const;
  float own_cost(char32_t c) const { return lm_.unigram_cost(c, traditional_); }
  void find_token_facts(char32_t before);
  // The cost of keeping token t after a state ending in `last` (id
  // `last_id`): looked up once per token for the text's own character
  // before it (the literal path, and most states of a window's clean
  // stretches), which the kept steps of both decodes and the literal cost
  // share.
  float kept_cost_of(uint32_t t, char32_t last, uint16_t last_id) const {
    const char32_t text_prev = t > 0 ? win_[t - 1].ch : before_;
    return last == text_prev ? tok_kept_[t] : scorer_.kept_cost(last, last_id, win_[t].ch, tok_id_[t], tok_own_[t]);
  }

  std::span<const WindowChar> win_;
  const Hypothesis& h_;
  const LatticeCosts& costs_;
  const CharLm& lm_;
  const UnmappedPairTable& unmapped_;
  const DoubleByteCodec& source_codec_;  // h_'s (looked up once: DoubleByteCodec::get is a call)
  const DoubleByteCodec& target_codec_;
  DecodeScratch& scratch_;  // owns the vectors below
  std::vector<Node>& nodes_;
  std::vector<Edge>& edges_;
  std::vector<Slot>& slots_;
  std::vector<uint32_t>& boundary_;  // node of boundary t
  std::vector<Pattern>& patterns_;   // every node's (DecodeScratch::patterns)
  NodeScorer& scorer_;
  bool traditional_ = false;        // the window is mostly traditional script
  // ... and the script its decoded characters are scored in: the window's,
  // except in a refill whose path says the damage predates a conversion
  // (refill()).
  bool decoded_traditional_ = false;
  std::vector<uint16_t> tok_id_;    // per token, its model id
  std::vector<float> tok_own_;      // ... and its own cost
  // ... and its cost kept after the character before it in the text (the
  // window's previous token, or the character before the window)
  std::vector<float> tok_kept_;
  char32_t before_ = 0;  // the character before the window (decode's)
};

// Patterns a node offers at most: their index is an Entry::pattern, beside
// kLiteralStep (a node has a few dozen at most).
constexpr size_t kMaxNodePatterns = 254;

// The values a byte put back may take (Node::insert_slot's Slot::allowed).
const ByteSet kLostByte = [] {
  ByteSet b;
  b.add_range(0x80, 0xFE);
  return b;
}();

int Lattice::first_byte_of(uint32_t t) const {
  if (t >= win_.size()) return -1;
  char32_t c = win_[t].ch;
  if (c < 0x80) return static_cast<int>(c);
  if (h_.source == SourceView::kSingleByte) return single_byte_of(c);
  uint16_t pair = source_pair(h_.source, c);
  return pair ? pair >> 8 : -1;
}

// Bytes the source decoder would have replaced (or dropped) when followed by
// token `next_token` (RejectedBytes).
const ByteSet& Lattice::rejected_bytes(uint32_t next_token) const {
  return per_source_view<RejectedBytes>(h_.source).before[static_cast<size_t>(first_byte_of(next_token) + 1)];
}

void Lattice::add_readings(uint32_t t, Readings& readings) const {
  char32_t c = win_[t].ch;
  auto known = [](int v) {
    Slot s;
    s.value = static_cast<uint8_t>(v);
    return s;
  };
  if (h_.source == SourceView::kSingleByte) {
    int b = single_byte_of(c);
    if (b >= 0) readings.add(known(b), 0);
    return;
  }
  const DoubleByteCodec& src = source_codec_;
  if (c < 0x80) {
    // Under '?' holes a '?' is a hole, never the byte 0x3F.
    if (!(h_.qmark_holes && c == '?')) readings.add(known(static_cast<int>(c)), 0);
    if (h_.fullwidth_ascii && c >= 0x21 && c <= 0x7E) {
      if (uint16_t pair = src.encode(0xFF01 + (c - 0x21))) {
        // Under '?' holes, a '?' is far more often a hole than a folded '？'.
        readings.add(known(pair >> 8), known(pair & 0xFF),
                     costs_.fullwidth_reading + (h_.qmark_holes && c == '?' ? 5.0f : 0.0f));
      }
    }
    if (h_.qmark_holes && c == '?') {
      Slot one;
      one.known = false;
      one.allowed = &rejected_bytes(t + 1);
      // Decoding pair by pair, a '?' is one byte only before a byte that
      // cannot be a trail; elsewhere one byte means a decoder that re-reads
      // after an error (Python's), or a stray byte: possible, less likely.
      const int next = first_byte_of(t + 1);
      readings.add(one, next >= 0 && !src.valid_trail(static_cast<uint8_t>(next)) ? 0 : costs_.one_byte_qmark);
      // Two bytes: a pair the source decoder could not map. Only a few lead
      // bytes start such a pair (GBK: 23 of 126), which keeps the character
      // that ends in the first byte down to a few dozen candidates.
      const UnmappedPairBytes& unmapped = per_source_view<UnmappedPairBytes>(h_.source);
      Slot lead, trail;
      lead.known = trail.known = false;
      lead.allowed = &unmapped.first;
      trail.allowed = &unmapped.second;
      trail.pair_prev = true;
      readings.add(lead, trail, 0);
    }
    return;
  }
  if (c == 0xFFFD && h_.replacement_holes) {
    Slot hole;
    hole.known = false;
    hole.allowed = &rejected_bytes(t + 1);
    readings.add(hole, 0);
    return;
  }
  if (uint16_t pair = source_pair(h_.source, c)) {
    readings.add(known(pair >> 8), known(pair & 0xFF), 0);
  }
  // A traditional form may stand for the simplified mojibake it was
  // converted from (LatticeCosts::converted_reading): a GBK view spells
  // simplified characters, and a conversion after the damage changes them.
  if (h_.source == SourceView::kGbk || h_.source == SourceView::kGb18030) {
    if (const char32_t simplified = lm_.simplified_form(c)) {
      if (uint16_t pair = source_pair(h_.source, simplified)) {
        Slot lead = known(pair >> 8), trail = known(pair & 0xFF);
        lead.converted = trail.converted = true;
        readings.add(lead, trail, costs_.converted_reading);
      }
    }
  }
}

// Token t's nodes and edges from its readings (add_readings: one or two
// slots each). Internal nodes of token t (one per two-slot reading, in
// reading order) come before boundary t+1: creation order is a topological
// order of the lattice. Boundary t's edges are the two-slot readings'
// first slots (to their internal nodes), then the one-slot readings (to
// boundary t+1), each in reading order; an internal node's one edge is
// its reading's second slot. Written in place, in the order the edges were
// once grouped from a list of the token's edges (a vector insert each and
// a pass per node): about 150 instructions a token fewer.
void Lattice::add_token_nodes(uint32_t t, const Readings& readings) {
  const uint32_t first_slot = static_cast<uint32_t>(slots_.size());
  slots_.insert(slots_.end(), readings.slots.begin(), readings.slots.end());
  const uint32_t first_mid = static_cast<uint32_t>(nodes_.size());
  for (size_t r = 0; r < readings.size(); ++r)
    if (readings.length(r) == 2) nodes_.push_back({t, false, -1});
  const uint32_t next = static_cast<uint32_t>(nodes_.size());
  boundary_[t + 1] = next;
  nodes_.push_back({t + 1, true, -1});
  Node& from = nodes_[boundary_[t]];
  from.edges_begin = static_cast<uint32_t>(edges_.size());
  uint32_t mid = first_mid;
  for (size_t r = 0; r < readings.size(); ++r)
    if (readings.length(r) == 2) edges_.push_back({mid++, first_slot + readings.begin(r), readings.penalties[r]});
  for (size_t r = 0; r < readings.size(); ++r)
    if (readings.length(r) == 1) edges_.push_back({next, first_slot + readings.begin(r), readings.penalties[r]});
  from.edges_end = static_cast<uint32_t>(edges_.size());
  mid = first_mid;
  for (size_t r = 0; r < readings.size(); ++r) {
    if (readings.length(r) != 2) continue;
    Node& inside = nodes_[mid++];
    inside.edges_begin = static_cast<uint32_t>(edges_.size());
    edges_.push_back({next, first_slot + readings.begin(r) + 1, 0});
    inside.edges_end = static_cast<uint32_t>(edges_.size());
  }
}

void Lattice::build() {
  const uint32_t n = static_cast<uint32_t>(win_.size());
  nodes_.clear();
  edges_.clear();
  slots_.clear();
  boundary_.resize(n + 1);
  Readings& readings = scratch_.readings;
  // Suspect tokens: holes and rare characters, where damage shows.
  std::vector<uint8_t>& suspect = scratch_.suspect;
  suspect.assign(n, 0);
  for (uint32_t t = 0; t < n; ++t) {
    const char32_t c = win_[t].ch;
    suspect[t] = c == '?' || c == 0xFFFD || (c >= 0x80 && lm_.unigram_cost(c, lm_.script_vote(c) > 0) > 10.0f);
    // A '?' with nothing of GBK read one byte off beside it is no suspect
    // (holes.h): a question mark typed as '?', or a character lost
    // in saving. (U+FFFD so judged lost a real repair, 。 of UTF-8 read as
    // GBK between figures: 4.36%銆�2017. It stays a suspect.)
    if (c == '?' && h_.qmark_holes) suspect[t] = debris_beside_hole(win_, t);
  }
  // Tokens within kReadingReach of a suspect one get byte readings; the
  // others are only kept as they are (see lattice_graph.h).
  std::vector<uint8_t>& readable = scratch_.readable;
  readable.assign(n, kReadingReach == 0 || h_.source == SourceView::kSingleByte);
  if (!readable.empty() && !readable[0]) {
    uint32_t last = UINT32_MAX;
    for (uint32_t t = 0; t < n; ++t) {
      if (suspect[t]) last = t;
      readable[t] = last != UINT32_MAX && t - last <= kReadingReach;
    }
    last = UINT32_MAX;
    for (uint32_t t = n; t-- > 0;) {
      if (suspect[t]) last = t;
      readable[t] = readable[t] || (last != UINT32_MAX && last - t <= kReadingReach);
    }
  }
  nodes_.push_back({0, true, -1});
  boundary_[0] = 0;
  for (uint32_t t = 0; t < n; ++t) {
    readings.clear();
    if (readable[t]) add_readings(t, readings);
    add_token_nodes(t, readings);
  }
  if (h_.insertions) {
    // Bytes go missing where the damage is: a lost byte is put back only
    // near a hole or a rare character (kInsertBefore tokens before one,
    // kInsertAfter after), which keeps clean stretches of a window cheap.
    // A shifted stream turns rare at once, so its lost byte lies right
    // before its first rare character: 2 tokens before scores as 6 did on
    // the peer suite and the seed passages (0 and 0 lose 2.5 % on
    // misaligned-qmark), and repairs dev article 003 in 0.12 ms, not 0.17.
    constexpr uint32_t kInsertBefore = 2, kInsertAfter = 2;
    std::vector<uint8_t>& near = scratch_.near;
    near.assign(n + 1, 0);
    // A stream shifted by one byte ('?' holes) loses its byte where the
    // shift begins and can only change step again at a single-byte (ASCII)
    // character. So under qmark holes a byte is put back near the first
    // suspect of a run (suspects at most kRunGap tokens apart) and beside
    // ASCII characters inside the damage, not before every hole: on dev
    // article 001 this is most of the decoder's work, for no change in
    // accuracy on the peer suite or the seed passages.
    constexpr uint32_t kRunGap = 12;
    std::vector<uint8_t>& run_start_near = scratch_.run_start_near;
    run_start_near.assign(n + 1, 0);
    uint32_t last_suspect = 0;
    bool seen = false;
    for (uint32_t t = 0; t < n; ++t) {
      if (!suspect[t]) continue;
      const uint32_t lo = t >= kInsertBefore ? t - kInsertBefore : 0, hi = std::min(n, t + kInsertAfter);
      const bool run_start = !seen || t - last_suspect > kRunGap;
      seen = true;
      last_suspect = t;
      for (uint32_t b = lo; b <= hi; ++b) {
        near[b] = true;
        if (run_start) run_start_near[b] = true;
      }
    }
    auto ascii = [&](uint32_t t) { return t < n && win_[t].ch < 0x80 && win_[t].ch != '?'; };
    for (uint32_t t = 1; t < n; ++t) {
      if (!near[t]) continue;
      if (h_.qmark_holes && !run_start_near[t] && !ascii(t - 1) && !ascii(t)) continue;
      if (win_[t - 1].ch < 0x80 && win_[t].ch < 0x80) continue;
      Slot lost;
      lost.known = false;
      lost.allowed = &kLostByte;
      nodes_[boundary_[t]].insert_slot = static_cast<int32_t>(slots_.size());
      slots_.push_back(lost);
    }
  }
}

int Lattice::length_for(const Slot& first) const {
  if (h_.target == TargetCodec::kUtf8) {
    if (!first.known) return 3;  // an unknown lead: assume a BMP (CJK) character
    uint8_t v = first.value;
    return v < 0x80 ? 1 : v < 0xC2 ? 0 : v < 0xE0 ? 2 : v < 0xF0 ? 3 : v < 0xF5 ? 4 : 0;
  }
  if (!first.known) return 2;
  uint8_t v = first.value;
  return v < 0x80 ? 1 : (v == 0x80 || v == 0xFF) ? 0 : 2;
}

// The patterns that complete `p` (p.len < p.need) with bytes from `node` on.
void Lattice::extend(const Pattern& p, uint32_t node, std::vector<Pattern>& out) const {
  const Node& nd = nodes_[node];
  if (nd.insert_slot >= 0 && !p.inserted && p.len > 0) {
    Pattern q = p;
    q.slot[q.len++] = &slots_[nd.insert_slot];
    q.inserted = true;
    complete(q, node, out);
  }
  for (const Edge& e : edges_of(nd)) {
    Pattern q = p;
    q.slot[q.len++] = &slots_[e.slot];
    q.penalty += e.penalty;
    complete(q, e.to, out);
  }
}

// `p`, whose last byte so far leads to `node`, if it is whole; else the
// patterns that complete it. (A test here rather than a call per byte:
// most patterns are one or two bytes.)
void Lattice::complete(Pattern& p, uint32_t node, std::vector<Pattern>& out) const {
  if (p.len < p.need) {
    extend(p, node, out);
    return;
  }
  p.end = node;
  out.push_back(p);
}

// Every byte pattern of one target character starting at `node`. A one-
// or two-byte character (every one of a double-byte target) is completed
// here, in the order extend() and complete() give, written in place:
// their calls and copies were 0.8 % of dev article 001's repair.
void Lattice::patterns_from(uint32_t node, std::vector<Pattern>& out) const {
  const Node& nd = nodes_[node];
  auto start = [&](const Slot* first, uint32_t next, float penalty, bool inserted) {
    Pattern p;
    p.slot[0] = first;
    p.len = 1;
    p.need = length_for(*first);
    p.penalty = penalty;
    p.inserted = inserted;
    if (p.need == 0) return;
    if (p.need == 1) {
      p.end = next;
      out.push_back(p);
      return;
    }
    if (p.need > 2) {
      complete(p, next, out);
      return;
    }
    // extend(p, next), every pattern then whole.
    const Node& second = nodes_[next];
    if (second.insert_slot >= 0 && !inserted) {
      out.push_back(p);
      Pattern& q = out.back();
      q.slot[1] = &slots_[second.insert_slot];
      q.len = 2;
      q.inserted = true;
      q.end = next;
    }
    for (const Edge& e : edges_of(second)) {
      out.push_back(p);
      Pattern& q = out.back();
      q.slot[1] = &slots_[e.slot];
      q.len = 2;
      q.penalty += e.penalty;
      q.end = e.to;
    }
  };
  if (nd.insert_slot >= 0) start(&slots_[nd.insert_slot], node, 0, true);
  for (const Edge& e : edges_of(nd)) start(&slots_[e.slot], e.to, e.penalty, false);
}

// Inline: GCC kept it out of line, a call per pattern of known bytes
// (0.2 % of dev 001's repair).
inline char32_t Lattice::decode_bytes(const uint8_t* b, int len) const {
  if (h_.target == TargetCodec::kUtf8) return utf8_decode(b, len);
  if (len == 1) return b[0] < 0x80 ? b[0] : 0;
  return target_codec_.decode(b[0], b[1]);
}

// The candidates of pattern `p`, the `index`-th of its node, with its whole
// guess list. False: it spells no character.
bool Lattice::part_of(const Pattern& p, uint8_t index, CandidatePart& out) const {
  int wild = 0;
  for (int i = 0; i < p.len; ++i) wild += !p.slot[i]->known;
  const uint8_t unknown = static_cast<uint8_t>(wild), known = static_cast<uint8_t>(p.len - wild);
  const float penalty = p.penalty + wild * costs_.unknown_byte +
                        (p.inserted ? costs_.inserted_byte - costs_.unknown_byte : 0);
  const bool first_pair_prev = p.slot[0]->pair_prev;
  if (wild == 0) {
    uint8_t b[4] = {0, 0, 0, 0};
    for (int i = 0; i < p.len; ++i) b[i] = p.slot[i]->value;
    const CharFacts f = char_facts(lm_, decode_bytes(b, p.len), decoded_traditional_);
    if (!f.ch) return false;
    for (int i = 1; i < p.len; ++i)
      if (p.slot[i]->pair_prev && !pair_ok(b[i - 1], b[i])) return false;
    out = {nullptr, {f.ch, p.end, f.lm_id, f.general, f.own_cost, f.variant, penalty, unknown, known, b[0],
                     b[p.len - 1], first_pair_prev, index}};
    return true;
  }
  const GuessedChars& guessed = guessed_chars(p);
  if (!guessed.size()) return false;
  // What every candidate of this pattern shares, whatever its character.
  out.guessed = &guessed;
  out.one = Candidate{};
  out.one.end = p.end;
  out.one.penalty = penalty;
  out.one.unknown = unknown;
  out.one.known = known;
  out.one.first_pair_prev = first_pair_prev;
  out.one.pattern = index;
  return true;
}

// The coarse decode's candidates of pattern `p`: a pattern with unknown
// bytes offers only its likeliest few characters.
void Lattice::emit(const Pattern& p, uint8_t index, std::vector<Candidate>& out) const {
  CandidatePart part;
  if (!part_of(p, index, part)) return;
  if (!part.guessed) {
    out.push_back(part.one);
    return;
  }
  // Copied whole, then given its pattern's fields in place (a stamped
  // copy pushed was about 44 instructions a candidate).
  for (const Candidate& c : part.guessed->likeliest) {
    out.push_back(c);
    Candidate& d = out.back();
    d.end = part.one.end;
    d.penalty = part.one.penalty;
    d.unknown = part.one.unknown;
    d.known = part.one.known;
    d.first_pair_prev = part.one.first_pair_prev;
    d.pattern = part.one.pattern;
  }
}


void keep_likeliest(std::vector<Candidate>& out, size_t limit);

const GuessedChars& Lattice::guessed_chars(const Pattern& p) const {
  auto& remembered = scratch_.guesses.lists;
  RememberedGuesses::Key key{};
  key[0] = static_cast<uint64_t>(h_.target) | static_cast<uint64_t>(h_.source) << 8 |
           static_cast<uint64_t>(p.len) << 16 | uint64_t{decoded_traditional_} << 24;
  for (int i = 0; i < p.len; ++i) {
    const Slot& s = *p.slot[i];
    uint64_t* k = &key[1 + 2 * static_cast<size_t>(i)];
    k[0] = uint64_t{s.known} | uint64_t{s.value} << 8 | uint64_t{i > 0 && s.pair_prev} << 16;
    if (!s.known) k[1] = reinterpret_cast<uintptr_t>(s.allowed);
  }
  if (auto it = remembered.find(key); it != remembered.end()) return it->second;
  GuessedChars& out = remembered[key];
  std::vector<Candidate>& found = scratch_.found;
  found.clear();
  find_guessed_chars(p, found);
  // Lists of their exact sizes: these are kept (191 on dev 001's
  // traditional version), and grown by push_back, with `likeliest` a copy
  // of the whole list cut to kCoarseGuesses, they took 71 fresh heap pages
  // of a process's first damaged text (now 19: 50 page faults, 0.7 ms
  // fewer, and 0.5M instructions).
  const size_t modelled = static_cast<size_t>(
      std::count_if(found.begin(), found.end(), [](const Candidate& c) { return c.lm_id != 0; }));
  out.columns.reserve(modelled);
  out.first_bytes.reserve(modelled);
  out.modelled_chars.reserve(modelled);
  out.others.reserve(found.size() - modelled);
  for (const Candidate& c : found) {
    if (!c.lm_id) {
      out.others.push_back(c);
      continue;
    }
    out.columns.push(lm_, c);
    out.first_bytes.push_back(c.first_byte);
    out.first_byte_set.add(c.first_byte);
    out.modelled_chars.push_back({static_cast<char16_t>(c.ch), c.last_byte, c.own_cost});
  }
  // Chosen in the scratch list, then copied: a copy of the whole list
  // kept its capacity (up to kMaxFittingGuesses candidates for
  // kCoarseGuesses).
  keep_likeliest(found, kCoarseGuesses);
  out.likeliest.assign(found.begin(), found.end());
  scratch_.guesses.count(out);
  return out;
}

// Keeps the `limit` characters of `out` that the model alone likes best
// (lowest own cost; of equal ones, the first), in their order.
void keep_likeliest(std::vector<Candidate>& out, size_t limit) {
  if (out.size() <= limit) return;
  std::vector<float> costs;
  costs.reserve(out.size());  // one block, not a doubling chain left on the heap
  for (const Candidate& c : out) costs.push_back(c.own_cost);
  std::nth_element(costs.begin(), costs.begin() + static_cast<std::ptrdiff_t>(limit - 1), costs.end());
  const float worst = costs[limit - 1];
  size_t ties = limit;  // how many of cost `worst` fit
  for (const Candidate& c : out) ties -= c.own_cost < worst;
  size_t kept = 0;
  for (const Candidate& c : out)
    if (c.own_cost < worst || (c.own_cost == worst && ties > 0 && ties--)) out[kept++] = c;
  out.resize(kept);
}

void Lattice::find_guessed_chars(const Pattern& p, std::vector<Candidate>& out) const {
  int wild = 0, wild_pos = -1;
  for (int i = 0; i < p.len; ++i)
    if (!p.slot[i]->known) {
      ++wild;
      wild_pos = i;
    }
  uint8_t b[4] = {0, 0, 0, 0};
  for (int i = 0; i < p.len; ++i)
    if (p.slot[i]->known) b[i] = p.slot[i]->value;
  auto push = [&](const CharFacts& f, const uint8_t* bytes) {
    if (!f.ch) return;
    for (int i = 1; i < p.len; ++i)
      if (p.slot[i]->pair_prev && !pair_ok(bytes[i - 1], bytes[i])) return;
    if (f.ch < 0x80) return;  // unknown bytes are never ASCII
    out.push_back({f.ch, 0, f.lm_id, f.general, f.own_cost, f.variant, 0, 0, 0, bytes[0], bytes[p.len - 1], false});
  };
  if (wild == 1) {
    int lo = 0x80, hi = 0xFF;
    if (h_.target == TargetCodec::kUtf8) {
      if (wild_pos == 0) { lo = 0xE0; hi = 0xEF; } else { lo = 0x80; hi = 0xBF; }
    } else if (wild_pos == 0) {
      lo = 0x81; hi = 0xFE;
    } else {
      lo = 0x40; hi = 0xFE;
    }
    const ByteSet& allowed = *p.slot[wild_pos]->allowed;
    for (int v = lo; v <= hi; ++v) {
      if (!allowed.has(v)) continue;
      b[wild_pos] = static_cast<uint8_t>(v);
      push(char_facts(lm_, decode_bytes(b, p.len), decoded_traditional_), b);
    }
    keep_likeliest(out, kMaxSingleGuesses);
    return;
  }
  // Bytes that must be an unmapped source pair and one target character at
  // once: no candidate when source and target read pairs with one table.
  if (p.len == 2 && p.slot[1]->pair_prev && h_.target != TargetCodec::kUtf8 &&
      &source_codec_ == &target_codec_)
    return;
  // Two or more unknown bytes: the first kMaxFittingGuesses guess
  // characters whose bytes the known bytes and constraints allow.
  size_t fitted = 0;
  const std::span<const GuessChar> guesses = guess_chars(h_.target);
  const uint16_t* with_known = nullptr;
  size_t n = guesses.size();
  for (int i = 0; i < p.len && !with_known; ++i)
    if (p.slot[i]->known) {
      const std::span<const uint16_t> list = guess_index(h_.target).at(i, p.slot[i]->value);
      with_known = list.data();
      n = list.size();
    }
  for (size_t m = 0; m < n; ++m) {
    const GuessChar& g = guesses[with_known ? with_known[m] : m];
    if (g.len != p.len) continue;
    bool fits = true;
    for (int i = 0; i < p.len && fits; ++i) {
      const Slot& s = *p.slot[i];
      fits = s.known ? s.value == g.bytes[i] : s.allowed->has(g.bytes[i]);
      if (fits && i > 0 && s.pair_prev) fits = pair_ok(g.bytes[i - 1], g.bytes[i]);
    }
    if (fits) {
      push(g.facts[decoded_traditional_], g.bytes.data());
      if (++fitted == kMaxFittingGuesses) break;
    }
  }
}

// The coarse decode's candidates of a node. Its patterns stay in patterns_
// (from scratch_.first_pattern[node] on) for the refill.
void Lattice::candidates_from(uint32_t node, std::vector<Candidate>& out) const {
  scratch_.guesses.make_room();
  const size_t first = patterns_.size();
  scratch_.first_pattern[node] = static_cast<uint32_t>(first);
  patterns_from(node, patterns_);
  const size_t count = std::min(patterns_.size() - first, kMaxNodePatterns);
  const Pattern* patterns = patterns_.data() + first;
  for (size_t k = 0; k < count; ++k) emit(patterns[k], static_cast<uint8_t>(k), out);
}

// The tokens' model ids and own costs: once per lattice, for both decodes.
void Lattice::find_token_facts(char32_t before) {
  const uint32_t n = static_cast<uint32_t>(win_.size());
  before_ = before;
  tok_id_.resize(n);
  tok_own_.resize(n);
  tok_kept_.resize(n);
  for (uint32_t t = 0; t < n; ++t) {
    tok_id_[t] = lm_.id(win_[t].ch);
    tok_own_[t] = own_cost(win_[t].ch);
  }
  char32_t text_prev = before;
  uint16_t text_prev_id = before ? lm_.id(before) : 0;
  for (uint32_t t = 0; t < n; ++t) {
    tok_kept_[t] = scorer_.kept_cost(text_prev, text_prev_id, win_[t].ch, tok_id_[t], tok_own_[t]);
    text_prev = win_[t].ch;
    text_prev_id = tok_id_[t];
  }
}

LatticeResult Lattice::decode(char32_t before, char32_t after, WorkBudget* budget) {
  LatticeResult result;
  result.traditional = traditional_;
  const uint32_t n = static_cast<uint32_t>(win_.size());
  find_token_facts(before);
  const std::vector<uint16_t>& tok_id = tok_id_;
  const std::vector<float>& tok_own = tok_own_;
  const uint16_t after_id = after ? lm_.id(after) : 0;
  const float after_own = after ? own_cost(after) : 0;

  // Cost of keeping the window as it is: a modelled token's is its kept
  // cost (NodeScorer::modelled_cost and kept_cost agree on it), as is a
  // letter's that continues a foreign word (foreign_runs.h); another's
  // its own cost.
  uint16_t prev = before ? lm_.id(before) : 0;
  for (uint32_t t = 0; t < n; ++t) {
    const bool foreign = !tok_id[t] && continues_foreign_run(t > 0 ? win_[t - 1].ch : before, win_[t].ch);
    result.literal_cost += tok_id[t] || foreign ? tok_kept_[t] : tok_own[t];
    prev = tok_id[t];
  }
  if (after) result.literal_cost += scorer_.modelled_cost(after, prev, after_id, after_own);

  // Working memory reused by every decode on this thread: a damaged
  // passage decodes one window under several hypotheses, and fresh vectors
  // each time cost more in page faults than the search itself.
  DecodeScratch& scratch = scratch_;
  std::vector<Entry>& arena = scratch.arena;
  std::vector<CoarseBeam>& beams = scratch.beams;
  std::vector<float>& floor = scratch.floor;  // best cost pushed into each node
  std::vector<int32_t>& beam = scratch.beam;
  arena.clear();
  patterns_.clear();
  scratch.first_pattern.resize(nodes_.size());
  beams.assign(nodes_.size(), CoarseBeam{});
  floor.assign(nodes_.size(), kInfinity);
  // Stores state `e` into node `to` if it is one of the node's two.
  auto reach = [&arena, &beams](uint32_t to, const Entry& e) {
    const uint64_t key = uint64_t{std::bit_cast<uint32_t>(e.cost)} << 32 | ~static_cast<uint32_t>(arena.size());
    if (beams[to].offer(key, static_cast<uint32_t>(e.last) << 1 | uint32_t{e.decoded})) arena.push_back(e);
  };
  reach(0, {0, before, static_cast<uint16_t>(before ? lm_.id(before) : 0), 0, 0, 0, false, kLiteralStep, -1, 0, 0});
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    if (beams[i].first == CoarseBeam::kNone) continue;
    beam.clear();
    beam.push_back(state_of(beams[i].first));
    if (beams[i].second != CoarseBeam::kNone) beam.push_back(state_of(beams[i].second));
    const Node& nd = nodes_[i];
    if (nd.boundary && nd.pos < n) {
      const uint32_t t = nd.pos;
      const uint32_t to = boundary_[t + 1];
      for (int32_t s : beam) {
        const Entry& e = arena[s];
        float c = e.cost + kept_cost_of(t, e.last, e.last_id);
        floor[to] = std::min(floor[to], c);
        reach(to, {c, win_[t].ch, tok_id[t], 0, 0, 0, false, kLiteralStep, s, i, to});
      }
    }
    if (nd.edges_begin == nd.edges_end && nd.insert_slot < 0) continue;
    std::vector<Candidate>& found = scratch.node_cands;
    found.clear();
    candidates_from(i, found);
    const size_t offered = found.size();
    if (budget) {
      const uint64_t work = static_cast<uint64_t>(offered) * beam.size() + 1;
      if (work > budget->remaining) {
        budget->remaining = 0;
        result.aborted = true;
        result.best_cost = result.literal_cost;
        return result;
      }
      budget->remaining -= work;
    }
    scorer_.score_singles(beam, arena, found);
    const std::vector<Candidate>& cands = scorer_.cands();
    const std::vector<float>& cand_best = scorer_.best();
    const std::vector<int32_t>& cand_from = scorer_.from();
    const size_t nc = cands.size();
    for (size_t k = 0; k < nc; ++k) {
      if (cand_from[k] < 0) continue;
      const Candidate& cd = cands[k];
      const float best = cand_best[k];
      // Far behind the best path into the same node: it would be pruned.
      if (best + cd.penalty > floor[cd.end] + kCoarsePruneMargin) continue;
      floor[cd.end] = std::min(floor[cd.end], best + cd.penalty);
      reach(cd.end, {best + cd.penalty, cd.ch, cd.lm_id, cd.last_byte, cd.unknown, cd.known, true, cd.pattern,
                     cand_from[k], i, cd.end});
    }
  }

  const CoarseBeam& last = beams[boundary_[n]];
  float best = kInfinity;
  int32_t best_e = -1;
  for (const uint64_t key : {last.first, last.second}) {
    if (key == CoarseBeam::kNone) continue;
    const int32_t s = state_of(key);
    const Entry& e = arena[s];
    float c = e.cost + (after ? scorer_.modelled_cost(after, e.last_id, after_id, after_own) : 0);
    if (c < best) { best = c; best_e = s; }
  }
  if (best_e < 0) {  // cannot happen: the literal path always reaches the end
    result.best_cost = result.literal_cost;
    return result;
  }
  result.best_cost = best;
  scratch.path.clear();
  for (int32_t s = best_e; arena[s].back >= 0; s = arena[s].back) {
    const Entry& e = arena[s];
    scratch.path.push_back({e.from, e.pattern});
    const Node& to = nodes_[e.to];
    result.steps.push_back({e.last, nodes_[e.from].pos, to.boundary ? to.pos : to.pos + 1, e.decoded,
                            e.unknown, e.known, e.cost - arena[e.back].cost});
  }
  std::reverse(result.steps.begin(), result.steps.end());
  std::reverse(scratch.path.begin(), scratch.path.end());
  return result;
}

// The refill of the path the last decode found (`coarse`): its steps'
// candidates, each a kept token or its pattern's part, as the decode's
// patterns give them.
LatticeResult Lattice::refill(const LatticeResult& coarse, char32_t after, WorkBudget* budget) {
  std::vector<RefillStep>& steps = scratch_.refill_steps;
  steps.clear();
  // Every guess list of the path must stay remembered until the refill is
  // done: the lists are dropped (when full) before, not between, them.
  scratch_.guesses.make_room();
  // A path that reads a traditional form by its simplified bytes says the
  // text was converted after the damage: what it decodes is the GBK text
  // from before the conversion, simplified, which the refill then scores as
  // simplified (its guesses' script; kept tokens keep the window's). Scored
  // as traditional, the refill of dev article 001 converted by OpenCC s2t
  // guessed 上海 for 生产 (an extra 2.5 nats on every simplified form).
  if (h_.target == TargetCodec::kGbk && decoded_traditional_) {
    int converted = 0;
    for (const auto& [node, pattern] : scratch_.path) {
      if (pattern == kLiteralStep) continue;
      const Pattern& p = patterns_[scratch_.first_pattern[node] + pattern];
      for (int i = 0; i < p.len; ++i) converted += p.slot[i]->converted;
    }
    if (converted >= 2) decoded_traditional_ = false;  // a character's bytes
  }
  for (const auto& [node, pattern] : scratch_.path) {
    RefillStep step{};
    if (pattern == kLiteralStep) {
      const uint32_t t = nodes_[node].pos;
      step.kept = true;
      step.part.one.ch = win_[t].ch;
      step.part.one.lm_id = tok_id_[t];
      step.part.one.own_cost = tok_own_[t];
      step.text_prev = t > 0 ? win_[t - 1].ch : before_;
      step.kept_cost = tok_kept_[t];
    } else {
      part_of(patterns_[scratch_.first_pattern[node] + pattern], pattern, step.part);
    }
    steps.push_back(step);
  }
  const WindowEnds ends{scratch_.arena[0], after, static_cast<uint16_t>(after ? lm_.id(after) : 0),
                        after ? own_cost(after) : 0};
  return scratch_.refill.run(coarse, steps, ends, scorer_, budget);
}

}  // namespace

bool LatticeResult::any_decoded() const {
  for (const PathStep& s : steps)
    if (s.decoded) return true;
  return false;
}

LatticeResult decode_window(std::span<const WindowChar> window, char32_t before, char32_t after,
                            const Hypothesis& h, const LatticeCosts& costs, WorkBudget* budget) {
  Lattice lattice(window, h, costs, DecodeScratch::of_this_thread());
  LatticeResult coarse = lattice.decode(before, after, budget);
  if (coarse.aborted || !coarse.any_decoded()) return coarse;
  // Without a guessed character on the path there is nothing to refill.
  if (std::none_of(coarse.steps.begin(), coarse.steps.end(), [](const PathStep& s) { return s.unknown_bytes > 0; }))
    return coarse;
  LatticeResult fine = lattice.refill(coarse, after, budget);
  // The refill's pruning may drop a character the coarse path needs (a
  // pair the source could not map): the coarse path stands then.
  if (fine.aborted || fine.steps.empty() || fine.best_cost > coarse.best_cost) return coarse;
  return fine;
}

}  // namespace aidtext::repair
