#include "metrics/extractor.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "core/byte_search.h"
#include "core/repair_output.h"
#include "core/utf8.h"
#include "metrics/char_scan.h"
#include "metrics/context.h"
#include "metrics/places.h"
#include "metrics/rule_pack_data.h"
#include "metrics/tables.h"
#include "metrics/times.h"
#include "numerals/recognizer.h"
#include "text/segmenter.h"

namespace aidtext {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Compared as views of literals (a size test, then the bytes inline):
// std::string == const char* took a strlen and a memcmp call each, and
// is_figure, asked of every quantity, 26,000 instructions a round of the
// dev articles.
bool metric_unit(std::string_view u) {
  using namespace std::string_view_literals;
  for (std::string_view m : {"person"sv, "person_time"sv, "household"sv, "count"sv, "CNY"sv, "percent"sv})
    if (u == m) return true;
  return false;
}

// Whether a quantity can be a metric figure at all.
bool is_figure(const Quantity& q, std::string_view surface) {
  if (q.kind != QuantityKind::kQuantity) return false;
  if (!q.has_value()) return false;  // out of range: a flagged quantity, never a metric
  if (q.unit.empty()) return ends_with(surface, "万") || ends_with(surface, "亿");
  if (!metric_unit(q.unit)) return false;
  // 一个, 一批: the indefinite article, not a count of one.
  if (surface.size() == 6 && surface.compare(0, 3, "一") == 0) return false;
  return true;
}

// Places agree when one names the other with or without its suffix
// (张掖 = 张掖市) or is a prefix of it; a missing place agrees with any.
std::string_view stem_of(std::string_view name) {
  static constexpr std::string_view kSuffixes[] = {"省", "市", "县", "州", "区", "镇", "乡", "村", "旗", "盟"};
  for (std::string_view s : kSuffixes)
    if (name.size() > s.size() && ends_with(name, s)) return name.substr(0, name.size() - s.size());
  return name;
}

bool same_place(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b) return true;
  std::string_view x = stem_of(*a), y = stem_of(*b);
  size_t n = std::min(x.size(), y.size());
  return x.substr(0, n) == y.substr(0, n);
}

// The sentence holding a figure; of a run-on "sentence" longer than 1 KiB
// (a page without full stops), the 300 bytes either side of the figure, cut
// at character boundaries, so records stay small whatever the input.
std::string evidence(std::string_view text, Range sentence, Range figure) {
  constexpr uint32_t kMaxSentence = 1024, kSide = 300;
  if (sentence.size() <= kMaxSentence) return std::string(text.substr(sentence.begin, sentence.size()));
  uint32_t b = figure.begin > sentence.begin + kSide ? figure.begin - kSide : sentence.begin;
  uint32_t e = figure.end + kSide < sentence.end ? figure.end + kSide : sentence.end;
  while (b > sentence.begin && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  while (e < sentence.end && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
  return std::string(text.substr(b, e - b));
}

// A headline: one short line without a sentence end.
bool headline(std::string_view sentence) {
  constexpr size_t kMaxHeadlineBytes = 150;
  return sentence.size() <= kMaxHeadlineBytes && sentence.find("。") == std::string_view::npos &&
         sentence.find("，") == std::string_view::npos;
}

// Where a record was read: its sentence, and whether that sentence stands
// in a headline line (a one-line paragraph with no sentence end).
struct Origin {
  Range sentence;
  bool headline_line = false;
};

// A title line: a paragraph of at most kMaxTitleBytes (60 Chinese
// characters, longer than any headline in the genre) with no 。！？.
bool headline_line(std::string_view text, Range paragraph) {
  constexpr uint32_t kMaxTitleBytes = 180;
  if (paragraph.size() > kMaxTitleBytes) return false;
  std::string_view p = text.substr(paragraph.begin, paragraph.size());
  return p.find("。") == std::string_view::npos && p.find("！") == std::string_view::npos &&
         p.find("？") == std::string_view::npos;
}

// text[r], without spaces (a restatement may space its words differently).
std::string without_spaces(std::string_view text, Range r) {
  std::string out;
  out.reserve(r.size());
  for (size_t i = r.begin; i < r.end;) {
    if (size_t len = space_at(text, i)) {
      i += len;
      continue;
    }
    out.push_back(text[i++]);
  }
  return out;
}

// Whether a clause mark (、 included: a list item is a clause of its own)
// starts at text[i].
bool clause_mark_at(std::string_view text, size_t i) {
  char c = text[i];
  if (c == ',') return !digit_group_comma(text, i);
  if (c == ';' || c == ':') return true;
  for (std::string_view m : {"，", "；", "：", "。", "！", "？", "、"})
    if (text.compare(i, m.size(), m) == 0) return true;
  return false;
}

// The clause holding `figure` in `sentence`: from the clause mark before it
// to the one after it, at most kClauseReach bytes either side.
Range clause_around(std::string_view text, Range sentence, Range figure) {
  uint32_t b = figure.begin, e = figure.end;
  const uint32_t lo = figure.begin > sentence.begin + kClauseReach ? figure.begin - kClauseReach : sentence.begin;
  const uint32_t hi = std::min(sentence.end, figure.end + kClauseReach);
  for (uint32_t p = figure.begin; p > lo;) {
    uint32_t q = p - 1;
    while (q > lo && (static_cast<unsigned char>(text[q]) & 0xC0) == 0x80) --q;
    if (clause_mark_at(text, q)) break;
    b = p = q;
  }
  while (e < hi && !clause_mark_at(text, e)) ++e;
  return Range{b, e};
}

// A headline restating a body sentence, or the other way round: the clause
// of one record's figure stands word for word (spaces aside) around the
// other's figure. The clause must hold at least two characters besides the
// figure, so that a bare number never makes two facts one.
bool restated(std::string_view text, const Origin& a, Range fig_a, const Origin& b, Range fig_b) {
  if (!a.headline_line && !b.headline_line) return false;
  auto clause_found = [&](const Origin& x, Range fx, const Origin& y, Range fy) {
    Range c = clause_around(text, x.sentence, fx);
    if (c.size() < fx.size() + 6) return false;
    std::string clause = without_spaces(text, c);
    Range around{fy.begin > y.sentence.begin + kClauseReach ? fy.begin - kClauseReach : y.sentence.begin,
                 std::min(y.sentence.end, fy.end + kClauseReach)};
    return without_spaces(text, around).find(clause) != std::string::npos;
  };
  return clause_found(a, fig_a, b, fig_b) || clause_found(b, fig_b, a, fig_a);
}

// Whether `head`, an approximation in a headline (超过12亿元), rounds `body`,
// an exact figure of the text (签约金额12.4亿元): within a fifth above a floor
// or below a ceiling, a tenth either side of an "about".
bool rounds(const MetricRecord& head, const MetricRecord& body) {
  if (body.approx != Approx::kNone) return false;
  const double h = head.value.to_double(), b = body.value.to_double();
  if (!(h > 0)) return false;
  switch (head.approx) {
    case Approx::kOver: return b >= h && b < h * 1.2;
    case Approx::kUnder: return b <= h && b > h / 1.2;
    case Approx::kAbout: return b >= h * 0.9 && b <= h * 1.1;
    default: return false;
  }
}

// The records stating one fact (the same metric, unit and value), for
// merge_duplicate: for each such key, the records filed under it in the
// order filed. Keys are found in an open-addressed table of their indexes
// (a power of two, at most half full) hashed on the normalized value and
// the ends of the metric and unit; a map of strings metric|unit|value built
// a key string or two and a list for each record (about 170 allocations a
// round of the dev articles).
class RecordIndex {
 public:
  // Room for a document's records (grown from empty, the lists took five
  // allocations a document).
  RecordIndex() : slots_(kFirstSlots, kEmpty) {
    keys_.reserve(kFirstSlots / 2);
    nodes_.reserve(kFirstSlots);
  }
  // The key of r's metric, unit and value, added when new.
  size_t key_of(const MetricRecord& r) {
    const Decimal value = r.value.normalized();
    const uint64_t h = hash(r.metric, r.unit, value);
    if (2 * (keys_.size() + 1) > slots_.size()) grow();
    const size_t mask = slots_.size() - 1;
    size_t s = static_cast<size_t>(h >> 32) & mask;
    for (; slots_[s] != kEmpty; s = (s + 1) & mask) {
      const Key& key = keys_[slots_[s]];
      if (key.hash == h && key.value.mantissa() == value.mantissa() && key.value.exponent() == value.exponent() &&
          key.unit == r.unit && key.metric == r.metric)
        return slots_[s];
    }
    slots_[s] = static_cast<uint32_t>(keys_.size());
    keys_.push_back(Key{r.metric, r.unit, value, h});
    return keys_.size() - 1;
  }
  // Files record `record` under `key`, after those filed before.
  void file(size_t key, size_t record) {
    const int node = static_cast<int>(nodes_.size());
    nodes_.push_back(Node{record, -1});
    Key& k = keys_[key];
    (k.last < 0 ? k.first : nodes_[static_cast<size_t>(k.last)].next) = node;
    k.last = node;
  }
  // The first record filed under `key` for which `pred` holds, in the
  // order filed; SIZE_MAX when none.
  template <typename Pred>
  size_t find_filed(size_t key, Pred pred) const {
    for (int n = keys_[key].first; n >= 0; n = nodes_[static_cast<size_t>(n)].next)
      if (pred(nodes_[static_cast<size_t>(n)].record)) return nodes_[static_cast<size_t>(n)].record;
    return SIZE_MAX;
  }

 private:
  static constexpr size_t kFirstSlots = 32;
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Key {
    std::string metric, unit;
    Decimal value;  // normalized
    uint64_t hash;
    int first = -1, last = -1;  // its list of nodes
  };
  struct Node {
    size_t record;
    int next;  // the next node of its key's list, or -1
  };
  // Up to eight bytes of s from its start (or ending at its end).
  static uint64_t word_of(std::string_view s, bool from_end) {
    uint64_t w = 0;
    const size_t n = std::min<size_t>(s.size(), 8);
    std::memcpy(&w, s.data() + (from_end ? s.size() - n : 0), n);
    return w;
  }
  static uint64_t hash(std::string_view metric, std::string_view unit, const Decimal& value) {
    uint64_t h = static_cast<uint64_t>(value.mantissa()) * 0x9E3779B97F4A7C15ull;
    for (const uint64_t x : {uint64_t(static_cast<uint32_t>(value.exponent())), metric.size() * 31 + unit.size(),
                             word_of(metric, false), word_of(metric, true), word_of(unit, false)})
      h = (h ^ x) * 0xC2B2AE3D27D4EB4Full;
    return h ^ (h >> 29);
  }
  void grow() {
    std::vector<uint32_t> slots(slots_.size() * 2, kEmpty);
    const size_t mask = slots.size() - 1;
    for (size_t k = 0; k < keys_.size(); ++k) {
      size_t s = static_cast<size_t>(keys_[k].hash >> 32) & mask;
      while (slots[s] != kEmpty) s = (s + 1) & mask;
      slots[s] = static_cast<uint32_t>(k);
    }
    slots_ = std::move(slots);
  }
  std::vector<Key> keys_;
  std::vector<uint32_t> slots_;  // indexes into keys_, or kEmpty
  std::vector<Node> nodes_;
};

// A headline's rounded figure and the text's exact one (rounds()) are one
// fact, kept as the text states it; true if `r` was merged. Headlines'
// approximations are few: both directions scan the kept records, and only
// when a headline approximation is involved (`headline_approx`: how many
// are kept).
bool merge_rounded(std::vector<MetricRecord>& kept, std::vector<Origin>& origins, RecordIndex& index,
                   const MetricRecord& r,
                   const Origin& origin, size_t* headline_approx) {
  const bool head = origin.headline_line && r.approx != Approx::kNone;
  if (!head && (*headline_approx == 0 || origin.headline_line || r.approx != Approx::kNone)) return false;
  for (size_t i = 0; i < kept.size(); ++i) {
    MetricRecord& k = kept[i];
    if (k.metric != r.metric || k.unit != r.unit) continue;
    const bool conflict = (k.time && r.time && *k.time != *r.time) || (k.place && r.place && *k.place != *r.place);
    if (conflict) continue;
    if (head && !origins[i].headline_line && rounds(r, k)) {
      if (!k.time) k.time = r.time;
      if (!k.place) k.place = r.place;
      return true;
    }
    if (!head && origins[i].headline_line && rounds(k, r)) {
      std::optional<std::string> time = k.time ? k.time : r.time, place = k.place ? k.place : r.place;
      k = r;
      k.time = std::move(time);
      k.place = std::move(place);
      origins[i] = origin;
      --*headline_approx;
      index.file(index.key_of(r), i);
      return true;
    }
  }
  if (head) ++*headline_approx;
  return false;
}

// Merges a record into an earlier one stating the same fact; true if merged.
// A headline repeating a body figure is the same fact wherever each puts it;
// so is one restating the body's clause word for word, even when the body
// sentence takes another time or place from the paragraph around it.
bool merge_duplicate(std::string_view text, std::vector<MetricRecord>& kept, std::vector<Origin>& origins,
                     RecordIndex& index, const MetricRecord& r, const Origin& origin, size_t* headline_approx) {
  const size_t key = index.key_of(r);
  const size_t same = index.find_filed(key, [&](size_t i) {
    const MetricRecord& k = kept[i];
    if (k.metric != r.metric || k.unit != r.unit || k.approx != r.approx || !(k.value == r.value)) return false;
    bool agree = !(k.time && r.time && *k.time != *r.time) &&
                 (same_place(k.place, r.place) || headline(k.sentence) || headline(r.sentence));
    return agree || restated(text, origins[i], k.span, origin, r.span);
  });
  if (same != SIZE_MAX) {
    MetricRecord& k = kept[same];
    if (!k.time) k.time = r.time;
    if (!k.place) k.place = r.place;
    return true;
  }
  if (merge_rounded(kept, origins, index, r, origin, headline_approx)) return true;
  index.file(key, kept.size());
  origins.push_back(origin);
  return false;
}

// The autonomous region a document names bare (新疆, 西藏, 宁夏, 广西, 内蒙古):
// its focus when it is one, else the first one named; nullptr when none is.
const std::string* autonomous_region_named(const PlaceIndex& places) {
  static constexpr std::string_view kRegions[] = {"新疆", "西藏", "宁夏", "广西", "内蒙古"};
  auto is_region = [](std::string_view n) { return std::find(std::begin(kRegions), std::end(kRegions), n) != std::end(kRegions); };
  if (is_region(places.focus())) return &places.focus();
  for (const PlaceMention& m : places.mentions())
    if (m.governs && is_region(m.name)) return &m.name;
  return nullptr;
}

// 全国 starting a title or a body's name (全国人大代表, 全国脱贫攻坚先进个人,
// 全国文明村): no subject of the figures after it.
bool national_title(std::string_view text, size_t after) {
  for (std::string_view w : {"人大", "政协", "先进", "优秀", "劳动模范", "劳模", "文明", "模范", "扶贫日", "示范", "百强", "重点"})
    if (starts_at(text, after, w)) return true;
  return false;
}

// Whether a name is of a town, township or village (镇, 乡, 村).
bool below_county(std::string_view name) {
  return ends_with(name, "镇") || ends_with(name, "乡") || ends_with(name, "村");
}

// 全县贫困发生率降至1.8%: a figure of the whole county (全县, 全市, 全州, …;
// or of the reporter's own, 我县, 本县
// written before it in its sentence, with no name between: 全县贫困人口减少到
// 1209人，贫困发生率下降到0.66% speaks of the county in both clauses) belongs to the
// nearest county named before it in the document (the first one after it
// when none is; else the nearest of the pack's bare names, 甘肃 for 全省),
// not to the town the sentence named last. Returns whether the clause says
// so; *place is then that name, or nullopt when the text names no such
// area (全省 in a county's report).
// ◆ 康乐县：全县剩余贫困人口…: the name a paragraph opens with, followed by
// a colon, when nothing but a bullet and spaces stands before it (an item of
// a round-up of several areas is about the area it is labelled with).
const PlaceMention* paragraph_label(const PlaceIndex& places, std::string_view text, Range para) {
  // Room for a bullet and spaces before the name (◆ , ■　, 1. ).
  constexpr uint32_t kLabelLead = 12;
  const auto it = places.first_from(para.begin);
  if (it == places.mentions().end() || it->span.begin > para.begin + kLabelLead || it->span.end >= para.end ||
      !it->governs)
    return nullptr;
  for (size_t i = para.begin; i < it->span.begin;) {
    int len = 1;
    if (utf8::is_han(next_char(text, i, &len))) return nullptr;
    i += static_cast<size_t>(len);
  }
  if (!starts_at(text, it->span.end, "：") && !starts_at(text, it->span.end, ":")) return nullptr;
  return &*it;
}

// Whether a reader has met a name that starts at `at` by the figure `q`:
// before it, in its sentence, or in the document's lead (its title lines and
// first paragraph, up to `lead_end`). A name first written further on (a
// table or a paragraph below: 全县贫困人口减少到1.2万人。…… 渭源县 3000人)
// is no place the figure was read as.
bool named_by(uint32_t at, const Quantity& q, Range sentence, uint32_t lead_end) {
  return at < q.span.begin || at < sentence.end || at < lead_end;
}

// Where the document's lead ends: its first paragraph, after the title
// lines before it (short paragraphs with no sentence end, headline_line),
// at most kMaxLead paragraphs in all.
uint32_t lead_end_of(std::string_view text, const Segmentation& seg) {
  constexpr size_t kMaxLead = 4;
  for (size_t p = 0; p < seg.paragraphs.size(); ++p)
    if (p + 1 == kMaxLead || !headline_line(text, seg.paragraphs[p])) return seg.paragraphs[p].end;
  return seg.paragraphs.empty() ? 0 : seg.paragraphs.back().end;
}

bool whole_area_place(const PlaceIndex& places, const RulePackData& rules, Range sentence, Range para,
                      uint32_t lead_end, const Quantity& q, std::string_view text, const CharIndex& chars,
                      std::optional<std::string>* place) {
  // The sentence's words before the figure, at most kWholeReach bytes of
  // them: a reader takes 全县 as the subject of the clauses that follow it,
  // and a run-on sentence must not make each figure read all of it.
  constexpr uint32_t kWholeReach = 600;
  const uint32_t from = q.span.begin > sentence.begin + kWholeReach ? q.span.begin - kWholeReach
                                                                     : std::min(sentence.begin, q.span.begin);
  // A name written after 全县 and before the figure speaks for it instead:
  // only the words after the last name can hold a 全县 that applies.
  const PlaceMention* named = places.last_mention_in(Range{from, q.span.begin});
  const uint32_t scan_from = named ? named->span.end : from;
  const std::string_view lead = text.substr(scan_from, q.span.begin - scan_from);
  // 记者从自治区扶贫办获悉，…: 自治区 standing alone is the region the report
  // is from, named bare elsewhere in it (新疆, 西藏 …).
  if (const size_t at = rfind_bytes(lead, "自治区"); at != std::string_view::npos && !ends_at(lead, at, "族")) {
    if (const std::string* region = autonomous_region_named(places)) {
      *place = *region;
      return true;
    }
  }
  // The last 全县, or the reporter's own area (我县, 本县: the same county).
  size_t at = std::string_view::npos;
  char32_t suffix = 0;
  // Whether one of 全, 我, 本 at lead[i] (with room for a character after
  // it) starts such a word.
  auto whole_word_at = [&](size_t i) {
    const std::string_view w = lead.substr(i, 3);
    if (w != "全" && w != "我" && w != "本") return false;
    int len = 1;
    const char32_t c = next_char(lead, i + 3, &len);
    if (!rules.is_suffix(c) && !(c == U'国' && w == "全" && !national_title(lead, i + 6))) return false;
    at = i;
    suffix = c;
    return true;
  };
  if (chars.has_classes() && chars.aligned()) {
    // Back through the characters of kRareWordClass (全, 我, 本 …), eight
    // characters a test: every figure's 600 bytes before it, byte by byte,
    // took 40,000 instructions a round of the dev articles.
    const size_t first = chars.index_at(scan_from);
    for (size_t k = chars.index_at(q.span.begin); (k = chars.last_in_class(first, k, kRareWordClass)) != SIZE_MAX;) {
      const size_t i = chars.offset(k) - scan_from;
      if (i + 6 <= lead.size() && whole_word_at(i)) break;
    }
  } else {
    // One backward pass over the lead bytes of 全 (E5 85 A8), 我 (E6 88 91)
    // and 本 (E6 9C AC).
    for (size_t i = lead.size() >= 6 ? lead.size() - 6 + 1 : 0; i-- > 0;) {
      const unsigned char b = static_cast<unsigned char>(lead[i]);
      if ((b == 0xE5 || b == 0xE6) && whole_word_at(i)) break;
    }
  }
  if (at == std::string_view::npos) return false;
  // 全国农村贫困人口551万人: the nation's figure, of no administrative area.
  if (suffix == U'国') {
    *place = std::nullopt;
    return true;
  }
  const uint32_t whole_at = scan_from + static_cast<uint32_t>(at);
  const std::vector<PlaceMention>& ms = places.mentions();
  const auto after = places.first_from(whole_at);
  // 湘西全州: the name written right before 全 is the whole area.
  if (after != ms.begin() && std::prev(after)->span.end == whole_at) {
    *place = std::prev(after)->name;
    return true;
  }
  std::string ending;
  utf8::append(ending, suffix);
  auto ends_in_suffix = [&](std::string_view name) { return ends_at(name, name.size(), ending); };
  auto ends_with_suffix = [&](const PlaceMention& m) { return m.governs && ends_in_suffix(m.name); };
  // A round-up's item labelled with such an area (◆ 康乐县：…全县…) is about
  // it, whatever the document's focus.
  if (const PlaceMention* label = paragraph_label(places, text, para);
      label && label->span.end <= whole_at && ends_in_suffix(label->name)) {
    *place = label->name;
    return true;
  }
  // The document's focus, when it is such an area: 全市 in a report on
  // 定西市 that names its partner 福州市 nearer; not one first named
  // after the figure, past its sentence and the document's lead.
  if (ends_in_suffix(places.focus()) && named_by(places.focus_at(), q, sentence, lead_end)) {
    *place = places.focus();
    return true;
  }
  // At most kMaxLooked mentions each way: a page of thousands of names must
  // not make each figure read them all.
  constexpr std::ptrdiff_t kMaxLooked = 512;
  const auto first = after - std::min(after - ms.begin(), kMaxLooked);
  const auto last = after + std::min(ms.end() - after, kMaxLooked);
  for (auto it = after; it != first;) {
    if (ends_with_suffix(*--it)) {
      *place = it->name;
      return true;
    }
  }
  // The first such area named after it: only one a reader has met by the
  // figure (named before it in any role, in its sentence or in the lead:
  // 来源：会宁县融媒体中心 …全县… 会宁县将实现…), not one a later paragraph
  // or a table below names first.
  for (auto it = after; it != last; ++it)
    if (ends_with_suffix(*it)) {
      if (!named_by(it->span.begin, q, sentence, lead_end) &&
          !named_by(places.first_named(it->name), q, sentence, lead_end))
        break;
      *place = it->name;
      return true;
    }
  // 前石村党支部书记…带动全村83户: else the nearest village or town named
  // before it only as part of an organisation's name (not a county or
  // district: 火炬区组团 is often the giver's team, 全区 the district it aids).
  for (auto it = after; below_county(ending) && it != first;) {
    --it;
    if (it->org && ends_in_suffix(it->name)) {
      *place = it->name;
      return true;
    }
  }
  // The pack's names written without a suffix (甘肃地处内陆。全省…): provinces
  // and regions, or cities (重庆), never the whole of a county or prefecture;
  // not one of a list (天津、福建两省市向我省投入…: the givers).
  const bool province_level = suffix == U'省' || suffix == U'区' || suffix == U'市';
  for (auto it = after; province_level && it != first;) {
    --it;
    if (it->governs && !it->listed && std::find(rules.places.begin(), rules.places.end(), it->name) != rules.places.end()) {
      *place = it->name;
      return true;
    }
  }
  // 我县 in a notice signed 礼县扶贫开发领导小组办公室: the area named only in
  // an organisation's name.
  if (ends_in_suffix(places.self_area())) {
    *place = places.self_area();
    return true;
  }
  // 全州 in a report of 临夏州人民政府办公室 that names no prefecture of its
  // own: the area it is issued for (not a partner's team: 火炬区组团).
  if (ends_in_suffix(places.issuer_area())) {
    *place = places.issuer_area();
    return true;
  }
  place->reset();
  return true;
}

// 岷县、漳县分别减贫1.2万人、0.9万人: the k-th figure after 分别 gets the
// k-th name of the list before it; nullopt when no such list applies.
std::optional<std::string> listed_place(const PlaceIndex& places, const RulePackData& rules, Range sentence,
                                        const Quantity& q, size_t k,
                                        const std::vector<const Quantity*>& group,
                                        const std::vector<Attachment>& atts, std::string_view text) {
  // 分别 in the figure's own clause (no ， between them), within the 600
  // bytes before it (a list longer than that is no list a reader follows).
  constexpr uint32_t kListReach = 600;
  const uint32_t list_from = q.span.begin > sentence.begin + kListReach ? q.span.begin - kListReach : sentence.begin;
  std::string_view before = text.substr(list_from, q.span.begin - list_from);
  size_t split = rfind_bytes(before, "分别");
  if (split != std::string_view::npos && before.find("，", split) == std::string_view::npos &&
      before.find(",", split) == std::string_view::npos) {
    uint32_t at = list_from + static_cast<uint32_t>(split);
    // The list of places the 分别 refers to: right before it, or the last
    // list earlier in the sentence (…分别减贫…，贫困发生率分别降至…). Walk
    // back from 分别 and stop at the first list (each call is bounded by
    // PlaceIndex::kMaxListNames).
    std::vector<std::string> list;
    const std::vector<PlaceMention>& ms = places.mentions();
    auto first = places.first_from(list_from);
    auto last = std::upper_bound(first, ms.end(), at,
                                 [](uint32_t p, const PlaceMention& m) { return p < m.span.end; });
    for (auto it = last; it != first && list.size() < 2;) {
      --it;
      list = places.list_ending_at(text, it->span.end);
    }
    // 黄岛区、崂山区分别向武都区、康县拨付…: the figures follow the list of
    // recipients right after 分别, not the givers before it.
    const uint32_t after = at + static_cast<uint32_t>(std::string_view("分别").size());
    for (const std::string& w : rules.recipient_before) {
      if (!starts_at(text, after, w)) continue;
      const uint32_t list_at = after + static_cast<uint32_t>(w.size());
      auto r = places.first_from(list_at);
      if (r == ms.end() || r->span.begin != list_at) break;
      std::vector<std::string> recipients;
      // The list grows name by name from list_at; it ends where it stops growing.
      for (; r != ms.end() && r->span.end <= q.span.begin; ++r) {
        std::vector<std::string> l = places.list_ending_at(text, r->span.end, true);
        if (l.size() <= recipients.size()) break;
        recipients = std::move(l);
      }
      if (recipients.size() >= 2) list = std::move(recipients);
      break;
    }
    if (list.size() >= 2) {
      size_t index = 0;
      for (size_t j = k; j-- > 0 && group[j]->span.begin > at;)
        if (atts[j].metric >= 0) ++index;
      if (index < list.size()) return list[index];
    }
  }
  return std::nullopt;
}

// The last of `names`, or the document's focus when they are several and
// name it (定西市与福州市深化劳务协作: the report's city, not its partner).
std::optional<std::string> focus_or_last(const PlaceIndex& places, const PlaceIndex::GoverningNames& names) {
  if (names.empty()) return std::nullopt;
  bool several = false, focus_named = false;
  for (const std::string* n : names) {
    several = several || *n != *names.back();
    focus_named = focus_named || *n == places.focus();
  }
  if (several && focus_named) return places.focus();
  return *names.back();
}

// The nearest governing name before the figure in its sentence, or the
// document's focus when the sentence names several (镇雄县与宁波市北仑区开展
// 协作…); nullopt when it names none. Names standing in a list do not count
// (来自贵州、广西、四川等9个省区的企业: none of them alone is the figure's).
std::optional<std::string> sentence_place(const PlaceIndex& places, Range sentence, const Quantity& q) {
  return focus_or_last(places, places.governing(sentence.begin, q.span.begin, true));
}

// 引导56家企业到恩施州投资兴业: a place after the figure in its clause that
// the clause sends it to, to settle (an away-before word before the name, a
// destination-after word after it), receives it, whoever sent it; nullopt
// when there is none.
std::optional<std::string> destination_place(const PlaceIndex& places, const RulePackData& rules, Range clause,
                                             const Quantity& q, std::string_view text) {
  if (rules.destination_after.empty()) return std::nullopt;
  const std::vector<PlaceMention>& ms = places.mentions();
  auto it = places.first_from(q.span.end);
  for (; it != ms.end() && it->span.end <= clause.end; ++it) {
    bool to = false, settles = false;
    for (const std::string& w : rules.away_before) to = to || ends_at(text, it->span.begin, w);
    for (const std::string& w : rules.destination_after) settles = settles || starts_at(text, it->span.end, w);
    if (to && settles) return it->name;
  }
  return std::nullopt;
}

// 武都区8650万元、宕昌县7120万元; 武都区落实…万元，宕昌县落实…万元: the names
// in the figure's clause after the figure before it (if any) label this
// figure: the last of them, or the focus when they are several and name it;
// else those of its clause before it (not a list of several names: the
// figure counts them). nullopt when the clause names none
// before it.
std::optional<std::string> own_stretch_place(const PlaceIndex& places, Range clause, const Quantity& q, size_t k,
                                             const std::vector<const Quantity*>& group) {
  uint32_t from = clause.begin;
  if (k > 0 && group[k - 1]->span.end > from && group[k - 1]->span.end <= q.span.begin) from = group[k - 1]->span.end;
  if (from >= q.span.begin) return std::nullopt;
  PlaceIndex::GoverningNames names = places.governing(from, q.span.begin);
  // 安定区、陇西县、渭源县、临洮县4个县区脱贫摘帽: a list of several names is
  // what the figure counts or sums, none of them the area it is about.
  if (names.size > 1 && places.governing(from, q.span.begin, true).empty()) names.size = 0;
  if (std::optional<std::string> own = focus_or_last(places, names)) return own;
  // 云南省由179万人减少到37.2万人: else the clause's subject before the figure.
  if (from == clause.begin) return std::nullopt;
  return focus_or_last(places, places.governing(clause.begin, q.span.begin));
}

// 为期四天的2020广州消费扶贫产品展销会: four digits of a year (1990–2039)
// written bare right before a name, at the start of a phrase (after a mark,
// a space or 的), label what follows with that year, as 2020年 would. Not
// after another character (种植2020株: a count whose classifier the
// recognizer does not know).
bool year_label(const Quantity& q, std::string_view text) {
  if (q.kind != QuantityKind::kQuantity || !q.unit.empty() || q.approx != Approx::kNone || q.span.size() != 4 ||
      q.span.end >= text.size())
    return false;
  int year = 0;
  for (uint32_t i = q.span.begin; i < q.span.end; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    year = year * 10 + (text[i] - '0');
  }
  if (year < 1990 || year > 2039) return false;
  if (q.span.begin > 0) {
    int len = 1;
    const char32_t before = next_char(text, utf8::char_start_before(text, q.span.begin), &len);
    if ((before >= '0' && before <= '9') || before == '.' || (utf8::is_han(before) && before != U'的')) return false;
  }
  int len = 1;
  return utf8::is_han(next_char(text, q.span.end, &len));
}

// 剩余贫困村9个将于2020年全部出列, 确保剩余15个贫困村到2020年全部出列: a
// target is dated by the year it is to be met, a date after the figure in its
// clause written right after 于, 在 or 到 (将于, 力争在, 到); nullopt when
// there is none (the dates before it then date it: 2021年计划减贫1万人).
std::optional<std::string> due_time(const TimeResolver& times, const std::vector<const Quantity*>& dates,
                                    Range clause, const Quantity& q, std::string_view text) {
  auto it = std::lower_bound(dates.begin(), dates.end(), q.span.end,
                             [](const Quantity* d, uint32_t p) { return d->span.begin < p; });
  for (; it != dates.end() && (*it)->span.end <= clause.end; ++it) {
    const uint32_t at = (*it)->span.begin;
    if (!(ends_at(text, at, "于") || ends_at(text, at, "在") || ends_at(text, at, "到"))) continue;
    if (std::optional<std::string> t = times.time_of_date(**it)) return t;
  }
  return std::nullopt;
}

// 贫困人口由288万人减少至0, 从1.2万户降为零: the bare 0 (or 零) that ends a
// from/to pair counts what the from figure counts; the recognizer gives a
// bare 0 no unit (and 零 alone no quantity), and a reader takes the from
// figure's. `from` is a figure with a unit; the answer is the 0 as a figure
// of its unit, nullopt when `from` opens no such pair: 由 or 从 before it in
// its clause, one of the to-words right after it, then 0 or 零 ending the
// clause (not 降至0.5%, 减少到0.8万人: figures of their own; not 降为零散…).
std::optional<Quantity> zero_closing_pair(const Quantity& from, std::string_view text) {
  static constexpr std::string_view kToWords[] = {"减少至", "减少到", "下降至", "下降到", "降至", "降到",
                                                  "降为",   "减至",   "减到",   "减为"};
  if (from.unit.empty()) return std::nullopt;
  // A to-word right after it (each starts with 减, 下 or 降: one decode
  // rules out nearly every figure), then the zero ending its clause.
  int first_len = 1;
  const char32_t first = from.span.end < text.size() ? next_char(text, from.span.end, &first_len) : 0;
  if (first != U'减' && first != U'下' && first != U'降') return std::nullopt;
  size_t at = from.span.end;
  bool to = false;
  for (std::string_view w : kToWords)
    if (starts_at(text, at, w)) {
      at += w.size();
      to = true;
      break;
    }
  if (!to) return std::nullopt;
  size_t end = 0;
  if (starts_at(text, at, "0")) end = at + 1;
  else if (starts_at(text, at, "零")) end = at + std::string_view("零").size();
  else return std::nullopt;
  if (end < text.size()) {
    int len = 1;
    const char32_t c = next_char(text, end, &len);
    if (!(c == U'，' || c == U'。' || c == U'；' || c == U'、' || c == ',' || c == ';' || c == '\n' || c == U'！'))
      return std::nullopt;
  }
  // 由 or 从 within a few characters before it in its clause (由2014年底的288万人).
  constexpr int kMaxBack = 10;
  bool paired = false;
  for (uint32_t p = from.span.begin, n = 0; p > 0 && n < kMaxBack && !paired; ++n) {
    p = static_cast<uint32_t>(utf8::char_start_before(text, p));
    int len = 1;
    const char32_t c = next_char(text, p, &len);
    if (c == U'由' || c == U'从') paired = true;
    else if (c == U'，' || c == U'。' || c == U'；' || c == U'：' || c == ',' || c == ';') break;
  }
  if (!paired) return std::nullopt;
  Quantity zero = from;
  zero.span = Range{static_cast<uint32_t>(at), static_cast<uint32_t>(end)};
  zero.value = Decimal(0);
  zero.value_high.reset();
  zero.approx = Approx::kNone;
  zero.number = zero.span;  // the 0 alone: no approximation word, no unit written
  zero.error = NumeralError::kNone;
  return zero;
}

// 全县贫困人口实现清零, 贫困人口全部清零: each zero word of the pack
// (清零) written right after a cue of a zero-subject group (贫困人口), or
// after such a cue and a zero-filler word (实现, 全部), as a figure of 0 in
// the group's unit whose text is the zero word; in text order, at most
// kMaxZeroWords. The rules still decide its metric, and it gives a record
// only as a level (the caller's check).
std::vector<Quantity> zero_word_figures(std::string_view text, const CharIndex& chars, const TimeResolver* times,
                                        const RulePackData& rules) {
  std::vector<Quantity> out;
  if (rules.zero_words.empty() || rules.zero_subjects.empty()) return out;
  constexpr size_t kMaxZeroWords = 64;
  // The words' last characters (零 for 清零 and 归零), of kRareWordClass:
  // their ends as the time resolver listed them (`times`), else from a scan
  // of the index. (find_bytes' memmem took 180,000 instructions a round of
  // the dev articles for 零 alone, memchr for its last byte 30,000, a scan
  // of the index of its own 22,000.)
  std::vector<char32_t> lasts;
  for (const std::string& w : rules.zero_words) {
    int len = 1;
    const char32_t c = next_char(w, utf8::char_start_before(w, w.size()), &len);
    if (std::find(lasts.begin(), lasts.end(), c) == lasts.end()) lasts.push_back(c);
  }
  std::vector<uint32_t> ends;
  bool listed = times != nullptr;
  for (size_t i = 0; listed && i < lasts.size(); ++i) listed = times->rare_char_ends(lasts[i], &ends);
  if (!listed) {
    ends.clear();
    const size_t n = chars.size();
    for (size_t k = 0; k < n; ++k) {
      k = chars.has_classes() ? chars.next_in_class(k, n, kRareWordClass) : k;
      if (k >= n) break;
      if (std::find(lasts.begin(), lasts.end(), chars.at(k)) != lasts.end())
        ends.push_back(static_cast<uint32_t>(chars.offset(k + 1)));
    }
  } else if (lasts.size() > 1) {
    std::sort(ends.begin(), ends.end());
  }
  // The unit of the subject whose cue ends at `e`, or nullptr.
  auto subject_at = [&](size_t e) -> const std::string* {
    for (const RulePackData::ZeroSubject& z : rules.zero_subjects)
      for (const std::string& cue : rules.groups[static_cast<size_t>(z.group)].literals)
        if (ends_at(text, e, cue)) return &z.unit;
    return nullptr;
  };
  for (const uint32_t end : ends) {
    if (out.size() == kMaxZeroWords) break;
    size_t begin = std::string_view::npos;  // of the longest zero word ending here
    for (const std::string& w : rules.zero_words)
      if (ends_at(text, end, w) && (begin == std::string_view::npos || end - w.size() < begin)) begin = end - w.size();
    if (begin == std::string_view::npos) continue;
    const std::string* unit = subject_at(begin);
    for (size_t i = 0; !unit && i < rules.zero_fillers.size(); ++i)
      if (ends_at(text, begin, rules.zero_fillers[i])) unit = subject_at(begin - rules.zero_fillers[i].size());
    if (!unit) continue;
    Quantity zero;
    zero.span = Range{static_cast<uint32_t>(begin), end};
    zero.number = zero.span;
    zero.value = Decimal(0);
    zero.unit = *unit;
    out.push_back(std::move(zero));
  }
  return out;
}

// The area a document is a report of: the issuer it names (临夏州人民政府
// 办公室, 临夏州扶贫开发办公室) where a report names its issuer, in its title
// or the line under it (its first two paragraphs) or alone at the start of a
// paragraph (the signature); nullptr otherwise. Not a speaker's office in
// the body (全国人大代表、甘肃省扶贫办主任说… in a national report).
const std::string* report_area_of(const PlaceIndex& places, const Segmentation& seg, std::string_view text) {
  if (places.issuer_area().empty()) return nullptr;
  const uint32_t at = places.issuer_at();
  const int s = seg.sentence_at(at);
  if (s < 0) return nullptr;
  const size_t p = seg.sentences[static_cast<size_t>(s)].paragraph;
  uint32_t start = seg.paragraphs[p].begin;  // past the paragraph's indent
  while (start < at)
    if (const size_t space = space_at(text, start)) start += static_cast<uint32_t>(space);
    else break;
  return p < 2 || start == at ? &places.issuer_area() : nullptr;
}

// Where the list that each paragraph is an item of begins (the first of the
// bulleted paragraphs right before it and it); a paragraph's own begin when
// it is no list item. Filled forward as far as asked, once per document:
// walking back from each sentence's paragraph would cost a page of a
// hundred thousand bullets that many steps a sentence.
class ListBegins {
 public:
  ListBegins(std::string_view text, const Segmentation& seg, const RulePackData& rules)
      : text_(text), seg_(seg), rules_(rules) {}
  uint32_t of(size_t p) {
    while (begins_.size() <= p) {
      const size_t k = begins_.size();
      const bool item = rules_.bullet_index.any_at(text_, seg_.paragraphs[k].begin);
      begins_.push_back(item && k > 0 && last_item_ ? begins_.back() : seg_.paragraphs[k].begin);
      last_item_ = item;
    }
    return begins_[p];
  }

 private:
  std::string_view text_;
  const Segmentation& seg_;
  const RulePackData& rules_;
  std::vector<uint32_t> begins_;
  bool last_item_ = false;  // whether paragraph begins_.size() - 1 is an item
};

// Whether `clause` names the document's focus and another place, neither
// of them in a list (a list counts or sums its names).
bool focus_paired_in(const PlaceIndex& places, Range clause) {
  if (places.focus().empty()) return false;
  const PlaceIndex::GoverningNames names = places.governing(clause.begin, clause.end, true);
  bool focus = false, other = false;
  for (size_t i = 0; i < names.size; ++i) (*names.names[i] == places.focus() ? focus : other) = true;
  return focus && other;
}

// Where the pack's subset markers (其中) stand in one sentence: found once,
// when the first of its figures asks (place_of), rather than looked for
// after every figure: a sentence of 20,000 figures (a page's items joined by
// commas) took 16 s for 0.8 MB, each figure searching the rest of it.
class SubsetMarks {
 public:
  SubsetMarks(std::string_view text, Range sentence, const std::vector<std::string>& markers)
      : text_(text), sentence_(sentence), markers_(markers) {}
  // Whether a marker lies wholly inside [from, to) (within the sentence).
  bool any_within(uint32_t from, uint32_t to) {
    if (!found_) find();
    for (size_t m = 0; m < markers_.size(); ++m) {
      const std::vector<uint32_t>& at = starts_[m];
      const auto it = std::lower_bound(at.begin(), at.end(), from);
      if (it != at.end() && *it + markers_[m].size() <= to) return true;
    }
    return false;
  }

 private:
  void find() {
    found_ = true;
    starts_.resize(markers_.size());
    const std::string_view s = text_.substr(sentence_.begin, sentence_.size());
    for (size_t m = 0; m < markers_.size(); ++m) {
      if (markers_[m].empty()) continue;
      for (size_t at = s.find(markers_[m]); at != std::string_view::npos; at = s.find(markers_[m], at + 1))
        starts_[m].push_back(sentence_.begin + static_cast<uint32_t>(at));
    }
  }
  std::string_view text_;
  Range sentence_;
  const std::vector<std::string>& markers_;
  bool found_ = false;
  std::vector<std::vector<uint32_t>> starts_;  // per marker, in text order
};

// A figure's place: a 分别 list's name; else where its clause sends it
// (到恩施州投资); else the whole area its sentence names before it (全县); else a name of
// its own stretch of its clause; else a name of its sentence; else the nearest one before it
// in its paragraph, then before its paragraph (before its list, for a list
// item: `list_begin`); else the first after it in
// its sentence.
std::optional<std::string> place_of(const PlaceIndex& places, const RulePackData& rules, Range sentence,
                                    Range clause, Range para, uint32_t list_begin, uint32_t lead_end,
                                    const std::string* report_area,
                                    const Quantity& q, size_t k, const std::vector<const Quantity*>& group,
                                    const std::vector<Attachment>& atts, std::string_view text,
                                    const CharIndex& chars, SubsetMarks& subset_marks) {
  if (std::optional<std::string> listed = listed_place(places, rules, sentence, q, k, group, atts, text))
    return listed;
  if (std::optional<std::string> to = destination_place(places, rules, clause, q, text)) return to;
  // 李沧区28家企业与宕昌县签订帮扶协议: else a clause that pairs the
  // document's focus with another place is about the focus, whichever side
  // gives (not where the figure went to settle: above).
  if (focus_paired_in(places, clause)) return places.focus();
  std::optional<std::string> whole;
  if (whole_area_place(places, rules, sentence, para, lead_end, q, text, chars, &whole)) return whole;
  if (std::optional<std::string> own = own_stretch_place(places, clause, q, k, group)) return own;
  if (std::optional<std::string> own = sentence_place(places, sentence, q)) return own;
  // Earlier in the paragraph, as in the sentence: the focus of several.
  if (std::optional<std::string> earlier = focus_or_last(places, places.governing(para.begin, sentence.begin, true)))
    return earlier;
  // Not from an earlier item of the list the paragraph is an item of (◆ a
  // county's news, then ◆ two counties' joint figure: not the first one's
  // partner): from before the list.
  const std::string* place = places.nearest(0, list_begin, true, true);
  // A town or village an earlier paragraph named (an example, a story: 在永兴镇
  // 捷地村，果农…) is not what a later paragraph's figures are about when the
  // report's focus is a larger area: the focus is.
  if (place && below_county(*place) && !places.focus().empty() && !below_county(places.focus()) &&
      *place != places.focus() && named_by(places.focus_at(), q, sentence, lead_end))
    place = &places.focus();
  if (!place) {
    // The first name after it in its sentence, but not from the parts a 其中
    // lists after it (3.68亿元，其中武都区8650万元…): a total is no part's.
    if (const PlaceMention* next = places.nearest_mention(q.span.end, sentence.end, false, true))
      if (!subset_marks.any_within(q.span.end, next->span.end)) place = &next->name;
  }
  if (place) return *place;
  // A document naming its area only in an organisation's name (a notice
  // signed 礼县扶贫开发领导小组办公室, 我县 in its text) is about that area.
  if (!places.self_area().empty()) return places.self_area();
  // A report issued for an area (临夏州人民政府办公室关于…的报告) that
  // names no other place for a figure: the area it reports on.
  if (report_area) return *report_area;
  return std::nullopt;
}

// Records of a table's figures (tables.h). Each is read as its column's words
// would be read in running text (减贫人数26514人); its place is the row's label
// when that names one (武都区), else the document's focus (合计, a category);
// its time the row's label when that is a date (2019年), else what dates the
// table's header line as running text (all rows alike, however many).
void add_table_records(const NormalizedText& nt, const std::vector<TableFigure>& table,
                       const std::vector<const Quantity*>& dates, const RulePackData& rules,
                       const PlaceIndex& places, const TimeResolver& times, const Segmentation& seg,
                       std::vector<MetricRecord>& out, std::vector<Origin>& origins,
                       RecordIndex& seen, size_t* headline_approx) {
  const std::string& text = nt.text;
  for (const TableFigure& f : table) {
    const std::vector<Quantity> read = recognize_quantities(f.reading);
    const Quantity* q = nullptr;
    for (const Quantity& x : read)
      if (x.span.begin == f.number_at) q = &x;
    if (!q || !is_figure(*q, std::string_view(f.reading).substr(q->span.begin, q->span.size()))) continue;
    const std::vector<const Quantity*> one{q};
    SentenceContext ctx(f.reading, Range{0, static_cast<uint32_t>(f.reading.size())}, rules, one);
    const std::vector<Attachment> atts = ctx.attach_all();
    if (atts[0].metric < 0) continue;
    MetricRecord r;
    r.metric = rules.metrics[atts[0].metric].id;
    r.value = q->value;
    r.unit = atts[0].unit;
    r.approx = q->approx;
    r.change = atts[0].change;
    const auto label_date = std::lower_bound(dates.begin(), dates.end(), f.label.begin,
                                             [](const Quantity* d, uint32_t p) { return d->span.begin < p; });
    if (label_date != dates.end() && (*label_date)->span.end <= f.label.end)
      r.time = times.time_of_date(**label_date);
    else
      r.time = times.time_of(f.header.begin, seg.sentence_at(f.header.begin), r.change == "target");
    if (const PlaceMention* m = places.mention_in(f.label))
      r.place = m->name;
    else if (!places.focus().empty())
      r.place = places.focus();
    r.text = text.substr(f.cell.begin, f.cell.size());
    r.span = f.cell;
    r.source = nt.to_input(f.cell);
    r.sentence = evidence(text, f.row, f.cell);
    if (!merge_duplicate(text, out, origins, seen, r, Origin{f.row, false}, headline_approx)) out.push_back(std::move(r));
  }
}

// Whether the document names one of the pack's topic words (any document
// does when the pack lists none).
bool about_topic(std::string_view text, const RulePackData& rules) {
  if (rules.topic.empty()) return true;
  for (const std::string& w : rules.topic)
    if (find_bytes(text, w) != std::string_view::npos) return true;
  return false;
}

// Where a web page's trailer of links (相关新闻：…) begins: the first
// paragraph after the page's first that opens with a page-tail word; the
// text's end when there is none.
uint32_t page_tail_begin(std::string_view text, const Segmentation& seg, const RulePackData& rules) {
  if (rules.page_tail.empty()) return static_cast<uint32_t>(text.size());
  for (size_t k = 1; k < seg.paragraphs.size(); ++k)
    if (rules.page_tail_index.any_at(text, seg.paragraphs[k].begin)) return seg.paragraphs[k].begin;
  return static_cast<uint32_t>(text.size());
}

// A web page's lists of links to other articles before or beside the
// article (热点新闻 then · 岷县2019年减贫2.8万人 …): a paragraph opening with a
// link-list word and the paragraphs right after it that open with one of
// the pack's bullets (or 更多). Their figures are other articles' headlines'.
std::vector<Range> link_lists(std::string_view text, const Segmentation& seg, const RulePackData& rules) {
  std::vector<Range> out;
  if (rules.link_list.empty()) return out;
  auto bulleted = [&](Range p) { return rules.bullet_index.any_at(text, p.begin) || starts_at(text, p.begin, "更多"); };
  for (size_t k = 0; k < seg.paragraphs.size(); ++k) {
    const Range p = seg.paragraphs[k];
    if (!rules.link_list_index.any_at(text, p.begin)) continue;
    size_t last = k;
    while (last + 1 < seg.paragraphs.size() && bulleted(seg.paragraphs[last + 1])) ++last;
    out.push_back(Range{p.begin, seg.paragraphs[last].end});
    k = last;
  }
  return out;
}

}  // namespace

std::vector<MetricRecord> extract_metrics(const NormalizedText& nt, const std::vector<Quantity>& quantities,
                                          const RulePack& pack, std::string_view doc_date) {
  const RulePackData& rules = pack.data();
  const std::string& text = nt.text;
  std::vector<MetricRecord> out;
  // Zero words (贫困人口全部清零) are figures too: a text may hold no number.
  if (rules.rules.empty() || (quantities.empty() && rules.zero_words.empty())) return out;
  if (!about_topic(text, rules)) return out;

  std::vector<Range> repeats;
  for (const RepeatedPassage& p : nt.report.repeats) repeats.push_back(p.passage);
  std::sort(repeats.begin(), repeats.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
  auto repeated = [&](const Range& r) {
    for (const Range& p : repeats) {
      if (p.begin > r.begin) break;
      if (r.end <= p.end) return true;
    }
    return false;
  };

  std::vector<const Quantity*> figures, dates;
  // Room for every quantity in each (growing both from empty took 9
  // allocations a document).
  figures.reserve(quantities.size());
  dates.reserve(quantities.size());
  // Year labels (year_label) as the dates they are: a few a document.
  std::vector<Quantity> labels;
  constexpr size_t kMaxYearLabels = 64;  // room reserved, so that pointers stay valid
  // The zeros that end a from/to pair (zero_closing_pair), as figures.
  std::vector<Quantity> zeros;
  constexpr size_t kMaxZeros = 64;  // room reserved, so that pointers stay valid
  for (const Quantity& q : quantities) {
    if (q.span.begin > q.span.end || q.span.end > text.size()) continue;
    if (q.kind == QuantityKind::kDate) {
      dates.push_back(&q);
      continue;
    }
    if (labels.size() < kMaxYearLabels && year_label(q, text)) {
      Quantity d = q;
      d.kind = QuantityKind::kDate;
      d.date = std::string(text.substr(q.span.begin, 4));
      // Room for all at the first (most documents have none).
      if (labels.empty()) labels.reserve(kMaxYearLabels);
      labels.push_back(std::move(d));
      dates.push_back(&labels.back());
      continue;
    }
    std::string_view surface(text.data() + q.span.begin, q.span.size());
    if (is_figure(q, surface) && !repeated(q.span)) {
      figures.push_back(&q);
      if (zeros.size() < kMaxZeros)
        if (std::optional<Quantity> zero = zero_closing_pair(q, text)) {
          if (zeros.empty()) zeros.reserve(kMaxZeros);
          zeros.push_back(std::move(*zero));
          figures.push_back(&zeros.back());
        }
    }
  }
  // The text decoded once for the scans of the segmenter, of the place
  // finder and of every sentence's cues and clause marks. Without figures
  // of running text (a table's only), decoded later if at all.
  const uint8_t* classes = rules.char_classes.empty() ? nullptr : rules.char_classes.data();
  std::optional<CharIndex> chars;
  if (!figures.empty()) chars.emplace(text, classes);
  auto by_start = [](const Quantity* a, const Quantity* b) { return a->span.begin < b->span.begin; };
  std::stable_sort(figures.begin(), figures.end(), by_start);
  std::stable_sort(dates.begin(), dates.end(), by_start);
  // Sentence ends found through the index's classes, when it steps as the
  // segmenter does (segment(text, next_end)): segment 193,000 to 113,000
  // instructions a round of the dev articles. The segmenter asks in text
  // order, from near where the last answer was: the index is walked on from
  // there, where a binary search a question cost more than the skip itself.
  auto segment_text = [&]() -> Segmentation {
    if (!chars || !chars->has_classes() || !chars->aligned()) return segment(text);
    const CharIndex& c = *chars;
    size_t k = 0, end_pos = 0, end_k = 0;
    return segment(text, [&](size_t pos, size_t end) {
      if (k > c.size() || c.offset(k) > pos) k = c.index_at(static_cast<uint32_t>(pos));
      while (c.offset(k) < pos) ++k;  // offset(size()) is the text's end, past any pos asked
      if (end != end_pos) {
        end_pos = end;
        end_k = c.index_at(static_cast<uint32_t>(end));
      }
      k = c.next_in_class(k, end_k, kSentenceEndClass);
      return static_cast<size_t>(c.offset(k));
    });
  };
  const Segmentation seg = segment_text();
  // Figures in a web page's trailer of links belong to other articles.
  const uint32_t tail = page_tail_begin(text, seg, rules);
  figures.erase(std::find_if(figures.begin(), figures.end(), [&](const Quantity* q) { return q->span.begin >= tail; }),
                figures.end());
  const std::vector<Range> links = link_lists(text, seg, rules);
  auto in_links = [&](uint32_t pos) {
    for (const Range& r : links)
      if (pos >= r.begin && pos < r.end) return true;
    return false;
  };
  if (!links.empty())
    figures.erase(std::remove_if(figures.begin(), figures.end(), [&](const Quantity* q) { return in_links(q->span.begin); }),
                  figures.end());
  std::vector<TableFigure> table = find_table_figures(text, seg, quantities);
  table.erase(std::remove_if(table.begin(), table.end(),
                             [&](const TableFigure& f) { return f.cell.begin >= tail || repeated(f.cell) || in_links(f.cell.begin); }),
              table.end());
  // A table's cells are read through their column, not as running text
  // (both lists are in text order).
  if (!table.empty()) {
    auto cell = table.begin();
    figures.erase(std::remove_if(figures.begin(), figures.end(),
                                 [&](const Quantity* q) {
                                   while (cell != table.end() && cell->cell.begin < q->span.begin) ++cell;
                                   return cell != table.end() && cell->cell.begin == q->span.begin;
                                 }),
                  figures.end());
  }
  // Zero words (贫困人口全部清零) are figures too, found once the time
  // resolver has listed the characters they end in; a text with no other
  // figure is searched for them here (a scan of the index).
  std::vector<Quantity> zero_words;
  auto keep_zeros = [&] {
    zero_words.erase(std::remove_if(zero_words.begin(), zero_words.end(),
                                    [&](const Quantity& z) {
                                      return z.span.begin >= tail || repeated(z.span) || in_links(z.span.begin);
                                    }),
                     zero_words.end());
  };
  if (figures.empty() && table.empty()) {
    if (rules.zero_words.empty()) return out;
    if (!chars) chars.emplace(text, classes);
    zero_words = zero_word_figures(text, *chars, nullptr, rules);
    keep_zeros();
    if (zero_words.empty()) return out;
  }
  if (!chars) chars.emplace(text, classes);
  // Characters the repairer guessed (their bytes were lost) are no evidence
  // of a place: the index records no name written with them. Clean text
  // has no repairs, and this costs it nothing.
  const std::vector<Range> guessed = all_guessed(nt.report);  // sorted and apart, as PlaceIndex asks
  PlaceIndex places(text, *chars, rules, guessed);
  // A table's row labels (武都区, 宕昌县) name their rows only.
  for (const TableFigure& f : table) places.mark_listed(f.label);
  // The resolver reads sentences' openings up to their first figure: a zero
  // word (全县最后一批贫困人口清零】今年，…) is no number that ends one, so
  // it sees the numbers only.
  const TimeResolver times(text, seg, dates, figures, rules, doc_date, &*chars);
  if (!figures.empty() || !table.empty()) {
    zero_words = zero_word_figures(text, *chars, &times, rules);
    keep_zeros();
  }
  auto zero_word = [&](const Quantity* q) {
    return !zero_words.empty() && q >= zero_words.data() && q < zero_words.data() + zero_words.size();
  };
  // The numbers and the zero words, in text order (the numbers alone when
  // there is no zero word: most texts).
  std::vector<const Quantity*> with_zeros;
  if (!zero_words.empty()) {
    with_zeros.reserve(figures.size() + zero_words.size());
    with_zeros = figures;
    for (const Quantity& z : zero_words) with_zeros.push_back(&z);
    std::stable_sort(with_zeros.begin(), with_zeros.end(), by_start);
  }
  const std::vector<const Quantity*>& all_figures = zero_words.empty() ? figures : with_zeros;

  // At most a record a figure: room for all at once (growing the vector
  // moved every record, each a dozen strings, again and again).
  out.reserve(all_figures.size() + table.size());
  RecordIndex seen;  // metric, unit and value -> records
  size_t headline_approx = 0;  // kept records of headlines' approximations (merge_rounded)
  std::vector<Origin> origins;  // of each record in `out`
  origins.reserve(all_figures.size() + table.size());
  // The last metric given in the last sentence with figures (continue_subset_of).
  struct {
    int metric = -1;
    uint32_t paragraph = 0;
    int sentence = -2;
  } carried;
  // Lent from each sentence's context to the next, as is `group`: their
  // capacity kept, a sentence allocates none of them again.
  SentenceContext::Buffers buffers;
  std::vector<const Quantity*> group;
  ListBegins list_begins(text, seg, rules);
  const std::string* report_area = report_area_of(places, seg, text);
  const uint32_t lead_end = lead_end_of(text, seg);
  size_t i = 0;
  while (i < all_figures.size()) {
    int s = seg.sentence_at(all_figures[i]->span.begin);
    if (s < 0 || all_figures[i]->span.end > seg.sentences[s].range.end) {
      ++i;  // in trimmed space or across sentences: no context to read
      continue;
    }
    const Sentence& sentence = seg.sentences[s];
    group.clear();
    while (i < all_figures.size() && all_figures[i]->span.begin >= sentence.range.begin &&
           all_figures[i]->span.end <= sentence.range.end) {
      // Overlapping spans (a recognizer quirk) would confuse the windows.
      if (group.empty() || all_figures[i]->span.begin >= group.back()->span.end) group.push_back(all_figures[i]);
      ++i;
    }
    if (group.empty()) {
      ++i;
      continue;
    }
    SentenceContext ctx(text, sentence.range, rules, group, &*chars, &buffers);
    // 下达资金3.68亿元。其中，武都区8650万元…: parts of the last figure of the
    // sentence before, in the same paragraph.
    if (carried.metric >= 0 && carried.paragraph == sentence.paragraph && carried.sentence + 1 == s &&
        std::any_of(rules.subset_markers.begin(), rules.subset_markers.end(),
                    [&](const std::string& w) { return starts_at(text, sentence.range.begin, w); }))
      ctx.continue_subset_of(carried.metric);
    std::vector<Attachment> atts = ctx.attach_all();
    carried = {-1, sentence.paragraph, s};
    for (const Attachment& a : atts)
      if (a.metric >= 0) carried.metric = a.metric;
    const Range para = seg.paragraphs[sentence.paragraph];
    const uint32_t list_begin = list_begins.of(sentence.paragraph);
    SubsetMarks subset_marks(text, sentence.range, rules.subset_markers);
    for (size_t k = 0; k < group.size(); ++k) {
      if (atts[k].metric < 0) continue;
      // A zero word says a standing count is 0: no amount of work done.
      if (zero_word(group[k]) && atts[k].change != "level") continue;
      const Quantity& q = *group[k];
      MetricRecord r;
      r.metric = rules.metrics[atts[k].metric].id;
      r.value = q.value;
      r.unit = atts[k].unit;
      r.approx = q.approx;
      r.change = atts[k].change;
      r.time = times.time_of(q.span.begin, s, r.change == "target");
      if (r.change == "target")
        if (std::optional<std::string> due = due_time(times, dates, ctx.clause(k), q, text)) r.time = due;
      r.place = place_of(places, rules, sentence.range, ctx.clause(k), para, list_begin, lead_end, report_area, q, k, group,
                         atts, text, *chars, subset_marks);
      r.text = text.substr(q.span.begin, q.span.size());
      r.span = q.span;
      r.source = nt.to_input(q.span);
      r.sentence = evidence(text, sentence.range, q.span);
      const Origin origin{sentence.range, headline_line(text, para)};
      if (!merge_duplicate(text, out, origins, seen, r, origin, &headline_approx)) out.push_back(std::move(r));
    }
  }
  if (!table.empty()) {
    add_table_records(nt, table, dates, rules, places, times, seg, out, origins, seen, &headline_approx);
    std::stable_sort(out.begin(), out.end(),
                     [](const MetricRecord& a, const MetricRecord& b) { return a.span.begin < b.span.begin; });
  }
  // A record whose text holds a guessed character (a unit 万 or a numeral
  // chosen from context: the value may be off by far) or a number cut by a
  // lost one (1�200人: numerals/cut_numbers.h) is kept as it is, and
  // flagged. Clean text has neither: nothing to look at.
  std::vector<Range> uncertain = guessed;
  for (const Quantity& q : quantities)
    if (q.cut) uncertain.push_back(q.span);
  if (uncertain.size() > guessed.size()) merge_ranges(uncertain);
  if (!uncertain.empty())
    for (MetricRecord& r : out) r.guessed = overlaps_guessed(uncertain, r.span);
  return out;
}

}  // namespace aidtext
