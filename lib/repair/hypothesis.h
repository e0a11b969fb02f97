// A hypothesis about how a span was damaged: which codec turned the original
// bytes into the characters we see (the "source view", applied in reverse to
// get the bytes back) and which codec the bytes really were in (the target,
// applied to decode them again), plus what the damage did to bytes it could
// not decode. The lattice decoder (lattice.h) tests one hypothesis at a time.
#ifndef AIDTEXT_REPAIR_HYPOTHESIS_H_
#define AIDTEXT_REPAIR_HYPOTHESIS_H_

#include <cstdint>

namespace aidtext::repair {

// How the damaged text turned bytes into characters.
enum class SourceView : uint8_t {
  kSingleByte,  // Latin-1 or (sloppy) cp1252: one byte per character
  kGbk,
  kGb18030,     // like GBK, with GBK's holes as private-use characters
  kBig5,
};

// What the bytes really were.
enum class TargetCodec : uint8_t { kUtf8, kGbk, kBig5 };

struct Hypothesis {
  const char* kind;  // reported in Repair.kind
  SourceView source;
  TargetCodec target;
  // U+FFFD stands for one byte the source decoder rejected (Python's and
  // ICU's multi-byte decoders replace a bad lead byte and re-read the next).
  bool replacement_holes = false;
  // '?' stands for one or two unknown bytes: a misaligned GBK stream decoded
  // pair by pair, unmapped pairs printed as '?'.
  bool qmark_holes = false;
  // An ASCII character may have been a full-width one (GBK A3xx) that a later
  // normalisation folded to ASCII.
  bool fullwidth_ascii = false;
  // Bytes may have been lost between characters (dropped by "ignore"
  // decoding or by a shifted stream); the decoder may put one back per
  // character, at a cost.
  bool insertions = false;
};

}  // namespace aidtext::repair

#endif  // AIDTEXT_REPAIR_HYPOTHESIS_H_
