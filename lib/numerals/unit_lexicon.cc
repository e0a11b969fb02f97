#include "numerals/unit_lexicon.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"
#include "numerals/char_context.h"
#include "numerals/text_match.h"

namespace aidtext::numerals {
namespace {

using K = UnitKind;

// Longer words first where one is a prefix of another (个百分点 before 个).
constexpr UnitWord kUnits[] = {
    // money
    {"元人民币", "CNY", "", K::kMoney},
    {"万元", "CNY", "", K::kMoney},  // only reached when 万 was not read as a scale
    {"元", "CNY", "", K::kMoney},
    {"圆", "CNY", "", K::kMoney},
    {"块钱", "CNY", "", K::kMoney},
    {"人民币", "CNY", "", K::kMoney},
    {"美元", "USD", "", K::kMoney},
    {"美金", "USD", "", K::kMoney},
    {"美圆", "USD", "", K::kMoney},
    {"港元", "HKD", "", K::kMoney},
    {"港币", "HKD", "", K::kMoney},
    {"日元", "JPY", "", K::kMoney},
    {"日币", "JPY", "", K::kMoney},
    {"欧元", "EUR", "", K::kMoney},
    {"英镑", "GBP", "", K::kMoney},
    {"新台币", "TWD", "", K::kMoney},
    {"台币", "TWD", "", K::kMoney},
    {"澳元", "AUD", "", K::kMoney},
    {"加元", "CAD", "", K::kMoney},
    {"韩元", "KRW", "", K::kMoney},
    {"泰铢", "THB", "", K::kMoney},
    {"卢布", "RUB", "", K::kMoney},
    {"瑞士法郎", "CHF", "", K::kMoney},
    // people and households
    {"人次", "person_time", "", K::kPeople},
    {"口人", "person", "", K::kPeople},
    {"人", "person", "", K::kPeople},
    {"名", "person", "", K::kPeople},
    {"位", "person", "", K::kPeople},
    // 一家三口, 全家4口; counting wells, cellars, ponds or pots (打井30口,
    // 30口机井) the recognizer rereads it as a classifier (kou_classifier.h).
    {"口", "person", "", K::kPeople},
    {"户次", "household_time", "", K::kHousehold},  // 带动贫困户136万户次: visits, not households
    {"户", "household", "", K::kHousehold},
    // area, mass, length
    {"平方公里", "km2", "", K::kMeasure},
    {"平方千米", "km2", "", K::kMeasure},
    {"平方米", "m2", "", K::kMeasure},
    {"亩", "mu", "", K::kMeasure},
    {"公顷", "hectare", "", K::kMeasure},
    {"吨", "t", "", K::kMeasure},
    {"公斤", "kg", "", K::kMeasure},
    {"千克", "kg", "", K::kMeasure},
    {"斤", "jin", "", K::kMeasure},
    {"克", "g", "", K::kMeasure},
    {"毫克", "mg", "", K::kMeasure},
    {"微克", "ug", "", K::kMeasure},
    {"公里", "km", "", K::kMeasure},
    {"千米", "km", "", K::kMeasure},
    {"米", "m", "", K::kMeasure},
    {"厘米", "cm", "", K::kMeasure},
    {"公分", "cm", "", K::kMeasure},
    {"毫米", "mm", "", K::kMeasure},
    {"立方米", "m3", "", K::kMeasure},
    {"立方", "m3", "", K::kMeasure},
    // energy and power: photovoltaic aid (光伏扶贫) is counted in kilowatts
    // and its output in kilowatt-hours, the rural grid in kilovolts and
    // kilovolt-amperes. A scale character that starts one of these words
    // belongs to it (10千瓦 is ten kilowatts, not 10,000 watts; see the
    // recognizer); 万 and 亿 before them stay scales (80万千瓦). Not 瓦
    // alone: 一砖一瓦 (every brick and tile) is an idiom, not two amounts.
    {"千瓦时", "kWh", "", K::kMeasure},
    {"千瓦", "kW", "", K::kMeasure},
    {"兆瓦时", "MWh", "", K::kMeasure},
    {"兆瓦", "MW", "", K::kMeasure},
    {"千伏安", "kVA", "", K::kMeasure},
    {"千伏", "kV", "", K::kMeasure},
    {"千卡", "kcal", "", K::kMeasure},
    {"兆赫兹", "MHz", "", K::kMeasure},
    {"兆赫", "MHz", "", K::kMeasure},
    {"千赫", "kHz", "", K::kMeasure},
    {"赫兹", "Hz", "", K::kMeasure},
    {"兆字节", "MB", "", K::kMeasure},
    {"千字节", "kB", "", K::kMeasure},
    {"字节", "B", "", K::kMeasure},
    // Latin unit symbols (a number glued to other letters is a code: G20, 5G)
    {"km", "km", "", K::kMeasure},
    {"KM", "km", "", K::kMeasure},
    {"kg", "kg", "", K::kMeasure},
    {"KG", "kg", "", K::kMeasure},
    {"cm", "cm", "", K::kMeasure},
    {"CM", "cm", "", K::kMeasure},
    {"mm", "mm", "", K::kMeasure},
    {"m", "m", "", K::kMeasure},
    // ratios
    {"%", "percent", "", K::kPercent},
    {"％", "percent", "", K::kPercent},
    {"个百分点", "percentage_point", "", K::kPercentPoint},
    {"倍", "times", "", K::kTimes},
    {"成", "percent", "", K::kTenths},
    {"折", "percent", "", K::kDiscount},
    // durations and age
    {"个月", "month", "", K::kDuration},
    {"个小时", "hour", "", K::kDuration},
    {"小时", "hour", "", K::kDuration},
    {"天", "day", "", K::kDuration},
    {"分钟", "minute", "", K::kDuration},
    {"分", "point", "", K::kMeasure},  // scores and marks: 两千分 (minutes are 分钟, times are dates)
    {"周岁", "age", "", K::kAge},
    {"岁", "age", "", K::kAge},
    // counting classifiers (spec list first, then common ones)
    {"个", "count", "个", K::kClassifier},
    {"项", "count", "项", K::kClassifier},
    {"期", "count", "期", K::kClassifier},
    {"家", "count", "家", K::kClassifier},
    {"所", "count", "所", K::kClassifier},
    {"批", "count", "批", K::kClassifier},
    {"座", "count", "座", K::kClassifier},
    {"次", "count", "次", K::kClassifier},
    // 培训18场次, 3批次: the counted classifier, 次 written after it (were 18场 and 3批, 次 left out).
    {"场次", "count", "场", K::kClassifier},
    {"批次", "count", "批", K::kClassifier},
    {"场", "count", "场", K::kClassifier},
    {"套", "count", "套", K::kClassifier},
    {"台", "count", "台", K::kClassifier},
    {"间", "count", "间", K::kClassifier},
    {"条", "count", "条", K::kClassifier},
    {"件", "count", "件", K::kClassifier},
    {"张", "count", "张", K::kClassifier},
    {"本", "count", "本", K::kClassifier},
    {"辆", "count", "辆", K::kClassifier},
    {"头", "count", "头", K::kClassifier},
    {"只", "count", "只", K::kClassifier},
    {"处", "count", "处", K::kClassifier},
    // 眼 counts wells, springs, cellars and cave dwellings (打井10眼, 3眼机井,
    // 一眼窑洞); after a look (看了一眼, 一眼望去) or for eyes (两眼) it is no
    // unit: the recognizer keeps it only where it counts such an object
    // (reread_yan, kou_classifier.h).
    {"眼", "count", "眼", K::kClassifier},
    {"支", "count", "支", K::kClassifier},
    {"篇", "count", "篇", K::kClassifier},
    {"份", "count", "份", K::kClassifier},
    {"种", "count", "种", K::kClassifier},
    {"类", "count", "类", K::kClassifier},
    {"部", "count", "部", K::kClassifier},
    {"栋", "count", "栋", K::kClassifier},
    {"幢", "count", "幢", K::kClassifier},
    {"章", "count", "章", K::kClassifier},
    {"节", "count", "节", K::kClassifier},
    {"道", "count", "道", K::kClassifier},
    {"块", "count", "块", K::kClassifier},
    {"片", "count", "片", K::kClassifier},
    {"棵", "count", "棵", K::kClassifier},
    {"株", "count", "株", K::kClassifier},
    {"匹", "count", "匹", K::kClassifier},
    {"架", "count", "架", K::kClassifier},
    {"艘", "count", "艘", K::kClassifier},
    {"把", "count", "把", K::kClassifier},
    {"双", "count", "双", K::kClassifier},
    {"对", "count", "对", K::kClassifier},
    {"轮", "count", "轮", K::kClassifier},
    {"趟", "count", "趟", K::kClassifier},
    {"篮", "count", "篮", K::kClassifier},
    {"箱", "count", "箱", K::kClassifier},
    {"袋", "count", "袋", K::kClassifier},
    {"笔", "count", "笔", K::kClassifier},
    {"枚", "count", "枚", K::kClassifier},
    {"顶", "count", "顶", K::kClassifier},
    {"届", "count", "届", K::kClassifier},
};

// The first code point of a unit word (all are valid UTF-8 of one to three
// bytes), at compile time.
constexpr char32_t first_cp(std::string_view s) {
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return b0;
  if (b0 < 0xE0) return (char32_t(b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[1]) & 0x3F);
  return (char32_t(b0 & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(s[1]) & 0x3F) << 6) |
         (static_cast<unsigned char>(s[2]) & 0x3F);
}

struct Index {
  // Indexes into kUnits ordered by first code point, longest text first
  // within one code point, list order among equals (indexes, not pointers:
  // pointers would need relocations, and the table would be written at
  // load time).
  std::array<uint8_t, std::size(kUnits)> by_first{};
  std::array<char32_t, std::size(kUnits)> first{};
  // For each BMP code point, 1 + the index in by_first of its first entry,
  // or 0 when no unit word starts with it (every first character is in the BMP).
  std::array<uint8_t, 0x10000> start{};
};

// Built at compile time, a constant in the library's .rodata: built at
// first use into .bss (a stable sort and 64 KiB written) it cost the first
// extract 16 page faults, about 0.2 ms.
constexpr Index kIndex = [] {
  Index x;
  static_assert(std::size(kUnits) < 255);
  for (size_t i = 0; i < std::size(kUnits); ++i) x.by_first[i] = static_cast<uint8_t>(i);
  // std::sort is constexpr where std::stable_sort is not: the index breaks ties.
  std::sort(x.by_first.begin(), x.by_first.end(), [](uint8_t a, uint8_t b) {
    const char32_t ca = first_cp(kUnits[a].text), cb = first_cp(kUnits[b].text);
    if (ca != cb) return ca < cb;
    if (kUnits[a].text.size() != kUnits[b].text.size()) return kUnits[a].text.size() > kUnits[b].text.size();
    return a < b;
  });
  for (size_t i = 0; i < std::size(kUnits); ++i) x.first[i] = first_cp(kUnits[x.by_first[i]].text);
  for (size_t i = std::size(kUnits); i-- > 0;) x.start[x.first[i]] = static_cast<uint8_t>(i + 1);
  return x;
}();

}  // namespace

const UnitWord* match_unit(std::string_view text, size_t pos) {
  if (pos >= text.size()) return nullptr;
  int len;
  char32_t c = decode_at(text, pos, &len);
  if (c >= 0x10000) return nullptr;
  const size_t s = kIndex.start[c];
  if (s == 0) return nullptr;
  for (size_t i = s - 1; i < kIndex.first.size() && kIndex.first[i] == c; ++i) {
    const UnitWord* u = &kUnits[kIndex.by_first[i]];
    if (starts_with_at(text, pos, u->text)) return u;
  }
  return nullptr;
}

std::optional<UnitKind> unit_kind(std::string_view id) {
  for (const UnitWord& u : kUnits)
    if (u.unit == id) return u.kind;
  return std::nullopt;
}

bool is_measure_char(char32_t c) {
  return c < 0x10000 && kIndex.start[c] != 0;
}

}  // namespace aidtext::numerals
