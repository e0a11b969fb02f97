/* See c_callers.h. */
#include "c_callers.h"

const char* c_status_message(int status) { return aidtext_status_message((aidtext_status)status); }

size_t c_result_count(const aidtext_result* result, int item) {
  return aidtext_result_count(result, (aidtext_item)item);
}

aidtext_status c_result_item_json(const aidtext_result* result, int item, size_t index,
                                  const char** data, size_t* size) {
  return aidtext_result_item_json(result, (aidtext_item)item, index, data, size);
}
