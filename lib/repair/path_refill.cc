// The refill of the coarse path (path_refill.h).
#include "repair/path_refill.h"

#include <algorithm>
#include <utility>

#include "repair/beam_sort.h"

namespace aidtext::repair::lattice_detail {

LatticeResult PathRefill::run(const LatticeResult& coarse, std::span<const RefillStep> steps, const WindowEnds& ends,
                              NodeScorer& scorer, WorkBudget* budget) {
  LatticeResult result;
  result.traditional = coarse.traditional;
  result.literal_cost = coarse.literal_cost;
  result.best_cost = coarse.literal_cost;  // until a path is found
  arena_.clear();
  arena_.push_back(ends.start);
  beam_.assign(1, 0);
  for (size_t i = 0; i < steps.size(); ++i) {
    const RefillStep& step = steps[i];
    reduce_beam();
    if (step.kept) {
      keep_token(step, scorer);
    } else {
      if (budget) {
        const uint64_t work = static_cast<uint64_t>(step.part.size()) * beam_.size() + 1;
        if (work > budget->remaining) {
          budget->remaining = 0;
          result.aborted = true;
          return result;
        }
        budget->remaining -= work;
      }
      // The character after it, when the path fixes it (a kept token, one
      // read from known bytes, or the one after the window).
      NodeScorer::Right right{};
      bool fixed = false;
      if (i + 1 < steps.size()) {
        const RefillStep& next = steps[i + 1];
        fixed = next.kept || !next.part.guessed;
        right = {next.part.one.ch, next.part.one.lm_id, next.part.one.own_cost};
      } else {
        fixed = ends.after != 0;
        right = {ends.after, ends.after_id, ends.after_own};
      }
      decode_step(step, scorer, fixed ? &right : nullptr);
    }
    beam_.swap(next_);
    if (beam_.empty()) return result;  // no way along the path
  }
  reduce_beam();
  float best = kInfinity;
  int32_t best_e = -1;
  for (const int32_t s : beam_) {
    const Entry& e = arena_[s];
    const float c = e.cost + (ends.after ? scorer.modelled_cost(ends.after, e.last_id, ends.after_id, ends.after_own) : 0);
    if (c < best) {
      best = c;
      best_e = s;
    }
  }
  result.best_cost = best;
  result.steps = coarse.steps;
  size_t j = result.steps.size();
  for (int32_t s = best_e; arena_[s].back >= 0; s = arena_[s].back) {
    const Entry& e = arena_[s];
    PathStep& out = result.steps[--j];
    out.ch = e.last;
    out.cost = e.cost - arena_[e.back].cost;
  }
  return result;
}

// The states that reached a step's node, reduced to its beam as a decode
// of the lattice reduces them (keep_best_states).
void PathRefill::reduce_beam() {
  if (beam_.size() <= 1) return;  // one state is its own beam
  keep_best_states(arena_, beam_, kept_, order_);
  beam_.swap(kept_);
}

// Every state of the beam goes on with the token as it is.
void PathRefill::keep_token(const RefillStep& step, const NodeScorer& scorer) {
  const Candidate& token = step.part.one;
  next_.clear();
  for (const int32_t s : beam_) {
    const Entry& e = arena_[s];
    const float c = e.cost + (e.last == step.text_prev
                                  ? step.kept_cost
                                  : scorer.kept_cost(e.last, e.last_id, token.ch, token.lm_id, token.own_cost));
    arena_.push_back({c, token.ch, token.lm_id, 0, 0, 0, false, kLiteralStep, s, 0, 0});
    next_.push_back(static_cast<int32_t>(arena_.size() - 1));
  }
}

// The step's candidates after the beam: each the cheapest way into it,
// unless it is kPruneMargin behind the best one so far.
void PathRefill::decode_step(const RefillStep& step, NodeScorer& scorer, const NodeScorer::Right* right) {
  // A character of known bytes is one candidate, which score() would keep
  // (prune) and score one pair at a time (score_few) as score_singles does.
  if (step.part.guessed)
    scorer.score(beam_, arena_, {&step.part, 1}, step.part.size(), kRefillPruneStates, right, kRefillReach,
                 kRefillScoredCandidates);
  else
    scorer.score_singles(beam_, arena_, {&step.part.one, 1});
  const std::vector<Candidate>& cands = scorer.cands();
  const std::vector<float>& cand_best = scorer.best();
  const std::vector<int32_t>& cand_from = scorer.from();
  next_.clear();
  float floor = kInfinity;  // best cost pushed into the next node
  for (size_t k = 0; k < cands.size(); ++k) {
    if (cand_from[k] < 0) continue;
    const Candidate& cd = cands[k];
    const float best = cand_best[k];
    if (best + cd.penalty > floor + kPruneMargin) continue;
    floor = std::min(floor, best + cd.penalty);
    arena_.push_back({best + cd.penalty, cd.ch, cd.lm_id, cd.last_byte, cd.unknown, cd.known, true, cd.pattern,
                      cand_from[k], 0, 0});
    next_.push_back(static_cast<int32_t>(arena_.size() - 1));
  }
}

}  // namespace aidtext::repair::lattice_detail
