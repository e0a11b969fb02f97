// The offset map of a repaired passage: each repaired character maps to the
// damaged characters that held its bytes, not to the whole passage, so that
// a figure read inside a long repair keeps its own place in the input.
// Checked exactly on Latin-1 mojibake made here (whose bytes are known one
// for one), and as properties on the peer suite's lossy kinds (shifted GBK
// with '?' holes, UTF-8 read as GBK): the pieces of a repair tile its input
// in order, and no repaired character reaches further than a few damaged
// characters. Suite cases are skipped when ../shared is not checked out.
#define BOOST_TEST_MODULE repair_map
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "mojibake_cases.h"
#include "mojibake_maker.h"
#include "repair/repairer.h"

namespace aidtext {
// For Boost.Test messages.
inline std::ostream& operator<<(std::ostream& os, const Range& r) {
  return os << '[' << r.begin << ',' << r.end << ')';
}
}  // namespace aidtext

namespace {

namespace mk = aidtext::testing;
using aidtext::Range;
using aidtext::Repaired;

const std::string kSuitePath = std::string(AIDTEXT_SHARED_DIR) + "/peer/mojibake/cases.json";

auto present(std::filesystem::path p) {
  return boost::unit_test::precondition([p](boost::unit_test::test_unit_id) {
    return boost::unit_test::assertion_result(std::filesystem::exists(p));
  });
}

// Byte ranges of the characters of `text` within [begin, end).
std::vector<Range> chars_of(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<Range> out;
  for (uint32_t i = begin; i < end;) {
    int len = 1;
    aidtext::utf8::decode(text, i, &len);
    out.push_back({i, i + static_cast<uint32_t>(len)});
    i += static_cast<uint32_t>(len);
  }
  return out;
}

// The pieces of `r.map` that carry a repair's output tile its input range, in
// order and without gaps.
void check_tiling(const Repaired& r, const aidtext::Repair& rep) {
  uint32_t in_at = rep.input.begin;
  for (const aidtext::MapPiece& p : r.map.pieces()) {
    if (p.out_begin + p.out_len <= rep.output.begin || p.out_begin >= rep.output.end) continue;
    BOOST_TEST(p.out_begin >= rep.output.begin);
    BOOST_TEST(p.out_begin + p.out_len <= rep.output.end);
    BOOST_TEST(p.in_begin == in_at, "piece at output " << p.out_begin << " starts its input where the last ended");
    in_at = p.in_begin + p.in_len;
  }
  BOOST_TEST(in_at == rep.input.end);
}

}  // namespace

BOOST_AUTO_TEST_CASE(each_character_of_latin1_mojibake_maps_to_its_own_bytes) {
  // A clean lead, a damaged sentence (UTF-8 read as Latin-1), a clean tail:
  // character j of the sentence was bytes [b, b + 3) of its UTF-8, which
  // became Latin-1 characters b .. b + 2, two bytes each in the damaged text.
  const std::string lead = "记者从县扶贫办获悉：";
  const std::string tail = "这是记者了解到的情况。";
  for (const std::string sentence : {"全县贫困人口由三万二千人减少到一千五百人。", "扶贫车间带动八百六十人就近就业。"}) {
    const std::string damaged = mk::latin1(sentence);
    const std::string input = lead + damaged + tail;
    BOOST_TEST_CONTEXT("sentence " << sentence) {
      Repaired r = aidtext::repair_mojibake(input);
      BOOST_REQUIRE(r.text == lead + sentence + tail);
      BOOST_REQUIRE(r.repairs.size() == 1u);
      check_tiling(r, r.repairs[0]);
      const std::vector<Range> original = chars_of(sentence, 0, static_cast<uint32_t>(sentence.size()));
      const std::vector<Range> garbled = chars_of(damaged, 0, static_cast<uint32_t>(damaged.size()));
      const auto at = static_cast<uint32_t>(lead.size());
      for (const Range& c : original) {
        const Range out{at + c.begin, at + c.end};
        const Range expected{at + garbled[c.begin].begin, at + garbled[c.end - 1].end};
        BOOST_TEST(r.map.to_input(out) == expected, "character at " << c.begin);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(lossy_repairs_map_each_character_near_its_bytes, *present(kSuitePath)) {
  auto cases = mk::load_mojibake_cases(kSuitePath);
  BOOST_REQUIRE(cases.has_value());
  // The most damaged characters one repaired character may map to: its own
  // two or three, one more where a '?' hole or a put-back byte joins it to
  // a neighbour, and those of characters it shares a piece with.
  constexpr uint32_t kMaxInputChars = 6;
  size_t repairs = 0, long_repairs = 0;
  for (const mk::MojibakeCase& c : *cases) {
    if (c.kind.find("misaligned") == std::string::npos && c.kind.find("utf8-as-gbk") == std::string::npos) continue;
    Repaired r = aidtext::repair_mojibake(c.garbled);
    for (const aidtext::Repair& rep : r.repairs) {
      if (!rep.repaired) continue;
      ++repairs;
      BOOST_TEST_CONTEXT("case " << c.id << " repair " << rep.kind << " output " << rep.output) {
        check_tiling(r, rep);
        const std::vector<Range> out_chars = chars_of(r.text, rep.output.begin, rep.output.end);
        if (out_chars.size() >= 8) ++long_repairs;
        for (const Range& oc : out_chars) {
          const Range in = r.map.to_input(oc);
          const size_t input_chars = chars_of(c.garbled, in.begin, in.end).size();
          BOOST_TEST(input_chars <= kMaxInputChars, "output character " << oc << " maps to input " << in);
        }
      }
    }
  }
  BOOST_TEST_MESSAGE("lossy repairs: " << repairs << ", of 8 characters or more: " << long_repairs);
  // The suite has long repairs, where a passage-wide block would fail above.
  BOOST_TEST(repairs > 100u);
  BOOST_TEST(long_repairs > 50u);
}
