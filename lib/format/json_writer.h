// JSON for every record type, in the formats of the spec (the one place where
// records become JSON; the C ABI hands these strings out):
//   quantity  {"kind","text","start","end","value","value_high","unit",
//              "classifier","approx","date"}               (spec/quantities.md)
//              and, only on a number too large or too precise to hold
//              exactly, "value": null, "value_high": null, "error": "out_of_range";
//              only on an expression overlapping a guessed character, "guessed": true
//   metric    {"metric","value","unit","approx","change","time","place",
//              "text","start","end","sentence"}            (spec/metrics.md)
//              and, only on a record overlapping a guessed character, "guessed": true
//   repair    {"kind","in_start","in_end","out_start","out_end","confidence",
//              "guessed_chars","repaired"} and, only when it guessed characters,
//              "guessed": [[out_start,out_end],...] (normalized text bytes)
//   repeat    {"start","end","first_start","first_end"}    (normalized text)
// Values are exact JSON numbers written from Decimal::to_string() (8100,
// 9.05, 560000000); absent strings are null. "start"/"end" of quantities and
// metrics are byte offsets in the ORIGINAL input.
#ifndef AIDTEXT_FORMAT_JSON_WRITER_H_
#define AIDTEXT_FORMAT_JSON_WRITER_H_

#include <string>
#include <vector>

#include "core/normalized_text.h"
#include "format/json_string.h"
#include "metrics/metric_record.h"
#include "numerals/quantity.h"

namespace aidtext::json {

// The surface of a quantity: its span of the normalized text (clamped to the
// text, so a bad span can never read past it).
std::string_view quantity_text(const Quantity& q, const NormalizedText& text);

void append_quantity(std::string& out, const Quantity& q, const NormalizedText& text);
void append_metric(std::string& out, const MetricRecord& m);
void append_repair(std::string& out, const Repair& r);
void append_repeat(std::string& out, const RepeatedPassage& r);
// {"encoding","encoding_confidence","had_bom","invalid_sequences",
//  "pinyin_artefacts","html_references","width_folds","markup_removed",
//  "converted_chars"}
void append_report(std::string& out, const NormalizeReport& r);

// The whole result of one call:
//   {"text","encoding","report":{...},"repairs":[...],"repeats":[...],
//    "quantities":[...],"metrics":[...]}
// "quantities" / "metrics" only when given (non-null).
void append_document(std::string& out, const NormalizedText& text, const std::vector<Quantity>* quantities,
                     const std::vector<MetricRecord>* metrics);
// The members of append_document after "text" (from ,"encoding" to the
// closing brace).
void append_members_after_text(std::string& out, const NormalizedText& text, const std::vector<Quantity>* quantities,
                               const std::vector<MetricRecord>* metrics);

}  // namespace aidtext::json

#endif  // AIDTEXT_FORMAT_JSON_WRITER_H_
