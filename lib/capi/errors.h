// Error plumbing of the C ABI: the thread-local last error, and guarded(),
// which runs a function body so that no exception ever crosses the boundary.
#ifndef AIDTEXT_CAPI_ERRORS_H_
#define AIDTEXT_CAPI_ERRORS_H_

#include <cstring>
#include <exception>
#include <new>
#include <string>

#include "aidtext/aidtext.h"

namespace aidtext::capi {

// The bits of an enum a C caller passed, read without a typed load: C may
// pass any int where the header says an enum, and reading such a value as
// the enum type is undefined behaviour in C++ (UBSan flags it). Every entry
// point that takes an enum reads it through this and validates it first.
template <class Enum>
int enum_bits(const Enum& e) noexcept {
  static_assert(sizeof(Enum) == sizeof(int));
  int v;
  std::memcpy(&v, &e, sizeof v);
  return v;
}


// Records `detail` as this thread's last error ("<function>: <detail>") and
// returns `status`. Never throws: if the message cannot be stored, the last
// error falls back to the status name.
aidtext_status fail(aidtext_status status, const char* function, const std::string& detail) noexcept;
aidtext_status fail(aidtext_status status, const char* function, const char* detail) noexcept;

// This thread's last error text ("" when none).
const char* last_error() noexcept;

// Runs body() (returning aidtext_status) and turns every exception into a
// status: std::bad_alloc -> AIDTEXT_ERR_OUT_OF_MEMORY, anything else ->
// AIDTEXT_ERR_INTERNAL with its message.
template <class Body>
aidtext_status guarded(const char* function, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail(AIDTEXT_ERR_OUT_OF_MEMORY, function, "out of memory");
  } catch (const std::exception& e) {
    return fail(AIDTEXT_ERR_INTERNAL, function, e.what());
  } catch (...) {
    return fail(AIDTEXT_ERR_INTERNAL, function, "unknown exception");
  }
}

}  // namespace aidtext::capi

#endif  // AIDTEXT_CAPI_ERRORS_H_
