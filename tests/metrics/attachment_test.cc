// Which metric a figure gets from the words around it (default rule pack),
// with hand-made quantities so that only the extractor is under test.
#define BOOST_TEST_MODULE metrics_attachment
#include <boost/test/unit_test.hpp>

#include "metrics/extractor.h"
#include "quantity_builder.h"

using aidtext::Approx;
using aidtext::Decimal;
using aidtext::MetricRecord;
using aidtext::testing::Doc;
using aidtext::testing::find_record;

namespace {

std::string metric_of(const std::vector<MetricRecord>& rs, std::string_view surface) {
  const MetricRecord* r = find_record(rs, surface);
  return r ? r->metric : "(none)";
}

std::string change_of(const std::vector<MetricRecord>& rs, std::string_view surface) {
  const MetricRecord* r = find_record(rs, surface);
  return r ? r->change : "(none)";
}

}  // namespace

BOOST_AUTO_TEST_CASE(verb_and_noun_before_the_figure) {
  Doc d("全年共落实帮扶资金6686万元，实施扶贫项目46项，实现带动贫困人口16709人；建立扶贫车间3个。");
  d.q("6686万元", "CNY", Decimal(66860000)).q("46项", "count", Decimal(46), "项");
  d.q("16709人", "person", Decimal(16709)).q("3个", "count", Decimal(3), "个");
  auto rs = d.extract();
  BOOST_TEST(rs.size() == 4u);
  BOOST_TEST(metric_of(rs, "6686万元") == "aid_funds");
  BOOST_TEST(metric_of(rs, "46项") == "aid_projects");
  BOOST_TEST(metric_of(rs, "16709人") == "beneficiaries");
  BOOST_TEST(metric_of(rs, "3个") == "workshops");
  for (const MetricRecord& r : rs) BOOST_TEST(r.change == "total");
}

BOOST_AUTO_TEST_CASE(one_noun_governs_two_figures) {
  Doc d("2016年，3228户9595名贫困人口脱贫，贫困人口减至0.81万户2.89万人、贫困发生率降至9.05%。");
  d.q("3228户", "household", Decimal(3228)).q("9595名", "person", Decimal(9595));
  d.q("0.81万户", "household", Decimal(8100)).q("2.89万人", "person", Decimal(28900));
  d.q("9.05%", "percent", Decimal(905, -2));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "3228户") == "lifted_households");
  BOOST_TEST(metric_of(rs, "9595名") == "lifted_population");
  BOOST_TEST(metric_of(rs, "0.81万户") == "poor_households");
  BOOST_TEST(metric_of(rs, "2.89万人") == "poor_population");
  BOOST_TEST(metric_of(rs, "9.05%") == "poverty_incidence");
  BOOST_TEST(find_record(rs, "2.89万人")->change == "level");
  BOOST_TEST(find_record(rs, "9.05%")->value.to_string() == "9.05");
}

BOOST_AUTO_TEST_CASE(subset_list_keeps_the_total_metric) {
  Doc d("受益总人数37217人，其中贫困户2319户，贫困人口7875人，直接投资5.6亿元、引进资金7.6亿元。");
  d.q("37217人", "person", Decimal(37217)).q("2319户", "household", Decimal(2319));
  d.q("7875人", "person", Decimal(7875)).q("5.6亿元", "CNY", Decimal(560000000));
  d.q("7.6亿元", "CNY", Decimal(760000000));
  auto rs = d.extract();
  BOOST_TEST(rs.size() == 5u);
  BOOST_TEST(metric_of(rs, "37217人") == "beneficiaries");
  BOOST_TEST(metric_of(rs, "2319户") == "beneficiaries");
  BOOST_TEST(find_record(rs, "2319户")->unit == "household");
  BOOST_TEST(metric_of(rs, "7875人") == "beneficiaries");
  BOOST_TEST(metric_of(rs, "5.6亿元") == "investment");
  BOOST_TEST(metric_of(rs, "7.6亿元") == "funds_attracted");
}

BOOST_AUTO_TEST_CASE(a_part_of_a_standing_count_stands_too) {
  // 有 makes 6220个 a level; its part after 其中 is one too. A part of a
  // total stays a total.
  Doc d("全省共有贫困村6220个，其中深度贫困村3720个。全年带动贫困户1.2万户，其中深度贫困户3000户。");
  d.q("6220个", "count", Decimal(6220), "个").q("3720个", "count", Decimal(3720), "个");
  d.q("1.2万户", "household", Decimal(12000)).q("3000户", "household", Decimal(3000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "3720个") == "poor_villages");
  BOOST_TEST(change_of(rs, "6220个") == "level");
  BOOST_TEST(change_of(rs, "3720个") == "level");
  BOOST_TEST(metric_of(rs, "3000户") == "beneficiaries");
  BOOST_TEST(change_of(rs, "3000户") == "total");
}

BOOST_AUTO_TEST_CASE(subset_without_a_metric_total_stands_alone) {
  Doc d("全县总人口52万人，其中贫困人口2.1万人。");
  d.q("52万人", "person", Decimal(520000)).q("2.1万人", "person", Decimal(21000));
  auto rs = d.extract();
  BOOST_TEST(rs.size() == 1u);
  BOOST_TEST(metric_of(rs, "2.1万人") == "poor_population");
}

BOOST_AUTO_TEST_CASE(a_part_of_a_total_that_is_no_metric_is_none_either) {
  // The total is relocation (no metric, !RELOCATE): so is its part.
  Doc d("全县共实施易地扶贫搬迁1200户5130人，其中建档立卡贫困户860户3650人。");
  d.q("1200户", "household", Decimal(1200)).q("5130人", "person", Decimal(5130));
  d.q("860户", "household", Decimal(860)).q("3650人", "person", Decimal(3650));
  auto rs = d.extract();
  BOOST_TEST(rs.empty());
  for (const MetricRecord& r : rs) BOOST_TEST_MESSAGE("unexpected " << r.metric << " " << r.text);
}

BOOST_AUTO_TEST_CASE(the_poor_a_project_solved_a_problem_for_are_no_count_of_the_poor) {
  // The total is a project's reach (!SOLVED): so is its part. A standing
  // count's part stays the poor population.
  Doc d("解决了4.2万户16.8万人的饮水安全问题，其中建档立卡贫困人口5.1万人。");
  d.q("4.2万户", "household", Decimal(42000)).q("16.8万人", "person", Decimal(168000));
  d.q("5.1万人", "person", Decimal(51000));
  auto rs = d.extract();
  BOOST_TEST(rs.empty());
  for (const MetricRecord& r : rs) BOOST_TEST_MESSAGE("unexpected " << r.metric << " " << r.text);
  Doc p("全县总人口30万人，其中贫困人口2.1万人。");
  p.q("30万人", "person", Decimal(300000)).q("2.1万人", "person", Decimal(21000));
  const auto parts = p.extract();
  const MetricRecord* r = find_record(parts, "2.1万人");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->metric == "poor_population");
}

BOOST_AUTO_TEST_CASE(a_web_page_s_trailer_of_links_gives_nothing) {
  Doc d("某县落实帮扶资金300万元。\n相关新闻：\n· 某县2019年减贫1.2万人\n上一篇：某县贫困发生率降至3.1%");
  d.q("300万元", "CNY", Decimal(3000000)).q("1.2万人", "person", Decimal(12000));
  d.q("3.1%", "percent", Decimal(31, -1));
  auto rs = d.extract();
  BOOST_TEST(rs.size() == 1u);
  BOOST_TEST(metric_of(rs, "300万元") == "aid_funds");
  // Only a paragraph opening with the word starts the trailer, and not the page's first.
  Doc body("相关新闻显示，全县减贫1.2万人。");
  body.q("1.2万人", "person", Decimal(12000));
  BOOST_TEST(metric_of(body.extract(), "1.2万人") == "lifted_population");
}

BOOST_AUTO_TEST_CASE(a_list_of_links_before_the_article_gives_nothing) {
  // A sidebar of other articles' headlines, then the article.
  Doc d("首页 > 扶贫动态\n热点新闻\n· 岷县2019年减贫2.8万人\n· 漳县建设扶贫车间46个\n更多>>\n"
        "陇西县东西部扶贫协作取得实效\n西青区向陇西县拨付财政帮扶资金4860万元。\n热门评论\n网友：我们村去年30户都脱贫了");
  d.q("2.8万人", "person", Decimal(28000)).q("46个", "count", Decimal(46), "个");
  d.q("4860万元", "CNY", Decimal(48600000)).q("30户", "household", Decimal(30));
  auto rs = d.extract();
  BOOST_TEST(rs.size() == 1u);
  BOOST_TEST(metric_of(rs, "4860万元") == "aid_funds");
  // The article's own bulleted lines after an ordinary paragraph are its own.
  Doc own("全县扶贫成效：\n· 减贫2.8万人\n· 建设扶贫车间46个");
  own.q("2.8万人", "person", Decimal(28000)).q("46个", "count", Decimal(46), "个");
  BOOST_TEST(own.extract().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_clause_with_only_a_verb_takes_the_noun_before_it) {
  Doc d("全县共有贫困村48个，已出列45个，未出列3个。贫困人口2.1万人，比上年减少0.5万人。");
  d.q("48个", "count", Decimal(48), "个").q("45个", "count", Decimal(45), "个").q("3个", "count", Decimal(3), "个");
  d.q("2.1万人", "person", Decimal(21000)).q("0.5万人", "person", Decimal(5000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "48个") == "poor_villages");
  BOOST_TEST(metric_of(rs, "45个") == "villages_exited");
  BOOST_TEST(metric_of(rs, "3个") == "villages_remaining");
  // A fall from the year before (比上年减少) of the poor the clause before
  // counts: that many left poverty.
  BOOST_TEST(metric_of(rs, "0.5万人") == "lifted_population");
  // ... but not of a population that is no aid figure; the level it fell
  // to is no count of the lifted.
  Doc other("常住人口30.1万人，比上年减少0.2万人。贫困人口减少1109万人，贫困人口减少到551万人。");
  other.q("30.1万人", "person", Decimal(301000)).q("0.2万人", "person", Decimal(2000));
  other.q("1109万人", "person", Decimal(11090000)).q("551万人", "person", Decimal(5510000));
  auto ro = other.extract();
  BOOST_TEST(metric_of(ro, "0.2万人") == "(none)");
  BOOST_TEST(metric_of(ro, "1109万人") == "lifted_population");
  BOOST_TEST(metric_of(ro, "551万人") == "poor_population");
  // A clause repeating a cue of the clause before says its own thing: the
  // remaining counties are no exits.
  Doc counties("全国已有780个贫困县摘帽，剩余贫困县52个。");
  counties.q("780个", "count", Decimal(780), "个").q("52个", "count", Decimal(52), "个");
  auto rc = counties.extract();
  BOOST_TEST(metric_of(rc, "780个") == "counties_exited");
  BOOST_TEST(metric_of(rc, "52个") == "(none)");
  // The whole before 中 is read by its own words: poor villages, and poor
  // counties (no metric), not exits.
  Doc whole("全县43个贫困村中已有38个出列，全国832个贫困县中已有780个摘帽。");
  whole.q("43个", "count", Decimal(43), "个").q("38个", "count", Decimal(38), "个");
  whole.q("832个", "count", Decimal(832), "个").q("780个", "count", Decimal(780), "个");
  auto rw = whole.extract();
  BOOST_TEST(metric_of(rw, "43个") == "poor_villages");
  BOOST_TEST(metric_of(rw, "38个") == "villages_exited");
  BOOST_TEST(metric_of(rw, "832个") == "(none)");
  BOOST_TEST(metric_of(rw, "780个") == "counties_exited");
}

BOOST_AUTO_TEST_CASE(a_list_item_shares_the_verb_that_governs_the_item_before) {
  Doc d("帮扶期间共培训基层干部1850人次、乡村技术人员2370人次，选派挂职干部46名、专业技术人才583名。");
  d.q("1850人次", "person_time", Decimal(1850)).q("2370人次", "person_time", Decimal(2370));
  d.q("46名", "person", Decimal(46)).q("583名", "person", Decimal(583));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "1850人次") == "trainees");
  BOOST_TEST(metric_of(rs, "2370人次") == "trainees");
  // 干部 names the first item itself, no verb before it: the second item,
  // naming its own noun, is no cadre.
  BOOST_TEST(metric_of(rs, "46名") == "cadres");
  BOOST_TEST(metric_of(rs, "583名") == "(none)");
}

BOOST_AUTO_TEST_CASE(striving_that_got_something_is_no_target) {
  Doc d("工作队争取到帮扶资金760万元。全年争取上级扶贫资金2.3亿元。明年争取帮扶资金500万元。");
  d.q("760万元", "CNY", Decimal(7600000)).q("2.3亿元", "CNY", Decimal(230000000));
  d.q("500万元", "CNY", Decimal(5000000));
  auto rs = d.extract();
  BOOST_TEST(change_of(rs, "760万元") == "total");
  BOOST_TEST(change_of(rs, "2.3亿元") == "total");
  BOOST_TEST(change_of(rs, "500万元") == "target");
}

BOOST_AUTO_TEST_CASE(students_count_where_aid_reaches_them) {
  Doc d("全市共有中小学1200所，在校学生52万人。资助贫困家庭学生3200人。组织学生231人到职业学校就读。");
  d.q("1200所", "count", Decimal(1200), "所").q("52万人", "person", Decimal(520000));
  d.q("3200人", "person", Decimal(3200)).q("231人", "person", Decimal(231));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "52万人") == "(none)");
  BOOST_TEST(metric_of(rs, "3200人") == "students");
  BOOST_TEST(metric_of(rs, "231人") == "students");
}

BOOST_AUTO_TEST_CASE(a_document_off_the_topic_gives_nothing) {
  Doc factory("该项目总投资5亿元，建成后可带动就业2000人。");
  factory.q("5亿元", "CNY", Decimal(500000000)).q("2000人", "person", Decimal(2000));
  BOOST_TEST(factory.extract().empty());
  Doc aid("该扶贫项目总投资5亿元，建成后可带动就业2000人。");
  aid.q("5亿元", "CNY", Decimal(500000000)).q("2000人", "person", Decimal(2000));
  auto rs = aid.extract();
  BOOST_TEST(metric_of(rs, "5亿元") == "investment");
  BOOST_TEST(metric_of(rs, "2000人") == "employment");
}

BOOST_AUTO_TEST_CASE(list_items_after_a_comma_lead_to_the_next_figure) {
  Doc d("出列贫困村31个、剩余贫困村104个，7个深度贫困县摘帽、236个贫困村出列。");
  d.q("31个", "count", Decimal(31), "个").q("104个", "count", Decimal(104), "个");
  d.q("7个", "count", Decimal(7), "个").q("236个", "count", Decimal(236), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "31个") == "villages_exited");
  BOOST_TEST(metric_of(rs, "104个") == "villages_remaining");
  BOOST_TEST(metric_of(rs, "7个") == "counties_exited");
  BOOST_TEST(metric_of(rs, "236个") == "villages_exited");
}

BOOST_AUTO_TEST_CASE(bare_scaled_number_before_a_noun) {
  Doc d("为7000万贫困人口做实事，接待7000万游客。");
  d.q("7000万", "", Decimal(70000000)).q("7000万", "", Decimal(70000000));
  auto rs = d.extract();
  BOOST_TEST(rs.size() == 1u);
  BOOST_TEST(metric_of(rs, "7000万") == "poor_population");
  BOOST_TEST(rs.at(0).unit == "person");
}

BOOST_AUTO_TEST_CASE(figures_that_are_no_aid_metric_give_nothing) {
  Doc d("工作人员共50余人参加了座谈会。总面积42.5万平方公里，常住人口2590万人。"
        "贫困户人均纯收入增加2000元。1502文章数 742关注度。帮扶一个贫困村。"
        "“选派一个专家团队、帮扶一个贫困村”六个方面。");
  d.q("50余人", "person", Decimal(50), "", Approx::kOver).q("42.5万平方公里", "km2", Decimal(425000));
  d.q("2590万人", "person", Decimal(25900000)).q("2000元", "CNY", Decimal(2000));
  d.q("1502", "", Decimal(1502)).q("742", "", Decimal(742)).q("一个", "count", Decimal(1), "个");
  d.q("一个", "count", Decimal(1), "个").q("一个", "count", Decimal(1), "个");
  d.q("六个", "count", Decimal(6), "个");
  auto rs = d.extract();
  BOOST_TEST(rs.empty());
  for (const MetricRecord& r : rs) BOOST_TEST_MESSAGE("unexpected " << r.metric << " " << r.text);
}

BOOST_AUTO_TEST_CASE(who_attended_gives_nothing_however_near_the_cue) {
  // The attendance verb ends the clause: the figure counts who took part,
  // though the cue noun (干部, 贫困群众) stands right after it.
  Doc d("会议共有300多名干部参加。120名贫困群众代表出席了会议。组织1000名贫困劳动力参加技能培训。");
  d.q("300多名", "person", Decimal(300), "", Approx::kOver).q("120名", "person", Decimal(120));
  d.q("1000名", "person", Decimal(1000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "300多名") == "(none)");
  BOOST_TEST(metric_of(rs, "120名") == "(none)");
  // 参加 that goes on to what was attended (培训) vetoes nothing.
  BOOST_TEST(metric_of(rs, "1000名") == "trainees");
}

BOOST_AUTO_TEST_CASE(training_cadres_students_employment) {
  Doc d("举办劳务协作培训班84期，培训贫困人口6538人次；实现就业共2677人；组织贫困学生231人到职业学校就读；"
        "选派了8名优秀干部到8个贫困村开展驻村帮扶。");
  d.q("84期", "count", Decimal(84), "期").q("6538人次", "person_time", Decimal(6538));
  d.q("2677人", "person", Decimal(2677)).q("231人", "person", Decimal(231));
  d.q("8名", "person", Decimal(8)).q("8个", "count", Decimal(8), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "84期") == "training_sessions");
  BOOST_TEST(metric_of(rs, "6538人次") == "trainees");
  BOOST_TEST(metric_of(rs, "2677人") == "employment");
  BOOST_TEST(metric_of(rs, "231人") == "students");
  BOOST_TEST(metric_of(rs, "8名") == "cadres");
  BOOST_TEST(metric_of(rs, "8个") == "poor_villages");
}

BOOST_AUTO_TEST_CASE(change_from_target_and_level_words) {
  Doc d("力争从今年起每年减贫100万人，到2017年再减贫300万人。2017年，55个拟退出贫困村扶贫项目已完工。"
        "贫困村减至12个。");
  d.q("100万人", "person", Decimal(1000000)).q("300万人", "person", Decimal(3000000));
  d.q("55个", "count", Decimal(55), "个").q("12个", "count", Decimal(12), "个");
  auto rs = d.extract();
  BOOST_TEST(find_record(rs, "100万人")->change == "target");
  BOOST_TEST(find_record(rs, "300万人")->change == "target");
  BOOST_TEST(metric_of(rs, "55个") == "villages_exited");
  BOOST_TEST(find_record(rs, "55个")->change == "target");
  BOOST_TEST(metric_of(rs, "12个") == "poor_villages");
  BOOST_TEST(find_record(rs, "12个")->change == "level");
}

BOOST_AUTO_TEST_CASE(approximation_and_offsets_come_from_the_quantity) {
  Doc d("筹集帮扶资金420余万元。");
  d.q("420余万元", "CNY", Decimal(4200000), "", Approx::kOver);
  auto rs = d.extract();
  BOOST_REQUIRE(rs.size() == 1u);
  BOOST_TEST((rs[0].approx == Approx::kOver));
  BOOST_TEST(rs[0].text == "420余万元");
  BOOST_TEST(rs[0].source.begin == d.text().text.find("420"));
  BOOST_TEST(rs[0].sentence == "筹集帮扶资金420余万元。");
}

BOOST_AUTO_TEST_CASE(each_fact_once) {
  std::string body = "2018年底贫困人口减至2.89万人。\n";
  Doc d(body + "其他内容。\n" + body);
  d.date("2018年底", "2018", true).q("2.89万人", "person", Decimal(28900));
  d.date("2018年底", "2018", true).q("2.89万人", "person", Decimal(28900));
  d.repeat(body);
  BOOST_TEST(d.extract().size() == 1u);

  // A headline repeating a body figure, with no repeat reported.
  Doc h("渭源县贫困人口减至2.89万人\n2018年底，渭源县贫困人口减至2.89万人。");
  h.q("2.89万人", "person", Decimal(28900)).date("2018年底", "2018", true).q("2.89万人", "person", Decimal(28900));
  auto rs = h.extract();
  BOOST_REQUIRE(rs.size() == 1u);
  BOOST_TEST(rs[0].time.value_or("") == "2018");
}

BOOST_AUTO_TEST_CASE(records_come_in_text_order) {
  Doc d("培训贫困人口500人次，落实帮扶资金300万元，带动贫困户120户。");
  d.q("500人次", "person_time", Decimal(500)).q("300万元", "CNY", Decimal(3000000));
  d.q("120户", "household", Decimal(120));
  auto rs = d.extract();
  BOOST_REQUIRE(rs.size() == 3u);
  BOOST_TEST(rs[0].span.begin < rs[1].span.begin);
  BOOST_TEST(rs[1].span.begin < rs[2].span.begin);
  BOOST_TEST(rs[2].metric == "beneficiaries");
  BOOST_TEST(rs[2].unit == "household");
}

BOOST_AUTO_TEST_CASE(bad_spans_are_ignored) {
  Doc d("落实帮扶资金300万元。");
  d.q("300万元", "CNY", Decimal(3000000));
  aidtext::Quantity wild;
  wild.span = {5000, 6000};
  wild.unit = "CNY";
  std::vector<aidtext::Quantity> qs{wild};
  auto rs = aidtext::extract_metrics(d.text(), qs, aidtext::RulePack::default_pack(), "");
  BOOST_TEST(rs.empty());
}

BOOST_AUTO_TEST_CASE(a_rate_per_unit_is_no_amount) {
  // 每户…5000元 is what each household got; the total after it is the amount.
  Doc d("县上为每户贫困户落实产业扶持资金5000元，共计发放产业扶持资金1.05亿元。每村选派2名驻村干部。");
  d.q("5000元", "CNY", Decimal(5000)).q("1.05亿元", "CNY", Decimal(105000000)).q("2名", "person", Decimal(2));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "5000元") == "(none)");
  BOOST_TEST(metric_of(rs, "1.05亿元") == "aid_funds");
  BOOST_TEST(metric_of(rs, "2名") == "(none)");
}

BOOST_AUTO_TEST_CASE(health_aid_reaches_people) {
  // People served by health aid are its reach, not the standing count of the poor.
  Doc d("全县家庭医生签约服务贫困人口3.86万人，为1.6万名贫困患者报销医疗费用。全县现有贫困人口2100人。");
  d.q("3.86万人", "person", Decimal(38600)).q("1.6万名", "person", Decimal(16000)).q("2100人", "person", Decimal(2100));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "3.86万人") == "beneficiaries");
  BOOST_TEST(metric_of(rs, "1.6万名") == "beneficiaries");
  BOOST_TEST(metric_of(rs, "2100人") == "poor_population");
}

BOOST_AUTO_TEST_CASE(households_paired_with_helpers_are_reached) {
  // 结对帮扶贫困户58万户: the households reached, not the standing count; the
  // word still governs cadres, enterprises and students as before.
  Doc d("各级干部结对帮扶贫困户5.8万户。全县结对帮扶干部8230名，170家企业结对帮扶贫困村135个，结对帮扶贫困学生320人。");
  d.q("5.8万户", "household", Decimal(58000)).q("8230名", "person", Decimal(8230)).q("170家", "count", Decimal(170), "家");
  d.q("135个", "count", Decimal(135), "个").q("320人", "person", Decimal(320));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "5.8万户") == "beneficiaries");
  BOOST_TEST(metric_of(rs, "8230名") == "cadres");
  BOOST_TEST(metric_of(rs, "170家") == "enterprises");
  BOOST_TEST(metric_of(rs, "320人") == "students");
}

BOOST_AUTO_TEST_CASE(a_comma_grouping_digits_ends_no_clause) {
  // Normalized text writes ， as ','; the ',' inside 42,568 and 1,203 is a
  // digit group, not a clause mark cutting 贫困人口 off the figures after it.
  Doc d("截至2019年底，全县建档立卡贫困人口由2014年的10,216户42,568人减少到386户1,203人,剩余贫困村3个。");
  d.q("10,216户", "household", Decimal(10216)).q("42,568人", "person", Decimal(42568));
  d.q("386户", "household", Decimal(386)).q("1,203人", "person", Decimal(1203)).q("3个", "count", Decimal(3), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "10,216户") == "poor_households");
  BOOST_TEST(metric_of(rs, "42,568人") == "poor_population");
  BOOST_TEST(metric_of(rs, "386户") == "poor_households");
  BOOST_TEST(metric_of(rs, "1,203人") == "poor_population");
  // The ',' after 1,203人 is a clause mark: 剩余贫困村 is the next clause's.
  BOOST_TEST(metric_of(rs, "3个") == "villages_remaining");
  BOOST_TEST(rs.size() == 5u);
}

BOOST_AUTO_TEST_CASE(one_for_one_is_a_ratio_not_two_amounts) {
  // 1户1人, 一户一人: a person for each household (employment aid's slogan),
  // neither figure an amount; the households counted in the clause are.
  Doc d("全县贫困家庭实现1户1人以上就业，带动贫困劳动力务工，推行一户一人就业帮扶。全村仅剩1户3人未脱贫。");
  d.q("1户", "household", Decimal(1)).q("1人以上", "person", Decimal(1), "", Approx::kOver);
  d.q("一户", "household", Decimal(1)).q("一人", "person", Decimal(1));
  d.q("1户", "household", Decimal(1)).q("3人", "person", Decimal(3));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "1人以上") == "(none)");
  BOOST_TEST(metric_of(rs, "一人") == "(none)");
  BOOST_TEST(metric_of(rs, "一户") == "(none)");
  // One household of three people is a count.
  BOOST_TEST(metric_of(rs, "3人") == "poor_population");
  BOOST_TEST(rs.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_masked_word_is_no_cue_of_an_elliptic_clause) {
  // 就业岗位 hides the cue 就业: the clause counts jobs, and borrows no
  // workshop noun from the clause before.
  Doc d("力争新建扶贫车间10个以上，新增就业岗位1000个以上。");
  d.q("10个", "count", Decimal(10), "个").q("1000个", "count", Decimal(1000), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "10个") == "workshops");
  BOOST_TEST(metric_of(rs, "1000个") == "(none)");
}

BOOST_AUTO_TEST_CASE(a_future_all_is_a_target) {
  Doc d("今年剩余的2956户1.21万名贫困人口将全部脱贫。");
  d.q("2956户", "household", Decimal(2956)).q("1.21万名", "person", Decimal(12100));
  auto rs = d.extract();
  BOOST_TEST(change_of(rs, "2956户") == "target");
  BOOST_TEST(change_of(rs, "1.21万名") == "target");
}

BOOST_AUTO_TEST_CASE(households_supported_are_beneficiaries) {
  Doc d("发放扶贫小额信贷62.7亿元，支持12.9万户贫困户发展生产。");
  d.q("62.7亿元", "CNY", Decimal(6270000000)).q("12.9万户", "household", Decimal(129000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "12.9万户") == "beneficiaries");
}

BOOST_AUTO_TEST_CASE(a_list_after_a_colon_is_read_through_its_heading) {
  Doc d("今年下达扶贫资金：武都区8650万元、宕昌县7120万元。全县总人口：12万人。");
  d.q("8650万元", "CNY", Decimal(86500000)).q("7120万元", "CNY", Decimal(71200000));
  d.q("12万人", "person", Decimal(120000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "8650万元") == "aid_funds");
  BOOST_TEST(metric_of(rs, "7120万元") == "aid_funds");
  // A heading that names no metric gives the list none.
  BOOST_TEST(metric_of(rs, "12万人") == "(none)");
}

BOOST_AUTO_TEST_CASE(a_sentence_opening_with_qizhong_lists_parts_of_the_last_total) {
  Doc d("市财政局下达扶贫资金3.68亿元，用于发展产业。其中，武都区8650万元、宕昌县7120万元。");
  d.q("3.68亿元", "CNY", Decimal(368000000)).q("8650万元", "CNY", Decimal(86500000));
  d.q("7120万元", "CNY", Decimal(71200000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "8650万元") == "aid_funds");
  BOOST_TEST(metric_of(rs, "7120万元") == "aid_funds");
  const MetricRecord* total = find_record(rs, "3.68亿元");
  BOOST_REQUIRE(total);
  BOOST_TEST(!total->place.has_value());  // no part's name
  const MetricRecord* part = find_record(rs, "7120万元");
  BOOST_REQUIRE(part);
  BOOST_TEST(part->place.value_or("null") == "宕昌县");
}

BOOST_AUTO_TEST_CASE(households_given_something_are_beneficiaries) {
  Doc d("为1760户贫困户每户落实产业奖补资金6000元，累计向1523户贫困户发放扶贫小额信贷7470万元。");
  d.q("1760户", "household", Decimal(1760)).q("6000元", "CNY", Decimal(6000));
  d.q("1523户", "household", Decimal(1523)).q("7470万元", "CNY", Decimal(74700000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "1760户") == "beneficiaries");
  BOOST_TEST(metric_of(rs, "1523户") == "beneficiaries");
  BOOST_TEST(metric_of(rs, "6000元") == "(none)");   // a rate per household
  BOOST_TEST(metric_of(rs, "7470万元") == "(none)");  // loans are no aid funds
}

BOOST_AUTO_TEST_CASE(a_parallel_clause_borrows_the_noun_of_the_one_before) {
  Doc d("贵州省农村贫困人口由173万人减少到30.8万人，云南省由179万人减少到37.2万人。");
  d.q("173万人", "person", Decimal(1730000)).q("30.8万人", "person", Decimal(308000));
  d.q("179万人", "person", Decimal(1790000)).q("37.2万人", "person", Decimal(372000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "179万人") == "poor_population");
  BOOST_TEST(metric_of(rs, "37.2万人") == "poor_population");
}

BOOST_AUTO_TEST_CASE(a_bound_picking_out_what_follows_is_no_amount) {
  Doc d("2019年贫困发生率在1%以下的省份有23个，全县贫困发生率降至1%以下。");
  d.q("1%以下", "percent", Decimal(1), "", Approx::kUnder).q("1%以下", "percent", Decimal(1), "", Approx::kUnder);
  auto rs = d.extract();
  // Only the second (降至1%以下) is a level.
  size_t n = 0;
  for (const MetricRecord& r : rs) n += r.metric == "poverty_incidence" && r.change == "level";
  BOOST_TEST(rs.size() == 1u);
  BOOST_TEST(n == 1u);
}

BOOST_AUTO_TEST_CASE(a_bound_before_the_figure_picks_out_too) {
  // 超过5%的省份: which provinces, not an incidence; 降至1.7% is one.
  Doc d("贫困发生率超过5%的省份从7个减少到3个，全国贫困发生率下降到1.7%。");
  d.q("超过5%", "percent", Decimal(5), "", Approx::kOver).q("1.7%", "percent", Decimal(17, -1));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "超过5%") == "(none)");
  BOOST_TEST(metric_of(rs, "1.7%") == "poverty_incidence");
}

BOOST_AUTO_TEST_CASE(people_already_lifted_are_lifted_whatever_they_receive) {
  Doc d("对已脱贫的5.3万户23.8万人继续落实帮扶政策，为1760户贫困户落实产业资金。");
  d.q("5.3万户", "household", Decimal(53000)).q("23.8万人", "person", Decimal(238000));
  d.q("1760户", "household", Decimal(1760));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "5.3万户") == "lifted_households");
  BOOST_TEST(metric_of(rs, "23.8万人") == "lifted_population");
  BOOST_TEST(metric_of(rs, "1760户") == "beneficiaries");
}

BOOST_AUTO_TEST_CASE(households_paid_dividends_are_beneficiaries) {
  Doc d("全县入股分红的贫困户达到1.4万户，户均分红800元。");
  d.q("1.4万户", "household", Decimal(14000)).q("800元", "CNY", Decimal(800));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "1.4万户") == "beneficiaries");
  BOOST_TEST(metric_of(rs, "800元") == "(none)");
}

BOOST_AUTO_TEST_CASE(rangers_hired_from_the_poor_are_employment) {
  Doc d("累计选聘建档立卡贫困人口生态护林员2368名，到2020年底生态护林员队伍将达到2400人左右。");
  d.q("2368名", "person", Decimal(2368)).q("2400人左右", "person", Decimal(2400), "", Approx::kAbout);
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "2368名") == "employment");
  BOOST_TEST(change_of(rs, "2400人左右") == "target");
}

BOOST_AUTO_TEST_CASE(a_noun_of_the_poor_in_a_verb_s_list_is_its_object_too) {
  Doc d("预计带动贫困户1300户、贫困人口5200人增收。全县有贫困户800户、贫困人口3100人。");
  d.q("1300户", "household", Decimal(1300)).q("5200人", "person", Decimal(5200));
  d.q("800户", "household", Decimal(800)).q("3100人", "person", Decimal(3100));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "1300户") == "beneficiaries");
  BOOST_TEST(metric_of(rs, "5200人") == "beneficiaries");
  // No verb governs a standing count's list.
  BOOST_TEST(metric_of(rs, "800户") == "poor_households");
  BOOST_TEST(metric_of(rs, "3100人") == "poor_population");
}

BOOST_AUTO_TEST_CASE(you_before_the_noun_makes_a_standing_count) {
  Doc d("2014年全镇有贫困村12个，当年选派干部到8个贫困村。");
  d.q("12个", "count", Decimal(12), "个").q("8个", "count", Decimal(8), "个");
  auto rs = d.extract();
  BOOST_TEST(change_of(rs, "12个") == "level");
  BOOST_TEST(change_of(rs, "8个") == "total");
}

BOOST_AUTO_TEST_CASE(a_programme_named_jihua_is_no_plan) {
  // 雨露计划 names a programme: what it gave is done, not planned. 计划 as a
  // verb still makes a target.
  Doc d("今年以来，雨露计划补助贫困学生2100人。全县计划资助贫困学生3000人。");
  d.q("2100人", "person", Decimal(2100)).q("3000人", "person", Decimal(3000));
  auto rs = d.extract();
  BOOST_TEST(change_of(rs, "2100人") == "total");
  BOOST_TEST(change_of(rs, "3000人") == "target");
}

BOOST_AUTO_TEST_CASE(not_yet_lifted_is_the_standing_count_of_the_poor) {
  // 未脱贫 holds 脱贫 but says the opposite: those still poor, a level.
  Doc d("全县共有建档立卡贫困户1.2万户，已脱贫8600户3.3万人，未脱贫3400户1.3万人。尚未脱贫的贫困人口还有2100人。");
  d.q("1.2万户", "household", Decimal(12000)).q("8600户", "household", Decimal(8600));
  d.q("3.3万人", "person", Decimal(33000)).q("3400户", "household", Decimal(3400));
  d.q("1.3万人", "person", Decimal(13000)).q("2100人", "person", Decimal(2100));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "8600户") == "lifted_households");
  BOOST_TEST(metric_of(rs, "3.3万人") == "lifted_population");
  BOOST_TEST(metric_of(rs, "3400户") == "poor_households");
  BOOST_TEST(metric_of(rs, "1.3万人") == "poor_population");
  BOOST_TEST(change_of(rs, "1.3万人") == "level");
  BOOST_TEST(metric_of(rs, "2100人") == "poor_population");
}

BOOST_AUTO_TEST_CASE(a_change_clause_goes_on_with_the_clause_before) {
  // 降至1.5% says where the incidence of the clause before went (its 个百分点
  // is no figure), so that clause's noun is the figure's.
  Doc d("2019年，全县贫困发生率下降3.2个百分点，降至1.5%。全县贫困人口大幅减少，降至2100人。"
        "全市贫困人口减少3000人，降至1800人。");
  d.q("3.2个百分点", "percentage_point", Decimal(32, -1)).q("1.5%", "percent", Decimal(15, -1));
  d.q("2100人", "person", Decimal(2100)).q("3000人", "person", Decimal(3000)).q("1800人", "person", Decimal(1800));
  auto rs = d.extract();
  // The clause before may hold a figure of its own: 3000人 is the lifted, 1800人 the level.
  BOOST_TEST(metric_of(rs, "3000人") == "lifted_population");
  BOOST_TEST(metric_of(rs, "1800人") == "poor_population");
  BOOST_TEST(change_of(rs, "1800人") == "level");
  BOOST_TEST(metric_of(rs, "1.5%") == "poverty_incidence");
  BOOST_TEST(change_of(rs, "1.5%") == "level");
  // The noun, not the verb: a level, not the lifted (减少 is the clause before's).
  BOOST_TEST(metric_of(rs, "2100人") == "poor_population");
  BOOST_TEST(change_of(rs, "2100人") == "level");
  BOOST_TEST(rs.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_change_clause_borrows_nothing_from_a_clause_with_a_figure_or_no_cue) {
  // Income is no metric, though the clause before names the poor.
  Doc a("建档立卡贫困户人均纯收入有所下降，降至2100元。");
  a.q("2100元", "CNY", Decimal(2100));
  BOOST_TEST(a.extract().empty());
  // A clause with no change word before its figure goes on with nothing.
  Doc b("全县贫困发生率大幅下降，全年9.5%。");
  b.q("9.5%", "percent", Decimal(95, -1));
  BOOST_TEST(metric_of(b.extract(), "9.5%") == "(none)");
}

BOOST_AUTO_TEST_CASE(applying_to_exit_is_no_exit) {
  Doc d("今年全省退出贫困村1200个，14个贫困县申请摘帽，另有8个贫困县脱贫摘帽。");
  d.q("1200个", "count", Decimal(1200), "个").q("14个", "count", Decimal(14), "个").q("8个", "count", Decimal(8), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "1200个") == "villages_exited");
  BOOST_TEST(metric_of(rs, "14个") == "(none)");
  BOOST_TEST(metric_of(rs, "8个") == "counties_exited");
}

BOOST_AUTO_TEST_CASE(jiang_before_a_verb_is_a_target) {
  // 将投入: the future; 将资金拨付: 把, no target.
  Doc d("今年全县将投入扶贫资金5.6亿元。县财政将资金1200万元拨付到村。");
  d.q("5.6亿元", "CNY", Decimal(560000000)).q("1200万元", "CNY", Decimal(12000000));
  auto rs = d.extract();
  BOOST_TEST(change_of(rs, "5.6亿元") == "target");
  BOOST_TEST(change_of(rs, "1200万元") == "total");
  // 将有 before a figure: the future; 将有关…: 把, no target.
  Doc y("今年全市将有7个贫困县脱贫摘帽。县扶贫办将有关资金1500万元拨付到村。");
  y.q("7个", "count", Decimal(7), "个").q("1500万元", "CNY", Decimal(15000000));
  auto ys = y.extract();
  BOOST_TEST(metric_of(ys, "7个") == "counties_exited");
  BOOST_TEST(change_of(ys, "7个") == "target");
  BOOST_TEST(change_of(ys, "1500万元") == "total");
  // 将于 after the figure in its clause: the future, whatever follows it.
  Doc z("全县已退出贫困村35个，剩余贫困村9个将于明年全部出列。");
  z.q("35个", "count", Decimal(35), "个").q("9个", "count", Decimal(9), "个");
  auto zs = z.extract();
  BOOST_TEST(change_of(zs, "35个") == "total");
  BOOST_TEST(change_of(zs, "9个") == "target");
}

BOOST_AUTO_TEST_CASE(training_counted_in_sessions_is_sessions) {
  Doc d("组织贫困劳动力技能培训6期，培训412人次，建成培训基地5个。");
  d.q("6期", "count", Decimal(6), "期").q("412人次", "person_time", Decimal(412)).q("5个", "count", Decimal(5), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "6期") == "training_sessions");
  BOOST_TEST(metric_of(rs, "412人次") == "trainees");
  BOOST_TEST(metric_of(rs, "5个") == "(none)");
}

BOOST_AUTO_TEST_CASE(counties_of_a_prefecture_exiting_are_counties_exited) {
  Doc d("全州8个县市全部脱贫摘帽。全市4个县区贫困发生率降至3%以下。");
  d.q("8个", "count", Decimal(8), "个").q("4个", "count", Decimal(4), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "8个") == "counties_exited");
  BOOST_TEST(metric_of(rs, "4个") == "(none)");
}

BOOST_AUTO_TEST_CASE(a_list_of_nouns_after_their_figures_shares_the_words_after_it) {
  // 剩余的 names what the figures count; 全部脱贫 what became of each.
  Doc d("2020年，全省剩余的8个贫困县、395个贫困村、17.5万贫困人口全部脱贫。");
  d.q("8个", "count", Decimal(8), "个").q("395个", "count", Decimal(395), "个").q("17.5万", "", Decimal(175000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "8个") == "counties_exited");
  BOOST_TEST(change_of(rs, "8个") == "total");
  BOOST_TEST(metric_of(rs, "395个") == "villages_exited");
  BOOST_TEST(metric_of(rs, "17.5万") == "lifted_population");
  // An item with a clause of its own keeps to it.
  Doc own("计划实现剩余1.06万贫困人口全部脱贫、40个贫困村全部退出。");
  own.q("1.06万", "", Decimal(10600)).q("40个", "count", Decimal(40), "个");
  auto ro = own.extract();
  BOOST_TEST(metric_of(ro, "1.06万") == "lifted_population");
  BOOST_TEST(metric_of(ro, "40个") == "villages_exited");
}

BOOST_AUTO_TEST_CASE(poor_labour_placed_in_jobs_is_employment) {
  Doc d("开发乡村公益性岗位2300个，安置贫困劳动力2300人。易地搬迁安置贫困群众1865户。");
  d.q("2300个", "count", Decimal(2300), "个").q("2300人", "person", Decimal(2300)).q("1865户", "household", Decimal(1865));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "2300人") == "employment");
  BOOST_TEST(metric_of(rs, "2300个") == "(none)");
  BOOST_TEST(metric_of(rs, "1865户") == "(none)");
}

BOOST_AUTO_TEST_CASE(money_put_to_a_use_is_aid_funds) {
  Doc d("扶贫资金用途公示。用于产业扶贫项目8120万元，用于基础设施建设3600万元。");
  d.q("8120万元", "CNY", Decimal(81200000)).q("3600万元", "CNY", Decimal(36000000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "8120万元") == "aid_funds");
  BOOST_TEST(metric_of(rs, "3600万元") == "aid_funds");
}

BOOST_AUTO_TEST_CASE(a_completion_in_its_own_clause_outweighs_an_earlier_target) {
  Doc d("全县计划减贫1.9万人，目前已实现减贫2.07万人。明年剩余的1.2万贫困人口要全部脱贫。");
  d.q("1.9万人", "person", Decimal(19000)).q("2.07万人", "person", Decimal(20700)).q("1.2万", "", Decimal(12000));
  auto rs = d.extract();
  BOOST_TEST(change_of(rs, "1.9万人") == "target");
  BOOST_TEST(change_of(rs, "2.07万人") == "total");
  BOOST_TEST(change_of(rs, "1.2万") == "target");
}

BOOST_AUTO_TEST_CASE(a_part_with_a_verb_of_its_own_is_its_own_metric) {
  // 其中 opens a part of 83户, but 实现脱贫 makes it a count of the lifted.
  Doc d("带动全村83户贫困户发展养殖，其中已有76户实现脱贫。入社贫困户达到1260户，全区有3.6万户贫困户通过种植花椒增收。");
  d.q("83户", "household", Decimal(83)).q("76户", "household", Decimal(76));
  d.q("1260户", "household", Decimal(1260)).q("3.6万户", "household", Decimal(36000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "83户") == "beneficiaries");
  BOOST_TEST(metric_of(rs, "76户") == "lifted_households");
  BOOST_TEST(metric_of(rs, "1260户") == "beneficiaries");
  BOOST_TEST(metric_of(rs, "3.6万户") == "beneficiaries");
}

BOOST_AUTO_TEST_CASE(cadres_recalled_are_no_aid) {
  Doc d("脱贫攻坚中共选派驻村干部765名。对考核不合格的12名驻村干部进行了召回调整。");
  d.q("765名", "person", Decimal(765)).q("12名", "person", Decimal(12));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "765名") == "cadres");
  BOOST_TEST(metric_of(rs, "12名") == "(none)");
}

BOOST_AUTO_TEST_CASE(spoken_and_cumulative_forms) {
  // 脱了贫: spoken 脱贫. 累计争取 (资金): obtained, no goal.
  Doc d("村里的贫困户已经有175户脱了贫。东西部扶贫协作累计争取天津市帮扶资金2.1亿元，实施帮扶项目147个。");
  d.q("175户", "household", Decimal(175)).q("2.1亿元", "CNY", Decimal(210000000)).q("147个", "count", Decimal(147), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "175户") == "lifted_households");
  BOOST_TEST(change_of(rs, "175户") == "total");
  BOOST_TEST(change_of(rs, "2.1亿元") == "total");
  BOOST_TEST(change_of(rs, "147个") == "total");
}

BOOST_AUTO_TEST_CASE(yao_before_a_verb_of_work_is_a_plan) {
  // 今年要新建…: a goal, as 将新建 is; and for the sentence's later figures.
  Doc d("今年要新建扶贫车间50个以上，带动贫困户1.2万户以上。去年新建扶贫车间30个。");
  d.q("50个以上", "count", Decimal(50), "个", Approx::kOver).q("1.2万户以上", "household", Decimal(12000), "", Approx::kOver);
  d.q("30个", "count", Decimal(30), "个");
  auto rs = d.extract();
  BOOST_TEST(change_of(rs, "50个以上") == "target");
  BOOST_TEST(change_of(rs, "1.2万户以上") == "target");
  BOOST_TEST(change_of(rs, "30个") == "total");
}

BOOST_AUTO_TEST_CASE(a_list_item_with_its_own_noun_counts_only_that) {
  // 4个深度贫困县: counties, no metric of the pack; 117个深度贫困村: villages.
  // The last item's noun is no word the list shares; its predicate is.
  Doc d("全市还有4个深度贫困县、117个深度贫困村，任务依然艰巨。剩余的8个贫困县、395个贫困村全部脱贫。");
  d.q("4个", "count", Decimal(4), "个").q("117个", "count", Decimal(117), "个");
  d.q("8个", "count", Decimal(8), "个").q("395个", "count", Decimal(395), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "4个") == "(none)");
  BOOST_TEST(metric_of(rs, "117个") == "poor_villages");
  BOOST_TEST(metric_of(rs, "8个") == "counties_exited");
  BOOST_TEST(metric_of(rs, "395个") == "villages_exited");
}

BOOST_AUTO_TEST_CASE(registered_people_are_poor_people) {
  // 建档立卡人口 (a census's count of the registered) as 建档立卡贫困人口.
  Doc d("脱贫攻坚普查：全县共普查建档立卡户2.31万户、建档立卡人口9.86万人。");
  d.q("2.31万户", "household", Decimal(23100)).q("9.86万人", "person", Decimal(98600));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "2.31万户") == "poor_households");
  BOOST_TEST(metric_of(rs, "9.86万人") == "poor_population");
}

BOOST_AUTO_TEST_CASE(a_purpose_clause_makes_no_plan_of_what_follows) {
  Doc d("为确保搬迁群众稳得住，全县配套建设扶贫车间12个。为确保1000户贫困户如期脱贫，全县投入资金500万元。");
  d.q("12个", "count", Decimal(12), "个").q("1000户", "household", Decimal(1000));
  d.q("500万元", "CNY", Decimal(5000000));
  auto rs = d.extract();
  BOOST_TEST(change_of(rs, "12个") == "total");
  BOOST_TEST(change_of(rs, "1000户") == "target");
  BOOST_TEST(change_of(rs, "500万元") == "total");
  // A task named as the frame of the work (把…作为硬任务): no plan either.
  Doc e("今年以来，我市把危房改造作为脱贫攻坚的硬任务，市县两级共筹集资金4.6亿元。");
  e.q("4.6亿元", "CNY", Decimal(460000000));
  BOOST_TEST(change_of(e.extract(), "4.6亿元") == "total");
}

BOOST_AUTO_TEST_CASE(urban_jobs_and_house_repairs_are_no_aid_metrics) {
  Doc d("全市城镇新增就业2.3万人。其中建档立卡贫困户危房改造8630户，惠及贫困群众3.4万人。");
  d.q("2.3万人", "person", Decimal(23000)).q("8630户", "household", Decimal(8630));
  d.q("3.4万人", "person", Decimal(34000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "2.3万人") == "(none)");
  BOOST_TEST(metric_of(rs, "8630户") == "(none)");
  BOOST_TEST(metric_of(rs, "3.4万人") == "beneficiaries");
}

BOOST_AUTO_TEST_CASE(labour_of_lifted_households_is_a_part_of_the_jobs) {
  Doc d("全县输转城乡富余劳动力11.6万人，其中脱贫劳动力4.3万人。");
  d.q("11.6万人", "person", Decimal(116000)).q("4.3万人", "person", Decimal(43000));
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "4.3万人") == "employment");
}

BOOST_AUTO_TEST_CASE(a_clause_borrows_the_noun_not_what_was_said_of_it) {
  // 剩余21个 takes 贫困村 from the clause before, not its 退出: the
  // remaining villages, not exits.
  Doc d("全县217个贫困村中已有196个退出，剩余21个。");
  d.q("217个", "count", Decimal(217), "个").q("196个", "count", Decimal(196), "个").q("21个", "count", Decimal(21), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "196个") == "villages_exited");
  BOOST_TEST(metric_of(rs, "21个") == "villages_remaining");
  BOOST_TEST(change_of(rs, "21个") == "level");
}

BOOST_AUTO_TEST_CASE(the_whole_of_a_partitive_is_a_standing_count) {
  Doc d("全县217个贫困村中已有196个退出。");
  d.q("217个", "count", Decimal(217), "个").q("196个", "count", Decimal(196), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "217个") == "poor_villages");
  BOOST_TEST(change_of(rs, "217个") == "level");
  BOOST_TEST(change_of(rs, "196个") == "total");
  // A plan stays a plan.
  Doc goal("确保全县217个贫困村中有200个退出。");
  goal.q("217个", "count", Decimal(217), "个").q("200个", "count", Decimal(200), "个");
  BOOST_TEST(change_of(goal.extract(), "217个") == "target");
}

BOOST_AUTO_TEST_CASE(people_placed_in_public_welfare_posts_are_employed) {
  // 脱贫人口 names who got the jobs, not a count of the lifted.
  Doc d("通过乡村公益性岗位安置脱贫人口和监测对象2100人，全县开发公益性岗位500个。");
  d.q("2100人", "person", Decimal(2100)).q("500个", "count", Decimal(500), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "2100人") == "employment");
  BOOST_TEST(metric_of(rs, "500个") == "(none)");
}

BOOST_AUTO_TEST_CASE(a_figure_counts_what_its_own_noun_names) {
  // 3个县: counties, though the words the list shares (贫困村…摘帽退出) hold a
  // village rule's cues; 县 alone is no county cue (it ends every county's name).
  Doc d("全市剩余的3个县、15个贫困村将全部摘帽退出。");
  d.q("3个", "count", Decimal(3), "个").q("15个", "count", Decimal(15), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "3个") == "counties_exited");
  BOOST_TEST(metric_of(rs, "15个") == "villages_exited");
  BOOST_TEST(change_of(rs, "3个") == "target");
  // The county item last, then joined by 和 rather than listed with 、.
  Doc e("确保剩余的15个贫困村、3个县全部如期摘帽。今年，全区2个贫困县和36个贫困村全部脱贫摘帽。");
  e.q("15个", "count", Decimal(15), "个").q("3个", "count", Decimal(3), "个");
  e.q("2个", "count", Decimal(2), "个").q("36个", "count", Decimal(36), "个");
  auto es = e.extract();
  BOOST_TEST(metric_of(es, "15个") == "villages_exited");
  BOOST_TEST(metric_of(es, "3个") == "counties_exited");
  BOOST_TEST(metric_of(es, "2个") == "counties_exited");
  BOOST_TEST(metric_of(es, "36个") == "villages_exited");
  // The own noun is the county cue its figure lacked: 7个县 all out of poverty have exited.
  Doc f("全州扶贫工作稳步推进，7个县全部脱贫摘帽，贫困村全部出列。");
  f.q("7个", "count", Decimal(7), "个");
  BOOST_TEST(metric_of(f.extract(), "7个") == "counties_exited");
}

BOOST_AUTO_TEST_CASE(a_figure_without_an_own_noun_reads_as_before) {
  // Nouns before their figures: no own noun, the readings of the rules alone.
  Doc d("全市还有贫困村15个、贫困县3个，年底前全部摘帽退出。");
  d.q("15个", "count", Decimal(15), "个").q("3个", "count", Decimal(3), "个");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "15个") == "poor_villages");
  BOOST_TEST(change_of(rs, "15个") == "level");
  BOOST_TEST(metric_of(rs, "3个") == "(none)");
  // 县直单位, 县级: 县 begins a longer word (not-place), and the figure counts
  // no counties; the workshops stay workshops.
  Doc e("全县42个县直单位结对帮扶的贫困村全部出列。今年新建6个县级扶贫车间。");
  e.q("42个", "count", Decimal(42), "个").q("6个", "count", Decimal(6), "个");
  auto es = e.extract();
  BOOST_TEST(metric_of(es, "42个") != "counties_exited");
  BOOST_TEST(metric_of(es, "6个") == "workshops");
}

BOOST_AUTO_TEST_CASE(wells_counted_with_kou_are_no_people_and_no_villages) {
  // The recognizer reads 打井30口 as 30 wells (count/口): no rule of people
  // takes it, nor one of villages or counties (counted with 个).
  Doc d("为贫困户打井30口。剩余贫困村新建水窖120口。");
  d.q("30口", "count", Decimal(30), "口").q("120口", "count", Decimal(120), "口");
  auto rs = d.extract();
  BOOST_TEST(metric_of(rs, "30口") == "(none)");
  BOOST_TEST(metric_of(rs, "120口") == "(none)");
  // 口 counting people still feeds the metrics of people.
  Doc e("带动贫困人口300口增收。");
  e.q("300口", "person", Decimal(300));
  BOOST_TEST(metric_of(e.extract(), "300口") == "beneficiaries");
}

BOOST_AUTO_TEST_CASE(a_zero_closing_a_from_to_pair_counts_what_the_from_figure_counts) {
  // 减少至0 / 降至零: the bare zero has no unit of its own; the from figure's is it.
  Doc d("贫困人口由288万人减少至0，贫困发生率由2015年底的22.8%降至零。");
  d.q("288万人", "person", Decimal(2880000)).date("2015年底", "2015", true).q("22.8%", "percent", Decimal(228, -1));
  auto rs = d.extract();
  const MetricRecord* people = find_record(rs, "0");
  BOOST_REQUIRE(people);
  BOOST_TEST(people->metric == "poor_population");
  BOOST_TEST(people->unit == "person");
  BOOST_TEST(people->change == "level");
  BOOST_TEST((people->value == Decimal(0)));
  const MetricRecord* rate = find_record(rs, "零");
  BOOST_REQUIRE(rate);
  BOOST_TEST(rate->metric == "poverty_incidence");
  BOOST_TEST(rate->unit == "percent");
  // No pair (no 由/从), or a zero that starts a figure of its own: none.
  Doc alone("贫困人口288万人减少至0。");
  alone.q("288万人", "person", Decimal(2880000));
  BOOST_TEST(alone.extract().size() == 1u);
  Doc own("贫困人口由288万人减少到0.8万人。");
  own.q("288万人", "person", Decimal(2880000)).q("0.8万人", "person", Decimal(8000));
  auto rs_own = own.extract();
  BOOST_TEST(rs_own.size() == 2u);
  BOOST_TEST(!find_record(rs_own, "0"));
}

BOOST_AUTO_TEST_CASE(a_zero_word_after_the_poor_is_a_level_of_zero) {
  // 清零 right after a count of the poor (a filler word between) says the
  // standing count is 0: no number is written, the word is the figure.
  Doc d("全县贫困人口实现清零，脱贫攻坚取得决定性胜利。");
  auto rs = d.extract();
  const MetricRecord* people = find_record(rs, "清零");
  BOOST_REQUIRE(people);
  BOOST_TEST(people->metric == "poor_population");
  BOOST_TEST(people->unit == "person");
  BOOST_TEST(people->change == "level");
  BOOST_TEST((people->value == Decimal(0)));
  const size_t at = d.text().text.find("清零");
  BOOST_TEST(people->span.begin == at);
  BOOST_TEST(people->span.end == at + std::string_view("清零").size());
  Doc all("贫困人口全部清零。");
  BOOST_TEST(all.extract().size() == 1u);
  Doc households("全县建档立卡贫困户已全部清零。");
  auto rs_hh = households.extract();
  BOOST_REQUIRE(rs_hh.size() == 1u);
  BOOST_TEST(rs_hh[0].metric == "poor_households");
  BOOST_TEST(rs_hh[0].unit == "household");
  // A campaign's or a task's zeroing counts no poor: none.
  Doc other("坚持脱贫帮扶问题一月一清零，控辍保学动态清零。");
  BOOST_TEST(other.extract().empty());
}

BOOST_AUTO_TEST_CASE(you_before_the_noun_is_no_level_when_a_cue_after_says_what_became_of_them) {
  // 共有贫困人口4.2万人脱贫: how many left poverty, a total (was a level);
  // 共有贫困人口3000人 alone still says how many there are.
  Doc d("2017年至2019年，静宁县共有贫困人口4.2万人脱贫。");
  d.q("4.2万人", "person", Decimal(42000));
  auto rs = d.extract();
  BOOST_REQUIRE(rs.size() == 1u);
  BOOST_TEST(rs[0].metric == "lifted_population");
  BOOST_TEST(rs[0].change == "total");
  Doc v("全县共有贫困村12个退出。");
  v.q("12个", "count", Decimal(12), "个");
  auto rv = v.extract();
  BOOST_REQUIRE(rv.size() == 1u);
  BOOST_TEST(rv[0].metric == "villages_exited");
  BOOST_TEST(rv[0].change == "total");
  Doc level("全县共有贫困人口3000人。");
  level.q("3000人", "person", Decimal(3000));
  auto rl = level.extract();
  BOOST_REQUIRE(rl.size() == 1u);
  BOOST_TEST(rl[0].metric == "poor_population");
  BOOST_TEST(rl[0].change == "level");
}

BOOST_AUTO_TEST_CASE(a_fall_in_the_number_of_poor_villages_is_villages_exited) {
  // 减少贫困村68个: villages that left the list (was poor_villages); the
  // level they fell to (贫困村减少到12个) stays poor_villages.
  Doc d("西和县2019年减贫2.5万人，减少贫困村68个。");
  d.date("2019年", "2019").q("2.5万人", "person", Decimal(25000)).q("68个", "count", Decimal(68), "个");
  const auto rs = d.extract();
  const MetricRecord* v = find_record(rs, "68个");
  BOOST_REQUIRE(v);
  BOOST_TEST(v->metric == "villages_exited");
  BOOST_TEST(v->change == "total");
  Doc level("贫困村减少到12个。");
  level.q("12个", "count", Decimal(12), "个");
  auto rl = level.extract();
  BOOST_REQUIRE(rl.size() == 1u);
  BOOST_TEST(rl[0].metric == "poor_villages");
  BOOST_TEST(rl[0].change == "level");
}

BOOST_AUTO_TEST_CASE(what_is_left_borrows_no_verb_of_work) {
  // 已有9.8万人实现脱贫，剩余0.7万人: the remaining people are no lifted
  // figure (was lifted_population, level); with no noun of the poor in reach
  // they give no record. The remaining villages still take the noun.
  Doc d("全县已有9.8万人实现脱贫，剩余0.7万人。");
  d.q("9.8万人", "person", Decimal(98000)).q("0.7万人", "person", Decimal(7000));
  const auto rs = d.extract();
  BOOST_REQUIRE(find_record(rs, "9.8万人"));
  BOOST_TEST(find_record(rs, "9.8万人")->metric == "lifted_population");
  BOOST_TEST(!find_record(rs, "0.7万人"));
  Doc v("全县217个贫困村中已有196个退出，剩余21个。");
  v.q("217个", "count", Decimal(217), "个").q("196个", "count", Decimal(196), "个").q("21个", "count", Decimal(21), "个");
  const auto rv = v.extract();
  BOOST_REQUIRE(find_record(rv, "21个"));
  BOOST_TEST(find_record(rv, "21个")->metric == "villages_remaining");
  BOOST_REQUIRE(find_record(rv, "196个"));
  BOOST_TEST(find_record(rv, "196个")->metric == "villages_exited");
}

BOOST_AUTO_TEST_CASE(you_before_the_figure_and_its_noun_after_is_a_level) {
  // 全县共有147个贫困村: how many there are (was total), as 有贫困村147个 is;
  // its part after 其中 stands too. 有12个贫困村退出: how many did.
  Doc d("全县共有147个贫困村，其中深度贫困村62个。");
  d.q("147个", "count", Decimal(147), "个").q("62个", "count", Decimal(62), "个");
  const auto rs = d.extract();
  BOOST_REQUIRE(find_record(rs, "147个"));
  BOOST_TEST(find_record(rs, "147个")->metric == "poor_villages");
  BOOST_TEST(find_record(rs, "147个")->change == "level");
  BOOST_REQUIRE(find_record(rs, "62个"));
  BOOST_TEST(find_record(rs, "62个")->change == "level");
  Doc exits("全县有12个贫困村退出。");
  exits.q("12个", "count", Decimal(12), "个");
  const auto re = exits.extract();
  BOOST_REQUIRE(re.size() == 1u);
  BOOST_TEST(re[0].metric == "villages_exited");
  BOOST_TEST(re[0].change == "total");
  // 已经有一百七十五户脱了贫: already, not how many there are.
  Doc already("村里的贫困户已经有175户脱了贫。");
  already.q("175户", "household", Decimal(175));
  const auto ra = already.extract();
  BOOST_REQUIRE(ra.size() == 1u);
  BOOST_TEST(ra[0].change == "total");
}
