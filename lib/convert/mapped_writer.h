// MappedWriter: writes a stage's output text and its OffsetMap in one pass,
// for stages that leave most of their input unchanged (the cleaner, the
// converter).
//
// The output starts as the input: a copy of a borrowed input (one memcpy),
// or an owned input itself (no copy: the pipeline hands its text from stage
// to stage). While every edit so far kept its length, the output is
// "aligned" with the input: unchanged text costs nothing, and a same-length
// edit (a traditional character for a simplified one) overwrites its bytes
// in place. The first length-changing edit moves the output to a buffer of
// its own; from then on unchanged runs are copied with one memcpy each when
// the next edit comes. An owned input edited in place stays the input:
// callers read it at or after the current position freely, and before it
// only bytes that no same-length edit changed.
//
// Same-length edits keep the current linear map piece going, so a fully
// traditional text still maps with one piece; only length-changing edits and
// deletions add pieces. Nothing is allocated per character.
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
  // Borrows `input` (it must outlive the writer).
  explicit MappedWriter(std::string_view input) : in_(input), out_buf_(input) {}
  // Takes `input` and edits it in place until the first length change.
  explicit MappedWriter(std::string&& input) : owned_(std::move(input)), in_place_(true) {
    in_ = owned_;
  }

  // The input; stays valid (same address) until finish().
  std::string_view input() const { return in_; }

  // Copies input [current position, pos) unchanged; positions never go back.
  void copy_until(size_t pos) {
    if (aligned_) {
      out_ = pending_ = pos;
      return;
    }
    size_t n = pos - pending_;
    if (n == 0) return;
    reserve(n);
    std::memcpy(out_buf_.data() + out_, in_.data() + pending_, n);
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
      put(bytes.data(), len);
      pending_ = pos + len;
      return;
    }
    unalign();
    end_linear();
    map_.append(static_cast<uint32_t>(out_), static_cast<uint32_t>(bytes.size()),
                static_cast<uint32_t>(pos), static_cast<uint32_t>(len), /*block=*/true);
    put(bytes.data(), bytes.size());
    pending_ = pos + len;
    lin_in_ = pending_;
    lin_out_ = out_;
  }

  // replace() of one character of `len` bytes by code point `cp`; maps
  // linearly when the UTF-8 lengths agree.
  void replace_char(size_t pos, size_t len, char32_t cp) {
    char b[4];
    size_t n;
    if (cp < 0x80) {
      b[0] = static_cast<char>(cp);
      n = 1;
    } else if (cp < 0x800) {
      b[0] = static_cast<char>(0xC0 | (cp >> 6));
      b[1] = static_cast<char>(0x80 | (cp & 0x3F));
      n = 2;
    } else if (cp < 0x10000) {
      b[0] = static_cast<char>(0xE0 | (cp >> 12));
      b[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      b[2] = static_cast<char>(0x80 | (cp & 0x3F));
      n = 3;
    } else {
      b[0] = static_cast<char>(0xF0 | (cp >> 18));
      b[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      b[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      b[3] = static_cast<char>(0x80 | (cp & 0x3F));
      n = 4;
    }
    replace(pos, len, std::string_view(b, n), /*linear=*/true);
  }

  // Copies the rest of the input; returns the text, leaves the map for take_map().
  std::string finish() {
    copy_until(in_.size());
    end_linear();
    map_.set_input_size(static_cast<uint32_t>(in_.size()));
    std::string& out = in_place_ ? owned_ : out_buf_;
    out.resize(out_);
    return std::move(out);
  }
  OffsetMap take_map() { return std::move(map_); }

 private:
  char* out_data() { return in_place_ ? owned_.data() : out_buf_.data(); }
  void put(const char* bytes, size_t n) {
    reserve(n);
    char* o = out_data() + out_;
    for (size_t k = 0; k < n; ++k) o[k] = bytes[k];  // a few bytes: no memcpy call
    out_ += n;
  }
  // The first length-changing edit: the output gets its own buffer holding
  // the output so far; an owned input stays where it is, as the input.
  void unalign() {
    if (!aligned_) return;
    aligned_ = false;
    if (!in_place_) return;
    in_place_ = false;
    out_buf_.reserve(owned_.size() + owned_.size() / 8 + 16);
    out_buf_.assign(owned_.data(), out_);
    out_buf_.resize(owned_.size() + owned_.size() / 8 + 16);
  }
  void reserve(size_t n) {
    if (in_place_) return;  // aligned: output never outgrows the input
    if (out_ + n > out_buf_.size()) out_buf_.resize(out_ + n + out_buf_.size() / 2);
  }
  // Records the linear piece that ends at the current position.
  void end_linear() {
    if (out_ > lin_out_)
      map_.append(static_cast<uint32_t>(lin_out_), static_cast<uint32_t>(out_ - lin_out_),
                  static_cast<uint32_t>(lin_in_), static_cast<uint32_t>(out_ - lin_out_));
  }

  std::string owned_;      // an owned input (and, while in place, the output)
  std::string_view in_;
  std::string out_buf_;    // the output when not in place; [0, out_) is decided
  OffsetMap map_;
  bool in_place_ = false;  // the output is written into owned_
  bool aligned_ = true;    // no edit changed length yet
  size_t out_ = 0;         // bytes of output written
  size_t pending_ = 0;     // input before this is decided
  size_t lin_in_ = 0;      // start of the current linear piece, input side
  size_t lin_out_ = 0;     // start of the current linear piece, output side
};

}  // namespace aidtext

#endif  // AIDTEXT_CONVERT_MAPPED_WRITER_H_
