// STUB: the C ABI; replaced by the real implementation.
#include "aidtext/aidtext.h"
extern "C" {
const char* aidtext_version(void) { return AIDTEXT_VERSION_STRING; }
unsigned aidtext_version_number(void) { return AIDTEXT_VERSION_NUMBER; }
}
