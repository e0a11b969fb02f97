#include "metrics/places.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>

#include "core/byte_search.h"
#include "core/repair_output.h"
#include "core/utf8.h"
#include "metrics/char_scan.h"
#include "metrics/county_names.h"
#include "metrics/literal_index.h"
#include "metrics/view_set.h"

namespace aidtext {
namespace {

// What a walk back over a place name's stem asks of a character, one byte
// a BMP code point (flags below): a table where the walk called a function
// with a static's guard and searched a list for each character.
enum StemFlag : uint8_t {
  // Characters that cannot be part of a stem: function words. Walking back
  // from a suffix stops at them (在大关县 -> 大关县). Characters that also
  // start names (都 in 武都, 来 in 来凤, 同 in 大同) are not listed.
  kStopChar = 1,
  kNumeral = 2,  // a numeral that may count what follows it (counting_numeral)
};
// Built at compile time, a constant in the library's .rodata: built at
// first use into .bss, its 64 KiB cost the first extract 16 page faults
// (about 0.2 ms); a text reads a few of its pages, already in the page cache.
constexpr std::array<uint8_t, 0x10000> kStemFlags = [] {
  constexpr char32_t kStops[] = {
      U'的', U'在', U'到', U'赴', U'将', U'把', U'对', U'与', U'和', U'及', U'向', U'从', U'为', U'是',
      U'了', U'由', U'被', U'给', U'让', U'等', U'个', U'全', U'该', U'我', U'各', U'这', U'那', U'此',
      U'每', U'年', U'月', U'日', U'至', U'据', U'往', U'即', U'或', U'并', U'而', U'且', U'也', U'就',
      U'但', U'第', U'共', U'余', U'多', U'经'};
  constexpr char32_t kNumerals[] = {U'一', U'二', U'三', U'四', U'五', U'六', U'七',
                                    U'八', U'九', U'十', U'两', U'几', U'数'};
  std::array<uint8_t, 0x10000> f{};
  for (char32_t c : kStops) f[c] |= kStopChar;
  for (char32_t c : kNumerals) f[c] |= kNumeral;
  return f;
}();

bool stop_char(char32_t c) { return c < 0x10000 && (kStemFlags[c] & kStopChar); }

// Two-character words that end right before a place name in running news
// text (其中武都区8650万元, 下达礼县, 结对帮扶渭源县): a stem never runs back
// into them. Without them a walk back over 其中礼县 took the whole as a name,
// and 其中武都区, with no boundary within three characters, was no certain
// name at all. Words whose second character may start a name are left out
// (联合: 合作区; 全国: stopped at 全 anyway).
// Asked at every step of every walk: the words' second characters are a bit
// table, and only a hit looks the pair up (sorted, (first << 32) | second).
// Built at compile time (a constant in .rodata): built at first use on the
// heap its bit table cost the first extract two page faults.
class StopWords {
 public:
  consteval StopWords() {
    constexpr std::u32string_view kWords[] = {
        U"其中", U"包括", U"以及", U"其余", U"其他", U"分别", U"下达", U"拨付", U"分配", U"安排", U"位于",
        U"地处", U"来自", U"涉及", U"覆盖", U"除了", U"前往", U"奔赴", U"走进", U"走访", U"深入", U"考察",
        U"视察", U"调研", U"来到", U"抵达", U"帮扶", U"援助", U"支援", U"对口", U"结对", U"携手", U"协助",
        U"面向", U"针对", U"落实", U"投入", U"筹集", U"组织", U"召开", U"举办", U"开展", U"带动", U"助力",
        U"目前", U"近日", U"日前", U"今年", U"去年", U"当年", U"同时", U"累计", U"到位",
        // 用于渭源县脱贫攻坚, 关于岷县…的报告
        U"用于", U"关于", U"对于", U"属于"};
    static_assert(std::size(kWords) == kCount);
    for (size_t i = 0; i < kCount; ++i) {
      const std::u32string_view w = kWords[i];
      pairs_[i] = uint64_t{w[0]} << 32 | w[1];
      seconds_[w[1] >> 6] |= uint64_t{1} << (w[1] & 63);
    }
    std::sort(pairs_.begin(), pairs_.end());
  }
  // Whether (first, second) is one of the words.
  constexpr bool has(char32_t first, char32_t second) const {
    if (!may_end_with(second)) return false;
    return std::binary_search(pairs_.begin(), pairs_.end(), uint64_t{first} << 32 | second);
  }
  constexpr bool may_end_with(char32_t second) const {
    return second < 0x10000 && ((seconds_[second >> 6] >> (second & 63)) & 1);
  }

 private:
  static constexpr size_t kCount = 57;
  std::array<uint64_t, 0x10000 / 64> seconds_{};
  std::array<uint64_t, kCount> pairs_{};
};
constexpr StopWords kStopWords;

// A numeral ends a stem when it counts what follows it (三省四县, 两个村)
// but not inside a name (七星关区, 两当县, 六盘水市).
// `flags`: kStemFlags[c] (c in the BMP), or 0.
bool counting_numeral(uint8_t flags, char32_t next) {
  static constexpr char32_t kCounted[] = {U'省', U'市', U'县', U'州', U'区', U'镇', U'乡', U'村', U'旗', U'盟',
                                          U'个', U'名', U'家', U'所', U'批', U'项', U'户', U'人', U'位', U'座'};
  if (!(flags & kNumeral)) return false;
  return std::find(std::begin(kCounted), std::end(kCounted), next) != std::end(kCounted);
}



// Whether a not-place word ends at `end` or starts at `here` (the suffix).
// The key of two 3-byte characters at text[b, b + 6) (as two_char_key()
// makes it), when the bytes are two such characters: most suffixes and the
// characters beside them are, and two_char_key() took 140 instructions a
// call decoding them again.
bool six_byte_key(std::string_view text, size_t b, uint64_t* key) {
  if (b + 6 > text.size()) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data() + b);
  // Lead, continuation, continuation, twice.
  if ((p[0] & 0xF0) != 0xE0 || (p[3] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
      (p[4] & 0xC0) != 0x80 || (p[5] & 0xC0) != 0x80)
    return false;
  *key = 0;
  std::memcpy(key, p, 6);
  return true;
}

// `k`: the suffix's index in `chars`, whose offsets give the characters'
// bounds when the text is valid UTF-8 (as utf8::char_start_before() and next_char() would).
// `word_begin`: where the not-place word found starts when it ends at the
// suffix (全县, 门市), SIZE_MAX when it starts at it (县城, 市场).
bool is_generic(std::string_view text, const CharIndex& chars, size_t k, const RulePackData& rules,
                size_t* word_begin) {
  *word_begin = SIZE_MAX;
  const size_t here = chars.offset(k), end = chars.offset(k + 1);
  uint64_t key = 0;
  // Two characters of three bytes each at text[b, b + 6), in valid UTF-8
  // (then six_byte_key() holds without its tests of the bytes): their key.
  auto valid_pair_key = [&](size_t b, size_t mid, size_t e) {
    if (!chars.valid() || mid - b != 3 || e - mid != 3) return false;
    key = 0;
    std::memcpy(&key, text.data() + b, 6);
    return true;
  };
  // Words ending at the suffix: the suffix and the character before it.
  if (here > 0) {
    const size_t b = chars.valid() ? chars.offset(k - 1) : utf8::char_start_before(text, here);
    if (valid_pair_key(b, here, end) || (end - b == 6 && six_byte_key(text, b, &key)) ||
        two_char_key(text.substr(b, end - b), true, &key)) {
      if (RulePackData::may_hold(rules.not_place_end_filter, key))
        for (std::string_view w : rules.not_place_by_end.find(key))
          if (ends_at(text, end, w)) {
            *word_begin = end - w.size();
            return true;
          }
    }
  }
  // Words starting at it: the suffix and the character after it.
  if (end < text.size()) {
    int len = 1;
    if (chars.valid()) {
      len = static_cast<int>(chars.offset(k + 2) - end);
    } else {
      next_char(text, end, &len);
    }
    if (valid_pair_key(here, end, end + len) || (end + len - here == 6 && six_byte_key(text, here, &key)) ||
        two_char_key(text.substr(here, end + len - here), false, &key)) {
      if (RulePackData::may_hold(rules.not_place_start_filter, key))
        for (std::string_view w : rules.not_place_by_start.find(key))
          if (starts_at(text, here, w)) return true;
    }
  }
  return false;
}

// A byte per BMP code point, non-zero for the characters marked (and for
// U+FFFF, the stand-in for those beyond, all bits), for a scan that stops
// at a set of characters made for one document (CharIndex::next_in_table).
// Tables are kept, zero but for U+FFFF, between uses (the marks are undone
// when the ByteMarks goes): clearing 64 KiB for each document would cost
// more than the scan saves. Up to kKept wait for their next use, one for
// each thread that uses them at once; a thread that finds none makes its
// own, with calloc(): memory fresh from the system is zero already, and
// only the pages a document reads are faulted in (new[] with () wrote all
// 16 pages: 17 of the first extract's page faults).
class ByteMarks {
 public:
  ByteMarks() {
    for (std::atomic<uint8_t*>& slot : kept())
      if ((table_ = slot.exchange(nullptr))) return;
    table_ = static_cast<uint8_t*>(std::calloc(0x10000, 1));
    if (!table_) throw std::bad_alloc();
    table_[0xFFFF] = 0xFF;  // with every mark's bits
  }
  // Room for `n` marks without growing.
  void reserve(size_t n) { marked_.reserve(n); }
  ByteMarks(const ByteMarks&) = delete;
  ByteMarks& operator=(const ByteMarks&) = delete;
  ~ByteMarks() {
    for (char32_t c : marked_) table_[c] = 0;
    for (std::atomic<uint8_t*>& slot : kept()) {
      uint8_t* empty = nullptr;
      if (slot.compare_exchange_strong(empty, table_)) return;
    }
    std::free(table_);
  }
  // Marks c with the bits of `mark` (non-zero).
  void mark(char32_t c, uint8_t mark = 1) {
    if (c >= 0xFFFF) return;  // U+FFFF and beyond: always marked
    if (!table_[c]) marked_.push_back(c);
    table_[c] |= mark;
  }
  const uint8_t* table() const { return table_; }

 private:
  static constexpr size_t kKept = 8;
  static std::array<std::atomic<uint8_t*>, kKept>& kept() {
    static std::array<std::atomic<uint8_t*>, kKept> tables{};  // never freed: used until exit
    return tables;
  }
  uint8_t* table_ = nullptr;
  std::vector<char32_t> marked_;
};

// Whether `name` is one of the pack's bare names (rules.places): the
// longest of them written at its start is all of it. The index answers
// with one bucket where comparing all 34 default names took 170
// instructions.
bool is_known_place(const RulePackData& rules, std::string_view name) {
  if (name.empty()) return false;
  int len = 1;
  const char32_t c = next_char(name, 0, &len);
  return rules.known_places.longest_at(name, 0, static_cast<uint32_t>(name.size()), c).size == name.size();
}

}  // namespace

PlaceIndex::PlaceIndex(std::string_view text, const RulePackData& rules)
    : PlaceIndex(text, CharIndex(text, rules.char_classes.empty() ? nullptr : rules.char_classes.data()), rules) {}

PlaceIndex::PlaceIndex(std::string_view text, const CharIndex& chars, const RulePackData& rules,
                       std::span<const Range> guessed) {
  if (rules.place_suffixes.empty() && rules.places.empty()) return;
  std::vector<std::string_view> venues;
  first_pass(text, chars, rules, guessed, &venues);
  find_bare(text, chars, rules, venues);
  // Bare names (the pack's, or stems seen with a suffix) may be written
  // with guessed characters too. Classified only after, so that no
  // guessed name makes a chain, a list or the focus.
  if (!guessed.empty()) drop_guessed(guessed);
  classify(text, rules);
}

void PlaceIndex::drop_guessed(std::span<const Range> guessed) {
  const bool with_flags = delimited_.size() == mentions_.size();
  size_t kept = 0;
  for (size_t i = 0; i < mentions_.size(); ++i) {
    if (overlaps_guessed(guessed, mentions_[i].span)) continue;
    if (kept != i) {
      mentions_[kept] = std::move(mentions_[i]);
      if (with_flags) delimited_[kept] = delimited_[i];
    }
    ++kept;
  }
  if (kept == mentions_.size()) return;
  mentions_.resize(kept);
  if (with_flags) delimited_.resize(kept);
  stem_firsts_valid_ = false;  // numbered before: the numbers no longer hold
}

// One pass over the text for what the other finding depends on: names
// before a suffix, and meeting venues (在X举行). It stops only at suffixes
// and at the first characters of venue verbs.
void PlaceIndex::first_pass(std::string_view text, const CharIndex& chars, const RulePackData& rules,
                            std::span<const Range> guessed, std::vector<std::string_view>* venues) {
  // Where each venue verb may be found next: a verb's hits never overlap
  // one another (as a substring search finds them).
  std::vector<size_t> verb_next(rules.venue_verbs.size(), 0);
  // The verbs' first characters: most stops are suffixes, which start no
  // verb, and comparing a character spares them a word probe a verb.
  const std::vector<char32_t>& verb_first = rules.venue_verb_first_chars;
  ViewSet seen_venues;
  // Room for a report's names at once (growing from empty moved them all
  // at each of six allocations).
  constexpr size_t kTypicalMentions = 64;
  mentions_.reserve(kTypicalMentions);
  delimited_.reserve(kTypicalMentions);
  uint32_t prev_end = 0;
  const size_t n = chars.size();
  for (size_t k = 0; k < n; ++k) {
    k = chars.has_classes() ? chars.next_in_class(k, n, kPlacePassClass)
                            : chars.next_marked(k, n, rules.place_pass_bits.data());
    if (k >= n) break;
    const char32_t c = chars.at(k);
    const size_t here = chars.offset(k);
    if (!rules.stops_place_pass(c)) continue;
    // Most stops are suffixes, which start no verb (kVenueStartClass).
    const bool verb_may_start = !chars.has_classes() || (chars.class_at(k) & kVenueStartClass);
    for (size_t v = 0; verb_may_start && v < rules.venue_verbs.size(); ++v) {
      const std::string& verb = rules.venue_verbs[v];
      if (verb_first[v] != c || here < verb_next[v] || !starts_at(text, here, verb)) continue;
      verb_next[v] = here + verb.size();
      // Each venue name once: a page that repeats 在北京举行 a thousand
      // times must not give every later hit a thousand payloads.
      std::string_view name = venue_before(text, here);
      if (!name.empty() && seen_venues.insert(name)) venues->push_back(name);
    }
    if (c >= 0x80 && rules.is_suffix(c)) add_suffixed(text, chars, k, c, rules, &prev_end);  // never ASCII
  }
  // Names written with guessed characters go before anything is decided
  // from them: they neither make another name certain (below) nor lend
  // their stems to bare uses (find_bare). Clean text has no guesses.
  if (!guessed.empty()) drop_guessed(guessed);
  drop_swallowing_names(rules);
  // A name whose start was guessed (two characters before the suffix, no
  // boundary in sight: 坚持市负总责) counts only if the text also writes it
  // where its start is certain (在大关县, 。大关县).
  // Most articles guess no start: then there is nothing to look up.
  if (std::find(delimited_.begin(), delimited_.end(), uint8_t{0}) != delimited_.end()) {
    std::vector<bool> keep(mentions_.size());
    if (stem_firsts_valid_) {
      // No mention dropped or cut since drop_swallowing_names() numbered
      // the names and flagged those with a delimited mention.
      for (size_t i = 0; i < mentions_.size(); ++i)
        keep[i] = delimited_[i] || (name_flags_[numbers_[i]] & kDelimitedName);
    } else {
      // Views of the names: decided for all before any mention is moved.
      ViewSet certain;
      for (size_t i = 0; i < mentions_.size(); ++i)
        if (delimited_[i]) certain.insert(mentions_[i].name);
      for (size_t i = 0; i < mentions_.size(); ++i) keep[i] = delimited_[i] || certain.contains(mentions_[i].name);
    }
    size_t kept = 0;
    for (size_t i = 0; i < mentions_.size(); ++i)
      if (keep[i]) {
        if (kept != i) mentions_[kept] = std::move(mentions_[i]);
        ++kept;
      }
    if (kept != mentions_.size()) stem_firsts_valid_ = false;
    mentions_.resize(kept);
  }
  delimited_.clear();
  numbers_.clear();
  name_flags_.clear();
}

// 输转福州3120人: a name whose own last character is a suffix (福州, 杭州),
// written bare, takes the words before it for a stem (输转福州). Such a
// mention is dropped when its last characters are a name the text also
// writes with a suffix after them (福州市) or one of the pack's bare names
// (贵州): the bare finder places those characters instead. A name that
// follows another with no gap and ends in a name the text writes elsewhere
// with a start of its own (城阳区援建康县 beside 、康县) is cut to that name:
// the words between are no part of a name.
void PlaceIndex::drop_swallowing_names(const RulePackData& rules) {
  // The stems of the names (each name ends in its suffix), and each
  // distinct name once: a page names its county dozens of times.
  // A mention is chained when its start is certain only because another
  // name ends there (城阳区援建康县: 援建康县 after 城阳区).
  auto chained = [&](size_t i) { return i > 0 && mentions_[i - 1].span.end == mentions_[i].span.begin; };
  // ViewSets (view_set.h) view the mentions' names; `distinct` numbers them.
  ViewSet distinct, stems;  // grown as needed: a few dozen names however many mentions
  std::vector<std::string_view> names;  // by number
  names.reserve(mentions_.size());  // (grown from empty: an allocation a doubling)
  // By number: whether some mention of the name has a certain start (a
  // flag a name, where a set of them took an insert a mention;
  // kCertainName), and whether some mention's start is delimited
  // (kDelimitedName, for first_pass' check of guessed starts).
  std::vector<uint8_t>& certain = name_flags_;
  certain.clear();
  certain.reserve(mentions_.size());
  std::vector<uint32_t>& number = numbers_;  // by mention
  number.assign(mentions_.size(), 0);
  stem_firsts_.reserve(32);  // a few dozen names
  for (size_t i = 0; i < mentions_.size(); ++i) {
    const std::string_view name = mentions_[i].name;
    if (distinct.insert(name, static_cast<uint32_t>(names.size()), &number[i])) {
      names.push_back(name);
      certain.push_back(0);
      const std::string_view stem = name.substr(0, utf8::char_start_before(name, name.size()));
      // The first mention of each stem of two characters or more, for
      // find_bare (while no mention is dropped or cut).
      if (stems.insert(stem) && stem.size() >= 6) stem_firsts_.push_back(static_cast<uint32_t>(i));
    }
    if (delimited_[i]) certain[number[i]] |= chained(i) ? kDelimitedName : kDelimitedName | kCertainName;
  }
  auto is_certain = [&](std::string_view name) {
    const uint32_t d = distinct.value_of(name, UINT32_MAX);
    return d != UINT32_MAX && (certain[d] & kCertainName);
  };
  // By name: whether it swallows a name, and where the name with a certain
  // start of its own begins (0: none): a chained name whose last characters
  // are a name the text writes with a certain start of its own (援建康县
  // beside 、康县).
  std::vector<bool> swallowing(names.size());
  std::vector<size_t> tail_at(names.size(), 0);
  bool any = false;
  for (size_t d = 0; d < names.size(); ++d) {
    const std::string_view name = names[d];
    // Tails of two characters or more, shorter than the name.
    int len = 1;
    for (size_t b = 0; next_char(name, b, &len), b += static_cast<size_t>(len), b + 6 <= name.size();) {
      const std::string_view tail = name.substr(b);
      if (stems.contains(tail) || is_known_place(rules, tail)) {
        swallowing[d] = any = true;
        break;
      }
      if (is_certain(tail)) {
        tail_at[d] = b;
        any = true;
        break;
      }
    }
  }
  if (!any) {
    stem_firsts_valid_ = true;
    return;
  }
  // Decided for all before any is changed: the sets view the mentions' names.
  std::vector<bool> drop(mentions_.size());
  std::vector<size_t> cut(mentions_.size());
  for (size_t i = 0; i < mentions_.size(); ++i) {
    drop[i] = swallowing[number[i]];
    if (chained(i)) cut[i] = tail_at[number[i]];
  }
  std::vector<PlaceMention> kept;
  std::vector<uint8_t> kept_delimited;
  kept.reserve(mentions_.size());
  kept_delimited.reserve(mentions_.size());
  for (size_t i = 0; i < mentions_.size(); ++i) {
    if (drop[i]) continue;
    kept.push_back(std::move(mentions_[i]));
    kept_delimited.push_back(delimited_[i] && cut[i] == 0);
    if (cut[i]) {
      kept.back().name.erase(0, cut[i]);
      kept.back().span.begin += static_cast<uint32_t>(cut[i]);
    }
  }
  mentions_ = std::move(kept);
  delimited_ = std::move(kept_delimited);
}

// The venue of a meeting verb at `at`: the 2 to 4 Han characters after a
// 在 that ends at most 4 characters back (在张掖举行); empty when none.
std::string_view PlaceIndex::venue_before(std::string_view text, size_t at) {
  size_t b = at;
  for (int n = 1; n <= 4 && b > 0; ++n) {
    b = utf8::char_start_before(text, b);
    int len = 1;
    const char32_t c = next_char(text, b, &len);
    if (!utf8::is_han(c)) break;
    if (n >= 3 && c == U'在') return text.substr(b + len, at - b - len);
    if (stop_char(c)) break;
  }
  return {};
}

// The suffix `c` at text[here, end): the name it ends, if any, joins
// mentions_ (with whether its start is certain).
void PlaceIndex::add_suffixed(std::string_view text, const CharIndex& chars, size_t ks, char32_t c,
                              const RulePackData& rules, uint32_t* prev_end) {
  const size_t here = chars.offset(ks), end = chars.offset(ks + 1);
  // 全县 ends at the suffix; 乡镇 and 县区 start at it. But a name of the
  // county table (county_names.h) that ends here and starts before the word
  // is a name: 成都市, 厦门市, 盐城市 end in not-place words (都市, 门市,
  // 城市); a longer not-place word holds such a name (大都市).
  // Asked only of a word of two characters ending in 市 that starts with no
  // stop character (全市, 我市 and 贫困村, 农村, 社区 are never a name's
  // end): the table's narrowing for every not-place word took 2 % of a
  // round of the dev articles, for those ending in 市 or 区 0.4 %.
  if (size_t word_begin = SIZE_MAX; is_generic(text, chars, ks, rules, &word_begin)) {
    if (word_begin == SIZE_MAX) return;
    int len = 1;
    const char32_t first = next_char(text, word_begin, &len);
    // 我县, 本市: where the text names its own area (acts_on_own_area).
    if (first == U'我' || first == U'本') own_area_words_.push_back(static_cast<uint32_t>(word_begin));
    if (static_cast<size_t>(len) + (end - here) != end - word_begin || c != U'市' ||
        stop_char(first) || first == U'本' || longest_county_start(text, word_begin, end, *prev_end) >= word_begin)
      return;
  }
  // 东乡族自治县, 长阳土家族自治县, 临夏回族自治州: an autonomous area's name
  // runs from a boundary to 自治 (at most kMaxAutonomousStem characters).
  if (ends_at(text, here, "自治")) {
    add_autonomous(text, here, end, prev_end);
    return;
  }
  // The character that ends at b (the start of character kb): its start
  // and code point, from the index when the text is valid UTF-8 (then
  // utf8::char_start_before() and next_char() would find the same), where decoding took
  // a tenth of the walk's instructions.
  const bool indexed = chars.valid();
  auto char_before = [&](size_t b, size_t kb, size_t* start) -> char32_t {
    if (indexed) {
      *start = chars.offset(kb - 1);
      return chars.at(kb - 1);
    }
    *start = utf8::char_start_before(text, b);
    int len = 1;
    return next_char(text, *start, &len);
  };
  // Walk back over at most 3 stem characters.
  size_t b = here, kb = ks;
  int k = 0;
  bool delimited = false;
  bool ends_in_he = false;  // the stem ends in 和 (西和县)
  char32_t next = c;  // the character after the one looked at
  const StopWords& stop_words = kStopWords;
  const std::array<uint8_t, 0x10000>& flags = kStemFlags;
  while (true) {
    if (b <= *prev_end || b == 0) {
      delimited = true;
      break;
    }
    size_t p = 0;
    const char32_t d = char_before(b, kb, &p);
    // A province named bare right before a stem of two characters or more
    // (广西|百色市, 江西|南昌市) ends it: the walk would take its last character.
    if (k >= 2 && d < rules.char_classes.size() && (rules.char_classes[d] & kPlaceEndClass)) {
      bool province = false;
      for (const std::string& w : rules.places) province = province || (b >= w.size() && ends_at(text, b, w));
      if (province) {
        delimited = true;
        break;
      }
    }
    // d ends a stop word right before the stem (其中|武都区): the stem starts here.
    if (k > 0 && p > 0 && stop_words.may_end_with(d)) {
      size_t p1 = 0;
      const char32_t d1 = char_before(p, kb - 1, &p1);
      if (p1 >= *prev_end && stop_words.has(d1, d)) {
        delimited = true;
        break;
      }
    }
    // 和 right before the suffix may end a name (西和县, 新和县): as a
    // conjunction it would leave the name without a stem (岷县和漳县 stops at
    // the 和 before 漳). Such a name must be two characters from a boundary.
    if (k == 0 && d == U'和') ends_in_he = true;
    // 和 after a mark or a line's start (临夏县、和政县; ◆ 和田市：) joins
    // nothing: it is the name's first character (和政县, 和田市, 和静县).
    // Right after another name (临夏县和政县) it stays a conjunction.
    if (k > 0 && d == U'和' && (p > *prev_end || p == 0)) {
      size_t p1 = 0;
      const char32_t d1 = p > 0 ? char_before(p, kb - 1, &p1) : 0;
      if (d1 == 0 || !utf8::is_han(d1)) {
        b = p;
        ++k;
        delimited = true;
        break;
      }
    }
    const uint8_t d_flags = d < 0x10000 ? flags[d] : 0;
    if (!utf8::is_han(d) || ((d_flags & kStopChar) && !(k == 0 && ends_in_he)) || counting_numeral(d_flags, next)) {
      delimited = true;
      break;
    }
    // A stem that is a known name written bare (天津, 甘肃) is the whole stem:
    // 到位天津市帮扶资金 names 天津市, not 位天津市. Asked only where the
    // walk would go on (+15k instructions a round of the dev articles when
    // asked at every step, +6k here).
    if (k >= 2 && is_known_place(rules, text.substr(b, here - b))) {
      delimited = true;
      break;
    }
    if (k == 3) break;  // a fourth character: the stem's start is unknown
    b = p;
    --kb;
    ++k;
    next = d;
  }
  if (!delimited) {
    // No boundary in sight: most names have a two-character stem.
    b = indexed ? chars.offset(ks - 2) : utf8::char_start_before(text, utf8::char_start_before(text, here));
    k = 2;
  }
  // A county-level name the walk cut (从江县 at 从, 共和县 at 共, 和林格尔县
  // after three characters) is taken whole: the longest name of the table
  // (county_names.h) that ends here and starts before b, over Han
  // characters after the previous mention. Only ever lengthens a name.
  if (const size_t g = longest_county_start(text, b, end, *prev_end); g < b) {
    b = g;
    k = 2;
    delimited = true;
    ends_in_he = false;
  }
  const bool one_char_ok = c == U'县' || c == U'旗';
  if (k < 2 && !(k == 1 && one_char_ok)) return;
  if (ends_in_he && !(delimited && k == 2)) return;  // 中央和省州, not a name
  PlaceMention m;
  m.span = Range{static_cast<uint32_t>(b), static_cast<uint32_t>(end)};
  m.name = std::string(text.substr(b, end - b));
  mentions_.push_back(std::move(m));
  delimited_.push_back(delimited);
  *prev_end = static_cast<uint32_t>(end);
}

void PlaceIndex::add_autonomous(std::string_view text, size_t here, size_t end, uint32_t* prev_end) {
  // 黔东南苗族侗族自治州 has 8 characters before 自治; 10 leaves room for
  // longer lists of peoples and nothing for a sentence to be taken for one.
  constexpr int kMaxAutonomousStem = 10;
  size_t b = here - 6;  // before 自治
  int k = 0;
  while (b > *prev_end && b > 0) {
    size_t p = utf8::char_start_before(text, b);
    int len = 1;
    const char32_t d = next_char(text, p, &len);
    if (!utf8::is_han(d) || stop_char(d)) break;
    if (++k > kMaxAutonomousStem) return;  // no boundary in sight: no name
    b = p;
  }
  // A people and a place before it: at least 族 and two characters more.
  if (k < 3 || !(text.substr(b, here - 6 - b).find("族") != std::string_view::npos)) return;
  PlaceMention m;
  m.span = Range{static_cast<uint32_t>(b), static_cast<uint32_t>(end)};
  m.name = std::string(text.substr(b, end - b));
  mentions_.push_back(std::move(m));
  delimited_.push_back(true);
  *prev_end = static_cast<uint32_t>(end);
}

void PlaceIndex::find_bare(std::string_view text, const CharIndex& chars, const RulePackData& rules,
                           const std::vector<std::string_view>& venues) {
  // The document's own names: venues, then the stems of the suffixed names
  // (each once, mapped to the first full name). A few dozen at most: a
  // list sorted by first character, longest first, then in the order added
  // (as LiteralIndex reports a cue's payloads), where a LiteralIndex of
  // them, built for each document, took 70,000 instructions a round of the
  // dev articles (its 8 KiB of start bits, a bucket and an entry a name).
  struct OwnName {
    char32_t first;
    std::string_view name;
    int32_t payload;  // index into full
  };
  std::vector<OwnName> own;
  // The full names, viewed in the text: until the merge below, each
  // mention's name is what the text writes at its span.
  std::vector<std::string_view> full;
  auto add_own = [&](std::string_view name, std::string_view full_name) {
    int len = 1;
    own.push_back({next_char(name, 0, &len), name, static_cast<int32_t>(full.size())});
    full.emplace_back(full_name);
  };
  // Room for all at once: growing them took a tenth of the finding.
  own.reserve(venues.size() + mentions_.size());
  full.reserve(venues.size() + mentions_.size());
  for (std::string_view venue : venues) add_own(venue, venue);
  // Two characters at least: a one-character stem (岷) is too ambiguous alone.
  // drop_swallowing_names() has found each stem's first mention when no
  // mention was dropped or cut since: a set of the stems again took an
  // insert a mention.
  if (stem_firsts_valid_) {
    for (uint32_t i : stem_firsts_) {
      const PlaceMention& m = mentions_[i];
      add_own(std::string_view(m.name.data(), utf8::char_start_before(m.name, m.name.size())),
              text.substr(m.span.begin, m.span.end - m.span.begin));
    }
  } else {
    ViewSet stems;
    for (const PlaceMention& m : mentions_) {
      std::string_view stem(m.name.data(), utf8::char_start_before(m.name, m.name.size()));
      if (stem.size() < 6 || !stems.insert(stem)) continue;
      add_own(stem, text.substr(m.span.begin, m.span.end - m.span.begin));
    }
  }
  stem_firsts_.clear();
  stem_firsts_valid_ = false;
  std::sort(own.begin(), own.end(), [](const OwnName& a, const OwnName& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.name.size() != b.name.size()) return a.name.size() > b.name.size();
    return a.payload < b.payload;
  });
  // The longest own name written at text[pos] (first character c): its
  // size (0: none) and payload.
  auto own_at = [&](uint32_t pos, char32_t c, int32_t* payload) -> uint32_t {
    auto it = std::lower_bound(own.begin(), own.end(), c, [](const OwnName& o, char32_t x) { return o.first < x; });
    for (; it != own.end() && it->first == c; ++it)
      if (starts_at(text, pos, it->name)) {
        *payload = it->payload;
        return static_cast<uint32_t>(it->name.size());
      }
    return 0;
  };
  // One scan with both: at each position the longest name of either wins,
  // the document's own on a tie (the same word: a province seen with its
  // suffix, 甘肃省, keeps that form), and a name inside an earlier, longer
  // one is no hit. Hits of the pack's names carry payload -1 - (index into
  // rules.places).
  std::vector<CueHit> hits;
  hits.reserve(64);  // a report's bare names at once (growing took six allocations)
  const LiteralIndex& known = rules.known_places;
  if (own.empty() && known.empty()) return;
  const uint32_t size = static_cast<uint32_t>(text.size());
  // The characters either list's names start with, for the scan to stop
  // at: one test a character where asking both took two (find_bare 173,000
  // to 151,000 instructions on dev article 002); a byte each
  // (CharIndex::next_in_table).
  // The table is the thread's, zero between calls (ByteMarks): clearing
  // 64 KiB for each document would cost more than the scan saves.
  // The mark says whose names start with the character (kPackStart,
  // kOwnStart): most stops start only the pack's (上, 山, 江 …), and asking
  // the other list too took a search a stop.
  constexpr uint8_t kPackStart = 1, kOwnStart = 2;
  ByteMarks starts;
  starts.reserve(rules.place_first_chars.size() + own.size());
  for (char32_t c : rules.place_first_chars) starts.mark(c, kPackStart);  // what known.start_bits() holds
  for (const OwnName& o : own) starts.mark(o.first, kOwnStart);
  uint32_t covered_to = 0;
  const size_t n = chars.size();
  const uint8_t* start_table = starts.table();
  for (size_t k = 0; k < n; ++k) {
    k = chars.next_in_table(k, n, start_table);
    if (k >= n) break;
    const uint32_t pos = chars.offset(k);
    const char32_t c = chars.at(k);
    const uint8_t whose = start_table[std::min<char32_t>(c, 0xFFFF)];
    int32_t own_payload = 0;
    const uint32_t own_size = (whose & kOwnStart) ? own_at(pos, c, &own_payload) : 0;
    const LiteralIndex::Match pack = (whose & kPackStart) ? known.longest_at(text, pos, size, c) : LiteralIndex::Match{};
    if (own_size || pack.size) {
      const bool pack_wins = pack.size > own_size;
      const uint32_t end = pos + (pack_wins ? pack.size : own_size);
      if (end > covered_to) {
        hits.push_back({pos, end, pack_wins ? -1 - pack.payloads().front() : own_payload});
        covered_to = end;
      }
    }
  }
  if (hits.empty()) return;
  std::vector<PlaceMention> merged;
  merged.reserve(mentions_.size() + hits.size());
  size_t i = 0;
  for (const CueHit& h : hits) {
    while (i < mentions_.size() && mentions_[i].span.end <= h.begin) merged.push_back(std::move(mentions_[i++]));
    if (i < mentions_.size() && mentions_[i].span.begin < h.end) continue;  // inside a suffixed mention
    if (!merged.empty() && merged.back().span.end > h.begin) continue;      // the same name twice
    PlaceMention m;
    m.span = Range{h.begin, h.end};
    m.name = h.payload >= 0 ? full[static_cast<size_t>(h.payload)]
                            : std::string_view(rules.places[static_cast<size_t>(-1 - h.payload)]);
    // 云南省 whose suffixed form was not kept: the suffix still belongs to it.
    int len = 1;
    if (h.end < text.size()) {
      char32_t next = next_char(text, h.end, &len);
      if (rules.is_suffix(next) &&
          !(i < mentions_.size() && mentions_[i].span.begin < h.end + len)) {
        m.span.end = h.end + len;
        if (m.name == text.substr(h.begin, h.end - h.begin)) m.name = std::string(text.substr(h.begin, m.span.end - h.begin));
      }
    }
    merged.push_back(std::move(m));
  }
  while (i < mentions_.size()) merged.push_back(std::move(mentions_[i++]));
  mentions_ = std::move(merged);
}

namespace {

// Whether a word of `index` is written at `pos` or after up to `max_chars`
// Han characters from it (黄岛区累计拨付: a giver verb two characters on).
// Each character is decoded once, for the probe and the step both, where
// asking LiteralIndex::any_at() decoded it again.
bool word_after_gap(std::string_view text, size_t pos, int max_chars, const LiteralIndex& index) {
  const uint32_t size = static_cast<uint32_t>(text.size());
  for (int n = 0; n <= max_chars; ++n) {
    if (pos >= text.size()) return false;
    int len = 1;
    const char32_t c = next_char(text, pos, &len);
    if (index.longest_at(text, static_cast<uint32_t>(pos), size, c).size) return true;
    if (n == max_chars || !utf8::is_han(c)) return false;
    pos += static_cast<size_t>(len);
  }
  return false;
}

bool starts_with_any(std::string_view text, size_t pos, const std::vector<std::string>& words);

// Whether an organisation the name at `pos` ends the start of gives
// (台湾慈济基金会向定西市捐赠, 浙江某某集团为…, 四川X公司对…): a few Han
// characters of its own name, a word that ends an organisation's name (the
// pack's org-after words: 基金会, 集团, 公司, 商会 …), then a word before a
// recipient (the pack's recipient-before words: 向, 为, 给, 对) with a place
// right after it (`place_at`: whether a name starts there), or a giver verb
// up to two characters after it (台湾慈济基金会捐赠…, 某集团累计捐款…: no
// recipient named). The place is where the giver is from, not what the
// figure is about. Not a recipient-before word without the recipient's name
// (渭源县引进企业为贫困户提供岗位: 为 is "for", and the county is the subject).
template <typename PlaceAt>
bool org_gives_after(std::string_view text, size_t pos, const RulePackData& rules, PlaceAt place_at) {
  const uint32_t size = static_cast<uint32_t>(text.size());
  constexpr int kMaxNameChars = 6;  // 慈济, 东方希望, 碧桂园
  int len = 1;
  char32_t c = pos < text.size() ? next_char(text, pos, &len) : 0;  // the character at pos, decoded once
  for (int n = 0; n < kMaxNameChars; ++n) {
    if (!utf8::is_han(c)) return false;
    pos += static_cast<size_t>(len);  // at least one character: right after the name is org-after's own
    if (pos >= text.size()) return false;
    c = next_char(text, pos, &len);
    if (!rules.org_after_index.may_start(c)) continue;  // one bit: most characters start no such word
    const LiteralIndex::Match org = rules.org_after_index.longest_at(text, static_cast<uint32_t>(pos), size, c);
    if (!org.size) continue;
    const size_t after = pos + org.size;
    for (const std::string& w : rules.recipient_before)
      if (starts_at(text, after, w) && place_at(after + w.size())) return true;
    if (word_after_gap(text, after, 2, rules.giver_verb_index)) return true;
  }
  return false;
}

bool starts_with_any(std::string_view text, size_t pos, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (starts_at(text, pos, w)) return true;
  return false;
}

bool ends_with_any(std::string_view text, size_t pos, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (ends_at(text, pos, w)) return true;
  return false;
}

// The text between two names in a list of items headed by names: a short
// stretch holding a digit and ending in 、 (8650万元、; 落实资金8650万元、).
// At most kMaxItemBytes: longer, it is a clause of its own.
bool item_of_figures(std::string_view gap) {
  constexpr size_t kMaxItemBytes = 36;
  if (gap.size() > kMaxItemBytes || !gap.ends_with("、")) return false;
  return std::any_of(gap.begin(), gap.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether text[pos] ends a dispatch's 电: a space (ASCII or U+3000), an
// opening bracket ((, （, 【, 〔, [) of the reporter's byline, a line end
// or the text's end. Not a character of a word: 北京电力, 北京电视台,
// 北京电网 and 北京电商 are organisations of the city (org_after_index's).
bool ends_dispatch_mark(std::string_view text, size_t pos) {
  if (pos >= text.size()) return true;
  const char b = text[pos];
  if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '(' || b == '[') return true;
  for (std::string_view mark : {"\u3000", "（", "【", "〔"})
    if (starts_at(text, pos, mark)) return true;
  return false;
}

// A dispatch's dateline right after a name (新华社北京1月23日电, 本报兰州12日电),
// or the same without its date (新华社北京电 …, 中新网北京电（记者…）): the name
// is where the report was filed, not what it reports.
bool dateline_after(std::string_view text, size_t pos) {
  constexpr int kMaxDateChars = 10;  // 12月31日
  if (starts_at(text, pos, "电")) return ends_dispatch_mark(text, pos + 3);
  if (pos >= text.size() || text[pos] < '0' || text[pos] > '9') return false;  // most names
  size_t p = pos;
  for (int n = 0; n < kMaxDateChars && p < text.size(); ++n) {
    if (text[p] >= '0' && text[p] <= '9') {
      ++p;
    } else if (starts_at(text, p, "年") || starts_at(text, p, "月")) {
      p += 3;
    } else {
      return n > 0 && starts_at(text, p, "日电");
    }
  }
  return false;
}

// Whether an away-after word (就业, 务工 …) follows text[p], the end of a
// name that an away-before word precedes: right there (赴浙江省务工,
// 到中山市就读), or after 等 within a few Han characters (到天津等东部地区
// 稳定就业, 向青岛等地转移). Only after 等: 在定西设立就业帮扶车间 is
// in 定西.
bool away_after_within(std::string_view text, size_t p, const RulePackData& rules) {
  if (!starts_at(text, p, "等")) return starts_with_any(text, p, rules.away_after);
  p += 3;  // 等
  constexpr int kMaxChars = 6;  // 东部地区稳定, 沿海发达城市
  for (int k = 0; k <= kMaxChars && p < text.size(); ++k) {
    if (starts_with_any(text, p, rules.away_after)) return true;
    int len = 1;
    const char32_t c = next_char(text, p, &len);
    if (!utf8::is_han(c)) return false;
    p += static_cast<size_t>(len);
  }
  return false;
}

// The rank of the area `name` names, largest first: 1 a province (甘肃,
// 甘肃省, 广西壮族自治区), 2 a prefecture or city (定西市, 湘西州, 喀什地区),
// 3 a county or district, 4 a town, 5 a village; 0 when its suffix does not
// tell.
int area_rank(const RulePackData& rules, std::string_view name) {
  if (ends_at(name, name.size(), "地区")) return 2;
  if (ends_at(name, name.size(), "自治区") || ends_at(name, name.size(), "省") || is_known_place(rules, name)) return 1;
  for (std::string_view s : {"市", "州", "盟"})
    if (ends_at(name, name.size(), s)) return 2;
  for (std::string_view s : {"县", "区", "旗"})
    if (ends_at(name, name.size(), s)) return 3;
  for (std::string_view s : {"镇", "乡"})
    if (ends_at(name, name.size(), s)) return 4;
  return ends_at(name, name.size(), "村") ? 5 : 0;
}

// Whether text[b, e), between two names, only says that the first one
// encloses the second: a space (甘肃 武都区), 的 (甘肃的武都区), or the end
// of a location tag (【甘肃定西】安定区: the tag's names, and a bare name
// in it the index does not know, up to the tag's close).
bool enclosing_gap(std::string_view text, uint32_t b, uint32_t e) {
  const std::string_view gap = text.substr(b, e - b);
  if (gap == " " || gap == "\u3000" || gap == "的") return true;
  for (std::string_view close : {"】", "]"}) {
    if (!ends_at(gap, gap.size(), close)) continue;
    constexpr int kMaxChars = 4;  // 定西, 临夏回族
    int n = 0;
    for (size_t p = 0, end = gap.size() - close.size(); p < end; ++n) {
      int len = 1;
      if (n == kMaxChars || !utf8::is_han(next_char(gap, p, &len))) return false;
      p += static_cast<size_t>(len);
    }
    return true;
  }
  return false;
}

}  // namespace

void PlaceIndex::classify(std::string_view text, const RulePackData& rules) {
  // Start of the chain (甘肃省定西市…) that mention i ends.
  auto chain_begin_of = [&](size_t i) {
    while (i > 0 && mentions_[i - 1].span.end == mentions_[i].span.begin) --i;
    return mentions_[i].span.begin;
  };
  // Most names follow none of the words before a place (recipient, away,
  // located words), and probing the 22 of the default pack took 55,000
  // instructions a round of the dev articles: a filter on the words' last
  // two bytes first. So for the source words (争取到).
  const WordEndFilter& before_words = rules.place_before_filter;
  const WordEndFilter& source_words = rules.source_before_filter;
  for (size_t i = 0; i < mentions_.size(); ++i) {
    PlaceMention& m = mentions_[i];
    // 甘肃省定西市渭源县: only the last name of a chain speaks for it.
    if (i + 1 < mentions_.size() && mentions_[i + 1].span.begin == m.span.end) {
      m.governs = false;
      continue;
    }
    // 【甘肃定西】安定区, 甘肃 武都区, 甘肃的武都区: a larger area written
    // right before a smaller one says where that one lies; the smaller one
    // is what the figures are about (and the larger one is no rival for
    // the document's focus).
    if (i + 1 < mentions_.size() && mentions_[i + 1].span.begin > m.span.end &&
        enclosing_gap(text, m.span.end, mentions_[i + 1].span.begin)) {
      const int outer = area_rank(rules, m.name), inner = area_rank(rules, mentions_[i + 1].name);
      if (outer > 0 && inner > outer) {
        m.governs = false;
        continue;
      }
    }
    // 甘肃某公司: an organisation left unnamed is one too.
    const size_t org_at = starts_at(text, m.span.end, "某") ? m.span.end + 3 : m.span.end;
    if (rules.org_after_index.any_at(text, org_at) || dateline_after(text, m.span.end)) {
      m.governs = false;
      m.org = !dateline_after(text, m.span.end);
      if (org_area_.empty() && m.org) org_area_ = m.name;
      if (issuer_area_.empty() && m.org && rules.issuer_after_index.any_at(text, org_at)) {
        issuer_area_ = m.name;
        issuer_at_ = m.span.begin;
      }
      continue;
    }
    size_t first = i;
    while (first > 0 && mentions_[first - 1].span.end == mentions_[first].span.begin) --first;
    const uint32_t chain_begin = mentions_[first].span.begin;
    // Venue: 在 before the chain's first name, a meeting verb after.
    if (ends_at(text, chain_begin, "在") && starts_with_any(text, m.span.end, rules.venue_verbs)) {
      m.governs = false;
      continue;
    }
    // 东西部协作资金（厦门市海沧区）: a name in brackets after a word says
    // whose the word's thing is (the partner that gives), not what the
    // figures are about.
    // (（ ends in byte 0x88: one test rules out nearly every name.)
    if (chain_begin >= 4 && (text[chain_begin - 1] == '\x88' || text[chain_begin - 1] == '(') &&
        (ends_at(text, chain_begin, "（") || ends_at(text, chain_begin, "(")) &&
        (starts_at(text, m.span.end, "）") || starts_at(text, m.span.end, ")"))) {
      const size_t open = ends_at(text, chain_begin, "（") ? chain_begin - 3 : chain_begin - 1;
      int len = 1;
      if (open > 0 && utf8::is_han(next_char(text, utf8::char_start_before(text, open), &len))) {
        m.governs = false;
        continue;
      }
    }
    // 厦门市湖里区今年安排我县…: a name acting on the text's own area (我县,
    // 本市: a few Han characters on) is a partner's, not that area's.
    if (acts_on_own_area(text, m.span.end)) {
      m.governs = false;
      continue;
    }
    // A giver: 黄岛区累计拨付…, 杭州市选派… (up to two words between); in a
    // list of givers (红桥区、河北区累计向…投入) every name gives.
    const bool word_before = before_words.may_end_at(text, chain_begin);
    if (!(word_before && ends_with_any(text, chain_begin, rules.recipient_before)) &&
        (word_after_gap(text, m.span.end, 2, rules.giver_verb_index) || org_gives_after(text, m.span.end, rules, [&](size_t at) {
          auto next = first_from(static_cast<uint32_t>(at));
          return next != mentions_.end() && next->span.begin == at;
        }))) {
      m.governs = false;
      for (size_t j = first; j > 0;) {
        --j;
        std::string_view gap = text.substr(mentions_[j].span.end, chain_begin_of(j + 1) - mentions_[j].span.end);
        if (gap != "、" && gap != "和" && gap != "及" && gap != "与") break;
        mentions_[j].governs = false;
        size_t f = j;
        while (f > 0 && mentions_[f - 1].span.end == mentions_[f].span.begin) mentions_[--f].governs = false;
        j = f;
      }
      continue;
    }
    // 争取到厦门市思明区帮扶资金: where aid came from.
    if (source_words.may_end_at(text, chain_begin) && ends_with_any(text, chain_begin, rules.source_before)) {
      m.governs = false;
      continue;
    }
    // Where people went: 赴浙江省务工, 向青岛等地转移输出, 到中山市就读.
    // 输转福州3120人: a place right after a verb of going is where people went.
    if (word_before && ends_with_any(text, chain_begin, rules.away_verbs)) {
      m.governs = false;
      continue;
    }
    // 鸡川镇位于通渭县东南部: where the subject lies, not what it reports.
    if (word_before && ends_with_any(text, chain_begin, rules.located_before)) {
      m.governs = false;
      continue;
    }
    if (word_before && ends_with_any(text, chain_begin, rules.away_before)) {
      if (away_after_within(text, m.span.end, rules)) m.governs = false;
    }
  }
  // Names one after another with a list's 、 between (新疆、云南). Not 与 or
  // 和: 杭州市与恩施州 pairs a giver with the area the report is about.
  // So are names that each head an item of figures (武都区8650万元、宕昌县
  // 7120万元): each names its own figure, none the figures after the list.
  for (size_t i = 1; i < mentions_.size(); ++i) {
    const uint32_t b = mentions_[i - 1].span.end, e = mentions_[i].span.begin;
    if (e < b) continue;
    const std::string_view gap = text.substr(b, e - b);
    if (gap == "、" || item_of_figures(gap)) mentions_[i - 1].listed = mentions_[i].listed = true;
    // ... and the last of such a list after 和 (西藏、甘肃和新疆): 和 alone
    // pairs (杭州市与恩施州), 和 after a 、 ends a list.
    else if (mentions_[i - 1].listed && (gap == "和" || gap == "及" || gap == "以及" || gap == "与"))
      mentions_[i].listed = true;
  }
  // The document's focus: the name that governs most often (first on ties).
  // Names are counted in the order first seen (a ViewSet numbers them).
  // Each with where it first governs (focus_at(), unless named earlier).
  struct Count {
    std::string_view name;
    int n;
    uint32_t first;
  };
  std::vector<Count> counts;
  counts.reserve(mentions_.size());  // (grown from empty: an allocation a doubling)
  ViewSet seen;
  for (const PlaceMention& m : mentions_) {
    if (!m.governs) continue;
    uint32_t at = 0;
    if (seen.insert(m.name, static_cast<uint32_t>(counts.size()), &at)) {
      counts.push_back({m.name, 1, m.span.begin});
    } else {
      ++counts[at].n;
    }
  }
  int best = 0;
  for (const Count& c : counts)
    if (c.n > best) {
      best = c.n;
      focus_ = c.name;
      focus_at_ = c.first;
    }
  // Named before, as any mention's name (来源：会宁县融媒体中心 names the
  // area of an interview whose body says only 全县 until its end).
  for (const PlaceMention& m : mentions_) {
    if (m.span.begin >= focus_at_) break;
    if (m.name == focus_) {
      focus_at_ = m.span.begin;
      break;
    }
  }
  // A document that names no governing place, names one in an organisation
  // (礼县扶贫开发领导小组办公室) and calls itself by that place's kind of
  // area (我县, 本县) is that place's.
  if (focus_.empty() && !org_area_.empty()) {
    const std::string_view name = org_area_;
    const std::string_view suffix = name.substr(utf8::char_start_before(name, name.size()));
    for (std::string_view self : {"我", "本"})
      if (find_bytes(text, std::string(self) + std::string(suffix)) != std::string_view::npos) self_area_ = org_area_;
  }
}

PlaceIndex::GoverningNames PlaceIndex::governing(uint32_t from, uint32_t to, bool single) const {
  // The last kMaxGoverning names at most: a sentence naming more is a list,
  // not prose, and an unbounded answer would cost each figure the whole
  // sentence.
  GoverningNames out;
  auto hi = std::upper_bound(mentions_.begin(), mentions_.end(), to,
                             [](uint32_t p, const PlaceMention& m) { return p < m.span.end; });
  for (auto it = hi; it != mentions_.begin() && out.size < kMaxGoverning;) {
    --it;
    if (it->span.begin < from) break;
    if (it->governs && !(single && it->listed) && it->span.end <= to) out.names[out.size++] = &it->name;
  }
  std::reverse(out.names.begin(), out.names.begin() + static_cast<std::ptrdiff_t>(out.size));
  return out;
}

std::vector<std::string> PlaceIndex::list_ending_at(std::string_view text, uint32_t pos, bool any) const {
  std::vector<std::string> out;
  auto hi = std::upper_bound(mentions_.begin(), mentions_.end(), pos,
                             [](uint32_t p, const PlaceMention& m) { return p < m.span.end; });
  uint32_t expect = pos;
  for (auto it = hi; it != mentions_.begin();) {
    --it;
    if (!it->governs && !any) break;
    // Only list separators between the names: 岷县、漳县 / 岷县和漳县.
    std::string_view gap = text.substr(it->span.end, expect - it->span.end);
    if (it->span.end > expect || !(gap.empty() || gap == "、" || gap == "和" || gap == "及" || gap == "与" || gap == "," ||
                                   gap == "，"))
      break;
    if (!out.empty() && gap.empty()) break;
    // A run of more names than this is a directory, not a list whose k-th
    // name a reader pairs with the k-th figure; stopping here also keeps
    // each call short however long the run (callers make one per mention).
    if (out.size() == kMaxListNames) return {};
    out.push_back(it->name);
    expect = it->span.begin;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

const std::string* PlaceIndex::nearest(uint32_t from, uint32_t to, bool last, bool single) const {
  const PlaceMention* m = nearest_mention(from, to, last, single);
  return m ? &m->name : nullptr;
}

const PlaceMention* PlaceIndex::nearest_mention(uint32_t from, uint32_t to, bool last, bool single) const {
  // Looking past 4096 names that govern nothing (a page of 县委县委…) would
  // make each figure cost the whole document: stop there, either way.
  constexpr int kMaxLook = 4096;
  int looked = 0;
  if (last) {
    // Walk back from the last mention that ends by `to`.
    auto hi = std::upper_bound(mentions_.begin(), mentions_.end(), to,
                               [](uint32_t p, const PlaceMention& m) { return p < m.span.end; });
    for (auto it = hi; it != mentions_.begin() && looked < kMaxLook; ++looked) {
      --it;
      if (it->span.begin < from) break;
      if (it->governs && !(single && it->listed) && it->span.end <= to) return &*it;
    }
    return nullptr;
  }
  for (auto it = first_from(from); it != mentions_.end() && it->span.end <= to && looked < kMaxLook; ++it, ++looked)
    if (it->governs && !(single && it->listed)) return &*it;
  return nullptr;
}

bool PlaceIndex::acts_on_own_area(std::string_view text, uint32_t pos) const {
  constexpr size_t kMaxGap = 6;  // Han characters between: 今年安排, 累计向
  auto it = std::lower_bound(own_area_words_.begin(), own_area_words_.end(), pos);
  if (it == own_area_words_.end() || *it > pos + 3 * kMaxGap) return false;
  for (size_t p = pos; p < *it;) {  // Han characters only between
    int len = 1;
    if (!utf8::is_han(next_char(text, p, &len))) return false;
    p += static_cast<size_t>(len);
  }
  return true;
}

uint32_t PlaceIndex::first_named(std::string_view name) const {
  const size_t n = std::min(mentions_.size(), kMaxFirstNamed);
  for (size_t i = 0; i < n; ++i)
    if (mentions_[i].name == name) return mentions_[i].span.begin;
  return UINT32_MAX;
}

void PlaceIndex::mark_listed(Range r) {
  auto it = mentions_.begin() + (first_from(r.begin) - mentions_.cbegin());
  for (; it != mentions_.end() && it->span.end <= r.end; ++it) it->listed = true;
}

std::vector<PlaceMention>::const_iterator PlaceIndex::first_from(uint32_t pos) const {
  return std::lower_bound(mentions_.begin(), mentions_.end(), pos,
                          [](const PlaceMention& m, uint32_t p) { return m.span.begin < p; });
}

const PlaceMention* PlaceIndex::last_mention_in(Range r) const { return nearest_mention(r.begin, r.end, true, false); }

const PlaceMention* PlaceIndex::mention_in(Range r) const { return nearest_mention(r.begin, r.end, false, false); }

}  // namespace aidtext
