#include "sqlite_sink.h"

#include <sqlite3.h>

#include <ctime>

namespace aidtext::cli {

namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS documents ("
    "  doc TEXT PRIMARY KEY, source TEXT, bytes INTEGER, encoding TEXT,"
    "  content_hash TEXT, processed_at TEXT);"
    "CREATE TABLE IF NOT EXISTS metrics ("
    "  doc TEXT NOT NULL, seq INTEGER NOT NULL, metric TEXT NOT NULL, value REAL,"
    "  value_text TEXT, unit TEXT, approx TEXT, change TEXT, time TEXT, place TEXT,"
    "  text TEXT, start INTEGER, end INTEGER, sentence TEXT, guessed INTEGER);"
    "CREATE INDEX IF NOT EXISTS metrics_by_metric ON metrics(metric);"
    "CREATE INDEX IF NOT EXISTS metrics_by_doc ON metrics(doc);";

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void bind_text(sqlite3_stmt* s, int i, const std::string& v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

void bind_optional(sqlite3_stmt* s, int i, const std::optional<std::string>& v) {
  if (v) bind_text(s, i, *v);
  else sqlite3_bind_null(s, i);
}

}  // namespace

SqliteSink::~SqliteSink() {
  std::string ignored;
  close(&ignored);
}

std::string SqliteSink::message() const { return db_ ? sqlite3_errmsg(db_) : "no database"; }

bool SqliteSink::exec(const char* sql, std::string* error) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    *error = msg ? msg : message();
    sqlite3_free(msg);
    return false;
  }
  return true;
}

// A database written before 0.3 has no metrics.guessed: add it (NULL in the
// rows written then, which were never checked for guessed characters).
bool SqliteSink::add_guessed_column(std::string* error) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT 1 FROM pragma_table_info('metrics') WHERE name = 'guessed'", -1, &s,
                         nullptr) != SQLITE_OK) {
    *error = message();
    return false;
  }
  const int rc = sqlite3_step(s);
  sqlite3_finalize(s);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) {
    *error = message();
    return false;
  }
  return exec("ALTER TABLE metrics ADD COLUMN guessed INTEGER", error);
}

bool SqliteSink::open(const std::string& path, std::string* error) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    *error = path + ": " + message();
    return false;
  }
  // Another writer may hold the file briefly; wait rather than fail.
  sqlite3_busy_timeout(db_, 10000);
  if (!exec(kSchema, error)) return false;
  if (!add_guessed_column(error)) return false;
  auto prepare = [&](const char* sql, sqlite3_stmt** s) {
    if (sqlite3_prepare_v2(db_, sql, -1, s, nullptr) != SQLITE_OK) {
      *error = message();
      return false;
    }
    return true;
  };
  return prepare("DELETE FROM metrics WHERE doc = ?1", &delete_metrics_) &&
         prepare("INSERT INTO documents (doc, source, bytes, encoding, content_hash, processed_at)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(doc) DO UPDATE SET"
                 " source = excluded.source, bytes = excluded.bytes, encoding = excluded.encoding,"
                 " content_hash = excluded.content_hash, processed_at = excluded.processed_at",
                 &upsert_document_) &&
         prepare("INSERT INTO metrics (doc, seq, metric, value, value_text, unit, approx, change, time,"
                 " place, text, start, end, sentence, guessed)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                 &insert_metric_);
}

bool SqliteSink::begin_if_needed(std::string* error) {
  if (in_transaction_) return true;
  if (!exec("BEGIN IMMEDIATE", error)) return false;
  in_transaction_ = true;
  return true;
}

bool SqliteSink::write(const DbDocument& d, std::string* error) {
  if (!begin_if_needed(error)) return false;
  // One document's replacement is atomic on its own: a savepoint inside the
  // batch transaction, rolled back if any statement fails.
  if (!exec("SAVEPOINT doc", error)) return false;
  auto step = [&](sqlite3_stmt* s) {
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_DONE) {
      *error = message();
      return false;
    }
    return true;
  };
  bool ok = true;
  bind_text(delete_metrics_, 1, d.doc);
  ok = step(delete_metrics_);
  if (ok) {
    bind_text(upsert_document_, 1, d.doc);
    bind_text(upsert_document_, 2, d.source);
    sqlite3_bind_int64(upsert_document_, 3, static_cast<sqlite3_int64>(d.bytes));
    bind_text(upsert_document_, 4, d.encoding);
    bind_text(upsert_document_, 5, d.content_hash);
    bind_text(upsert_document_, 6, utc_now());
    ok = step(upsert_document_);
  }
  for (size_t i = 0; ok && i < d.metrics.size(); ++i) {
    const aidtext::Metric& m = d.metrics[i];
    sqlite3_stmt* s = insert_metric_;
    bind_text(s, 1, d.doc);
    sqlite3_bind_int64(s, 2, static_cast<sqlite3_int64>(i));
    bind_text(s, 3, m.metric);
    sqlite3_bind_double(s, 4, m.value);
    bind_text(s, 5, m.value_text);
    bind_text(s, 6, m.unit);
    bind_optional(s, 7, m.approx);
    bind_text(s, 8, m.change);
    bind_optional(s, 9, m.time);
    bind_optional(s, 10, m.place);
    bind_text(s, 11, m.text);
    sqlite3_bind_int64(s, 12, static_cast<sqlite3_int64>(m.start));
    sqlite3_bind_int64(s, 13, static_cast<sqlite3_int64>(m.end));
    bind_text(s, 14, m.sentence);
    sqlite3_bind_int(s, 15, m.guessed ? 1 : 0);
    ok = step(s);
  }
  if (!ok) {
    std::string ignored;
    exec("ROLLBACK TO doc; RELEASE doc", &ignored);
    return false;
  }
  if (!exec("RELEASE doc", error)) return false;
  if (++pending_ >= kDocumentsPerCommit) {
    pending_ = 0;
    in_transaction_ = false;
    if (!exec("COMMIT", error)) return false;
  }
  return true;
}

bool SqliteSink::close(std::string* error) {
  if (db_ == nullptr) return true;
  bool ok = true;
  if (in_transaction_) {
    in_transaction_ = false;
    ok = exec("COMMIT", error);
  }
  sqlite3_finalize(delete_metrics_);
  sqlite3_finalize(upsert_document_);
  sqlite3_finalize(insert_metric_);
  delete_metrics_ = upsert_document_ = insert_metric_ = nullptr;
  sqlite3_close(db_);
  db_ = nullptr;
  return ok;
}

}  // namespace aidtext::cli
