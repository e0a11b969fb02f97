#include "metrics/times.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/utf8.h"
#include "metrics/char_scan.h"

namespace aidtext {
namespace {

// The document date is looked for in the first 1 KiB: a page header (title,
// time stamp, source) fits in it, while later dates are the article's own.
constexpr uint32_t kHeaderBytes = 1024;
// The opening of a sentence without figures (TimeResolver::opening): 8 Han
// characters, a short lead-in and a date (据了解，2016年).
constexpr uint32_t kOpeningBytes = 24;
// Before a sentence's first figure: 30 Han characters, where a reporting
// lead-in and a date fit (2020年1月8日，记者从宕昌县扶贫办获悉，截至2019年底，).
constexpr uint32_t kFigureOpeningBytes = 90;
// A dated paragraph frames at most the 8 paragraphs after it: sections of a
// report are a handful of paragraphs; further on, a date is a guess.
constexpr size_t kCarryParagraphs = 8;


int digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// Year of an ISO-like date "2018", "2018-12", "2018-12-31", or -1.
int year_of(std::string_view d) {
  int y = digits(d, 0, 4);
  return (y >= 1900 && y <= 2200) ? y : -1;
}

bool clause_mark(char32_t c) {
  return c == U'，' || c == ',' || c == U'；' || c == ';' || c == U'：' || c == ':' || c == U'。' || c == '\n';
}

}  // namespace

TimeResolver::TimeResolver(std::string_view text, const Segmentation& seg, std::vector<const Quantity*> dates,
                           std::span<const Quantity* const> figures, const RulePackData& rules,
                           std::string_view doc_date, const CharIndex* chars)
    : text_(text), seg_(seg), dates_(std::move(dates)), figures_(figures), rules_(rules) {
  // In valid UTF-8 a character's bytes are found only where it is written.
  if (chars && chars->has_classes() && chars->valid()) {
    anchors_indexed_ = true;
    const size_t n = chars->size();
    for (size_t k = 0; (k = chars->next_in_class(k, n, kRareWordClass)) < n; ++k)
      anchors_.push_back(CharEnd{chars->at(k), chars->offset(k + 1)});
  }
  int y = year_of(doc_date);
  if (y > 0) doc_year_ = y;
  if (doc_year_ == 0) find_doc_year();
  doc_year_written_ = doc_year_ > 0;
  find_headline_year();
  // 定西市2020年东西部劳务协作工作进展情况 … 今年以来: with no date of its
  // own, a document is of the one year its headline names.
  if (doc_year_ == 0 && !headline_year_.empty()) doc_year_ = year_of(headline_year_);
  // 临夏县：产业扶贫让群众鼓起“钱袋子” / 2019年，临夏县坚持… then 村里今年
  // 新建…: else of the year its lead opens with.
  if (doc_year_ == 0) doc_year_ = lead_year();
  add_time_spans();
  add_now_words();
  add_plan_periods();
  index_openings();
  find_datelines();
}

void TimeResolver::find_datelines() {
  datelines_.assign(seg_.paragraphs.size(), false);
  size_t p = 0;
  for (const Quantity* d : dates_) {
    while (p < seg_.paragraphs.size() && seg_.paragraphs[p].end <= d->span.begin) ++p;
    if (p == seg_.paragraphs.size()) break;
    if (seg_.paragraphs[p].begin <= d->span.begin && !datelines_[p]) datelines_[p] = dateline(seg_.paragraphs[p]);
  }
}

namespace {

constexpr uint32_t kNoSpan = UINT32_MAX;

// Where time-span word `w` ending at `end` begins, kNoSpan when it does not
// end there. A '#' in a word stands for a count of years in one or two
// digits (近3年来, 10年来), not the end of a longer number (2013年来到 is
// no span).
// `hash`: where w's '#' is (w.find('#')).
uint32_t time_span_begin(std::string_view text, uint32_t end, std::string_view w, size_t hash) {
  if (hash == std::string_view::npos)
    return ends_at(text, end, w) ? end - static_cast<uint32_t>(w.size()) : kNoSpan;
  const std::string_view after = w.substr(hash + 1), before = w.substr(0, hash);
  if (!ends_at(text, end, after)) return kNoSpan;
  auto digit = [&](uint32_t i) { return text[i] >= '0' && text[i] <= '9'; };
  uint32_t b = end - static_cast<uint32_t>(after.size());
  uint32_t digits = 0;
  while (b > 0 && digit(b - 1) && digits < 3) --b, ++digits;
  if (digits == 0 || digits > 2 || !ends_at(text, b, before)) return kNoSpan;
  return b - static_cast<uint32_t>(before.size());
}

// Calls f(end) for every end of the character `last` (a UTF-8 character) in
// `text`, found by its last byte with memchr: one vectorized pass, cheaper
// than a substring search per word (or memmem per character, which restarts
// at every hit of a common one).
template <typename F>
void for_each_byte_end_of(std::string_view text, std::string_view last, F f) {
  if (last.empty() || text.size() < last.size()) return;
  const char* p = text.data() + last.size() - 1;
  const char* const stop = text.data() + text.size();
  while (p < stop && (p = static_cast<const char*>(std::memchr(p, last.back(), static_cast<size_t>(stop - p))))) {
    const uint32_t end = static_cast<uint32_t>(p - text.data() + 1);
    ++p;
    if (ends_at(text, end, last)) f(end);
  }
}

}  // namespace

bool TimeResolver::rare_char_ends(char32_t c, std::vector<uint32_t>* ends) const {
  if (!anchors_indexed_ || (c < 0x10000 && !(rules_.char_classes[c] & kRareWordClass))) return false;
  for (const CharEnd& a : anchors_)
    if (a.c == c) ends->push_back(a.end);
  return true;
}

template <typename F>
void TimeResolver::for_each_end_of(std::string_view last, F f) const {
  int len = 1;
  const char32_t c = last.empty() ? 0 : next_char(last, 0, &len);
  // A character the pack marked (RulePackData::finish), read from the index.
  if (anchors_indexed_ && !last.empty() && static_cast<size_t>(len) == last.size() &&
      (c >= 0x10000 || (rules_.char_classes[c] & kRareWordClass))) {
    for (const CharEnd& a : anchors_)
      if (a.c == c) f(a.end);
    return;
  }
  for_each_byte_end_of(text_, last, f);
}

// One pass a distinct last character.
template <typename BeginOf>
std::vector<Range> TimeResolver::find_by_last_chars(const std::vector<std::string>& lasts, size_t words,
                                                    BeginOf begin_of) const {
  std::vector<Range> found;
  for (std::string_view last : lasts)
    for_each_end_of(last, [&](uint32_t end) {
      for (size_t i = 0; i < words; ++i)
        if (const uint32_t begin = begin_of(i, end); begin != kNoSpan) {
          found.push_back(Range{begin, end});
          break;
        }
    });
  return found;
}

void TimeResolver::add_time_spans() {
  if (rules_.time_spans.empty()) return;
  // Words are found by their last character (all of the default pack's end
  // in 来; RulePackData::time_span_lasts): one pass per distinct one.
  const std::vector<Range> found =
      find_by_last_chars(rules_.time_span_lasts, rules_.time_spans.size(), [&](size_t i, uint32_t end) {
        return time_span_begin(text_, end, rules_.time_spans[i], rules_.time_span_hashes[i]);
      });
  add_found_dates(found, /*relative=*/false, &spans_);
}

void TimeResolver::add_found_dates(const std::vector<Range>& found, bool relative, std::vector<Quantity>* store) {
  if (found.empty()) return;
  store->reserve(found.size());  // dates_ points into it: no reallocation after
  for (const Range& r : found) {
    Quantity q;
    q.kind = QuantityKind::kDate;
    q.span = r;
    q.relative_date = relative;
    store->push_back(std::move(q));
  }
  for (const Quantity& q : *store) dates_.push_back(&q);
  std::stable_sort(dates_.begin(), dates_.end(),
                   [](const Quantity* a, const Quantity* b) { return a->span.begin < b->span.begin; });
}

const Quantity* TimeResolver::relative_year_before(uint32_t pos) const {
  auto it = std::lower_bound(dates_.begin(), dates_.end(), pos,
                             [](const Quantity* d, uint32_t p) { return d->span.begin < p; });
  if (it == dates_.begin()) return nullptr;
  const Quantity* d = *std::prev(it);
  return d->span.end == pos && d->relative_date && !is_now_word(d) && !d->date_end_of_period ? d : nullptr;
}

void TimeResolver::add_now_words() {
  const std::vector<Range> found =
      find_by_last_chars(rules_.time_now_lasts, rules_.time_now.size(), [&](size_t i, uint32_t end) {
        const std::string& w = rules_.time_now[i];
        return ends_at(text_, end, w) ? end - static_cast<uint32_t>(w.size()) : kNoSpan;
      });
  // This year, when the document says which (usable()).
  add_found_dates(found, /*relative=*/true, &nows_);
}

void TimeResolver::add_plan_periods() {
  if (rules_.plan_periods.empty()) return;
  // Found by their last character, as the time-span words are: one memchr
  // pass for the last byte of 五 serves 十一五 … 十四五 (a memmem pass per
  // name cost 1.5 instructions a byte of every document).
  std::vector<std::string_view> lasts;
  for (const RulePackData::PlanPeriod& plan : rules_.plan_periods) {
    const std::string_view name = plan.name;  // never empty
    const std::string_view last = name.substr(utf8::char_start_before(name, name.size()));
    if (!last.empty() && std::find(lasts.begin(), lasts.end(), last) == lasts.end()) lasts.push_back(last);
  }
  for (std::string_view last : lasts)
    for_each_end_of(last, [&](uint32_t name_end) {
      for (const RulePackData::PlanPeriod& plan : rules_.plan_periods)
        if (ends_at(text_, name_end, plan.name)) add_plan_date(plan, name_end);
    });
  if (plans_.empty()) return;
  for (const Quantity& q : plans_) dates_.push_back(&q);
  std::stable_sort(dates_.begin(), dates_.end(),
                   [](const Quantity* a, const Quantity* b) { return a->span.begin < b->span.begin; });
}

void TimeResolver::add_plan_date(const RulePackData::PlanPeriod& plan, uint32_t name_end) {
  uint32_t end = name_end;
  // “十三五”期间: the name's closing quote.
  for (std::string_view quote : {"”", "\"", "」", "』"})
    if (starts_at(text_, end, quote)) {
      end += static_cast<uint32_t>(quote.size());
      break;
    }
  bool period = false, opens = false;
  for (const std::string& w : rules_.plan_period_words) period = period || starts_at(text_, end, w);
  for (const std::string& w : rules_.time_start_after) opens = opens || starts_at(text_, end, w);
  if (!period && !opens) return;  // 十三五规划, a slogan: no date
  Quantity q;
  q.kind = QuantityKind::kDate;
  q.span = Range{name_end - static_cast<uint32_t>(plan.name.size()), end};
  // 十三五以来 opens the period in its first year (a period opening before
  // the document's year dates nothing: usable()).
  q.date = std::to_string(opens && !period ? plan.first : plan.last);
  q.date_end_of_period = !opens;
  plans_.push_back(std::move(q));
}

bool TimeResolver::dateline(Range p) const {
  auto it = std::lower_bound(dates_.begin(), dates_.end(), p.begin,
                             [](const Quantity* d, uint32_t pos) { return d->span.begin < pos; });
  if (it == dates_.end() || (*it)->span.end > p.end) return false;
  // A byline: at most kBylineBytes (two lines of a page's header) holding one
  // of the pack's byline words (来源, 发布时间).
  constexpr uint32_t kBylineBytes = 240;
  if (p.size() <= kBylineBytes) {
    // The line's characters that start a byline word, each asked whether
    // one is written there (a word starts at a character, as it is one).
    const std::string_view line = text_.substr(p.begin, p.size());
    const LiteralIndex& words = rules_.byline_index;
    for (size_t pos = 0; pos < line.size();) {
      pos = next_marked(line, pos, line.size(), words.start_words());
      if (pos >= line.size()) break;
      if (words.any_at(line, pos)) return true;
      int len = 1;
      next_char(line, pos, &len);
      pos += static_cast<size_t>(len);
    }
  }
  auto blank = [&](uint32_t b, uint32_t e) {
    for (size_t i = b, len; i < e; i += len)
      if (!(len = space_at(text_, i))) return false;
    return true;
  };
  const bool opens = blank(p.begin, (*it)->span.begin), closes = blank((*it)->span.end, p.end);
  // 2020年5月12日　临夏州扶贫开发办公室: a short line opening or closing with
  // a full date (its day too) and holding no clause mark is a dateline with
  // its publisher's name, not a sentence.
  constexpr uint32_t kDatelineBytes = 120;
  if ((opens || closes) && p.size() <= kDatelineBytes && (*it)->date.size() >= 10) {
    const std::string_view line = text_.substr(p.begin, p.size());
    bool marks = false;
    for (std::string_view m : {"，", "。", "；", "！", "？", ",", ";"})
      marks = marks || line.find(m) != std::string_view::npos;
    if (!marks) return true;
  }
  return opens && closes;
}

void TimeResolver::index_openings() {
  earlier_opening_.assign(seg_.sentences.size(), kNoOpening);
  uint32_t last = kNoOpening;  // in the current paragraph, so far
  uint32_t paragraph = UINT32_MAX;
  Cursor cursor;  // sentences come in text order, and so do their openings
  std::string value;
  for (size_t j = 0; j < seg_.sentences.size(); ++j) {
    const Sentence& s = seg_.sentences[j];
    if (s.paragraph != paragraph) {
      last = kNoOpening;
      paragraph = s.paragraph;
    }
    earlier_opening_[j] = last;
    value.clear();
    Use u = last_in(s.range.begin, opening(s.range, &cursor).end, &value, 0, s.range.end, &cursor);
    if (u != Use::kNone) {
      last = static_cast<uint32_t>(openings_.size());
      openings_.push_back(OpeningDate{u, value});
    }
  }
  list_intro_.assign(seg_.paragraphs.size(), -1);
  bullets_.assign(seg_.paragraphs.size(), 0);
  int last_plain = -1;
  for (size_t k = 0; k < seg_.paragraphs.size(); ++k) {
    list_intro_[k] = last_plain;
    bullets_[k] = is_bullet(seg_.paragraphs[k]);
    if (!bullets_[k]) last_plain = static_cast<int>(k);
  }
}

void TimeResolver::find_doc_year() {
  // A time stamp near the top is the publication time; else a full date.
  int full = 0;
  for (const Quantity* d : dates_) {
    if (d->span.begin >= kHeaderBytes) break;
    int dy = year_of(d->date);
    if (dy < 0) continue;
    if (d->date.find('T') != std::string::npos) {
      doc_year_ = dy;
      return;
    }
    if (full == 0 && d->date.size() >= 10) full = dy;
  }
  doc_year_ = full;
}

// 七星关区2019年脱贫攻坚成效显著: a headline naming one year dates the
// figures the body leaves undated.
void TimeResolver::find_headline_year() {
  if (seg_.paragraphs.empty()) return;
  Range head = seg_.paragraphs[0];
  // A headline is one short line without a sentence end.
  constexpr uint32_t kMaxHeadlineBytes = 150;
  std::string_view h = text_.substr(head.begin, head.size());
  if (head.size() > kMaxHeadlineBytes || h.find("。") != std::string_view::npos) return;
  std::string found;
  for (const Quantity* d : dates_) {
    if (d->span.begin < head.begin) continue;
    if (d->span.end > head.end) break;
    std::string v;
    if (usable(*d, &v) != Use::kValue) continue;
    if (!found.empty() && found != v) return;  // two years: no single one
    found = v.substr(0, 4);
  }
  headline_year_ = found;
}

// The year a document's lead (its first paragraph, or the one after a
// headline) opens with, written as a year alone and followed by a comma
// (2019年，…), when the document names no later year; 0 otherwise (1996年，
// 福建、宁夏两省区开启对口协作 opens a history that goes on to 2019年).
int TimeResolver::lead_year() const {
  int lead = 0;
  for (size_t p = 0; p < seg_.paragraphs.size() && p < 2 && lead == 0; ++p) {
    uint32_t b = seg_.paragraphs[p].begin;  // past the paragraph's indent
    while (b < text_.size())
      if (const size_t space = space_at(text_, b)) b += static_cast<uint32_t>(space);
      else break;
    for (const Quantity* d : dates_) {
      if (d->span.begin < b) continue;
      if (d->span.begin > b) break;
      std::string v;
      if (!d->relative_date && usable(*d, &v) == Use::kValue && v.size() == 4 &&
          (starts_at(text_, d->span.end, "，") || starts_at(text_, d->span.end, ",")))
        lead = year_of(v);
      break;
    }
  }
  for (const Quantity* d : dates_)
    if (lead > 0 && !d->relative_date && year_of(d->date) > lead) return 0;
  return lead;
}

std::optional<std::string> TimeResolver::time_of_date(const Quantity& d) const {
  std::string value;
  if (usable(d, &value) == Use::kValue) return value;
  return std::nullopt;
}

TimeResolver::Use TimeResolver::usable(const Quantity& d, std::string* value) const {
  if (is_time_span(&d)) return Use::kOpen;  // 五年来
  // Spaces between a date and its period word are allowed (2015年 以来).
  uint32_t b = d.span.begin, e = d.span.end;
  while (b > 0 && text_[b - 1] == ' ') --b;
  while (e < text_.size() && text_[e] == ' ') ++e;
  bool opens = false;
  // 从2014年的2.1万人: a date bound by 的 to a figure opens no period.
  const bool bound = starts_at(text_, e, "的");
  if (!bound && rules_.time_start_before_filter.may_end_at(text_, b))
    for (const std::string& w : rules_.time_start_before) opens = opens || ends_at(text_, b, w);
  if (rules_.time_start_after_filter.may_start_at(text_, e))
    for (const std::string& w : rules_.time_start_after) opens = opens || starts_at(text_, e, w);
  int y = d.relative_date ? (doc_year_ ? doc_year_ + d.date_offset : 0) : year_of(d.date);
  // A period opening in the document's own year lies within that year
  // (今年以来); one opening earlier (2015年以来) spans years and dates nothing.
  if (opens && !(y > 0 && y == doc_year_)) return Use::kOpen;
  if (d.relative_date) {
    // 目前 in a report that does not say when it was written is as if not
    // there: the dates around it (a headline's year) decide.
    if (!doc_year_written_ && is_now_word(&d)) return Use::kNone;
    if (doc_year_ == 0) return Use::kUnknown;
    *value = std::to_string(y);
    return Use::kValue;
  }
  if (y < 0) {
    // 截至7月底: a month as of which figures stand, in the document's year;
    // so is the end of a span of months (1至9月, 1-9月, 1月至9月).
    bool as_of = ends_month_span(b);
    if (rules_.time_as_of_filter.may_end_at(text_, b))
      for (const std::string& w : rules_.time_as_of) as_of = as_of || ends_at(text_, b, w);
    int month = d.date.size() >= 4 && d.date[0] == '-' && d.date[1] == '-' ? digits(d.date, 2, 2) : -1;
    // 截至今年6月底, 去年12月: a month right after a year counted from the
    // document's is a month of that year.
    int year = doc_year_;
    const Quantity* relative = relative_year_before(d.span.begin);
    if (relative && doc_year_ > 0) {
      as_of = true;
      year = doc_year_ + relative->date_offset;
    }
    if (!as_of || doc_year_ == 0 || month < 1 || month > 12) return Use::kNone;  // 5月28日: an event's day
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    *value = buf;
    return Use::kValue;
  }
  if (d.date.find('T') != std::string::npos) return Use::kNone;  // a time stamp
  int month = d.date.size() >= 7 && d.date[4] == '-' ? digits(d.date, 5, 2) : -1;
  int day = d.date.size() >= 10 && d.date[7] == '-' ? digits(d.date, 8, 2) : -1;
  // 截至2019年12月31日 is the year 2019; other days date their month.
  if (month <= 0 || (month == 12 && day >= 28)) {
    *value = d.date.substr(0, 4);
  } else {
    *value = d.date.substr(0, 7);
  }
  return Use::kValue;
}

namespace {

// Whether a change's "to" side ends right before `pos` (减少到1500人).
bool to_side_at(std::string_view text, uint32_t pos) {
  return ends_at(text, pos, "到") || ends_at(text, pos, "至") || ends_at(text, pos, "为");
}

// Whether `s` holds a from word (由, 从) that opens a from/to pair.
bool holds_from_word(std::string_view s) {
  return s.find("由") != std::string_view::npos || s.find("从") != std::string_view::npos;
}

// Whether the text between a from side's date (ending at `b`) and the from
// word of a later figure (ending at `pos`) closes that pair with a "to"
// word (减少到17.5万人) and opens no other from side: then the later figure
// is a second pair written beside the first.
bool pair_closed_between(std::string_view text, uint32_t b, uint32_t pos) {
  if (pos < b + 3) return false;
  const std::string_view between = text.substr(b, pos - b - 3);  // without the later figure's 由 or 从
  if (holds_from_word(between)) return false;
  return between.find("到") != std::string_view::npos || between.find("至") != std::string_view::npos;
}

}  // namespace

// 贫困人口由2014年的3.2万人减少到2019年的1500人，贫困发生率由25.1%下降到
// 1.2%: a from/to pair of figures written without dates takes the dates of
// the dated pair before it in the sentence, side by side. A pair dated on
// its from side only (截至2019年底，贫困人口由2013年底的552万人减少到17.5万人，
// 贫困发生率由26.5%下降到0.9%) gives its from date to the later from figure
// (26.5%: 2013); the to figure is dated as any other (0.9%: 2019).
std::optional<std::string> TimeResolver::paired_date(uint32_t pos, Range sentence) const {
  auto from_word_at = [&](uint32_t p) { return ends_at(text_, p, "由") || ends_at(text_, p, "从"); };
  const bool from_side = from_word_at(pos);
  if (!from_side && !to_side_at(text_, pos)) return std::nullopt;
  // The dated pair: the last two dates before the figure bound by 的 to a
  // figure, the first after 由, the second after a "to" word.
  // Within kPairReach bytes before the figure: a reader pairs the sides of
  // nearby clauses, and a run-on sentence must not make each figure read
  // all of it.
  constexpr uint32_t kPairReach = 600;
  const uint32_t from = pos > sentence.begin + kPairReach ? pos - kPairReach : sentence.begin;
  const Quantity* dated[2] = {nullptr, nullptr};
  size_t i = std::upper_bound(dates_.begin(), dates_.end(), pos,
                              [](uint32_t p, const Quantity* d) { return p <= d->span.begin; }) -
             dates_.begin();
  while (i-- > 0 && !dated[0]) {
    const Quantity& d = *dates_[i];
    if (d.span.begin < from) break;
    if (d.span.end > pos || !starts_at(text_, d.span.end, "的")) continue;
    if (!dated[1]) {
      if (to_side_at(text_, d.span.begin)) {
        dated[1] = &d;
      } else if (from_side && from_word_at(d.span.begin) && pair_closed_between(text_, d.span.end, pos)) {
        dated[0] = &d;  // a pair dated on its from side only
      }
    } else if (from_word_at(d.span.begin)) {
      dated[0] = &d;
    }
  }
  if (!dated[0]) return from_side ? period_start_for_from(pos, sentence) : std::nullopt;
  std::string value;
  if (usable(*dated[from_side ? 0 : 1], &value) != Use::kValue) return std::nullopt;
  // The "to" figure's own pair: its 由 must come after the dated pair.
  if (!from_side) {
    const std::string_view between = text_.substr(dated[1]->span.end, pos - dated[1]->span.end);
    if (!holds_from_word(between)) return std::nullopt;
  }
  return value;
}

std::optional<std::string> TimeResolver::period_start_for_from(uint32_t pos, Range sentence) const {
  // The last date before the figure in its sentence ends the period.
  size_t i = std::upper_bound(dates_.begin(), dates_.end(), pos,
                              [](uint32_t p, const Quantity* d) { return p <= d->span.begin; }) -
             dates_.begin();
  if (i < 2) return std::nullopt;
  const Quantity& end = *dates_[i - 1];
  const Quantity& start = *dates_[i - 2];
  if (end.span.end > pos || start.span.begin < sentence.begin) return std::nullopt;
  // The start and the end joined by a dash word alone: 2013年至2019年, 2013-2019年.
  bool joined = false;
  for (std::string_view dash : {"至", "到", "-", "~", "～", "—", "——"})
    joined = joined || (start.span.end + dash.size() == end.span.begin && starts_at(text_, start.span.end, dash));
  if (!joined) return std::nullopt;
  // Between the period and the figure's own from word: no other date, and
  // every from side opened there closed by its to word (从692万人减少到17.5万人，
  // 贫困发生率从33.2%…: the second pair's from side is 2013 too).
  const std::string_view between = text_.substr(end.span.end, pos - 3 - end.span.end);
  size_t open = std::string_view::npos;
  for (std::string_view w : {"由", "从"})
    if (size_t p = between.rfind(w); p != std::string_view::npos && (open == std::string_view::npos || p > open))
      open = p;
  if (open != std::string_view::npos) {
    const std::string_view rest = between.substr(open);
    if (rest.find("到") == std::string_view::npos && rest.find("至") == std::string_view::npos)
      return std::nullopt;
  }
  std::string value, end_value;
  if (usable(start, &value) != Use::kValue || usable(end, &end_value) != Use::kValue) return std::nullopt;
  return value;
}

bool TimeResolver::ends_month_span(uint32_t b) const {
  for (std::string_view dash : {"至", "到", "-", "~", "～", "—"}) {
    if (!ends_at(text_, b, dash)) continue;
    const uint32_t before = b - static_cast<uint32_t>(dash.size());
    return (before > 0 && text_[before - 1] >= '0' && text_[before - 1] <= '9') || ends_at(text_, before, "月");
  }
  return false;
}

TimeResolver::Use TimeResolver::last_in(uint32_t from, uint32_t to, std::string* value, uint32_t figure,
                                         uint32_t limit, Cursor* cursor) const {
  if (limit == 0) limit = to;
  // Start from the last date starting before `to` (dates_ is in text order).
  size_t i;
  if (cursor) {
    while (cursor->date < dates_.size() && dates_[cursor->date]->span.begin < to) ++cursor->date;
    i = cursor->date;
  } else {
    i = std::upper_bound(dates_.begin(), dates_.end(), to,
                         [](uint32_t p, const Quantity* d) { return p <= d->span.begin; }) -
        dates_.begin();
  }
  // At most kMaxDatesLooked dates back: a sentence holds a few; a run-on
  // text of thousands must not make each figure look at them all.
  constexpr size_t kMaxDatesLooked = 64;
  for (size_t looked = 0; i-- > 0 && looked < kMaxDatesLooked; ++looked) {
    const Quantity& d = *dates_[i];
    if (d.span.begin >= to || d.span.end > limit) continue;
    if (d.span.begin < from) break;
    // 由2018年底的7.12%下降到1.43%: a date bound by 的 to another figure
    // dates only that one; but the end of such a change (减少到2019年底的1209人)
    // is where the sentence's story stands, and dates the figures after it
    // (，114个贫困村全部退出).
    if (figure && starts_at(text_, d.span.end, "的") && d.span.end + 3 != figure && !to_side_at(text_, d.span.begin) &&
        !written_right_after(d.span.end + 3, figure))
      continue;
    Use u = usable(d, value);
    if (u != Use::kNone) return u;
  }
  return Use::kNone;
}

// 由2014年的1.2万户3.8万人: a figure written right after the one a date is
// bound to (its households' people) is dated with it.
bool TimeResolver::written_right_after(uint32_t bound, uint32_t figure) const {
  auto it = std::lower_bound(figures_.begin(), figures_.end(), bound,
                             [](const Quantity* q, uint32_t p) { return q->span.begin < p; });
  return it != figures_.end() && (*it)->span.begin == bound && (*it)->span.end == figure;
}

bool TimeResolver::single_year_in(Range p, std::string* year) const {
  year->clear();
  auto it = std::lower_bound(dates_.begin(), dates_.end(), p.begin,
                             [](const Quantity* d, uint32_t pos) { return d->span.begin < pos; });
  for (; it != dates_.end() && (*it)->span.begin < p.end; ++it) {
    std::string value;
    const Use u = usable(**it, &value);
    if (u == Use::kNone) continue;
    if (u != Use::kValue || value.size() < 4) return false;
    if (!year->empty() && value.compare(0, 4, *year) != 0) return false;
    if (year->empty()) *year = value.substr(0, 4);
  }
  return true;
}

bool TimeResolver::is_bullet(Range p) const { return rules_.bullet_index.any_at(text_, p.begin); }

Range TimeResolver::first_clause(Range r) const {
  for (uint32_t p = r.begin; p < r.end;) {
    int len = 1;
    char32_t c = next_char(text_, p, &len);
    if (clause_mark(c) && !(c == ',' && digit_group_comma(text_, p))) return Range{r.begin, p};
    p += len;
  }
  return r;
}

std::optional<std::string> TimeResolver::time_of(uint32_t pos, int sentence, bool target) const {
  std::optional<std::string> t = own_time_of(pos, sentence, target);
  if (!t || !ends_at(text_, pos, "的") ||
      !(ends_at(text_, pos, "上年的") || ends_at(text_, pos, "上年底的") || ends_at(text_, pos, "上年末的")))
    return t;
  const int y = year_of(*t);
  if (y <= 0) return t;
  return std::to_string(y - 1);
}

std::optional<std::string> TimeResolver::own_time_of(uint32_t pos, int sentence, bool target) const {
  if (sentence < 0 || static_cast<size_t>(sentence) >= seg_.sentences.size()) return std::nullopt;
  std::string value;
  const Sentence& s = seg_.sentences[sentence];
  if (std::optional<std::string> paired = paired_date(pos, s.range)) return paired;
  Use u = last_in(s.range.begin, pos, &value, pos, pos);
  if (u == Use::kValue) return value;
  if (u != Use::kNone) return std::nullopt;  // 今年 with no document year, or 2015年以来
  // A date opening an earlier sentence of the paragraph.
  if (const uint32_t e = earlier_opening_[sentence]; e != kNoOpening) {
    const OpeningDate& earlier = openings_[e];
    if (earlier.use == Use::kValue) return earlier.value;
    if (earlier.use != Use::kNone) return std::nullopt;
  }
  // A list item: the paragraph introducing the list (the nearest earlier one
  // that is no list item itself), unless that is a dateline (a round-up of
  // items under the day it was published).
  if (bullets_[s.paragraph] && list_intro_[s.paragraph] >= 0 && !datelines_[list_intro_[s.paragraph]]) {
    const Range intro = seg_.paragraphs[list_intro_[s.paragraph]];
    Range c = opening(intro);
    u = last_in(c.begin, c.end, &value, 0, intro.end);
    if (u == Use::kValue) return value;
  }
  // A goal under a heading naming its year (三、2021年工作安排 … 计划投入
  // 衔接资金8亿元以上): the heading dates it; a nearer heading without a
  // year ends the search, and so does a paragraph between opening with a
  // date of another year (a dated section of its own: 2019年，全县减贫… then
  // 下一步，确保…; 2021年是开局之年 under 三、2021年工作安排 is the heading's).
  // (A short line holding a day, （2019年11月20日）, is when the text was
  // written, not a heading.)
  if (target && goal_heading_year(s.paragraph, &value)) return value;
  // A report's sections: a paragraph opening with a date frames the
  // undated paragraphs after it (2019年，… then 资金支持方面，…), up to a
  // paragraph holding a date of its own. Not a goal's: the sections report
  // what was done (下一步，确保…全部脱贫 is no figure of that year).
  // A paragraph between holding dates of the frame's year only does not end
  // it (今年以来，… then 健康扶贫方面，…截至10月底… then 教育扶贫方面，…).
  std::string between_year;  // the year of the dates between, if one
  for (size_t k = s.paragraph, steps = 0; !target && k-- > 0 && steps < kCarryParagraphs; ++steps) {
    Range p = seg_.paragraphs[k];
    if (datelines_[k]) continue;  // 2020年4月10日 under a title: when it was written
    Range c = opening(p);
    u = last_in(c.begin, c.end, &value, 0, p.end);
    // 2013年底贫困发生率：30.4%: a date in a label is its value's own, no
    // section's (the lines of a table of figures after it are not 2013's).
    if (u == Use::kValue && labels_its_figure(c)) continue;
    if (u == Use::kValue) {
      if (between_year.empty() || value.compare(0, 4, between_year) == 0) return value;
      break;
    }
    if (u != Use::kNone) break;
    std::string year;
    if (!single_year_in(p, &year) || (!between_year.empty() && year != between_year)) break;
    if (!year.empty()) between_year = year;
  }
  if (!headline_year_.empty()) return headline_year_;
  return std::nullopt;
}

bool TimeResolver::goal_heading_year(size_t paragraph, std::string* value) const {
  std::string passed_year;  // the year of the dated paragraphs passed, if any
  for (size_t k = paragraph, steps = 0; k-- > 0 && steps < kCarryParagraphs; ++steps) {
    const Range p = seg_.paragraphs[k];
    if (datelines_[k]) continue;
    if (!heading(p)) {
      const Range c = opening(p);
      const Use passed = last_in(c.begin, c.end, value, 0, p.end);
      if (passed == Use::kNone) continue;
      if (passed != Use::kValue || (!passed_year.empty() && value->compare(0, 4, passed_year) != 0)) return false;
      passed_year = value->substr(0, 4);
      continue;
    }
    const Use u = last_in(p.begin, p.end, value, 0, p.end);
    if (u == Use::kValue && value->size() == 4) {
      return passed_year.empty() || passed_year == *value;
    }
    if (u == Use::kValue) continue;
    return false;
  }
  return false;
}

bool TimeResolver::heading(Range p) const {
  constexpr uint32_t kMaxHeadingBytes = 60;  // 20 Han characters: 三、2021年工作安排
  if (p.size() > kMaxHeadingBytes) return false;
  const std::string_view t = text_.substr(p.begin, p.size());
  for (std::string_view mark : {"。", "，", "；", "！", "？"})
    if (t.find(mark) != std::string_view::npos) return false;
  auto f = std::lower_bound(figures_.begin(), figures_.end(), p.begin,
                            [](const Quantity* q, uint32_t b) { return q->span.begin < b; });
  return f == figures_.end() || (*f)->span.begin >= p.end;
}

bool TimeResolver::labels_its_figure(Range opening) const {
  const std::string_view o = text_.substr(opening.begin, opening.size());
  return (o.ends_with("：") || o.ends_with(":")) && o.find("，") == std::string_view::npos &&
         o.find(',') == std::string_view::npos;
}

// The opening of a sentence or paragraph, where a date sets the time of what
// follows. With a figure in it, the text before its first figure (at most
// kFigureOpeningBytes): 2016年，全县… / 记者从县扶贫办获悉，截至2019年底，全县…
// Without one, its first kOpeningBytes: a date further into a sentence that
// gives no figure belongs to what the sentence says (会议要求，各乡镇要在
// 2018年3月前完成整改).
Range TimeResolver::opening(Range r, Cursor* cursor) const {
  auto first_figure = figures_.begin();
  if (cursor) {
    while (cursor->figure < figures_.size() && figures_[cursor->figure]->span.begin < r.begin) ++cursor->figure;
    first_figure += static_cast<std::ptrdiff_t>(cursor->figure);
  } else {
    first_figure = std::lower_bound(figures_.begin(), figures_.end(), r.begin,
                                    [](const Quantity* q, uint32_t p) { return q->span.begin < p; });
  }
  if (first_figure == figures_.end() || (*first_figure)->span.begin >= r.end)
    return Range{r.begin, std::min(r.end, r.begin + kOpeningBytes)};
  const uint32_t figure = (*first_figure)->span.begin;
  uint32_t end = std::min(figure, r.begin + kFigureOpeningBytes);
  // 全县贫困人口由2013年底的11.5万人…: a date bound by 的 to the first figure
  // is that figure's own.
  if (end == figure && ends_at(text_, figure, "的")) {
    auto after = std::lower_bound(dates_.begin(), dates_.end(), figure,
                                  [](const Quantity* d, uint32_t p) { return d->span.begin < p; });
    if (after != dates_.begin() && (*(after - 1))->span.end + 3 == figure) end = (*(after - 1))->span.begin;
  }
  return Range{r.begin, std::max(end, r.begin)};
}

}  // namespace aidtext
