// Internal to the lattice decoder (lattice.cc): the decoder's inner loop,
// scoring a node's candidate characters after the states of its beam, and
// the bar that prunes candidates before the full beam scores them.
#ifndef AIDTEXT_REPAIR_CANDIDATE_SCORER_H_
#define AIDTEXT_REPAIR_CANDIDATE_SCORER_H_

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "repair/char_lm.h"
#include "repair/lattice_graph.h"

namespace aidtext::repair::lattice_detail {

// What the scorer reads of modelled candidates, one column per fact, in
// candidate order: 14 bytes a candidate (24 with a stored hash and cost
// without a bigram). A row's hash (id * kHashMult) is one multiply, and
// the cost without a bigram (the model's unigram plus `variant`) is needed
// only after a state with no modelled character: both are worked out where
// they are used.
struct ModelColumns {
  std::vector<uint16_t> id;                 // model id
  std::vector<float> start, share, variant;  // CharLm's parts of a fallback; Candidate's
  size_t size() const { return id.size(); }
  void clear() {
    id.clear();
    for (std::vector<float>* v : {&start, &share, &variant}) v->clear();
  }
  void push(const CharLm& lm, const Candidate& c) {
    id.push_back(c.lm_id);
    start.push_back(lm.start_cost(c.lm_id));
    share.push_back(lm.unigram_share_cost(c.lm_id));
    variant.push_back(c.variant);
  }
  void reserve(size_t n) {
    id.reserve(n);
    for (std::vector<float>* v : {&start, &share, &variant}) v->reserve(n);
  }
  void resize(size_t n) {
    id.resize(n);
    for (std::vector<float>* v : {&start, &share, &variant}) v->resize(n);
  }
  void set(size_t j, const CharLm& lm, const Candidate& c) {
    id[j] = c.lm_id;
    start[j] = lm.start_cost(c.lm_id);
    share[j] = lm.unigram_share_cost(c.lm_id);
    variant[j] = c.variant;
  }
  void append(const ModelColumns& o) {
    id.insert(id.end(), o.id.begin(), o.id.end());
    start.insert(start.end(), o.start.begin(), o.start.end());
    share.insert(share.end(), o.share.begin(), o.share.end());
    variant.insert(variant.end(), o.variant.begin(), o.variant.end());
  }
};

// What a modelled guessed character adds to its columns to become a
// Candidate again (CandidatePart::at). Modelled characters are BMP Han.
struct ModelledChar {
  char16_t ch;
  uint8_t last_byte;
  float own_cost;
};

// The characters a pattern with unknown bytes may spell (Lattice::
// guessed_chars), modelled ones first, without the fields their pattern
// gives them (end, penalty, byte counts, first_pair_prev): the modelled
// ones as the scorer's columns, ready to be copied, the others (punctuation
// and other scripts: few) as candidates. A node behind a hole offers a few
// hundred of them (up to kMaxSingleGuesses or kMaxFittingGuesses per
// pattern), and making a Candidate of each and looking its facts up in the
// model at every node was a fifth of the decode of dev article 001's
// passage. The modelled ones are kept narrow: 23 bytes a character, 57 as
// a Candidate with its columns. On the interleaved benchmark (extract over
// the five dev articles) that cut the L2 misses cachegrind simulates (1 MB)
// by 16 %, but not the time: the hardware prefetches these lists, which
// are read in order, and reading 16 MB between two normalize() calls of
// dev article 001 costs it only 28 us of 250 anyway.
struct GuessedChars {
  ModelColumns columns;                 // of the modelled characters
  std::vector<uint8_t> first_bytes;     // likewise
  ByteSet first_byte_set;               // every one of first_bytes
  std::vector<ModelledChar> modelled_chars;  // likewise
  std::vector<Candidate> others;        // characters k >= modelled(), at k - modelled()
  // The coarse decode's stand-ins for the list (see lattice_graph.h's
  // kCoarseGuesses): its likeliest characters by the model alone.
  std::vector<Candidate> likeliest;
  size_t modelled() const { return columns.size(); }
  size_t size() const { return modelled() + others.size(); }
  Candidate at(size_t i) const {
    if (i >= modelled()) return others[i - modelled()];
    const ModelledChar& m = modelled_chars[i];
    return {m.ch, 0, columns.id[i], false, m.own_cost, columns.variant[i], 0, 0, 0, first_bytes[i], m.last_byte, false};
  }
};

// The candidates of one pattern: a pattern of known bytes spells `one`, a
// pattern with unknown bytes the characters `guessed` with `one`'s end,
// penalty, byte counts and first_pair_prev.
struct CandidatePart {
  const GuessedChars* guessed;  // null: just `one`
  Candidate one;
  size_t size() const { return guessed ? guessed->size() : 1; }
  size_t modelled() const { return guessed ? guessed->modelled() : one.lm_id ? 1 : 0; }
  Candidate at(size_t i) const { return guessed ? stamped(guessed->at(i)) : one; }
  // Appends at(begin + at[p]) for p < m to `out`, the candidates of one run
  // of for_each_run (modelled ones or others): built in place from the
  // guess list's columns, which at() and a push apiece did at about 60
  // instructions a candidate (the ranking's picks: 487 per repair of dev
  // 001).
  void append(std::vector<Candidate>& out, size_t begin, const uint32_t* at, size_t m) const {
    out.reserve(out.size() + m);
    if (!guessed) {
      for (size_t p = 0; p < m; ++p) out.push_back(one);
      return;
    }
    const GuessedChars& g = *guessed;
    const size_t nm = g.modelled();
    if (begin >= nm) {
      for (size_t p = 0; p < m; ++p) out.push_back(stamped(g.others[begin + at[p] - nm]));
      return;
    }
    const ModelledChar* chars = g.modelled_chars.data();
    const uint16_t* ids = g.columns.id.data();
    const float* variants = g.columns.variant.data();
    const uint8_t* first_bytes = g.first_bytes.data();
    for (size_t p = 0; p < m; ++p) {
      // `one` copied whole (its pattern's fields), then the character's.
      const size_t i = begin + at[p];
      out.push_back(one);
      Candidate& c = out.back();
      c.ch = chars[i].ch;
      c.lm_id = ids[i];
      c.own_cost = chars[i].own_cost;
      c.variant = variants[i];
      c.first_byte = first_bytes[i];
      c.last_byte = chars[i].last_byte;
    }
  }
  // Appends the candidates that are not modelled (at(i), i >= modelled()),
  // each copied whole and then given its pattern's fields in place.
  void append_others(std::vector<Candidate>& out) const {
    if (!guessed) {
      if (!one.lm_id) out.push_back(one);
      return;
    }
    for (const Candidate& c : guessed->others) {
      out.push_back(c);
      stamp(out.back());
    }
  }
  // Gives guessed character `c` what its pattern gives it.
  void stamp(Candidate& c) const {
    c.end = one.end;
    c.penalty = one.penalty;
    c.unknown = one.unknown;
    c.known = one.known;
    c.first_pair_prev = one.first_pair_prev;
    c.pattern = one.pattern;
  }
  // A guessed character `c` with what its pattern gives it.
  Candidate stamped(Candidate c) const {
    stamp(c);
    return c;
  }
};

// Calls visit(k, part, begin, end) for the node's candidates in the
// scorer's order, a run at a time: candidates k, k + 1 ... are
// part.at(begin), part.at(begin + 1) ... part.at(end - 1). Every part's
// modelled candidates come first, then every part's others.
template <typename Visit>
void for_each_run(std::span<const CandidatePart> parts, Visit visit) {
  size_t k = 0;
  for (const CandidatePart& part : parts) {
    const size_t nm = part.modelled();
    if (nm) visit(k, part, size_t{0}, nm);
    k += nm;
  }
  for (const CandidatePart& part : parts) {
    const size_t nm = part.modelled(), n = part.size();
    if (n > nm) visit(k, part, nm, n);
    k += n - nm;
  }
}

// Scores every candidate character of a node after every state of the node's
// beam, keeping per candidate the cheapest state: the decoder's inner loop,
// run up to 16 x 300 times per node inside damaged text.
//
// A pair's cost is its stored bigram cost when the model has seen it inside
// a word and the fallback (word boundary or unigram share) otherwise. Most
// pairs are unseen, so the scorer first gives every candidate its fallback
// (plain arithmetic over arrays, which the compiler vectorizes) and then
// overwrites the candidates that the state's stored row holds, walking the
// row when it is short and looking candidates up in it when it is long.
//
// A node's candidates are in one order, modelled ones first (each part in
// the order it was given): the order of `best` and `from`.
// Scores the unmodelled candidates k in [nm, n) (punctuation, '?', other
// scripts: rare) after state `s`, which ends in `last` at `base`;
// cands[k - nm] is candidate k. Keeps the cheapest way into each in
// best[k] and from[k]. Shared by CandidateScorer and NodeScorer::score_few.
inline void score_unmodelled(const Candidate* cands, size_t nm, size_t n, char32_t last, int32_t s, float base,
                             const ByteSet* unmapped, float* best, int32_t* from) {
  for (size_t k = nm; k < n; ++k) {
    const Candidate& cd = cands[k - nm];
    if (base >= best[k]) continue;
    if (cd.first_pair_prev && (!unmapped || !unmapped->has(cd.first_byte))) continue;
    const float c = base + (cd.general ? unmodelled_cost(last, cd.ch, cd.own_cost) : cd.own_cost);
    if (c < best[k]) {
      best[k] = c;
      from[k] = s;
    }
  }
}

class CandidateScorer {
 public:
  // A row is walked when it has at most this many slots per candidate
  // (a walk reads slots in order; a look-up reads one bucket at random).
  // A walk also reads head_ at every slot's id, a cache line each, so with
  // rows of cache-line buckets walking less touches fewer lines: 1 instead
  // of 2 took the L2 read misses inside the repair from 6.5k to 6.4k per
  // round of the interleaved dev articles (cachegrind) for 0.2 % more
  // instructions; never walking, 6.1k for 3 % more. (2 had measured best
  // among 2, 4 and 8 with rows of 4-byte slots.)
  static constexpr size_t kWalkRatio = 1;

  explicit CandidateScorer(const CharLm& lm) : lm_(lm), stored_costs_(lm.stored_cost_table()), head_(lm.size(), -1) {}
  void set_traditional(bool traditional) { traditional_ = traditional; }

  // Sets up a node's candidates; reorders `cands` into the scorer's order.
  // With `keep_scores`, `best` and `from` are already those of `cands` after
  // the first states of the beam (see NodeScorer::prune): `cands`
  // must then be in that order.
  void prepare(std::vector<Candidate>& cands, bool keep_scores = false) {
    // A stable partition by hand: std::stable_partition takes a buffer from
    // the heap at every call.
    size_t nm = 0;
    others_.clear();
    for (const Candidate& c : cands) {
      if (!c.lm_id) others_.push_back(c);
      else if (others_.empty()) ++nm;
      else cands[nm++] = c;
    }
    if (nm < cands.size()) std::copy(others_.begin(), others_.end(), cands.begin() + static_cast<std::ptrdiff_t>(nm));
    n_ = cands.size();
    nm_ = nm;
    pair_prev_.clear();
    pair_prev_count_ = 0;
    first_bytes_.resize(nm_);
    cols_.resize(nm_);  // written in place: a push per column was 1 % of dev 001's repair
    for (size_t j = 0; j < nm_; ++j) {
      cols_.set(j, lm_, cands[j]);
      first_bytes_[j] = cands[j].first_byte;
      if (cands[j].first_pair_prev) add_pair_prev(j, j + 1, first_bytes_.data() + j, nullptr, cands[j].first_byte);
    }
    view(cols_);
    pair_prev_all_ = nm_ > 0 && pair_prev_count_ == nm_;
    indexed_ = false;
    if (!keep_scores) {
      best.assign(n_, kInfinity);
      from.assign(n_, -1);
    }
  }

  // Sets up a node's candidates from its patterns' parts (in the order of
  // for_each_run), copying the columns of guessed characters. The
  // parts must outlive the node's scoring.
  void prepare(std::span<const CandidatePart> parts) {
    cols_.clear();
    pair_prev_.clear();
    pair_prev_count_ = 0;
    others_.clear();
    if (parts.size() == 1 && parts[0].guessed) {
      // One pattern's guesses (every node of the refill): their own
      // columns, read where they are rather than copied.
      const ModelColumns& own = parts[0].guessed->columns;
      if (parts[0].one.first_pair_prev && own.size() > 0)
        add_pair_prev(0, own.size(), parts[0].guessed->first_bytes.data(), &parts[0].guessed->first_byte_set, 0);
      nm_ = own.size();
      view(own);
    } else {
      for (const CandidatePart& part : parts) {
        const size_t k = cols_.size();
        if (part.guessed) cols_.append(part.guessed->columns);
        else if (part.one.lm_id) cols_.push(lm_, part.one);
        if (part.one.first_pair_prev && cols_.size() > k)
          add_pair_prev(k, cols_.size(), part.guessed ? part.guessed->first_bytes.data() : &part.one.first_byte,
                        part.guessed ? &part.guessed->first_byte_set : nullptr, part.one.first_byte);
      }
      nm_ = cols_.size();
      view(cols_);
    }
    for (const CandidatePart& part : parts) part.append_others(others_);
    n_ = nm_ + others_.size();
    pair_prev_all_ = nm_ > 0 && pair_prev_count_ == nm_;
    indexed_ = false;
    best.assign(n_, kInfinity);
    from.assign(n_, -1);
  }

  // Candidates reached from state `s` (entry `e`) at `base` = its cost plus
  // the price of entering a decoded stretch. `unmapped_after(a)`: the bytes
  // b of the source pairs (a, b) that were unmapped, of which a candidate
  // marked first_pair_prev needs one after a decoded state.
  template <typename UnmappedAfter>
  void score(const Entry& e, int32_t s, float base, UnmappedAfter unmapped_after) {
    // Only after a decoded state can a candidate that needs an unmapped
    // pair before it follow. Each run of such candidates is checked as a
    // whole first (its first bytes' set against the pairs the state's last
    // byte starts): most runs are all allowed or all ruled out, and only a
    // run of both is masked candidate by candidate. A state after which
    // every modelled candidate is ruled out scores only the others. Dev
    // article 001: 1,871k -> 1,836k instructions per normalize().
    const ByteSet* unmapped = e.decoded ? &unmapped_after(e.last_byte) : nullptr;
    bool live = !pair_prev_all_;
    for (PairPrevRun& run : pair_prev_) {
      run.mode = !unmapped || !meets(run.bytes, *unmapped) ? kRunOut : within(run.bytes, *unmapped) ? kRunIn : kRunMixed;
      live |= run.mode != kRunOut;
    }
    if (!live) {
      score_others(e, s, base, unmapped);
      return;
    }
    const uint16_t a = e.last_id;
    lm_cost_.resize(nm_ + 1);  // + the row walk's spare
    if (a) {
      const CharLm::Row row = lm_.row(a);
      const float end = lm_.end_cost(a);
      for (size_t j = 0; j < nm_; ++j) lm_cost_[j] = std::min(end + col_.start[j], col_.share[j]);
      if (row.n_buckets * CharLm::kBucketSlots <= kWalkRatio * nm_) {
        index_by_id();
        // Whether a slot holds a candidate's id (or is empty: id 0, which
        // no candidate has) is a coin toss, so no test: a slot that holds
        // none writes its cost to lm_cost_[nm_], a spare, whose next_ is
        // -1. Only a second candidate of the same id (rare) loops. The two
        // tests were 10 % of the mispredicted branches of normalize() on
        // dev article 001 (cachegrind's branch simulation); run after
        // extract() of dev article 000, which leaves the predictor
        // untrained, it takes 263 us instead of 292 (alone 240 either way).
        // Selects in place of the probe's hit-or-empty ?: below and of the
        // pruning's && and || were fewer mispredictions in cachegrind but
        // slower here, alone and after 000 (+6 to +13 us).
        for (uint32_t k = 0; k < row.n_buckets; ++k) {
          const CharLm::Bucket& bucket = row.buckets[k];
          for (uint32_t i = 0; i < CharLm::kBucketSlots; ++i) {
            const float stored = stored_cost(bucket.cost[i]);
            const int32_t first = head_[bucket.b[i]];
            size_t j = first < 0 ? nm_ : static_cast<size_t>(first);
            lm_cost_[j] = stored;
            for (int32_t more = next_[j]; more >= 0; more = next_[static_cast<size_t>(more)])
              lm_cost_[static_cast<size_t>(more)] = stored;
          }
        }
      } else {
        // CharLm::bigram_cost's look-up, with the fallback already in
        // place: the model's own facts are read at random, these in order.
        for (size_t j = 0; j < nm_; ++j) {
          lm_cost_[j] = CharLm::stored_or(row, col_.id[j], stored_costs_, lm_cost_[j]);
        }
      }
    } else {
      for (size_t j = 0; j < nm_; ++j) lm_cost_[j] = lm_.unigram(col_.id[j]) + col_.variant[j];  // own cost
    }
    // A mixed run without a branch per candidate: whether a pair was
    // unmapped is a coin toss (the branch was an eighth of the ranking's
    // cycles on dev article 001).
    for (const PairPrevRun& run : pair_prev_) {
      if (run.mode == kRunIn) continue;
      if (run.mode == kRunOut) {
        std::fill(lm_cost_.begin() + run.begin, lm_cost_.begin() + run.end, kInfinity);
        continue;
      }
      for (uint32_t j = run.begin; j < run.end; ++j)
        lm_cost_[j] = unmapped->has(run.first_bytes[j - run.begin]) ? lm_cost_[j] : kInfinity;
    }
    // One pass adds the script's price (a bigram only) and keeps the
    // cheapest: c is rounded as when the price was added in place first.
    // Without branches, which lets the compiler vectorize it: whether a
    // state improves a candidate is a coin toss. (GCC 12 vectorizes the
    // mask, not `better ? s : from`: dev article 001, 4.44M -> 4.28M
    // instructions per normalize().)
    const float* __restrict lm_cost = lm_cost_.data();
    const float* __restrict variant = col_.variant;
    float* __restrict best_cost = best.data();
    int32_t* __restrict best_from = from.data();
    const float bigram = a != 0 ? 1.0f : 0.0f;
    for (size_t j = 0; j < nm_; ++j) {
      const float c = base + (lm_cost[j] + bigram * variant[j]);
      const int32_t better = -static_cast<int32_t>(c < best_cost[j]);  // all ones or zero
      best_from[j] = (s & better) | (best_from[j] & ~better);
      best_cost[j] = std::min(c, best_cost[j]);
    }
    score_others(e, s, base, unmapped);
  }

  // Forgets the node's candidates (the id index must be empty for the next).
  void finish() {
    if (indexed_)
      for (size_t j = 0; j < nm_; ++j) head_[col_.id[j]] = -1;
  }

  std::vector<float> best;    // per candidate: cheapest way in
  std::vector<int32_t> from;  // ... and the state it comes from (-1: none)
  std::vector<float> scratch, scratch2;  // free for the caller's use
  std::vector<uint32_t> picked;           // likewise

 private:
  // The candidates that are not modelled (k >= nm_) after state `s`.
  void score_others(const Entry& e, int32_t s, float base, const ByteSet* unmapped) {
    score_unmodelled(others_.data(), nm_, n_, e.last, s, base, unmapped, best.data(), from.data());
  }
  // Candidates [begin, end) need an unmapped pair before them; their first
  // bytes are first_bytes[0, end - begin), all in `bytes` (null: the one
  // byte `byte`).
  void add_pair_prev(size_t begin, size_t end, const uint8_t* first_bytes, const ByteSet* bytes, uint8_t byte) {
    pair_prev_count_ += end - begin;
    if (pair_prev_.empty() || pair_prev_.back().end != begin ||
        pair_prev_.back().first_bytes + (begin - pair_prev_.back().begin) != first_bytes)
      pair_prev_.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(begin), first_bytes, {}, kRunMixed});
    PairPrevRun& run = pair_prev_.back();
    run.end = static_cast<uint32_t>(end);
    if (!bytes) {
      run.bytes.add(byte);
      return;
    }
    for (size_t w = 0; w < 4; ++w) run.bytes.bits[w] |= bytes->bits[w];
  }
  static bool meets(const ByteSet& a, const ByteSet& b) {
    return ((a.bits[0] & b.bits[0]) | (a.bits[1] & b.bits[1]) | (a.bits[2] & b.bits[2]) | (a.bits[3] & b.bits[3])) != 0;
  }
  static bool within(const ByteSet& a, const ByteSet& b) {
    return ((a.bits[0] & ~b.bits[0]) | (a.bits[1] & ~b.bits[1]) | (a.bits[2] & ~b.bits[2]) |
            (a.bits[3] & ~b.bits[3])) == 0;
  }
  float stored_cost(uint32_t cost) const { return stored_costs_[cost & 0xFF]; }
  const CharLm& lm_;
  const float* stored_costs_;  // stored_cost_table()
  bool traditional_ = false;
  size_t n_ = 0, nm_ = 0;  // candidates; modelled ones (the first nm_)
  ModelColumns cols_;      // of the modelled candidates (when copied)
  // The columns scored: cols_'s, or one guess list's own (prepare(parts)).
  struct ColumnsView {
    const uint16_t* id = nullptr;
    const float *start = nullptr, *share = nullptr, *variant = nullptr;
  } col_;
  void view(const ModelColumns& c) { col_ = {c.id.data(), c.start.data(), c.share.data(), c.variant.data()}; }
  std::vector<float> lm_cost_;
  // Built for the first row walk of a node only: most states' rows are
  // long and looked up instead (about 1 % of the decode of dev 001).
  void index_by_id() {
    if (indexed_) return;
    indexed_ = true;
    next_.resize(nm_ + 1);
    for (size_t j = 0; j < nm_; ++j) {
      next_[j] = head_[col_.id[j]];
      head_[col_.id[j]] = static_cast<int32_t>(j);
    }
    next_[nm_] = -1;  // the spare of the row walk
  }
  bool indexed_ = false;
  std::vector<int32_t> next_;  // next candidate with the same id, -1: none
  std::vector<int32_t> head_;  // per model id: its first candidate, -1: none
  // Runs of modelled candidates [begin, end) that need an unmapped pair
  // before them, and their first bytes.
  enum RunMode : uint8_t { kRunOut, kRunIn, kRunMixed };  // after the state scored
  struct PairPrevRun {
    uint32_t begin, end;
    const uint8_t* first_bytes;
    ByteSet bytes;  // every one of its first bytes
    RunMode mode;
  };
  std::vector<PairPrevRun> pair_prev_;
  size_t pair_prev_count_ = 0;  // candidates in pair_prev_'s runs
  bool pair_prev_all_ = false;  // ... which are every modelled one
  std::vector<uint8_t> first_bytes_;  // prepare(cands): of the modelled candidates
  std::vector<Candidate> others_;  // candidates k >= nm_, at k - nm_
};

// The k-th smallest (from 0) of v[0, n), k < n: a quickselect whose
// partition writes every value to both sides and advances one, so that it
// has no branch on the data (a heap of the K cheapest so far mispredicted
// at every other estimate: a sixth of the cycles of dev article 001's
// passage). Reorders v; `tmp` holds n values.
inline float kth_smallest(float* v, float* tmp, size_t n, size_t k) {
  constexpr size_t kSmall = 16;  // left to std::nth_element
  while (n > kSmall) {
    const float a = v[0], b = v[n / 2], c = v[n - 1];
    const float pivot = std::max(std::min(a, b), std::min(std::max(a, b), c));  // median of three
    size_t lo = 0, hi = 0;
    for (size_t i = 0; i < n; ++i) {
      const float x = v[i];
      v[lo] = x;  // lo <= i: already read
      tmp[hi] = x;
      lo += x < pivot;
      hi += x > pivot;
    }
    if (k < lo) {
      n = lo;
    } else if (k < n - hi) {
      return pivot;
    } else {
      k -= n - hi;
      std::copy_n(tmp, hi, v);
      n = hi;
    }
  }
  std::nth_element(v, v + k, v + n);
  return v[k];
}

// The bar of NodeScorer::prune: min(K-th cheapest estimate, cheapest +
// kPruneWindow), K = kMaxScoredCandidates. Only estimates within the window
// can be the K-th when it is the bar: they are copied out (without
// branches) and the K-th is selected among them. Uses `ranked` as scratch.
inline float pruning_bar(std::vector<float>& ranked, std::vector<float>& within, size_t k) {
  // Four minima at once: one is a chain of dependent instructions (a sixth
  // of the cycles of the ranking's bookkeeping on dev article 001).
  std::array<float, 4> low{kInfinity, kInfinity, kInfinity, kInfinity};
  size_t i = 0;
  for (; i + 4 <= ranked.size(); i += 4)
    for (size_t l = 0; l < 4; ++l) low[l] = std::min(low[l], ranked[i + l]);
  for (; i < ranked.size(); ++i) low[0] = std::min(low[0], ranked[i]);
  const float window_end = std::min(std::min(low[0], low[1]), std::min(low[2], low[3])) + kPruneWindow;
  within.resize(ranked.size());
  size_t n = 0;
  for (float v : ranked) {
    within[n] = v;
    n += v <= window_end;
  }
  if (n < k) return window_end;
  return kth_smallest(within.data(), ranked.data(), n, k - 1);
}

}  // namespace aidtext::repair::lattice_detail

#endif  // AIDTEXT_REPAIR_CANDIDATE_SCORER_H_
