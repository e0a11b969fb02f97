// The content fingerprint --db keeps per document: FNV-1a, 64 bits, as 16
// hex digits (tells whether a document changed; not a cryptographic hash).
// Incremental, so that a document read in sections is hashed as a whole.
#ifndef AIDTEXT_CLI_CONTENT_HASH_H_
#define AIDTEXT_CLI_CONTENT_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace aidtext::cli {

class ContentHash {
 public:
  void add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      h_ ^= c;
      h_ *= 1099511628211ULL;
    }
  }
  std::string hex() const {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s(16, '0');
    uint64_t h = h_;
    for (int i = 15; i >= 0; --i, h >>= 4) s[static_cast<size_t>(i)] = kHex[h & 15];
    return s;
  }

 private:
  uint64_t h_ = 14695981039346656037ULL;
};

inline std::string content_hash_hex(std::string_view bytes) {
  ContentHash h;
  h.add(bytes);
  return h.hex();
}

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_CONTENT_HASH_H_
