// The map of a decoder that writes one block per character (its input
// bytes to its UTF-8 bytes): consecutive blocks of one shape are collected
// and appended as one run, which is what OffsetMap::append makes of them
// one by one (offset_map.h), for a fraction of the calls.
#ifndef AIDTEXT_ENCODING_BLOCK_RUNS_H_
#define AIDTEXT_ENCODING_BLOCK_RUNS_H_

#include <cstdint>

#include "core/offset_map.h"

namespace aidtext {

class BlockRuns {
 public:
  explicit BlockRuns(OffsetMap& map) : map_(map) {}
  // The block of one character; blocks come in output order.
  void add(uint32_t out_begin, uint32_t out_len, uint32_t in_begin, uint32_t in_len) {
    if (units_ && (out_len != out_ || in_len != in_)) flush();
    if (units_ == 0) {
      out_ = out_len;
      in_ = in_len;
      out_begin_ = out_begin;
      in_begin_ = in_begin;
    }
    ++units_;
  }
  // Appends what is collected; call before anything else goes to the map.
  void flush() {
    if (units_)
      map_.append_piece({out_begin_, out_ * units_, in_begin_, in_ * units_, false,
                         static_cast<uint8_t>(units_ > 1 ? out_ : 0), static_cast<uint8_t>(units_ > 1 ? in_ : 0)});
    units_ = 0;
  }

 private:
  OffsetMap& map_;
  uint32_t out_ = 0, in_ = 0, units_ = 0, out_begin_ = 0, in_begin_ = 0;
};

}  // namespace aidtext

#endif  // AIDTEXT_ENCODING_BLOCK_RUNS_H_
