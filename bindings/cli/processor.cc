#include "processor.h"

#include <exception>

#include "format/csv.h"
#include "format/json_string.h"

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

std::string fnv1a64_hex(std::string_view bytes) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) s[static_cast<size_t>(i)] = kHex[h & 15];
  return s;
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
    if (options_.format == OutputFormat::kJsonl && (options_.db.empty() || options_.format_given)) {
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
  if (to_stdout) {
    for (size_t i = 0; i < n; ++i) {
      if (csv) {
        csv::append_field(out.text, doc.id);
        out.text.push_back(',');
        out.text.append(r.item_csv(item, i));
      } else {
        jsonl_with_doc(out.text, doc.id, r.item_json(item, i));
      }
    }
  }
  if (!options_.db.empty()) {
    DbDocument d;
    d.doc = doc.id;
    d.source = doc.source;
    d.bytes = bytes.size();
    d.encoding = std::string(r.encoding());
    d.content_hash = fnv1a64_hex(bytes);
    d.metrics = r.metrics();
    out.db = std::move(d);
  }
}

}  // namespace aidtext::cli
