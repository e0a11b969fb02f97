// Decoding GB18030, GBK or Big5 without ICU where its pair table
// (pair_table.h) decides every byte: ASCII, pairs and single high bytes.
// The result is ICU's own, map pieces included (icu_decode.h), at a
// fraction of the cost: ICU's per-call set-up, its UTF-16 buffers and the
// per-character offsets are what a short article paid most for.
#ifndef AIDTEXT_ENCODING_PAIR_DECODE_H_
#define AIDTEXT_ENCODING_PAIR_DECODE_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "encoding/icu_decode.h"
#include "encoding/pair_table.h"

namespace aidtext {

// `bytes` decoded by `table`, every input offset shifted by `base`; nullopt
// when some byte is not the table's to decide (a four-byte GB18030
// sequence, a high byte at the end): the caller asks ICU.
std::optional<IcuDecoded> decode_pairs(std::string_view bytes, const PairTable& table, uint32_t base = 0);

}  // namespace aidtext

#endif  // AIDTEXT_ENCODING_PAIR_DECODE_H_
