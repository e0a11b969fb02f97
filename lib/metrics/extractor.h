// Metric extraction: quantities + their sentence context -> metric records.
#ifndef AIDTEXT_METRICS_EXTRACTOR_H_
#define AIDTEXT_METRICS_EXTRACTOR_H_

#include <string_view>
#include <vector>

#include "core/normalized_text.h"
#include "metrics/metric_record.h"
#include "metrics/rule_pack.h"
#include "numerals/quantity.h"

namespace aidtext {

// doc_date: "YYYY[-MM[-DD]]" or "". Records in text order, each fact once.
std::vector<MetricRecord> extract_metrics(const NormalizedText& text, const std::vector<Quantity>& quantities,
                                          const RulePack& rules, std::string_view doc_date);

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_EXTRACTOR_H_
