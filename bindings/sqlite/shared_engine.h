// The one aidtext engine of the process, shared by every connection that
// loads the extension (an engine is immutable, so threads and connections
// share it without locks).
//
// Each registration (function or module) holds a reference, released by
// SQLite through the registration's destructor when the connection closes;
// the engine is freed when the last reference goes and made again if the
// extension is loaded later.
#ifndef AIDTEXT_BINDINGS_SQLITE_SHARED_ENGINE_H_
#define AIDTEXT_BINDINGS_SQLITE_SHARED_ENGINE_H_

#include <string>

#include "aidtext/aidtext.h"

namespace aidtext_sqlite {

// Takes a reference to the shared engine, creating it if none exists.
// Returns NULL and sets *error when it cannot be created.
const aidtext_engine* acquire_engine(std::string* error);

// Drops one reference (a destructor for sqlite3_create_function_v2 and
// sqlite3_create_module_v2: its argument is ignored).
void release_engine(void* unused);

}  // namespace aidtext_sqlite

#endif  // AIDTEXT_BINDINGS_SQLITE_SHARED_ENGINE_H_
