#include "metrics/context.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <bit>

#include "core/utf8.h"
#include "metrics/char_scan.h"

namespace aidtext {
namespace {

CueKind kind_of(int32_t payload) { return static_cast<CueKind>(payload / kKindStride); }
int id_of(int32_t payload) { return payload % kKindStride; }

bool clause_mark(char32_t c) {
  return c == U'，' || c == ',' || c == U'；' || c == ';' || c == U'：' || c == ':' || c == U'。' ||
         c == U'！' || c == '!' || c == U'？' || c == '?' || c == '\n';
}

// Closing quotes end a quoted phrase: its words say nothing about a figure
// after it (“帮扶一个贫困村”六个方面).
bool closing_quote(char32_t c) { return c == U'”' || c == U'」' || c == U'』' || c == U'’' || c == U'》'; }

bool connector(char32_t c) {
  return c == U'、' || c == U'和' || c == U'及' || c == U'与' || c == U'或' || c == ' ' || c == U'　';
}

// The characters compute_windows() looks at (clause marks, quotes, 、),
// one bit each, for next_marked() to skip the rest of a sentence: its walk
// decoded every character (compute_windows 53,000 to 38,000 instructions on
// dev article 002); with the document's CharIndex, a class of the rule
// pack's (kWindowMarkClass), eight characters a test.
const uint64_t* window_mark_bits() {
  static const std::vector<uint64_t> bits = [] {
    std::vector<uint64_t> b(0x10000 / 64, 0);
    for (char32_t c : kWindowMarks) b[c >> 6] |= uint64_t{1} << (c & 63);
    return b;
  }();
  return bits.data();
}

// Whether hit h lies inside one of ranges[0, n).
bool within(const CueHit& h, const Range* ranges, size_t n) {
  for (size_t k = 0; k < n; ++k)
    if (h.begin >= ranges[k].begin && h.end <= ranges[k].end) return true;
  return false;
}

// Whether cue group `group` is one a rule asks for (not one it forbids).
bool positive_cue(const Rule& rule, int group) {
  for (const Condition& c : rule.conditions)
    if (!c.negated && std::find(c.any_of.begin(), c.any_of.end(), group) != c.any_of.end()) return true;
  return false;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

SentenceContext::SentenceContext(std::string_view text, Range sentence, const RulePackData& rules,
                                 std::span<const Quantity* const> figures, const CharIndex* chars,
                                 Buffers* buffers)
    : text_(text), chars_(chars), sentence_(sentence), rules_(rules), figures_(figures), buffers_(buffers) {
  if (buffers_) {
    // Borrowed empty, with the capacity the sentences before left them.
    for (auto* v : {&buffers_->marks, &buffers_->mark_ends, &buffers_->quote_ends, &buffers_->list_commas})
      v->clear();
    buffers_->hits.clear();
    buffers_->windows.clear();
    buffers_->quotes.clear();
    swap_buffers();
  }
  // Room for a sentence's cues at once (about one every ten bytes):
  // growing the vector from empty took five allocations a sentence.
  hits_.reserve(std::min<size_t>(sentence_.size() / 8 + 8, 1024));
  if (chars_) {
    rules_.cues.scan(text_, *chars_, sentence_.begin, sentence_.end, &hits_, kCueStartClass);
  } else {
    rules_.cues.scan(text_, sentence_.begin, sentence_.end, &hits_);
  }
  if (rules_.has_patterns) {
    re2::StringPiece whole(text_.data(), sentence_.end);
    for (size_t g = 0; g < rules_.groups.size(); ++g) {
      for (const auto& re : rules_.groups[g].patterns) {
        size_t pos = sentence_.begin;
        re2::StringPiece m;
        while (pos < sentence_.end && re->Match(whole, pos, sentence_.end, RE2::UNANCHORED, &m, 1)) {
          size_t b = m.data() - text_.data();
          size_t e = b + m.size();
          if (e > b) hits_.push_back(CueHit{static_cast<uint32_t>(b), static_cast<uint32_t>(e),
                                            static_cast<int32_t>(static_cast<int>(CueKind::kGroup) * kKindStride + g)});
          // Move past the match (at least one character: patterns may match
          // the empty string at some positions, e.g. \b).
          int len = 1;
          if (e > b) {
            pos = e;
          } else {
            next_char(text_, b, &len);
            pos = b + len;
          }
        }
      }
    }
    std::stable_sort(hits_.begin(), hits_.end(), [](const CueHit& a, const CueHit& b) { return a.begin < b.begin; });
  }
  compute_windows();
}

SentenceContext::~SentenceContext() {
  if (buffers_) swap_buffers();
}

void SentenceContext::swap_buffers() {
  hits_.swap(buffers_->hits);
  windows_.swap(buffers_->windows);
  quotes_.swap(buffers_->quotes);
  mark_ends_.swap(buffers_->mark_ends);
  marks_.swap(buffers_->marks);
  quote_ends_.swap(buffers_->quote_ends);
  list_commas_.swap(buffers_->list_commas);
}

bool SentenceContext::only_connectors(uint32_t b, uint32_t e) const {
  while (b < e) {
    int len = 1;
    char32_t c = next_char(text_, b, &len);
    if (!connector(c)) return false;
    b += len;
  }
  return true;
}

void SentenceContext::compute_windows() {
  // Clause marks of the sentence, once.
  std::vector<uint32_t>& marks = marks_;  // byte positions of marks
  std::vector<uint32_t>& mark_ends = mark_ends_;  // kept: colon_heading reads them
  std::vector<uint32_t>& quote_ends = quote_ends_;   // ends of closing quotes
  std::vector<uint32_t>& list_commas = list_commas_;  // positions of 、
  // Room for a typical sentence's marks at once: growing each list from
  // empty took three or four allocations a sentence. Quotes and 、 are
  // rarer: their lists grow when there are some (most sentences have none,
  // and an allocation and its release cost 150 instructions).
  constexpr size_t kTypicalMarks = 16;
  marks.reserve(kTypicalMarks);
  mark_ends.reserve(kTypicalMarks);
  uint32_t open_quote = UINT32_MAX;
  // The sentence's characters from the document's CharIndex when it has
  // them, else decoded here.
  const bool indexed = chars_ && sentence_.begin < sentence_.end && chars_->starts_char(sentence_.begin);
  const size_t last = indexed ? chars_->index_at(sentence_.end) : 0;
  size_t k = indexed ? chars_->index_at(sentence_.begin) : 0;
  for (uint32_t p = sentence_.begin; p < sentence_.end;) {
    int len = 1;
    char32_t c;
    if (indexed) {
      k = chars_->has_classes() ? chars_->next_in_class(k, last, kWindowMarkClass)
                                : chars_->next_marked(k, last, window_mark_bits());
      if (k >= last) break;
      p = chars_->offset(k);
      c = chars_->at(k);
      len = static_cast<int>(chars_->offset(k + 1) - p);
      ++k;
    } else {
      p = static_cast<uint32_t>(next_marked(text_, p, sentence_.end, window_mark_bits()));
      if (p >= sentence_.end) break;
      c = next_char(text_, p, &len);
    }
    if (clause_mark(c) && !(c == ',' && digit_group_comma(text_, p))) {
      marks.push_back(p);
      mark_ends.push_back(p + len);
    } else if (closing_quote(c)) {
      quote_ends.push_back(p + len);
      if (open_quote != UINT32_MAX) quotes_.push_back(Range{open_quote, p});
      open_quote = UINT32_MAX;
    } else if (c == U'“' || c == U'「' || c == U'『' || c == U'《') {
      open_quote = p + len;
    } else if (c == U'、') {
      list_commas.push_back(p);
    }
    p += len;
  }
  size_t n = figures_.size();
  windows_.assign(n, Windows{});
  for (size_t i = 0; i < n; ++i) {
    const Quantity& q = *figures_[i];
    auto it = std::lower_bound(marks.begin(), marks.end(), q.span.begin);
    uint32_t cb = it == marks.begin() ? sentence_.begin : mark_ends[it - marks.begin() - 1];
    auto qt = std::upper_bound(quote_ends.begin(), quote_ends.end(), q.span.begin);
    if (qt != quote_ends.begin()) cb = std::max(cb, *(qt - 1));
    auto jt = std::lower_bound(marks.begin(), marks.end(), q.span.end);
    uint32_t ce = jt == marks.end() ? sentence_.end : *jt;
    // A clause is read at most kClauseReach bytes either side of the figure.
    // Real clauses are far shorter; a run-on list of megabytes without a
    // clause mark (岷县、漳县分别减贫…、…、岷县…) would otherwise make every
    // figure scan the whole list, and the sentence cost its length squared.
    if (q.span.begin > cb + kClauseReach) cb = char_start_at_or_after(q.span.begin - kClauseReach);
    if (ce > q.span.end + kClauseReach) ce = char_start_at_or_after(q.span.end + kClauseReach);
    Windows& w = windows_[i];
    w.clause = Range{cb, ce};
    uint32_t lb = cb;
    bool prev_in_clause = i > 0 && figures_[i - 1]->span.end >= cb && figures_[i - 1]->span.end <= q.span.begin;
    if (prev_in_clause) lb = figures_[i - 1]->span.end;
    w.left_bare = prev_in_clause && only_connectors(lb, q.span.begin);
    // 8个贫困县、395个贫困村: words before a 、 belong to the figure before
    // (as below, words after one lead to the next).
    if (prev_in_clause && !w.left_bare) {
      auto ct = std::lower_bound(list_commas.begin(), list_commas.end(), lb);
      if (ct != list_commas.end() && *ct < q.span.begin) lb = *ct + 3;  // 、 is 3 bytes
    }
    w.left = Range{lb, q.span.begin};
    uint32_t re = ce;
    bool next_in_clause = i + 1 < n && figures_[i + 1]->span.begin <= ce && figures_[i + 1]->span.begin >= q.span.end;
    if (next_in_clause) re = figures_[i + 1]->span.begin;
    w.right_bare = next_in_clause && only_connectors(q.span.end, re);
    // 出列贫困村31个、剩余贫困村104个: words after a 、 lead to the next figure.
    if (next_in_clause && !w.right_bare) {
      auto ct = std::lower_bound(list_commas.begin(), list_commas.end(), q.span.end);
      if (ct != list_commas.end() && *ct < re) {
        re = *ct;
        w.right_cut = true;
      }
    }
    w.right = Range{q.span.end, re};
    if (!rules_.own_nouns.empty()) w.own_noun_end = own_noun_at(q.span.end, ce, &w.own_kind);
  }
  // A list of items each naming its noun after its figure shares the words
  // after the last item's noun: the last item's right window (its noun and
  // the predicate; the rules' noun groups tell the items apart).
  for (size_t i = n - (n > 0); i-- > 0;) {
    Windows& w = windows_[i];
    const Windows& next = windows_[i + 1];
    if (!w.right_cut || w.right.size() == 0 || !only_connectors(next.left.begin, next.left.end)) continue;
    w.tail = next.right_cut ? next.tail : next.right;
  }
  // Figures back to back share the words before the first and after the last.
  for (size_t i = 1; i < n; ++i)
    if (windows_[i].left_bare) windows_[i].left = windows_[i - 1].left;
  for (size_t i = n; i-- > 1;)
    if (windows_[i - 1].right_bare) windows_[i - 1].right = windows_[i].right;
}

uint32_t SentenceContext::own_noun_at(uint32_t pos, uint32_t end, int* kind) const {
  *kind = -1;
  if (pos >= end || rules_.own_nouns.empty()) return pos;
  int len = 1;
  const LiteralIndex::Match m = rules_.own_noun_index.longest_at(text_, pos, end, next_char(text_, pos, &len));
  if (m.size == 0) return pos;
  const uint32_t noun_end = pos + m.size;
  // 县级, 县城, 村民: a longer word of the pack's written there, a cue or a
  // not-place word starting at a suffix, is another word, which holds the
  // noun as cues hide the cues inside them.
  for (auto it = std::lower_bound(hits_.begin(), hits_.end(), pos,
                                  [](const CueHit& h, uint32_t p) { return h.begin < p; });
       it != hits_.end() && it->begin == pos; ++it)
    if (it->end > noun_end) return pos;
  uint64_t key = 0;
  if (two_char_key(text_.substr(pos, end - pos), false, &key) &&
      RulePackData::may_hold(rules_.not_place_start_filter, key)) {
    for (std::string_view w : rules_.not_place_by_start.find(key))
      if (w.size() > m.size && pos + w.size() <= end && text_.compare(pos, w.size(), w) == 0) return pos;
  }
  *kind = m.payloads().front();
  return noun_end;
}

bool SentenceContext::names_other_kind(const Rule& rule, int kind) const {
  for (const Condition& c : rule.conditions) {
    if (c.negated) continue;
    bool other_kinds_only = true;
    for (int g : c.any_of)
      other_kinds_only = other_kinds_only && g != kind && rules_.own_noun_kinds[static_cast<size_t>(g)];
    if (other_kinds_only) return true;
  }
  return false;
}

Range SentenceContext::shared_tail(size_t i) const {
  const Windows& w = windows_[i];
  if (w.tail.size() == 0) return Range{};
  // The cues after the figure must all be its noun, right after it.
  uint32_t noun_end = w.right.begin;
  auto [first, last] = hits_in(&w.right, 1);
  for (const CueHit* hp = first; hp != last; ++hp) {
    if (!within(*hp, &w.right, 1)) continue;
    if (hp->begin != w.right.begin) return Range{};
    noun_end = std::max(noun_end, hp->end);
  }
  // 4个县、: an own noun that is no cue (县 alone names places too) is the
  // item's noun all the same.
  if (w.own_kind >= 0) noun_end = std::max(noun_end, w.own_noun_end);
  if (noun_end == w.right.begin || !only_connectors(noun_end, w.right.end)) return Range{};
  // The tail opens with the last item's own noun (4个深度贫困县、117个深度
  // 贫困村，…; 17.5万贫困人口全部脱贫): the items share only what follows it,
  // or a county of the list would be counted as a village. (Only the cues
  // starting where the tail does: the predicate may follow the noun with
  // nothing between, 贫困人口全部脱贫.)
  Range tail = w.tail;
  auto [tail_first, tail_last] = hits_in(&tail, 1);
  uint32_t tail_noun_end = tail.begin;
  for (const CueHit* hp = tail_first; hp != tail_last; ++hp)
    if (hp->begin == tail.begin && within(*hp, &tail, 1)) tail_noun_end = std::max(tail_noun_end, hp->end);
  int tail_kind = -1;
  tail_noun_end = std::max(tail_noun_end, own_noun_at(tail.begin, tail.end, &tail_kind));
  tail.begin = tail_noun_end;
  return tail;
}

bool SentenceContext::quoted(const CueHit& h) const {
  // quotes_ are in text order and do not overlap: only the last one opening
  // at or before the hit can hold it.
  auto it = std::upper_bound(quotes_.begin(), quotes_.end(), h.begin,
                             [](uint32_t p, const Range& q) { return p < q.begin; });
  if (it == quotes_.begin()) return false;
  --it;
  return h.begin >= it->begin && h.end <= it->end;
}

uint32_t SentenceContext::char_start_at_or_after(uint32_t p) const {
  while (p < sentence_.end && (static_cast<unsigned char>(text_[p]) & 0xC0) == 0x80) ++p;
  return p;
}

// 选派挂职干部46名、专业技术人才583名: a list item that names its own noun
// is not read through its neighbours' words.
bool SentenceContext::own_list_item(size_t i) const {
  const Range l = windows_[i].left;
  uint32_t p = l.begin;
  if (p + 3 <= l.end && text_.compare(p, 3, "、") == 0) {
    p += 3;
  } else if (p < 3 || text_.compare(p - 3, 3, "、") != 0) {
    return false;
  }
  int han = 0;
  while (p < l.end) {
    int len = 1;
    char32_t c = next_char(text_, p, &len);
    if (utf8::is_han(c) && !connector(c)) ++han;
    p += len;
  }
  return han >= 2;
}

bool SentenceContext::named_list_item(size_t i) const {
  const Windows& w = windows_[i];
  if (!w.right_cut) return false;
  if (w.own_kind >= 0) return true;
  auto [first, last] = hits_in(&w.right, 1);
  for (const CueHit* hp = first; hp != last; ++hp)
    if (kind_of(hp->payload) == CueKind::kGroup && within(*hp, &w.right, 1)) return true;
  return false;
}

Range SentenceContext::colon_heading(size_t i) const {
  const uint32_t cb = windows_[i].clause.begin;
  const auto it = std::lower_bound(mark_ends_.begin(), mark_ends_.end(), cb);
  if (it == mark_ends_.end() || *it != cb || cb < 3 || text_.compare(cb - 3, 3, "：") != 0) return {};
  const Range heading{it == mark_ends_.begin() ? sentence_.begin : *(it - 1), cb - 3};
  if (heading.begin >= heading.end) return {};
  for (const Quantity* q : figures_)
    if (q->span.begin >= heading.begin && q->span.end <= heading.end) return {};
  return heading;
}

Range SentenceContext::clause_before_change(size_t i) const {
  // At most this many bytes of the clause before the figure, as elliptic().
  constexpr uint32_t kMaxLead = 18;
  const Quantity& q = *figures_[i];
  const Range clause = windows_[i].clause;
  if (q.span.end != clause.end || q.span.begin - clause.begin > kMaxLead) return {};
  const auto it = std::lower_bound(mark_ends_.begin(), mark_ends_.end(), clause.begin);
  if (it == mark_ends_.end() || *it != clause.begin) return {};
  const size_t k = static_cast<size_t>(it - mark_ends_.begin());
  const std::string_view mark = text_.substr(marks_[k], clause.begin - marks_[k]);
  if (mark != "，" && mark != "," && mark != "；" && mark != ";") return {};
  const Range before{k == 0 ? sentence_.begin : mark_ends_[k - 1], marks_[k]};
  if (before.begin >= before.end) return {};
  // The lead: a change word, and no cue of a rule (that is elliptic()'s case).
  const Range lead{clause.begin, q.span.begin};
  bool change = false;
  auto [first, last] = hits_in(&lead, 1);
  for (const CueHit* hp = first; hp != last; ++hp) {
    if (!within(*hp, &lead, 1)) continue;
    if (kind_of(hp->payload) == CueKind::kGroup && rules_.rule_cue_groups[static_cast<size_t>(id_of(hp->payload))])
      return {};
    change = change || kind_of(hp->payload) == CueKind::kChange;
  }
  return change ? before : Range{};
}

bool SentenceContext::noun_only(int r) const {
  for (const Condition& c : rules_.rules[static_cast<size_t>(r)].conditions) {
    if (c.negated) continue;
    for (int g : c.any_of)
      if (std::find(rules_.subset_members.begin(), rules_.subset_members.end(), g) == rules_.subset_members.end())
        return false;
  }
  return true;
}

bool SentenceContext::whole_of_next(size_t i) const {
  const Range r = windows_[i].right;
  if (i + 1 >= figures_.size() || r.end != figures_[i + 1]->span.begin) return false;
  std::string_view between = text_.substr(r.begin, r.size());
  for (std::string_view tail : {"中", "中已", "中有", "中已有", "中共有", "中就有"})
    if (ends_with(between, tail)) return true;
  return false;
}

bool SentenceContext::shares_cue(Range a, Range b) const {
  auto groups_in = [&](Range r) {
    std::vector<int> out;
    auto [first, last] = hits_in(&r, 1);
    for (const CueHit* hp = first; hp != last; ++hp)
      if (kind_of(hp->payload) == CueKind::kGroup && within(*hp, &r, 1))
        out.push_back(id_of(hp->payload));
    return out;
  };
  const std::vector<int> ga = groups_in(a), gb = groups_in(b);
  for (int g : ga)
    if (std::find(gb.begin(), gb.end(), g) != gb.end()) return true;
  return false;
}

bool SentenceContext::governs_object(size_t i, int r) const {
  const Quantity& q = *figures_[i];
  const Windows& w = windows_[i];
  const Rule& rule = rules_.rules[static_cast<size_t>(r)];
  // The figure's own noun, right after it, is the rule's nearest cue.
  if (w.own_kind >= 0 && positive_cue(rule, w.own_kind)) return false;
  const Range tight[2] = {w.left, w.right};
  const CueHit* nearest = nullptr;
  uint32_t best = UINT32_MAX;
  auto [first, last] = hits_in(tight, 2);
  for (const CueHit* hp = first; hp != last; ++hp) {
    const CueHit& h = *hp;
    if (kind_of(h.payload) != CueKind::kGroup) continue;
    if (within(h, tight, 2) && positive_cue(rule, id_of(h.payload)) && distance(q, h) < best) {
      best = distance(q, h);
      nearest = &h;
    }
  }
  if (!nearest || nearest->end > q.span.begin) return false;
  // Two Han characters between them: counting on to the figure made a list
  // of thousands of figures after one cue (…分别减贫12人、35人、…) quadratic.
  int han = 0;
  for (uint32_t p = nearest->end; p < q.span.begin && han < 2;) {
    int len = 1;
    if (utf8::is_han(next_char(text_, p, &len))) ++han;
    p += static_cast<uint32_t>(len);
  }
  return han >= 2;
}

std::pair<const CueHit*, const CueHit*> SentenceContext::hits_in(const Range* ranges, size_t n) const {
  uint32_t b = UINT32_MAX, e = 0;
  for (size_t k = 0; k < n; ++k) {
    b = std::min(b, ranges[k].begin);
    e = std::max(e, ranges[k].end);
  }
  auto lo = std::lower_bound(hits_.begin(), hits_.end(), b, [](const CueHit& h, uint32_t p) { return h.begin < p; });
  auto hi = std::lower_bound(lo, hits_.end(), e, [](const CueHit& h, uint32_t p) { return h.begin < p; });
  return {hits_.data() + (lo - hits_.begin()), hits_.data() + (hi - hits_.begin())};
}

uint32_t SentenceContext::distance(const Quantity& q, const CueHit& h) const {
  if (h.end <= q.span.begin) return q.span.begin - h.end;
  if (h.begin >= q.span.end) return h.begin - q.span.end;
  return 0;
}

bool SentenceContext::group_in(int group, const Range* ranges, size_t n, HitSpan hits) const {
  for (const CueHit* hp = hits.first; hp != hits.second; ++hp) {
    const CueHit& h = *hp;
    if (kind_of(h.payload) == CueKind::kGroup && id_of(h.payload) == group && within(h, ranges, n)) return true;
  }
  return false;
}

bool SentenceContext::elliptic(size_t i) const {
  // At most this many bytes of the clause before the figure: a verb and an
  // adverb (已出列, 其中已脱贫), 6 Han characters.
  constexpr uint32_t kMaxLead = 18;
  const Quantity& q = *figures_[i];
  const Range clause = windows_[i].clause;
  if (q.span.end != clause.end || q.span.begin - clause.begin > kMaxLead) return false;
  const Range lead{clause.begin, q.span.begin};
  auto [first, last] = hits_in(&lead, 1);
  for (const CueHit* hp = first; hp != last; ++hp)
    // A group no rule asks for (MASK: 就业岗位 hides 就业) is no cue.
    if (kind_of(hp->payload) == CueKind::kGroup && within(*hp, &lead, 1) &&
        rules_.rule_cue_groups[static_cast<size_t>(id_of(hp->payload))])
      return true;
  return false;
}

bool SentenceContext::parallel_to(size_t i, Range noun_clause) const {
  const Range clause = windows_[i].clause;
  if (noun_clause.end > clause.begin) return false;
  // The clause's change words (a few at most: the first kMaxChanges count).
  constexpr size_t kMaxChanges = 4;
  std::array<std::string_view, kMaxChanges> changes;
  size_t n = 0;
  auto [first, last] = hits_in(&clause, 1);
  for (const CueHit* hp = first; hp != last; ++hp) {
    if (!within(*hp, &clause, 1)) continue;
    if (kind_of(hp->payload) == CueKind::kGroup && rules_.rule_cue_groups[static_cast<size_t>(id_of(hp->payload))])
      return false;
    if (kind_of(hp->payload) == CueKind::kChange && n < kMaxChanges)
      changes[n++] = text_.substr(hp->begin, hp->end - hp->begin);
  }
  if (n == 0) return false;
  auto [nf, nl] = hits_in(&noun_clause, 1);
  for (const CueHit* hp = nf; hp != nl; ++hp)
    if (kind_of(hp->payload) == CueKind::kChange && within(*hp, &noun_clause, 1) &&
        std::find(changes.begin(), changes.begin() + n, text_.substr(hp->begin, hp->end - hp->begin)) !=
            changes.begin() + n)
      return true;
  return false;
}

inline bool SentenceContext::unit_ok(const UnitSpec& spec, const Quantity& q) const {
  if (spec.unit != q.unit) return false;
  if (spec.classifiers.empty()) return true;
  return std::find(spec.classifiers.begin(), spec.classifiers.end(), q.classifier) != spec.classifiers.end();
}

// 7000万贫困人口: a number scaled by 万/亿 with no unit, directly followed by a noun.
bool SentenceContext::bare_scaled(const Quantity& q) const {
  if (!q.unit.empty() || q.span.end > text_.size()) return false;
  std::string_view s = text_.substr(q.span.begin, q.span.size());
  return ends_with(s, "万") || ends_with(s, "亿");
}

uint64_t SentenceContext::rules_for_unit(size_t i) const {
  if (unit_rules_of_ == i) return unit_rules_;
  const Quantity& q = *figures_[i];
  uint64_t candidates = 0;
  if (bare_scaled(q)) {
    candidates = rules_.all_rules;
  } else if (const int u = rules_.unit_id(q.unit); u >= 0) {
    candidates = rules_.rules_by_unit[static_cast<size_t>(u)];
    for (const RulePackData::ClassifierRules& e : rules_.rules_by_classifier[static_cast<size_t>(u)])
      if (e.classifier == q.classifier) {
        candidates |= e.rules;
        break;
      }
  }
  unit_rules_of_ = i;
  unit_rules_ = candidates;
  return candidates;
}

int SentenceContext::match_rule(size_t i, const Range* ranges, size_t n, uint32_t* nearest,
                                 const Range* negated_also, const Range* own) const {
  const Quantity& q = *figures_[i];
  bool bare = bare_scaled(q);
  // The hits of the windows, found once for all rules' groups (two binary
  // searches a group asked took half of match_rule's instructions).
  const HitSpan hits = hits_in(ranges, n);
  const HitSpan hits_also = negated_also ? hits_in(negated_also, 1) : HitSpan{};
  // 4个县、222个贫困村全部脱贫退出: the figure's own noun is a cue of its
  // group at the figure, and the rules asking for another kind of thing
  // (贫困村, in the words the list shares) are not the figure's.
  const int own_kind = windows_[i].own_kind;
  // Whether rule r's conditions hold in the windows; then *nearest is the
  // distance to its nearest cue.
  auto holds = [&](size_t r) {
    const Rule& rule = rules_.rules[r];
    if (own_kind >= 0 && names_other_kind(rule, own_kind)) return false;
    int borrowed = 0;  // positive conditions met outside `own`
    for (const Condition& c : rule.conditions) {
      bool present = false;
      for (int g : c.any_of)
        present = present || g == own_kind || group_in(g, ranges, n, hits) ||
                  (c.negated && negated_also && group_in(g, negated_also, 1, hits_also));
      if (present == c.negated) return false;
      if (own && !c.negated) {
        bool in_own = false;
        for (int g : c.any_of) in_own = in_own || g == own_kind || group_in(g, own, 1, hits);
        borrowed += !in_own;
      }
    }
    if (borrowed > 1) return false;
    uint32_t best = UINT32_MAX;
    for (const CueHit* hp = hits.first; hp != hits.second; ++hp) {
      const CueHit& h = *hp;
      if (kind_of(h.payload) != CueKind::kGroup) continue;
      if (positive_cue(rule, id_of(h.payload)) && within(h, ranges, n)) best = std::min(best, distance(q, h));
    }
    if (own_kind >= 0 && positive_cue(rule, own_kind)) best = 0;  // right after the figure
    *nearest = best;
    return true;
  };
  // The rules that take the figure's unit, in order: from the pack's
  // rules by unit when it has them (at most 64 rules), where trying each
  // rule's units took half of match_rule's instructions; else all, each
  // tried.
  const bool by_unit = !rules_.rules.empty() && rules_.all_rules != 0;
  if (by_unit) {
    // The candidates' bits only, lowest first (the rules in order): a
    // figure's unit leaves a few of the pack's rules, and testing every
    // rule's bit took a fifth of match_rule's instructions.
    uint64_t candidates = rules_for_unit(i);
    if (rules_.rules.size() < 64) candidates &= (uint64_t{1} << rules_.rules.size()) - 1;
    for (; candidates != 0; candidates &= candidates - 1) {
      const size_t r = static_cast<size_t>(std::countr_zero(candidates));
      if (holds(r)) return static_cast<int>(r);
    }
    return -1;
  }
  for (size_t r = 0; r < rules_.rules.size(); ++r) {
    bool unit_match = bare;
    for (const UnitSpec& u : rules_.rules[r].units) unit_match = unit_match || unit_ok(u, q);
    if (unit_match && holds(r)) return static_cast<int>(r);
  }
  return -1;
}

bool SentenceContext::blocked(size_t i, const Range* ranges, size_t n, uint32_t nearest) const {
  const Quantity& q = *figures_[i];
  auto [first, last] = hits_in(ranges, n);
  for (const CueHit* hp = first; hp != last; ++hp) {
    const CueHit& h = *hp;
    if (kind_of(h.payload) != CueKind::kBlock) continue;
    int side = rules_.block_sides[id_of(h.payload)];
    bool before = h.end <= q.span.begin;
    // After-only words: ends_in_block; per-unit words: per_unit.
    if ((side == kBlockBefore && !before) || side == kBlockAfter || side == kBlockPerUnit) continue;
    if (within(h, ranges, n) && distance(q, h) < nearest) return true;
  }
  return false;
}

bool SentenceContext::ends_in_block(size_t i) const {
  const Quantity& q = *figures_[i];
  const Range after{q.span.end, windows_[i].clause.end};
  auto [first, last] = hits_in(&after, 1);
  for (const CueHit* hp = first; hp != last; ++hp) {
    const CueHit& h = *hp;
    if (kind_of(h.payload) != CueKind::kBlock || rules_.block_sides[id_of(h.payload)] != kBlockAfter) continue;
    if (h.begin < after.begin || h.end > after.end) continue;
    // 组织1000名贫困劳动力参加技能培训 goes on to a cue (培训): the figure is
    // of the training, not of who attended.
    bool cue_after = false;
    for (const CueHit* kp = hp + 1; kp != last && !cue_after; ++kp)
      cue_after = kind_of(kp->payload) == CueKind::kGroup && kp->begin >= h.end && kp->end <= after.end;
    if (!cue_after) return true;
  }
  return false;
}

namespace {

// 1户1人, 一户一人: one of a thing for each one of another, a ratio written
// as two figures of 1 back to back ("one person per household").
bool one_for_one(const Quantity& a, const Quantity& b) {
  return a.span.end == b.span.begin && a.has_value() && b.has_value() && a.value == Decimal(1) &&
         b.value == Decimal(1) && !a.value_high && !b.value_high && a.approx == Approx::kNone && a.unit != b.unit;
}

}  // namespace

bool SentenceContext::per_unit(size_t i) const {
  const Quantity& q = *figures_[i];
  // 实现1户1人以上就业: a ratio (one person per household), neither half an amount.
  if ((i > 0 && one_for_one(*figures_[i - 1], q)) || (i + 1 < figures_.size() && one_for_one(q, *figures_[i + 1])))
    return true;
  const Range before{windows_[i].clause.begin, q.span.begin};
  if (before.begin >= before.end) return false;
  auto [first, last] = hits_in(&before, 1);
  for (const CueHit* hp = first; hp != last; ++hp) {
    if (kind_of(hp->payload) == CueKind::kBlock && rules_.block_sides[id_of(hp->payload)] == kBlockPerUnit &&
        within(*hp, &before, 1))
      return true;
  }
  return false;
}

bool SentenceContext::threshold(size_t i) const {
  const Quantity& q = *figures_[i];
  if (q.span.end + 3 > text_.size() || text_.compare(q.span.end, 3, "的") != 0) return false;
  const std::string_view s = text_.substr(q.span.begin, q.span.size());
  if (ends_with(s, "以下") || ends_with(s, "以上")) return true;
  for (std::string_view bound : {"超过", "高于", "低于", "不足", "不到"})
    if (s.starts_with(bound)) return true;
  return false;
}

std::string SentenceContext::change_for(size_t i, const MetricDef& m) const {
  const Quantity& q = *figures_[i];
  const Windows& w = windows_[i];
  const CueHit* nearest = nullptr;
  uint32_t best = UINT32_MAX;
  // Target words reach back at most kTargetReach bytes: further back, in a
  // run-on sentence, they belong to other figures (and scanning all of them
  // for every figure would cost the sentence's length squared). Forward they
  // reach to the end of the clause, itself at most kClauseReach bytes away.
  constexpr uint32_t kTargetReach = 600;
  Range reach{q.span.begin > sentence_.begin + kTargetReach ? q.span.begin - kTargetReach : sentence_.begin,
              std::max(w.clause.end, w.right.end)};
  const Range tight[2] = {w.left, w.right};
  auto [first, last] = hits_in(&reach, 1);
  // 计划减贫1.9万人，目前已实现减贫2.07万人: a total word in the figure's own
  // clause before it outweighs the target words of earlier clauses.
  // Looked for only when an earlier clause holds a target word (rare).
  // (The hits as plain pointers: a lambda may not capture a structured
  // binding before C++20's clang 16.)
  const CueHit* const reach_first = first;
  const CueHit* const reach_last = last;
  int done_in_clause = -1;  // unknown
  auto done = [&] {
    if (done_in_clause < 0) {
      done_in_clause = 0;
      for (const CueHit* hp = reach_first; hp != reach_last && !done_in_clause; ++hp)
        done_in_clause = kind_of(hp->payload) == CueKind::kChange && hp->begin >= w.clause.begin &&
                         hp->end <= q.span.begin && !quoted(*hp) && rules_.change_kinds[id_of(hp->payload)] == "total";
    }
    return done_in_clause == 1;
  };
  for (const CueHit* hp = first; hp != last; ++hp) {
    const CueHit& h = *hp;
    if (kind_of(h.payload) != CueKind::kChange) continue;
    // “雨露计划”: a change word inside quotation marks is part of a name.
    if (quoted(h)) continue;
    const std::string& kind = rules_.change_kinds[id_of(h.payload)];
    bool before = h.end <= q.span.begin;
    bool in_clause_after = h.begin >= q.span.end && h.end <= w.clause.end;
    if (kind == "target" && (before || in_clause_after) && !(h.end <= w.clause.begin && done())) return kind;
    // 为确保1000户如期脱贫 (a target), but 为确保…，全县建设扶贫车间12个 (done
    // for that purpose): a clause-target word speaks for its own clause.
    if (kind == "clause-target") {
      if (before && h.begin >= w.clause.begin) return "target";
      continue;
    }
    if (within(h, tight, 2) && distance(q, h) < best) {
      best = distance(q, h);
      nearest = &h;
    }
  }
  if (nearest) {
    const std::string& kind = rules_.change_kinds[id_of(nearest->payload)];
    // 剩余的8个贫困县…全部脱贫: a standing word before the figure names what
    // the figure counts; a total word after it (its list's shared words
    // too) says what became of them.
    if (kind == "level" && nearest->end <= q.span.begin) {
      const Range after[2] = {w.right, shared_tail(i)};
      auto [af, al] = hits_in(after, after[1].size() ? 2 : 1);
      for (const CueHit* hp = af; hp != al; ++hp)
        if (kind_of(hp->payload) == CueKind::kChange && within(*hp, after, 2) && hp->begin >= q.span.end &&
            rules_.change_kinds[id_of(hp->payload)] == "total")
          return "total";
    }
    return kind;
  }
  // 有贫困村12个, 全县共有贫困人口3000人: 有 right before the noun that
  // names the figure says how many there are; not when a cue after the
  // figure says what became of them (共有贫困人口4.2万人脱贫, 有贫困村12个
  // 退出: how many did).
  for (const CueHit* hp = first; hp != last; ++hp)
    if (kind_of(hp->payload) == CueKind::kGroup && hp->end == q.span.begin && hp->begin >= 3 &&
        text_.compare(hp->begin - 3, 3, "有") == 0 && !(hp->begin >= 6 && text_.compare(hp->begin - 6, 3, "没") == 0)) {
      bool became = false;
      for (const CueHit* after = first; after != last && !became; ++after)
        became = kind_of(after->payload) == CueKind::kGroup && after->begin >= q.span.end && after->end <= w.right.end;
      if (!became) return "level";
    }
  // 全县共有147个贫困村: 有 right before the figure and its own noun (an
  // own-noun of the pack: 贫困村, 县) right after it say the same; not 没有,
  // nor 已有 / 已经有 (already: 已有196个退出), nor with a cue after the
  // noun saying what became of them (有12个贫困村退出).
  if (windows_[i].own_kind >= 0 && q.span.begin >= 6 && text_.compare(q.span.begin - 3, 3, "有") == 0 &&
      text_.compare(q.span.begin - 6, 3, "没") != 0 && text_.compare(q.span.begin - 6, 3, "已") != 0 &&
      !(q.span.begin >= 9 && text_.compare(q.span.begin - 9, 6, "已经") == 0)) {
    bool became = false;
    for (const CueHit* hp = first; hp != last && !became; ++hp)
      became = kind_of(hp->payload) == CueKind::kGroup && hp->begin > q.span.end && hp->end <= w.right.end;
    if (!became) return "level";
  }
  // 217个贫困村中已有196个退出: the whole of a partitive is how many there are.
  if (whole_of_next(i)) return "level";
  return m.change;
}

bool SentenceContext::level_word_before(size_t i) const {
  const Quantity& q = *figures_[i];
  const Range own{windows_[i].clause.begin, q.span.begin};
  if (own.begin >= own.end) return false;
  auto [first, last] = hits_in(&own, 1);
  for (const CueHit* hp = first; hp != last; ++hp)
    if (kind_of(hp->payload) == CueKind::kChange && hp->begin >= own.begin && hp->end <= own.end &&
        rules_.change_kinds[id_of(hp->payload)] == "level")
      return true;
  return false;
}

std::vector<Attachment> SentenceContext::attach_all() {
  std::vector<Attachment> out(figures_.size());
  int last_metric = carried_metric_;  // metric of the previous attached figure in the sentence
  bool last_level = false;            // that figure's change is level
  bool in_subset = false;    // inside a 其中 list
  const Range* total_clause = nullptr;  // the clause of the total a 其中 list parts
  const Range* noun_clause = nullptr;   // the clause of the last figure attached by its own words
  int list_verb = -1;                   // rule of the figure before, if its verb may govern the next list item
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Quantity& q = *figures_[i];
    const Windows& w = windows_[i];
    Attachment& a = out[i];
    Range tight[2] = {w.left, w.right};
    // With the list's shared words, when it has them (a third range costs
    // every rule's match a third look).
    const Range tight_tail[3] = {w.left, w.right, shared_tail(i)};
    const size_t n_tight = tight_tail[2].size() ? 3 : 2;

    // 其中: a part of the figure before keeps its metric.
    bool opens_subset = false;
    bool only_members = true;
    auto [first, last] = hits_in(tight, 2);
    for (const CueHit* hp = first; hp != last; ++hp) {
      const CueHit& h = *hp;
      if (!within(h, tight, 2)) continue;
      if (kind_of(h.payload) == CueKind::kSubset && h.end <= q.span.begin) opens_subset = true;
      if (kind_of(h.payload) == CueKind::kGroup &&
          std::find(rules_.subset_members.begin(), rules_.subset_members.end(), id_of(h.payload)) ==
              rules_.subset_members.end())
        only_members = false;
    }
    // The sentence's own opening 其中 (continue_subset_of) opens the list
    // for its first figure, whatever clause mark stands between.
    if (i == 0 && carried_metric_ >= 0) opens_subset = true;
    // 带动83户贫困户发展养殖，其中已有76户实现脱贫: a part with a verb of its
    // own that names another metric (脱贫) is that metric's.
    bool own_metric = false;
    if (opens_subset && !only_members && last_metric >= 0) {
      uint32_t own_nearest = UINT32_MAX;
      const int own = match_rule(i, tight, 2, &own_nearest);
      own_metric = own >= 0 && rules_.rules[static_cast<size_t>(own)].metric != last_metric;
    }
    if (last_metric >= 0 && !own_metric && (opens_subset || (in_subset && only_members))) {
      const MetricDef& m = rules_.metrics[last_metric];
      if (std::find(m.units.begin(), m.units.end(), q.unit) != m.units.end()) {
        a.metric = last_metric;
        a.unit = q.unit;
        a.change = change_for(i, m);
        // 全省共有贫困村6220个，其中深度贫困村3720个: a part of a standing
        // count stands too, unless its own words say otherwise.
        if (last_level && a.change == m.change) a.change = "level";
        last_level = a.change == "level";
        in_subset = true;
        list_verb = -1;
        continue;
      }
    }
    in_subset = false;

    // 搬迁1200户5130人，其中建档立卡贫困户860户3650人: the parts of a total
    // are what the total is (a !GROUP word of the total's clause counts),
    // through the rest of the parts' clause.
    const bool same_clause = i > 0 && w.clause.begin == windows_[i - 1].clause.begin;
    if (opens_subset && i > 0 && !same_clause) {
      total_clause = &windows_[i - 1].clause;
    } else if (!same_clause) {
      total_clause = nullptr;
    }
    uint32_t nearest = UINT32_MAX;
    int r = -1;
    bool headless = false;
    bool borrowed = false;
    if (bare_scaled(q)) {
      // A number with no unit counts something only if a cue noun follows it
      // directly (7000万贫困人口); then its words are read as for any figure.
      headless = true;
      Range at{q.span.end, q.span.end + 1};
      auto [first, last] = hits_in(&at, 1);
      for (const CueHit* hp = first; hp != last; ++hp)
        if (hp->begin == q.span.end && kind_of(hp->payload) == CueKind::kGroup) headless = false;
    }
    if (!headless) {
      r = match_rule(i, tight_tail, n_tight, &nearest, total_clause);
      if (r >= 0) {
        if (blocked(i, tight_tail, n_tight, nearest)) r = -1;
      } else if (!own_list_item(i) && !named_list_item(i) && !whole_of_next(i)) {
        r = match_rule(i, &w.clause, 1, &nearest, total_clause);
        if (r >= 0 && blocked(i, &w.clause, 1, nearest)) r = -1;
        // 全县共有贫困村48个，已出列45个，未出列3个: a short clause that ends
        // with its figure and holds a cue of its own (出列) but not the noun
        // takes the noun from the clause of the last figure that had one;
        // not one repeating a cue of that clause, which says its own thing
        // (已有780个贫困县摘帽，剩余贫困县52个: no exits).
        if (r < 0 && noun_clause && (elliptic(i) || parallel_to(i, *noun_clause)) &&
            !shares_cue(w.clause, *noun_clause)) {
          // 217个贫困村中已有196个退出，剩余21个: the remaining villages,
          // not exits (the noun is borrowed, 退出 is not).
          const Range both[2] = {*noun_clause, w.clause};
          r = match_rule(i, both, 2, &nearest, total_clause, &w.clause);
          if (r >= 0 && blocked(i, both, 2, nearest)) r = -1;
          // 已有9.8万人实现脱贫，剩余0.7万人: a standing word before the
          // figure in its own clause (剩余, 现有) counts what is left, no
          // work done: not a metric of the work (脱贫, 退出) borrowed.
          if (r >= 0 && rules_.metrics[static_cast<size_t>(rules_.rules[static_cast<size_t>(r)].metric)].change == "total" &&
              level_word_before(i))
            r = -1;
          borrowed = r >= 0;
        }
        // 贫困发生率下降3.2个百分点，降至1.5%: a clause of a change word and
        // the figure alone goes on with the clause before it (whose figure,
        // if any, was its own: 个百分点 is none, 3000人 in 贫困人口减少3000人，
        // 降至2100人 another), and borrows its noun, not its verb (降至2100人
        // is a level, not the lifted).
        if (r < 0) {
          if (const Range before = clause_before_change(i); before.begin < before.end) {
            const Range both[2] = {before, w.clause};
            r = match_rule(i, both, 2, &nearest, total_clause, &w.clause);
            if (r >= 0 && blocked(i, both, 2, nearest)) r = -1;
            borrowed = r >= 0;
          }
        }
      }
    }
    // 下达扶贫资金：武都区8650万元、…: a list after a colon is read through
    // its heading, which governs every item of the list.
    bool headed = false;
    if (r < 0 && !headless) {
      const Range heading = colon_heading(i);
      if (heading.begin < heading.end) {
        const Range both[3] = {heading, w.left, w.right};
        r = match_rule(i, both, 3, &nearest, total_clause);
        if (r >= 0 && blocked(i, both, 3, nearest)) r = -1;
        headed = r >= 0;
      }
    }
    // 培训基层干部1850人次、乡村技术人员2370人次: a list item naming its own
    // noun and no cue shares the verb that governs the item before it.
    // 带动贫困户1300余户、贫困人口5200人增收: an item whose own words are only
    // a noun of the poor (a subset member: 贫困人口) is the verb's object too.
    bool shared = false;
    if (r >= 0 && !headless && list_verb >= 0 && list_verb != r && own_list_item(i) && noun_only(r)) r = -1;
    if (r < 0 && !headless && list_verb >= 0 && own_list_item(i)) {
      const Rule& verb_rule = rules_.rules[static_cast<size_t>(list_verb)];
      bool unit_match = false;
      for (const UnitSpec& u : verb_rule.units) unit_match = unit_match || unit_ok(u, q);
      // 3个县 after an item counting villages is not the villages' verb's.
      const bool other_kind = w.own_kind >= 0 && names_other_kind(verb_rule, w.own_kind);
      if (unit_match && !other_kind && !blocked(i, tight, 2, UINT32_MAX)) {
        r = list_verb;
        shared = true;
      }
    }
    list_verb = -1;
    if (r >= 0 && (ends_in_block(i) || per_unit(i) || threshold(i))) r = -1;
    if (r < 0) continue;
    if (shared || headed || (!borrowed && governs_object(i, r))) list_verb = r;
    if (!borrowed) noun_clause = &w.clause;
    const Rule& rule = rules_.rules[r];
    a.metric = rule.metric;
    a.unit = q.unit.empty() ? rule.units.front().unit : q.unit;
    a.change = change_for(i, rules_.metrics[rule.metric]);
    last_metric = rule.metric;
    last_level = a.change == "level";
  }
  return out;
}

}  // namespace aidtext
