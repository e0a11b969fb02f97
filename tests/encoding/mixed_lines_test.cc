// Text whose lines come in two encodings (encoding/mixed_lines.h), through
// decode(): UTF-8 lines beside GBK or Big5 lines come out whole, each
// character mapped to its own bytes. Before, a GBK line inside UTF-8 text
// became U+FFFD (its bytes lost), and UTF-8 lines inside GBK text were
// left to the repairer, which guessed the characters whose bytes a pair
// straddled. The sentences are written for this test; ICU encodes them.
#define BOOST_TEST_MODULE mixed_lines
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/utf8.h"
#include "encoding/decoder.h"
#include "test_support.h"

namespace {

using aidtext::Decoded;
using aidtext::Range;
using aidtext::testing::icu_encode;

const std::string kSimplified[] = {
    "第一部分：全县贫困人口减少到1.2万人，贫困发生率降至1.5%。\n",
    "第二部分：全市脱贫攻坚取得决定性胜利，贫困村出列120个。\n",
    "第三部分：易地扶贫搬迁安置群众3.5万人，建成安置点42个。\n",
};
const std::string kTraditional = "臺灣部分：部落產業發展計畫扶助農戶三百餘戶。\n";

struct Piece {
  std::string text;      // UTF-8
  const char* encoding;  // ICU name of its bytes in the input
};

struct Built {
  std::string input;
  std::string expected;
  std::vector<Range> input_lines;  // each piece's bytes in the input
};

Built build(const std::vector<Piece>& pieces) {
  Built b;
  for (const Piece& p : pieces) {
    const std::string bytes = std::string(p.encoding) == "UTF-8" ? p.text : icu_encode(p.text, p.encoding);
    const auto at = static_cast<uint32_t>(b.input.size());
    b.input += bytes;
    b.input_lines.push_back({at, static_cast<uint32_t>(b.input.size())});
    b.expected += p.text;
  }
  return b;
}

// Each expected line's output bytes map to exactly its input bytes, and
// each of its characters to bytes that spell it in the piece's encoding.
void check_lines(const Decoded& d, const Built& b, const std::vector<Piece>& pieces) {
  BOOST_TEST_REQUIRE(d.text == b.expected);
  uint32_t out = 0;
  for (size_t k = 0; k < pieces.size(); ++k) {
    const auto len = static_cast<uint32_t>(pieces[k].text.size());
    const Range in = d.map.to_input({out, out + len});
    BOOST_TEST(in.begin == b.input_lines[k].begin);
    BOOST_TEST(in.end == b.input_lines[k].end);
    for (uint32_t i = out; i < out + len;) {
      int n;
      const char32_t c = aidtext::utf8::decode(d.text, i, &n);
      const Range ci = d.map.to_input({i, i + static_cast<uint32_t>(n)});
      const std::string own = d.text.substr(i, static_cast<size_t>(n));
      const std::string want =
          std::string(pieces[k].encoding) == "UTF-8" ? own : icu_encode(own, pieces[k].encoding);
      BOOST_TEST(b.input.substr(ci.begin, ci.end - ci.begin) == want, "U+" << std::hex << static_cast<uint32_t>(c));
      i += static_cast<uint32_t>(n);
    }
    out += len;
  }
}

BOOST_AUTO_TEST_CASE(utf8_and_gbk_lines_each_in_their_own) {
  const std::vector<std::vector<Piece>> cases = {
      {{kSimplified[0], "UTF-8"}, {kSimplified[1], "GBK"}, {kSimplified[2], "UTF-8"}},
      {{kSimplified[0], "GBK"}, {kSimplified[1], "UTF-8"}, {kSimplified[2], "GBK"}},
      {{kSimplified[0], "UTF-8"}, {kSimplified[1], "UTF-8"}, {kSimplified[2], "GBK"}},
  };
  for (const auto& pieces : cases) {
    const Built b = build(pieces);
    const Decoded d = aidtext::decode(b.input);
    check_lines(d, b, pieces);
    BOOST_TEST(d.invalid_sequences == 0u);
    BOOST_TEST(d.text.find(aidtext::utf8::kReplacementUtf8) == std::string::npos);
    // The encoding with more non-ASCII bytes first.
    size_t utf8_high = 0, gbk_high = 0;
    for (size_t k = 0; k < pieces.size(); ++k) {
      const size_t high = std::string(pieces[k].encoding) == "UTF-8" ? pieces[k].text.size()
                                                                     : icu_encode(pieces[k].text, "GBK").size();
      (std::string(pieces[k].encoding) == "UTF-8" ? utf8_high : gbk_high) += high;
    }
    BOOST_TEST(d.encoding == (utf8_high >= gbk_high ? "UTF-8+GB18030" : "GB18030+UTF-8"));
    BOOST_TEST(d.confidence > 0.5);
  }
}

BOOST_AUTO_TEST_CASE(utf8_and_big5_lines_each_in_their_own) {
  const std::vector<Piece> pieces = {{kSimplified[0], "UTF-8"}, {kTraditional, "windows-950"},
                                     {kTraditional, "windows-950"}, {kTraditional, "windows-950"}};
  const Built b = build(pieces);
  const Decoded d = aidtext::decode(b.input);
  check_lines(d, b, pieces);
  BOOST_TEST(d.encoding == "Big5+UTF-8");
}

// One encoding throughout: decoded whole, as before, and named alone.
BOOST_AUTO_TEST_CASE(one_encoding_is_not_split) {
  std::string text;
  for (const std::string& s : kSimplified) text += s;
  // Valid UTF-8 but for one lost byte: UTF-8 with one invalid sequence.
  std::string damaged = text;
  damaged.erase(damaged.find("贫") + 1, 1);
  const Decoded u = aidtext::decode(damaged);
  BOOST_TEST(u.encoding == "UTF-8");
  BOOST_TEST(u.invalid_sequences == 1u);
  // GBK throughout, ASCII lines between.
  const Decoded g = aidtext::decode(icu_encode("Report 2020\n" + text + "--\n", "GBK"));
  BOOST_TEST(g.encoding == "GB18030");
  BOOST_TEST(g.text == "Report 2020\n" + text + "--\n");
}

}  // namespace
