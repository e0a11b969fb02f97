// Provenance in bulk: the result's offset map handed out as pieces
// (aidtext_result_map_piece_count, aidtext_result_map_pieces), so that an
// embedder copies the whole map in one call instead of asking
// aidtext_result_source_range() once per range.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "aidtext/aidtext.h"
#include "capi/copy_call.h"
#include "capi/errors.h"
#include "capi/handles.h"

namespace {

using aidtext::capi::checked;
using aidtext::capi::checked_copy_call;
using aidtext::capi::fail;
using aidtext::capi::guarded;

// Writes `full` into the caller's element at `at` (stride `stride` bytes):
// only the bytes its struct_size holds, as for the record structs.
void write_piece(unsigned char* at, size_t stride, aidtext_map_piece full) {
  full.struct_size = stride;
  std::memcpy(at, &full, std::min(stride, sizeof full));
}

// The index of each piece's first unit among the pieces handed out, when the
// map has runs (see handles.h); empty when every piece is handed out as is.
const std::vector<uint32_t>& piece_starts(const aidtext_result* result) {
  std::call_once(result->piece_starts_once, [result] {
    if (result->text.map.has_runs()) result->piece_starts = result->text.map.unit_starts();
  });
  return result->piece_starts;
}

}  // namespace

extern "C" {

size_t aidtext_result_map_piece_count(const aidtext_result* result) {
  if (checked(result) == nullptr) return 0;
  if (!result->text.map.has_runs()) return result->text.map.pieces().size();
  return piece_starts(result).back();
}

aidtext_status aidtext_result_map_pieces(const aidtext_result* result, size_t first, aidtext_map_piece* out,
                                         size_t capacity, size_t* written) {
  static const char* const kFn = "aidtext_result_map_pieces";
  return guarded(kFn, [&] {
    aidtext_status status;
    if (checked_copy_call(kFn, result, out, capacity, written, &status) == nullptr) return status;
    // The caller's struct size is the array's stride (see aidtext.h).
    const size_t stride = capacity > 0 ? out[0].struct_size : 0;
    if (capacity > 0 && stride < sizeof(size_t))
      return fail(AIDTEXT_ERR_INVALID_ARGUMENT, kFn, "out[0].struct_size is not set (use AIDTEXT_MAP_PIECE_INIT)");
    const auto& pieces = result->text.map.pieces();
    const std::vector<uint32_t>& starts = piece_starts(result);
    const size_t count = starts.empty() ? pieces.size() : starts.back();
    if (first > count)
      return fail(AIDTEXT_ERR_OUT_OF_RANGE, kFn,
                  "first piece " + std::to_string(first) + " is past the " + std::to_string(count) + " pieces");
    const size_t n = std::min(capacity, count - first);
    auto* bytes = reinterpret_cast<unsigned char*>(out);
    auto write = [&](size_t k, const aidtext::MapPiece& p) {
      aidtext_map_piece full{};
      full.out_start = p.out_begin;
      full.out_end = static_cast<size_t>(p.out_begin) + p.out_len;
      full.in_start = p.in_begin;
      full.in_end = static_cast<size_t>(p.in_begin) + p.in_len;
      full.linear = p.linear() ? 1 : 0;
      write_piece(bytes + k * stride, stride, full);
    };
    if (starts.empty()) {
      for (size_t k = 0; k < n; ++k) write(k, pieces[first + k]);
    } else if (n > 0) {
      // Each run as its units: from the piece holding unit `first` on.
      size_t i = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), first) - starts.begin()) - 1;
      auto u = static_cast<uint32_t>(first - starts[i]);
      for (size_t k = 0; k < n; ++i, u = 0) {
        const aidtext::MapPiece& p = pieces[i];
        for (const uint32_t units = p.units(); u < units && k < n; ++u, ++k) write(k, p.unit(u));
      }
    }
    *written = n;
    return AIDTEXT_OK;
  });
}

}  // extern "C"
