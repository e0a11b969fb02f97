// The checks that open every call copying a result's items into a buffer the
// caller owns (aidtext_result_map_pieces, aidtext_result_repair_guessed),
// in the order their contracts in aidtext.h state them.
#ifndef AIDTEXT_CAPI_COPY_CALL_H_
#define AIDTEXT_CAPI_COPY_CALL_H_

#include <cstddef>
#include <string>

#include "aidtext/aidtext.h"
#include "capi/errors.h"
#include "capi/handles.h"

namespace aidtext::capi {

// Zeroes *written (when not NULL), then checks the handle, `written`, and
// that `out` is not NULL when `capacity` is not 0. Returns the live result,
// or nullptr with *status the failure (recorded as the thread's last error
// under `function`).
inline const aidtext_result* checked_copy_call(const char* function, const aidtext_result* result, const void* out,
                                               size_t capacity, size_t* written, aidtext_status* status) {
  if (written != nullptr) *written = 0;
  if (checked(result) == nullptr) {
    *status = fail(AIDTEXT_ERR_INVALID_HANDLE, function, "not an aidtext_result handle");
  } else if (written == nullptr) {
    *status = fail(AIDTEXT_ERR_INVALID_ARGUMENT, function, "written is NULL");
  } else if (out == nullptr && capacity > 0) {
    *status = fail(AIDTEXT_ERR_INVALID_ARGUMENT, function, "out is NULL but capacity is " + std::to_string(capacity));
  } else {
    return result;
  }
  return nullptr;
}

}  // namespace aidtext::capi

#endif  // AIDTEXT_CAPI_COPY_CALL_H_
