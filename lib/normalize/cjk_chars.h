// Characters of Chinese typography, as the passes that tidy it
// (cjk_spacing.h, cjk_punctuation.h) tell them.
#ifndef AIDTEXT_NORMALIZE_CJK_CHARS_H_
#define AIDTEXT_NORMALIZE_CJK_CHARS_H_

#include "core/utf8.h"

namespace aidtext {

// Full-width and CJK punctuation that carries its own spacing: 、。〃
// 〈〉《》「」『』【】〔〕〖〗, the full-width ！（），：；？ and the quotes
// and marks Chinese text writes with general punctuation (“” ‘’ … —).
inline bool is_cjk_punctuation(char32_t c) {
  if ((c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x3017)) return true;
  switch (c) {
    case 0xFF01: case 0xFF08: case 0xFF09: case 0xFF0C: case 0xFF1A: case 0xFF1B: case 0xFF1F:
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2026: case 0x2014:
      return true;
    default:
      return false;
  }
}

// A Chinese character or Chinese punctuation.
inline bool is_cjk(char32_t c) { return utf8::is_han(c) || is_cjk_punctuation(c); }

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_CJK_CHARS_H_
