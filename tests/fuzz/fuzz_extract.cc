// Fuzz target: the whole pipeline through the internal Engine, as the C ABI
// runs it: normalize -> quantities -> metrics, with a fuzzed document date.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/limits.h"
#include "engine/engine.h"
#include "fuzz_checks.h"
#include "fuzz_input.h"

namespace {

const aidtext::Engine& engine() {
  static const aidtext::Engine* e = [] {
    std::string error;
    auto made = aidtext::Engine::create(aidtext::EngineOptions{}, &error);
    if (!made) {
      std::fprintf(stderr, "cannot create the default engine: %s\n", error.c_str());
      std::abort();
    }
    return made.release();
  }();
  return *e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  aidtext::fuzz::FuzzInput in(data, size);
  // A document date of up to 12 bytes: "2019", "2019-05-31", or garbage.
  std::string doc_date(in.short_string(12));
  std::string_view text = in.rest();
  if (text.size() > aidtext::kMaxDocumentBytes) return 0;
  const aidtext::Engine& e = engine();
  aidtext::NormalizedText t = e.normalize(text);
  aidtext::fuzz::check_normalized(t, text.size());
  std::vector<aidtext::Quantity> qs = e.quantities(t);
  aidtext::fuzz::check_quantities(t.text, qs);
  std::vector<aidtext::MetricRecord> ms = e.extract(t, qs, doc_date);
  aidtext::fuzz::check_metrics(t, text.size(), ms);
  // One quantity gives at most one record (spec: metrics.md).
  AIDTEXT_FUZZ_CHECK(ms.size() <= qs.size());
  return 0;
}
