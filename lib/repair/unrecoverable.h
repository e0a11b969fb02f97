// Damage that cannot be undone: text whose bytes are gone. GBK read as UTF-8
// leaves U+FFFD for nearly every character; those U+FFFD saved as UTF-8 and
// read as GBK again become "锟斤拷" (EF BF BD EF BF BD); unmapped codes leave
// private-use characters. Such stretches are reported with repaired = false
// and kind "unrecoverable", and left as they are: nothing is invented.
#ifndef AIDTEXT_REPAIR_UNRECOVERABLE_H_
#define AIDTEXT_REPAIR_UNRECOVERABLE_H_

#include <string_view>
#include <vector>

#include "core/normalized_text.h"

namespace aidtext::repair {

// Markers (U+FFFD, private use, 锟) at most this many characters apart belong
// to one damaged stretch.
inline constexpr uint32_t kMarkerGap = 8;
// A stretch needs this many markers: one U+FFFD is a lone bad byte (the
// decoder counts those), one 锟斤拷 may be the word itself.
inline constexpr uint32_t kMinMarkers = 2;

// Flags in `text` (ranges: output = input = byte offsets in `text`).
std::vector<Repair> find_unrecoverable(std::string_view text);

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_UNRECOVERABLE_H_
