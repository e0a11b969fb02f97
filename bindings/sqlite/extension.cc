// The entry point SQLite calls when it loads the extension:
//   sqlite3 CLI:   .load /path/to/aidtext_sqlite
//   SQL:           SELECT load_extension('/path/to/aidtext_sqlite');
//   Python:        conn.enable_load_extension(True); conn.load_extension(path)
// SQLite derives the entry point's name from the file name
// (aidtext_sqlite.so -> sqlite3_aidtextsqlite_init); sqlite3_extension_init
// is the fallback it also tries.
#include <string>

#include "aidtext/aidtext.h"
#include "shared_engine.h"
#include "sqlite_api.h"

SQLITE_EXTENSION_INIT1

namespace {

int initialize(sqlite3* db, char** error_message, const sqlite3_api_routines* api) {
  SQLITE_EXTENSION_INIT2(api);
  // Make the engine first, to report why it cannot be made.
  std::string error;
  if (aidtext_sqlite::acquire_engine(&error) == nullptr) {
    *error_message = sqlite3_mprintf("%s", error.c_str());
    return SQLITE_ERROR;
  }
  int rc = aidtext_sqlite::register_scalar_functions(db);
  if (rc == SQLITE_OK) rc = aidtext_sqlite::register_metrics_table(db);
  aidtext_sqlite::release_engine(nullptr);  // the registrations hold their own
  if (rc != SQLITE_OK) {
    *error_message = sqlite3_mprintf("aidtext: cannot register functions: %s",
                                     sqlite3_errstr(rc));
  }
  return rc;
}

}  // namespace

extern "C" {

__attribute__((visibility("default"))) int sqlite3_aidtextsqlite_init(
    sqlite3* db, char** error_message, const sqlite3_api_routines* api) {
  try {
    return initialize(db, error_message, api);
  } catch (...) {  // nothing may unwind into SQLite
    return SQLITE_NOMEM;
  }
}

__attribute__((visibility("default"))) int sqlite3_extension_init(
    sqlite3* db, char** error_message, const sqlite3_api_routines* api) {
  return sqlite3_aidtextsqlite_init(db, error_message, api);
}

}  // extern "C"
