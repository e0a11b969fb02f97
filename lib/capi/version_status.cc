// Versions, status names and the last error: the calls that cannot fail.
#include "aidtext/aidtext.h"
#include "capi/errors.h"

extern "C" {

const char* aidtext_version(void) { return AIDTEXT_VERSION_STRING; }

unsigned aidtext_version_number(void) { return AIDTEXT_VERSION_NUMBER; }

const char* aidtext_status_message(aidtext_status status) {
  switch (aidtext::capi::enum_bits(status)) {
    case AIDTEXT_OK: return "ok";
    case AIDTEXT_ERR_INVALID_ARGUMENT: return "invalid argument";
    case AIDTEXT_ERR_INVALID_HANDLE: return "invalid handle";
    case AIDTEXT_ERR_UNKNOWN_OPTION: return "unknown option";
    case AIDTEXT_ERR_OUT_OF_MEMORY: return "out of memory";
    case AIDTEXT_ERR_INPUT_TOO_LARGE: return "input too large";
    case AIDTEXT_ERR_RULES: return "bad rule pack";
    case AIDTEXT_ERR_IO: return "input/output error";
    case AIDTEXT_ERR_OUT_OF_RANGE: return "out of range";
    case AIDTEXT_ERR_NOT_AVAILABLE: return "not available";
    case AIDTEXT_ERR_INTERNAL: return "internal error";
  }
  return "unknown status";
}

const char* aidtext_last_error(void) { return aidtext::capi::last_error(); }

}  // extern "C"
