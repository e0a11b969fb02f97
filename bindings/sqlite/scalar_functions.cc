// Scalar SQL functions over the shared engine:
//   aidtext_normalize(x [, options])              -> TEXT, the normalized text
//   aidtext_quantities(x [, options])             -> TEXT, JSON array of quantity records
//   aidtext_extract(x [, doc_date [, options]])   -> TEXT, JSON array of metric records
//   aidtext_version()                             -> TEXT, the library's version
// x is TEXT or BLOB (any encoding: the bytes go to the library as they are);
// NULL gives NULL. The JSON arrays carry SQLite's JSON subtype, so
// json_each(), json_extract() and json_group_array() take them as JSON.
// options is a JSON object (engine_options.h); NULL means the defaults.
#include <cstring>
#include <string>

#include "aidtext/aidtext.h"
#include "engine_options.h"
#include "shared_engine.h"
#include "sqlite_api.h"

namespace aidtext_sqlite {
namespace {

// SQLite's subtype for JSON text (what its json1 functions use).
constexpr unsigned kJsonSubtype = 'J';
// SQLITE_RESULT_SUBTYPE (SQLite 3.45+: declares that a function sets a
// subtype); older versions ignore flag bits they do not know.
constexpr int kResultSubtype = 0x001000000;

// The engine for a call: the shared one, or the one made for the options
// argument argv[options_at] (when there is one and it is not NULL). Sets an
// SQL error and returns false when the options are bad.
bool engine_of(sqlite3_context* ctx, const char* function, int argc, sqlite3_value** argv, int options_at,
               SharedEngine* holder, const aidtext_engine** engine) {
  *engine = static_cast<const aidtext_engine*>(sqlite3_user_data(ctx));
  if (options_at >= argc || sqlite3_value_type(argv[options_at]) == SQLITE_NULL) return true;
  const char* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[options_at]));
  if (text == nullptr) {
    sqlite3_result_error_nomem(ctx);
    return false;
  }
  std::string error;
  *holder = engine_for_options(sqlite3_context_db_handle(ctx),
                               std::string_view(text, static_cast<size_t>(sqlite3_value_bytes(argv[options_at]))),
                               FileAccess::kAllowed, &error);
  if (!*holder) {
    std::string message = std::string(function) + ": options: " + error;
    sqlite3_result_error(ctx, message.c_str(), -1);
    return false;
  }
  *engine = holder->get();
  return true;
}

void report_failure(sqlite3_context* ctx, const char* function, aidtext_status status) {
  if (status == AIDTEXT_ERR_OUT_OF_MEMORY) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  const char* detail = aidtext_last_error();
  if (detail == nullptr || *detail == '\0') detail = aidtext_status_message(status);
  char* message = sqlite3_mprintf("%s: %s", function, detail);
  if (message == nullptr) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_error(ctx, message, -1);
  sqlite3_free(message);
  if (status == AIDTEXT_ERR_INPUT_TOO_LARGE) sqlite3_result_error_code(ctx, SQLITE_TOOBIG);
}

// Frees an aidtext result when it goes out of scope.
struct ResultGuard {
  aidtext_result* result = nullptr;
  ~ResultGuard() { aidtext_result_free(result); }
};

// Returns the items of one kind as a JSON array "[item,item,...]", built in
// one SQLite allocation that SQLite then owns (no second copy).
void result_json_array(sqlite3_context* ctx, const char* function, const aidtext_result* res,
                       aidtext_item item) {
  const size_t count = aidtext_result_count(res, item);
  size_t total = 2 + (count > 0 ? count - 1 : 0);  // brackets and commas
  for (size_t i = 0; i < count; ++i) {
    const char* data;
    size_t size;
    aidtext_status status = aidtext_result_item_json(res, item, i, &data, &size);
    if (status != AIDTEXT_OK) return report_failure(ctx, function, status);
    total += size;
  }
  char* out = static_cast<char*>(sqlite3_malloc64(total + 1));
  if (out == nullptr) return sqlite3_result_error_nomem(ctx);
  size_t at = 0;
  out[at++] = '[';
  for (size_t i = 0; i < count; ++i) {
    const char* data;
    size_t size;
    aidtext_result_item_json(res, item, i, &data, &size);  // succeeded above
    if (i > 0) out[at++] = ',';
    std::memcpy(out + at, data, size);
    at += size;
  }
  out[at++] = ']';
  out[at] = '\0';
  sqlite3_result_text64(ctx, out, at, sqlite3_free, SQLITE_UTF8);
  sqlite3_result_subtype(ctx, kJsonSubtype);
}

void normalize_function(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  const char* data;
  size_t size;
  if (!argument_bytes(argv[0], &data, &size)) return sqlite3_result_null(ctx);
  SharedEngine holder;
  const aidtext_engine* engine;
  if (!engine_of(ctx, "aidtext_normalize", argc, argv, 1, &holder, &engine)) return;
  ResultGuard guard;
  aidtext_status status = aidtext_normalize(engine, data, size, &guard.result);
  if (status != AIDTEXT_OK) return report_failure(ctx, "aidtext_normalize", status);
  const char* text;
  size_t text_size;
  status = aidtext_result_text(guard.result, &text, &text_size);
  if (status != AIDTEXT_OK) return report_failure(ctx, "aidtext_normalize", status);
  sqlite3_result_text64(ctx, text, text_size, SQLITE_TRANSIENT, SQLITE_UTF8);
}

void quantities_function(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  const char* data;
  size_t size;
  if (!argument_bytes(argv[0], &data, &size)) return sqlite3_result_null(ctx);
  SharedEngine holder;
  const aidtext_engine* engine;
  if (!engine_of(ctx, "aidtext_quantities", argc, argv, 1, &holder, &engine)) return;
  ResultGuard guard;
  aidtext_status status = aidtext_quantities(engine, data, size, &guard.result);
  if (status != AIDTEXT_OK) return report_failure(ctx, "aidtext_quantities", status);
  result_json_array(ctx, "aidtext_quantities", guard.result, AIDTEXT_ITEM_QUANTITY);
}

void extract_function(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  const char* data;
  size_t size;
  if (!argument_bytes(argv[0], &data, &size)) return sqlite3_result_null(ctx);
  const char* doc_date = nullptr;
  if (argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL) {
    doc_date = reinterpret_cast<const char*>(sqlite3_value_text(argv[1]));
  }
  SharedEngine holder;
  const aidtext_engine* engine;
  if (!engine_of(ctx, "aidtext_extract", argc, argv, 2, &holder, &engine)) return;
  ResultGuard guard;
  aidtext_status status = aidtext_extract(engine, data, size, doc_date, &guard.result);
  if (status != AIDTEXT_OK) return report_failure(ctx, "aidtext_extract", status);
  result_json_array(ctx, "aidtext_extract", guard.result, AIDTEXT_ITEM_METRIC);
}

void version_function(sqlite3_context* ctx, int, sqlite3_value**) {
  sqlite3_result_text(ctx, aidtext_version(), -1, SQLITE_STATIC);
}

using Function = void (*)(sqlite3_context*, int, sqlite3_value**);

// Registers one function holding its own reference to the shared engine.
int register_function(sqlite3* db, const char* name, int nargs, Function fn, int extra_flags, bool takes_options) {
  std::string error;
  const aidtext_engine* engine = acquire_engine(&error);
  if (engine == nullptr) return SQLITE_ERROR;
  // The engine gives the same output for the same input: deterministic and
  // free of side effects, so usable in indexes, views and triggers (the
  // forms with options are not innocuous: see the table below).
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | (takes_options ? 0 : SQLITE_INNOCUOUS) | extra_flags;
  // On failure SQLite calls the destructor itself, releasing the reference.
  return sqlite3_create_function_v2(db, name, nargs, flags, const_cast<aidtext_engine*>(engine),
                                    fn, nullptr, nullptr, release_engine);
}

}  // namespace

int register_scalar_functions(sqlite3* db) {
  struct Entry {
    const char* name;
    int nargs;
    Function fn;
    int flags;
    bool takes_options = false;
  };
  const Entry entries[] = {
      {"aidtext_normalize", 1, normalize_function, 0, false},
      {"aidtext_quantities", 1, quantities_function, kResultSubtype, false},
      {"aidtext_extract", 1, extract_function, kResultSubtype, false},
      {"aidtext_extract", 2, extract_function, kResultSubtype, false},
      // With options, not SQLITE_INNOCUOUS: "rules_file" reads a file, which
      // a view or trigger of an untrusted schema must not be able to do.
      {"aidtext_normalize", 2, normalize_function, 0, true},
      {"aidtext_quantities", 2, quantities_function, kResultSubtype, true},
      {"aidtext_extract", 3, extract_function, kResultSubtype, true},
      {"aidtext_version", 0, version_function, 0, false},
  };
  for (const Entry& e : entries) {
    int rc = register_function(db, e.name, e.nargs, e.fn, e.flags, e.takes_options);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

}  // namespace aidtext_sqlite
