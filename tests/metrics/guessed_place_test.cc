// A place name written with characters the mojibake repairer guessed
// (Repair::guessed: chosen by context, their bytes lost) is no evidence: the
// figure takes the next governing place, or none. Each case is also run
// without the guess, where the guessed name is the place.
#define BOOST_TEST_MODULE metrics_guessed_place
#include <boost/test/unit_test.hpp>

#include "metrics/places.h"
#include "metrics/rule_pack_data.h"
#include "quantity_builder.h"

using aidtext::Decimal;
using aidtext::testing::Doc;
using aidtext::testing::place_of;

namespace {

// The sentence with its figure, and the name in it marked guessed or not.
Doc doc(const std::string& text, std::string_view guessed, bool mark) {
  Doc d(text);
  if (mark) d.guessed(guessed);
  d.q("2.89万人", "person", Decimal(28900));
  return d;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_guessed_name_is_no_place) {
  const std::string text = "甘肃省贫困人口减至2.89万人。";
  BOOST_TEST(place_of(doc(text, "甘肃", false), "2.89万人") == "甘肃省");
  BOOST_TEST(place_of(doc(text, "甘肃", true), "2.89万人") == "null");
}

BOOST_AUTO_TEST_CASE(the_next_governing_place_takes_over) {
  const std::string text = "定西市召开脱贫攻坚推进会。会上通报，甘肃省贫困人口减至2.89万人。";
  BOOST_TEST(place_of(doc(text, "甘肃", false), "2.89万人") == "甘肃省");
  BOOST_TEST(place_of(doc(text, "甘肃", true), "2.89万人") == "定西市");
}

// 上海 guessed for 生产 (the case that asked for this): a bare name of the
// pack, made up where the text had other words.
BOOST_AUTO_TEST_CASE(a_guessed_bare_name_is_no_place) {
  const std::string text = "渭源县召开会议。全年上海贫困人口减至2.89万人。";
  BOOST_TEST(place_of(doc(text, "上海", false), "2.89万人") == "上海");
  BOOST_TEST(place_of(doc(text, "上海", true), "2.89万人") == "渭源县");
}

// A name seen with its suffix lends its stem to later bare uses (渭源 after
// 渭源县); a guessed one lends nothing.
BOOST_AUTO_TEST_CASE(a_guessed_name_seeds_no_bare_use) {
  const std::string text = "记者来到渭源县。\n渭源贫困人口减至2.89万人。";
  BOOST_TEST(place_of(doc(text, "渭源", false), "2.89万人") == "渭源县");
  BOOST_TEST(place_of(doc(text, "渭源", true), "2.89万人") == "null");
}

// Ranges overlapping a mention in part drop it too; ranges elsewhere drop
// nothing.
BOOST_AUTO_TEST_CASE(the_index_records_no_mention_over_a_guess) {
  const std::string text = "甘肃省定西市渭源县贫困人口减少。";
  const auto& rules = aidtext::RulePack::default_pack().data();
  auto names = [&](std::vector<aidtext::Range> guessed) {
    aidtext::CharIndex chars(text, rules.char_classes.empty() ? nullptr : rules.char_classes.data());
    aidtext::PlaceIndex idx(text, chars, rules, guessed);
    std::vector<std::string> out;
    for (const auto& m : idx.mentions()) out.push_back(m.name);
    return out;
  };
  const auto at = [&](std::string_view s) { return static_cast<uint32_t>(text.find(s)); };
  BOOST_TEST(names({}) == (std::vector<std::string>{"甘肃省", "定西市", "渭源县"}), boost::test_tools::per_element());
  // 定西市's suffix alone.
  BOOST_TEST(names({{at("渭源县") - 3, at("渭源县")}}) == (std::vector<std::string>{"甘肃省", "渭源县"}),
             boost::test_tools::per_element());
  BOOST_TEST(names({{at("贫困"), at("贫困") + 6}}) == (std::vector<std::string>{"甘肃省", "定西市", "渭源县"}),
             boost::test_tools::per_element());
}
