// Runs every case of the peer mojibake suite through repair_mojibake(),
// prints a per-kind table and asserts the floors of the repair task:
//  - kinds with recoverable cases: >= 95% of those repaired exactly;
//  - lossy misaligned / dropped-byte GBK kinds: >= 85% character agreement;
//  - clean controls: none changed;
//  - the misaligned-GBK kinds converted to traditional after the damage:
//    within 10 points of their agreement unconverted.
// Skipped (reported, not passed) when ../shared is not checked out.
#define BOOST_TEST_MODULE repair_mojibake_suite
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "core/utf8.h"
#include "mojibake_cases.h"
#include "repair/repairer.h"

namespace {

using aidtext::testing::char_agreement;
using aidtext::testing::fold_width;

struct KindStats {
  int cases = 0;
  int recoverable = 0;
  int exact = 0;
  int exact_recoverable = 0;
  int changed = 0;
  int flagged = 0;
  double agreement = 0;
};

const std::string kSuitePath = std::string(AIDTEXT_SHARED_DIR) + "/peer/mojibake/cases.json";

// The suite's cases are in ../shared, which a user's checkout lacks.
boost::test_tools::assertion_result suite_present(boost::unit_test::test_unit_id) {
  return std::filesystem::exists(kSuitePath);
}

const std::set<std::string> kLossyGbkKinds = {"gbk-misaligned-qmark", "gbk-misaligned-pyreplace",
                                              "utf8-as-gbk-ignore", "utf8-as-gbk-replace"};

BOOST_AUTO_TEST_CASE(every_case_of_the_peer_suite, *boost::unit_test::precondition(suite_present)) {
  auto cases = aidtext::testing::load_mojibake_cases(kSuitePath);
  BOOST_REQUIRE(cases);
  std::map<std::string, KindStats> stats;
  for (const auto& c : *cases) {
    aidtext::Repaired r = aidtext::repair_mojibake(c.garbled);
    KindStats& s = stats[c.kind];
    ++s.cases;
    const bool exact = fold_width(r.text) == fold_width(c.expected);
    const double agree = char_agreement(fold_width(r.text), fold_width(c.expected));
    s.exact += exact;
    s.agreement += agree;
    if (c.recoverable) {
      ++s.recoverable;
      s.exact_recoverable += exact;
    }
    s.changed += r.text != c.garbled;
    for (const auto& rep : r.repairs)
      if (!rep.repaired) { ++s.flagged; break; }
    if (c.kind == "seed-misaligned-gbk")
      std::printf("%s: character agreement %.1f%%\n  repaired: %s\n", c.id.c_str(), 100.0 * agree, r.text.c_str());
    if (std::getenv("AIDTEXT_REPAIR_VERBOSE") && !exact)
      std::printf("%s\n  got: %s\n  exp: %s\n", c.id.c_str(), r.text.c_str(), c.expected.c_str());
  }
  std::printf("%-30s %5s %9s %11s %9s %8s %8s\n", "kind", "cases", "exact", "exact(rec)", "agree%",
              "changed", "flagged");
  for (const auto& [kind, s] : stats) {
    std::printf("%-30s %5d %4d/%-4d %5d/%-5d %8.1f %8d %8d\n", kind.c_str(), s.cases, s.exact, s.cases,
                s.exact_recoverable, s.recoverable, 100.0 * s.agreement / s.cases, s.changed, s.flagged);
  }
  for (const auto& [kind, s] : stats) {
    BOOST_TEST_CONTEXT("kind " << kind) {
      if (kind == "clean") {
        BOOST_TEST(s.changed == 0);
        continue;
      }
      if (s.recoverable > 0) BOOST_TEST(s.exact_recoverable >= 0.95 * s.recoverable);
      if (kLossyGbkKinds.count(kind)) BOOST_TEST(s.agreement / s.cases >= 0.85);
      // The two real passages: seed 003's expected text also drops a pinyin
      // note "(yōu)" that sits inside the damaged bytes, which no byte-level
      // repair can remove (at best ~77% there), so the pair is held to a
      // lower floor than the generated kinds; the table reports the figure.
      if (kind == "seed-misaligned-gbk") BOOST_TEST(s.agreement / s.cases >= 0.78);
    }
  }
}

// One of OpenCC's character dictionaries as text (key, tab, values by
// spaces): each character to its first value.
std::unordered_map<std::string, std::string> load_char_map(const std::string& path) {
  std::unordered_map<std::string, std::string> map;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const size_t end = line.find(' ', tab + 1);
    map.emplace(line.substr(0, tab), line.substr(tab + 1, end == std::string::npos ? end : end - tab - 1));
  }
  return map;
}

// `text` converted character by character through `map`.
std::string convert_chars(std::string_view text, const std::unordered_map<std::string, std::string>& map) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    int len;
    aidtext::utf8::decode(text, i, &len);
    const std::string ch(text.substr(i, static_cast<size_t>(len)));
    const auto it = map.find(ch);
    out += it == map.end() ? ch : it->second;
    i += static_cast<size_t>(len);
  }
  return out;
}

// Damage that went through a simplified -> traditional conversion after it
// was made (a repost by a Hong Kong or Taiwan site) no longer spells the
// bytes it came from: 习 became 習. The misaligned-GBK passages of the
// suite, converted by OpenCC's STCharacters, must repair nearly as well as
// they do unconverted (compared after folding both to simplified with
// TSCharacters): within 10 points. Session 16: gbk-misaligned-qmark 84.6 %
// converted against 92.2 %, the two real passages 79.8 % against 80.4 %;
// before the repairer read a traditional form by its simplified form's
// bytes too (lattice.h's LatticeCosts::converted_reading), 45.2 % and
// 39.8 %: the converted damage came out as other debris.
BOOST_AUTO_TEST_CASE(misaligned_gbk_converted_to_traditional_after_the_damage,
                     *boost::unit_test::precondition(suite_present)) {
  auto cases = aidtext::testing::load_mojibake_cases(kSuitePath);
  BOOST_REQUIRE(cases);
  const auto s2t = load_char_map(std::string(AIDTEXT_OPENCC_TEXT_DIR) + "/STCharacters.txt");
  const auto t2s = load_char_map(std::string(AIDTEXT_OPENCC_TEXT_DIR) + "/TSCharacters.txt");
  BOOST_REQUIRE(s2t.size() > 1000 && t2s.size() > 1000);
  auto folded = [&](std::string_view s) { return fold_width(convert_chars(s, t2s)); };
  struct Figures {
    int cases = 0, changed = 0;
    double plain = 0, converted = 0;
  };
  std::map<std::string, Figures> by_kind;
  for (const auto& c : *cases) {
    if (c.kind != "seed-misaligned-gbk" && c.kind != "gbk-misaligned-qmark") continue;
    const std::string converted = convert_chars(c.garbled, s2t);
    Figures& f = by_kind[c.kind];
    ++f.cases;
    f.changed += converted != c.garbled;
    f.plain += char_agreement(folded(aidtext::repair_mojibake(c.garbled).text), folded(c.expected));
    const aidtext::Repaired r = aidtext::repair_mojibake(converted);
    const double agree = char_agreement(folded(r.text), folded(c.expected));
    f.converted += agree;
    if (c.kind == "seed-misaligned-gbk")
      std::printf("%s converted: character agreement %.1f%%\n  repaired: %s\n", c.id.c_str(), 100.0 * agree,
                  r.text.c_str());
  }
  for (const auto& [kind, f] : by_kind) {
    std::printf("%-22s %d cases (%d changed by s2t): agreement %.1f%% unconverted, %.1f%% converted\n",
                kind.c_str(), f.cases, f.changed, 100.0 * f.plain / f.cases, 100.0 * f.converted / f.cases);
    BOOST_TEST_CONTEXT("kind " << kind) {
      BOOST_TEST(f.changed > 0);
      BOOST_TEST(f.converted / f.cases >= f.plain / f.cases - 0.10);
    }
  }
  BOOST_TEST(by_kind.size() == 2u);
}

}  // namespace
