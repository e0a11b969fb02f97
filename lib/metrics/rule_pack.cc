#include "metrics/rule_pack.h"

#include <re2/re2.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <cstdio>
#include <vector>

#include "core/utf8.h"
#include "metrics/char_index.h"
#include "metrics/char_scan.h"
#include "metrics/rule_pack_data.h"

extern "C" const unsigned char aidtext_default_rules[];
extern "C" const unsigned long aidtext_default_rules_size;

namespace aidtext {
namespace {

// Limits that keep a hostile pack from costing much memory or time.
// A pack is configuration, a few kilobytes; 4 MiB is far beyond any real one.
constexpr size_t kMaxPackBytes = size_t{4} << 20;
// Cues are words: a literal or pattern longer than 256 bytes is a mistake,
// and capping pattern size caps the RE2 program built from it.
constexpr size_t kMaxCueBytes = 256;
// RE2 memory budget per pattern (its DFA cache); small patterns need far less.
constexpr int64_t kMaxPatternMemory = 1 << 20;
// Every list (groups, cues, rules, metrics) stays below kKindStride so that
// payload ids of the combined cue index never collide; 100000 is plenty.
constexpr size_t kMaxListEntries = 100000;
// At most 64 patterns in a pack: each is run over every sentence that holds a
// figure, so their number, not their size, sets the cost.
constexpr size_t kMaxPatterns = 64;

const char* const kUnits[] = {"person", "person_time", "household", "count", "CNY", "percent"};
const char* const kChanges[] = {"level", "total", "target"};
// A change word's kinds: a record's three, and clause-target, a target word
// for the figures after it in its own clause only (为确保…: a purpose).
const char* const kChangeWordKinds[] = {"level", "total", "target", "clause-target"};

bool is_known(std::string_view s, const char* const* list, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (s == list[i]) return true;
  return false;
}

bool valid_id(std::string_view s, bool upper) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    bool ok = (c >= '0' && c <= '9') || c == '_' || (upper ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z'));
    if (!ok) return false;
  }
  return true;
}

// The parts of `s` between `sep`s, one at a time (an empty `s` is one
// empty part): a vector of them took an allocation for each of the default
// pack's 102 unit lists and conditions.
class Parts {
 public:
  Parts(std::string_view s, char sep) : rest_(s), sep_(sep) {}
  bool next(std::string_view* part) {
    if (done_) return false;
    const size_t e = rest_.find(sep_);
    done_ = e == std::string_view::npos;
    *part = rest_.substr(0, e);
    if (!done_) rest_.remove_prefix(e + 1);
    return true;
  }

 private:
  std::string_view rest_;
  char sep_;
  bool done_ = false;
};

// The first space or tab at or after line[i], or line.size(). Eight bytes at a
// time: a byte at a time took 107k of the default pack's parse's
// instructions, where words are two to five Han characters (6 to 15 bytes).
size_t word_end(std::string_view line, size_t i) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    for (; i + 8 <= line.size(); i += 8) {
      uint64_t v = 0;
      std::memcpy(&v, line.data() + i, 8);
      // A byte of v equal to ' ' or '\t' is a zero byte of `space` or `tab`;
      // (x - kOnes) & ~x & kHighs marks the first zero byte of x exactly
      // (a borrow can mark bytes after it only).
      const uint64_t space = v ^ (kOnes * ' '), tab = v ^ (kOnes * '\t');
      const uint64_t marks = (((space - kOnes) & ~space) | ((tab - kOnes) & ~tab)) & kHighs;
      if (marks) return i + static_cast<size_t>(std::countr_zero(marks)) / 8;
    }
  }
  while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
  return i;
}

// The words of `line` into *out, which is reused from line to line: a
// vector a line took 1,151 allocations for the default pack's 271 lines.
void tokens(std::string_view line, std::vector<std::string_view>* out) {
  out->clear();
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const size_t b = i;
    i = word_end(line, i);
    if (i > b) out->push_back(line.substr(b, i - b));
  }
}

// Whether `line` holds no word or its first word starts with '#': a
// comment is not split into words (0.4 of the default pack's bytes).
bool blank_or_comment(std::string_view line) {
  const size_t first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

std::string quoted(std::string_view s) {
  std::string out = "'";
  // Keep messages short and printable whatever the pack holds.
  size_t n = std::min<size_t>(s.size(), 80);
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    out += (c < 0x20 || c == 0x7F) ? '?' : static_cast<char>(c);
  }
  if (n < s.size()) out += "...";
  return out + "'";
}

}  // namespace

class RulePackParser {
 public:
  RulePackParser(RulePackData* data, const RulePackData* base) : d_(data), base_(base) {}

  bool parse(std::string_view text, std::string* error) {
    if (text.size() > kMaxPackBytes) return fail(0, "rule pack larger than 4 MiB", error);
    size_t pos = 0;
    int line_no = 0;
    bool seen_directive = false;
    // The whole pack at once; line by line only to name a bad line.
    const bool all_valid = utf8::valid(text);
    std::vector<std::string_view> t;
    while (pos <= text.size()) {
      size_t e = text.find('\n', pos);
      if (e == std::string_view::npos) e = text.size();
      std::string_view line = text.substr(pos, e - pos);
      pos = e + 1;
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!all_valid && !utf8::valid(line)) return fail(line_no, "not valid UTF-8", error);
      if (blank_or_comment(line)) continue;
      tokens(line, &t);
      if (t[0] == "use") {
        if (t.size() != 2 || t[1] != "default") return fail(line_no, "expected 'use default'", error);
        if (seen_directive) return fail(line_no, "'use default' must come before everything else", error);
        if (!base_) return fail(line_no, "'use default' inside the default pack", error);
        *d_ = *base_;
        inherited_rules_ = std::move(d_->rules);
        d_->rules.clear();
        seen_directive = true;
        continue;
      }
      seen_directive = true;
      std::string err;
      if (!directive(t, line_no, &err)) return fail(line_no, err, error);
    }
    // A pack's own rules are tried before the ones it inherits.
    for (Rule& r : inherited_rules_) d_->rules.push_back(std::move(r));
    if (d_->rules.empty()) return fail(0, "the pack defines no rule", error);
    d_->finish();
    return true;
  }

 private:
  static bool fail(int line, std::string_view what, std::string* error) {
    if (error) *error = (line > 0 ? "line " + std::to_string(line) + ": " : std::string()) + std::string(what);
    return false;
  }

  int find_metric(std::string_view id) const {
    for (size_t i = 0; i < d_->metrics.size(); ++i)
      if (d_->metrics[i].id == id) return static_cast<int>(i);
    return -1;
  }
  int find_group(std::string_view name) const {
    for (size_t i = 0; i < d_->groups.size(); ++i)
      if (d_->groups[i].name == name) return static_cast<int>(i);
    return -1;
  }

  bool check_word(std::string_view w, std::string* err) {
    if (w.size() > kMaxCueBytes) {
      *err = "cue " + quoted(w) + " longer than 256 bytes";
      return false;
    }
    return true;
  }

  // Room for n more entries at once, growing as push_back would: the
  // default pack's word lists moved their strings 1,989 times as they grew
  // one word at a time.
  template <typename T>
  static void reserve_more(std::vector<T>* list, size_t n) {
    const size_t need = list->size() + n;
    if (need > list->capacity()) list->reserve(std::max(need, 2 * list->capacity()));
  }

  bool add_words(const std::vector<std::string_view>& t, size_t from, std::vector<std::string>* list,
                 std::string* err) {
    if (t.size() <= from) {
      *err = "'" + std::string(t[0]) + "' needs at least one word";
      return false;
    }
    reserve_more(list, t.size() - from);
    for (size_t i = from; i < t.size(); ++i) {
      if (!check_word(t[i], err)) return false;
      if (list->size() >= kMaxListEntries) {
        *err = "too many entries";
        return false;
      }
      list->emplace_back(t[i]);
    }
    return true;
  }

  // plan-period <name> <first year> <last year>: years 1900–2100, first <= last.
  bool add_plan_period(const std::vector<std::string_view>& t, std::string* err) {
    if (t.size() != 4) {
      *err = "'plan-period' needs a name, its first year and its last year";
      return false;
    }
    if (!check_word(t[1], err)) return false;
    auto year = [](std::string_view w) {
      int y = 0;
      if (w.size() != 4) return -1;
      for (char c : w) {
        if (c < '0' || c > '9') return -1;
        y = y * 10 + (c - '0');
      }
      return y >= 1900 && y <= 2100 ? y : -1;
    };
    const int first = year(t[2]), last = year(t[3]);
    if (first < 0 || last < 0 || first > last) {
      *err = "plan-period years " + quoted(t[2]) + " and " + quoted(t[3]) + " are not two years 1900-2100 in order";
      return false;
    }
    if (d_->plan_periods.size() >= kMaxListEntries) {
      *err = "too many entries";
      return false;
    }
    d_->plan_periods.push_back(RulePackData::PlanPeriod{std::string(t[1]), first, last});
    return true;
  }

  bool add_cue(CueGroup& g, std::string_view cue, std::string* err) {
    if (!check_word(cue, err)) return false;
    if (cue.substr(0, 3) == "re:") {
      std::string_view src = cue.substr(3);
      if (src.empty()) {
        *err = "empty pattern";
        return false;
      }
      if (++patterns_ > kMaxPatterns) {
        *err = "more than 64 patterns in the pack";
        return false;
      }
      RE2::Options opt;
      opt.set_log_errors(false);
      opt.set_max_mem(kMaxPatternMemory);
      opt.set_encoding(RE2::Options::EncodingUTF8);
      auto re = std::make_shared<RE2>(re2::StringPiece(src.data(), src.size()), opt);
      if (!re->ok()) {
        *err = "bad pattern " + quoted(src) + ": " + re->error();
        return false;
      }
      // A pattern that matches the empty string would make every text a cue.
      if (RE2::FullMatch("", *re)) {
        *err = "pattern " + quoted(src) + " matches the empty string";
        return false;
      }
      g.patterns.push_back(std::move(re));
      g.pattern_sources.emplace_back(src);
      return true;
    }
    if (g.literals.size() >= kMaxListEntries) {
      *err = "too many cues in group " + g.name;
      return false;
    }
    g.literals.emplace_back(cue);
    return true;
  }

  // metric <id> <unit>[|<unit>...] <level|total|target>
  bool metric(const std::vector<std::string_view>& t, std::string* err) {
    if (t.size() != 4) {
      *err = "expected 'metric <id> <unit>[|<unit>...] <level|total|target>'";
      return false;
    }
    if (!valid_id(t[1], false)) {
      *err = "bad metric id " + quoted(t[1]) + " (lower-case letters, digits, _)";
      return false;
    }
    MetricDef m;
    m.id = std::string(t[1]);
    Parts units(t[2], '|');
    for (std::string_view u; units.next(&u);) {
      if (!is_known(u, kUnits, std::size(kUnits))) {
        *err = "unknown unit " + quoted(u);
        return false;
      }
      m.units.emplace_back(u);
    }
    if (!is_known(t[3], kChanges, std::size(kChanges))) {
      *err = "unknown change " + quoted(t[3]) + " (level, total or target)";
      return false;
    }
    m.change = std::string(t[3]);
    int at = find_metric(m.id);
    if (at >= 0) {
      d_->metrics[at] = std::move(m);
    } else {
      if (d_->metrics.size() >= kMaxListEntries) {
        *err = "too many metrics";
        return false;
      }
      d_->metrics.push_back(std::move(m));
    }
    return true;
  }

  // group <NAME> [+=] <cue>...
  bool group(const std::vector<std::string_view>& t, std::string* err) {
    if (t.size() < 3 || !valid_id(t[1], true)) {
      *err = t.size() < 2 ? "expected 'group <NAME> <cue>...'"
                          : (valid_id(t[1], true) ? "group " + std::string(t[1]) + " has no cue"
                                                  : "bad group name " + quoted(t[1]) + " (upper-case letters, digits, _)");
      return false;
    }
    bool extend = t[2] == "+=";
    size_t first = extend ? 3 : 2;
    if (t.size() <= first) {
      *err = "group " + std::string(t[1]) + " has no cue";
      return false;
    }
    int at = find_group(t[1]);
    if (extend && at < 0) {
      *err = "unknown group " + quoted(t[1]) + " to extend";
      return false;
    }
    CueGroup g;
    if (extend) g = d_->groups[at];
    g.name = std::string(t[1]);
    reserve_more(&g.literals, t.size() - first);
    for (size_t i = first; i < t.size(); ++i)
      if (!add_cue(g, t[i], err)) return false;
    if (at >= 0) {
      d_->groups[at] = std::move(g);
    } else {
      if (d_->groups.size() >= kMaxListEntries) {
        *err = "too many groups";
        return false;
      }
      d_->groups.push_back(std::move(g));
    }
    return true;
  }

  // rule <metric> <unit>[/<classifiers>][|...] <cond>...   cond: A, A|B, !A
  bool rule(const std::vector<std::string_view>& t, int line, std::string* err) {
    if (t.size() < 4) {
      *err = "expected 'rule <metric> <unit>[|<unit>...] <GROUP>...'";
      return false;
    }
    Rule r;
    r.line = line;
    r.metric = find_metric(t[1]);
    if (r.metric < 0) {
      *err = "unknown metric " + quoted(t[1]) + " (define it with 'metric' first)";
      return false;
    }
    const MetricDef& m = d_->metrics[r.metric];
    Parts units(t[2], '|');
    for (std::string_view u; units.next(&u);) {
      UnitSpec spec;
      size_t slash = u.find('/');
      std::string_view name = u.substr(0, slash);
      if (!is_known(name, kUnits, std::size(kUnits))) {
        *err = "unknown unit " + quoted(name);
        return false;
      }
      if (std::find(m.units.begin(), m.units.end(), name) == m.units.end()) {
        *err = "unit " + quoted(name) + " is not a unit of metric " + m.id;
        return false;
      }
      spec.unit = std::string(name);
      if (slash != std::string_view::npos) {
        if (name != "count") {
          *err = "only 'count' takes classifiers (count/个项)";
          return false;
        }
        std::string_view cls = u.substr(slash + 1);
        size_t p = 0;
        while (p < cls.size()) {
          int len = 1;
          utf8::decode(cls, p, &len);
          spec.classifiers.emplace_back(cls.substr(p, len));
          p += len;
        }
        if (spec.classifiers.empty()) {
          *err = "no classifier after 'count/'";
          return false;
        }
      }
      r.units.push_back(std::move(spec));
    }
    bool positive = false;
    r.conditions.reserve(t.size() - 3);
    for (size_t i = 3; i < t.size(); ++i) {
      Condition c;
      std::string_view s = t[i];
      if (s[0] == '!') {
        c.negated = true;
        s.remove_prefix(1);
      }
      Parts names(s, '|');
      for (std::string_view name; names.next(&name);) {
        int g = find_group(name);
        if (g < 0) {
          *err = "unknown group " + quoted(name);
          return false;
        }
        c.any_of.push_back(g);
      }
      positive = positive || !c.negated;
      r.conditions.push_back(std::move(c));
    }
    if (!positive) {
      *err = "a rule needs at least one group that must occur";
      return false;
    }
    if (d_->rules.size() + inherited_rules_.size() >= kMaxListEntries) {
      *err = "too many rules";
      return false;
    }
    d_->rules.push_back(std::move(r));
    return true;
  }

  // own-noun <GROUP> <word>...
  bool own_noun(const std::vector<std::string_view>& t, std::string* err) {
    if (t.size() < 2) {
      *err = "expected 'own-noun <GROUP> <word>...'";
      return false;
    }
    const int g = find_group(t[1]);
    if (g < 0) {
      *err = "unknown group " + quoted(t[1]);
      return false;
    }
    if (!add_words(t, 2, &d_->own_nouns, err)) return false;
    d_->own_noun_groups.resize(d_->own_nouns.size(), g);
    return true;
  }

  bool directive(const std::vector<std::string_view>& t, int line, std::string* err) {
    std::string_view k = t[0];
    if (k == "metric") return metric(t, err);
    if (k == "group") return group(t, err);
    if (k == "rule") return rule(t, line, err);
    if (k == "change") {
      if (t.size() < 3 || !is_known(t[1], kChangeWordKinds, std::size(kChangeWordKinds))) {
        *err = "expected 'change <level|total|target|clause-target> <cue>...'";
        return false;
      }
      size_t before = d_->change_cues.size();
      if (!add_words(t, 2, &d_->change_cues, err)) return false;
      d_->change_kinds.resize(before);
      d_->change_kinds.insert(d_->change_kinds.end(), d_->change_cues.size() - before, std::string(t[1]));
      return true;
    }
    if (k == "block" || k == "block-before" || k == "block-after" || k == "per-unit") {
      if (!add_words(t, 1, &d_->block_cues, err)) return false;
      d_->block_sides.resize(d_->block_cues.size(), k == "block"          ? kBlockEither
                                                    : k == "block-before" ? kBlockBefore
                                                    : k == "block-after"  ? kBlockAfter
                                                                          : kBlockPerUnit);
      return true;
    }
    if (k == "subset") return add_words(t, 1, &d_->subset_markers, err);
    if (k == "subset-member") {
      if (t.size() < 2) {
        *err = "'subset-member' needs at least one group";
        return false;
      }
      for (size_t i = 1; i < t.size(); ++i) {
        int g = find_group(t[i]);
        if (g < 0) {
          *err = "unknown group " + quoted(t[i]);
          return false;
        }
        d_->subset_members.push_back(g);
      }
      return true;
    }
    if (k == "own-noun") return own_noun(t, err);
    if (k == "place-suffix") {
      for (size_t i = 1; i < t.size(); ++i) {
        int len = 0;
        utf8::decode(t[i], 0, &len);
        if (static_cast<size_t>(len) != t[i].size()) {
          *err = "place suffix " + quoted(t[i]) + " is not one character";
          return false;
        }
      }
      return add_words(t, 1, &d_->place_suffixes, err);
    }
    if (k == "place") return add_words(t, 1, &d_->places, err);
    if (k == "not-place") return add_words(t, 1, &d_->not_places, err);
    if (k == "org-after") return add_words(t, 1, &d_->org_after, err);
    if (k == "issuer-after") return add_words(t, 1, &d_->issuer_after, err);
    if (k == "venue-verb") return add_words(t, 1, &d_->venue_verbs, err);
    if (k == "time-start-after") return add_words(t, 1, &d_->time_start_after, err);
    if (k == "time-start-before") return add_words(t, 1, &d_->time_start_before, err);
    if (k == "time-span") return add_words(t, 1, &d_->time_spans, err);
    if (k == "time-now") return add_words(t, 1, &d_->time_now, err);
    if (k == "bullet") return add_words(t, 1, &d_->bullets, err);
    if (k == "time-as-of") return add_words(t, 1, &d_->time_as_of, err);
    if (k == "giver-verb") return add_words(t, 1, &d_->giver_verbs, err);
    if (k == "away-before") return add_words(t, 1, &d_->away_before, err);
    if (k == "away-after") return add_words(t, 1, &d_->away_after, err);
    if (k == "away-verb") return add_words(t, 1, &d_->away_verbs, err);
    if (k == "located-before") return add_words(t, 1, &d_->located_before, err);
    if (k == "source-before") return add_words(t, 1, &d_->source_before, err);
    if (k == "page-tail") return add_words(t, 1, &d_->page_tail, err);
    if (k == "link-list") return add_words(t, 1, &d_->link_list, err);
    if (k == "byline") return add_words(t, 1, &d_->byline, err);
    if (k == "plan-period") return add_plan_period(t, err);
    if (k == "plan-period-word") return add_words(t, 1, &d_->plan_period_words, err);
    if (k == "topic") return add_words(t, 1, &d_->topic, err);
    if (k == "recipient-before") return add_words(t, 1, &d_->recipient_before, err);
    if (k == "destination-after") return add_words(t, 1, &d_->destination_after, err);
    if (k == "zero-word") return add_words(t, 1, &d_->zero_words, err);
    if (k == "zero-filler") return add_words(t, 1, &d_->zero_fillers, err);
    if (k == "zero-subject") {
      if (t.size() < 3) {
        *err = "'zero-subject' needs a unit and at least one group";
        return false;
      }
      if (!is_known(t[1], kUnits, std::size(kUnits))) {
        *err = "unknown unit " + quoted(t[1]);
        return false;
      }
      for (size_t i = 2; i < t.size(); ++i) {
        const int g = find_group(t[i]);
        if (g < 0) {
          *err = "unknown group " + quoted(t[i]);
          return false;
        }
        if (d_->zero_subjects.size() >= kMaxListEntries) {
          *err = "too many entries";
          return false;
        }
        d_->zero_subjects.push_back({std::string(t[1]), g});
      }
      return true;
    }
    *err = "unknown keyword " + quoted(k);
    return false;
  }

  RulePackData* d_;
  const RulePackData* base_;
  std::vector<Rule> inherited_rules_;
  size_t patterns_ = 0;
};

// The bytes of the last (or first) two characters of `w` packed into *key;
// false when `w` has fewer than two characters or they take more than 8 bytes.
bool two_char_key(std::string_view w, bool last, uint64_t* key) {
  size_t n = 0, chars = 0;
  if (last) {
    // Most words end in two three-byte characters (lead, continuation,
    // continuation, twice), which the walk below takes six steps to find.
    const auto* e = reinterpret_cast<const unsigned char*>(w.data()) + w.size();
    auto cont = [](unsigned char c) { return (c & 0xC0) == 0x80; };
    if (w.size() >= 6 && cont(e[-1]) && cont(e[-2]) && !cont(e[-3]) && cont(e[-4]) && cont(e[-5]) && !cont(e[-6])) {
      *key = 0;
      std::memcpy(key, e - 6, 6);
      return true;
    }
    size_t b = w.size();
    while (b > 0 && chars < 2) {
      --b;
      if ((static_cast<unsigned char>(w[b]) & 0xC0) != 0x80) ++chars;
    }
    n = w.size() - b;
    if (chars < 2 || n > 8) return false;
    *key = 0;
    std::memcpy(key, w.data() + b, n);
    return true;
  }
  size_t e = 0;
  while (e < w.size() && chars < 2) {
    int len = 1;
    utf8::decode(w, e, &len);
    e += len;
    ++chars;
  }
  n = e;
  if (chars < 2 || n > 8) return false;
  *key = 0;
  std::memcpy(key, w.data(), n);
  return true;
}

void RulePackData::finish() {
  unit_names.clear();
  rules_by_unit.clear();
  rules_by_unit_classifier.clear();
  rules_by_classifier.clear();
  all_rules = 0;
  if (rules.size() <= 64) {
    for (size_t r = 0; r < rules.size(); ++r) {
      all_rules |= uint64_t{1} << r;
      for (const UnitSpec& u : rules[r].units) {
        int id = unit_id(u.unit);
        if (id < 0) {
          id = static_cast<int>(unit_names.size());
          unit_names.push_back(u.unit);
          rules_by_unit.push_back(0);
          rules_by_unit_classifier.push_back(0);
          rules_by_classifier.emplace_back();
        }
        (u.classifiers.empty() ? rules_by_unit : rules_by_unit_classifier)[static_cast<size_t>(id)] |= uint64_t{1} << r;
        std::vector<ClassifierRules>& by_classifier = rules_by_classifier[static_cast<size_t>(id)];
        for (const std::string& c : u.classifiers) {
          auto it = std::find_if(by_classifier.begin(), by_classifier.end(),
                                 [&](const ClassifierRules& e) { return e.classifier == c; });
          if (it == by_classifier.end()) it = by_classifier.insert(by_classifier.end(), ClassifierRules{c, 0});
          it->rules |= uint64_t{1} << r;
        }
      }
    }
  }
  has_patterns = false;
  auto payload = [](CueKind k, size_t id) { return static_cast<int32_t>(static_cast<int>(k) * kKindStride + id); };
  // In this order: a word of several lists reports their payloads so.
  std::vector<LiteralIndex::Cue> all_cues;
  size_t literals = 0;
  for (const CueGroup& g : groups) literals += g.literals.size();
  all_cues.reserve(literals + block_cues.size() + change_cues.size() + subset_markers.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    for (const std::string& l : groups[g].literals) all_cues.push_back({l, payload(CueKind::kGroup, g)});
    has_patterns = has_patterns || !groups[g].patterns.empty();
  }
  for (size_t i = 0; i < block_cues.size(); ++i) all_cues.push_back({block_cues[i], payload(CueKind::kBlock, i)});
  for (size_t i = 0; i < change_cues.size(); ++i) all_cues.push_back({change_cues[i], payload(CueKind::kChange, i)});
  for (size_t i = 0; i < subset_markers.size(); ++i)
    all_cues.push_back({subset_markers[i], payload(CueKind::kSubset, i)});
  cues = LiteralIndex(all_cues);
  rule_cue_groups.assign(groups.size(), false);
  for (const Rule& rule : rules)
    for (const Condition& cond : rule.conditions)
      if (!cond.negated)
        for (int g : cond.any_of) rule_cue_groups[static_cast<size_t>(g)] = true;
  own_noun_kinds.assign(groups.size(), false);
  std::vector<LiteralIndex::Cue> nouns;
  nouns.reserve(own_nouns.size());
  for (size_t i = 0; i < own_nouns.size(); ++i) {
    nouns.push_back({own_nouns[i], own_noun_groups[i]});
    own_noun_kinds[static_cast<size_t>(own_noun_groups[i])] = true;
  }
  own_noun_index = LiteralIndex(nouns);
  suffix_chars.clear();
  suffix_bits.assign(0x10000 / 64, 0);
  for (const std::string& sfx : place_suffixes) {
    int len = 1;
    char32_t c = utf8::decode(sfx, 0, &len);
    suffix_chars.push_back(c);
    if (c < 0x10000) suffix_bits[c >> 6] |= uint64_t{1} << (c & 63);
  }
  place_pass_bits = suffix_bits;
  for (const std::string& verb : venue_verbs) {
    int len = 1;
    const char32_t c = utf8::decode(verb, 0, &len);
    if (c < 0x10000) place_pass_bits[c >> 6] |= uint64_t{1} << (c & 63);
  }
  char_classes.assign(0x10000, 0);
  // The two ranges only, filled while the table is still all zeros: a test
  // of every BMP code point was 0.3M of the first extract's instructions,
  // setting the bit a code point at a time 16k.
  std::fill(char_classes.begin(), char_classes.begin() + 0x800, kIrregular3ByteClass);
  std::fill(char_classes.begin() + 0xD800, char_classes.begin() + 0xE000, kIrregular3ByteClass);
  auto add_class = [&](const std::vector<uint64_t>& bits, uint8_t cls) {
    for (size_t w = 0; w < bits.size(); ++w)
      for (uint64_t b = bits[w]; b; b &= b - 1) char_classes[w * 64 + static_cast<size_t>(std::countr_zero(b))] |= cls;
  };
  add_class(place_pass_bits, kPlacePassClass);
  add_class(cues.start_bits(), kCueStartClass);
  for (char32_t c : {U'。', U'！', U'？', U'；', U'…', U'!', U'?', U';'}) char_classes[c] |= kSentenceEndClass;
  for (char32_t c : kWindowMarks) char_classes[c] |= kWindowMarkClass;
  for (char32_t c : {U'全', U'我', U'本'}) char_classes[c] |= kRareWordClass;
  for (const std::string& verb : venue_verbs) {
    int len = 1;
    const char32_t c = utf8::decode(verb, 0, &len);
    if (c < 0x10000) char_classes[c] |= kVenueStartClass;
  }
  for (const std::string& w : places) {
    int len = 1;
    const char32_t c = utf8::decode(w, utf8::char_start_before(w, w.size()), &len);
    if (c < 0x10000) char_classes[c] |= kPlaceEndClass;
  }
  place_first_chars.clear();
  for (const std::string& w : places) {
    int len = 1;
    if (w.empty()) continue;
    const char32_t c = next_char(w, 0, &len);
    if (std::find(place_first_chars.begin(), place_first_chars.end(), c) == place_first_chars.end())
      place_first_chars.push_back(c);
  }
  venue_verb_first_chars.clear();
  for (const std::string& verb : venue_verbs) {
    int len = 1;
    venue_verb_first_chars.push_back(verb.empty() ? 0 : next_char(verb, 0, &len));
  }
  place_before_filter = WordEndFilter({&recipient_before, &away_verbs, &located_before, &away_before});
  source_before_filter = WordEndFilter({&source_before});
  std::vector<LiteralIndex::Cue> words;
  words.reserve(places.size());
  for (size_t i = 0; i < places.size(); ++i) words.push_back({places[i], static_cast<int32_t>(i)});
  known_places = LiteralIndex(words);
  auto index_of = [&words](const std::vector<std::string>& list) {
    words.clear();
    words.reserve(list.size());
    for (const std::string& w : list) words.push_back({w, 0});
    return LiteralIndex(words);
  };
  bullet_index = index_of(bullets);
  org_after_index = index_of(org_after);
  issuer_after_index = index_of(issuer_after);
  giver_verb_index = index_of(giver_verbs);
  page_tail_index = index_of(page_tail);
  link_list_index = index_of(link_list);
  byline_index = index_of(byline);
  time_span_lasts.clear();
  time_span_hashes.clear();
  time_start_before_filter = WordEndFilter({&time_start_before});
  time_as_of_filter = WordEndFilter({&time_as_of});
  time_start_after_filter = WordEndFilter({&time_start_after}, WordEndFilter::kStarts);
  for (const std::string& w : time_spans) time_span_hashes.push_back(w.find('#'));
  auto add_last = [](const std::string& w, std::vector<std::string>* lasts) {
    std::string last = w.substr(utf8::char_start_before(w, w.size()));  // words are never empty
    if (std::find(lasts->begin(), lasts->end(), last) == lasts->end()) lasts->push_back(std::move(last));
  };
  for (const std::string& w : time_spans) add_last(w, &time_span_lasts);
  time_now_lasts.clear();
  for (const std::string& w : time_now) add_last(w, &time_now_lasts);
  // TimeResolver finds the time words and plan periods through the
  // document's CharIndex, at these last characters.
  auto mark_last = [&](std::string_view w) {
    if (w.empty()) return;
    int len = 1;
    const char32_t c = next_char(w, utf8::char_start_before(w, w.size()), &len);
    if (c < 0x10000) char_classes[c] |= kRareWordClass;
  };
  for (const std::string& w : time_spans) mark_last(w);
  for (const std::string& w : time_now) mark_last(w);
  for (const PlanPeriod& plan : plan_periods) mark_last(plan.name);
  // The extractor finds the zero words (清零) at their last characters too.
  for (const std::string& w : zero_words) mark_last(w);
  not_place_end_filter.assign(64, 0);
  not_place_start_filter.assign(64, 0);
  auto mark = [](std::vector<uint64_t>& filter, uint64_t key) {
    const size_t b = not_place_key_bit(key);
    filter[b >> 6] |= uint64_t{1} << (b & 63);
  };
  std::vector<std::pair<uint64_t, std::string_view>> by_end, by_start;
  by_end.reserve(not_places.size());
  by_start.reserve(not_places.size());
  for (const std::string& w : not_places) {
    uint64_t key = 0;
    if (two_char_key(w, true, &key)) {
      by_end.emplace_back(key, w);
      mark(not_place_end_filter, key);
    }
    if (two_char_key(w, false, &key)) {
      by_start.emplace_back(key, w);
      mark(not_place_start_filter, key);
    }
  }
  not_place_by_end = KeyedWords(by_end);
  not_place_by_start = KeyedWords(by_start);

}

RulePack::RulePack() : impl_(std::make_unique<RulePackData>()) {}
RulePack::~RulePack() = default;

std::unique_ptr<RulePack> RulePack::parse(std::string_view text, std::string* error) {
  std::unique_ptr<RulePack> pack(new RulePack());
  RulePackParser parser(pack->impl_.get(), &default_pack().data());
  if (!parser.parse(text, error)) return nullptr;
  return pack;
}

const RulePack& RulePack::default_pack() {
  static const RulePack* pack = [] {
    auto* p = new RulePack();
    std::string error;
    RulePackParser parser(p->impl_.get(), nullptr);
    std::string_view text(reinterpret_cast<const char*>(aidtext_default_rules), aidtext_default_rules_size);
    if (!parser.parse(text, &error)) {
      // The default pack is part of the build and tested; failing here is a
      // build defect, reported loudly rather than hidden.
      std::fprintf(stderr, "aidtext: built-in rule pack is broken: %s\n", error.c_str());
      *p->impl_ = RulePackData();
    }
    return p;
  }();
  return *pack;
}

}  // namespace aidtext
