#include "capi/errors.h"

namespace aidtext::capi {

namespace {

thread_local std::string t_message;
// Points at t_message, or at a static status name when storing failed.
thread_local const char* t_last = "";

}  // namespace

aidtext_status fail(aidtext_status status, const char* function, const char* detail) noexcept {
  try {
    t_message.assign(function);
    t_message.append(": ");
    t_message.append(detail ? detail : aidtext_status_message(status));
    t_last = t_message.c_str();
  } catch (...) {
    t_last = aidtext_status_message(status);
  }
  return status;
}

aidtext_status fail(aidtext_status status, const char* function, const std::string& detail) noexcept {
  return fail(status, function, detail.c_str());
}

const char* last_error() noexcept { return t_last; }

}  // namespace aidtext::capi
