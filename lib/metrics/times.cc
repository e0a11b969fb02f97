#include "metrics/times.h"

#include <cstdlib>

#include "core/utf8.h"

namespace aidtext {
namespace {

// The document date is looked for in the first 1 KiB: a page header (title,
// time stamp, source) fits in it, while later dates are the article's own.
constexpr uint32_t kHeaderBytes = 1024;

bool starts_at(std::string_view text, size_t pos, std::string_view w) {
  return pos + w.size() <= text.size() && text.compare(pos, w.size(), w) == 0;
}
bool ends_at(std::string_view text, size_t end, std::string_view w) {
  return end >= w.size() && end <= text.size() && text.compare(end - w.size(), w.size(), w) == 0;
}

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
                           const RulePackData& rules, std::string_view doc_date)
    : text_(text), seg_(seg), dates_(std::move(dates)), rules_(rules) {
  int y = year_of(doc_date);
  if (y > 0) {
    doc_year_ = y;
    return;
  }
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

TimeResolver::Use TimeResolver::usable(const Quantity& d, std::string* value) const {
  // Spaces between a date and its period word are allowed (2015年 以来).
  uint32_t b = d.span.begin, e = d.span.end;
  while (b > 0 && text_[b - 1] == ' ') --b;
  while (e < text_.size() && text_[e] == ' ') ++e;
  for (const std::string& w : rules_.time_start_before)
    if (ends_at(text_, b, w)) return Use::kNone;
  for (const std::string& w : rules_.time_start_after)
    if (starts_at(text_, e, w)) return Use::kNone;
  if (d.relative_date) {
    if (doc_year_ == 0) return Use::kUnknown;
    *value = std::to_string(doc_year_ + d.date_offset);
    return Use::kValue;
  }
  int y = year_of(d.date);
  if (y < 0) return Use::kNone;                                  // 5月28日: no year
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

TimeResolver::Use TimeResolver::last_in(uint32_t from, uint32_t to, std::string* value) const {
  for (size_t i = dates_.size(); i-- > 0;) {
    const Quantity& d = *dates_[i];
    if (d.span.end > to) continue;
    if (d.span.begin < from) break;
    Use u = usable(d, value);
    if (u != Use::kNone) return u;
  }
  return Use::kNone;
}

bool TimeResolver::is_bullet(Range p) const {
  for (const std::string& w : rules_.bullets)
    if (starts_at(text_, p.begin, w)) return true;
  return false;
}

Range TimeResolver::first_clause(Range r) const {
  for (uint32_t p = r.begin; p < r.end;) {
    int len = 1;
    char32_t c = utf8::decode(text_, p, &len);
    if (clause_mark(c)) return Range{r.begin, p};
    p += len;
  }
  return r;
}

std::optional<std::string> TimeResolver::time_of(uint32_t pos, int sentence) const {
  if (sentence < 0 || static_cast<size_t>(sentence) >= seg_.sentences.size()) return std::nullopt;
  std::string value;
  const Sentence& s = seg_.sentences[sentence];
  Use u = last_in(s.range.begin, pos, &value);
  if (u == Use::kValue) return value;
  if (u == Use::kUnknown) return std::nullopt;
  // A date opening an earlier sentence of the paragraph.
  for (int j = sentence - 1; j >= 0 && seg_.sentences[j].paragraph == s.paragraph; --j) {
    u = last_in(seg_.sentences[j].range.begin, first_clause(seg_.sentences[j].range).end, &value);
    if (u == Use::kValue) return value;
    if (u == Use::kUnknown) return std::nullopt;
  }
  // A list item: the paragraph introducing the list.
  const Range para = seg_.paragraphs[s.paragraph];
  if (!is_bullet(para)) return std::nullopt;
  for (size_t k = s.paragraph; k-- > 0;) {
    if (is_bullet(seg_.paragraphs[k])) continue;
    Range c = first_clause(seg_.paragraphs[k]);
    u = last_in(c.begin, c.end, &value);
    if (u == Use::kValue) return value;
    break;
  }
  return std::nullopt;
}

}  // namespace aidtext
