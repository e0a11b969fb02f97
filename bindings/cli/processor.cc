#include "processor.h"

#include <exception>
#include <stdexcept>

#include "content_hash.h"
#include "format/csv.h"
#include "format/json_string.h"
#include "record_offsets.h"

namespace aidtext::cli {

namespace {

// {"doc":<id>, then the members of `object` (a JSON object from the
// library): the first part of a record line.
void append_doc_and_members_start(std::string& out, const std::string& doc, std::string_view object) {
  out.append("{\"doc\":");
  json::append_string(out, doc);
  out.push_back(object.size() > 2 ? ',' : '}');
}

// The members of `object` after its '{', closing brace included (none when it is "{}").
std::string_view members_after_brace(std::string_view object) { return object.size() > 2 ? object.substr(1) : ""; }

// Writes {"doc":<id>, then the members of `object`, then a newline.
void jsonl_with_doc(std::string& out, const std::string& doc, std::string_view object) {
  append_doc_and_members_start(out, doc, object);
  out.append(members_after_brace(object));
  out.push_back('\n');
}

// A normalize record longer than this is written from the library's own
// JSON instead of being copied (see Output::result); shorter ones are
// copied as they always were, so that results waiting their turn under
// --jobs hold no more than their line.
constexpr size_t kHeldRecordBytes = size_t{1} << 20;

// Frees a document's bytes (the library keeps its own text): a 10 MB
// document's bytes no longer sit beside its result while the record is
// written.
void release_bytes(Document& doc) { std::string().swap(doc.bytes); }

// Every repair's guessed characters, in text order, as the normalize CSV's
// last column: normalized text bytes, start-end, joined by ';'
// (2710-2716;2728-2749), empty when nothing was guessed. Digits, '-' and ';'
// only, so the field is never quoted.
std::string guessed_ranges(const aidtext::Result& r) {
  std::string s;
  const size_t n = r.count(AIDTEXT_ITEM_REPAIR);
  for (size_t i = 0; i < n; ++i)
    for (const aidtext::TextRange& g : r.repair_guessed(i)) {
      if (!s.empty()) s += ';';
      s += std::to_string(g.start);
      s += '-';
      s += std::to_string(g.end);
    }
  return s;
}

aidtext_item record_item(Command c) {
  return c == Command::kExtract ? AIDTEXT_ITEM_METRIC : AIDTEXT_ITEM_QUANTITY;
}

}  // namespace

Processor::Processor(const aidtext::Engine& engine, const CliOptions& options) : engine_(engine), options_(options) {
  if (options_.command != Command::kNormalize) {
    const std::string_view header = aidtext::csv_header(record_item(options_.command));
    csv_start_ = csv_column(header, "start");
    csv_end_ = csv_column(header, "end");
  }
}

std::string Processor::csv_header() const {
  if (options_.format != OutputFormat::kCsv) return "";
  if (options_.command == Command::kNormalize) return "doc,encoding,text,repairs,repeats,guessed\r\n";
  return std::string("doc,") + aidtext::csv_header(record_item(options_.command)).data();
}

Output Processor::process(Document& doc) const noexcept {
  Output out;
  try {
    read_json_line(&doc, options_);
    out.doc = doc.id;
    out.input_bytes = doc.input_bytes;
    if (doc.sectioned) {
      SectionPart& part = out.part.emplace();
      part.index = doc.section;
      part.last = doc.last_section;
      part.input_offset = doc.offset;
      part.input_end = doc.offset + doc.bytes.size();
      part.content_hash = doc.content_hash;
    }
    if (!doc.error.empty()) out.error = doc.error;
    else run(doc, out);
  } catch (const aidtext::Error& e) {
    out.error = e.what();
  } catch (const std::exception& e) {
    out.error = e.what();
  } catch (...) {
    out.error = "unknown failure";
  }
  if (!out.error.empty()) {
    out.text.clear();
    out.records = 0;
    out.db.reset();
    out.text_tail = {};
    out.result.reset();
    // A section's error is written by the SectionJoiner, with the document's.
    if (!out.part && options_.format == OutputFormat::kJsonl && (options_.db.empty() || options_.format_given)) {
      try {
        out.text.append("{\"doc\":");
        json::append_string(out.text, out.doc);
        out.text.append(",\"error\":");
        json::append_string(out.text, out.error);
        out.text.append("}\n");
      } catch (...) {
        out.text.clear();
      }
    }
  }
  // The document's bytes are no longer needed; free them before the result
  // waits for its turn to be written.
  release_bytes(doc);
  return out;
}

void Processor::run(Document& doc, Output& out) const {
  const bool to_stdout = options_.db.empty() || options_.format_given;
  const bool csv = options_.format == OutputFormat::kCsv;
  const std::string_view bytes = doc.bytes;

  if (options_.command == Command::kNormalize) {
    aidtext::Result r = engine_.normalize(bytes);
    release_bytes(doc);
    if (out.part) {
      run_normalize_section(r, out);
      return;
    }
    out.records = 1;
    if (csv) {
      csv::RowWriter(out.text)
          .text(doc.id)
          .text(r.encoding())
          .text(r.text())
          .uint(r.count(AIDTEXT_ITEM_REPAIR))
          .uint(r.count(AIDTEXT_ITEM_REPEAT))
          .raw(guessed_ranges(r))
          .finish();
    } else {
      const std::string_view object = r.json();
      if (object.size() > kHeldRecordBytes) {
        append_doc_and_members_start(out.text, doc.id, object);
        out.text_tail = members_after_brace(object);
        out.result = std::move(r);
      } else {
        jsonl_with_doc(out.text, doc.id, object);
      }
    }
    return;
  }

  const aidtext_item item = record_item(options_.command);
  aidtext::Result r = options_.command == Command::kExtract ? engine_.extract(bytes, options_.doc_date)
                                                            : engine_.quantities(bytes);
  if (options_.db.empty()) release_bytes(doc);  // --db still hashes them below
  const size_t n = r.count(item);
  out.records = n;
  // A later section's records: their input offsets moved to the document's.
  const uint64_t shift = out.part ? out.part->input_offset : 0;
  if (to_stdout) {
    for (size_t i = 0; i < n; ++i) {
      if (csv) {
        csv::append_field(out.text, doc.id);
        out.text.push_back(',');
        if (shift == 0) out.text.append(r.item_csv(item, i));
        else out.text.append(shift_csv_offsets(r.item_csv(item, i), {{csv_start_, shift}, {csv_end_, shift}}));
      } else if (shift == 0) {
        jsonl_with_doc(out.text, doc.id, r.item_json(item, i));
      } else {
        jsonl_with_doc(out.text, doc.id, shift_json_offsets(r.item_json(item, i), {{"start", shift}, {"end", shift}}));
      }
    }
  }
  if (out.part) out.part->encoding = std::string(r.encoding());
  if (!options_.db.empty()) {
    DbDocument d;
    d.doc = doc.id;
    d.source = doc.source;
    d.bytes = bytes.size();
    d.encoding = std::string(r.encoding());
    d.content_hash = out.part ? out.part->content_hash : content_hash_hex(bytes);
    d.metrics = r.metrics();
    for (aidtext::Metric& m : d.metrics) {
      m.start += shift;
      m.end += shift;
    }
    out.db = std::move(d);
  }
}

void Processor::run_normalize_section(const aidtext::Result& r, Output& out) const {
  SectionPart& part = *out.part;
  out.records = part.last ? 1 : 0;
  const std::string_view text = r.text();
  part.encoding = std::string(r.encoding());
  part.text_bytes = text.size();
  // The result's JSON is {"text":<literal>,"encoding":...,"report":{...},...}
  // (aidtext_result_json): its text literal is the section's text escaped
  // for a JSON string (JSON Lines takes it as it is, without escaping the
  // text again), and the report is read from the members after it.
  const std::string_view object = r.json();
  static constexpr std::string_view kTextKey = "{\"text\":";
  const size_t literal = json::string_literal_length(text);
  if (object.substr(0, kTextKey.size()) != kTextKey || object.size() < kTextKey.size() + literal + 2 ||
      object[kTextKey.size() + literal] != ',')
    throw std::runtime_error("the library's normalize JSON does not start with its text");
  std::string rest(1, '{');
  rest.append(object.substr(kTextKey.size() + literal + 1));
  const std::string_view keys[] = {"report"};
  std::vector<std::optional<json::Value>> found;
  std::string error;
  if (!json::parse_members(rest, keys, &found, &error) || !found[0] || !found[0]->is_object())
    throw std::runtime_error("the library's normalize JSON has no report: " + error);
  part.report = std::move(found[0]);
  // The text as the inside of a JSON string or of a quoted CSV field.
  if (options_.format == OutputFormat::kCsv) {
    csv::append_field(out.text, text);
    if (!out.text.empty() && out.text.front() == '"') {
      out.text.pop_back();
      out.text.erase(0, 1);
    }
  } else {
    out.text.assign(object.substr(kTextKey.size() + 1, literal - 2));
  }
  for (size_t i = 0, n = r.count(AIDTEXT_ITEM_REPAIR); i < n; ++i) {
    part.repairs.emplace_back(r.item_json(AIDTEXT_ITEM_REPAIR, i));
    for (const aidtext::TextRange& g : r.repair_guessed(i)) part.guessed.push_back(g);
  }
  for (size_t i = 0, n = r.count(AIDTEXT_ITEM_REPEAT); i < n; ++i)
    part.repeats.emplace_back(r.item_json(AIDTEXT_ITEM_REPEAT, i));
}

}  // namespace aidtext::cli
