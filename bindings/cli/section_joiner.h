// SectionJoiner: writes a document read in sections (section_cut.h) as the
// one document it is. It sees every Output in input order, on the thread
// that writes them, and rewrites a section's Output in place:
//   - quantities, metrics: the records are written as they come (their
//     input offsets were moved by the Processor); --db gets the document's
//     rows once, with its last section;
//   - normalize: one record for the document, written as its sections come:
//     the text first, then, after the last, the encoding, the report
//     (counters summed, encodings joined, the lowest confidence), the
//     repairs and repeated passages with their offsets moved to the whole
//     text (CSV: the encoding column, written before the text, is the first
//     section's; stderr says so when a later one differs);
//   - a section that failed: an error record for its bytes in JSON Lines
//     (normalize: an "error" member in the document's record), and the
//     document counts as failed.
#ifndef AIDTEXT_CLI_SECTION_JOINER_H_
#define AIDTEXT_CLI_SECTION_JOINER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli_options.h"
#include "format/json_reader.h"
#include "processor.h"

namespace aidtext::cli {

class SectionJoiner {
 public:
  explicit SectionJoiner(const CliOptions& options) : options_(options) {}

  // For a section (out.part set): out.text becomes what to write now,
  // out.db the document's rows (on its last section only), out.error the
  // document's errors (on its last section only). Returns whether the
  // document ended with it (true for an Output that is no section).
  bool join(Output& out);

 private:
  void reset();  // a new document begins
  void join_normalize(Output& out, const SectionPart& part, const std::string& error);
  void fold_report(const SectionPart& part);
  void add_encoding(const std::string& encoding, uint64_t bytes);
  std::string joined_encoding() const;
  std::string report_json() const;

  const CliOptions& options_;
  // The document being joined.
  uint64_t text_offset_ = 0;  // normalized text bytes written before this section
  std::vector<std::pair<std::string, uint64_t>> encodings_;  // name, input bytes
  std::optional<json::Value> report_;
  std::string repairs_, repeats_;  // JSON array members, comma-separated
  uint64_t repair_count_ = 0, repeat_count_ = 0;
  std::string guessed_;  // CSV guessed column
  std::string errors_;
  std::string first_encoding_;
  std::optional<DbDocument> db_;
};

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_SECTION_JOINER_H_
