// Place names in a document and the place that governs a figure.
//
// Mentions come from two sources: a name before a place suffix (渭源县,
// 湘西州, 锡壶沟村; the suffixes, the words that end in one without naming a
// place, and province names written bare are in the rule pack), and later
// bare uses of a name seen with its suffix (渭源 after 渭源县). A name's stem
// is walked back from its suffix (at most three characters) and stops at a
// function character, at a word that ends right before names (其中, 下达,
// 位于, 结对 …) and at a province written bare (广西|百色市). A mention that
// starts an organisation's name (渭源县委, 火炬区组团) or says where a meeting
// was held (在北京举行) governs no figure. Names written one after another
// (甘肃省定西市渭源县) are one mention: the last, most specific one.
// So are a larger area and a smaller one after a space, 的 or a location
// tag's close (甘肃 武都区, 甘肃的武都区, 【甘肃定西】安定区): the smaller one.
//
// Nor does a giver of aid (黄岛区拨付…, giver-verb in the pack; not after a
// recipient-before word: 向昭觉县捐款), nor one an organisation that gives
// starts (台湾慈济基金会向定西市捐赠: an org-after word, then 向, 为, 给 or 对
// and the recipient's name, or a giver verb: 台湾慈济基金会捐赠…), a place people went to
// (赴浙江省务工: away-before/away-after), where the subject lies
// (位于通渭县: located-before) or where a dispatch was filed (新华社北京1月
// 23日电). Names that each head an item of figures (武都区8650万元、宕昌县
// 7120万元) stand in a list, as names written one after another with 、 do.
//
// The governing place of a figure is the nearest mention before it in its
// sentence (the document's focus when the sentence names several), else
// earlier in its paragraph, else in the paragraphs before, else the first one
// after it in its sentence. 岷县、漳县分别减贫…、…: the k-th figure after 分别
// belongs to the k-th name. Beyond its sentence, and after it, a figure takes
// no name that stands in a list: a list names several areas, none of them
// the one a later figure is about.
//
// Characters the mojibake repairer guessed from context (Repair::guessed:
// their bytes were lost) say nothing of the text: a mention written with
// any of them (a guessed 上海 for 生产) is not recorded, as if the text did
// not have it, and neither seeds later bare uses nor counts for the focus.
#ifndef AIDTEXT_METRICS_PLACES_H_
#define AIDTEXT_METRICS_PLACES_H_

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/range.h"
#include "metrics/char_index.h"
#include "metrics/rule_pack_data.h"

namespace aidtext {

struct PlaceMention {
  Range span;
  std::string name;      // as written with its suffix (渭源县 for a bare 渭源)
  bool governs = true;   // false: part of an organisation, a venue, or a chain's inner name
  bool listed = false;   // one of a list of names (新疆、云南、贵州等): none of them alone
  bool org = false;      // governs nothing as part of an organisation's name (前石村党支部)
};

class PlaceIndex {
 public:
  PlaceIndex(std::string_view text, const RulePackData& rules);
  // `chars`: the text decoded (CharIndex(text)), when the caller has it.
  // `guessed`: ranges of the text whose characters were guessed (sorted by
  // start, not overlapping; see the top of the file); no mention overlapping
  // one is recorded.
  PlaceIndex(std::string_view text, const CharIndex& chars, const RulePackData& rules,
             std::span<const Range> guessed = {});

  // Name of the nearest governing mention inside [from, to), the last one
  // (before = true) or the first one; nullptr when there is none.
  // `single`: skip names that stand in a list (主要集中在新疆、云南、贵州等省区
  // frames no later figure as 贵州's).
  const std::string* nearest(uint32_t from, uint32_t to, bool last, bool single = false) const;
  // The same mention itself.
  const PlaceMention* nearest_mention(uint32_t from, uint32_t to, bool last, bool single = false) const;
  const std::vector<PlaceMention>& mentions() const { return mentions_; }
  // The first of mentions() that starts at or after `pos` (they are in text
  // order), or its end.
  std::vector<PlaceMention>::const_iterator first_from(uint32_t pos) const;
  // The names governing(), in place: a figure asks for them up to four
  // times, and a vector's allocation a time took a fifth of the asking.
  static constexpr size_t kMaxGoverning = 64;
  struct GoverningNames {
    std::array<const std::string*, kMaxGoverning> names;
    size_t size = 0;
    const std::string* const* begin() const { return names.data(); }
    const std::string* const* end() const { return names.data() + size; }
    bool empty() const { return size == 0; }
    const std::string* back() const { return names[size - 1]; }
  };
  // Names of the governing mentions inside [from, to), in text order, the
  // last kMaxGoverning at most (`single`: as for nearest).
  GoverningNames governing(uint32_t from, uint32_t to, bool single = false) const;
  // 岷县、漳县分别…: the names of a list of places ending at `pos`; empty
  // when the run of names is longer than kMaxListNames. `any`: names that
  // govern nothing count too (分别向武都区、康县拨付: recipients before a
  // giver verb).
  std::vector<std::string> list_ending_at(std::string_view text, uint32_t pos, bool any = false) const;
  static constexpr size_t kMaxListNames = 64;
  // The name that governs most often in the document ("" when none).
  const std::string& focus() const { return focus_; }
  // Where the focus is first named (the byte its name starts at; any
  // mention, one that governs nothing too: 会宁县融媒体中心); 0 when there
  // is no focus. A figure before it, in a
  // text that names its area only further on (a table below, a later
  // paragraph), cannot have been read as that area's.
  uint32_t focus_at() const { return focus_at_; }
  // When the document names no governing place: the first name written as
  // part of an organisation's (a notice signed 礼县扶贫开发领导小组办公室)
  // if the text calls itself by its kind of area (我县, 本县); else "".
  const std::string& self_area() const { return self_area_; }
  // The first name written before one of the pack's issuer words (临夏州人民
  // 政府办公室, 礼县扶贫办): the area a report or notice is issued for; "".
  const std::string& issuer_area() const { return issuer_area_; }
  // Where issuer_area() is named (the byte its name starts at); 0 when "".
  uint32_t issuer_at() const { return issuer_at_; }
  // Where `name` is first written as a mention's name (any mention: one
  // that governs nothing too), looking at most at the first kMaxFirstNamed
  // mentions; UINT32_MAX when not there.
  uint32_t first_named(std::string_view name) const;
  static constexpr size_t kMaxFirstNamed = 4096;
  // Marks the mentions inside `r` as standing in a list (a table's row
  // labels): they name their own figures only.
  void mark_listed(Range r);
  // The first governing mention inside `r`, or nullptr.
  const PlaceMention* mention_in(Range r) const;
  // The last governing mention inside `r`, or nullptr.
  const PlaceMention* last_mention_in(Range r) const;

 private:
  void first_pass(std::string_view text, const CharIndex& chars, const RulePackData& rules,
                  std::span<const Range> guessed, std::vector<std::string_view>* venues);
  // Drops the mentions that overlap one of `guessed` (and their delimited_
  // flags while those are kept).
  void drop_guessed(std::span<const Range> guessed);
  static std::string_view venue_before(std::string_view text, size_t at);
  // `k`: the suffix's index in `chars`.
  void add_suffixed(std::string_view text, const CharIndex& chars, size_t k, char32_t c, const RulePackData& rules,
                    uint32_t* prev_end);
  // The suffix at text[here, end) ends 自治 (东乡族自治县): the whole name.
  void add_autonomous(std::string_view text, size_t here, size_t end, uint32_t* prev_end);
  void drop_swallowing_names(const RulePackData& rules);
  void find_bare(std::string_view text, const CharIndex& chars, const RulePackData& rules,
                 const std::vector<std::string_view>& venues);
  void classify(std::string_view text, const RulePackData& rules);
  // 厦门市湖里区今年安排我县…: whether 我县 / 本市 (where the text names its
  // own area) stands after `pos` past Han characters only, a few at most.
  bool acts_on_own_area(std::string_view text, uint32_t pos) const;
  std::vector<PlaceMention> mentions_;  // in text order, not overlapping
  std::vector<uint32_t> own_area_words_;  // where 我县, 本市 … start, in text order
  // While finding: the first mention of each distinct stem of two
  // characters or more, in text order, valid while no mention has been
  // dropped or cut since drop_swallowing_names() listed them.
  std::vector<uint32_t> stem_firsts_;
  bool stem_firsts_valid_ = false;
  // While finding, valid with stem_firsts_: each mention's name's number,
  // and by number flags of its mentions' starts.
  std::vector<uint32_t> numbers_;
  std::vector<uint8_t> name_flags_;
  static constexpr uint8_t kCertainName = 1, kDelimitedName = 2;
  std::vector<uint8_t> delimited_;  // while finding: the name's start is certain (a byte: vector<bool>'s bit pushes cost)
  std::string focus_;
  uint32_t focus_at_ = 0;
  std::string org_area_;  // the first name inside an organisation's
  std::string self_area_;
  std::string issuer_area_;
  uint32_t issuer_at_ = 0;
};

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_PLACES_H_
