// Processor: one document in, its output out (the text for stdout, the rows
// for --db, counts). Runs on worker threads: it only reads the shared
// engine, which the library allows from any number of threads at once.
#ifndef AIDTEXT_CLI_PROCESSOR_H_
#define AIDTEXT_CLI_PROCESSOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aidtext/aidtext.hpp"
#include "cli_options.h"
#include "document_source.h"
#include "format/json_reader.h"

namespace aidtext::cli {

// What --db stores for one document.
struct DbDocument {
  std::string doc, source, encoding, content_hash;
  uint64_t bytes = 0;
  std::vector<aidtext::Metric> metrics;
};

// What one section of a document read in sections (Document::sectioned)
// leaves for the SectionJoiner, which writes the document's output in order.
// The section's records (quantities, metrics) are in Output::text already,
// their input offsets moved to the document's; the normalize record is
// joined from the sections' parts, so its text offsets are moved there.
struct SectionPart {
  uint32_t index = 0;
  bool last = true;
  uint64_t input_offset = 0;  // Document::offset
  uint64_t input_end = 0;     // where the section's bytes end in the document
  std::string encoding;
  std::string content_hash;   // the last section with --db
  // normalize: Output::text holds the section's text as the inside of a
  // JSON string (JSON Lines) or of a quoted CSV field.
  uint64_t text_bytes = 0;                       // its normalized text bytes
  std::optional<json::Value> report;             // its "report" object
  std::vector<std::string> repairs, repeats;     // item JSON, its own offsets
  std::vector<aidtext::TextRange> guessed;       // CSV: guessed ranges, its own offsets
};

struct Output {
  std::string doc;
  std::string text;   // for stdout, in the chosen format (error records included for jsonl)
  // A large document's normalize record (JSON Lines) is not copied into
  // `text`: `text` holds its start ({"doc":...,) and the rest is written
  // straight from the library's JSON, `text_tail`, which `result` owns.
  // Copying it cost a second whole line: 10 MB more for a 10 MB document.
  std::optional<aidtext::Result> result;
  std::string_view text_tail;
  std::string error;  // non-empty: this document failed
  uint64_t records = 0;
  uint64_t input_bytes = 0;
  std::optional<DbDocument> db;
  std::optional<SectionPart> part;  // a section of a document (see above)
};

class Processor {
 public:
  Processor(const aidtext::Engine& engine, const CliOptions& options);

  // The CSV header for stdout ("" for JSON Lines).
  std::string csv_header() const;
  // Never throws: a failure becomes Output::error.
  Output process(Document& doc) const noexcept;

 private:
  void run(Document& doc, Output& out) const;
  void run_normalize_section(const aidtext::Result& r, Output& out) const;
  const aidtext::Engine& engine_;
  const CliOptions& options_;
  // The columns of "start" and "end" in the records' CSV rows (doc not counted).
  size_t csv_start_ = 0, csv_end_ = 0;
};

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_PROCESSOR_H_
