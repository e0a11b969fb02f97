#include "core/text_builder.h"

namespace aidtext {

TextBuilder::TextBuilder(std::string_view input, size_t reserve) : in_(input) {
  out_.reserve(reserve ? reserve : input.size());
}

void TextBuilder::copy(size_t in_pos, size_t len) {
  if (len == 0) return;
  uint32_t o = static_cast<uint32_t>(out_.size());
  out_.append(in_.data() + in_pos, len);
  map_.append(o, static_cast<uint32_t>(len), static_cast<uint32_t>(in_pos), static_cast<uint32_t>(len));
}

void TextBuilder::replace(size_t in_pos, size_t in_len, std::string_view out) {
  uint32_t o = static_cast<uint32_t>(out_.size());
  out_.append(out);
  map_.append(o, static_cast<uint32_t>(out.size()), static_cast<uint32_t>(in_pos),
              static_cast<uint32_t>(in_len));
}

void TextBuilder::replace_block(size_t in_pos, size_t in_len, std::string_view out) {
  uint32_t o = static_cast<uint32_t>(out_.size());
  out_.append(out);
  map_.append(o, static_cast<uint32_t>(out.size()), static_cast<uint32_t>(in_pos),
              static_cast<uint32_t>(in_len), /*block=*/true);
}

OffsetMap TextBuilder::take_map() {
  map_.set_input_size(static_cast<uint32_t>(in_.size()));
  return std::move(map_);
}

}  // namespace aidtext
