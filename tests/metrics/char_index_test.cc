// CharIndex decodes a text as next_char() steps through it: the same
// characters at the same offsets, with their classes, whatever the bytes
// (runs of fours and pairs of 3-byte characters, ASCII, malformed and
// irregular sequences, characters beyond the BMP).
#define BOOST_TEST_MODULE metrics_char_index
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include "metrics/char_index.h"

namespace {

// Classes of arbitrary bits, with kIrregular3ByteClass where CharIndex
// needs it (overlong three-byte forms and surrogates).
std::vector<uint8_t> test_classes() {
  std::vector<uint8_t> classes(0x10000);
  std::mt19937 rng(7);
  for (char32_t c = 0; c < 0x10000; ++c) {
    classes[c] = static_cast<uint8_t>(rng() & 0x7F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) classes[c] |= aidtext::kIrregular3ByteClass;
  }
  return classes;
}

// The first difference between the index and a next_char() walk, or "".
std::string mismatch(std::string_view s, const aidtext::CharIndex& index, const std::vector<uint8_t>& classes) {
  size_t k = 0, pos = 0;
  for (; pos < s.size(); ++k) {
    int len = 1;
    const char32_t c = aidtext::next_char(s, pos, &len);
    const uint8_t cl = c < 0x10000 ? classes[c] : 0xFF;
    if (k >= index.size() || index.offset(k) != pos || index.at(k) != c || index.class_at(k) != cl)
      return "character " + std::to_string(k) + " at byte " + std::to_string(pos);
    pos += static_cast<size_t>(len);
  }
  if (k != index.size() || index.offset(k) != s.size()) return "the count of characters";
  return "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(decodes_as_next_char_steps) {
  const std::vector<uint8_t> classes = test_classes();
  // Han characters most of the time, so that runs of four and of two form
  // and break at every kind of byte.
  const char* const han[] = {"中", "国", "县"};
  const char* const others[] = {"，", ",", "a", "1", "\xE0\xA0\x80", "\xE0\x80\x80", "\xED\xA0\x80", "\xED\x9F\xBF",
                                "\xE5\x89", "\xE5", "\x80", "\xC2\xA0", "\xF0\x9F\x98\x80", "\xEF\xBC\x8C",
                                "\xE3\x80\x80", "\xE1\x80\x80"};
  std::mt19937 rng(1);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int pieces = static_cast<int>(rng() % 48);
    for (int i = 0; i < pieces; ++i)
      s += rng() % 10 < 7 ? han[rng() % std::size(han)] : others[rng() % std::size(others)];
    const aidtext::CharIndex index(s, classes.data());
    const std::string where = mismatch(s, index, classes);
    BOOST_TEST_INFO("text of " << s.size() << " bytes, round " << round);
    BOOST_TEST(where == "");
    if (!where.empty()) break;
  }
}

BOOST_AUTO_TEST_CASE(long_runs_of_each_kind) {
  const std::vector<uint8_t> classes = test_classes();
  for (const std::string piece : {"中", "a", "\xE0\x80\x80", "\xED\xA0\x80", "\xF0\x9F\x98\x80"}) {
    for (size_t n : {1, 3, 4, 5, 8, 17, 64}) {
      std::string s;
      for (size_t i = 0; i < n; ++i) s += piece;
      s += "中文";
      const aidtext::CharIndex index(s, classes.data());
      BOOST_TEST(mismatch(s, index, classes) == "");
    }
  }
}
