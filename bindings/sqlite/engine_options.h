// The optional options argument of the SQL functions: a JSON object, e.g.
//
//   SELECT aidtext_extract(body, NULL, '{"repair": false, "convert": "tw2s"}');
//   SELECT * FROM aidtext_metrics(body, NULL, json_object('rules', r.text)) ...
//
// Keys: "rules" (the text of a rule pack), "rules_file" (a path to one; not
// in aidtext_metrics, see below), and every key of aidtext_options_set():
// "convert", "encoding", "repair", "strip_pinyin", "fold_width", "html", "markup",
// "join_wraps", "cjk_spacing", "cjk_punctuation", "repeats". Values are JSON strings; true/false stand for "on"/"off".
// Unknown keys, bad values, malformed JSON, a bad rule pack or an unreadable
// file are SQL errors that say which.
//
// Making an engine costs far more than one call, so the engines made for
// options are kept, keyed by the options text, and shared by every
// connection and thread (engines are immutable).
#ifndef AIDTEXT_BINDINGS_SQLITE_ENGINE_OPTIONS_H_
#define AIDTEXT_BINDINGS_SQLITE_ENGINE_OPTIONS_H_

#include <memory>
#include <string>
#include <string_view>

#include "aidtext/aidtext.h"
#include "sqlite_api.h"

namespace aidtext_sqlite {

using SharedEngine = std::shared_ptr<const aidtext_engine>;

// What the options may name.
enum class FileAccess {
  kAllowed,  // "rules_file" reads a file
  // "rules_file" is refused: the caller is usable from untrusted schemas
  // (views, triggers; SQLITE_INNOCUOUS), where reading a file named by
  // the schema must not be possible.
  kRefused,
};

// The engine for `options` (the JSON text of the options argument): from
// the cache, or made now. The JSON is read with SQLite's own json_each() on
// `db`. Returns nullptr and sets *error (a message naming the problem) on
// failure.
SharedEngine engine_for_options(sqlite3* db, std::string_view options, FileAccess files, std::string* error);

// Frees every cached engine no statement is using (when the last
// connection using the extension closes).
void clear_engine_cache();

}  // namespace aidtext_sqlite

#endif  // AIDTEXT_BINDINGS_SQLITE_ENGINE_OPTIONS_H_
