// The lattice decoder: the heart of the repairer.
//
// A window of text is a sequence of characters ("tokens"). Under a
// Hypothesis each token has zero or more byte readings: the bytes the source
// view says it came from, where a U+FFFD or '?' hole is a wildcard byte
// constrained by what the damaging decoder must have done with it. The
// readings form a byte lattice; the decoder finds the cheapest path that
// spells the window either literally (token by token, as it is) or by
// decoding the lattice's bytes with the target codec, switching between the
// two at token boundaries. Costs come from the character language model,
// plus a fixed price for entering a decoded stretch, for every unknown byte
// and for every byte put back. Wildcards are filled with the characters the
// model likes best among those the known bytes and constraints allow.
//
// Search is a beam Viterbi over lattice nodes with state (last character,
// literal/decoded), so cost is linear in the window: per node at most
// kBeamWidth states (kCoarseBeamWidth in the coarse decode) times the
// candidates a node allows (one for known
// bytes, kMaxSingleGuesses for one unknown byte, kMaxFittingGuesses for
// two), of which the cheapest few after the best two states are scored in
// full. It runs twice, coarse to fine: once with only the likeliest few
// characters for each pattern with unknown bytes, which settles the path's
// structure, then over that path's steps alone with every candidate
// (lattice_graph.h's kCoarseGuesses). Tokens far from any sign of damage
// are only kept as they are (kReadingReach).
#ifndef AIDTEXT_REPAIR_LATTICE_H_
#define AIDTEXT_REPAIR_LATTICE_H_

#include <cstdint>
#include <span>
#include <vector>

#include "repair/hypothesis.h"

namespace aidtext::repair {

// One character of the window and its bytes in the stage's input.
struct WindowChar {
  uint32_t begin;
  uint32_t end;
  char32_t ch;
};

// Prices (nats) of the decoder's choices beyond the language model.
struct LatticeCosts {
  float enter_decoded = 5.0f;   // prior against damage: once per decoded stretch
  float unknown_byte = 1.0f;    // per wildcard byte used by a decoded character
  float inserted_byte = 4.0f;   // per byte put back
  float fullwidth_reading = 2.0f;  // reading ASCII as a folded full-width pair
  float one_byte_qmark = 0.5f;     // a '?' standing for one byte before a trail byte
  // Reading a traditional character by its simplified form's bytes: the
  // damaged text went through a simplified -> traditional conversion after
  // the damage (a repost by a Hong Kong or Taiwan site), which turned
  // mojibake such as 习 into 習 and so changed its bytes. Below 2.5 the
  // readings cost the peer suite's real passage characters (72.7 -> 68.2 %
  // at 1 and 2, measured before the refill's script rule, lattice.cc's
  // refill()); at 3 the suite is unchanged. The suite's misaligned kinds
  // converted by s2t: tests/repair/mojibake_suite_test.cc.
  float converted_reading = 3.0f;
};

// One character of the best path.
struct PathStep {
  char32_t ch;
  uint32_t token_begin;  // tokens [token_begin, token_end) hold its bytes
  uint32_t token_end;    // (shared tokens appear in two steps)
  bool decoded;          // false: the token itself, kept
  uint8_t unknown_bytes; // wildcards and put-back bytes among its bytes
  uint8_t known_bytes;   // bytes read from the text
  float cost;            // what this step added to the path's cost
};

struct LatticeResult {
  float best_cost = 0;
  float literal_cost = 0;  // cost of the window kept as it is
  bool traditional = false;  // scored as traditional-script text
  bool aborted = false;      // the work budget ran out: steps are empty
  std::vector<PathStep> steps;
  bool any_decoded() const;
};

// Work allowed to one call of the repairer, counted in (state, candidate)
// pairs a node offers before pruning, in both decodes of coarse to fine.
// Damaged text offers a few hundred per character (dev article 001's
// passage: 36k, decoded in 0.16 ms; 64k in one full decode before coarse
// to fine); hostile text (holes everywhere) far more. A decode that would
// overrun the budget stops and keeps its window as it is, so that no input
// can make the repairer run for long.
struct WorkBudget {
  uint64_t remaining;
};

// Decodes `window` under `h`. `before`/`after` are the characters around the
// window (0 at the ends of the text), used as language-model context. With
// `budget`, stops (returning the window unchanged, aborted = true) when the
// budget runs out.
LatticeResult decode_window(std::span<const WindowChar> window, char32_t before, char32_t after,
                            const Hypothesis& h, const LatticeCosts& costs = {},
                            WorkBudget* budget = nullptr);

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_LATTICE_H_
