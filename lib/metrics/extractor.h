// Metric extraction: quantities + their sentence context -> metric records.
//
// For each figure (a quantity in a metric unit, or a 万/亿 number directly
// before a noun, 7000万贫困人口) the rule pack decides the metric from the
// words around it (metrics/context.h); its time and place come from the
// dates and place names that govern it (metrics/times.h, metrics/places.h).
// Each fact is reported once: figures inside a passage the normalizer found
// repeated (NormalizeReport::repeats) are skipped, and a record equal to an
// earlier one in metric, unit, value and approximation, whose time and place
// do not disagree with it, is merged into it (a headline repeating a figure).
// So is one whose time or place disagree when one of the two stands in a
// headline line and the clause around either figure stands word for word
// around the other (a headline restating a clause of a longer body
// sentence, which took another date or place from its paragraph).
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
// Quantities whose spans fall outside the text are ignored.
std::vector<MetricRecord> extract_metrics(const NormalizedText& text, const std::vector<Quantity>& quantities,
                                          const RulePack& rules, std::string_view doc_date);

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_EXTRACTOR_H_
