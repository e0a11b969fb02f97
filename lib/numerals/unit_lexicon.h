// The words that may follow a number: currencies, people, households, area,
// mass, length, percents, counting classifiers, durations. Each resolves to a
// canonical unit id (spec: quantities.md) and, for counts, keeps the classifier.
#ifndef AIDTEXT_NUMERALS_UNIT_LEXICON_H_
#define AIDTEXT_NUMERALS_UNIT_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace aidtext::numerals {

enum class UnitKind : uint8_t {
  kMoney,          // 元, 美元, 人民币 ...
  kPeople,         // 人, 名, 位, 口 (not 打井30口: kou_classifier.h); 人次
  kHousehold,      // 户
  kMeasure,        // area, volume, mass, length, energy and power, ...
  kClassifier,     // 个 项 期 家 所 ... -> unit "count"
  kPercent,        // % ％
  kPercentPoint,   // 个百分点
  kTimes,          // 倍
  kTenths,         // 成: 三成 = 30 %
  kDiscount,       // 折: 八折 = 80 %, 75折 = 75 %
  kDuration,       // 个月, 天, 小时 (年 is decided with dates)
  kAge,            // 岁
};

struct UnitWord {
  std::string_view text;        // as written after the number
  std::string_view unit;        // canonical id ("CNY", "person", "count", ...)
  std::string_view classifier;  // for kClassifier: the classifier itself
  UnitKind kind;
};

// The longest unit word starting at byte `pos` of `text`, or nullptr.
const UnitWord* match_unit(std::string_view text, size_t pos);

// The kind of the unit id `id` ("kW": kMeasure), as its first word in the
// lexicon has it; nullopt for an id no word gives ("year", "count" ...).
std::optional<UnitKind> unit_kind(std::string_view id);

// True when `c` is a counting classifier or unit character (a numeral before
// it has a measure word). Used by the context rules.
bool is_measure_char(char32_t c);

}  // namespace aidtext::numerals

#endif  // AIDTEXT_NUMERALS_UNIT_LEXICON_H_
