#define BOOST_TEST_MODULE repeats
#include <boost/test/unit_test.hpp>

#include <string>

#include "../encoding/test_support.h"
#include "normalize/repeats.h"

using namespace aidtext;

namespace {
std::string_view slice(std::string_view t, Range r) { return t.substr(r.begin, r.size()); }
}  // namespace

BOOST_AUTO_TEST_CASE(an_article_printed_twice_is_one_block) {
  const std::string article =
      "2020年全县贫困发生率降至0.5%，贫困人口减少1.2万人。\n"
      "\n"
      "县扶贫办负责人介绍，全年投入帮扶资金3.5亿元。\n"
      "微信\n"
      "全县新建扶贫车间12个，带动1500人就业。\n";
  const std::string text = "县脱贫攻坚推进会召开了\n" + article + "责任编辑：李文静同志\n" + "  • " + article;
  auto reps = find_repeated_passages(text);
  BOOST_REQUIRE_EQUAL(reps.size(), 1u);
  BOOST_TEST(slice(text, reps[0].passage).substr(0, 7) == "2020年");
  BOOST_TEST(slice(text, reps[0].passage).size() == slice(text, reps[0].first).size());
  BOOST_TEST(slice(text, reps[0].passage) == slice(text, reps[0].first));
  BOOST_TEST(reps[0].first.begin < reps[0].passage.begin);
}

BOOST_AUTO_TEST_CASE(headline_repeated_in_body) {
  const std::string text =
      "长河乡扶贫工作推进会召开\n\n长河乡扶贫工作推进会召开\n6月，长河乡召开扶贫工作推进会，部署下一阶段工作。\n";
  auto reps = find_repeated_passages(text);
  BOOST_REQUIRE_EQUAL(reps.size(), 1u);
  BOOST_TEST(slice(text, reps[0].passage) == "长河乡扶贫工作推进会召开");
  BOOST_TEST(reps[0].first.begin == 0u);
}

BOOST_AUTO_TEST_CASE(trivial_lines_and_distinct_text_are_not_repeats) {
  BOOST_TEST(find_repeated_passages("微信\n微博\n微信\n微博\n分享至\n分享至\n").empty());
  BOOST_TEST(find_repeated_passages("第一段的内容比较长一些。\n第二段的内容也比较长。\n").empty());
  BOOST_TEST(find_repeated_passages("").empty());
  // A line repeated three times: two repeats, both pointing at the first.
  auto reps = find_repeated_passages("全县贫困发生率降至零以下\n全县贫困发生率降至零以下\n全县贫困发生率降至零以下\n");
  BOOST_REQUIRE_EQUAL(reps.size(), 2u);
  BOOST_TEST(reps[0].first.begin == 0u);
  BOOST_TEST(reps[1].first.begin == 0u);
}

// Seed 004 prints its article twice; the second copy lacks one control line.
BOOST_AUTO_TEST_CASE(seed_004_doubled_page, *boost::unit_test::precondition(aidtext::testing::has_shared_dir)) {
  for (const auto& seed : aidtext::testing::seed_files()) {
    if (seed.filename().string().rfind("004_", 0) != 0) continue;
    std::string text = aidtext::testing::read_file(seed);
    auto reps = find_repeated_passages(text);
    BOOST_REQUIRE_EQUAL(reps.size(), 1u);
    // The repeat covers most of the second half and starts with the headline.
    BOOST_TEST(reps[0].passage.size() > text.size() / 3);
    BOOST_TEST(slice(text, reps[0].passage).substr(0, 12) == slice(text, reps[0].first).substr(0, 12));
    BOOST_TEST(reps[0].first.end <= reps[0].passage.begin);
  }
}
