// Figures in plain-text tables: the header's column names and units, the
// rows' labels as places and times.
#define BOOST_TEST_MODULE metrics_table
#include <boost/test/unit_test.hpp>

#include "metrics/tables.h"
#include "numerals/recognizer.h"
#include "quantity_builder.h"

using aidtext::Decimal;
using aidtext::MetricRecord;
using aidtext::testing::Doc;

namespace {

const MetricRecord* record_of(const std::vector<MetricRecord>& rs, std::string_view metric, std::string_view text) {
  for (const MetricRecord& r : rs)
    if (r.metric == metric && r.text == text) return &r;
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_header_gives_each_column_its_meaning_and_unit) {
  Doc d("2019年底，全市贫困人口3.84万人。\n"
        "县区  减贫人数（人）  贫困发生率（%）  扶贫资金（万元）\n"
        "武都区  26514  1.83  3260\n"
        "宕昌县  18972  -  1250.5\n"
        "全市在脱贫攻坚中取得成效。");
  d.date("2019年底", "2019", true).q("3.84万人", "person", Decimal(38400));
  d.q("26514", "", Decimal(26514)).q("1.83", "", Decimal(183, -2)).q("3260", "", Decimal(3260));
  d.q("18972", "", Decimal(18972)).q("1250.5", "", Decimal(12505, -1));
  auto rs = d.extract();
  const MetricRecord* lifted = record_of(rs, "lifted_population", "26514");
  BOOST_TEST_REQUIRE(lifted);
  BOOST_TEST(lifted->unit == "person");
  BOOST_TEST(lifted->place.value_or("null") == "武都区");
  BOOST_TEST(lifted->time.value_or("null") == "2019");
  const MetricRecord* rate = record_of(rs, "poverty_incidence", "1.83");
  BOOST_TEST_REQUIRE(rate);
  BOOST_TEST((rate->value == Decimal(183, -2)));
  // 万元 in the header scales the cell.
  const MetricRecord* funds = record_of(rs, "aid_funds", "1250.5");
  BOOST_TEST_REQUIRE(funds);
  BOOST_TEST(funds->value.to_string() == "12505000");
  BOOST_TEST(funds->place.value_or("null") == "宕昌县");
  // Provenance: the cell itself.
  BOOST_TEST(d.text().text.substr(funds->span.begin, funds->span.size()) == "1250.5");
}

BOOST_AUTO_TEST_CASE(a_row_label_that_is_a_year_dates_its_row) {
  Doc d("渭源县减贫情况\n年份  减贫人数（人）\n2018年  12000\n2019年  9500\n");
  d.date("2018年", "2018").q("12000", "", Decimal(12000)).date("2019年", "2019").q("9500", "", Decimal(9500));
  auto rs = d.extract();
  const MetricRecord* a = record_of(rs, "lifted_population", "12000");
  const MetricRecord* b = record_of(rs, "lifted_population", "9500");
  BOOST_TEST_REQUIRE(a);
  BOOST_TEST_REQUIRE(b);
  BOOST_TEST(a->time.value_or("null") == "2018");
  BOOST_TEST(b->time.value_or("null") == "2019");
  BOOST_TEST(b->place.value_or("null") == "渭源县");
}

BOOST_AUTO_TEST_CASE(a_row_label_names_no_later_paragraph) {
  // The last row's county is no frame for the section after the table.
  Doc d("陇南市召开会议。陇南市扶贫成效明显。\n县区  减贫人数（人）\n武都区  26514\n礼县  21035\n"
        "全年共落实扶贫资金32.6亿元。");
  d.q("26514", "", Decimal(26514)).q("21035", "", Decimal(21035)).q("32.6亿元", "CNY", Decimal(3260000000));
  auto rs = d.extract();
  const MetricRecord* funds = record_of(rs, "aid_funds", "32.6亿元");
  BOOST_TEST_REQUIRE(funds);
  BOOST_TEST(funds->place.value_or("null") == "陇南市");
}

BOOST_AUTO_TEST_CASE(prose_and_broken_tables_give_no_table_figures) {
  // No separator, a header with no unit, a row with text in a number's
  // column: none is a table.
  for (std::string text : {std::string("减贫人数（人）26514，贫困发生率（%）1.83。\n武都区 26514 1.83\n"),
                           std::string("县区  减贫人数  贫困发生率\n武都区  26514  1.83\n"),
                           std::string("县区  减贫人数（人）\n武都区  成效明显\n")}) {
    const auto qs = aidtext::recognize_quantities(text);
    const auto seg = aidtext::segment(text);
    BOOST_TEST(aidtext::find_table_figures(text, seg, qs).empty(), text);
  }
}

BOOST_AUTO_TEST_CASE(rows_end_at_the_first_line_that_is_no_row) {
  std::string text = "县区  减贫人数（人）\n武都区  26514\n礼县  21035\n注：本表数据为初步统计数。\n宕昌县  18972\n";
  const auto qs = aidtext::recognize_quantities(text);
  const auto seg = aidtext::segment(text);
  const auto figs = aidtext::find_table_figures(text, seg, qs);
  BOOST_TEST_REQUIRE(figs.size() == 2u);  // 宕昌县 is after the note: no row of this table
  BOOST_TEST(figs[0].reading == "减贫人数26514人");
  BOOST_TEST(text.substr(figs[1].label.begin, figs[1].label.size()) == "礼县");
}

BOOST_AUTO_TEST_CASE(a_header_may_leave_the_label_column_unnamed) {
  Doc d("两当县召开脱贫攻坚推进会。\n项目（个）  资金（万元）  受益人口（人）\n产业项目  86  4560  12350\n");
  d.q("86", "", Decimal(86)).q("4560", "", Decimal(4560)).q("12350", "", Decimal(12350));
  auto rs = d.extract();
  const MetricRecord* projects = record_of(rs, "aid_projects", "86");
  const MetricRecord* funds = record_of(rs, "aid_funds", "4560");
  const MetricRecord* people = record_of(rs, "beneficiaries", "12350");
  BOOST_TEST_REQUIRE(projects);
  BOOST_TEST_REQUIRE(funds);
  BOOST_TEST_REQUIRE(people);
  BOOST_TEST(funds->value.to_string() == "45600000");
  BOOST_TEST(people->place.value_or("null") == "两当县");
}
