// FuzzInput: a tiny reader that splits a fuzzer's byte string into choices
// (small integers, flags, strings) and a remaining payload, so one input can
// drive options, call sequences and the text they run on. Deterministic: the
// same bytes always give the same choices, so every crash replays.
#ifndef AIDTEXT_TESTS_FUZZ_FUZZ_INPUT_H_
#define AIDTEXT_TESTS_FUZZ_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace aidtext::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size)
      : data_(reinterpret_cast<const char*>(data)), size_(size) {}

  bool empty() const { return pos_ >= size_; }
  size_t remaining() const { return size_ - pos_; }

  // One byte (0 when exhausted).
  uint8_t byte() { return pos_ < size_ ? static_cast<uint8_t>(data_[pos_++]) : 0; }
  bool flag() { return byte() & 1; }
  // A value in [0, n) for n >= 1.
  size_t pick(size_t n) { return n <= 1 ? 0 : byte() % n; }
  // A 32-bit value, little-endian, zero-padded when short.
  uint32_t u32() {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t{byte()} << (8 * i);
    return v;
  }
  // A string of at most `max_len` bytes: a length byte, then that many bytes.
  std::string_view short_string(size_t max_len) {
    size_t n = byte();
    if (n > max_len) n = max_len;
    return take(n);
  }
  // Everything left.
  std::string_view rest() { return take(remaining()); }

 private:
  std::string_view take(size_t n) {
    if (n > remaining()) n = remaining();
    std::string_view s(data_ + pos_, n);
    pos_ += n;
    return s;
  }
  const char* data_;
  size_t size_;
  size_t pos_ = 0;
};

}  // namespace aidtext::fuzz

#endif  // AIDTEXT_TESTS_FUZZ_FUZZ_INPUT_H_
