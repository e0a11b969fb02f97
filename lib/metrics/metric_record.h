// MetricRecord: one aid metric (spec: metrics.md).
#ifndef AIDTEXT_METRICS_METRIC_RECORD_H_
#define AIDTEXT_METRICS_METRIC_RECORD_H_

#include <optional>
#include <string>

#include "core/range.h"
#include "numerals/decimal.h"
#include "numerals/quantity.h"

namespace aidtext {

struct MetricRecord {
  std::string metric;              // id from the rule pack ("poor_population", ...)
  Decimal value;
  std::string unit;                // "person", "person_time", "household", "count", "CNY", "percent"
  Approx approx = Approx::kNone;
  std::string change;              // "level", "total", "target"
  std::optional<std::string> time;   // "2018", "2019-05"
  std::optional<std::string> place;  // "渭源县"
  std::string text;                // normalized surface, approximation words included
  Range source;                    // byte offsets in the ORIGINAL input
  Range span;                      // byte offsets in the normalized text
  std::string sentence;            // normalized sentence holding it
  // The text (`span`) overlaps a character the mojibake repairer guessed
  // from context (Repair::guessed) or a number cut by a lost character
  // (numerals/cut_numbers.h): the record is a best-effort reading, its value
  // or unit may be wrong. Set by extract_metrics().
  bool guessed = false;
};

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_METRIC_RECORD_H_
