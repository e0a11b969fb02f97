#define BOOST_TEST_MODULE normalize_robustness
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include "convert/converter.h"
#include "core/utf8.h"
#include "normalize/cleaner.h"
#include "normalize/normalizer.h"

using namespace aidtext;

namespace {

// Fragments that exercise every edit kind: annotations, references, width
// folds, spaces, line ends, length-changing conversions, invalid bytes.
const std::vector<std::string> kFragments = {
    "協", "(xié)", "（yè）", "&amp;", "&#x4E07;", "&#128512;", "&nbsp", "２", "％", "．", "－", "\r\n",
    "\r", "　", "\u00A0", "\u200B", "\uFEFF", "\u408E", "\U000282E2", "後", "乾安", "著眼", "a", "1",
    " ", "\n", "(", ")", "&", "微信\n", "全县贫困发生率降至零以下\n", "ＧＤＰ", "\xFF", "\xE5\x8F"};

std::string random_text(std::mt19937& rng, size_t pieces) {
  std::string s;
  for (size_t k = 0; k < pieces; ++k) s += kFragments[rng() % kFragments.size()];
  return s;
}

void check_map(const OffsetMap& m, size_t out_size, size_t in_size) {
  BOOST_TEST(m.output_size() == out_size);
  uint32_t expect_out = 0;
  for (const MapPiece& p : m.pieces()) {
    BOOST_TEST(p.out_begin == expect_out);  // pieces cover the output without gaps
    expect_out = p.out_begin + p.out_len;
    BOOST_TEST(p.in_begin + p.in_len <= in_size);
  }
  BOOST_TEST(expect_out == out_size);
}

}  // namespace

BOOST_AUTO_TEST_CASE(random_fragments_through_every_stage) {
  std::mt19937 rng(20201231);
  for (int round = 0; round < 400; ++round) {
    const std::string in = random_text(rng, rng() % 40);
    NormalizeOptions o;
    o.repair = false;
    o.convert = static_cast<ScriptConversion>(round % 4);
    NormalizedText n = normalize(in, o);
    BOOST_TEST(utf8::valid(n.text));
    check_map(n.map, n.text.size(), in.size());
    for (const RepeatedPassage& r : n.report.repeats) {
      BOOST_TEST(r.passage.end <= n.text.size());
      BOOST_TEST(r.first.end <= r.passage.begin);
    }
    // Borrowed and owned inputs give the same result in each stage.
    Cleaned a = clean_text(std::string_view(in), o), b = clean_text(std::string(in), o);
    BOOST_TEST(a.text == b.text);
    check_map(a.map, a.text.size(), in.size());
    Converted c = to_simplified(std::string_view(a.text), o.convert, ConvertOptions{});
    Converted d = to_simplified(std::string(a.text), o.convert, ConvertOptions{});
    BOOST_TEST(c.text == d.text);
    check_map(c.map, c.text.size(), a.text.size());
  }
}

BOOST_AUTO_TEST_CASE(random_bytes_never_crash) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string in(rng() % 300, '\0');
    for (char& ch : in) ch = static_cast<char>(rng());
    NormalizeOptions o;
    o.repair = false;
    NormalizedText n = normalize(in, o);
    BOOST_TEST(utf8::valid(n.text));
    check_map(n.map, n.text.size(), in.size());
  }
}
