// Internal to the lattice decoder (lattice.cc): the second decode of coarse
// to fine (lattice_graph.h's kCoarseGuesses), which walks the coarse path's
// steps alone and refills its guessed characters from their patterns' whole
// guess lists, with the path's own characters around them as context.
//
// It scores as a decode of the lattice restricted to the path's steps
// would (every state of the path's node, the same ranking, pruning, beam
// and margin), but walks the steps in order rather than every node of the
// lattice, and takes each step's candidates as the coarse decode left them
// rather than working out the node's patterns again.
#ifndef AIDTEXT_REPAIR_PATH_REFILL_H_
#define AIDTEXT_REPAIR_PATH_REFILL_H_

#include <cstdint>
#include <span>
#include <vector>

#include "repair/candidate_scorer.h"
#include "repair/lattice.h"
#include "repair/lattice_graph.h"
#include "repair/node_scorer.h"

namespace aidtext::repair::lattice_detail {

// One step of the coarse path: a decoded character's candidates (its
// pattern's whole guess list, or the one character its known bytes spell)
// or, when `kept`, the token kept as it is (part.one's ch, lm_id and
// own_cost are the token's).
struct RefillStep {
  CandidatePart part;
  bool kept;
  // A kept token's cost after the character before it in the text, which
  // most states before it end in (Lattice::kept_cost_of).
  char32_t text_prev;
  float kept_cost;
};

// What the language model sees around the window: the state a decode
// starts from (the character before it) and the character after it (0:
// none) with its model id and own cost.
struct WindowEnds {
  Entry start;
  char32_t after;
  uint16_t after_id;
  float after_own;
};

class PathRefill {
 public:
  // Refills `coarse` (whose steps are `steps`). The result has coarse's
  // steps with the refill's characters and costs; it is aborted when the
  // budget ran out and has no steps when the pruning lost every way along
  // the path.
  LatticeResult run(const LatticeResult& coarse, std::span<const RefillStep> steps, const WindowEnds& ends,
                    NodeScorer& scorer, WorkBudget* budget);

 private:
  void keep_token(const RefillStep& step, const NodeScorer& scorer);
  void decode_step(const RefillStep& step, NodeScorer& scorer, const NodeScorer::Right* right);
  void reduce_beam();

  std::vector<Entry> arena_;
  std::vector<int32_t> beam_, next_, kept_;
  std::vector<uint64_t> order_;
};

}  // namespace aidtext::repair::lattice_detail

#endif  // AIDTEXT_REPAIR_PATH_REFILL_H_
