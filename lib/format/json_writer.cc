#include "format/json_writer.h"

#include <algorithm>

namespace aidtext::json {

namespace {

// `,"name":` (without the comma for the first member). Names are literals,
// so their lengths are known here: this was 160 instructions a member with
// strlen and four appends, 1.2 % of `aidtext extract`'s.
template <size_t N>
void key(std::string& out, const char (&name)[N], bool first = false) {
  char buf[N + 3];
  size_t k = 0;
  if (!first) buf[k++] = ',';
  buf[k++] = '"';
  for (size_t i = 0; i + 1 < N; ++i) buf[k++] = name[i];
  buf[k++] = '"';
  buf[k++] = ':';
  out.append(buf, k);
}

void append_optional_text(std::string& out, const std::string& s) {
  if (s.empty()) out.append("null");
  else append_string(out, s);
}

void append_bool(std::string& out, bool b) { out.append(b ? "true" : "false"); }

template <class T, class F>
void append_array(std::string& out, const std::vector<T>& items, F&& one) {
  out.push_back('[');
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out.push_back(',');
    one(items[i]);
  }
  out.push_back(']');
}

}  // namespace

std::string_view quantity_text(const Quantity& q, const NormalizedText& text) {
  const size_t n = text.text.size();
  const size_t b = std::min<size_t>(q.span.begin, n);
  const size_t e = std::clamp<size_t>(q.span.end, b, n);
  return std::string_view(text.text).substr(b, e - b);
}

void append_quantity(std::string& out, const Quantity& q, const NormalizedText& text) {
  const Range src = text.to_input(q.span);
  key(out.append("{"), "kind", true);
  append_string(out, to_string(q.kind));
  key(out, "text");
  append_string(out, quantity_text(q, text));
  key(out, "start");
  append_uint(out, src.begin);
  key(out, "end");
  append_uint(out, src.end);
  key(out, "value");
  if (q.has_value()) append_decimal_text(out, q.value.to_string());
  else out.append("null");
  key(out, "value_high");
  if (q.has_value() && q.value_high) append_decimal_text(out, q.value_high->to_string());
  else out.append("null");
  key(out, "unit");
  append_optional_text(out, q.unit);
  key(out, "classifier");
  append_optional_text(out, q.classifier);
  key(out, "approx");
  append_string_or_null(out, to_string(q.approx));
  key(out, "date");
  append_optional_text(out, q.date);
  // Only on a record without a value, so every other record keeps the exact
  // format of the spec (and a reader that looks for an "error" key finds the
  // records that need attention, as with the CLI's document errors).
  if (const char* error = error_id(q.error)) {
    key(out, "error");
    append_string(out, error);
  }
  // Only on a record that overlaps a guessed character, like "error".
  if (q.guessed) {
    key(out, "guessed");
    append_bool(out, true);
  }
  out.push_back('}');
}

void append_metric(std::string& out, const MetricRecord& m) {
  key(out.append("{"), "metric", true);
  append_string(out, m.metric);
  key(out, "value");
  append_decimal_text(out, m.value.to_string());
  key(out, "unit");
  append_string(out, m.unit);
  key(out, "approx");
  append_string_or_null(out, to_string(m.approx));
  key(out, "change");
  append_string(out, m.change);
  key(out, "time");
  if (m.time) append_string(out, *m.time);
  else out.append("null");
  key(out, "place");
  if (m.place) append_string(out, *m.place);
  else out.append("null");
  key(out, "text");
  append_string(out, m.text);
  key(out, "start");
  append_uint(out, m.source.begin);
  key(out, "end");
  append_uint(out, m.source.end);
  key(out, "sentence");
  append_string(out, m.sentence);
  if (m.guessed) {  // only when set, as for a quantity
    key(out, "guessed");
    append_bool(out, true);
  }
  out.push_back('}');
}

void append_repair(std::string& out, const Repair& r) {
  key(out.append("{"), "kind", true);
  append_string(out, r.kind);
  key(out, "in_start");
  append_uint(out, r.input.begin);
  key(out, "in_end");
  append_uint(out, r.input.end);
  key(out, "out_start");
  append_uint(out, r.output.begin);
  key(out, "out_end");
  append_uint(out, r.output.end);
  key(out, "confidence");
  append_double(out, r.confidence);
  key(out, "guessed_chars");
  append_uint(out, r.guessed_chars);
  key(out, "repaired");
  append_bool(out, r.repaired);
  // Only for a repair that guessed characters: every other repair keeps its
  // format. Normalized text bytes, as out_start and out_end.
  if (!r.guessed.empty()) {
    key(out, "guessed");
    append_array(out, r.guessed, [&](const Range& g) {
      out.push_back('[');
      append_uint(out, g.begin);
      out.push_back(',');
      append_uint(out, g.end);
      out.push_back(']');
    });
  }
  out.push_back('}');
}

void append_repeat(std::string& out, const RepeatedPassage& r) {
  key(out.append("{"), "start", true);
  append_uint(out, r.passage.begin);
  key(out, "end");
  append_uint(out, r.passage.end);
  key(out, "first_start");
  append_uint(out, r.first.begin);
  key(out, "first_end");
  append_uint(out, r.first.end);
  out.push_back('}');
}

void append_report(std::string& out, const NormalizeReport& r) {
  key(out.append("{"), "encoding", true);
  append_string(out, r.encoding);
  key(out, "encoding_confidence");
  append_double(out, r.encoding_confidence);
  key(out, "had_bom");
  append_bool(out, r.had_bom);
  key(out, "invalid_sequences");
  append_uint(out, r.invalid_sequences);
  key(out, "pinyin_artefacts");
  append_uint(out, r.pinyin_artefacts);
  key(out, "html_references");
  append_uint(out, r.html_references);
  key(out, "width_folds");
  append_uint(out, r.width_folds);
  key(out, "markup_removed");
  append_uint(out, r.markup_removed);
  key(out, "converted_chars");
  append_uint(out, r.converted_chars);
  out.push_back('}');
}

void append_document(std::string& out, const NormalizedText& text, const std::vector<Quantity>* quantities,
                     const std::vector<MetricRecord>* metrics) {
  // The members after "text" are written first, apart, so that `out` is
  // sized once for the whole document: growing it while the text went in
  // copied the text at each doubling (a 10 MB text: a 20 MB peak, now 10).
  std::string rest;
  append_members_after_text(rest, text, quantities, metrics);
  static constexpr std::string_view kStart = "{\"text\":";
  out.reserve(out.size() + kStart.size() + string_literal_length(text.text) + rest.size());
  out.append(kStart);
  append_string(out, text.text);
  out.append(rest);
}

void append_members_after_text(std::string& out, const NormalizedText& text, const std::vector<Quantity>* quantities,
                               const std::vector<MetricRecord>* metrics) {
  key(out, "encoding");
  append_string(out, text.report.encoding);
  key(out, "report");
  append_report(out, text.report);
  key(out, "repairs");
  append_array(out, text.report.repairs, [&](const Repair& r) { append_repair(out, r); });
  key(out, "repeats");
  append_array(out, text.report.repeats, [&](const RepeatedPassage& r) { append_repeat(out, r); });
  if (quantities) {
    key(out, "quantities");
    append_array(out, *quantities, [&](const Quantity& q) { append_quantity(out, q, text); });
  }
  if (metrics) {
    key(out, "metrics");
    append_array(out, *metrics, [&](const MetricRecord& m) { append_metric(out, m); });
  }
  out.push_back('}');
}

}  // namespace aidtext::json
