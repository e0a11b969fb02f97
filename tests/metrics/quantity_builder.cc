#include "quantity_builder.h"

#include <stdexcept>

#include "metrics/extractor.h"

namespace aidtext::testing {

Doc::Doc(std::string text) {
  text_.map = OffsetMap::identity(static_cast<uint32_t>(text.size()));
  text_.text = std::move(text);
}

Range Doc::find(std::string_view surface) {
  size_t at = text_.text.find(surface, cursor_);
  if (at == std::string::npos) throw std::runtime_error("test text has no '" + std::string(surface) + "'");
  cursor_ = at + surface.size();
  return Range{static_cast<uint32_t>(at), static_cast<uint32_t>(cursor_)};
}

Doc& Doc::q(std::string_view surface, std::string unit, Decimal value, std::string classifier, Approx approx) {
  Quantity q;
  q.span = find(surface);
  q.number = q.span;
  q.value = value;
  q.unit = std::move(unit);
  q.classifier = std::move(classifier);
  q.approx = approx;
  qs_.push_back(std::move(q));
  return *this;
}

Doc& Doc::date(std::string_view surface, std::string iso, bool end_of_period) {
  Quantity q;
  q.kind = QuantityKind::kDate;
  q.span = find(surface);
  q.date = std::move(iso);
  q.date_end_of_period = end_of_period;
  qs_.push_back(std::move(q));
  return *this;
}

Doc& Doc::relative(std::string_view surface, int offset) {
  Quantity q;
  q.kind = QuantityKind::kDate;
  q.span = find(surface);
  q.relative_date = true;
  q.date_offset = offset;
  qs_.push_back(std::move(q));
  return *this;
}

Doc& Doc::repeat(std::string_view passage) {
  size_t first = text_.text.find(passage);
  size_t again = first == std::string::npos ? first : text_.text.find(passage, first + passage.size());
  if (again == std::string::npos) throw std::runtime_error("passage does not repeat");
  RepeatedPassage r;
  r.first = Range{static_cast<uint32_t>(first), static_cast<uint32_t>(first + passage.size())};
  r.passage = Range{static_cast<uint32_t>(again), static_cast<uint32_t>(again + passage.size())};
  text_.report.repeats.push_back(r);
  return *this;
}

Doc& Doc::guessed(std::string_view chars) {
  const size_t at = text_.text.find(chars);
  if (at == std::string::npos) throw std::runtime_error("test text has no '" + std::string(chars) + "'");
  Repair r;
  r.kind = "gbk-misaligned";
  r.input = r.output = Range{static_cast<uint32_t>(at), static_cast<uint32_t>(at + chars.size())};
  for (unsigned char c : chars) r.guessed_chars += (c & 0xC0) != 0x80;
  r.guessed.push_back(r.output);
  text_.report.repairs.push_back(r);
  return *this;
}

std::vector<MetricRecord> Doc::extract(std::string_view doc_date) const {
  return extract(RulePack::default_pack(), doc_date);
}

std::vector<MetricRecord> Doc::extract(const RulePack& pack, std::string_view doc_date) const {
  return extract_metrics(text_, qs_, pack, doc_date);
}

const MetricRecord* find_record(const std::vector<MetricRecord>& rs, std::string_view surface) {
  for (const MetricRecord& r : rs)
    if (r.text == surface) return &r;
  return nullptr;
}

std::string place_of(const Doc& d, std::string_view surface) {
  const std::vector<MetricRecord> rs = d.extract();
  const MetricRecord* r = find_record(rs, surface);
  if (!r) return "(no record)";
  return r->place.value_or("null");
}

}  // namespace aidtext::testing
