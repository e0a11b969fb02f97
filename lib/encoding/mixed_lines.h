// Text whose lines come in two encodings: UTF-8 lines and lines of one
// legacy encoding (GB18030/GBK or Big5). Files concatenated from two
// sources, a page whose template is UTF-8 and whose article a GBK system
// wrote, a feed that stored some items in each: read in one encoding, the
// other's lines became U+FFFD throughout (UTF-8 chosen: a GBK line's bytes
// are lost) or mojibake that the repairer can undo only in part (GB18030
// chosen: a UTF-8 line read as GBK loses bytes where a pair straddles
// characters).
//
// A line break (0x0A) is never part of a multi-byte character in UTF-8,
// GBK, GB18030 or Big5, so each line can be decoded on its own. Each line
// that is not plain ASCII is decoded both ways and the more plausible
// reading kept (the detection's score, detector.h): a valid UTF-8 line
// that is really GBK (贫 = C6 B6 reads as ƶ) reads as Latin letters, a GBK
// line read as UTF-8 as U+FFFD, a UTF-8 line read as GBK as rare Han.
#ifndef AIDTEXT_ENCODING_MIXED_LINES_H_
#define AIDTEXT_ENCODING_MIXED_LINES_H_

#include <optional>
#include <string_view>

#include "encoding/decoder.h"
#include "encoding/detector.h"

namespace aidtext {

// Decodes `input` line by line when it holds both a valid UTF-8 line with
// a character of three bytes or more and a line that is not valid UTF-8,
// and `detection` (of the whole input) does not take it for UTF-16. The
// legacy encoding is the detection's best of GB18030 and Big5. Returns
// nullopt otherwise (the caller decodes the whole input in one encoding).
//
// Decoded::encoding names both encodings when lines of both were kept,
// the one with more non-ASCII bytes first ("UTF-8+GB18030"), else the one
// kept; confidence is the plausibility of the whole result (0..1).
std::optional<Decoded> decode_mixed_lines(std::string_view input, const Detection& detection);

}  // namespace aidtext

#endif  // AIDTEXT_ENCODING_MIXED_LINES_H_
