// DocumentSource: the documents of a run, one at a time, in input order:
// each file (directories recursively, sorted) or stdin is one document in
// text mode; each line is one in JSON Lines mode. A document that cannot be
// read carries an error instead of text; it never stops the run.
//
// A text-mode document larger than twice --section-bytes comes as several
// Documents, its sections (section_cut.h), so that memory stays flat on a
// file of any size; the output joins them back into one document
// (SectionJoiner).
#ifndef AIDTEXT_CLI_DOCUMENT_SOURCE_H_
#define AIDTEXT_CLI_DOCUMENT_SOURCE_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli_options.h"
#include "content_hash.h"
#include "line_reader.h"
#include "section_cut.h"

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

  // A section of a document read in sections (see above); all sections of
  // a document have its id.
  bool sectioned = false;
  uint32_t section = 0;       // from 0
  bool last_section = true;   // the document ends with this one
  // Add to an input offset of the library's result to get the document's:
  // where bytes[0] is in the file (a UTF-16 BOM copied in front of each
  // later section, so that it decodes alone, counts before the section).
  uint64_t offset = 0;
  // The last section with --db: FNV-1a of the whole document's bytes.
  std::string content_hash;
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
  // Reads up to twice --section-bytes of the next text file: the whole
  // document, or the start of one to read in sections.
  void open_text(const Input& in, Document* doc);
  void next_section(Document* doc);

  // The document being read in sections.
  struct Sections {
    std::FILE* file = nullptr;
    std::string id;
    std::string carry;        // read, not yet in a section
    bool at_end = false;      // the file has no more bytes after carry
    uint64_t next_offset = 0; // the file offset of carry[0]
    uint32_t next_index = 0;
    ByteLayout layout = ByteLayout::kBytes;
    std::string bom;          // UTF-16: a BOM put in front of later sections
    ContentHash hash;
  };
  std::unique_ptr<Sections> sections_;

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
