// DocumentSource: the documents of a run, one at a time, in input order:
// each file (directories recursively, sorted) or stdin is one document in
// text mode; each line is one in JSON Lines mode. A document that cannot be
// read carries an error instead of text; it never stops the run.
#ifndef AIDTEXT_CLI_DOCUMENT_SOURCE_H_
#define AIDTEXT_CLI_DOCUMENT_SOURCE_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli_options.h"
#include "line_reader.h"

namespace aidtext::cli {

struct Document {
  std::string id;          // file path, JSON Lines id, or "path:line"
  std::string source;      // file path ("-" for stdin), JSON Lines: "path:line"
  std::string bytes;       // the text to process
  std::string error;       // non-empty: not readable; bytes is empty
  uint64_t input_bytes = 0;  // input consumed for it (progress figures)
  // JSON Lines: the line itself, left for read_json_line() to take apart on
  // a worker thread (JSON decoding on the reading thread held --jobs back).
  std::string json_line;
};

// Reads doc->json_line (if any) into doc->id and doc->bytes, or doc->error
// for a malformed line or one without the text field; clears json_line.
void read_json_line(Document* doc, const CliOptions& options);

class DocumentSource {
 public:
  explicit DocumentSource(const CliOptions& options);
  ~DocumentSource();
  DocumentSource(const DocumentSource&) = delete;
  DocumentSource& operator=(const DocumentSource&) = delete;

  // The next document; false at the end.
  bool next(Document* doc);
  // Total input bytes when known (all inputs are regular files), else 0.
  uint64_t total_bytes() const { return total_bytes_; }

 private:
  struct Input {
    std::string path;   // "-" is stdin
    std::string error;  // the path could not be listed
  };
  bool next_text(Document* doc);
  bool next_jsonl(Document* doc);
  void read_whole(const Input& in, Document* doc);

  const CliOptions& options_;
  std::vector<Input> inputs_;
  size_t next_input_ = 0;
  uint64_t total_bytes_ = 0;
  // JSON Lines: the file being read.
  std::FILE* file_ = nullptr;
  std::string file_path_;
  std::unique_ptr<LineReader> lines_;
  uint64_t line_number_ = 0;
};

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_DOCUMENT_SOURCE_H_
