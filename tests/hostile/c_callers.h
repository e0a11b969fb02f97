/* C ABI calls with plain ints where the header has enums. A C caller may
 * pass any int (an enum is just an int in C), and the contract says unknown
 * values are handled ("unknown status", count 0); C++ cannot make such enum
 * values without undefined behaviour, so the tests call through these,
 * compiled as C. */
#ifndef AIDTEXT_TESTS_HOSTILE_C_CALLERS_H_
#define AIDTEXT_TESTS_HOSTILE_C_CALLERS_H_

#include <stddef.h>

#include "aidtext/aidtext.h"

#ifdef __cplusplus
extern "C" {
#endif

const char* c_status_message(int status);
size_t c_result_count(const aidtext_result* result, int item);
aidtext_status c_result_item_json(const aidtext_result* result, int item, size_t index,
                                  const char** data, size_t* size);

#ifdef __cplusplus
}
#endif

#endif /* AIDTEXT_TESTS_HOSTILE_C_CALLERS_H_ */
