// Hard limits of the library, each with the reason it exists.
#ifndef AIDTEXT_CORE_LIMITS_H_
#define AIDTEXT_CORE_LIMITS_H_

#include <cstddef>

namespace aidtext {

// One document (one call) is at most 1 GiB of input. Offsets are stored in 32
// bits to keep the offset map small (16 bytes a piece), and normalizing may
// grow text (GBK -> UTF-8 is x1.5), so the limit leaves head room below 4 GiB.
// Larger input is refused with AIDTEXT_ERR_INPUT_TOO_LARGE, never truncated.
inline constexpr size_t kMaxDocumentBytes = size_t{1} << 30;

}  // namespace aidtext

#endif  // AIDTEXT_CORE_LIMITS_H_
