#include "shared_engine.h"

#include "engine_options.h"

#include <mutex>

namespace aidtext_sqlite {
namespace {

std::mutex engine_mutex;
aidtext_engine* engine = nullptr;  // guarded by engine_mutex
long references = 0;               // guarded by engine_mutex

}  // namespace

const aidtext_engine* acquire_engine(std::string* error) {
  std::lock_guard<std::mutex> lock(engine_mutex);
  if (engine == nullptr) {
    aidtext_status status = aidtext_engine_new(nullptr, &engine);
    if (status != AIDTEXT_OK) {
      engine = nullptr;
      const char* detail = aidtext_last_error();
      *error = std::string("aidtext: cannot create the engine: ") +
               (detail != nullptr && *detail != '\0' ? detail : aidtext_status_message(status));
      return nullptr;
    }
  }
  ++references;
  return engine;
}

void release_engine(void*) {
  aidtext_engine* to_free = nullptr;
  {
    std::lock_guard<std::mutex> lock(engine_mutex);
    if (references > 0 && --references == 0) {
      to_free = engine;
      engine = nullptr;
    }
  }
  aidtext_engine_free(to_free);  // no call can be running: no registration is left
  if (to_free != nullptr) clear_engine_cache();
}

}  // namespace aidtext_sqlite
