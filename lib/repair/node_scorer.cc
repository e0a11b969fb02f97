// Scoring a node's candidates after its beam (node_scorer.h).
#include "repair/node_scorer.h"

#include <algorithm>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "repair/lattice_tables.h"

namespace aidtext::repair::lattice_detail {

void NodeScorer::score(const std::vector<int32_t>& beam, const std::vector<Entry>& arena,
                       std::span<const CandidatePart> parts, size_t offered, size_t rank_states, const Right* right,
                       float reach, size_t max_scored) {
  // The states the pruning scored need not be scored again.
  const size_t scored = prune(beam, arena, parts, offered, rank_states, right, max_scored);
  if (scored == 0 && cands_.size() * beam.size() <= kFewPairs) {
    score_few(beam, arena);
    return;
  }
  // Every state ranked (a beam no wider than the ranking's states, as in
  // the coarse decode): the ranking's scores, in cands_'s order, are final.
  if (scored > 0 && scored >= beam.size()) return;
  scorer_.prepare(cands_, scored > 0);
  // After the ranking's states, the rest of the beam (cheaper states first)
  // need only be scored where it can improve a kept candidate, and none
  // `reach` or more behind the first.
  const float worst = scored > 0 ? worst_best() : kInfinity;
  const float last = beam.empty() ? kInfinity : entry_base(arena[beam[0]]) + reach;
  for (size_t b = scored; b < beam.size(); ++b) {
    const int32_t s = beam[b];
    const Entry& e = arena[s];
    const float base = entry_base(e);
    if (base >= worst || base >= last) continue;  // it improves none (see worst_best)
    scorer_.score(e, s, base, [this](uint8_t a) -> const ByteSet& { return unmapped_->after(a); });
  }
  scorer_.finish();
}

// A node behind a hole has hundreds of candidates, and scoring each after
// every state of the beam is the decoder's main cost. Candidates are first
// ranked after the cheapest `rank_states` states only, and the
// kMaxScoredCandidates best (plus every candidate read from known bytes)
// go on to the full beam: a character that is not among the best few after
// the likeliest left contexts almost never wins after a costlier one.
//
// `total` is how many candidates the parts offer. The candidates kept go
// to cands_ in the scorer's order. Returns how many states of the beam
// (its first) it scored: their scores, in the scorer's `best` and `from`
// for the candidates kept, are those the full beam starts from.
size_t NodeScorer::prune(const std::vector<int32_t>& beam, const std::vector<Entry>& arena,
                         std::span<const CandidatePart> parts, size_t total, size_t rank_states,
                         const Right* right, size_t max_scored) {
  std::vector<Candidate>& cands = cands_;
  CandidateScorer& scorer = scorer_;
  cands.clear();
  if (total <= max_scored) {
    for (const CandidatePart& part : parts) {
      if (!part.guessed) {  // most nodes: one candidate per part
        cands.push_back(part.one);
        continue;
      }
      for (size_t i = 0; i < part.size(); ++i) cands.push_back(part.at(i));
    }
    return 0;
  }
  scorer.prepare(parts);
  // The ranking's states: the beam's first `rank_states`, but none
  // kRankReach or more behind the first (the full beam scores those after
  // the ranking, like the rest).
  size_t scored = std::min(beam.size(), rank_states);
  const float reach = beam.empty() ? kInfinity : entry_base(arena[beam[0]]) + kRankReach;
  for (size_t i = 0; i < scored; ++i) {
    const Entry& e = arena[beam[i]];
    const float base = entry_base(e);
    if (base >= reach) {
      scored = i;
      break;
    }
    scorer.score(e, beam[i], base, [this](uint8_t a) -> const ByteSet& { return unmapped_->after(a); });
  }
  scorer.finish();
  // The K-th cheapest estimate among guessed candidates is the bar.
  std::vector<float>& ranked = scorer.scratch;
  ranked.clear();
  for_each_run(parts, [&](size_t k, const CandidatePart& part, size_t begin, size_t end) {
    if (!part.one.unknown) return;
    const size_t at = ranked.size();
    ranked.resize(at + end - begin);
    for (size_t j = 0; j < end - begin; ++j) ranked[at + j] = scorer.best[k + j] + part.one.penalty;
  });
  const float bar = ranked.size() <= max_scored ? kInfinity : pruning_bar(ranked, scorer.scratch2, max_scored);
  // Kept: known bytes, and the first kMaxScoredCandidates guessed ones
  // within the bar, picked without a branch (whether an estimate is within
  // the bar is a coin toss).
  size_t guessed = 0;
  std::vector<uint32_t>& picked = scorer.picked;
  for_each_run(parts, [&](size_t k, const CandidatePart& part, size_t begin, size_t end) {
    const size_t len = end - begin;
    picked.resize(len);
    size_t m = 0;
    if (!part.one.unknown) {
      for (size_t j = 0; j < len; ++j) picked[m++] = static_cast<uint32_t>(j);
    } else {
      // Four estimates to a compare, then the kept ones' places from its
      // mask: most of a list's candidates are not kept, and a select per
      // candidate chained through the count kept so far cost about ten
      // instructions each. Dev article 001: 1,836k -> 1,827k instructions
      // per normalize().
      const float pen = part.one.penalty;
      const float* best = scorer.best.data() + k;
      size_t j = 0;
#if defined(__SSE2__)
      const __m128 pen4 = _mm_set1_ps(pen), bar4 = _mm_set1_ps(bar);
      for (; j + 4 <= len && guessed < max_scored; j += 4) {
        uint32_t mask = static_cast<uint32_t>(
            _mm_movemask_ps(_mm_cmple_ps(_mm_add_ps(_mm_loadu_ps(best + j), pen4), bar4)));
        for (; mask != 0 && guessed < max_scored; mask &= mask - 1, ++guessed)
          picked[m++] = static_cast<uint32_t>(j + static_cast<size_t>(std::countr_zero(mask)));
      }
#endif
      for (; j < len && guessed < max_scored; ++j) {
        if (best[j] + pen <= bar) {
          picked[m++] = static_cast<uint32_t>(j);
          ++guessed;
        }
      }
    }
    // The kept ones' scores move down to their places in cands (never
    // above where they were: cands.size() <= k + picked[p]).
    float* kept_best = scorer.best.data();
    int32_t* kept_from = scorer.from.data();
    const uint32_t* at = picked.data();
    const size_t to = cands.size();
    for (size_t p = 0; p < m; ++p) {
      kept_best[to + p] = kept_best[k + at[p]];
      kept_from[to + p] = kept_from[k + at[p]];
    }
    part.append(cands, begin, at, m);
  });
  scorer.best.resize(cands.size());
  scorer.from.resize(cands.size());
  if (right && guessed > kRefillRightKept) keep_by_right(*right);
  return scored;
}

// The ranking sees no right-hand context, so it must keep enough
// candidates for the one that the next character asks for (lattice_graph.h).
// Where the refill knows that character, the guessed candidates kept are
// cut to the kRefillRightKept cheapest by their estimate plus its cost
// after them, in place and in order (ties: the first).
void NodeScorer::keep_by_right(const Right& right) {
  std::vector<Candidate>& cands = cands_;
  std::vector<float>& best = scorer_.best;
  std::vector<int32_t>& from = scorer_.from;
  std::vector<float>& estimate = scorer_.scratch;
  std::vector<float>& guessed = scorer_.scratch2;
  estimate.resize(cands.size());
  guessed.clear();
  for (size_t k = 0; k < cands.size(); ++k) {
    const Candidate& cd = cands[k];
    if (!cd.unknown) continue;
    estimate[k] = best[k] + kept_cost(cd.ch, cd.lm_id, right.ch, right.id, right.own);
    guessed.push_back(estimate[k]);
  }
  std::nth_element(guessed.begin(), guessed.begin() + (kRefillRightKept - 1), guessed.end());
  const float bar = guessed[kRefillRightKept - 1];
  size_t m = 0, taken = 0;
  for (size_t k = 0; k < cands.size(); ++k) {
    const bool unknown = cands[k].unknown != 0;
    if (unknown && (estimate[k] > bar || taken == kRefillRightKept)) continue;
    taken += unknown;
    cands[m] = cands[k];
    best[m] = best[k];
    from[m] = from[k];
    ++m;
  }
  cands.resize(m);
  best.resize(m);
  from.resize(m);
}

// CandidateScorer's work for a node with few (state, candidate) pairs, one
// pair at a time: the same costs, the same order of candidates (modelled
// ones first) and the same choice among equal costs (the first state). Its
// columns and vectorized passes cost more than they save below
// kFewPairs pairs (lattice_graph.h).
void NodeScorer::score_few(const std::vector<int32_t>& beam, const std::vector<Entry>& arena) {
  std::vector<Candidate>& cands = cands_;
  // Modelled ones first, by hand (std::stable_partition takes a buffer from
  // the heap at every call).
  std::vector<Candidate>& others = others_;
  others.clear();
  size_t nm = 0;
  for (const Candidate& c : cands) {
    if (!c.lm_id) others.push_back(c);
    else if (others.empty()) ++nm;  // in place already
    else cands[nm++] = c;
  }
  if (!others.empty()) std::copy(others.begin(), others.end(), cands.begin() + static_cast<std::ptrdiff_t>(nm));
  score_few_ordered(beam, arena, nm);
}

// The coarse decode's nodes, whose candidates come one by one. With at
// most kMaxScoredCandidates of them and kFewPairs pairs, score() would
// keep them all (prune) and hand them to score_few, which sorts the
// modelled ones first: here they go to their places at once, without
// parts, the pruning pass or the reordering copy. Instructions per repair
// of dev 001 / 003 (callgrind): see lattice_graph.h's session 9.
void NodeScorer::score_singles(const std::vector<int32_t>& beam, const std::vector<Entry>& arena,
                               std::span<const Candidate> found) {
  const size_t offered = found.size();
  if (offered > kMaxScoredCandidates || offered * beam.size() > kFewPairs) {
    singles_.clear();
    for (const Candidate& c : found) singles_.push_back({nullptr, c});
    score(beam, arena, singles_, offered, kPruneStates);
    return;
  }
  std::vector<Candidate>& cands = cands_;
  std::vector<Candidate>& others = others_;
  cands.clear();
  others.clear();
  for (const Candidate& c : found) {
    if (c.lm_id) cands.push_back(c);
    else others.push_back(c);
  }
  const size_t nm = cands.size();
  cands.insert(cands.end(), others.begin(), others.end());
  score_few_ordered(beam, arena, nm);
}

// score_few's scoring, its candidates ordered: the first `nm` modelled.
void NodeScorer::score_few_ordered(const std::vector<int32_t>& beam, const std::vector<Entry>& arena, size_t nm) {
  std::vector<Candidate>& cands = cands_;
  std::vector<float>& best = scorer_.best;
  std::vector<int32_t>& from = scorer_.from;
  // Filled in place (assign() or resize() is a call per node): only the
  // first cands.size() are read, and they may be followed by stale ones.
  if (best.size() < cands.size()) {
    best.resize(cands.size());
    from.resize(cands.size());
  }
  std::fill_n(best.begin(), cands.size(), kInfinity);
  std::fill_n(from.begin(), cands.size(), -1);
  // Per state, the modelled candidates in one loop with the state's row
  // and end cost looked up once (CharLm::bigram_cost read them per pair:
  // the stores to best[] keep the compiler from hoisting them), then the
  // others: dev article 001 1,827k -> 1,809k instructions per normalize(),
  // 003 767k -> 765k.
  const size_t n = cands.size();
  float* best_cost = best.data();
  int32_t* best_from = from.data();
  const float* stored_costs = lm_.stored_cost_table();
  for (const int32_t s : beam) {
    const Entry& e = arena[s];
    const float base = entry_base(e);
    const ByteSet* unmapped = e.decoded ? &unmapped_->after(e.last_byte) : nullptr;
    if (e.last_id) {
      const CharLm::Row row = lm_.row(e.last_id);
      const float end = lm_.end_cost(e.last_id);
      for (size_t k = 0; k < nm; ++k) {
        const Candidate& cd = cands[k];
        if (cd.first_pair_prev && (!unmapped || !unmapped->has(cd.first_byte))) continue;
        const float fallback = std::min(end + lm_.start_cost(cd.lm_id), lm_.unigram_share_cost(cd.lm_id));
        const float lm = row.n_buckets ? CharLm::stored_or(row, cd.lm_id, stored_costs, fallback) : fallback;
        const float c = base + (lm + cd.variant);
        if (c < best_cost[k]) {
          best_cost[k] = c;
          best_from[k] = s;
        }
      }
    } else {
      for (size_t k = 0; k < nm; ++k) {
        const Candidate& cd = cands[k];
        if (cd.first_pair_prev && (!unmapped || !unmapped->has(cd.first_byte))) continue;
        const float c = base + (lm_.unigram(cd.lm_id) + cd.variant);  // own cost
        if (c < best_cost[k]) {
          best_cost[k] = c;
          best_from[k] = s;
        }
      }
    }
    score_unmodelled(cands.data() + nm, nm, n, e.last, s, base, unmapped, best_cost, best_from);
  }
}

// The costliest of the candidates' best costs so far. No step costs less
// than nothing (the model's costs are -ln P, the prices positive), so a
// state whose cost (with the price of entering a decoded stretch) is at
// least this improves no candidate and need not be scored. Skipped after
// the ranking, it spares dev article 001's repair 1.7 % of its
// instructions (counted again after each state scored, it skips a few
// more and saves less than half of that; in score_few, with a handful of
// candidates, it costs more than it skips).
float NodeScorer::worst_best() const {
  const float* best = scorer_.best.data();
  float worst = 0;
  for (size_t k = 0; k < cands_.size(); ++k) worst = std::max(worst, best[k]);
  return worst;
}

}  // namespace aidtext::repair::lattice_detail
