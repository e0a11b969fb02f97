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

namespace aidtext::cli {

// What --db stores for one document.
struct DbDocument {
  std::string doc, source, encoding, content_hash;
  uint64_t bytes = 0;
  std::vector<aidtext::Metric> metrics;
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
};

class Processor {
 public:
  Processor(const aidtext::Engine& engine, const CliOptions& options) : engine_(engine), options_(options) {}

  // The CSV header for stdout ("" for JSON Lines).
  std::string csv_header() const;
  // Never throws: a failure becomes Output::error.
  Output process(Document& doc) const noexcept;

 private:
  void run(Document& doc, Output& out) const;
  const aidtext::Engine& engine_;
  const CliOptions& options_;
};

// FNV-1a, 64 bits, as 16 hex digits: a content fingerprint for --db (tells
// whether a document changed; not a cryptographic hash).
std::string fnv1a64_hex(std::string_view bytes);

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_PROCESSOR_H_
