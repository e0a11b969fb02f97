#include "format/csv_writer.h"

#include "format/json_writer.h"

namespace aidtext::csv {

namespace {

// Decimal text as written by Decimal::to_string(); quoted if it ever held a comma.
void decimal(RowWriter& row, const Decimal& d) { row.text(d.to_string()); }

const char* or_null(const std::string& s) { return s.empty() ? nullptr : s.c_str(); }

}  // namespace

std::string guessed_ranges(const std::vector<Range>& guessed) {
  std::string s;
  for (const Range& g : guessed) {
    if (!s.empty()) s += ';';
    s += std::to_string(g.begin);
    s += '-';
    s += std::to_string(g.end);
  }
  return s;  // digits, '-' and ';' only: never quoted
}

void append_quantity(std::string& out, const Quantity& q, const NormalizedText& text) {
  const Range src = text.to_input(q.span);
  RowWriter row(out);
  row.text(to_string(q.kind)).text(json::quantity_text(q, text)).uint(src.begin).uint(src.end);
  if (q.has_value()) decimal(row, q.value);
  else row.empty();
  if (q.has_value() && q.value_high) decimal(row, *q.value_high);
  else row.empty();
  row.text_or_empty(or_null(q.unit))
      .text_or_empty(or_null(q.classifier))
      .text_or_empty(to_string(q.approx))
      .text_or_empty(or_null(q.date))
      .text_or_empty(error_id(q.error))
      .uint(q.guessed ? 1 : 0)
      .finish();
}

void append_metric(std::string& out, const MetricRecord& m) {
  RowWriter row(out);
  row.text(m.metric);
  decimal(row, m.value);
  row.text(m.unit)
      .text_or_empty(to_string(m.approx))
      .text(m.change)
      .text_or_empty(m.time ? m.time->c_str() : nullptr)
      .text_or_empty(m.place ? m.place->c_str() : nullptr)
      .text(m.text)
      .uint(m.source.begin)
      .uint(m.source.end)
      .text(m.sentence)
      .uint(m.guessed ? 1 : 0)
      .finish();
}

void append_repair(std::string& out, const Repair& r) {
  RowWriter(out)
      .text(r.kind)
      .uint(r.input.begin)
      .uint(r.input.end)
      .uint(r.output.begin)
      .uint(r.output.end)
      .number(r.confidence)
      .uint(r.guessed_chars)
      .uint(r.repaired ? 1 : 0)
      .raw(guessed_ranges(r.guessed))
      .finish();
}

void append_repeat(std::string& out, const RepeatedPassage& r) {
  RowWriter(out).uint(r.passage.begin).uint(r.passage.end).uint(r.first.begin).uint(r.first.end).finish();
}

}  // namespace aidtext::csv
