// scan_utf8(): the decoder's validity check, with its 16-byte vector path.
// Checked against a plain reading of Unicode's table of well-formed UTF-8
// (Table 3-7) on random strings built to straddle the vector blocks.
#define BOOST_TEST_MODULE utf8_scan
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>

#include "core/utf8.h"
#include "core/utf8_scan.h"

namespace {

// Unicode 15, Table 3-7, byte by byte.
bool well_formed(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned b = p[i];
    int len;
    unsigned lo = 0x80, hi = 0xBF;
    if (b < 0x80) { ++i; continue; }
    if (b >= 0xC2 && b <= 0xDF) len = 2;
    else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + len > n) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (int k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

std::string random_text(std::mt19937& rng) {
  // Mostly whole characters (so that long valid runs reach the vector path),
  // sometimes a stray byte from the edges of the table.
  static const char* const kPieces[] = {"中", "国", "，", "。", "a", "7", " ", "é", "€", "𠀀", "\xED\x9F\xBF",
                                        "\xE0\xA0\x80", "\xEF\xBF\xBD"};
  static const unsigned char kStray[] = {0x80, 0xBF, 0xC0, 0xC1, 0xE0, 0xED, 0xEF, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F};
  std::string s;
  const size_t pieces = rng() % 80;
  for (size_t k = 0; k < pieces; ++k) {
    const unsigned roll = rng() % 100;
    if (roll < 3) s.push_back(static_cast<char>(kStray[rng() % sizeof kStray]));
    else if (roll < 4) s.push_back('\0');
    else s += kPieces[rng() % (sizeof kPieces / sizeof kPieces[0])];
  }
  if (!s.empty() && rng() % 10 == 0) s.pop_back();  // a truncated last character
  return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(agrees_with_the_table_on_random_text) {
  std::mt19937 rng(2024);
  size_t valid = 0;
  for (int round = 0; round < 50000; ++round) {
    const std::string s = random_text(rng);
    const aidtext::Utf8Scan scan = aidtext::scan_utf8(s);
    BOOST_TEST_REQUIRE(scan.valid == well_formed(s), "text of " << s.size() << " bytes");
    BOOST_TEST_REQUIRE(aidtext::utf8::valid(s) == scan.valid, "utf8::valid, text of " << s.size() << " bytes");
    if (scan.valid) {
      ++valid;
      BOOST_TEST(scan.has_nul == (s.find('\0') != std::string::npos));
    }
  }
  BOOST_TEST(valid > 1000u);  // the generator must exercise the valid path too
}

BOOST_AUTO_TEST_CASE(every_block_offset_of_a_bad_byte) {
  // A long valid run of Han text with one bad byte at each position: the
  // vector blocks must never let it through, wherever it falls.
  std::string base;
  for (int k = 0; k < 40; ++k) base += "扶贫";
  for (size_t at = 0; at < base.size(); ++at) {
    std::string s = base;
    s[at] = static_cast<char>(0xFF);
    BOOST_TEST_REQUIRE(!aidtext::scan_utf8(s).valid, "bad byte at " << at);
    std::string t = base;
    t.insert(at, 1, static_cast<char>(0x80));  // a stray continuation byte
    BOOST_TEST_REQUIRE(!aidtext::scan_utf8(t).valid, "stray continuation at " << at);
  }
  BOOST_TEST(aidtext::scan_utf8(base).valid);
}

BOOST_AUTO_TEST_CASE(two_byte_characters_at_every_block_offset) {
  // Pinyin notes (two-byte Latin-1 letters among three-byte Han and ASCII)
  // shifted through every offset of a 16-byte block: valid as they are; a
  // two-byte lead without its continuation byte, an overlong lead (C0, C1)
  // or a lone continuation byte is caught wherever it falls.
  for (size_t shift = 0; shift < 16; ++shift) {
    std::string base(shift, 'a');
    for (int k = 0; k < 12; ++k) base += "协(xié)调(diào)";
    BOOST_TEST_REQUIRE(aidtext::scan_utf8(base).valid, "shift " << shift);
    for (size_t at = 0; at < base.size(); ++at) {
      if (static_cast<unsigned char>(base[at]) != 0xC3) continue;  // the lead of é or à
      std::string cut = base;
      cut.erase(at + 1, 1);  // the lead loses its continuation byte
      BOOST_TEST_REQUIRE(!aidtext::scan_utf8(cut).valid, "cut lead at " << at << ", shift " << shift);
      std::string overlong = base;
      overlong[at] = static_cast<char>(0xC1);
      BOOST_TEST_REQUIRE(!aidtext::scan_utf8(overlong).valid, "C1 lead at " << at << ", shift " << shift);
      std::string lone = base;
      lone.erase(at, 1);  // the continuation byte alone
      BOOST_TEST_REQUIRE(!aidtext::scan_utf8(lone).valid, "lone continuation at " << at << ", shift " << shift);
    }
  }
}
