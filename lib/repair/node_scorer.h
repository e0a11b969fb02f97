// Internal to the lattice decoder (lattice.cc, path_refill.cc): the cost of
// a step out of a node after each state of its beam. A node's candidates
// are ranked and pruned (NodeScorer::prune), then scored after the whole
// beam, one pair at a time when there are few pairs (score_few), else by
// the CandidateScorer; a kept token's cost is the model's alone.
#ifndef AIDTEXT_REPAIR_NODE_SCORER_H_
#define AIDTEXT_REPAIR_NODE_SCORER_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "repair/candidate_scorer.h"
#include "repair/char_lm.h"
#include "repair/foreign_runs.h"
#include "repair/lattice.h"
#include "repair/lattice_graph.h"

namespace aidtext::repair::lattice_detail {

struct UnmappedPairTable;

class NodeScorer {
 public:
  explicit NodeScorer(const CharLm& lm) : lm_(lm), scorer_(lm) {}

  // What every node of one decode shares: the script it is scored in, the
  // price of entering a decoded stretch, and the source view's unmapped
  // pairs (a candidate marked first_pair_prev needs one before it).
  void set_decode(bool traditional, const LatticeCosts& costs, const UnmappedPairTable& unmapped) {
    traditional_ = traditional;
    enter_decoded_ = costs.enter_decoded;
    unmapped_ = &unmapped;
    scorer_.set_traditional(traditional);
  }

  // Scores the candidates of `parts` (`offered` of them) after the states
  // `beam` of `arena`, ranking them after the beam's first `rank_states`
  // states when there are more than kMaxScoredCandidates. Then cands()
  // are the candidates kept, and best()[k] and from()[k] the cheapest way
  // into cands()[k] and its state (-1: none). The parts must outlive it.
  //
  // `right` (the refill's, may be null): the character the path has right
  // after the node's candidates. The guessed candidates the ranking keeps
  // are then cut to the kRefillRightKept cheapest by their estimate plus
  // that character's cost after them (keep_by_right).
  struct Right {
    char32_t ch;
    uint16_t id;
    float own;
  };
  //
  // `reach` (the refill's kRefillReach): no state that far (nats) or
  // farther behind the beam's first scores the candidates after the
  // ranking either.
  void score(const std::vector<int32_t>& beam, const std::vector<Entry>& arena, std::span<const CandidatePart> parts,
             size_t offered, size_t rank_states, const Right* right = nullptr, float reach = kInfinity,
             size_t max_scored = kMaxScoredCandidates);
  // score() for the coarse decode's nodes, whose candidates come one by
  // one rather than as parts (Lattice::emit).
  void score_singles(const std::vector<int32_t>& beam, const std::vector<Entry>& arena,
                     std::span<const Candidate> found);
  const std::vector<Candidate>& cands() const { return cands_; }
  const std::vector<float>& best() const { return scorer_.best; }
  const std::vector<int32_t>& from() const { return scorer_.from; }

  // The model's cost of `c` (id `id`, own cost `own`) after a character of
  // id `prev_id`: a bigram when both are modelled, else its own cost.
  float modelled_cost(char32_t c, uint16_t prev_id, uint16_t id, float own) const {
    return (id && prev_id) ? lm_.bigram_cost(prev_id, id) + lm_.variant_cost(c, id, traditional_) : own;
  }
  // The same for a kept token, which may be punctuation after punctuation,
  // or a letter of a foreign word after the one before it
  // (foreign_runs.h: at most kForeignRunCharCost).
  float kept_cost(char32_t prev, uint16_t prev_id, char32_t c, uint16_t id, float own) const {
    if (id) return prev_id ? lm_.bigram_cost(prev_id, id) + lm_.variant_cost(c, id, traditional_) : own;
    if (is_cjk_punctuation(c) || c == '?') return lm_.cost(prev, c, traditional_);
    return kept_run_cost(prev, c, own);
  }

 private:
  size_t prune(const std::vector<int32_t>& beam, const std::vector<Entry>& arena,
               std::span<const CandidatePart> parts, size_t total, size_t rank_states, const Right* right,
               size_t max_scored);
  void keep_by_right(const Right& right);
  void score_few(const std::vector<int32_t>& beam, const std::vector<Entry>& arena);
  void score_few_ordered(const std::vector<int32_t>& beam, const std::vector<Entry>& arena, size_t nm);
  float entry_base(const Entry& e) const { return e.cost + (e.decoded ? 0 : enter_decoded_); }
  float worst_best() const;

  const CharLm& lm_;
  bool traditional_ = false;
  float enter_decoded_ = 0;
  const UnmappedPairTable* unmapped_ = nullptr;
  CandidateScorer scorer_;
  std::vector<Candidate> cands_;
  std::vector<Candidate> others_;  // score_few's unmodelled candidates
  std::vector<CandidatePart> singles_;  // score_singles's candidates as parts, for score()
};

}  // namespace aidtext::repair::lattice_detail

#endif  // AIDTEXT_REPAIR_NODE_SCORER_H_
