// The SQLite API as a loadable extension sees it: every sqlite3_* call goes
// through the routine table the host passes to the entry point
// (extension.cc defines the table pointer; the other files share it).
#ifndef AIDTEXT_BINDINGS_SQLITE_SQLITE_API_H_
#define AIDTEXT_BINDINGS_SQLITE_SQLITE_API_H_

#include <sqlite3ext.h>

SQLITE_EXTENSION_INIT3

namespace aidtext_sqlite {

// The bytes of a TEXT or BLOB argument (numbers are read as their text);
// false for SQL NULL. The bytes are valid until the value changes.
inline bool argument_bytes(sqlite3_value* value, const char** data, size_t* size) {
  switch (sqlite3_value_type(value)) {
    case SQLITE_NULL:
      return false;
    case SQLITE_BLOB:
      *data = static_cast<const char*>(sqlite3_value_blob(value));
      break;
    default:
      *data = reinterpret_cast<const char*>(sqlite3_value_text(value));
      break;
  }
  *size = static_cast<size_t>(sqlite3_value_bytes(value));
  if (*data == nullptr) *data = "";  // an empty blob has no pointer
  return true;
}

// Registers aidtext_normalize, aidtext_quantities, aidtext_extract and
// aidtext_version on db (scalar_functions.cc).
int register_scalar_functions(sqlite3* db);

// Registers the eponymous table-valued function aidtext_metrics
// (metrics_table.cc).
int register_metrics_table(sqlite3* db);

}  // namespace aidtext_sqlite

#endif  // AIDTEXT_BINDINGS_SQLITE_SQLITE_API_H_
