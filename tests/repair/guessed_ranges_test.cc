// Repair::guessed: where a repair's guessed characters (chosen by context,
// their bytes lost) are, checked on real damage: the peer suite's cases and
// dev article 001's misaligned-GBK passage, by repair_mojibake() and through
// normalize() (offsets moved by the cleaner after the repair). Every range
// lies inside its repair's output, starts and ends on a character boundary,
// and together they cover guessed_chars characters. Skipped when ../shared
// is not checked out.
#define BOOST_TEST_MODULE repair_guessed_ranges
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "dev_articles.h"
#include "mojibake_cases.h"
#include "normalize/normalizer.h"
#include "repair/repairer.h"

namespace aidtext {
// For Boost.Test messages.
inline std::ostream& operator<<(std::ostream& os, const Range& r) {
  return os << '[' << r.begin << ',' << r.end << ')';
}
}  // namespace aidtext

namespace {

const std::string kSuitePath = std::string(AIDTEXT_SHARED_DIR) + "/peer/mojibake/cases.json";
using aidtext::testing::kDevArticles;
using aidtext::testing::read_dev_article;

auto present(std::filesystem::path p) {
  return boost::unit_test::precondition([p](boost::unit_test::test_unit_id) {
    return boost::unit_test::assertion_result(std::filesystem::exists(p));
  });
}

bool boundary(std::string_view text, uint32_t pos) {
  return pos == text.size() || (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80);
}

uint32_t chars_in(std::string_view text, aidtext::Range r) {
  uint32_t n = 0;
  for (uint32_t i = r.begin; i < r.end; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

// The invariants of every repair's guessed ranges against `text` (the text
// the repairs' output ranges are in). Returns the guessed characters, in
// text order, for comparing one text's guesses with another's.
std::string check_guessed(const std::vector<aidtext::Repair>& repairs, std::string_view text) {
  std::string guessed_text;
  for (const aidtext::Repair& r : repairs) {
    BOOST_TEST_CONTEXT("repair " << r.kind << " output " << r.output) {
      uint32_t covered = 0;
      uint32_t prev_end = r.output.begin;
      for (const aidtext::Range& g : r.guessed) {
        BOOST_TEST(!g.empty());
        BOOST_TEST(g.begin >= prev_end, "in order, apart: " << g);
        BOOST_TEST(g.begin >= r.output.begin, g);
        BOOST_TEST(g.end <= r.output.end, g);
        BOOST_REQUIRE(g.end <= text.size());
        BOOST_TEST(boundary(text, g.begin), g);
        BOOST_TEST(boundary(text, g.end), g);
        covered += chars_in(text, g);
        guessed_text.append(text.substr(g.begin, g.size()));
        prev_end = g.end;
      }
      BOOST_TEST(covered == r.guessed_chars);
    }
  }
  return guessed_text;
}

uint32_t total_guessed(const std::vector<aidtext::Repair>& repairs) {
  uint32_t n = 0;
  for (const aidtext::Repair& r : repairs) n += r.guessed_chars;
  return n;
}

BOOST_AUTO_TEST_CASE(every_peer_case_places_its_guesses, *present(kSuitePath)) {
  auto cases = aidtext::testing::load_mojibake_cases(kSuitePath);
  BOOST_REQUIRE(cases);
  uint32_t guessed = 0;
  for (const auto& c : *cases) {
    BOOST_TEST_CONTEXT("case " << c.id) {
      aidtext::Repaired r = aidtext::repair_mojibake(c.garbled);
      check_guessed(r.repairs, r.text);
      guessed += total_guessed(r.repairs);
    }
  }
  // The lossy kinds guess: the ranges above were really checked.
  BOOST_TEST(guessed > 100u);
}

BOOST_AUTO_TEST_CASE(dev_001_by_the_repairer_and_through_normalize, *present(kDevArticles)) {
  const std::string doc = read_dev_article("001_");
  BOOST_REQUIRE(!doc.empty());
  aidtext::Repaired repaired = aidtext::repair_mojibake(doc);
  BOOST_REQUIRE(total_guessed(repaired.repairs) > 0u);
  const std::string by_repairer = check_guessed(repaired.repairs, repaired.text);

  aidtext::NormalizedText n = aidtext::normalize(doc, {});
  BOOST_REQUIRE(total_guessed(n.report.repairs) > 0u);
  const std::string by_normalize = check_guessed(n.report.repairs, n.text);
  // The same characters, found where normalize() put them.
  BOOST_TEST(by_normalize == by_repairer);

  // Full-width letters and HTML references before the damage: the cleaner
  // shortens the text ahead of every repair (by 2 bytes a letter, 4 for
  // &amp;), so ranges that were not moved would fall off the characters.
  const std::string shifted_doc = "ＡＢＣ&amp;&amp; " + doc;
  aidtext::NormalizedText shifted = aidtext::normalize(shifted_doc, {});
  BOOST_REQUIRE(shifted.text.size() + 3 * 2 + 2 * 4 == n.text.size() + shifted_doc.size() - doc.size());
  BOOST_TEST(check_guessed(shifted.report.repairs, shifted.text) == by_repairer);
}

}  // namespace
