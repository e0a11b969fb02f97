// SqliteSink: --db output. The schema (created when missing):
//
//   documents(doc TEXT PRIMARY KEY,    -- file path or JSON Lines id
//             source TEXT,             -- file path; JSON Lines: "path:line"
//             bytes INTEGER,           -- input size in bytes
//             encoding TEXT,           -- detected input encoding
//             content_hash TEXT,       -- FNV-1a 64 of the input bytes, hex
//             processed_at TEXT)       -- UTC, "YYYY-MM-DDTHH:MM:SSZ"
//   metrics(doc TEXT,                  -- documents.doc
//           seq INTEGER,               -- the record's place in its document
//           metric, value REAL, value_text TEXT (exact decimal), unit, approx,
//           change, time, place, text, start, end, sentence,
//           guessed INTEGER)           -- 1: the text overlaps a character the
//                                      -- repairer guessed (aidtext_metric.guessed),
//                                      -- else 0; NULL in rows written before 0.3
//   (a database made before 0.3 gets the guessed column on open: ALTER TABLE)
//   index metrics_by_metric ON metrics(metric), metrics_by_doc ON metrics(doc)
//
// Appending is idempotent: a document's rows are replaced (its metrics
// deleted and inserted again, its documents row upserted) inside one
// transaction, so running the same input twice leaves the same rows.
// Documents that failed are not written (they are reported on stderr).
#ifndef AIDTEXT_CLI_SQLITE_SINK_H_
#define AIDTEXT_CLI_SQLITE_SINK_H_

#include <string>

#include "processor.h"

struct sqlite3;
struct sqlite3_stmt;

namespace aidtext::cli {

class SqliteSink {
 public:
  SqliteSink() = default;
  ~SqliteSink();
  SqliteSink(const SqliteSink&) = delete;
  SqliteSink& operator=(const SqliteSink&) = delete;

  // Opens (creating if needed) the database; false with *error on failure.
  bool open(const std::string& path, std::string* error);
  // Replaces one document's rows; false with *error on failure.
  bool write(const DbDocument& doc, std::string* error);
  // Commits what is pending; false with *error on failure.
  bool close(std::string* error);

 private:
  bool exec(const char* sql, std::string* error);
  bool add_guessed_column(std::string* error);
  bool begin_if_needed(std::string* error);
  std::string message() const;

  sqlite3* db_ = nullptr;
  sqlite3_stmt* delete_metrics_ = nullptr;
  sqlite3_stmt* upsert_document_ = nullptr;
  sqlite3_stmt* insert_metric_ = nullptr;
  bool in_transaction_ = false;
  // Documents per transaction: one commit (an fsync) per document would
  // make the database the bottleneck; a crash loses at most this many
  // documents' rows, which re-running restores.
  static constexpr int kDocumentsPerCommit = 500;
  int pending_ = 0;
};

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_SQLITE_SINK_H_
