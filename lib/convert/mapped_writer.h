// MappedWriter: writes a stage's output text and its OffsetMap in one pass,
// for stages that leave most of their input unchanged (the cleaner, the
// converter). Unchanged input is not copied byte by byte: it stays
// "pending" and is copied with one memcpy when the next edit comes. Same-length
// edits keep the current linear piece going, so a fully traditional text
// still maps with a single linear piece; only length-changing edits and
// deletions end it. Nothing is allocated per character.
#ifndef AIDTEXT_CONVERT_MAPPED_WRITER_H_
#define AIDTEXT_CONVERT_MAPPED_WRITER_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/offset_map.h"

namespace aidtext {

class MappedWriter {
 public:
  // `input` must outlive the writer; positions below index into it and must
  // not go backwards.
  explicit MappedWriter(std::string_view input) : in_(input) {
    buf_.resize(input.size() + input.size() / 8 + 64);
  }

  // Input position up to which output has been decided.
  size_t input_position() const { return pending_; }
  // Output position of input position `pos` (>= input_position()), as if all
  // input between them were copied unchanged.
  size_t output_position(size_t pos) const { return out_ + (pos - pending_); }

  // Copies input [input_position(), pos) unchanged.
  void copy_until(size_t pos) {
    size_t n = pos - pending_;
    if (n == 0) return;
    reserve(n);
    std::memcpy(buf_.data() + out_, in_.data() + pending_, n);
    out_ += n;
    pending_ = pos;
  }

  // Writes `bytes` in place of input [pos, pos + len). With `linear` and
  // equal lengths, byte k of the output maps to byte k of the input (a
  // character for a character of the same UTF-8 length); otherwise the
  // output maps as one block to the whole input range. Empty `bytes`
  // deletes the input range.
  void replace(size_t pos, size_t len, std::string_view bytes, bool linear) {
    copy_until(pos);
    if (linear && bytes.size() == len) {
      write(bytes);
      pending_ = pos + len;
      return;
    }
    end_linear();
    map_.append(static_cast<uint32_t>(out_), static_cast<uint32_t>(bytes.size()),
                static_cast<uint32_t>(pos), static_cast<uint32_t>(len), /*block=*/true);
    write(bytes);
    pending_ = pos + len;
    lin_in_ = pending_;
    lin_out_ = out_;
  }

  // Copies the rest of the input; returns the text, leaves the map for take_map().
  std::string finish() {
    copy_until(in_.size());
    end_linear();
    map_.set_input_size(static_cast<uint32_t>(in_.size()));
    buf_.resize(out_);
    return std::move(buf_);
  }
  OffsetMap take_map() { return std::move(map_); }

 private:
  void reserve(size_t n) {
    if (out_ + n > buf_.size()) buf_.resize((out_ + n) * 2);
  }
  void write(std::string_view bytes) {
    reserve(bytes.size());
    std::memcpy(buf_.data() + out_, bytes.data(), bytes.size());
    out_ += bytes.size();
  }
  // Records the linear piece that ends at the current position.
  void end_linear() {
    if (out_ > lin_out_)
      map_.append(static_cast<uint32_t>(lin_out_), static_cast<uint32_t>(out_ - lin_out_),
                  static_cast<uint32_t>(lin_in_), static_cast<uint32_t>(out_ - lin_out_));
  }

  std::string_view in_;
  std::string buf_;        // output; only [0, out_) is text
  OffsetMap map_;
  size_t out_ = 0;         // bytes of output written
  size_t pending_ = 0;     // input before this is decided
  size_t lin_in_ = 0;      // start of the current linear piece, input side
  size_t lin_out_ = 0;     // start of the current linear piece, output side
};

}  // namespace aidtext

#endif  // AIDTEXT_CONVERT_MAPPED_WRITER_H_
