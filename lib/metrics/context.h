// Attachment of figures to metrics from the words around them in one sentence.
//
// Each figure is looked at through two windows of its sentence:
//   - the tight window: the words between it and its neighbours (the
//     previous or next figure, or the clause's punctuation , ; : 。). Figures
//     written back to back (0.81万户2.89万人, 3228户9595名) share the words
//     before the first and after the last;
//   - the clause: everything between the clause marks around it, but no
//     more than kClauseReach bytes either side of the figure (a run-on list
//     of megabytes with no clause mark is read near each figure only, so a
//     sentence costs time linear in its length).
// Rules are tried in pack order on the tight window first, then on the
// clause; the first rule whose cue groups all occur wins. A block word nearer
// to the figure than the winning rule's nearest cue vetoes it (50余人参加).
// Lists opened by a subset word (其中) keep the metric of the figure before.
#ifndef AIDTEXT_METRICS_CONTEXT_H_
#define AIDTEXT_METRICS_CONTEXT_H_

#include <span>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "core/range.h"
#include "metrics/char_index.h"
#include "metrics/literal_index.h"
#include "metrics/rule_pack_data.h"
#include "numerals/quantity.h"

namespace aidtext {

// How far (bytes) a figure's clause window reaches before and after it:
// 200 Chinese characters, longer than any clause a reader takes in at once.
inline constexpr uint32_t kClauseReach = 600;

struct Attachment {
  int metric = -1;       // index into RulePackData::metrics; -1: no metric
  std::string unit;      // the record's unit
  std::string change;    // "level", "total", "target"
};

class SentenceContext {
 public:
  // The vectors a context fills, lent from one sentence's context to the
  // next (below).
  class Buffers;

  // `figures`: the candidate quantities of the sentence, in text order, all
  // inside `sentence`; they must outlive the context. Scans the sentence
  // for cues once.
  // `chars`: CharIndex(text) when the caller has it (one per document), or
  // nullptr.
  // `buffers`: vectors to borrow (and give back when the context goes), or
  // nullptr.
  SentenceContext(std::string_view text, Range sentence, const RulePackData& rules,
                  std::span<const Quantity* const> figures, const CharIndex* chars = nullptr,
                  Buffers* buffers = nullptr);
  ~SentenceContext();
  SentenceContext(const SentenceContext&) = delete;
  SentenceContext& operator=(const SentenceContext&) = delete;

  // 下达资金3.68亿元。其中，武都区8650万元、…: a sentence that opens with a
  // subset word lists parts of the last figure of the sentence before it
  // (`metric`, an index into RulePackData::metrics), whose metric its first
  // figures keep as they would inside one sentence. Call before attach_all.
  void continue_subset_of(int metric) { carried_metric_ = metric; }
  // Decides every figure, in order (a figure may depend on the one before).
  std::vector<Attachment> attach_all();
  // Figure i's clause (between the clause marks around it, at most
  // kClauseReach bytes either side): where its place words are read too.
  Range clause(size_t i) const { return windows_[i].clause; }

 private:
  struct Windows {
    Range left, right;  // tight windows (possibly inherited from a neighbour)
    Range clause;
    // 剩余的8个贫困县、395个贫困村、17.5万贫困人口全部脱贫: the words after
    // the list's last item that an item naming its own noun shares (empty
    // when none).
    Range tail;
    // Only connectors (、和及与或, spaces) between the figure and the one
    // before / after it in its clause: back to back, they share windows.
    bool left_bare = false, right_bare = false;
    bool right_cut = false;  // the right window ends at a 、 before the next figure
    // 4个县、: the group the figure's own noun names (own_noun_at), or -1;
    // and where that noun ends.
    int own_kind = -1;
    uint32_t own_noun_end = 0;
  };

 public:
  // The vectors a context fills, lent from one sentence's context to the
  // next (extract_metrics keeps one for a document): a sentence's context
  // allocated seven of them (compute_windows alone 169 allocations a round
  // of the dev articles); borrowed, they keep their capacity.
  class Buffers {
   public:
    // Room for a long sentence's lists from the start (grown from empty,
    // a document's took about 14 allocations).
    Buffers() {
      hits.reserve(256);
      windows.reserve(16);
      for (auto* v : {&marks, &mark_ends, &list_commas}) v->reserve(64);
      quotes.reserve(8);
      quote_ends.reserve(8);
    }

   private:
    friend class SentenceContext;
    std::vector<CueHit> hits;
    std::vector<Windows> windows;
    std::vector<Range> quotes;
    std::vector<uint32_t> marks, mark_ends, quote_ends, list_commas;
  };

 private:
  // Exchanges the vectors with buffers_'s (borrowing or giving back).
  void swap_buffers();
  bool only_connectors(uint32_t b, uint32_t e) const;
  // Figure i's list tail (Windows::tail) when the words after the figure
  // are its noun alone (8个贫困县、: yes; 1.06万贫困人口全部脱贫、: a clause
  // of its own, no); else empty.
  Range shared_tail(size_t i) const;
  void compute_windows();
  // The end of the own noun (RulePackData::own_nouns) written at text_[pos],
  // before `end`, with *kind its group; pos (and *kind -1) when there is
  // none. A longer word of the pack's written at pos (a cue, or a not-place
  // word: 县级, 村民) holds the noun, and the figure has none.
  uint32_t own_noun_at(uint32_t pos, uint32_t end, int* kind) const;
  // Whether some positive condition of `rule` can be met only by own-noun
  // kinds other than `kind` (a village rule, for a figure counting counties).
  bool names_other_kind(const Rule& rule, int kind) const;
  // First rule (index) holding over the hits inside `ranges`, or -1; sets
  // *nearest to the distance of its nearest positive cue from the figure.
  // `negated_also`: a range where a rule's !GROUP words also count (the
  // total's clause for a figure after 其中), or nullptr. `own` (a clause
  // that borrows the words of another, which `ranges` hold too): a rule
  // holds only if `own` meets all but one of its positive conditions, so
  // that the clause borrows its noun, not what was said of it.
  // Whether a level change word (剩余, 现有) stands before figure i in its
  // own clause.
  bool level_word_before(size_t i) const;
  int match_rule(size_t i, const Range* ranges, size_t n, uint32_t* nearest,
                 const Range* negated_also = nullptr, const Range* own = nullptr) const;
  bool unit_ok(const UnitSpec& spec, const Quantity& q) const;
  // With the pack's rules by unit: the rules (bits) that take figure i's
  // unit and classifier (RulePackData::rules_by_classifier). Remembered for
  // the last figure asked: match_rule asks up to five times a figure.
  uint64_t rules_for_unit(size_t i) const;
  // Whether figure i ends a short clause whose words before it hold a cue
  // (已出列45个): a clause that leaves its noun to the one before.
  bool elliptic(size_t i) const;
  // Whether figure i's clause, with no cue of its own, repeats a change word
  // of `noun_clause` (贵州省农村贫困人口由173万人减少到30.8万人，云南省由179万人
  // 减少到37.2万人): the same said of another subject, which borrows its noun.
  bool parallel_to(size_t i, Range noun_clause) const;
  // Whether figure i is the whole of which the next figure is a part
  // (全国832个贫困县中已有780个摘帽): its own words say what it is, and
  // the clause's (摘帽) are the part's.
  bool whole_of_next(size_t i) const;
  // Whether ranges a and b hold a cue of the same group.
  bool shares_cue(Range a, Range b) const;
  bool bare_scaled(const Quantity& q) const;
  // 4个深度贫困县、117个深度贫困村: an item of a 、 list naming its noun
  // after its figure; its noun says what it counts, and the clause's other
  // nouns (the next items') do not.
  bool named_list_item(size_t i) const;
  bool own_list_item(size_t i) const;
  // Whether rule r holds on nouns of the poor alone (its positive groups are
  // all subset members: 贫困人口, 贫困户), with no verb of its own.
  bool noun_only(int r) const;
  // 下达扶贫资金：武都区8650万元、宕昌县7120万元: the clause a colon ends,
  // when figure i's clause opens right after that colon and the colon's
  // clause holds no figure of its own (a heading of the list after it);
  // empty otherwise.
  Range colon_heading(size_t i) const;
  // 贫困发生率下降3.2个百分点，降至1.5%; 贫困人口减少3000人，降至2100人: the
  // clause before figure i's, when it is apart from figure i's by a comma or
  // semicolon, and figure i's clause is a change word and the figure alone
  // (a short lead with a change word and no cue: 降至, 减少到); empty
  // otherwise. What it says of its noun goes on in figure i's clause.
  Range clause_before_change(size_t i) const;
  // Whether rule r's nearest cue in figure i's tight windows stands before
  // the figure with a noun between (培训基层干部1850人次: 培训 governs 基层干部),
  // a verb that may govern the list items after the figure as well.
  bool governs_object(size_t i, int r) const;
  bool quoted(const CueHit& h) const;
  uint32_t char_start_at_or_after(uint32_t p) const;  // the next UTF-8 lead byte
  bool blocked(size_t i, const Range* ranges, size_t n, uint32_t nearest) const;
  // Whether an after-only block word follows figure i in its clause with no
  // cue word after it there (50余人参加了座谈会, 会议共有300多名干部参加): the
  // figure counts who took part, however near a cue noun stands.
  bool ends_in_block(size_t i) const;
  // A per-unit word before figure i in its clause (为每户贫困户落实产业扶持资金
  // 5000元): the figure is a rate per household, person or village, not an
  // amount of aid. So is either half of 1户1人 (一户一人: one person per
  // household), two figures of 1 back to back in different units.
  bool per_unit(size_t i) const;
  // 贫困发生率在1%以下的省份, 贫困发生率超过5%的省份: a bound (以下, 以上
  // after the figure; 超过, 高于, 低于, 不足, 不到 before it) followed by 的
  // picks out what comes after it; it is no amount.
  bool threshold(size_t i) const;
  std::string change_for(size_t i, const MetricDef& m) const;
  // Whether a cue of `group` lies inside `ranges`; `hits`: hits_in(ranges, n).
  using HitSpan = std::pair<const CueHit*, const CueHit*>;
  bool group_in(int group, const Range* ranges, size_t n, HitSpan hits) const;
  uint32_t distance(const Quantity& q, const CueHit& h) const;
  // The hits starting inside the span of `ranges` (hits_ is sorted by start).
  std::pair<const CueHit*, const CueHit*> hits_in(const Range* ranges, size_t n) const;

  std::string_view text_;
  const CharIndex* chars_;
  Range sentence_;
  const RulePackData& rules_;
  std::span<const Quantity* const> figures_;
  std::vector<CueHit> hits_;  // literal and pattern cues, in text order
  std::vector<Windows> windows_;
  std::vector<Range> quotes_;  // insides of quotation marks
  int carried_metric_ = -1;    // continue_subset_of's metric, or -1
  std::vector<uint32_t> mark_ends_;  // ends of the sentence's clause marks, in order
  // compute_windows' lists: the sentence's clause marks, ends of closing
  // quotes and positions of 、.
  std::vector<uint32_t> marks_, quote_ends_, list_commas_;
  Buffers* buffers_;  // lent the vectors above, or nullptr
  mutable size_t unit_rules_of_ = SIZE_MAX;  // the figure rules_for_unit() answered last
  mutable uint64_t unit_rules_ = 0;          // and its answer
};

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_CONTEXT_H_
