// What an ICU double-byte converter (GB18030, Big5 as windows-950, GBK)
// does with every two bytes that start with a high byte, so that text made of
// ASCII and such pairs can be decoded and scored without calling ICU per
// document. The answers are ICU's, asked at build time (make_pair_tables.cc).
//
// ICU's converters are stateless for these encodings: what they make of a
// high byte depends on it and the byte after it alone (a pair maps to a
// character, is unassigned and becomes one U+FFFD for both bytes, or is
// illegal and the lead alone becomes U+FFFD while the second byte is read
// again from scratch). The table records which of these ICU did with each
// pair, followed by a line feed, in one conversion of all of them. Anything
// else (GB18030's four-byte sequences, whose start is a high byte and a
// digit; a character outside the BMP; a high byte alone at the very end of
// the input) is kGiveUp. GB18030's four-byte characters of the BMP have a
// table of their own (four_byte_at); for anything still undecided the
// caller lets ICU decode the whole input, so results never differ from
// ICU's (tests/encoding/pair_decode_test.cc and fuzz_decode compare them).
#ifndef AIDTEXT_ENCODING_PAIR_TABLE_H_
#define AIDTEXT_ENCODING_PAIR_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace aidtext {

class PairTable {
 public:
  enum Kind : uint8_t {
    kGiveUp = 0,  // not decided by these two bytes: ICU decodes the input
    kPair,        // both bytes are one character (`code`, U+FFFD when unassigned)
    kSingle,      // the first byte alone is illegal: `code` is U+FFFD
  };
  struct Entry {
    char16_t code;
    Kind kind;
  };

  // The table of ICU converter `icu_name` ("GB18030", "windows-950", or
  // "GBK", which only a forced encoding uses); nullptr for any other. The
  // tables are generated at build time from the ICU the library is built
  // with (make_pair_tables.cc) and cost nothing to load.
  static const PairTable* for_converter(const char* icu_name);

  // What ICU does at high byte `first` (0x80..0xFF) followed by `second`.
  Entry at(uint8_t first, uint8_t second) const {
    const uint16_t e = entries_[(first - 0x80) * 256 + second];
    if (e > 1) return {static_cast<char16_t>(e), kPair};
    return {e == 1 ? u'\uFFFD' : u'\0', e == 1 ? kSingle : kGiveUp};
  }
  // Whether ICU holds `b` back at the end of a chunk it is not told is the
  // last (`b` may start a pair): the detection's sample stops before it.
  bool may_start_pair(uint8_t b) const;

  // How walk() ended.
  enum class WalkEnd {
    kDone,          // every byte read
    kHighByteLast,  // the last byte is a high byte alone (ICU's flush decides)
    kGiveUp,        // a sequence the table does not decide
  };
  // Reads `bytes` as ICU does, through the table: ascii(begin, end) for
  // each run of ASCII bytes, high(code, begin, length) for each character
  // of high bytes (U+FFFD for an illegal or unassigned sequence), in order.
  // The decoder (decode_pairs) walks so; the detection's scoring reads the
  // same way in a loop of its own (detector.cc says why).
  template <typename Ascii, typename High>
  WalkEnd walk(std::string_view bytes, Ascii&& ascii, High&& high) const {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    size_t i = 0;
    while (i < n) {
      if (p[i] < 0x80) {
        size_t end = i + 1;
        while (end < n && p[end] < 0x80) ++end;
        ascii(i, end);
        i = end;
        continue;
      }
      if (i + 1 == n) return WalkEnd::kHighByteLast;
      const Entry e = at(p[i], p[i + 1]);
      if (e.kind == kGiveUp) {
        const char16_t c = i + 3 < n ? four_byte_at(p + i) : 0;
        if (c == 0) return WalkEnd::kGiveUp;
        high(c, i, size_t{4});
        i += 4;
        continue;
      }
      const size_t len = e.kind == kPair ? 2 : 1;
      high(e.code, i, len);
      i += len;
    }
    return WalkEnd::kDone;
  }

  // GB18030's four-byte sequences of BMP characters (81..84, 30..39,
  // 81..FE, 30..39: U+0080 to U+FFFF where GBK has no pair, the no-break
  // space among them): the character ICU reads at `p` (four bytes), 0 when
  // `p` does not start one of them or ICU reads it otherwise. Read from ICU
  // a block of 1,260 at a time, at the first sequence of the block.
  char16_t four_byte_at(const unsigned char* p) const {
    if (!four_byte_ || p[0] < 0x81 || p[0] > 0x84 || p[1] < 0x30 || p[1] > 0x39 || p[2] < 0x81 || p[2] > 0xFE ||
        p[3] < 0x30 || p[3] > 0x39)
      return 0;
    return four_byte_block((p[0] - 0x81) * 10 + (p[1] - 0x30))[(p[2] - 0x81) * 10 + (p[3] - 0x30)];
  }

 private:
  PairTable(const uint16_t* entries, bool four_byte) : entries_(entries), four_byte_(four_byte) {}
  static constexpr int kFourByteBlock = 126 * 10;
  static const char16_t* four_byte_block(int block);
  const uint16_t* entries_;  // [128 * 256], make_pair_tables.cc's format
  bool four_byte_;           // GB18030
};

}  // namespace aidtext

#endif  // AIDTEXT_ENCODING_PAIR_TABLE_H_
