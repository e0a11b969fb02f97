// Internal to the lattice decoder (lattice.cc): its limits, measured, and
// the lattice itself: byte slots (known, or wildcards with the values they
// may take), nodes and edges between token boundaries, byte patterns that
// spell one character, the candidates a node offers and the search's states.
#ifndef AIDTEXT_REPAIR_LATTICE_GRAPH_H_
#define AIDTEXT_REPAIR_LATTICE_GRAPH_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "repair/hypothesis.h"

namespace aidtext::repair::lattice_detail {

// States kept per lattice node by the refill (path_refill.h), and at most
// by any decode. On the peer suite, 48 gains a few tenths of a percent of
// characters over 16 at three times the cost; 12 starts to lose the right
// character behind a hole, 8 loses 1 % on misaligned GBK. (The coarse
// decode keeps kCoarseBeamWidth.)
inline constexpr size_t kBeamWidth = 16;
// Candidates for a character with two or more unknown bytes: the most
// frequent characters of the target codec. 2500 characters cover about 98%
// of running Chinese text; a rarer one cannot be guessed from context anyway.
inline constexpr size_t kMaxGuessChars = 2500;
// Of those, at most this many (the most frequent) that fit the known bytes
// and constraints become candidates: a character guessed from context alone
// is almost always a common one, and each candidate costs look-ups. On the
// peer suite 150 scores as well as 300 (within 0.1 % of characters).
// With the refill's reach, its 20 ranked candidates and two ranking states
// (kRefillReach, kRefillScoredCandidates, kRefillPruneStates), 130 scores
// misaligned-qmark 92.18 -> 92.23 %, every other kind, the seed passages,
// the dev and test articles and the mixed corpus as 150 did, for dev 001
// 1,607k -> 1,593k and 003 753k -> 751k instructions per normalize(); 120
// loses there (92.11 %) and changes dev 001's passage.
inline constexpr size_t kMaxFittingGuesses = 130;
// Candidates for a character with one unknown byte: of the up to 190 that
// a GBK or Big5 byte may give (UTF-8's continuation bytes give at most
// 64), the most frequent this many. On the peer suite and the dev articles
// 64 (then never cutting UTF-8's) repaired exactly as no limit did and
// made dev article 001's normalize() 7 % cheaper; 48 lost 0.3 % of
// characters on utf8-as-gbk-replace, 32 loses 3 % on gbk-as-big5. With
// coarse to fine (kCoarseGuesses) the refill scores these lists: 56
// repairs the peer suite (utf8-as-gbk-replace and -ignore included), the
// seed passages and the dev articles as 64 does, for 1.2 % fewer
// instructions per repair of dev 001; 52 and 48 lose 0.1 % on gbk-as-big5.
inline constexpr size_t kMaxSingleGuesses = 56;
inline constexpr float kInfinity = std::numeric_limits<float>::infinity();
// Candidates of one node scored after the whole beam: at most
// kMaxScoredCandidates, none more than kPruneWindow nats behind the best,
// ranked after the kPruneStates cheapest states (NodeScorer::prune).
// Measured on the peer suite (misaligned-qmark character agreement; decode
// time of dev article 001's passage): no pruning 92.7 %, 14 ms; 48 by two
// states 91.4 %, 5.2 ms; 48 within 6 nats about 91.5 %, 4.1 ms; 12 89.2 %,
// 2.8 ms. With today's decoder (scores of the ranking pass carried into the
// full one) 24 scores as 48 did (misaligned-qmark 92.3 %, every other kind
// within 0.1 %, seed passages unchanged) and repairs 001 in 0.53 ms instead
// of 0.71; 16 loses 0.2 % and 12 0.9 %: below that the ranking, which sees
// no right-hand context, drops the character that the end of a sentence
// asks for (a final 。). Ranking by one state instead of two loses 2 % on
// the seed passages. A window of 4 nats instead of 6 keeps the seeds, the
// dev articles and all but three kinds as they were, and those within
// 0.05 % (gbk-misaligned-pyreplace 97.77 -> 97.74 %, utf8-as-gbk-replace
// 92.99 -> 92.94 %, -ignore 90.20 -> 90.17 %) for 10 % fewer instructions
// on dev article 001 (5 nats: 4 %; 3 loses more).
inline constexpr size_t kMaxScoredCandidates = 24;
inline constexpr float kPruneWindow = 4.0f;
inline constexpr size_t kPruneStates = 2;
// A state this much (nats) costlier than the beam's cheapest is not one of
// the ranking's (kPruneStates, kRefillPruneStates), which stops before it:
// its contexts are scored after the ranking, for the candidates kept only.
// Callgrind: about 50k fewer instructions per repair of dev 001 (-2.7 %,
// the refill's ranking), 003 unchanged; the peer suite, the seed passages
// and the dev articles repaired as before. 2.5 nats loses 0.1 % on
// misaligned-qmark (92.23 -> 92.15 %), 2 nats 0.13 %, 1 nat 0.6 %.
inline constexpr float kRankReach = 3.0f;
// A path this much (nats) costlier than the best one into the same node is
// dropped at once: beyond any difference the rest of the window could make up
// for in practice, and it keeps the beams small. On the peer suite and the
// dev articles 8 repairs exactly as 30 did (6 loses a misaligned-qmark
// case); with 12 dev article 003's normalize() takes 8 % fewer
// instructions than with 30. (Measured when one decode did all; it is now
// the refill's. The coarse decode drops at kCoarsePruneMargin.)
//
// Since a state kRefillReach behind the first scores no guessed step's
// candidates after the ranking, the states far behind only carry kept
// tokens and characters of known bytes. Instructions per normalize() of
// dev 001 (callgrind; 003 unchanged): 12 nats 1,736k, 8 1,735k, 6 1,725k,
// 5 1,724k, 4 1,712k, 3 1,699k. The peer suite, the seed passages, the dev
// and test articles and the mixed corpus: 4 to 8 nats repair as 12 does;
// 3 loses an exact misaligned-qmark case (92.27 -> 91.96 %), -pyreplace
// 97.77 -> 97.65 %, utf8-as-gbk-replace 92.99 -> 92.86 %. 5, a nat from
// that edge.
inline constexpr float kPruneMargin = 5.0f;
// A node with at most this many (state, candidate) pairs is scored one pair
// at a time (NodeScorer::score_few) rather than by the CandidateScorer, with
// the same results: most nodes of the coarse decode have a dozen. Dev
// article 001's decode 155 -> 148 us, 003's 27.8 -> 26.6 (32: 150 and
// 27.0; 128: 151 and 26.9).
inline constexpr size_t kFewPairs = 64;
// Coarse to fine (decode_window). A first decode in which every pattern
// with unknown bytes offers only its kCoarseGuesses likeliest characters
// (by the model alone) settles the path's structure: which tokens are
// decoded, which reading of each token, where a '?' is one byte or two and
// where a byte is put back. A second decode over that path's steps alone
// (path_refill.h) refills its guessed characters from the full lists, with
// the path's own characters around them as context. Measured (decode of the gbk-misaligned
// window, thread CPU, same session): dev article 001 198 -> 155 us, 003
// 42 -> 28 us (with kReadingReach below); peer suite within 0.2 % of
// characters on every kind (misaligned-qmark 92.3 -> 92.1 %, 92.3 with
// kRefillPruneStates below; -pyreplace 97.7 -> 97.8 %, utf8-as-gbk-replace
// 92.9 -> 93.0 %, -ignore 90.2 -> 90.1 %), seed passages and dev articles
// repaired as before (001's
// confidence 0.73788 -> 0.73773). 2 guesses: 001 in 136 us, misaligned-
// qmark 91.6 %; 3: 145 us, 91.9 %; 8: 185 us, 92.2 %. Each decode costs
// about half: the coarse one is per-node overhead (patterns, guess-list
// look-ups, beams), the refill is scoring (16 states by 24 candidates in
// runs of guessed characters). The refill's beam and candidates must stay
// as they are: a beam of 8 loses 0.6 % on misaligned-qmark for 11 % of the
// time, 16 scored candidates 0.3 % for 13 %, a margin (kPruneMargin) of 6
// or 8 saves nothing (a beam of 12 or 10, measured again in instructions:
// 001 -3 % and -5 %, misaligned-qmark 92.28 -> 92.05 and 91.70 %,
// big5-as-gbk loses an exact case). The coarse decode's beam and margin
// hardly matter for accuracy: see kCoarseBeamWidth.
//
// Those figures were for 4 guesses and the coarse decode's old beam. With
// its beam of 2 (kCoarseBeamWidth), 3 guesses repair the peer suite, the
// seed passages and the dev articles as 4 did (callgrind, instructions per
// repair of dev 001 / 003: 1.940M -> 1.885M / 451k -> 444k); 2 lose 0.4 %
// on misaligned-qmark (92.23 -> 91.80 %) and 0.2 % on utf8-as-gbk-ignore.
inline constexpr size_t kCoarseGuesses = 3;
// The coarse decode's beam and margin (kBeamWidth and kPruneMargin are the
// refill's). The coarse decode only settles the path's structure, and a
// window without a guessed character on its path (Latin-1 or cp1252
// debris, Big5 read as GBK) is decided by it alone; every decode of such a
// kind keeps its figures with 2 states and 6 nats. Callgrind, instructions
// per repair (dev article 001 / 003), against 16 states and 12 nats:
// 2 states and 6 nats 2.079M -> 1.940M / 474k -> 451k, every kind and the
// seed passages as before but misaligned-qmark 92.28 -> 92.23 % (no exact
// case lost); 4 states -1.7 % of both together, no figure moved; 3 states
// and 6 nats -3 %, misaligned-qmark as with 2; 1 state -11 %, but gbk-as-
// big5 96.2 -> 87.3 % and big5 read as GBK or GB18030 lose exact cases. A
// margin of 6 alone: -1.2 %, no figure moved; 5 (with 2 states) loses
// exact big5-as-gb18030, big5-as-gbk and gbk-as-big5 cases, 4 more.
inline constexpr size_t kCoarseBeamWidth = 2;
inline constexpr float kCoarsePruneMargin = 6.0f;
// The refill ranks a node's candidates after its three cheapest states
// (kPruneStates: two), which it can afford, scoring one pattern's
// characters only: misaligned-qmark 92.1 -> 92.3 % (as before coarse to
// fine), every other kind and the seed passages unchanged, for about 4 %
// of dev article 001's decode. One state loses 1.2 % there, four gain
// nothing more.
//
// Since kRefillReach and kRefillScoredCandidates (which took misaligned-
// qmark to 92.42 %), two states, as the coarse decode: 92.42 -> 92.18 %
// (the peer suite's other kinds, its exact cases and the seed passages
// unchanged; 92.23 % before this session) for 1,678k -> 1,620k
// instructions per normalize() of dev 001 (003 unchanged). The dev and
// test articles and the mixed corpus are repaired as with three, but for
// one guess in 001 converted to traditional script after its damage (the
// check's /tmp/dbg/trad copy): 纳他之后 -> 纳生命后, both debris.
inline constexpr size_t kRefillPruneStates = 2;
// Nor does the refill score a guessed step's candidates after the ranking
// (NodeScorer::score) with a state this much (nats) or more behind the
// beam's first, as the ranking stops there (kRankReach): a costlier left
// context rarely wins a guessed character, and the beam of 16 reaches 12
// nats (kPruneMargin). Callgrind, instructions per normalize() of dev 001
// (003 has no such step): no limit 1,809k, 4 nats 1,770k, 3.5 1,756k, 3
// 1,736k, 2.5 1,704k, 2 1,680k. Peer suite (character agreement): 4 and
// 3.5 nats change nothing; 3 gains on misaligned-qmark (92.23 ->
// 92.27 %), every other kind, the seed passages and the exact cases as
// before; 2.5 loses there (92.15 %), 2 loses an exact case (91.50 %).
// With 3 nats the dev articles, the test articles and the mixed corpus
// repair to the same output.
inline constexpr float kRefillReach = 3.0f;
// The refill's own kMaxScoredCandidates: the candidates its ranking keeps
// for the whole beam and, where the next character is fixed, for
// keep_by_right's cut to kRefillRightKept. With kRefillReach, 20 instead of
// 24 scores better: misaligned-qmark 92.27 -> 92.42 %, the seed passages
// 79.96 -> 80.36 % (dev article 001's passage: 生命令条件 -> 生产最条件, one
// character more of the original 生产生活条件's), every other kind
// unchanged; dev 001 1,724k -> 1,678k instructions per normalize(). 22
// scores as 20 (1,691k); 18 and 16 lose an exact misaligned-qmark case
// (91.98 %). On the mixed corpus the 133 documents that hold 001's passage
// change as 001 does (text, and that repair's confidence 0.73773 ->
// 0.73763); no other document changes.
inline constexpr size_t kRefillScoredCandidates = 20;
// Where the path fixes the character after a guessed one (a kept token,
// one read from known bytes, the character after the window), the refill
// scores after its whole beam only the kRefillRightKept candidates the
// ranking kept that are cheapest with that character's cost after them
// added (NodeScorer::keep_by_right): right-hand context, which the ranking
// otherwise lacks. Looked up for the (at most kMaxScoredCandidates)
// candidates kept rather than for all of them, which had cost more than it
// saved. Instructions per repair of dev 001 / 003 (callgrind, with
// kCoarseGuesses 3 and kReadingReach 4): 12 kept, 1.868M -> 1.842M /
// 429k -> 431k, utf8-as-gbk-ignore 90.06 -> 90.00 %, every other kind,
// the seed passages and the dev articles as before; 8 kept saves twice as
// much but misaligned-qmark 92.23 -> 92.17 %, 6 gets 92.12 % and changes
// dev 001's repair (16 saves nothing).
inline constexpr size_t kRefillRightKept = 12;
// Tokens farther than this from a suspect one (a hole, or a character
// rarer than 10 nats) get no byte readings under a double-byte source
// view: they can only be kept, which they are anyway unless damage is
// near. The 48 characters of context a suspect window has either side
// then cost the decoder next to nothing. On the peer suite 4, 8 and 12
// repair exactly as no limit; dev article 001's decode without coarse to
// fine 198 -> 186 us, 003's 42 -> 32 us. A decoded stretch no longer
// bridges clean text between two damaged passages (re-reading it as it
// is): on the mixed corpus, two passages 60 characters apart are two
// repairs instead of one spanning the clean sentence between them, whose
// figures keep their own offsets, and a clean 盡銳出戰 next to damage is
// no longer "repaired" to 尽其J出战. Under a single-byte view (Latin-1
// debris, which the unigram model does not find rare) every token is
// read. With the coarse decode's beam of 2 and 3 guesses, 4 instead of 8
// repairs the peer suite, the seed passages and the dev articles as 8 did
// (dev 001 / 003: 1.885M -> 1.868M / 444k -> 429k instructions per
// repair; 3 loses an exact gbk-as-big5 case), and on the mixed corpus no
// document's text changes: one passage 35 characters from the next is
// repaired as two (same text), and 12 repairs' confidences move by up to
// 0.004.
inline constexpr uint32_t kReadingReach = 4;
// Per-node overhead (callgrind, instructions per repair of dev 001 and
// 003, after keep_best_states' local tags and insertion sort, the refill
// reading a guess list's columns in place, one-state beams skipping the
// sort, and score_few filling in place: 2.40M -> 2.22M and 560k -> 500k).
// Tried and not kept, each a loss through changed inlining or a resize
// that value-initializes before the fill: the scorer's prepare() and
// score() growing best/from/lm_cost_ only when short (+0.5 to +0.8 % on
// 001), the thread's remembered guesses looked up once per decode instead
// of per node (+0.6 %), own costs after states without a modelled
// character worked out once per node (001 -0.3 %, 003 +0.2 %).
//
// Then (001 and 003, same measure): the refill walking the path's steps
// instead of a second decode of the lattice, one mask per look-up in the
// CandidateScorer, guess-list keys naming their byte sets by address,
// keep_best_states' filter of tags, whole patterns added without a call,
// states of the full beam that can improve no candidate not scored after
// the ranking (NodeScorer::worst_best), build()'s marks in bytes and the
// codecs looked up once: 2.21M -> 2.02M and 491k -> 461k. Tried and not
// kept: rule_out_unmapped before the look-ups, looking up only the
// candidates it leaves (+0.6 % on 001: listing them costs what the
// skipped look-ups save); keep_best_states sorting up to 32 states by
// insertion (+0.7 %) or selecting 16 before sorting (no change); the
// refill keeping only the cheapest state after a kept token (no change
// on 001, +0.3 % on 003).
//
// Session 7, changing outputs (kCoarseBeamWidth, kCoarsePruneMargin,
// kCoarseGuesses, kReadingReach, kRefillRightKept, kRankReach,
// kMaxSingleGuesses; with the beam of 2 picked in one pass and
// unmodelled_cost): 2.08M -> 1.72M and 474k -> 421k. Tried and not kept
// (instructions of 001 + 003; misaligned-qmark was 92.23 % before each):
// the refill following a guessed character that a fixed one follows with
// its cheapest way through alone, exact by branch and bound (+9 %: after
// the first state 43 % of the pairs can still win, scored one at a time;
// it also lost exact cases on gbk-as-big5 and utf8-as-gbk-replace); the
// ranking skipping states beyond the window of the first state's best
// estimate (never happens); the refill's kPruneWindow 3.5 or 3 (-1.6 %
// and -5 %, 91.91 and 91.81 %); ranking by two states where the right
// neighbour is known (-1.3 %, 91.99 %); right-hand context taken from a
// guessed neighbour's coarse character (-3 %, 92.00 %); 8 or 10 kept by
// kRefillRightKept (-1 %, 92.17 and 92.13 %); kMaxFittingGuesses 144 to
// 120 (92.17 to 92.05 %, -0.2 to -0.3 %; 120 changes dev 001's repair);
// kMaxSingleGuesses 52 (gbk-as-big5 96.21 -> 96.09 %); kCoarseGuesses 2
// (91.80 %); kReadingReach 3 or 2 (an exact gbk-as-big5 case lost); the
// refill keeping only the cheapest state after a kept token (+0.1 %, as
// before); kFewPairs 32 or 128 (no change).
//
// Session 8 (instructions per normalize() of dev 001 / 003 / the round of
// the five dev articles, callgrind): 1,913k / 772k / 3,164k -> 1,578k /
// 746k / 2,803k. Output-identical: the damage scan's context ends and SSE2
// blocks, the guess lists in DecodeScratch, pair_prev runs checked whole,
// the ranking's picks by SSE2 compares, score_few's hoisted row, inline
// unigram_cost and is_cjk_punctuation. Changing outputs (figures at each
// constant): kRefillReach, kPruneMargin 5, kRefillScoredCandidates 20,
// kRefillPruneStates 2, kMaxFittingGuesses 130; on the peer suite only
// the seed passages moved (79.96 -> 80.36 %). Counted on 001: 7,400
// CharLm::find look-ups per call, 23 % of them hits, and about 8,000
// (state, candidate) pairs, most after a ranking's first state: the
// decoder's cost is spread over pairs, candidates and nodes, not in the
// look-ups (~10 %). Tried and not kept (001 unless said): the refill's
// look-ups skipped where a lower bound (the fallback, or the row's
// cheapest stored cost, or a per-row list of pairs under 4 nats) shows
// the pair cannot improve its candidate (exact, but 59 % of the full
// beam's pairs and 98 % of the ranking's later states' still need the
// look-up: +65k with the lists, +12k with the row minima); an exact
// ranking that scores few candidates needs every stored pair of a state's
// row under the bar, which the hash rows cannot list without a second,
// cost-ordered copy of the model (stored costs are mostly 5-9 nats, as the
// fallbacks are); kWalkRatio 3 (-0.1 %); score_few after the ranking
// instead of the CandidateScorer (+0.6 %); a state with the model id and
// pair modes of one scored before skipped (-0.06 %); the scan's
// one-at-a-time path kept for the characters a failed block showed (+0.7
// % on 003); the pruning bar by a 64-slice count of the window (+1.5 %);
// kRefillReach applied to score_few's nodes too (no saving, misaligned-
// qmark -0.3, utf8-as-gbk-replace -0.2); with the settings above: kBeamWidth
// 14 (-0.8 %, misaligned-qmark -0.25), kRefillRightKept 10 (-0.4 %, -0.22),
// kPruneWindow 3.5 or 3.75 (an exact case lost), kRefillReach 2.5 (-2.6
// %, -0.12), kMaxSingleGuesses 52 or 48 (gbk-as-big5 -0.12), kCoarseGuesses
// 2 (-3.1 %, misaligned-qmark -0.38), kReadingReach 3 or kCoarsePruneMargin
// 5 (exact gbk-as-big5 or big5 cases lost).
//
// Session 9 (instructions per repair_mojibake() of dev 001 / 003 / their
// OpenCC s2t copies t001 / t003, and per normalize() round of the five
// dev articles; callgrind, (30 calls - 10 calls) / 20), output-identical
// (peer suite to 2 decimals, dev / test / mixed / fuzz outputs): the
// coarse decode's nodes scored by NodeScorer::score_singles (no pruning
// pass, no reordering copy): 1,357k / 364k / 1,079k / 354k / 2,618k ->
// 1,333k / 358k / 1,061k / 348k / 2,588k; the coarse decode's candidates
// emitted as candidates rather than one-candidate parts, and the ranking's
// picks built in place (CandidatePart::append): 1,315k / 356k / 1,048k /
// 346k / 2,568k; bigram look-ups by CharLm::stored_or (the stored cost or
// the caller's fallback, one branch on the hit, the bucket's overflow mark
// read after a miss only; about 42 -> 32 instructions a look-up, 4,800
// look-ups per repair of 001): 1,275k / 353k / 1,024k / 343k / 2,526k;
// Entry padded to 32 bytes and a token's nodes and edges written in place
// (Lattice::add_token_nodes): 1,256k / 348k / 1,006k / 339k / 2,502k;
// a token's cost kept after the text's own previous character looked up
// once and shared by the literal cost and both decodes' kept steps
// (Lattice::kept_cost_of): 1,253k / 344k / 1,001k / 334k / 2,496k; the
// damage scan's CJK-run path entered at three-byte leads only (damage_scan.cc):
// 1,253k / 332k / 1,001k / 323k / 2,484k; two-byte patterns completed in
// place (Lattice::patterns_from) and the refill's characters of known
// bytes scored by score_singles: 1,240k / 328k / 989k / 320k / 2,466k;
// the coarse decode's guessed candidates and the ranking's picks copied
// whole and then given their own fields in place (a candidate built as a
// push's argument was about 44 instructions): 1,222k / 326k / 977k / 318k
// / 2,446k; the coarse decode's two states per node kept as they arrive
// (lattice.cc's CoarseBeam), a state that is not one of them never
// stored: 1,196k / 321k / 954k / 312k / 2,404k; Readings::add by slot
// rather than by initializer list: 1,191k / 318k / 949k / 309k / 2,396k;
// the ranking's unmodelled candidates copied whole, then stamped in place
// (CandidatePart::append_others): 1,181k / 318k / 946k / 309k / 2,386k;
// keep_best_states without its width-2 branch (+2k on 001: inlining) and
// Lattice::decode_bytes inline: 1,181k / 317k / 945k / 308k / 2,385k.
// Tried and not kept (output-identical, instructions of 001 / 003): the
// refill's beam of 16 kept as states arrive like the coarse one's
// (+24k / +5k: a tag scan and an insertion per state cost more than the
// sort); look-ups skipped for candidates an unmapped pair rules out (+21k:
// few are, and the loop split cost more); kWalkRatio 0 or 3 (+15k, +4k);
// the coarse decode's arena written in place with room made per node, or
// its states made then filled (+2k, +1k); score_singles copying an
// all-modelled node's candidates at once (+3k); a prune pass's few
// candidates built by CandidatePart::append (+3k: a branch per candidate).
// Tried and not kept: the coarse decode's new states built whole before
// being stored (+0.3 % on 001); the guess lists in an open-addressing
// table instead of the std::unordered_map (+1 %: lattice.cc inlined
// less, and the look-up was not the cost); the damage scan rewritten
// around one character at a time with the blocks of four retried only
// past the character that failed one (1,046 block attempts instead of
// 1,418 on 003, but +1 % on 003: its state lives on the stack).
//
// Session 10 (instructions per round of the five dev articles / their
// traditional copies, normalize() and repair_mojibake_if_damaged, callgrind
// (3 rounds - 1) / 2; before: 2,319k / 1,494k and 2,185k / 1,251k). Tried
// and not kept, both output-identical: the Lattice's per-token vectors
// (tok_id_, tok_own_, tok_kept_) kept in DecodeScratch instead of
// allocated per hypothesis (+1k / +1k: three allocations a decode are not
// the cost); a one-entry memo of the guess list looked up last in front
// of RememberedGuesses' map (+12k / +9k: consecutive look-ups of one
// pattern are rare, and the nine-word key compare is paid at every one).
// Where a round's repair goes now (line-level, -g build, (3 - 1) / 2
// rounds): the bigram look-ups (CharLm::stored_or: home's multiply, the
// bucket's loads and compares) about 100k, the CandidateScorer's
// fallback, min and mask passes about 60k, part_of's pattern facts about
// 30k, the coarse decode's reach about 15k: no single line holds more
// than 2 % of the repair.
//
// Session 12 (normalize() of the traditional copies t001 + t003, callgrind,
// (5 rounds - 1) / 4: 1,625k instructions a round; nothing changed). Of
// the repair, find_suspect_windows (the damage scan, damage_scan.cc) is
// 165k exclusive, as much as the ranking (NodeScorer::prune 153k) and more
// than score_few_ordered (110k): 59k on t001, 106k on t003, a third of
// t003's repair. Most of it reads clean text after the last window: with
// each article cut at the line after its window (t001 at byte 3,295 of
// 5,624, t003 at 1,372 of 6,905) the scan costs 25k and 22k, the decode
// (Lattice::decode 151k / 56k) the same. So 118k a round (7 % of the two
// normalize()s) is the scan of text the T -> S pass then reads again
// after the repair: a scan that stops after the damage it has found, with
// the pass's DamageWatch asking the repairer again where it fires past
// the repaired stretch, would save it (a pipeline change in normalizer.cc;
// the watch now stops the pass at its first fire). Not tried for want of
// time: refilling a '?' hole's pair of guessed steps jointly (both fixed
// neighbours, top-K of each side, K x K), and per-token caches of the
// coarse decode's patterns.

struct ByteSet {
  std::array<uint64_t, 4> bits{};
  void add(int b) { bits[b >> 6] |= uint64_t{1} << (b & 63); }
  void add_range(int lo, int hi) {  // [lo, hi], whole words at a time
    for (int w = lo >> 6; w <= hi >> 6; ++w) {
      const int a = std::max(lo, w * 64) - w * 64, b = std::min(hi, w * 64 + 63) - w * 64;
      bits[w] |= (b == 63 ? ~uint64_t{0} : (uint64_t{1} << (b + 1)) - 1) & ~((uint64_t{1} << a) - 1);
    }
  }
  bool has(int b) const { return (bits[b >> 6] >> (b & 63)) & 1; }
};

struct Slot {
  // Values a wildcard may take: one of a few sets that live as long as the
  // process (lattice_tables.h's, a lost byte's), so that a guess list's
  // key (RememberedGuesses) names a set by its address.
  const ByteSet* allowed = nullptr;
  uint8_t value = 0;
  bool known = true;
  bool pair_prev = false;  // (previous slot, this) was an unmapped source pair
  bool converted = false;  // a traditional form's simplified bytes (LatticeCosts::converted_reading)
};

struct Edge {
  uint32_t to;
  uint32_t slot;
  float penalty;
};

struct Node {
  uint32_t pos;       // boundary: index of the token it precedes; else its token
  bool boundary;
  int32_t insert_slot = -1;  // >= 0: a lost byte may be put back here
  uint32_t edges_begin = 0;  // its edges: [edges_begin, edges_end) of the lattice's
  uint32_t edges_end = 0;
};

// The byte readings of one token (Lattice::add_readings): each one or two
// slots, with the price of the reading.
struct Readings {
  std::vector<Slot> slots;
  std::vector<uint32_t> ends;  // reading r: slots [ends[r - 1], ends[r])
  std::vector<float> penalties;
  void clear() {
    slots.clear();
    ends.clear();
    penalties.clear();
  }
  // A reading of one slot or of two (an initializer list's insert was a
  // call of 55 instructions a reading).
  void add(const Slot& only, float penalty) {
    slots.push_back(only);
    close(penalty);
  }
  void add(const Slot& first, const Slot& second, float penalty) {
    slots.push_back(first);
    slots.push_back(second);
    close(penalty);
  }
  size_t size() const { return ends.size(); }
  void close(float penalty) {
    ends.push_back(static_cast<uint32_t>(slots.size()));
    penalties.push_back(penalty);
  }
  uint32_t begin(size_t r) const { return r ? ends[r - 1] : 0; }  // of reading r's slots
  uint32_t length(size_t r) const { return ends[r] - begin(r); }
};

// A byte pattern spelling one target character from some node.
struct Pattern {
  std::array<const Slot*, 4> slot{};
  int len = 0;
  int need = 0;
  uint32_t end = 0;  // node after the last byte
  float penalty = 0;
  bool inserted = false;
};

struct Candidate {
  char32_t ch;
  uint32_t end;
  uint16_t lm_id;
  bool general;    // not modelled, but scored after its predecessor (punctuation, '?')
  float own_cost;  // unigram or class cost: used when there is no bigram
  float variant;   // CharLm::variant_cost, added to a bigram cost
  float penalty;
  uint8_t unknown;
  uint8_t known;
  uint8_t first_byte;
  uint8_t last_byte;
  bool first_pair_prev;
  uint8_t pattern = 0;  // its pattern's place among those of its node (patterns_from)
};

// Entry::pattern of a state reached by keeping its token as it is.
inline constexpr uint8_t kLiteralStep = 255;

// 32 bytes (28 of fields): an arena index is then a shift, where 28 took
// a multiply (and its inverse for an index from a pointer): 0.4 % of dev
// 001's repair.
struct alignas(16) Entry {
  float cost;
  char32_t last;
  uint16_t last_id;
  uint8_t last_byte;
  uint8_t unknown;
  uint8_t known;
  bool decoded;
  uint8_t pattern;  // of the step into this state: kLiteralStep or Candidate::pattern
  int32_t back;
  uint32_t from;
  uint32_t to;
};

}  // namespace aidtext::repair::lattice_detail

#endif  // AIDTEXT_REPAIR_LATTICE_GRAPH_H_
