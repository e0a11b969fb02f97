// TextBuilder: how a stage writes its output text and, with it, the map back
// to the stage's input. Every byte a stage emits goes through copy() or
// replace(); whatever input is never passed to either is deleted.
#ifndef AIDTEXT_CORE_TEXT_BUILDER_H_
#define AIDTEXT_CORE_TEXT_BUILDER_H_

#include <string>
#include <string_view>

#include "core/offset_map.h"

namespace aidtext {

class TextBuilder {
 public:
  // `input` is the stage's whole input; positions passed below index into it.
  explicit TextBuilder(std::string_view input, size_t reserve = 0);

  // Appends input[in_pos, in_pos+len) unchanged.
  void copy(size_t in_pos, size_t len);
  // Appends `out` in place of input[in_pos, in_pos+in_len). Same-length
  // replacements map byte for byte; others map as one block.
  void replace(size_t in_pos, size_t in_len, std::string_view out);
  // Like replace(), but the output always maps to the whole input range.
  void replace_block(size_t in_pos, size_t in_len, std::string_view out);

  const std::string& text() const { return out_; }
  size_t size() const { return out_.size(); }
  // Finishes: the output text and its map (input size = input.size()).
  std::string take_text() { return std::move(out_); }
  OffsetMap take_map();

 private:
  std::string_view in_;
  std::string out_;
  OffsetMap map_;
};

}  // namespace aidtext

#endif  // AIDTEXT_CORE_TEXT_BUILDER_H_
