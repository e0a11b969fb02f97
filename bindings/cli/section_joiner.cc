#include "section_joiner.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "format/csv.h"
#include "format/json_string.h"
#include "record_offsets.h"

namespace aidtext::cli {

namespace {

void append_value(std::string& out, const json::Value& v) {
  switch (v.type) {
    case json::Value::Type::kNull: out.append("null"); break;
    case json::Value::Type::kBool: out.append(v.boolean ? "true" : "false"); break;
    case json::Value::Type::kNumber: out.append(v.text); break;
    case json::Value::Type::kString: json::append_string(out, v.text); break;
    case json::Value::Type::kArray:
    case json::Value::Type::kObject: out.append("null"); break;  // the report has none
  }
}

bool parse_uint(const std::string& text, uint64_t* v) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *v);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

bool SectionJoiner::join(Output& out) {
  if (!out.part) return true;
  const SectionPart& part = *out.part;
  if (part.index == 0) reset();
  std::string error;
  if (!out.error.empty()) {
    error = "bytes " + std::to_string(part.input_offset) + "-" + std::to_string(part.input_end) + ": " + out.error;
    if (!errors_.empty()) errors_.append("; ");
    errors_.append(error);
    out.error.clear();
  }
  add_encoding(part.encoding, part.input_end - part.input_offset);

  const bool to_stdout = options_.db.empty() || options_.format_given;
  if (options_.command == Command::kNormalize) {
    join_normalize(out, part, error);
  } else if (!error.empty() && to_stdout && options_.format == OutputFormat::kJsonl) {
    out.text.clear();
    out.text.append("{\"doc\":");
    json::append_string(out.text, out.doc);
    out.text.append(",\"error\":");
    json::append_string(out.text, error);
    out.text.append("}\n");
  }

  if (out.db) {
    if (!db_) {
      db_ = std::move(out.db);
    } else {
      db_->metrics.insert(db_->metrics.end(), std::make_move_iterator(out.db->metrics.begin()),
                          std::make_move_iterator(out.db->metrics.end()));
    }
    out.db.reset();
  }
  if (!part.last) return false;
  if (!errors_.empty()) {
    out.error = errors_;
  } else if (db_) {
    db_->bytes = part.input_end;
    db_->encoding = joined_encoding();
    db_->content_hash = part.content_hash;
    out.db = std::move(db_);
  }
  db_.reset();
  return true;
}

void SectionJoiner::reset() {
  text_offset_ = 0;
  encodings_.clear();
  report_.reset();
  repairs_.clear();
  repeats_.clear();
  repair_count_ = repeat_count_ = 0;
  guessed_.clear();
  errors_.clear();
  first_encoding_.clear();
  db_.reset();
}

void SectionJoiner::join_normalize(Output& out, const SectionPart& part, const std::string& error) {
  const bool csv = options_.format == OutputFormat::kCsv;
  // out.text holds the section's text, escaped for its place (or nothing
  // when the section failed).
  std::string text = std::move(out.text);
  out.text.clear();
  if (!error.empty()) text.clear();
  if (part.index == 0) {
    first_encoding_ = part.encoding;
    if (csv) {
      csv::RowWriter(out.text).text(out.doc).text(part.encoding);
      out.text.append(",\"");
    } else {
      out.text.append("{\"doc\":");
      json::append_string(out.text, out.doc);
      out.text.append(",\"text\":\"");
    }
  }
  out.text.append(text);

  const uint64_t t = text_offset_, in = part.input_offset;
  for (const std::string& r : part.repairs) {
    if (repair_count_++ > 0) repairs_.push_back(',');
    repairs_.append(shift_json_offsets(
        r, {{"in_start", in}, {"in_end", in}, {"out_start", t}, {"out_end", t}, {"guessed", t}}));
  }
  for (const std::string& r : part.repeats) {
    if (repeat_count_++ > 0) repeats_.push_back(',');
    repeats_.append(shift_json_offsets(r, {{"start", t}, {"end", t}, {"first_start", t}, {"first_end", t}}));
  }
  for (const aidtext::TextRange& g : part.guessed) {
    if (!guessed_.empty()) guessed_.push_back(';');
    guessed_.append(std::to_string(g.start + t)).push_back('-');
    guessed_.append(std::to_string(g.end + t));
  }
  if (error.empty()) fold_report(part);
  text_offset_ += error.empty() ? part.text_bytes : 0;

  if (!part.last) return;
  if (csv) {
    // The row's encoding column came before the text: the first section's.
    if (const std::string all = joined_encoding(); all != first_encoding_)
      std::fprintf(stderr, "aidtext: %s: sections decoded as %s; the CSV row's encoding is the first one's, %s\n",
                   out.doc.c_str(), all.c_str(), first_encoding_.c_str());
    out.text.append("\",");
    out.text.append(std::to_string(repair_count_)).push_back(',');
    out.text.append(std::to_string(repeat_count_)).push_back(',');
    out.text.append(guessed_);
    out.text.append(csv::kRowEnd);
    return;
  }
  out.text.append("\",\"encoding\":");
  json::append_string(out.text, joined_encoding());
  out.text.append(",\"report\":");
  out.text.append(report_json());
  out.text.append(",\"repairs\":[").append(repairs_).append("],\"repeats\":[").append(repeats_).append("]");
  if (!errors_.empty()) {
    out.text.append(",\"error\":");
    json::append_string(out.text, errors_);
  }
  out.text.append("}\n");
}

// Counters add up; the encoding is the document's (joined); the confidence
// is the lowest of the sections'; anything else is the first section's.
void SectionJoiner::fold_report(const SectionPart& part) {
  if (!part.report) return;
  if (!report_) {
    report_ = part.report;
    return;
  }
  for (json::Member& m : report_->members) {
    const json::Value* v = part.report->find(m.key);
    if (v == nullptr || v->type != m.value.type || m.value.type != json::Value::Type::kNumber) continue;
    if (m.key == "encoding_confidence") {
      if (std::strtod(v->text.c_str(), nullptr) < std::strtod(m.value.text.c_str(), nullptr)) m.value.text = v->text;
      continue;
    }
    uint64_t a = 0, b = 0;
    if (parse_uint(m.value.text, &a) && parse_uint(v->text, &b)) m.value.text = std::to_string(a + b);
  }
}

void SectionJoiner::add_encoding(const std::string& encoding, uint64_t bytes) {
  // "UTF-8+GB18030" (a section of lines in two encodings) names two.
  size_t i = 0;
  while (i <= encoding.size() && !encoding.empty()) {
    size_t j = encoding.find('+', i);
    if (j == std::string::npos) j = encoding.size();
    const std::string name = encoding.substr(i, j - i);
    auto it = std::find_if(encodings_.begin(), encodings_.end(), [&](const auto& e) { return e.first == name; });
    if (it == encodings_.end()) encodings_.emplace_back(name, bytes);
    else it->second += bytes;
    i = j + 1;
  }
}

// The sections' encodings, the one with the most bytes first (as the
// library names the encodings of a document of lines in two).
std::string SectionJoiner::joined_encoding() const {
  std::vector<std::pair<std::string, uint64_t>> sorted = encodings_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string s;
  for (const auto& e : sorted) {
    if (!s.empty()) s.push_back('+');
    s.append(e.first);
  }
  return s;
}

std::string SectionJoiner::report_json() const {
  if (!report_) return "{}";
  std::string s = "{";
  for (const json::Member& m : report_->members) {
    if (s.size() > 1) s.push_back(',');
    json::append_string(s, m.key);
    s.push_back(':');
    if (m.key == "encoding") json::append_string(s, joined_encoding());
    else append_value(s, m.value);
  }
  s.push_back('}');
  return s;
}

}  // namespace aidtext::cli
