// CSV (RFC 4180, see csv.h) for every record type: the same fields, in the
// same order, as the JSON records of json_writer.h; JSON null is an empty
// field, booleans are 1/0. Each header and row ends with CRLF. Two fields
// the JSON writes only when set are columns here: a quantity's "error"
// (empty when none) and a quantity's or metric's "guessed" (the last column,
// 1 or 0). A repair's guessed ranges (JSON "guessed": [[s, e], ...]) are
// its last column "guessed", written start-end and joined by ';' in
// normalized text bytes, end exclusive (2710-2716;2728-2749), empty when it
// guessed nothing.
#ifndef AIDTEXT_FORMAT_CSV_WRITER_H_
#define AIDTEXT_FORMAT_CSV_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/normalized_text.h"
#include "format/csv.h"
#include "metrics/metric_record.h"
#include "numerals/quantity.h"

namespace aidtext::csv {

inline constexpr std::string_view kQuantityHeader =
    "kind,text,start,end,value,value_high,unit,classifier,approx,date,error,guessed\r\n";
inline constexpr std::string_view kMetricHeader =
    "metric,value,unit,approx,change,time,place,text,start,end,sentence,guessed\r\n";
inline constexpr std::string_view kRepairHeader =
    "kind,in_start,in_end,out_start,out_end,confidence,guessed_chars,repaired,guessed\r\n";
inline constexpr std::string_view kRepeatHeader = "start,end,first_start,first_end\r\n";

void append_quantity(std::string& out, const Quantity& q, const NormalizedText& text);
void append_metric(std::string& out, const MetricRecord& m);
void append_repair(std::string& out, const Repair& r);

// A repair's guessed ranges as its CSV column: "2710-2716;2728-2749", "" for none.
std::string guessed_ranges(const std::vector<Range>& guessed);
void append_repeat(std::string& out, const RepeatedPassage& r);

}  // namespace aidtext::csv

#endif  // AIDTEXT_FORMAT_CSV_WRITER_H_
