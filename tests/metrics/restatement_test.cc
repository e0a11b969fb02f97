// Each fact once: a headline that restates a clause found later inside a
// longer body paragraph gives one record, even when the body sentence takes
// another time or place from the paragraph around it. The articles are
// written for this test (recognizer + extractor, identity offsets).
#define BOOST_TEST_MODULE metrics_restatement
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/normalized_text.h"
#include "metrics/extractor.h"
#include "numerals/recognizer.h"

using namespace aidtext;

namespace {

std::vector<MetricRecord> extract(std::string text, std::string_view doc_date = "") {
  NormalizedText nt;
  nt.map = OffsetMap::identity(static_cast<uint32_t>(text.size()));
  nt.text = std::move(text);
  return extract_metrics(nt, recognize_quantities(nt.text), RulePack::default_pack(), doc_date);
}

size_t count(const std::vector<MetricRecord>& rs, std::string_view metric, std::string_view value) {
  size_t n = 0;
  for (const MetricRecord& r : rs) n += r.metric == metric && r.value.to_string() == value;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(headline_restated_in_a_body_sentence_dated_by_its_paragraph) {
  // The body sentence takes 2018 from the paragraph's opening; the headline
  // says 2019. Its clauses stand word for word in the body: one fact each.
  const std::string article =
      "2019年岷县贫困发生率降至1.23%，8.6万人脱贫\n"
      "来源：定西日报\n"
      "\n"
      "2018年底，全县还有贫困人口2.1万人。经过一年的努力，岷县贫困发生率降至1.23%，8.6万人脱贫，"
      "118个贫困村退出贫困序列。\n";
  auto rs = extract(article, "2020-01-10");
  BOOST_TEST(count(rs, "poverty_incidence", "1.23") == 1u);
  BOOST_TEST(count(rs, "lifted_population", "86000") == 1u);
  BOOST_TEST(count(rs, "poor_population", "21000") == 1u);
  BOOST_TEST(count(rs, "villages_exited", "118") == 1u);
  BOOST_TEST(rs.size() == 4u);
  // The record kept is the headline's, with the headline's year.
  for (const MetricRecord& r : rs)
    if (r.metric == "lifted_population") BOOST_TEST((r.time && *r.time == "2019"));
}

BOOST_AUTO_TEST_CASE(headline_restated_in_a_body_sentence_placed_by_its_paragraph) {
  // The body paragraph names other counties first, so its sentence takes
  // another place; the headline's clauses stand word for word in it.
  const std::string article =
      "漳县：全县贫困人口减至1.2万人，贫困发生率降至4.5%\n"
      "\n"
      "定西市近日召开脱贫攻坚推进会，安定区、通渭县、陇西县、渭源县、临洮县作了交流发言。"
      "会上通报，全县贫困人口减至1.2万人，贫困发生率降至4.5%，漳县脱贫攻坚取得决定性进展。\n";
  auto rs = extract(article);
  BOOST_TEST(count(rs, "poor_population", "12000") == 1u);
  BOOST_TEST(count(rs, "poverty_incidence", "4.5") == 1u);
  BOOST_TEST(rs.size() == 2u);
  for (const MetricRecord& r : rs) BOOST_TEST((r.place && *r.place == "漳县"));
}

BOOST_AUTO_TEST_CASE(the_same_clause_in_two_body_paragraphs_is_two_facts) {
  // No headline: two counties each report the same rate. Both records stay.
  const std::string article =
      "据了解，今年全市脱贫攻坚成效明显，各县均已完成年度目标任务，现将有关情况通报如下。\n"
      "2019年，岷县加快推进产业扶贫，贫困发生率降至1.2%。\n"
      "2018年，漳县加快推进产业扶贫，贫困发生率降至1.2%。\n";
  auto rs = extract(article);
  BOOST_TEST(count(rs, "poverty_incidence", "1.2") == 2u);
}

BOOST_AUTO_TEST_CASE(a_headline_with_other_words_is_another_fact_when_time_disagrees) {
  // The headline's figure clause does not stand in the body (and the body's
  // not in the headline), and the years disagree: two facts.
  const std::string article =
      "2019年岷县新增脱贫人口8.6万人\n"
      "\n"
      "2018年，岷县加大产业扶贫力度，全县减贫8.6万人。\n";
  auto rs = extract(article);
  BOOST_TEST(count(rs, "lifted_population", "86000") == 2u);
}

BOOST_AUTO_TEST_CASE(a_headline_rounding_a_body_figure_is_that_figure) {
  // 超过12亿元 in the title rounds the body's 12.4亿元: one fact, as the body
  // states it. 超过20亿元 rounds nothing the body says: a fact of its own.
  const std::string article =
      "消费扶贫展销会落幕 签约金额超过12亿元 线上销售超过20亿元\n"
      "\n"
      "本届消费扶贫展销会现场销售额达2.3亿元，签约采购金额12.4亿元。\n";
  auto rs = extract(article, "2020-11-18");
  BOOST_TEST(count(rs, "consumption_aid", "1240000000") == 1u);
  BOOST_TEST(count(rs, "consumption_aid", "1200000000") == 0u);
  BOOST_TEST(count(rs, "consumption_aid", "2000000000") == 1u);
  for (const MetricRecord& r : rs)
    if (r.value.to_string() == "1240000000") BOOST_TEST(r.text == "12.4亿元");
}
