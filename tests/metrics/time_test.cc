// The time of a figure: governing dates, periods, relative years, lists.
#define BOOST_TEST_MODULE metrics_time
#include <boost/test/unit_test.hpp>

#include "quantity_builder.h"

using aidtext::Decimal;
using aidtext::testing::Doc;
using aidtext::testing::find_record;

namespace {

std::string time_of(const Doc& d, std::string_view surface, std::string_view doc_date = "") {
  auto rs = d.extract(doc_date);
  const aidtext::MetricRecord* r = find_record(rs, surface);
  if (!r) return "(no record)";
  return r->time.value_or("null");
}

}  // namespace

BOOST_AUTO_TEST_CASE(date_before_the_figure_in_its_sentence) {
  Doc d("2018年3月，某领导来调研。2018年底贫困人口减至2.89万人。");
  d.date("2018年3月", "2018-03").date("2018年底", "2018", true).q("2.89万人", "person", Decimal(28900));
  BOOST_TEST(time_of(d, "2.89万人") == "2018");
}

BOOST_AUTO_TEST_CASE(a_period_is_dated_by_its_end) {
  Doc d("自2017年5月至2019年5月，签订扶贫合作项目85项。");
  d.date("2017年5月", "2017-05").date("2019年5月", "2019-05").q("85项", "count", Decimal(85), "项");
  BOOST_TEST(time_of(d, "85项") == "2019-05");
}

BOOST_AUTO_TEST_CASE(an_opening_date_dates_nothing) {
  Doc d("2015年以来，先后选派了8名优秀干部。从2016年起每年减贫1000人。");
  d.date("2015年", "2015").q("8名", "person", Decimal(8));
  d.date("2016年", "2016").q("1000人", "person", Decimal(1000));
  BOOST_TEST(time_of(d, "8名") == "null");
  BOOST_TEST(time_of(d, "1000人") == "null");
}

BOOST_AUTO_TEST_CASE(dates_without_a_year_and_time_stamps_date_nothing) {
  Doc d("2017年05月22日 14时50分\n5月18日，落实帮扶资金300万元。");
  d.date("2017年05月22日 14时50分", "2017-05-22T14:50").date("5月18日", "--05-18");
  d.q("300万元", "CNY", Decimal(3000000));
  BOOST_TEST(time_of(d, "300万元") == "null");
}

BOOST_AUTO_TEST_CASE(a_span_of_months_dates_its_figures_in_the_document_year) {
  Doc d("1至9月，全省采购贫困地区农副产品4.7亿元。");
  d.date("1", "--01").date("9月", "--09").q("4.7亿元", "CNY", Decimal(470000000));
  BOOST_TEST(time_of(d, "4.7亿元", "2020-10-15") == "2020-09");
  BOOST_TEST(time_of(d, "4.7亿元") == "null");  // no document year
  // A month alone is an event's (9月，县里召开…), not a span's end.
  Doc alone("9月，落实帮扶资金300万元。");
  alone.date("9月", "--09").q("300万元", "CNY", Decimal(3000000));
  BOOST_TEST(time_of(alone, "300万元", "2020-10-15") == "null");
}

BOOST_AUTO_TEST_CASE(a_pair_dated_on_its_from_side_only_dates_the_next_from_figure) {
  Doc d("截至2019年底，全省贫困人口由2013年底的552万人减少到17.5万人，贫困发生率由26.5%下降到0.9%。");
  d.date("2019年底", "2019", true).date("2013年底", "2013", true).q("552万人", "person", Decimal(5520000));
  d.q("17.5万人", "person", Decimal(175000)).q("26.5%", "percent", Decimal(265, -1)).q("0.9%", "percent", Decimal(9, -1));
  BOOST_TEST(time_of(d, "552万人") == "2013");
  BOOST_TEST(time_of(d, "17.5万人") == "2019");
  BOOST_TEST(time_of(d, "26.5%") == "2013");
  BOOST_TEST(time_of(d, "0.9%") == "2019");
  // A from side whose pair is still open is no pair before the figure.
  Doc open("截至2019年底，贫困发生率由2013年底的26.5%和从8.1%下降到0.9%。");
  open.date("2019年底", "2019", true).date("2013年底", "2013", true).q("26.5%", "percent", Decimal(265, -1));
  open.q("8.1%", "percent", Decimal(81, -1)).q("0.9%", "percent", Decimal(9, -1));
  BOOST_TEST(time_of(open, "8.1%") == "2019");
}

BOOST_AUTO_TEST_CASE(a_period_dates_the_from_side_of_a_pair_with_its_start) {
  // 2013年至2019年, then from/to pairs: the from figures are the start's,
  // the to figures and the others the end's.
  Doc d("2013年至2019年，全省贫困人口从692万人减少到17.5万人，贫困发生率从33.2%下降到0.9%，累计减贫674.5万人。");
  d.date("2013年", "2013").date("2019年", "2019").q("692万人", "person", Decimal(6920000));
  d.q("17.5万人", "person", Decimal(175000)).q("33.2%", "percent", Decimal(332, -1)).q("0.9%", "percent", Decimal(9, -1));
  d.q("674.5万人", "person", Decimal(6745000));
  BOOST_TEST(time_of(d, "692万人") == "2013");
  BOOST_TEST(time_of(d, "17.5万人") == "2019");
  BOOST_TEST(time_of(d, "33.2%") == "2013");
  BOOST_TEST(time_of(d, "0.9%") == "2019");
  BOOST_TEST(time_of(d, "674.5万人") == "2019");
  // Two dates not joined as a period: the from side is dated as before.
  Doc apart("2013年，2019年全省贫困人口由692万人减少到17.5万人。");
  apart.date("2013年", "2013").date("2019年", "2019").q("692万人", "person", Decimal(6920000));
  apart.q("17.5万人", "person", Decimal(175000));
  BOOST_TEST(time_of(apart, "692万人") == "2019");
  // A from side still open between the period and the figure: no pair.
  Doc open("2013年至2019年，贫困发生率由26.5%和从8.1%下降到0.9%。");
  open.date("2013年", "2013").date("2019年", "2019").q("26.5%", "percent", Decimal(265, -1));
  open.q("8.1%", "percent", Decimal(81, -1)).q("0.9%", "percent", Decimal(9, -1));
  BOOST_TEST(time_of(open, "26.5%") == "2013");
  BOOST_TEST(time_of(open, "8.1%") == "2019");
}

BOOST_AUTO_TEST_CASE(an_undated_from_to_pair_takes_the_dates_of_the_pair_before_it) {
  Doc d("2020年6月，全县贫困人口由2014年的3.2万人减少到2019年的1500人，贫困发生率由25.1%下降到1.2%。");
  d.date("2020年6月", "2020-06").date("2014年", "2014").q("3.2万人", "person", Decimal(32000));
  d.date("2019年", "2019").q("1500人", "person", Decimal(1500));
  d.q("25.1%", "percent", Decimal(251, -1)).q("1.2%", "percent", Decimal(12, -1));
  BOOST_TEST(time_of(d, "3.2万人") == "2014");
  BOOST_TEST(time_of(d, "1500人") == "2019");
  BOOST_TEST(time_of(d, "25.1%") == "2014");
  BOOST_TEST(time_of(d, "1.2%") == "2019");
  // 从 as 由; a date bound by 的 to a figure opens no period (从2014年的…).
  Doc cong("全县贫困人口从2014年的2.1万人减少到2019年的0.3万人，贫困发生率从18.2%降到2.6%。");
  cong.date("2014年", "2014").q("2.1万人", "person", Decimal(21000)).date("2019年", "2019");
  cong.q("0.3万人", "person", Decimal(3000)).q("18.2%", "percent", Decimal(182, -1)).q("2.6%", "percent", Decimal(26, -1));
  BOOST_TEST(time_of(cong, "2.1万人") == "2014");
  BOOST_TEST(time_of(cong, "18.2%") == "2014");
  BOOST_TEST(time_of(cong, "2.6%") == "2019");
  // Without a dated pair before it, the sentence's opening dates both.
  Doc plain("2020年6月，贫困发生率由25.1%下降到1.2%。");
  plain.date("2020年6月", "2020-06").q("25.1%", "percent", Decimal(251, -1)).q("1.2%", "percent", Decimal(12, -1));
  BOOST_TEST(time_of(plain, "25.1%") == "2020-06");
}

BOOST_AUTO_TEST_CASE(this_year_counts_from_the_document_date) {
  Doc d("确保今年236个贫困村出列。");
  d.relative("今年", 0).q("236个", "count", Decimal(236), "个");
  BOOST_TEST(time_of(d, "236个") == "null");
  BOOST_TEST(time_of(d, "236个", "2019-06-26") == "2019");

  Doc last("去年，全县减贫3000人。");
  last.relative("去年", -1).q("3000人", "person", Decimal(3000));
  BOOST_TEST(time_of(last, "3000人", "2020") == "2019");
}

BOOST_AUTO_TEST_CASE(document_date_from_the_header_time_stamp) {
  Doc d("某县扶贫工作会召开\n2020年07月14日 09:30\n今年全县减贫3000人。");
  d.date("2020年07月14日 09:30", "2020-07-14T09:30").relative("今年", 0).q("3000人", "person", Decimal(3000));
  BOOST_TEST(time_of(d, "3000人") == "2020");
}

BOOST_AUTO_TEST_CASE(a_date_after_a_reporting_lead_in_dates_the_sentence_and_the_next) {
  // Before the first figure, past a lead-in of 20 characters: the date
  // right before the figures frames them (not the report's own date).
  Doc d("2020年1月8日，记者从宕昌县扶贫办获悉，截至2019年底，全县累计减贫14.2万人。全县剩余贫困人口6721人。");
  d.date("2020年1月8日", "2020-01-08").date("2019年底", "2019", true).q("14.2万人", "person", Decimal(142000));
  d.q("6721人", "person", Decimal(6721));
  BOOST_TEST(time_of(d, "14.2万人") == "2019");
  BOOST_TEST(time_of(d, "6721人") == "2019");

  // A date bound by 的 to the first figure is that figure's alone.
  Doc bound("近年来，全县贫困人口由2013年底的11.5万人减少到1.2万人。全县累计减贫3000人。");
  bound.date("2013年底", "2013", true).q("11.5万人", "person", Decimal(115000));
  bound.q("1.2万人", "person", Decimal(12000)).q("3000人", "person", Decimal(3000));
  BOOST_TEST(time_of(bound, "3000人") == "null");
}

BOOST_AUTO_TEST_CASE(a_date_bound_to_a_figure_dates_the_figure_written_right_after_it) {
  // 1.2万户3.8万人: the households' people, of the same year; a figure
  // after a mark is not.
  Doc d("全县贫困户由2014年的1.2万户3.8万人减少到2019年底的312户1020人，全县减贫3000人。");
  d.date("2014年", "2014").q("1.2万户", "household", Decimal(12000)).q("3.8万人", "person", Decimal(38000));
  d.date("2019年底", "2019", true).q("312户", "household", Decimal(312)).q("1020人", "person", Decimal(1020));
  d.q("3000人", "person", Decimal(3000));
  BOOST_TEST(time_of(d, "1.2万户") == "2014");
  BOOST_TEST(time_of(d, "3.8万人") == "2014");
  BOOST_TEST(time_of(d, "1020人") == "2019");
  Doc apart("全县贫困户由2014年的1.2万户、3.8万人减少到312户。");
  apart.date("2014年", "2014").q("1.2万户", "household", Decimal(12000)).q("3.8万人", "person", Decimal(38000));
  apart.q("312户", "household", Decimal(312));
  BOOST_TEST(time_of(apart, "3.8万人") == "null");
}

BOOST_AUTO_TEST_CASE(a_date_opening_the_paragraph_dates_its_later_sentences) {
  Doc d("2016年，全县减贫3000人。新增转移就业500人。\n资金方面，落实帮扶资金300万元。");
  d.date("2016年", "2016").q("3000人", "person", Decimal(3000)).q("500人", "person", Decimal(500));
  d.q("300万元", "CNY", Decimal(3000000));
  BOOST_TEST(time_of(d, "500人") == "2016");
  // A report's section after the dated paragraph is framed by it.
  BOOST_TEST(time_of(d, "300万元") == "2016");
}

BOOST_AUTO_TEST_CASE(a_paragraph_with_a_date_of_its_own_ends_the_frame) {
  Doc d("2016年，全县减贫3000人。\n会议要求，各乡镇要在2018年3月前完成整改。\n资金方面，落实帮扶资金300万元。");
  d.date("2016年", "2016").q("3000人", "person", Decimal(3000)).date("2018年3月", "2018-03");
  d.q("300万元", "CNY", Decimal(3000000));
  BOOST_TEST(time_of(d, "300万元") == "null");
}

BOOST_AUTO_TEST_CASE(a_date_bound_to_another_figure_by_de) {
  Doc d("2019年，贫困发生率由2018年底的7.12%下降到1.43%。");
  d.date("2019年", "2019").date("2018年底", "2018", true).q("7.12%", "percent", Decimal(712, -2));
  d.q("1.43%", "percent", Decimal(143, -2));
  BOOST_TEST(time_of(d, "7.12%") == "2018");
  BOOST_TEST(time_of(d, "1.43%") == "2019");
}

BOOST_AUTO_TEST_CASE(this_year_so_far_and_as_of_a_month) {
  Doc d("今年以来，全县减贫3000人。截至7月底，全县转移就业贫困劳动力2.3万人。2015年以来，累计减贫9000人。");
  d.relative("今年", 0).q("3000人", "person", Decimal(3000)).date("7月底", "--07", true);
  d.q("2.3万人", "person", Decimal(23000)).date("2015年", "2015").q("9000人", "person", Decimal(9000));
  BOOST_TEST(time_of(d, "3000人", "2019-08-06") == "2019");
  BOOST_TEST(time_of(d, "2.3万人", "2019-08-06") == "2019-07");
  BOOST_TEST(time_of(d, "2.3万人") == "null");
  BOOST_TEST(time_of(d, "9000人", "2019-08-06") == "null");
}

BOOST_AUTO_TEST_CASE(the_headline_year_dates_what_nothing_else_does) {
  Doc d("某区2019年脱贫攻坚成效显著\n目前，全区尚有贫困人口1.9万人。");
  d.date("2019年", "2019").q("1.9万人", "person", Decimal(19000));
  BOOST_TEST(time_of(d, "1.9万人") == "2019");
}

BOOST_AUTO_TEST_CASE(a_list_takes_its_date_from_the_paragraph_introducing_it) {
  Doc d("2019年，组团坚持三个对接，取得明显成效。\n"
        "■ 全年共落实帮扶资金6686万元；\n"
        "■ 举办培训班84期。\n"
        "2020年工作要点\n"
        "落实帮扶资金100万元。");
  d.date("2019年", "2019").q("6686万元", "CNY", Decimal(66860000)).q("84期", "count", Decimal(84), "期");
  d.date("2020年", "2020").q("100万元", "CNY", Decimal(1000000));
  BOOST_TEST(time_of(d, "6686万元") == "2019");
  BOOST_TEST(time_of(d, "84期") == "2019");
  // The heading opens a new section with its own year.
  BOOST_TEST(time_of(d, "100万元") == "2020");
}

BOOST_AUTO_TEST_CASE(year_end_day_dates_the_year_other_days_the_month) {
  Doc d("截至2019年12月31日，贫困人口减至3000人。截至2020年6月30日，贫困人口减至500人。");
  d.date("2019年12月31日", "2019-12-31").q("3000人", "person", Decimal(3000));
  d.date("2020年6月30日", "2020-06-30").q("500人", "person", Decimal(500));
  BOOST_TEST(time_of(d, "3000人") == "2019");
  BOOST_TEST(time_of(d, "500人") == "2020-06");
}

BOOST_AUTO_TEST_CASE(a_span_back_from_the_time_of_writing_dates_nothing) {
  // 两年多来 in the figure's sentence, and in a paragraph between the figure
  // and an earlier dated one: neither figure takes 2017年8月.
  Doc d("2017年8月，王某到村任第一书记，全村有贫困户127户。\n两年多来，工作队争取到帮扶资金760万元。\n村里成立合作社，带动83户贫困户增收。");
  d.date("2017年8月", "2017-08").q("127户", "household", Decimal(127));
  d.q("760万元", "CNY", Decimal(7600000)).q("83户", "household", Decimal(83));
  BOOST_TEST(time_of(d, "127户") == "2017-08");
  BOOST_TEST(time_of(d, "760万元") == "null");
  BOOST_TEST(time_of(d, "83户") == "null");
  // Without the span the dated paragraph frames the sections after it.
  Doc plain("2017年8月，王某到村任第一书记。\n工作队争取到帮扶资金760万元。");
  plain.date("2017年8月", "2017-08").q("760万元", "CNY", Decimal(7600000));
  BOOST_TEST(time_of(plain, "760万元") == "2017-08");
}

BOOST_AUTO_TEST_CASE(a_dateline_under_the_title_dates_no_section) {
  Doc d("某县2019年统计公报\n某县统计局\n2020年4月10日\n一、脱贫攻坚\n年末全县农村贫困人口1.75万人。");
  d.date("2019年", "2019").date("2020年4月10日", "2020-04-10").q("1.75万人", "person", Decimal(17500));
  BOOST_TEST(time_of(d, "1.75万人") == "2019");
}

BOOST_AUTO_TEST_CASE(a_headline_year_stands_for_an_unknown_document_year) {
  Doc d("某市2020年劳务协作进展情况\n今年以来，截至11月底，全市转移就业贫困劳动力1.52万人。");
  d.date("2020年", "2020").relative("今年", 0).date("11月底", "--11").q("1.52万人", "person", Decimal(15200));
  BOOST_TEST(time_of(d, "1.52万人") == "2020-11");
  // A document date, when there is one, is the year 今年 counts from.
  BOOST_TEST(time_of(d, "1.52万人", "2021-03-01") == "2021-11");
}

BOOST_AUTO_TEST_CASE(the_end_of_a_dated_change_dates_the_figures_after_it) {
  // 减少到2019年底的1209人: where the story stands; the exits after it in the
  // sentence are as of then. The start (2013年底的) dates only its figure.
  Doc d("全县贫困人口由2013年底的6.12万人减少到2019年底的1209人，114个贫困村全部退出。"
        "贫困人口由2013年底的5.12万人开始减少，115个贫困村全部退出。");
  d.date("2013年底", "2013", true).q("6.12万人", "person", Decimal(61200));
  d.date("2019年底", "2019", true).q("1209人", "person", Decimal(1209)).q("114个", "count", Decimal(114), "个");
  d.date("2013年底", "2013", true).q("5.12万人", "person", Decimal(51200)).q("115个", "count", Decimal(115), "个");
  BOOST_TEST(time_of(d, "114个") == "2019");
  BOOST_TEST(time_of(d, "115个") == "null");
}

BOOST_AUTO_TEST_CASE(a_byline_dates_no_section) {
  // 发布时间：2020-12-03 来源：… says when the page was written: the figures
  // below it are undated, though 今年 counts from its year.
  Doc d("全省脱贫攻坚新闻发布会\n发布时间：2020-12-03 来源：省政府新闻办\n全省累计减少农村贫困人口552万人。今年投入资金281.3亿元。");
  d.date("2020-12-03", "2020-12-03").q("552万人", "person", Decimal(5520000));
  d.relative("今年", 0).q("281.3亿元", "CNY", Decimal(28130000000));
  BOOST_TEST(time_of(d, "552万人") == "null");
  BOOST_TEST(time_of(d, "281.3亿元") == "2020");
}

BOOST_AUTO_TEST_CASE(shang_nian_is_the_year_before_the_sentence_s) {
  // A 2019 report: 上年 is 2018 (not the year before the document's 2020).
  Doc d("2019年，全县贫困发生率由上年的5.56%下降到1.52%，贫困人口由上年底的3.1万人减少到0.9万人。");
  d.date("2019年", "2019");
  d.q("5.56%", "percent", Decimal(556, -2)).q("1.52%", "percent", Decimal(152, -2));
  d.q("3.1万人", "person", Decimal(31000)).q("0.9万人", "person", Decimal(9000));
  BOOST_TEST(time_of(d, "5.56%", "2020-01-08") == "2018");
  BOOST_TEST(time_of(d, "1.52%", "2020-01-08") == "2019");
  BOOST_TEST(time_of(d, "3.1万人", "2020-01-08") == "2018");
  BOOST_TEST(time_of(d, "0.9万人", "2020-01-08") == "2019");
}

BOOST_AUTO_TEST_CASE(a_year_written_bare_before_a_name_labels_it) {
  // 2020广州…展销会: the fair of 2020. 种植2020株 is a count, no year.
  Doc d("2020广州消费扶贫展销会上，贵州参展企业实现销售额4200万元，种植2020株苗木。");
  d.q("2020", "", Decimal(2020)).q("4200万元", "CNY", Decimal(42000000)).q("2020", "", Decimal(2020));
  BOOST_TEST(time_of(d, "4200万元") == "2020");
}

BOOST_AUTO_TEST_CASE(a_paragraph_dated_in_the_frame_s_year_keeps_the_frame) {
  // 今年以来 frames the report; a section's own 截至10月底 is of that year and
  // does not end the frame for the next section.
  Doc d("今年以来，全县扶贫工作取得成效。\n健康扶贫方面，资助贫困人口参保4.3万人，截至10月底报销1.86万人次。\n"
        "教育扶贫方面，落实资助资金6320万元。");
  d.relative("今年", 0).q("4.3万人", "person", Decimal(43000)).date("10月底", "--10", true);
  d.q("1.86万人次", "person_time", Decimal(18600)).q("6320万元", "CNY", Decimal(63200000));
  BOOST_TEST(time_of(d, "6320万元", "2019-11-08") == "2019");
  // A date of another year between ends it, as before.
  Doc other("2019年，全县扶贫工作取得成效。\n健康扶贫方面，资助贫困人口参保4.3万人，2018年为3.9万人。\n"
            "教育扶贫方面，落实资助资金6320万元。");
  other.date("2019年", "2019").q("4.3万人", "person", Decimal(43000)).date("2018年", "2018");
  other.q("3.9万人", "person", Decimal(39000)).q("6320万元", "CNY", Decimal(63200000));
  BOOST_TEST(time_of(other, "6320万元") == "null");
}

BOOST_AUTO_TEST_CASE(a_count_of_years_in_digits_is_a_span) {
  // 近3年来 reaches back from the time of writing: the 2014 of the paragraph
  // before does not date what follows it.
  Doc d("2014年全州贫困人口达108.3万人。\n近3年来，杭州市累计投入帮扶资金12.6亿元。");
  d.date("2014年", "2014").q("108.3万人", "person", Decimal(1083000)).q("12.6亿元", "CNY", Decimal(1260000000));
  BOOST_TEST(time_of(d, "12.6亿元") == "null");
  // The end of a longer number is no count of years (2013年来到…).
  Doc year("2013年来到该村后，落实帮扶资金50万元。");
  year.date("2013年", "2013").q("50万元", "CNY", Decimal(500000));
  BOOST_TEST(time_of(year, "50万元") == "2013");
}

BOOST_AUTO_TEST_CASE(a_plan_period_is_dated_by_its_last_year) {
  // “十三五”期间 is 2016–2020: its figures are 2020's. 十三五以来 opens the
  // period (no time in a 2020 report's later figures either); 十三五规划 alone
  // is a plan's name, no date.
  Doc d("“十三五”期间，全省累计减少贫困人口552万人。\n“十三五”以来，全省投入扶贫资金1246亿元。\n编制十三五规划，落实帮扶资金300万元。");
  d.q("552万人", "person", Decimal(5520000)).q("1246亿元", "CNY", Decimal(124600000000));
  d.q("300万元", "CNY", Decimal(3000000));
  BOOST_TEST(time_of(d, "552万人") == "2020");
  BOOST_TEST(time_of(d, "1246亿元", "2020-12-01") == "null");
  BOOST_TEST(time_of(d, "300万元") == "null");
}

BOOST_AUTO_TEST_CASE(when_something_was_founded_dates_nothing_after_it) {
  Doc d("2019年，全县减贫3000人。\n合作社成立于2016年，目前有建档立卡贫困户152户入社。");
  d.date("2019年", "2019").q("3000人", "person", Decimal(3000)).date("2016年", "2016");
  d.q("152户", "household", Decimal(152));
  BOOST_TEST(time_of(d, "152户") == "null");
}

BOOST_AUTO_TEST_CASE(a_date_in_a_label_dates_its_line_only) {
  // Lines "label：figure": 2013年底 is the incidence's own; the next
  // section's figures are not 2013's. A section opening with a date still
  // frames the lines after it.
  Doc d("脱贫攻坚数据一览\n2013年底贫困发生率：30.4%\n【减贫成效】\n累计脱贫人口：6.05万人");
  d.date("2013年底", "2013", true).q("30.4%", "percent", Decimal(304, -1)).q("6.05万人", "person", Decimal(60500));
  BOOST_TEST(time_of(d, "30.4%") == "2013");
  BOOST_TEST(time_of(d, "6.05万人") == "null");
  Doc e("脱贫攻坚数据一览\n2019年，全县脱贫攻坚成效明显。\n累计脱贫人口：6.05万人");
  e.date("2019年", "2019").q("6.05万人", "person", Decimal(60500));
  BOOST_TEST(time_of(e, "6.05万人") == "2019");
}

BOOST_AUTO_TEST_CASE(a_heading_naming_a_year_dates_the_goals_under_it) {
  // Goals take no date from a dated report section before them (下一步，
  // 确保…), but a heading naming a year is the section's own date.
  Doc d("县政府工作报告\n三、2021年工作安排\n我们将计划投入衔接资金8亿元以上。\n2019年，全县减贫3000人。\n下一步，确保剩余1200人全部脱贫。");
  d.date("2021年", "2021").q("8亿元以上", "CNY", Decimal(800000000), "", aidtext::Approx::kOver);
  d.date("2019年", "2019").q("3000人", "person", Decimal(3000)).q("1200人", "person", Decimal(1200));
  BOOST_TEST(time_of(d, "8亿元以上") == "2021");
  BOOST_TEST(time_of(d, "1200人") == "null");
}

BOOST_AUTO_TEST_CASE(the_time_of_writing_is_the_year_the_document_was_written) {
  // 截至目前 in a page dated at its top (a title first, then the byline).
  Doc d("某县易地扶贫搬迁纪实\n\n来源：某日报　发布时间：2020-11-06\n\n截至目前，全县贫困人口减至1516人。");
  d.date("2020-11-06", "2020-11-06").q("1516人", "person", Decimal(1516));
  BOOST_TEST(time_of(d, "1516人") == "2020");
  // 目前 after an earlier date: the time of writing, not that date.
  Doc e("发布时间：2020-11-06\n2019年全县减贫2000人，目前尚有贫困人口1516人。");
  e.date("2020-11-06", "2020-11-06").date("2019年", "2019").q("2000人", "person", Decimal(2000));
  e.q("1516人", "person", Decimal(1516));
  BOOST_TEST(time_of(e, "2000人") == "2019");
  BOOST_TEST(time_of(e, "1516人") == "2020");
  // Without a date of writing 目前 is as if not there: the headline's year
  // or the date before it decides (the_headline_year_dates_what_nothing_else_does).
  Doc f("某区2019年脱贫攻坚成效显著\n2019年，全区减贫4.2万人。目前，全区尚有贫困人口1.9万人。");
  f.date("2019年", "2019").date("2019年", "2019").q("4.2万人", "person", Decimal(42000));
  f.q("1.9万人", "person", Decimal(19000));
  BOOST_TEST(time_of(f, "4.2万人") == "2019");
  BOOST_TEST(time_of(f, "1.9万人") == "2019");
}

BOOST_AUTO_TEST_CASE(a_month_after_a_relative_year_is_of_that_year) {
  Doc d("2020年08月14日\n截至今年6月底，全县惠及贫困户16240户。去年12月，全县减贫300人。");
  d.date("2020年08月14日", "2020-08-14").relative("今年", 0).date("6月底", "--06", true);
  d.q("16240户", "household", Decimal(16240)).relative("去年", -1).date("12月", "--12");
  d.q("300人", "person", Decimal(300));
  BOOST_TEST(time_of(d, "16240户") == "2020-06");
  BOOST_TEST(time_of(d, "300人") == "2019-12");
}

BOOST_AUTO_TEST_CASE(a_dateline_with_its_publisher_frames_no_list) {
  // The items under a round-up's dateline are not of its month.
  Doc d("【脱贫攻坚快讯】\n2020年5月12日　某州扶贫开发办公室\n◆ 某县落实帮扶资金8200万元。");
  d.date("2020年5月12日", "2020-05-12").q("8200万元", "CNY", Decimal(82000000));
  BOOST_TEST(time_of(d, "8200万元") != "2020-05");
}

BOOST_AUTO_TEST_CASE(a_lead_opening_with_its_year_dates_this_year) {
  // No dateline, a headline without a year, a lead that opens 2019年，: 今年
  // is 2019.
  Doc d("临夏县：产业扶贫让群众鼓起钱袋子\n2019年，临夏县坚持把产业扶贫作为根本之策。\n村里今年带动83户贫困户发展养殖。");
  d.date("2019年", "2019").relative("今年", 0).q("83户", "household", Decimal(83), "户");
  BOOST_TEST(time_of(d, "83户") == "2019");
  // A lead that opens a history going on to later years dates no 今年.
  Doc h("闽宁协作二十四年\n1996年，两省区开启对口协作。2019年收入达14961元。\n今年计划帮助1万人以上贫困劳动力转移就业。");
  h.date("1996年", "1996").date("2019年", "2019").q("14961元", "CNY", Decimal(14961));
  h.relative("今年", 0).q("1万人以上", "person", Decimal(10000));
  BOOST_TEST(time_of(h, "1万人以上") != "1996");
}

BOOST_AUTO_TEST_CASE(a_target_is_dated_by_the_year_it_is_to_be_met) {
  // 9个 is a target (将于): the year it is to be met, not the as-of date
  // before it, dates it.
  Doc d("截至2019年底，全县剩余贫困村9个将于2020年全部出列。");
  d.date("2019年底", "2019", true).q("9个", "count", Decimal(9), "个").date("2020年", "2020");
  BOOST_TEST(time_of(d, "9个") == "2020");
  Doc by("2019年，确保剩余15个贫困村到2020年全部出列。");
  by.date("2019年", "2019").q("15个", "count", Decimal(15), "个").date("2020年", "2020");
  BOOST_TEST(time_of(by, "15个") == "2020");
  // A date in a later clause is no deadline of this figure's.
  Doc later("2019年，全县计划投入扶贫资金5亿元，于2020年3月前完成。");
  later.date("2019年", "2019").q("5亿元", "CNY", Decimal(500000000)).date("2020年3月", "2020-03");
  BOOST_TEST(time_of(later, "5亿元") == "2019");
}
