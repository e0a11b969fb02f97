// The repair stage: scan, decode suspect windows under every plausible
// hypothesis, keep the best, write the text through a TextBuilder; repeat
// while a pass undid single-byte mojibake (text encoded twice needs two
// passes); finally flag what could not be repaired.
#include "repair/repairer.h"

#include <algorithm>
#include <span>

#include "core/repair_output.h"
#include "core/text_builder.h"
#include "core/utf8.h"
#include "repair/char_lm.h"
#include "repair/damage_scan.h"
#include "repair/foreign_runs.h"
#include "repair/holes.h"
#include "repair/hypothesis.h"
#include "repair/lattice.h"
#include "repair/legacy_codecs.h"
#include "repair/rare_words.h"
#include "repair/unrecoverable.h"

namespace aidtext {
namespace {

using repair::Hypothesis;
using repair::SourceView;
using repair::TargetCodec;
using repair::WindowChar;

// Text decoded as Latin-1/cp1252 and encoded as UTF-8 three times over is
// already absurd; a fourth pass would only cost time.
constexpr int kMaxPasses = 3;
// A decoded stretch in which more than one character and more than this
// share of them have no byte read from the text is invention, not repair:
// it is left as it was.
constexpr double kMaxFullyGuessedShare = 0.25;
// A repaired stretch must be this much (nats) more plausible than the text it
// replaces: the language model's errors on clean text (names, terms, pinyin
// notes) stay below it, real mojibake clears it by far.
constexpr float kMinGain = 6.0f;
// A window with '?' holes that the shifted-GBK reading explains at this gain
// (nats per character of the window) or more is not decoded under the other
// hypotheses: '?' holes come from that damage, and on the peer suite and the
// seed passages no other reading ever beat it there (the dev passages gain
// 1.0 and 2.3 per character). It saves the other readings' time, about a
// quarter of the repair of dev article 003.
constexpr double kDecisiveGainPerChar = 0.5;
// The same for a single-byte reading (UTF-8 or GBK read as Latin-1 or
// cp1252, tried first when the window holds such debris): one that explains
// the window at this gain or more ends the search. On the peer suite (580
// cases, 2,538 decodes) a window that UTF-8 read as Latin-1 wins gains 3.02
// nats a character or more under that reading, and one that GBK read as
// Latin-1 wins gains at most 1.61 under it; no double-byte reading ever
// beat a single-byte one that decoded the window. The rule skips 1,215 of
// those decodes (UTF-8 read as Latin-1 goes through two readings instead of
// seven: its windows also hold runs of rare characters) and changes no
// window's choice there, on the dev and test articles or on their copies
// in other scripts and encodings.
constexpr double kDecisiveSingleByteGainPerChar = 2.5;
// UTF-8 read as GBK (the commonest Chinese mojibake) is tried first when a
// window holds U+FFFD or rare characters, then three other double-byte
// readings. Where its reading explains the window and the window's GBK
// bytes are what it says, UTF-8 (kUtf8ShareOfGbkBytes of the bytes of
// 0x80 and up in well-formed sequences), the others are not tried. On the
// peer suite, of the windows that try it first, those that GBK read as Big5
// or Big5 read as GBK win (their readings compete closely with it: 8.8
// against 9.0 nats a character) have a share of 0.47 at most; those it
// wins, a median of 0.88 (78 of 104 at 0.75 or more; most of the rest are
// GBK read as UTF-8, which no reading repairs). No window's choice changes
// there or on the probe articles; UTF-8 read as GBK costs 39 % fewer
// instructions (the dev articles so damaged: 0.8 -> 1.3 MB/s).
constexpr double kUtf8ShareOfGbkBytes = 0.75;
// A window in which U+FFFD outnumber the characters a double-byte view
// reads (GBK or Big5 has them) so far that those are under
// kMinReadableShare of the two together is not decoded under a double-byte
// reading: its bytes are lost (GBK read as UTF-8 keeps about one character
// in ten, Latin or Cyrillic letters made by chance), every reading of it
// is nearly all guesses, and the repair would be refused anyway (more
// unknown bytes than known) or worse: GBK read as Big5 "repaired" dev
// articles 002 and 003 so damaged into 鸡(ch国n)业(y一). (Characters of
// other scripts count for neither: a Thai passage beside UTF-8 read as GBK
// must not hide it.) Where U+FFFD are also half the window's characters of
// U+0080 and up or more, not under a single-byte reading either: the
// characters of U+0080..U+00FF that such a text holds by chance (C1
// controls) are no Latin-1 debris, and GBK read as Latin-1 made 业 and 区
// of two of them in 003. On the peer suite that share is 0.11 at most for
// GBK read as UTF-8 (whose U+FFFD are 0.62 of its characters or more) and
// 0.37 or more for every kind that is repaired; GBK read as UTF-8's
// decodes under five readings were 97 % of its normalize.
constexpr double kMinReadableShare = 0.2;
// Decoder work allowed per call (see repair::WorkBudget): well under a
// second of one core at worst. The damaged passage of dev article 001 needs
// 36k. (A window of holes costs about 0.5 us a node beyond its work in the
// coarse decode, which offers few candidates: a 136 KB text of characters
// and '?' holes is repaired in 71 ms.)
constexpr uint64_t kWorkBudget = 20'000'000;

const Hypothesis kUtf8AsSingleByte{"utf8-as-latin1", SourceView::kSingleByte, TargetCodec::kUtf8};
const Hypothesis kGbkAsSingleByte{"gbk-as-latin1", SourceView::kSingleByte, TargetCodec::kGbk};
const Hypothesis kBig5AsGb18030{"big5-as-gb18030", SourceView::kGb18030, TargetCodec::kBig5};
const Hypothesis kUtf8AsGbk{"utf8-as-gbk", SourceView::kGbk, TargetCodec::kUtf8,
                            /*replacement_holes=*/true, false, false, /*insertions=*/true};
const Hypothesis kBig5AsGbk{"big5-as-gbk", SourceView::kGbk, TargetCodec::kBig5,
                            /*replacement_holes=*/true};
const Hypothesis kGbkAsBig5{"gbk-as-big5", SourceView::kBig5, TargetCodec::kGbk,
                            /*replacement_holes=*/true};
const Hypothesis kGbkMisaligned{"gbk-misaligned", SourceView::kGbk, TargetCodec::kGbk, false,
                                /*qmark_holes=*/true, /*fullwidth_ascii=*/true, /*insertions=*/true};

std::vector<const Hypothesis*> hypotheses_for(uint8_t signals) {
  std::vector<const Hypothesis*> out;
  auto add = [&](const Hypothesis* h) {
    if (std::find(out.begin(), out.end(), h) == out.end()) out.push_back(h);
  };
  // '?' holes: the shifted-GBK reading first (see kDecisiveGainPerChar).
  if (signals & repair::kQuestionMark) add(&kGbkMisaligned);
  if (signals & repair::kSingleByteDebris) {
    add(&kUtf8AsSingleByte);
    add(&kGbkAsSingleByte);
  }
  if (signals & repair::kPrivateUse) add(&kBig5AsGb18030);
  if (signals & repair::kReplacement) {
    add(&kUtf8AsGbk);
    add(&kBig5AsGbk);
    add(&kGbkAsBig5);
  }
  if (signals & repair::kRareRun) {
    add(&kUtf8AsGbk);
    add(&kGbkAsBig5);
    add(&kBig5AsGbk);
    add(&kBig5AsGb18030);
    add(&kGbkMisaligned);
  }
  return out;
}

std::vector<WindowChar> window_chars(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<WindowChar> out;
  for (uint32_t i = begin; i < end;) {
    int len;
    char32_t c = utf8::decode(text, i, &len);
    out.push_back({i, i + static_cast<uint32_t>(len), c});
    i += static_cast<uint32_t>(len);
  }
  return out;
}

// What the readings of a window may build on (kMinReadableShare).
struct Readability {
  bool double_byte;  // a double-byte view reads enough of its characters
  bool lost;         // nor that, and U+FFFD are half its characters of U+0080 and up
};

Readability readability(std::span<const WindowChar> win) {
  const repair::DoubleByteCodec& gbk = repair::DoubleByteCodec::get(repair::Codec::kGbk);
  const repair::DoubleByteCodec& big5 = repair::DoubleByteCodec::get(repair::Codec::kBig5);
  size_t high = 0, readable = 0, replaced = 0;
  for (const WindowChar& w : win) {
    if (w.ch < 0x80) continue;
    ++high;
    if (w.ch == utf8::kReplacement) {
      ++replaced;
    } else {
      readable += gbk.encode(w.ch) || big5.encode(w.ch);
    }
  }
  const bool double_byte =
      static_cast<double>(readable) >= kMinReadableShare * static_cast<double>(readable + replaced);
  return {double_byte, !double_byte && 2 * replaced >= high};
}

// The share of the bytes of 0x80 and up that `win`'s characters stand for
// under the GBK view (U+FFFD and unmapped characters break sequences) that
// lie in well-formed UTF-8 sequences of two to four bytes.
double utf8_share_of_gbk_bytes(std::span<const WindowChar> win) {
  const repair::DoubleByteCodec& gbk = repair::DoubleByteCodec::get(repair::Codec::kGbk);
  uint8_t need = 0, got = 0;  // the sequence being read: its length and bytes so far
  size_t high = 0, in_sequences = 0;
  auto take = [&](int b) {  // -1: a hole
    if (b >= 0x80) ++high;
    if (need && b >= 0x80 && b <= 0xBF) {
      if (++got == need) {
        in_sequences += need;
        need = 0;
      }
      return;
    }
    need = got = 0;
    if (b >= 0xC2 && b <= 0xF4) {
      need = b <= 0xDF ? 2 : b <= 0xEF ? 3 : 4;
      got = 1;
    }
  };
  for (const WindowChar& w : win) {
    if (w.ch < 0x80) {
      take(static_cast<int>(w.ch));
    } else if (const uint16_t pair = gbk.encode(w.ch)) {
      take(pair >> 8);
      take(pair & 0xFF);
    } else {
      take(-1);
    }
  }
  return high ? static_cast<double>(in_sequences) / static_cast<double>(high) : 0.0;
}

// Where the piece of a long window that starts at all[c0] ends (see
// repair::kMaxWindowChars): before the last character below U+0040 in its
// last kPieceCutReach characters, which no damage this repairer undoes puts
// inside one character's bytes (a byte below 0x40 is ASCII in UTF-8 and
// never a trail byte of GBK or Big5), so that no character's bytes are
// split between two pieces, neither of which could decode it. At a fixed
// cut, dev article 000 read twice as Latin-1 came back with 工作 as å路¥作:
// the first piece kept 工's first byte, the second read its other two as
// GBK. Without such a character near the limit, the limit.
constexpr size_t kPieceCutReach = 256;
size_t piece_end(std::span<const WindowChar> all, size_t c0) {
  const size_t limit = c0 + repair::kMaxWindowChars;
  if (limit >= all.size()) return all.size();
  for (size_t c = limit; c > limit - kPieceCutReach; --c)
    if (all[c].ch < 0x40) return c;
  return limit;
}

char32_t char_before(std::string_view text, uint32_t pos) {
  if (pos == 0) return 0;
  int len;
  return utf8::decode(text, utf8::char_start_before(text, pos), &len);
}

char32_t char_at(std::string_view text, uint32_t pos) {
  if (pos >= text.size()) return 0;
  int len;
  return utf8::decode(text, pos, &len);
}

const char* kind_of(const Hypothesis& h, std::span<const WindowChar> tokens) {
  if (&h == &kUtf8AsSingleByte) {
    for (const WindowChar& w : tokens)
      if (w.ch > 0xFF) return "utf8-as-cp1252";
  }
  return h.kind;
}

// U+FFFD read as GBK ("锟斤拷") more than once: the bytes are gone, and
// every hypothesis would only shuffle the debris.
bool has_gbk_read_fffd(std::span<const WindowChar> win) {
  int count = 0;
  for (size_t i = 0; i + 1 < win.size(); ++i)
    if (win[i].ch == U'锟' && (win[i + 1].ch == U'斤' || win[i + 1].ch == U'拷')) ++count;
  return count >= 2;
}

struct Pass {
  bool unchanged = false;  // nothing suspect: text and map not filled in
  uint8_t signals = 0;     // every damage_scan Signal seen
  std::string text;
  OffsetMap map;
  std::vector<Repair> repairs;
  bool single_byte = false;  // some repair undid Latin-1/cp1252 mojibake
};

// Writes the repaired stretch of steps [i, k) in place of the input tokens
// its steps were read from, mapped step by step: each
// step's character to the tokens holding its bytes that no earlier step's
// piece holds (a shifted GBK character's second byte is in the next token,
// which the next character's first byte shares: each character then maps
// to about the token under it, not the whole stretch). A step whose tokens
// an earlier piece already holds joins that piece; the last piece reaches
// to the stretch's end. So the pieces tile the stretch's input in order,
// and a figure read inside a long repair keeps its own input offsets.
// `input` is the stretch's input range (its first step's first token to its
// last step's last), `repaired` its characters in order.
void write_by_steps(std::span<const WindowChar> win, const std::vector<repair::PathStep>& steps, size_t i, size_t k,
                    Range input, std::string_view repaired, TextBuilder& out) {
  uint32_t piece_begin = input.begin;  // the current piece's input
  uint32_t piece_end = piece_begin;
  size_t out_begin = 0, out_end = 0;  // its characters, in `repaired`
  for (size_t s = i; s < k; ++s) {
    const repair::PathStep& st = steps[s];
    const uint32_t end = st.token_end > st.token_begin ? win[st.token_end - 1].end : piece_end;
    if (end > piece_end && out_end > out_begin) {
      out.replace_block(piece_begin, piece_end - piece_begin, repaired.substr(out_begin, out_end - out_begin));
      out_begin = out_end;
      piece_begin = piece_end;
    }
    piece_end = std::max(piece_end, end);
    out_end += static_cast<size_t>(utf8::sequence_length(static_cast<unsigned char>(repaired[out_end])));  // st.ch's bytes
  }
  out.replace_block(piece_begin, input.end - piece_begin, repaired.substr(out_begin));
}

// Tokens [t0, t1) of `win` are Â or Ã and one character of U+0080..U+00BF
// (as Latin-1 or cp1252 reads a byte 0x80..0xBF): one character of
// U+0080..U+00FF in UTF-8 read one byte at a time. The no-break space of a
// web page (Â and a no-break space) and the middle dot of a foreign name
// (约翰Â·史密斯) are the commonest. The language model knows too little of
// such characters to clear kMinGain for them (the pair as it is costs about
// 4 nats more than the character), and clean text does not write Â or Ã
// before a symbol. (Inside or beside Latin words the decoder keeps the pair:
// foreign_runs.h prices a word's letters low, so iPhoneÂ and CHÂ stay.)
bool lone_latin1_pair(const Hypothesis& h, std::span<const WindowChar> win, uint32_t t0, uint32_t t1) {
  if (h.source != SourceView::kSingleByte || h.target != TargetCodec::kUtf8 || t1 != t0 + 2) return false;
  const int second = repair::single_byte_of(win[t0 + 1].ch);
  return (win[t0].ch == 0xC2 || win[t0].ch == 0xC3) && second >= 0x80 && second <= 0xBF;
}

// Writes one window's best path: literal steps as copies, each decoded
// stretch step by step (write_by_steps) in place of the tokens it was read
// from.
void write_window(std::span<const WindowChar> win, const repair::LatticeResult& best, const Hypothesis& h,
                  char32_t before, char32_t after, TextBuilder& out, Pass& pass) {
  const repair::CharLm& lm = repair::CharLm::instance();
  const std::vector<repair::PathStep>& steps = best.steps;
  size_t i = 0;
  uint32_t next_token = 0;
  while (i < steps.size()) {
    if (!steps[i].decoded) {
      const WindowChar& w = win[steps[i].token_begin];
      out.copy(w.begin, w.end - w.begin);
      next_token = steps[i].token_end;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < steps.size() && steps[j].decoded) ++j;
    // Decoded steps at either end that merely re-read their own token are
    // kept as literal copies, so the block covers only what changed.
    auto same = [&](const repair::PathStep& s) {
      return s.unknown_bytes == 0 && s.token_end == s.token_begin + 1 && win[s.token_begin].ch == s.ch;
    };
    while (i < j && same(steps[i])) {
      const WindowChar& w = win[steps[i].token_begin];
      out.copy(w.begin, w.end - w.begin);
      ++i;
    }
    size_t k = j;
    while (k > i && same(steps[k - 1])) --k;
    if (i < k) {
      const uint32_t t0 = steps[i].token_begin;
      const uint32_t t1 = steps[k - 1].token_end;
      size_t guessed = 0, fully_guessed = 0, unknown_bytes = 0, known_bytes = 0;
      float decoded_cost = 0;
      std::string repaired;
      // Where the guessed characters fall in `repaired` (adjacent ones as
      // one range): Repair::guessed, for later stages not to take them for
      // what the text says.
      std::vector<Range> guessed_at;
      for (size_t s = i; s < k; ++s) {
        if (steps[s].known_bytes == 0) ++fully_guessed;
        unknown_bytes += steps[s].unknown_bytes;
        known_bytes += steps[s].known_bytes;
        decoded_cost += steps[s].cost;
        const auto at = static_cast<uint32_t>(repaired.size());
        utf8::append(repaired, steps[s].ch);
        if (steps[s].unknown_bytes) {
          ++guessed;
          const auto end = static_cast<uint32_t>(repaired.size());
          if (!guessed_at.empty() && guessed_at.back().end == at) {
            guessed_at.back().end = end;
          } else {
            guessed_at.push_back({at, end});
          }
        }
      }
      float literal_cost = 0;
      char32_t prev = t0 > 0 ? win[t0 - 1].ch : before;
      for (uint32_t t = t0; t < t1; ++t) {
        // A foreign word's letters after its first are no mystery
        // (foreign_runs.h): Greek is not Big5 read as GBK.
        literal_cost += repair::kept_run_cost(prev, win[t].ch, lm.cost(prev, win[t].ch, best.traditional));
        prev = win[t].ch;
      }
      const uint32_t in_begin = win[t0].begin, in_end = win[t1 - 1].end;
      const bool invented =
          fully_guessed > 1 && fully_guessed > kMaxFullyGuessedShare * static_cast<double>(k - i);
      // A stretch made only of guesses stands on context alone: accept it
      // only inside clean Chinese (a hole the decoder re-synced after).
      const char32_t left = t0 > 0 ? win[t0 - 1].ch : before;
      const char32_t right = t1 < win.size() ? win[t1].ch : after;
      const bool only_guesses = fully_guessed == k - i;
      bool unsupported = only_guesses && !(lm.id(left) && lm.id(right));
      // More unknown bytes than known ones: the text carries too little to
      // say what it was (GBK read as UTF-8 leaves little but U+FFFD).
      if (!only_guesses && unknown_bytes > known_bytes) unsupported = true;
      // Holes that stand for characters the text lost, not bytes: the
      // characters it keeps are its own (holes.h).
      if ((h.qmark_holes || h.replacement_holes) && !repair::reads_as_debris(win, t0, t1, best.traditional, only_guesses))
        unsupported = true;
      // Latin-1 mojibake always contains Latin-1 letters (the lead bytes of
      // UTF-8 and GBK); a run of cp1252 punctuation (“——”) is typography.
      if (h.source == SourceView::kSingleByte) {
        size_t latin1 = 0;
        for (uint32_t t = t0; t < t1; ++t) latin1 += win[t].ch >= 0x80 && win[t].ch <= 0xFF;
        unsupported = unsupported || latin1 == 0;
      }
      const float min_gain = lone_latin1_pair(h, win, t0, t1) && k - i == 1 ? 0.0f : kMinGain;
      if (invented || unsupported || decoded_cost + min_gain > literal_cost) {
        out.copy(in_begin, in_end - in_begin);
      } else {
        Repair r;
        r.kind = kind_of(h, win.subspan(t0, t1 - t0));
        r.input = {in_begin, in_end};
        const uint32_t o = static_cast<uint32_t>(out.size());
        write_by_steps(win, steps, i, k, r.input, repaired, out);
        r.output = {o, static_cast<uint32_t>(out.size())};
        const float gain = literal_cost - decoded_cost;
        const double share_known = 1.0 - static_cast<double>(guessed) / static_cast<double>(k - i);
        r.confidence = gain / (gain + 10.0) * (0.5 + 0.5 * share_known);
        r.guessed_chars = static_cast<uint32_t>(guessed);
        for (Range& g : guessed_at) g = {o + g.begin, o + g.end};  // into the output's coordinates
        r.guessed = std::move(guessed_at);
        pass.repairs.push_back(std::move(r));
        if (h.source == SourceView::kSingleByte) pass.single_byte = true;
      }
    }
    for (size_t s = k; s < j; ++s) {
      const WindowChar& w = win[steps[s].token_begin];
      out.copy(w.begin, w.end - w.begin);
    }
    next_token = steps[j - 1].token_end;
    i = j;
  }
  (void)next_token;
}

Pass run_pass(std::string_view text, repair::WorkBudget& budget, bool* saw_gbk_read_fffd, uint32_t scan_from = 0) {
  Pass pass;
  std::vector<repair::SuspectWindow> windows = repair::find_suspect_windows(text, saw_gbk_read_fffd, scan_from);
  repair::drop_foreign_windows(text, windows);
  for (const repair::SuspectWindow& w : windows) pass.signals |= w.signals;
  if (windows.empty()) {
    pass.unchanged = true;
    return pass;
  }
  TextBuilder out(text);
  uint32_t pos = 0;
  for (const repair::SuspectWindow& sw : windows) {
    out.copy(pos, sw.begin - pos);
    std::vector<WindowChar> all = window_chars(text, sw.begin, sw.end);
    std::vector<const Hypothesis*> hyps = hypotheses_for(sw.signals);
    for (size_t c0 = 0, c1; c0 < all.size(); c0 = c1) {
      c1 = piece_end(all, c0);
      std::span<const WindowChar> win(all.data() + c0, c1 - c0);
      const char32_t before = char_before(text, win.front().begin);
      const char32_t after = char_at(text, win.back().end);
      repair::LatticeResult best;
      const Hypothesis* best_h = nullptr;
      if (has_gbk_read_fffd(win)) {
        out.copy(win.front().begin, win.back().end - win.front().begin);
        continue;
      }
      // A rare run the only sign, made of names (盱眙县、睢宁县), or private
      // use, a web font's icons in clean text: rare_words.h.
      if ((sw.signals == repair::kRareRun && repair::rare_chars_read_as_words(win)) ||
          (sw.signals == repair::kPrivateUse && repair::han_text_reads_as_words(win))) {
        out.copy(win.front().begin, win.back().end - win.front().begin);
        continue;
      }
      const Readability readable = readability(win);
      double utf8_share = -1;  // utf8_share_of_gbk_bytes(win), once asked
      // Holes the only sign, and read as characters lost rather than bytes
      // (holes.h): question marks typed as '?', characters an encoding
      // lacked, a few bad bytes a decoder replaced. Not decoded under the
      // reading such holes call for: no repair of the probe articles came
      // from such a window, and dev 000 costs 0.68M instructions with 吗? at
      // twenty sentence ends (1.90M), 1.30M with twenty U+FFFD (3.03M),
      // 0.81M saved as Big5 (16.7M).
      const bool holes_in_clean_text =
          sw.signals == repair::kQuestionMark && repair::question_marks_read_as_lost_characters(win);
      const bool lost_in_clean_text =
          sw.signals == repair::kReplacement && !repair::debris_beside_a_hole(win, utf8::kReplacement);
      for (const Hypothesis* h : hyps) {
        if (h == &kGbkMisaligned && holes_in_clean_text) continue;
        if (h->replacement_holes && lost_in_clean_text) continue;
        if (readable.lost || (!readable.double_byte && h->source != SourceView::kSingleByte)) continue;
        if (best_h) {
          const double gain = best.literal_cost - best.best_cost, chars = static_cast<double>(win.size());
          if (best_h == &kGbkMisaligned && gain >= kDecisiveGainPerChar * chars) break;
          if (best_h->source == SourceView::kSingleByte && gain >= kDecisiveSingleByteGainPerChar * chars) break;
          if (best_h == &kUtf8AsGbk && gain >= kDecisiveGainPerChar * chars) {
            if (utf8_share < 0) utf8_share = utf8_share_of_gbk_bytes(win);
            if (utf8_share >= kUtf8ShareOfGbkBytes) break;
          }
        }
        repair::LatticeResult r = repair::decode_window(win, before, after, *h, {}, &budget);
        if (!r.any_decoded()) continue;
        if (!best_h || r.best_cost < best.best_cost) {
          best = std::move(r);
          best_h = h;
        }
      }
      if (!best_h) {
        out.copy(win.front().begin, win.back().end - win.front().begin);
        continue;
      }
      write_window(win, best, *best_h, before, after, out, pass);
    }
    pos = sw.end;
  }
  out.copy(pos, text.size() - pos);
  pass.text = out.take_text();
  pass.map = out.take_map();
  return pass;
}

bool inside(Range inner, Range outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

}  // namespace

std::optional<Repaired> repair_mojibake_if_damaged(std::string_view utf8_text) {
  return repair_mojibake_if_damaged(utf8_text, 0);
}

std::optional<Repaired> repair_mojibake_if_damaged(std::string_view utf8_text, size_t first_signal) {
  repair::WorkBudget budget{kWorkBudget};
  // Every U+FFFD and private-use character raises a signal in the first
  // pass, and repairs never write one; without them only 锟 can start an
  // unrecoverable stretch, which the first pass's scan looks out for.
  bool saw_gbk_read_fffd = false;
  Pass first = run_pass(utf8_text, budget, &saw_gbk_read_fffd, repair::scan_start_before(utf8_text, first_signal));
  const bool may_be_unrecoverable =
      (first.signals & (repair::kReplacement | repair::kPrivateUse)) || saw_gbk_read_fffd;
  const bool repaired = !first.unchanged && !first.repairs.empty();
  if (!repaired && !may_be_unrecoverable) return std::nullopt;

  Repaired result;
  result.text.assign(utf8_text);
  result.map = OffsetMap::identity(static_cast<uint32_t>(utf8_text.size()));
  std::optional<Pass> pending;
  if (repaired) pending.emplace(std::move(first));
  for (int p = 0; p < kMaxPasses && pending; ++p) {
    Pass pass = std::move(*pending);
    pending.reset();
    // Earlier repairs move to the new text; new ones get input ranges in the
    // stage's input. A repair inside an earlier one is a second layer of the
    // same damage (text encoded twice): the earlier record absorbs it.
    for (Repair& r : result.repairs) move_repair_output(r, pass.map);
    std::vector<Repair> added;
    for (Repair& r : pass.repairs) {
      Range original = result.map.to_input(r.input);
      bool absorbed = false;
      for (Repair& old : result.repairs) {
        if (inside(original, old.input) || inside(old.input, original)) {
          old.input = {std::min(old.input.begin, original.begin), std::max(old.input.end, original.end)};
          old.output = {std::min(old.output.begin, r.output.begin), std::max(old.output.end, r.output.end)};
          if (old.kind.rfind("utf8-as-", 0) == 0 && r.kind.rfind("utf8-as-", 0) == 0)
            old.kind = "utf8-double-encoded";
          old.guessed_chars += r.guessed_chars;
          // The earlier guesses (moved above) and this layer's, in one list.
          if (!r.guessed.empty()) {
            old.guessed.insert(old.guessed.end(), r.guessed.begin(), r.guessed.end());
            merge_ranges(old.guessed);
          }
          old.confidence = std::min(old.confidence, r.confidence);
          absorbed = true;
          break;
        }
      }
      if (!absorbed) {
        r.input = original;
        added.push_back(std::move(r));
      }
    }
    result.repairs.insert(result.repairs.end(), added.begin(), added.end());
    result.map = OffsetMap::compose(result.map, pass.map);
    result.text = std::move(pass.text);
    if (!pass.single_byte || p + 1 == kMaxPasses) break;
    Pass next = run_pass(result.text, budget, nullptr);
    if (!next.unchanged && !next.repairs.empty()) pending.emplace(std::move(next));
  }
  if (may_be_unrecoverable) {
    for (Repair& r : repair::find_unrecoverable(result.text)) {
      r.input = result.map.to_input(r.output);
      result.repairs.push_back(r);
    }
  }
  std::sort(result.repairs.begin(), result.repairs.end(),
            [](const Repair& a, const Repair& b) { return a.output.begin < b.output.begin; });
  result.map.set_input_size(static_cast<uint32_t>(utf8_text.size()));
  return result;
}

Repaired repair_mojibake(std::string_view utf8_text) {
  if (std::optional<Repaired> r = repair_mojibake_if_damaged(utf8_text)) return std::move(*r);
  Repaired result;
  result.text.assign(utf8_text);
  result.map = OffsetMap::identity(static_cast<uint32_t>(utf8_text.size()));
  return result;
}

}  // namespace aidtext
