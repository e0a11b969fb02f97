// The opaque handles of the C ABI. Each starts with a magic tag that every
// entry point checks, so a NULL, wrong-type or (best effort) freed handle is
// reported as AIDTEXT_ERR_INVALID_HANDLE instead of being used; free()
// overwrites the tag before releasing the memory.
#ifndef AIDTEXT_CAPI_HANDLES_H_
#define AIDTEXT_CAPI_HANDLES_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "aidtext/aidtext.h"
#include "core/normalized_text.h"
#include "engine/engine.h"
#include "metrics/metric_record.h"
#include "numerals/quantity.h"

namespace aidtext::capi {

// Tags: eight ASCII letters each, distinct, and never a plausible pointer or
// small integer. kFreedMagic marks released memory.
inline constexpr uint64_t kOptionsMagic = 0x3154504F54444941ULL;  // "AIDTOPT1"
inline constexpr uint64_t kEngineMagic = 0x31474E4554444941ULL;   // "AIDTENG1"
inline constexpr uint64_t kResultMagic = 0x3153455254444941ULL;   // "AIDTRES1"
inline constexpr uint64_t kFreedMagic = 0x4545524644444544ULL;    // "DEDDFREE"

// The handle's tag when it is a live handle of type T, else nullptr.
template <class T>
T* checked(T* handle) noexcept {
  if (handle == nullptr || handle->magic != T::kMagic) return nullptr;
  return handle;
}

// Overwrites the tag before the memory is released. The store is volatile
// so that the compiler cannot drop it as a dead store before `delete`.
template <class T>
void retire(T* handle) noexcept {
  *reinterpret_cast<volatile uint64_t*>(&handle->magic) = kFreedMagic;
}

// Strings of a quantity handed out by aidtext_result_quantity(), built on
// first request (the surface needs its own NUL-terminated copy).
struct QuantityStrings {
  std::string text, value, value_high;
};

}  // namespace aidtext::capi

struct aidtext_options {
  static constexpr uint64_t kMagic = aidtext::capi::kOptionsMagic;
  uint64_t magic = kMagic;
  aidtext::EngineOptions value;
};

struct aidtext_engine {
  static constexpr uint64_t kMagic = aidtext::capi::kEngineMagic;
  uint64_t magic = kMagic;
  std::unique_ptr<aidtext::Engine> engine;
};

struct aidtext_result {
  static constexpr uint64_t kMagic = aidtext::capi::kResultMagic;
  uint64_t magic = kMagic;
  aidtext::NormalizedText text;
  bool has_quantities = false;  // aidtext_quantities() or aidtext_extract()
  bool has_metrics = false;     // aidtext_extract()
  std::vector<aidtext::Quantity> quantities;
  std::vector<aidtext::MetricRecord> metrics;

  // Borrowed strings, built on first request and kept until the result is
  // freed (so asking twice costs nothing and returns the same pointer).
  // Guarded by `mu`: several threads may read one result at once.
  mutable std::mutex mu;
  mutable std::unique_ptr<std::string> json;
  mutable std::vector<std::unique_ptr<std::string>> item_json[5];  // by aidtext_item
  mutable std::vector<std::unique_ptr<std::string>> item_csv[5];
  mutable std::vector<std::unique_ptr<aidtext::capi::QuantityStrings>> quantity_strings;
  mutable std::vector<std::unique_ptr<std::string>> metric_value_text;

  // For aidtext_result_map_pieces() when text.map has runs (a run is handed
  // out as its units): piece_starts[i] is the index of piece i's first unit
  // among the pieces handed out, piece_starts[pieces] their count. Built
  // once, on first request.
  mutable std::once_flag piece_starts_once;
  mutable std::vector<uint32_t> piece_starts;  // units < 2^32: at most one an output byte
};

#endif  // AIDTEXT_CAPI_HANDLES_H_
