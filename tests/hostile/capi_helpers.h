// Small RAII wrappers over the C ABI for the hostile-input tests, so every
// test frees what it creates even when an assertion fails, and reads a
// result's parts with one call.
#ifndef AIDTEXT_TESTS_HOSTILE_CAPI_HELPERS_H_
#define AIDTEXT_TESTS_HOSTILE_CAPI_HELPERS_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aidtext/aidtext.h"

namespace aidtext::hostile {

struct OptionsDeleter {
  void operator()(aidtext_options* o) const { aidtext_options_free(o); }
};
struct EngineDeleter {
  void operator()(aidtext_engine* e) const { aidtext_engine_free(e); }
};
struct ResultDeleter {
  void operator()(aidtext_result* r) const { aidtext_result_free(r); }
};
using OptionsPtr = std::unique_ptr<aidtext_options, OptionsDeleter>;
using EnginePtr = std::unique_ptr<aidtext_engine, EngineDeleter>;
using ResultPtr = std::unique_ptr<aidtext_result, ResultDeleter>;

// An engine with the given key/value options (nullptr when creation fails).
inline EnginePtr make_engine(const std::vector<std::pair<std::string, std::string>>& settings = {},
                             std::string_view rules = {}, aidtext_status* status = nullptr) {
  aidtext_options* raw_options = nullptr;
  if (aidtext_options_new(&raw_options) != AIDTEXT_OK) return nullptr;
  OptionsPtr options(raw_options);
  for (const auto& [key, value] : settings)
    if (aidtext_options_set(options.get(), key.c_str(), value.c_str()) != AIDTEXT_OK) return nullptr;
  if (!rules.empty() &&
      aidtext_options_set_rules(options.get(), rules.data(), rules.size()) != AIDTEXT_OK)
    return nullptr;
  aidtext_engine* raw_engine = nullptr;
  aidtext_status s = aidtext_engine_new(options.get(), &raw_engine);
  if (status) *status = s;
  return EnginePtr(s == AIDTEXT_OK ? raw_engine : nullptr);
}

enum class Call { kNormalize, kQuantities, kExtract };

// Runs one call; *status gets its status, the result is null on failure.
inline ResultPtr run(const aidtext_engine* engine, Call call, std::string_view input,
                     aidtext_status* status, const char* doc_date = nullptr) {
  aidtext_result* out = nullptr;
  aidtext_status s = AIDTEXT_ERR_INTERNAL;
  switch (call) {
    case Call::kNormalize: s = aidtext_normalize(engine, input.data(), input.size(), &out); break;
    case Call::kQuantities: s = aidtext_quantities(engine, input.data(), input.size(), &out); break;
    case Call::kExtract:
      s = aidtext_extract(engine, input.data(), input.size(), doc_date, &out);
      break;
  }
  *status = s;
  return ResultPtr(s == AIDTEXT_OK ? out : nullptr);
}

inline std::string_view text_of(const aidtext_result* r) {
  const char* data = nullptr;
  size_t size = 0;
  if (aidtext_result_text(r, &data, &size) != AIDTEXT_OK || !data) return {};
  return {data, size};
}

inline std::string json_of(const aidtext_result* r) {
  const char* data = nullptr;
  size_t size = 0;
  if (aidtext_result_json(r, &data, &size) != AIDTEXT_OK || !data) return {};
  return std::string(data, size);
}

// Every quantity of a result, read through the structured accessor.
inline std::vector<aidtext_quantity> quantities_of(const aidtext_result* r) {
  std::vector<aidtext_quantity> out;
  size_t n = aidtext_result_count(r, AIDTEXT_ITEM_QUANTITY);
  for (size_t i = 0; i < n; ++i) {
    aidtext_quantity q = AIDTEXT_QUANTITY_INIT;
    if (aidtext_result_quantity(r, i, &q) == AIDTEXT_OK) out.push_back(q);
  }
  return out;
}

inline std::vector<aidtext_metric> metrics_of(const aidtext_result* r) {
  std::vector<aidtext_metric> out;
  size_t n = aidtext_result_count(r, AIDTEXT_ITEM_METRIC);
  for (size_t i = 0; i < n; ++i) {
    aidtext_metric m = AIDTEXT_METRIC_INIT;
    if (aidtext_result_metric(r, i, &m) == AIDTEXT_OK) out.push_back(m);
  }
  return out;
}

}  // namespace aidtext::hostile

#endif  // AIDTEXT_TESTS_HOSTILE_CAPI_HELPERS_H_
