#include "engine_options.h"

#include <list>
#include <mutex>
#include <utility>

namespace aidtext_sqlite {
namespace {

// How many engines made for options are kept. A statement uses one set of
// options, or a handful; a few more cover concurrent statements. An engine
// holds its compiled rule pack (about a megabyte with the default rules),
// so the cache stays small, and a statement whose options change on every
// row makes an engine per row rather than growing it.
constexpr size_t kMaxCachedEngines = 8;

struct CachedEngine {
  std::string options;
  SharedEngine engine;
};

std::mutex cache_mutex;
std::list<CachedEngine> cache;  // most recently used first; guarded by cache_mutex

// The message of the library's last failure on this thread.
std::string library_error(aidtext_status status) {
  const char* detail = aidtext_last_error();
  return (detail != nullptr && *detail != '\0') ? detail : aidtext_status_message(status);
}

// Frees a statement on every path out.
struct Statement {
  sqlite3_stmt* stmt = nullptr;
  ~Statement() { sqlite3_finalize(stmt); }
};

// Sets every option of the JSON object `json` on `options`.
bool apply_options(sqlite3* db, std::string_view json, FileAccess files, aidtext_options* options,
                   std::string* error) {
  // A JSON object starts with '{' (json_each() checks the rest); a scalar
  // or an array would give rows too.
  const size_t first = json.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || json[first] != '{') {
    *error = "the options must be a JSON object, such as '{\"repair\": false}'";
    return false;
  }
  Statement s;
  const char* sql = "SELECT key, type, value FROM json_each(?1)";
  if (sqlite3_prepare_v2(db, sql, -1, &s.stmt, nullptr) != SQLITE_OK ||
      sqlite3_bind_text64(s.stmt, 1, json.data(), json.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK) {
    *error = std::string("cannot read the options: ") + sqlite3_errmsg(db);
    return false;
  }
  bool rules_given = false;
  int rc;
  while ((rc = sqlite3_step(s.stmt)) == SQLITE_ROW) {
    const auto column = [&](int i) {
      const unsigned char* t = sqlite3_column_text(s.stmt, i);
      return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(s.stmt, i)))
               : std::string();
    };
    const std::string key = column(0), type = column(1);
    std::string value;
    if (type == "text") {
      value = column(2);
    } else if (type == "true" || type == "false") {
      value = type == "true" ? "on" : "off";
    } else {
      *error = "option \"" + key + "\" takes a string (or true/false), not JSON " + type;
      return false;
    }
    aidtext_status status;
    if (key == "rules" || key == "rules_file") {
      if (rules_given) {
        *error = "give one of \"rules\" and \"rules_file\", once";
        return false;
      }
      rules_given = true;
      if (key == "rules") {
        status = aidtext_options_set_rules(options, value.data(), value.size());
      } else if (files == FileAccess::kRefused) {
        *error = "\"rules_file\" is not accepted here (usable from views and triggers, which must not "
                 "read files): pass the rule pack's text as \"rules\"";
        return false;
      } else {
        status = aidtext_options_set_rules_file(options, value.c_str());
      }
    } else {
      status = aidtext_options_set(options, key.c_str(), value.c_str());
    }
    if (status != AIDTEXT_OK) {
      *error = library_error(status);
      return false;
    }
  }
  if (rc != SQLITE_DONE) {
    *error = std::string("the options are not JSON: ") + sqlite3_errmsg(db);
    return false;
  }
  return true;  // an empty object: the defaults
}

SharedEngine make_engine(sqlite3* db, std::string_view json, FileAccess files, std::string* error) {
  aidtext_options* options = nullptr;
  aidtext_status status = aidtext_options_new(&options);
  if (status != AIDTEXT_OK) {
    *error = library_error(status);
    return nullptr;
  }
  std::unique_ptr<aidtext_options, void (*)(aidtext_options*)> owned(options, aidtext_options_free);
  if (!apply_options(db, json, files, options, error)) return nullptr;
  aidtext_engine* engine = nullptr;
  status = aidtext_engine_new(options, &engine);
  if (status != AIDTEXT_OK) {
    *error = library_error(status);
    return nullptr;
  }
  return SharedEngine(engine, [](const aidtext_engine* e) { aidtext_engine_free(const_cast<aidtext_engine*>(e)); });
}

}  // namespace

SharedEngine engine_for_options(sqlite3* db, std::string_view options, FileAccess files, std::string* error) {
  // A rules_file may be refused for one caller and read for another: the
  // cache key carries the access, so a refused text is never served from an
  // entry made where it was allowed (and then checked again).
  std::string key(1, files == FileAccess::kAllowed ? 'F' : '-');
  key.append(options);
  {
    std::lock_guard<std::mutex> lock(cache_mutex);
    for (auto it = cache.begin(); it != cache.end(); ++it) {
      if (it->options == key) {
        cache.splice(cache.begin(), cache, it);
        return cache.front().engine;
      }
    }
  }
  // Made outside the lock: other statements go on meanwhile. Two threads
  // making the same engine at once both succeed; one copy is kept.
  SharedEngine engine = make_engine(db, options, files, error);
  if (!engine) return nullptr;
  std::lock_guard<std::mutex> lock(cache_mutex);
  cache.push_front({std::move(key), engine});
  if (cache.size() > kMaxCachedEngines) cache.pop_back();  // freed when its last user is done
  return engine;
}

void clear_engine_cache() {
  std::list<CachedEngine> old;
  {
    std::lock_guard<std::mutex> lock(cache_mutex);
    old.swap(cache);
  }
}

}  // namespace aidtext_sqlite
