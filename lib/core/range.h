// A half-open byte range [begin, end) in some text.
#ifndef AIDTEXT_CORE_RANGE_H_
#define AIDTEXT_CORE_RANGE_H_

#include <cstdint>

namespace aidtext {

// Offsets are 32-bit: one document is at most kMaxDocumentBytes long (see limits.h).
struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end == begin; }
  friend bool operator==(const Range&, const Range&) = default;
};

}  // namespace aidtext

#endif  // AIDTEXT_CORE_RANGE_H_
