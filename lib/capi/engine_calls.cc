// aidtext_engine and the three calls that make a result.
#include <string>
#include <string_view>

#include "aidtext/aidtext.h"
#include "capi/errors.h"
#include "capi/handles.h"
#include "core/limits.h"

namespace {

using aidtext::capi::checked;
using aidtext::capi::fail;
using aidtext::capi::guarded;

static_assert(AIDTEXT_MAX_INPUT_BYTES == aidtext::kMaxDocumentBytes,
              "the C ABI's input limit is the library's document limit");

enum class Call { kNormalize, kQuantities, kExtract };

bool two_digits(std::string_view s, size_t at, int lo, int hi) {
  if (s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
  int v = (s[at] - '0') * 10 + (s[at + 1] - '0');
  return v >= lo && v <= hi;
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" (month 01-12, day 01-31).
bool valid_doc_date(std::string_view d) {
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  for (size_t i = 0; i < 4; ++i)
    if (d[i] < '0' || d[i] > '9') return false;
  if (d.size() >= 7 && (d[4] != '-' || !two_digits(d, 5, 1, 12))) return false;
  if (d.size() == 10 && (d[7] != '-' || !two_digits(d, 8, 1, 31))) return false;
  return true;
}

aidtext_status run(const char* fn, Call call, const aidtext_engine* engine, const char* data, size_t size,
                   const char* doc_date, aidtext_result** out) {
  return guarded(fn, [&] {
    if (out == nullptr) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, fn, "out is NULL");
    *out = nullptr;
    if (checked(engine) == nullptr) return fail(AIDTEXT_ERR_INVALID_HANDLE, fn, "not an aidtext_engine handle");
    if (data == nullptr && size != 0) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, fn, "data is NULL but size is not 0");
    if (size > AIDTEXT_MAX_INPUT_BYTES)
      return fail(AIDTEXT_ERR_INPUT_TOO_LARGE, fn,
                  "input of " + std::to_string(size) + " bytes is over AIDTEXT_MAX_INPUT_BYTES (1 GiB)");
    std::string_view date = doc_date ? std::string_view(doc_date) : std::string_view();
    if (!date.empty() && !valid_doc_date(date))
      return fail(AIDTEXT_ERR_INVALID_ARGUMENT, fn,
                  "doc_date \"" + std::string(date) + "\" is not YYYY, YYYY-MM or YYYY-MM-DD");

    const aidtext::Engine& eng = *engine->engine;
    auto result = std::make_unique<aidtext_result>();
    result->text = eng.normalize(std::string_view(data == nullptr ? "" : data, size));
    if (call != Call::kNormalize) {
      result->quantities = eng.quantities(result->text);
      result->has_quantities = true;
    }
    if (call == Call::kExtract) {
      result->metrics = eng.extract(result->text, result->quantities, date);
      result->has_metrics = true;
    }
    *out = result.release();
    return AIDTEXT_OK;
  });
}

}  // namespace

extern "C" {

aidtext_status aidtext_engine_new(const aidtext_options* options, aidtext_engine** out) {
  static const char* const kFn = "aidtext_engine_new";
  return guarded(kFn, [&] {
    if (out == nullptr) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, kFn, "out is NULL");
    *out = nullptr;
    aidtext::EngineOptions defaults;
    if (options != nullptr && checked(options) == nullptr)
      return fail(AIDTEXT_ERR_INVALID_HANDLE, kFn, "not an aidtext_options handle");
    const aidtext::EngineOptions& o = options ? options->value : defaults;
    std::string error;
    auto engine = aidtext::Engine::create(o, &error);
    if (!engine) return fail(AIDTEXT_ERR_RULES, kFn, error.empty() ? "the rule pack could not be loaded" : error);
    auto handle = std::make_unique<aidtext_engine>();
    handle->engine = std::move(engine);
    *out = handle.release();
    return AIDTEXT_OK;
  });
}

void aidtext_engine_free(aidtext_engine* engine) {
  if (checked(engine) == nullptr) return;
  aidtext::capi::retire(engine);
  delete engine;
}

aidtext_status aidtext_normalize(const aidtext_engine* engine, const char* data, size_t size, aidtext_result** out) {
  return run("aidtext_normalize", Call::kNormalize, engine, data, size, nullptr, out);
}

aidtext_status aidtext_quantities(const aidtext_engine* engine, const char* data, size_t size, aidtext_result** out) {
  return run("aidtext_quantities", Call::kQuantities, engine, data, size, nullptr, out);
}

aidtext_status aidtext_extract(const aidtext_engine* engine, const char* data, size_t size, const char* doc_date,
                               aidtext_result** out) {
  return run("aidtext_extract", Call::kExtract, engine, data, size, doc_date, out);
}

void aidtext_result_free(aidtext_result* result) {
  if (checked(result) == nullptr) return;
  aidtext::capi::retire(result);
  delete result;
}

}  // extern "C"
