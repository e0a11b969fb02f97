// Test helper: a normalized text (identity map) with hand-made quantities, so
// the extractor is tested without the recognizer. Quantities are added in
// text order; each is found at the next occurrence of its surface.
#ifndef AIDTEXT_TESTS_METRICS_QUANTITY_BUILDER_H_
#define AIDTEXT_TESTS_METRICS_QUANTITY_BUILDER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/normalized_text.h"
#include "metrics/metric_record.h"
#include "metrics/rule_pack.h"
#include "numerals/quantity.h"

namespace aidtext::testing {

class Doc {
 public:
  explicit Doc(std::string text);
  // A quantity: 0.81万户 -> q("0.81万户", "household", Decimal(8100)).
  Doc& q(std::string_view surface, std::string unit, Decimal value, std::string classifier = "",
         Approx approx = Approx::kNone);
  // A date "2018", "2019-05", "--05-28" (no year), "2017-05-22T14:50".
  Doc& date(std::string_view surface, std::string iso, bool end_of_period = false);
  // 今年 (0) / 去年 (-1).
  Doc& relative(std::string_view surface, int offset);
  // Marks the range from the n-th occurrence of `passage` as a repeat of the first.
  Doc& repeat(std::string_view passage);
  // Marks the first occurrence of `chars` as characters a mojibake repair
  // guessed (Repair::guessed), as a repair record covering just them.
  Doc& guessed(std::string_view chars);

  std::vector<MetricRecord> extract(std::string_view doc_date = "") const;
  std::vector<MetricRecord> extract(const RulePack& pack, std::string_view doc_date = "") const;
  const NormalizedText& text() const { return text_; }

 private:
  Range find(std::string_view surface);
  NormalizedText text_;
  std::vector<Quantity> qs_;
  size_t cursor_ = 0;
};

// The record whose text is `surface` (the first), or nullptr.
const MetricRecord* find_record(const std::vector<MetricRecord>& rs, std::string_view surface);

// The place of the record of `d` whose text is `surface`: its name, "null",
// or "(no record)".
std::string place_of(const Doc& d, std::string_view surface);

}  // namespace aidtext::testing

#endif  // AIDTEXT_TESTS_METRICS_QUANTITY_BUILDER_H_
