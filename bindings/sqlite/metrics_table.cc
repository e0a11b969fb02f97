// aidtext_metrics(x [, doc_date [, options]]): an eponymous table-valued
// function with one row per metric record of x and one column per record
// field:
//
//   SELECT metric, value, unit, place FROM aidtext_metrics(article.body);
//   SELECT a.id, m.* FROM articles a, aidtext_metrics(a.body, a.date) m;
//
// `value` is an INTEGER when the exact decimal is whole (8100), else a REAL
// (9.05), as in the JSON records; `value_text` keeps the exact decimal.
// `start`/`end` are byte offsets in the ORIGINAL input ("end" is an SQL
// keyword: quote it). `guessed` is 1 for a record whose text overlaps a
// character the mojibake repairer guessed from context (aidtext_metric.guessed:
// a best-effort reading), else 0. The hidden columns `input`, `doc_date` and `options`
// are the arguments; options is a JSON object (engine_options.h) without
// "rules_file": the module is innocuous (usable from views and triggers),
// so it reads no file a schema names.
#include <cerrno>
#include <cstdlib>
#include <new>
#include <string>

#include "aidtext/aidtext.h"
#include "engine_options.h"
#include "shared_engine.h"
#include "sqlite_api.h"

namespace aidtext_sqlite {
namespace {

enum Column {
  kMetric, kValue, kUnit, kApprox, kChange, kTime, kPlace, kText, kStart, kEnd, kSentence,
  kValueText, kGuessed, kInput, kDocDate, kOptions
};

constexpr const char* kSchema =
    "CREATE TABLE x(metric TEXT, value NUMERIC, unit TEXT, approx TEXT, change TEXT, "
    "time TEXT, place TEXT, text TEXT, start INTEGER, \"end\" INTEGER, sentence TEXT, "
    "value_text TEXT, guessed INTEGER, input HIDDEN, doc_date HIDDEN, options HIDDEN)";

// idxNum bits: which arguments xBestIndex handed to xFilter.
constexpr int kHasInput = 1;
constexpr int kHasDocDate = 2;
constexpr int kHasOptions = 4;

struct Table {
  sqlite3_vtab base{};  // first: SQLite casts between the two
  const aidtext_engine* engine = nullptr;
  sqlite3* db = nullptr;  // reads the options' JSON
};

struct Cursor {
  sqlite3_vtab_cursor base{};  // first
  aidtext_result* result = nullptr;
  sqlite3_value* input = nullptr;
  sqlite3_value* doc_date = nullptr;
  sqlite3_value* options = nullptr;
  size_t row = 0;
  size_t rows = 0;
  aidtext_metric metric{};  // the current row

  void reset() {
    aidtext_result_free(result);
    result = nullptr;
    sqlite3_value_free(input);
    input = nullptr;
    sqlite3_value_free(doc_date);
    doc_date = nullptr;
    sqlite3_value_free(options);
    options = nullptr;
    row = rows = 0;
  }
};

int set_error(sqlite3_vtab* vtab, const char* format, const char* detail) {
  sqlite3_free(vtab->zErrMsg);
  vtab->zErrMsg = sqlite3_mprintf(format, detail);
  return SQLITE_ERROR;
}

int xConnect(sqlite3* db, void* engine, int, const char* const*, sqlite3_vtab** out, char**) {
  int rc = sqlite3_declare_vtab(db, kSchema);
  if (rc != SQLITE_OK) return rc;
  Table* table = static_cast<Table*>(sqlite3_malloc(sizeof(Table)));
  if (table == nullptr) return SQLITE_NOMEM;
  new (table) Table();
  table->engine = static_cast<const aidtext_engine*>(engine);
  table->db = db;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *out = &table->base;
  return SQLITE_OK;
}

int xDisconnect(sqlite3_vtab* vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

int xBestIndex(sqlite3_vtab*, sqlite3_index_info* info) {
  int input = -1, doc_date = -1, options = -1;
  bool unusable = false;  // an argument whose value is not known yet in this join order
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& c = info->aConstraint[i];
    if (c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (c.iColumn != kInput && c.iColumn != kDocDate && c.iColumn != kOptions) continue;
    if (!c.usable) {
      unusable = true;
    } else if (c.iColumn == kInput) {
      input = i;
    } else if (c.iColumn == kDocDate) {
      doc_date = i;
    } else {
      options = i;
    }
  }
  if (unusable) return SQLITE_CONSTRAINT;  // the planner tries another join order
  int idx = 0, arg = 0;
  if (input >= 0) {
    idx |= kHasInput;
    info->aConstraintUsage[input].argvIndex = ++arg;
    info->aConstraintUsage[input].omit = 1;
  }
  if (doc_date >= 0) {
    idx |= kHasDocDate;
    info->aConstraintUsage[doc_date].argvIndex = ++arg;
    info->aConstraintUsage[doc_date].omit = 1;
  }
  if (options >= 0) {
    idx |= kHasOptions;
    info->aConstraintUsage[options].argvIndex = ++arg;
    info->aConstraintUsage[options].omit = 1;
  }
  info->idxNum = idx;
  // Extraction is the cost; without its input the plan is useless.
  info->estimatedCost = (idx & kHasInput) ? 1000.0 : 1e300;
  info->estimatedRows = (idx & kHasInput) ? 10 : 1;
  return SQLITE_OK;
}

int xOpen(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
  Cursor* cursor = static_cast<Cursor*>(sqlite3_malloc(sizeof(Cursor)));
  if (cursor == nullptr) return SQLITE_NOMEM;
  new (cursor) Cursor();
  *out = &cursor->base;
  return SQLITE_OK;
}

int xClose(sqlite3_vtab_cursor* base) {
  Cursor* cursor = reinterpret_cast<Cursor*>(base);
  cursor->reset();
  cursor->~Cursor();
  sqlite3_free(cursor);
  return SQLITE_OK;
}

int load_row(Cursor* cursor) {
  if (cursor->row >= cursor->rows) return SQLITE_OK;
  cursor->metric = aidtext_metric{};
  cursor->metric.struct_size = sizeof(aidtext_metric);
  aidtext_status status = aidtext_result_metric(cursor->result, cursor->row, &cursor->metric);
  if (status != AIDTEXT_OK) {
    return set_error(cursor->base.pVtab, "aidtext_metrics: %s", aidtext_last_error());
  }
  return SQLITE_OK;
}

int xFilter(sqlite3_vtab_cursor* base, int idx, const char*, int argc, sqlite3_value** argv) {
  Cursor* cursor = reinterpret_cast<Cursor*>(base);
  Table* table = reinterpret_cast<Table*>(base->pVtab);
  cursor->reset();
  if (!(idx & kHasInput) || argc < 1) {
    return set_error(base->pVtab, "%s", "aidtext_metrics() needs its input: aidtext_metrics(text)");
  }
  // The arguments come in the order xBestIndex numbered them.
  int next = 0;
  cursor->input = sqlite3_value_dup(argv[next++]);
  if (cursor->input == nullptr) return SQLITE_NOMEM;
  if ((idx & kHasDocDate) && next < argc && !(cursor->doc_date = sqlite3_value_dup(argv[next++]))) {
    return SQLITE_NOMEM;
  }
  if ((idx & kHasOptions) && next < argc && !(cursor->options = sqlite3_value_dup(argv[next++]))) {
    return SQLITE_NOMEM;
  }
  const char* data;
  size_t size;
  if (!argument_bytes(cursor->input, &data, &size)) return SQLITE_OK;  // NULL: no rows
  const char* doc_date = nullptr;
  if (cursor->doc_date != nullptr && sqlite3_value_type(cursor->doc_date) != SQLITE_NULL) {
    doc_date = reinterpret_cast<const char*>(sqlite3_value_text(cursor->doc_date));
  }
  const aidtext_engine* engine = table->engine;
  SharedEngine holder;  // keeps an engine made for options alive during the call
  if (cursor->options != nullptr && sqlite3_value_type(cursor->options) != SQLITE_NULL) {
    const char* text = reinterpret_cast<const char*>(sqlite3_value_text(cursor->options));
    if (text == nullptr) return SQLITE_NOMEM;
    std::string error;
    holder = engine_for_options(table->db,
                                std::string_view(text, static_cast<size_t>(sqlite3_value_bytes(cursor->options))),
                                FileAccess::kRefused, &error);
    if (!holder) return set_error(base->pVtab, "aidtext_metrics: options: %s", error.c_str());
    engine = holder.get();
  }
  aidtext_status status = aidtext_extract(engine, data, size, doc_date, &cursor->result);
  if (status == AIDTEXT_ERR_OUT_OF_MEMORY) return SQLITE_NOMEM;
  if (status != AIDTEXT_OK) {
    const char* detail = aidtext_last_error();
    if (detail == nullptr || *detail == '\0') detail = aidtext_status_message(status);
    return set_error(base->pVtab, "aidtext_metrics: %s", detail);
  }
  cursor->rows = aidtext_result_count(cursor->result, AIDTEXT_ITEM_METRIC);
  return load_row(cursor);
}

int xNext(sqlite3_vtab_cursor* base) {
  Cursor* cursor = reinterpret_cast<Cursor*>(base);
  ++cursor->row;
  return load_row(cursor);
}

int xEof(sqlite3_vtab_cursor* base) {
  Cursor* cursor = reinterpret_cast<Cursor*>(base);
  return cursor->row >= cursor->rows;
}

void result_string(sqlite3_context* ctx, const char* s) {
  if (s == nullptr) return sqlite3_result_null(ctx);
  sqlite3_result_text(ctx, s, -1, SQLITE_TRANSIENT);
}

// The JSON number for an exact decimal: an INTEGER when whole and in range,
// else the nearest REAL.
void result_number(sqlite3_context* ctx, const char* exact, double nearest) {
  if (exact != nullptr && *exact != '\0') {
    char* end = nullptr;
    errno = 0;
    long long whole = std::strtoll(exact, &end, 10);
    if (*end == '\0' && errno == 0) return sqlite3_result_int64(ctx, whole);
  }
  sqlite3_result_double(ctx, nearest);
}

int xColumn(sqlite3_vtab_cursor* base, sqlite3_context* ctx, int column) {
  Cursor* cursor = reinterpret_cast<Cursor*>(base);
  const aidtext_metric& m = cursor->metric;
  switch (column) {
    case kMetric: result_string(ctx, m.metric); break;
    case kValue: result_number(ctx, m.value_text, m.value); break;
    case kUnit: result_string(ctx, m.unit); break;
    case kApprox: result_string(ctx, m.approx); break;
    case kChange: result_string(ctx, m.change); break;
    case kTime: result_string(ctx, m.time); break;
    case kPlace: result_string(ctx, m.place); break;
    case kText: result_string(ctx, m.text); break;
    case kStart: sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(m.start)); break;
    case kEnd: sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(m.end)); break;
    case kSentence: result_string(ctx, m.sentence); break;
    case kValueText: result_string(ctx, m.value_text); break;
    case kGuessed: sqlite3_result_int(ctx, m.guessed ? 1 : 0); break;
    case kInput: sqlite3_result_value(ctx, cursor->input); break;
    case kDocDate:
      if (cursor->doc_date) sqlite3_result_value(ctx, cursor->doc_date);
      else sqlite3_result_null(ctx);
      break;
    case kOptions:
      if (cursor->options) sqlite3_result_value(ctx, cursor->options);
      else sqlite3_result_null(ctx);
      break;
    default: sqlite3_result_null(ctx); break;
  }
  return SQLITE_OK;
}

int xRowid(sqlite3_vtab_cursor* base, sqlite3_int64* rowid) {
  *rowid = static_cast<sqlite3_int64>(reinterpret_cast<Cursor*>(base)->row);
  return SQLITE_OK;
}

sqlite3_module make_module() {
  sqlite3_module m{};
  m.iVersion = 0;
  m.xCreate = nullptr;  // eponymous only: no CREATE VIRTUAL TABLE
  m.xConnect = xConnect;
  m.xBestIndex = xBestIndex;
  m.xDisconnect = xDisconnect;
  m.xDestroy = xDisconnect;
  m.xOpen = xOpen;
  m.xClose = xClose;
  m.xFilter = xFilter;
  m.xNext = xNext;
  m.xEof = xEof;
  m.xColumn = xColumn;
  m.xRowid = xRowid;
  return m;
}

const sqlite3_module metrics_module = make_module();

}  // namespace

int register_metrics_table(sqlite3* db) {
  std::string error;
  const aidtext_engine* engine = acquire_engine(&error);
  if (engine == nullptr) return SQLITE_ERROR;
  // On failure SQLite calls the destructor itself, releasing the reference.
  return sqlite3_create_module_v2(db, "aidtext_metrics", &metrics_module,
                                  const_cast<aidtext_engine*>(engine), release_engine);
}

}  // namespace aidtext_sqlite
