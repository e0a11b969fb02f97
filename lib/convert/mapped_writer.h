// MappedWriter: writes a stage's output text and its OffsetMap in one pass,
// for stages that leave most of their input unchanged (the cleaner, the
// converter).
//
// The writer owns its input (taken from the pipeline without a copy, or
// copied once from a borrowed string_view) and writes the output over it:
// output byte positions never pass the input read position as long as no
// edit makes the text longer, so unchanged text costs nothing while all
// edits so far kept their length, and one memmove per unchanged run after a
// shortening edit (a deleted annotation, a folded full-width digit). An edit
// that would overtake the read position (a 3-byte character replaced by a
// 4-byte one) moves the output to a buffer of its own. Callers read input
// only at or after the current position; for context before it they ask
// the writer (char_before), which looks at the output.
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
#include "core/utf8.h"

namespace aidtext {

class MappedWriter {
 public:
  explicit MappedWriter(std::string_view input) : owned_(input) { in_ = owned_; }
  explicit MappedWriter(std::string&& input) : owned_(std::move(input)) { in_ = owned_; }
  // in_ points into owned_ (possibly its small-string buffer): not movable.
  MappedWriter(const MappedWriter&) = delete;
  MappedWriter& operator=(const MappedWriter&) = delete;

  // The input: readable at and after the current position until finish().
  std::string_view input() const { return in_; }

  // Copies input [current position, pos) unchanged; positions never go back.
  void copy_until(size_t pos) {
    const size_t n = pos - pending_;
    if (separate_) {
      out_buf_.append(in_.data() + pending_, n);
    } else if (out_ != pending_ && n) {
      std::memmove(owned_.data() + out_, owned_.data() + pending_, n);
    }
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
      put(bytes, pos + len);
      pending_ = pos + len;
      return;
    }
    end_linear();
    map_.append(static_cast<uint32_t>(out_), static_cast<uint32_t>(bytes.size()),
                static_cast<uint32_t>(pos), static_cast<uint32_t>(len), /*block=*/true);
    put(bytes, pos + len);
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

  // replace_char() for a 3-byte character by a 3-byte character: while no
  // edit changed length, just overwrites the bytes (the hot path of
  // traditional text).
  void replace_char3(size_t pos, char32_t cp) {
    if (!separate_ && out_ == pending_) {
      char* o = owned_.data() + pos;
      o[0] = static_cast<char>(0xE0 | (cp >> 12));
      o[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      o[2] = static_cast<char>(0x80 | (cp & 0x3F));
      out_ = pending_ = pos + 3;
      return;
    }
    replace_char(pos, 3, cp);
  }

  // While no edit has changed length, the output buffer (which is the
  // input buffer): a caller may overwrite a character at or after the
  // current position with one of the same UTF-8 length directly there (what
  // replace_char3() would do, minus the bookkeeping). nullptr otherwise.
  char* aligned_output() {
    return !separate_ && out_ == pending_ ? owned_.data() : nullptr;
  }

  // The output character just before input position `pos` (0 at the start),
  // as if the input up to `pos` were copied unchanged.
  char32_t char_before(size_t pos) {
    copy_until(pos);
    const char* out = separate_ ? out_buf_.data() : owned_.data();
    if (out_ == 0) return 0;
    size_t start = out_ - 1;
    while (start > 0 && out_ - start < 4 && (static_cast<unsigned char>(out[start]) & 0xC0) == 0x80)
      --start;
    int len;
    std::string_view tail(out + start, out_ - start);
    char32_t c = utf8::decode(tail, 0, &len);
    return static_cast<size_t>(len) == tail.size() ? c : utf8::kReplacement;
  }

  // Copies the rest of the input; returns the text, leaves the map for take_map().
  std::string finish() {
    copy_until(in_.size());
    end_linear();
    map_.set_input_size(static_cast<uint32_t>(in_.size()));
    if (separate_) return std::move(out_buf_);
    owned_.resize(out_);
    return std::move(owned_);
  }
  OffsetMap take_map() { return std::move(map_); }

 private:
  // Writes an edit's bytes; `read_end` is where input reading resumes.
  void put(std::string_view bytes, size_t read_end) {
    if (!separate_ && out_ + bytes.size() > read_end) {
      // The output would overwrite unread input: give it a buffer of its own.
      separate_ = true;
      out_buf_.reserve(owned_.size() + owned_.size() / 8 + 16);
      out_buf_.assign(owned_.data(), out_);
    }
    if (separate_) {
      out_buf_.append(bytes);
    } else {
      char* o = owned_.data() + out_;
      for (size_t k = 0; k < bytes.size(); ++k) o[k] = bytes[k];  // a few bytes: no memcpy call
    }
    out_ += bytes.size();
  }
  // Records the linear piece that ends at the current position.
  void end_linear() {
    if (out_ > lin_out_)
      map_.append(static_cast<uint32_t>(lin_out_), static_cast<uint32_t>(out_ - lin_out_),
                  static_cast<uint32_t>(lin_in_), static_cast<uint32_t>(out_ - lin_out_));
  }

  std::string owned_;      // the input; the output too unless separate_
  std::string_view in_;
  std::string out_buf_;    // the output once separate_
  OffsetMap map_;
  bool separate_ = false;  // the output has its own buffer
  size_t out_ = 0;         // bytes of output written
  size_t pending_ = 0;     // input before this is decided (read position)
  size_t lin_in_ = 0;      // start of the current linear piece, input side
  size_t lin_out_ = 0;     // start of the current linear piece, output side
};

}  // namespace aidtext

#endif  // AIDTEXT_CONVERT_MAPPED_WRITER_H_
