// The parsed form of a rule pack (lib/metrics/RULES.md describes the text
// form). Read by the extractor; built only by RulePack::parse().
#ifndef AIDTEXT_METRICS_RULE_PACK_DATA_H_
#define AIDTEXT_METRICS_RULE_PACK_DATA_H_

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/keyed_words.h"
#include "metrics/literal_index.h"

namespace re2 {
class RE2;
}

namespace aidtext {

// Whether some word of several lists may end at text[pos]: a filter on the
// last two bytes of the words, asked before the lists are probed word by
// word. Built once with the pack (RulePackData::finish), where building it
// for each document took a sort and a few allocations.
// With kStarts: the same on the first two bytes, for words starting at
// text[pos] (may_start_at).
class WordEndFilter {
 public:
  enum Side { kEnds, kStarts };
  WordEndFilter() = default;
  explicit WordEndFilter(std::initializer_list<const std::vector<std::string>*> lists, Side side = kEnds) {
    for (const std::vector<std::string>* words : lists)
      for (const std::string& w : *words) {
        if (w.size() < 2) {
          any_short_ = true;
          continue;
        }
        keys_.push_back(key(side == kEnds ? w.data() + w.size() - 2 : w.data()));
      }
    std::sort(keys_.begin(), keys_.end());
  }
  bool may_end_at(std::string_view text, size_t pos) const {
    if (any_short_) return true;
    return pos >= 2 && pos <= text.size() && std::binary_search(keys_.begin(), keys_.end(), key(text.data() + pos - 2));
  }
  bool may_start_at(std::string_view text, size_t pos) const {
    if (any_short_) return true;
    return pos + 2 <= text.size() && std::binary_search(keys_.begin(), keys_.end(), key(text.data() + pos));
  }

 private:
  static uint16_t key(const char* p) {
    return static_cast<uint16_t>(static_cast<unsigned char>(p[0]) << 8 | static_cast<unsigned char>(p[1]));
  }
  std::vector<uint16_t> keys_;
  bool any_short_ = false;
};

// A metric id with the units its records may carry and the `change` its
// records have when no change cue says otherwise.
struct MetricDef {
  std::string id;
  std::vector<std::string> units;
  std::string change;  // "level", "total" or "target"
};

// A named set of cues: literals (matched without regex) and RE2 patterns.
struct CueGroup {
  std::string name;
  std::vector<std::string> literals;
  std::vector<std::shared_ptr<const re2::RE2>> patterns;
  std::vector<std::string> pattern_sources;  // as written, after "re:"
};

// A unit a rule accepts; for "count", optionally only some classifiers.
struct UnitSpec {
  std::string unit;
  std::vector<std::string> classifiers;  // empty: any classifier
};

// One condition of a rule: some group of `any_of` occurs (or, when
// `negated`, none of them does) in the quantity's context.
struct Condition {
  std::vector<int> any_of;  // group indexes
  bool negated = false;
};

struct Rule {
  int metric = 0;  // index into metrics
  std::vector<UnitSpec> units;
  std::vector<Condition> conditions;
  int line = 0;  // where it was written (diagnostics)
};

// Payload kinds of the combined literal index (payload = kind * kKindStride + id).
enum class CueKind { kGroup = 0, kBlock = 1, kChange = 2, kSubset = 3 };
inline constexpr int kKindStride = 1 << 20;  // more than any list can hold (limits in rule_pack.cc)

bool two_char_key(std::string_view w, bool last, uint64_t* key);

// Where a block word vetoes a figure (RulePackData::block_sides).
enum BlockSide : int {
  kBlockEither = 0,   // block: nearer to the figure than the rule's cue, either side
  kBlockBefore = 1,   // block-before: the same, before the figure only
  kBlockAfter = 2,    // block-after: after it in its clause, no cue after it (ends_in_block)
  kBlockPerUnit = 3,  // per-unit: anywhere before it in its clause (每户)
};

// Bits of RulePackData::char_classes.
inline constexpr uint8_t kPlacePassClass = 1;
inline constexpr uint8_t kCueStartClass = 2;
inline constexpr uint8_t kPlaceEndClass = 4;  // ends a name of `places` (甘肃: 肃)
inline constexpr uint8_t kSentenceEndClass = 8;  // ends a sentence (text/segmenter.h): 。！？；…!?;
inline constexpr uint8_t kWindowMarkClass = 16;  // one of kWindowMarks
inline constexpr uint8_t kVenueStartClass = 32;  // starts a venue verb (举 of 举行)
// Characters that anchor a search for a few rare words, which stops at all
// of them and tests the character itself: 全, 我, 本 (the first of 全县,
// 我县, 本县: the extractor's) and the last characters of the time-span,
// time-now and plan-period words (TimeResolver's) and of the zero words
// (the extractor's: 零 of 清零).
inline constexpr uint8_t kRareWordClass = 64;
// (0x80: kIrregular3ByteClass of char_index.h, which CharIndex reads.)
// The characters SentenceContext's windows are cut at: clause marks,
// quotation marks, 、.
inline constexpr char32_t kWindowMarks[] = {U'，', U',', U'；', U';', U'：', U':', U'。', U'！',
                                            U'!', U'？', U'?', U'\n', U'”', U'」', U'』', U'’',
                                            U'》', U'“', U'「', U'『', U'《', U'、'};

struct RulePackData {
  std::vector<MetricDef> metrics;
  std::vector<CueGroup> groups;
  std::vector<Rule> rules;  // tried in order; the first that holds wins

  std::vector<std::string> block_cues;       // a nearer one vetoes the record
  std::vector<int> block_sides;              // parallel: a BlockSide each
  std::vector<std::string> change_kinds;     // parallel to change_cues
  std::vector<std::string> change_cues;      // "力争" -> "target"
  std::vector<std::string> subset_markers;   // "其中"
  std::vector<int> subset_members;           // groups a sub-list may name
  // 4个县、222个贫困村全部脱贫退出: a noun written right after a figure says
  // what the figure counts, whatever the list's shared words name.
  std::vector<std::string> own_nouns;        // "县", "贫困村"
  std::vector<int> own_noun_groups;          // parallel: the group each names

  std::vector<std::string> place_suffixes;   // "省", "市", ... (one character each)
  std::vector<std::string> places;           // names known without a suffix ("甘肃")
  std::vector<std::string> not_places;       // words ending in a suffix that are no names ("全县")
  std::vector<std::string> org_after;        // a place followed by these names an organisation
  std::vector<std::string> issuer_after;     // ... one that issues reports for its area (人民政府, 扶贫办)
  std::vector<std::string> venue_verbs;      // 在X举行: X is where a meeting was, not what figures are about
  std::vector<std::string> time_start_after; // 2015年以来: the start of a period, not its date
  std::vector<std::string> time_start_before;// 自2017年: likewise
  std::vector<std::string> time_spans;       // 五年来: a span back from the time of writing, which dates nothing
  std::vector<std::string> time_now;         // 目前, 截至目前: the time of writing, the document's year
  std::vector<std::string> bullets;          // paragraph openers of list items
  std::vector<std::string> time_as_of;       // 截至7月底: a month without a year dates figures in the document's year
  std::vector<std::string> giver_verbs;      // 黄岛区拨付…: a place giving aid is not what the figure is about
  std::vector<std::string> away_before;      // 赴浙江省务工: where people went (before the name) ...
  std::vector<std::string> away_after;       // ... and (after it) is not whose figure it is
  std::vector<std::string> away_verbs;       // 输转福州: a place right after one is where people went
  std::vector<std::string> located_before;   // 鸡川镇位于通渭县: a place after one is where something lies
  std::vector<std::string> source_before;    // 争取到思明区帮扶资金: a place after one is where aid came from
  std::vector<std::string> recipient_before; // 向昭觉县捐款: a place after one receives, whatever verb follows
  std::vector<std::string> destination_after; // 到恩施州投资: a place between an away-before word and one receives
  std::vector<std::string> topic;            // a document naming none of these gives no records (empty: no gate)
  // 贫困人口全部清零: a zero word right after a cue of a zero-subject group
  // (a zero-filler word between) is a standing count of 0 in the group's unit.
  std::vector<std::string> zero_words;       // 清零
  std::vector<std::string> zero_fillers;     // 实现, 全部, 已经
  struct ZeroSubject {
    std::string unit;  // person, household, ...
    int group = -1;
  };
  std::vector<ZeroSubject> zero_subjects;
  std::vector<std::string> page_tail;        // 相关新闻: a paragraph opening with one starts a page's trailer
  std::vector<std::string> link_list;        // 热点新闻: a paragraph opening with one heads a list of links
  std::vector<std::string> byline;           // 来源, 发布时间: a short line holding one and a date dates no section
  // A five-year plan's name and its years (十三五: 2016–2020); followed by a
  // plan-period word (“十三五”期间) it dates figures with its last year,
  // followed by a time-start-after word (十三五以来) it opens a period.
  struct PlanPeriod {
    std::string name;
    int first = 0, last = 0;
  };
  std::vector<PlanPeriod> plan_periods;
  std::vector<std::string> plan_period_words;  // 期间 时期 末

  // Built by finish() when there are at most 64 rules (else empty): the
  // distinct units of the rules, and by unit (index into unit_names) the
  // rules that take it (bit r: rules[r]), whatever the classifier or only
  // for some (UnitSpec::classifiers); for SentenceContext::match_rule,
  // which tried every rule's units for each window of each figure.
  std::vector<std::string> unit_names;
  std::vector<uint64_t> rules_by_unit, rules_by_unit_classifier;
  // By unit, each classifier some rule names for it, and the rules (bits)
  // that take the unit with that classifier: what rules_by_unit_classifier's
  // rules say of a figure's classifier, read in one walk (trying each rule's
  // specs compared a string a classifier: 11 memcmp calls a figure).
  struct ClassifierRules {
    std::string classifier;
    uint64_t rules = 0;
  };
  std::vector<std::vector<ClassifierRules>> rules_by_classifier;
  uint64_t all_rules = 0;
  int unit_id(std::string_view unit) const {
    for (size_t i = 0; i < unit_names.size(); ++i)
      if (unit_names[i] == unit) return static_cast<int>(i);
    return -1;
  }
  // Built by finish(): by group, whether some rule asks for it (MASK is
  // asked for by none: it only hides the cues inside its words).
  std::vector<bool> rule_cue_groups;
  // Built by finish(): the own nouns (payload: their group), and by group
  // whether some own noun names it (a kind of thing a figure may count, of
  // which it counts one only).
  LiteralIndex own_noun_index;
  std::vector<bool> own_noun_kinds;
  // Built by finish(): every literal cue of groups, block, change and subset.
  LiteralIndex cues;
  bool has_patterns = false;
  // Built by finish() for the place finder: the suffixes decoded, and the
  // not-place words as a set with their longest length in characters.
  std::vector<char32_t> suffix_chars;
  std::vector<uint64_t> suffix_bits = std::vector<uint64_t>(0x10000 / 64, 0);  // BMP suffixes, one bit each
  bool is_suffix(char32_t c) const {
    if (c < 0x10000) return (suffix_bits[c >> 6] >> (c & 63)) & 1;
    for (char32_t s : suffix_chars)
      if (s == c) return true;
    return false;
  }
  // The place finder's first pass stops at characters with a bit here: the
  // suffixes and the first characters of venue verbs (BMP; a code point
  // beyond it always stops the pass).
  std::vector<uint64_t> place_pass_bits = std::vector<uint64_t>(0x10000 / 64, 0);
  bool stops_place_pass(char32_t c) const {
    return c >= 0x10000 || ((place_pass_bits[c >> 6] >> (c & 63)) & 1);
  }
  // One byte a BMP code point, for CharIndex: a bit for each of the stage's
  // whole-text scans that stops at it (kPlacePassClass: place_pass_bits;
  // kCueStartClass: the first characters of `cues`). A scan then tests
  // eight characters at a time.
  std::vector<uint8_t> char_classes;
  // The pack's bare place names (payload: index into places), built once
  // here rather than with every document.
  LiteralIndex known_places;
  // Built by finish() for the place finder's classifying: the words before
  // a name (recipient_before, away_verbs, located_before, away_before), and
  // the source words (source_before).
  WordEndFilter place_before_filter, source_before_filter;
  // Built by finish() for the place finder, where each document decoded
  // them again: the distinct first characters of `places` (as next_char()
  // decodes them), and the first character of each venue verb (0: empty).
  std::vector<char32_t> place_first_chars, venue_verb_first_chars;
  // The long word lists probed at one position each, indexed (LiteralIndex::
  // any_at): a paragraph's opener against 70 bullets cost 37,000 instructions
  // a 7 KB article, word by word.
  LiteralIndex bullet_index, org_after_index, issuer_after_index, giver_verb_index, page_tail_index, link_list_index;
  // The byline words, for TimeResolver's short lines: one scan of a line
  // where a substring search a word took 240 instructions each.
  LiteralIndex byline_index;
  // The distinct last characters of the time-span words (来 for 五年来,
  // 近年来 …): TimeResolver finds the words by searching for these.
  std::vector<std::string> time_span_lasts;
  // The same for the time-now words (前 for 目前 and 当前).
  std::vector<std::string> time_now_lasts;
  // Built by finish(): by time-span word, where its '#' (a count of years)
  // is (std::string::npos: none), which TimeResolver looked for at each
  // hit of every word's last character.
  std::vector<size_t> time_span_hashes;
  // Built by finish() for TimeResolver::usable, asked of every date: filters
  // on the last two bytes of time_start_before and time_as_of and on the
  // first two of time_start_after, before their words are compared one by
  // one.
  WordEndFilter time_start_before_filter, time_as_of_filter, time_start_after_filter;
  // Not-place words keyed by their last two characters (for words ending at
  // a suffix: 全县) and by their first two (for words starting at one: 县区),
  // each key the bytes of two characters packed into 64 bits.
  KeyedWords not_place_by_end, not_place_by_start;
  // A 4096-bit filter over each one's keys (not_place_key_bit()): most
  // suffixes and their neighbours are no key, and a bit test spares them
  // the look-up (the hash map's modulo, when these were one, cost more than
  // the rest of the test).
  std::vector<uint64_t> not_place_end_filter = std::vector<uint64_t>(64, 0);
  std::vector<uint64_t> not_place_start_filter = std::vector<uint64_t>(64, 0);
  static size_t not_place_key_bit(uint64_t key) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 52); }
  static bool may_hold(const std::vector<uint64_t>& filter, uint64_t key) {
    const size_t b = not_place_key_bit(key);
    return (filter[b >> 6] >> (b & 63)) & 1;
  }
  void finish();
};

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_RULE_PACK_DATA_H_
