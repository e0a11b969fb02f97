// The time a figure refers to, from the dates around it.
//
// A date governs the figures after it in its sentence (2018年底贫困人口减至…);
// failing that, a date opening an earlier sentence of the paragraph
// (2016年，…。…), or the first clause of the paragraph that introduces a list
// the figure's paragraph belongs to (2019年，… then ■ items). Dates that open
// a period (2015年以来, 从今年起, 自2017年5月) date nothing; in a range
// (自2017年5月至2019年5月) the end governs. Dates without a year (5月28日) and
// time stamps (2017年05月22日 14时50分) are event and publication dates, never a
// figure's time. 今年/去年 count from the document's year (the caller's
// doc_date, else the first time stamp or full date near the top of the
// text, else the one year a headline names); without one, a figure governed
// by 今年 has no time. A period opening
// in the document's year (今年以来) dates its figures with that year; a month
// without a year after 截至 (截至7月底) with the document's year. A date bound
// to another figure by 的 (由2018年底的7.12%下降到1.43%) dates only that one.
// Figures nothing dates take the one year a headline names, if it names one.
// A span back from the time of writing (五年来, 近年来: the pack's time-span
// words) is read as a period that dates nothing, like 2015年以来. A line
// holding nothing but a date (a dateline under a title), a short line
// holding a date and a byline word (发布时间：2020-12-03 来源：…), or a short
// line without clause marks opening or closing with a full date (2020年5月12日
// 某县扶贫办), dates no section. Words of the time of writing (目前, 截至目前:
// the pack's time-now words) date figures with the year the document was
// written, when it tells (a date at its top or the caller's), and nothing
// otherwise.
#ifndef AIDTEXT_METRICS_TIMES_H_
#define AIDTEXT_METRICS_TIMES_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/char_index.h"
#include "metrics/rule_pack_data.h"
#include "numerals/quantity.h"
#include "text/segmenter.h"

namespace aidtext {

class TimeResolver {
 public:
  // `dates`: the date quantities of the text in text order.
  // `figures`: the text's figures in text order, which must outlive the
  // resolver.
  // `chars`: the text decoded with the pack's classes (CharIndex(text,
  // rules.char_classes.data())), when the caller has it: the time words are
  // then found at its characters of kRareWordClass.
  TimeResolver(std::string_view text, const Segmentation& seg, std::vector<const Quantity*> dates,
               std::span<const Quantity* const> figures, const RulePackData& rules, std::string_view doc_date,
               const CharIndex* chars = nullptr);

  // Appends to *ends where each character `c` of kRareWordClass ends in the
  // text, in text order, when the resolver listed them through the
  // CharIndex it was given (the zero words' last characters are of that
  // class too: 零); false, appending nothing, otherwise.
  bool rare_char_ends(char32_t c, std::vector<uint32_t>* ends) const;

  // The time of a figure at `pos` in sentence `sentence` (an index of seg).
  // `target`: the figure is a goal, which the dated sections of a report
  // before it do not date (下一步，确保…全部脱贫 after 2019年，全县减贫…).
  // 由上年的173万人减少到30.8万人: a figure right after 上年的 (上年底的,
  // 上年末的) is of the year before the one its sentence reports.
  std::optional<std::string> time_of(uint32_t pos, int sentence, bool target = false) const;
  // The time the date quantity `d` gives a figure it labels (a table row's
  // 2019年), nullopt when it gives none (5月28日, 2015年以来).
  std::optional<std::string> time_of_date(const Quantity& d) const;
  // The document's year, 0 when unknown.
  int doc_year() const { return doc_year_; }

 private:
  // The year of the heading a goal in `paragraph` stands under (三、2021年
  // 工作安排), into *value: false when a nearer heading names no year or a
  // paragraph between opens with a date of another year.
  bool goal_heading_year(size_t paragraph, std::string* value) const;
  // Whether paragraph p is a heading: short, without a sentence's or a
  // clause's mark and without a figure.
  bool heading(Range p) const;
  // Whether a paragraph's opening (see opening()) is the label of a line
  // "label：figure" (建档立卡贫困户：1.38万户): it ends in a colon and holds
  // no comma.
  bool labels_its_figure(Range opening) const;
  // time_of without the 上年 step.
  std::optional<std::string> own_time_of(uint32_t pos, int sentence, bool target) const;
  // kOpen: a period opening before the document's year (2015年以来): the
  // figure is undated, whatever dates come before.
  enum class Use { kNone, kValue, kUnknown, kOpen };
  // What date `d` says as a figure's time: nothing (an opening date, no
  // year), a value, or "unknown" (今年 without a document year).
  Use usable(const Quantity& d, std::string* value) const;
  // The last usable date in [from, to), searching back; kNone when none.
  // The last usable date starting in [from, to) and ending by `limit`
  // (default: `to`); `figure`: the figure's position when searching its own
  // sentence (0 otherwise).
  // Where figures_ and dates_ were reached by calls in text order
  // (index_openings: every sentence's opening): a search with one steps on
  // from there instead of searching anew (a binary search each took a
  // quarter of index_openings' instructions).
  struct Cursor {
    size_t figure = 0, date = 0;
  };
  // `cursor`: for calls in text order (`to` never smaller than before).
  Use last_in(uint32_t from, uint32_t to, std::string* value, uint32_t figure = 0, uint32_t limit = 0,
              Cursor* cursor = nullptr) const;
  // `cursor`: for calls in text order (r.begin never smaller than before).
  Range opening(Range r, Cursor* cursor = nullptr) const;
  // Whether the figure starting at `figure` follows the one starting at
  // `bound` with nothing between (1.2万户3.8万人).
  bool written_right_after(uint32_t bound, uint32_t figure) const;
  // Whether the usable dates of paragraph `p` all give one year (then in
  // `year`, empty when there are none); false when one gives another year,
  // "unknown" (今年 without a document year) or opens a period.
  bool single_year_in(Range p, std::string* year) const;
  // The date a figure at `pos` takes from a dated from/to pair before it in
  // its sentence (由…到…, the same sides), if any.
  std::optional<std::string> paired_date(uint32_t pos, Range sentence) const;
  // 2013年至2019年，贫困人口从692万人减少到17.5万人: the start of the period
  // (2013) written before the from side of a from/to pair at `pos` in
  // `sentence`, if any (its to side takes the end, as any figure does).
  std::optional<std::string> period_start_for_from(uint32_t pos, Range sentence) const;
  // Whether a month at `b` ends a span of months (1至9月: b is at 9).
  bool ends_month_span(uint32_t b) const;
  // Adds the pack's time-span words (五年来) to dates_ as periods.
  void add_time_spans();
  // Adds the pack's time-now words (目前) to dates_ as the document's year.
  void add_now_words();
  // Adds dates at `found` (relative: of the document's year) kept in
  // `store`, which dates_ then points into.
  void add_found_dates(const std::vector<Range>& found, bool relative, std::vector<Quantity>* store);
  // The relative year (今年, 去年) ending right at `pos`, if any.
  const Quantity* relative_year_before(uint32_t pos) const;
  bool is_now_word(const Quantity* d) const {
    return !nows_.empty() && d >= nows_.data() && d < nows_.data() + nows_.size();
  }
  // Adds the pack's plan periods followed by a plan-period or period-opening
  // word (“十三五”期间, 十三五以来) as dates of their last year.
  void add_plan_periods();
  // Adds `plan`, whose name ends at `name_end`, if a period word follows it.
  void add_plan_date(const RulePackData::PlanPeriod& plan, uint32_t name_end);
  bool is_time_span(const Quantity* d) const {
    return !spans_.empty() && d >= spans_.data() && d < spans_.data() + spans_.size();
  }
  // Whether paragraph `p` holds nothing but one date (spaces aside), or is a
  // short byline line with a date.
  bool dateline(Range p) const;
  void find_datelines();  // fills datelines_
  void find_doc_year();
  void find_headline_year();
  int lead_year() const;
  void index_openings();
  bool is_bullet(Range paragraph) const;
  Range first_clause(Range r) const;

  // The nearest earlier sentence of a sentence's paragraph whose opening
  // holds a date that decides (a value, or a period that dates nothing).
  // Found once for every sentence, so that a paragraph of many sentences
  // costs time linear in its length, not its length squared.
  struct OpeningDate {
    Use use = Use::kNone;  // kNone: no such sentence
    std::string value;
  };
  // By sentence index: an index into openings_ (the openings that decide,
  // each once), or kNoOpening; a copy of the date for each sentence took
  // a tenth of the resolver's time.
  static constexpr uint32_t kNoOpening = UINT32_MAX;
  std::vector<uint32_t> earlier_opening_;
  std::vector<OpeningDate> openings_;
  std::vector<bool> datelines_;  // by paragraph: dateline(paragraph)
  std::vector<int> list_intro_;  // by paragraph: the nearest earlier paragraph that is no bullet item, or -1
  std::vector<uint8_t> bullets_;  // by paragraph: is_bullet(paragraph), asked once

  // The characters of kRareWordClass (which the time words' last
  // characters are) with where each ends, in text order, when found
  // through a CharIndex (anchors_indexed_): the words' searches read these
  // few, where a memchr pass a last character stopped at every byte equal
  // to its last (a continuation byte: 1 in 64 of a Chinese text's) and took
  // 140,000 instructions a round of the dev articles.
  struct CharEnd {
    char32_t c;
    uint32_t end;
  };
  std::vector<CharEnd> anchors_;
  bool anchors_indexed_ = false;
  // Calls f(end) for every end of the character `last` in the text, in
  // text order.
  template <typename F>
  void for_each_end_of(std::string_view last, F f) const;
  // The words of a list found by their last characters (`lasts`, the
  // distinct ones): for each end of one, begin_of(i, end) for the words in
  // turn, the first that is not kNoSpan giving the word's range.
  template <typename BeginOf>
  std::vector<Range> find_by_last_chars(const std::vector<std::string>& lasts, size_t words, BeginOf begin_of) const;

  std::string_view text_;
  const Segmentation& seg_;
  std::vector<const Quantity*> dates_;
  std::vector<Quantity> spans_;  // the time-span words found, as dates (dates_ points into it)
  std::vector<Quantity> plans_;  // the plan periods found, as dates (likewise)
  std::vector<Quantity> nows_;   // the time-now words found, as dates (likewise)
  std::span<const Quantity* const> figures_;
  const RulePackData& rules_;
  int doc_year_ = 0;
  // Whether doc_year_ is when the document was written (the caller's date,
  // a time stamp or full date at its top), not the year its headline names.
  bool doc_year_written_ = false;
  std::string headline_year_;  // the one year a headline names, or ""
};

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_TIMES_H_
