// The quantity recognizer on the forms of spec/quantities.md, and on the
// fixed expressions that must give no amount. Sentences are written here
// for the test; none is taken from the dev corpus.
#define BOOST_TEST_MODULE recognizer
#include <boost/test/unit_test.hpp>

#include "core/char_slot.h"
#include "numerals/cut_numbers.h"
#include "numerals/numeral_chars.h"
#include "numerals/recognizer.h"
#include "numerals/record_starts.h"

using namespace aidtext;

namespace {

// "text=value[..high] unit[/classifier] approx" for each record, joined by " | ".
std::string describe(std::string_view text) {
  std::string out;
  for (const Quantity& q : recognize_quantities(text)) {
    if (!out.empty()) out += " | ";
    out += std::string(text.substr(q.span.begin, q.span.size()));
    if (q.kind == QuantityKind::kDate) {
      out += "@" + (q.relative_date ? "rel" + std::to_string(q.date_offset) : q.date) + (q.date_end_of_period ? "/end" : "");
      continue;
    }
    if (q.kind == QuantityKind::kOrdinal) out += "#";
    out += '=';
    if (q.has_value()) {
      out += q.value.to_string();
    } else {
      out += '<';
      out += error_id(q.error);
      out += '>';
    }
    if (q.value_high) out += ".." + q.value_high->to_string();
    if (!q.unit.empty()) out += " " + q.unit;
    if (!q.classifier.empty()) out += "/" + q.classifier;
    if (to_string(q.approx)) out += std::string(" ") + to_string(q.approx);
  }
  return out;
}

// Quantity records (kind quantity) in `text`.
size_t amounts(std::string_view text) {
  size_t n = 0;
  for (const Quantity& q : recognize_quantities(text)) n += q.kind == QuantityKind::kQuantity;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(arabic_scales_and_units) {
  BOOST_TEST(describe("贫困户减至0.81万户。") == "0.81万户=8100 household");
  BOOST_TEST(describe("共有３７２１７人受益") == "３７２１７人=37217 person");
  BOOST_TEST(describe("投资5.6亿元") == "5.6亿元=560000000 CNY");
  BOOST_TEST(describe("援助2,800美元") == "2,800美元=2800 USD");
  BOOST_TEST(describe("面积42.5万平方公里") == "42.5万平方公里=425000 km2");
  BOOST_TEST(describe("种植300亩、15公顷") == "300亩=300 mu | 15公顷=15 hectare");
  BOOST_TEST(describe("收获20吨和500公斤、3千克、80斤") == "20吨=20 t | 500公斤=500 kg | 3千克=3 kg | 80斤=80 jin");
  BOOST_TEST(describe("修路5公里又300米") == "5公里=5 km | 300米=300 m");
  BOOST_TEST(describe("培训6538人次") == "6538人次=6538 person_time");
  // 户次: visits to households, not households.
  BOOST_TEST(describe("带动贫困户136万户次") == "136万户次=1360000 household_time");
  BOOST_TEST(describe("有5口人") == "5口人=5 person");
  BOOST_TEST(describe("7000万贫困人口") == "7000万=70000000");
  BOOST_TEST(describe("9595名贫困人口") == "9595名=9595 person");
  BOOST_TEST(describe("2万3千人") == "2万3千人=23000 person");
  BOOST_TEST(describe("温度-3度") == "-3=-3");
  BOOST_TEST(describe("身高168cm，跑了5km") == "168cm=168 cm | 5km=5 km");
  BOOST_TEST(describe("G20峰会和5G网络") == "");  // codes, not amounts
}

BOOST_AUTO_TEST_CASE(kou_counts_wells_ponds_and_pots_not_people) {
  // 口 is the classifier of wells, water cellars, ponds, pots and coffins: a
  // count of them, not of people, whether the noun follows 口 ...
  BOOST_TEST(describe("全村共有30口机井") == "30口=30 count/口");
  BOOST_TEST(describe("每户修建5口水窖") == "5口=5 count/口");
  BOOST_TEST(describe("食堂添置了两口大锅") == "两口=2 count/口");
  BOOST_TEST(describe("新挖12口深水井") == "12口=12 count/口");
  BOOST_TEST(describe("捐赠一口棺材") == "一口=1 count/口");
  // ... or ends before the number in its clause.
  BOOST_TEST(describe("为缺水村打井30口") == "30口=30 count/口");
  BOOST_TEST(describe("新建水窖120口，解决饮水困难") == "120口=120 count/口");
  BOOST_TEST(describe("修建蓄水池8口、挖塘5口") == "8口=8 count/口 | 5口=5 count/口");
  BOOST_TEST(describe("新打机电井12口") == "12口=12 count/口");
  BOOST_TEST(describe("水窖共计新建120余口") == "120余口=120 count/口 over");
  BOOST_TEST(describe("打井20-30口") == "20-30口=20..30 count/口");
  BOOST_TEST(describe("打出第3口井") == "第3口#=3/口");
  // People: a family's size, a household's, 口人, and 口 with no such noun
  // near (一家 is a count of its own, as 一个 is).
  BOOST_TEST(describe("一家三口住在山沟里") == "一家=1 count/家 | 三口=3 person");
  BOOST_TEST(describe("全家5口人") == "5口人=5 person");
  BOOST_TEST(describe("全家4口，靠低保生活") == "4口=4 person");
  BOOST_TEST(describe("家庭人口3口") == "3口=3 person");
  BOOST_TEST(describe("每户5口") == "5口=5 person");
  BOOST_TEST(describe("村里有水井，一家三口") == "一家=1 count/家 | 三口=3 person");
  BOOST_TEST(describe("水窖旁一家三口") == "一家=1 count/家 | 三口=3 person");
  BOOST_TEST(describe("三口之家") == "三口=3 person");
}

BOOST_AUTO_TEST_CASE(yan_counts_wells_not_glances) {
  // 眼 is a classifier of wells, springs, cellars and cave dwellings: the
  // count keeps it (unit count, classifier 眼), whether the noun ends before
  // the number in its clause ...
  BOOST_TEST(describe("为缺水村打井10眼") == "10眼=10 count/眼");
  BOOST_TEST(describe("新建机井25眼，解决灌溉难题") == "25眼=25 count/眼");
  BOOST_TEST(describe("新打机井12眼") == "12眼=12 count/眼");
  BOOST_TEST(describe("修建水窖120余眼") == "120余眼=120 count/眼 over");
  BOOST_TEST(describe("打井二十眼") == "二十眼=20 count/眼");
  // ... or follows 眼, or the number is in digits (a glance never is).
  BOOST_TEST(describe("村里新打了3眼机井") == "3眼=3 count/眼");
  BOOST_TEST(describe("修复两眼老井和一眼泉水") == "两眼=2 count/眼 | 一眼=1 count/眼");
  BOOST_TEST(describe("他家住着三眼窑洞") == "三眼=3 count/眼");
  BOOST_TEST(describe("村里共新打12眼，又修复8眼") == "12眼=12 count/眼 | 8眼=8 count/眼");
  BOOST_TEST(describe("打出第3眼井") == "第3眼#=3/眼");
  // A glance or eyes: no amount, even with a well nearby.
  const char* glances[] = {
      "他看了一眼村口，笑了。",
      "一眼望去，满山都是果树。",
      "村民一眼就认出了他。",
      "老人两眼含泪。",
      "站在井边看了一眼，水很清。",
      "临走前他又回头望了两眼。",
      "一眼看不到头的梯田。",
  };
  for (const char* s : glances) BOOST_TEST(amounts(s) == 0u, s << " -> " << describe(s));
}

BOOST_AUTO_TEST_CASE(metric_prefixes_belong_to_their_unit) {
  // 千 and 兆 that start a unit word are its prefix, not a scale of the
  // number: ten kilowatts, not 10,000 of something; 9.8 megawatts, not
  // 9.8 x 10^12.
  BOOST_TEST(describe("建成村级光伏电站10千瓦") == "10千瓦=10 kW");
  BOOST_TEST(describe("装机容量9.8兆瓦") == "9.8兆瓦=9.8 MW");
  BOOST_TEST(describe("年发电量120兆瓦时") == "120兆瓦时=120 MWh");
  BOOST_TEST(describe("三千瓦的水泵") == "三千瓦=3 kW");
  BOOST_TEST(describe("新建10千伏线路32公里，新增配变容量500千伏安") ==
             "10千伏=10 kV | 32公里=32 km | 500千伏安=500 kVA");
  // 万 and 亿 before such a word stay scales.
  BOOST_TEST(describe("总装机80万千瓦，年发电5亿千瓦时") == "80万千瓦=800000 kW | 5亿千瓦时=500000000 kWh");
  // Where no unit word starts at 千, it is a thousand.
  BOOST_TEST(describe("帮扶5千人，投入3千元") == "5千人=5000 person | 3千元=3000 CNY");
  BOOST_TEST(describe("新建水窖3000立方米") == "3000立方米=3000 m3");
  BOOST_TEST(describe("每天摄入2.4微克") == "2.4微克=2.4 ug");
}

BOOST_AUTO_TEST_CASE(currency_signs_before_the_digits) {
  BOOST_TEST(describe("售价￥300，约$30") == "￥300=300 CNY | 约$30=30 USD about");
  BOOST_TEST(describe("融资US$5.5亿") == "US$5.5亿=550000000 USD");
  // A unit after the digits wins: the sign is typography then.
  BOOST_TEST(describe("价格￥300元") == "300元=300 CNY");
  // Only before digits: a Chinese numeral after $ keeps no unit from it.
  BOOST_TEST(describe("$三百") == "三百=300");
  BOOST_TEST(describe("电话0931-8888888") == "");
  BOOST_TEST(describe("一吨半和三年半") == "一吨半=1.5 t | 三年半=3.5 year");
  BOOST_TEST(describe("单价50元6角三分") == "50元6角三分=50.63 CNY");
}

BOOST_AUTO_TEST_CASE(chinese_numerals_with_measure_words) {
  BOOST_TEST(describe("建成三十五个村") == "三十五个=35 count/个");
  BOOST_TEST(describe("资助伍仟元整") == "伍仟元整=5000 CNY");
  BOOST_TEST(describe("发放一万二千元") == "一万二千元=12000 CNY");
  BOOST_TEST(describe("帮扶一百九十万零三千九百七十一人") == "一百九十万零三千九百七十一人=1903971 person");
  BOOST_TEST(describe("比赛得了两千分") == "两千分=2000 point");
  BOOST_TEST(describe("负三") == "负三=-3");
}

BOOST_AUTO_TEST_CASE(percents_and_ratios) {
  BOOST_TEST(describe("发生率降至9.05%") == "9.05%=9.05 percent");
  BOOST_TEST(describe("占百分之四十") == "百分之四十=40 percent");
  BOOST_TEST(describe("千分之五的比例") == "千分之五=0.5 percent");
  BOOST_TEST(describe("约三分之一的农户") == "约三分之一=0.333333333333333 fraction about");
  BOOST_TEST(describe("下降了三成") == "三成=30 percent");
  BOOST_TEST(describe("提高2个百分点") == "2个百分点=2 percentage_point");
  BOOST_TEST(describe("增长了3倍") == "3倍=3 times");
}

BOOST_AUTO_TEST_CASE(approximations) {
  BOOST_TEST(describe("约200万元") == "约200万元=2000000 CNY about");
  BOOST_TEST(describe("1000人左右") == "1000人左右=1000 person about");
  BOOST_TEST(describe("近三成") == "近三成=30 percent under");
  BOOST_TEST(describe("2800余万元") == "2800余万元=28000000 CNY over");
  BOOST_TEST(describe("不足百户") == "不足百户=100 household under");
  BOOST_TEST(describe("超过5000人") == "超过5000人=5000 person over");
  BOOST_TEST(describe("逾3万人") == "逾3万人=30000 person over");
  BOOST_TEST(describe("大约20家") == "大约20家=20 count/家 about");
  BOOST_TEST(describe("50万元以上") == "50万元以上=500000 CNY over");
  BOOST_TEST(describe("30岁以下") == "30岁以下=30 age under");
  // 以内 / 之内 (within): at most, as 以下.
  BOOST_TEST(describe("贫困发生率控制在1%以内") == "1%以内=1 percent under");
  BOOST_TEST(describe("三年之内") == "三年之内=3 year under");
  BOOST_TEST(describe("十来个") == "十来个=10 count/个 over");
  BOOST_TEST(describe("十多万人") == "十多万人=100000 person over");
  BOOST_TEST(describe("三十多年的努力") == "三十多年=30 year over");
  BOOST_TEST(describe("5万元上下") == "5万元上下=50000 CNY about");
  // A negated bound is the opposite bound: 不少于 is "at least", 不高于 "at most".
  BOOST_TEST(describe("不少于1.2亿元") == "不少于1.2亿元=120000000 CNY over");
  BOOST_TEST(describe("不低于50%") == "不低于50%=50 percent over");
  BOOST_TEST(describe("不多于30人") == "不多于30人=30 person under");
  BOOST_TEST(describe("不高于3%") == "不高于3%=3 percent under");
  BOOST_TEST(describe("少于5户") == "少于5户=5 household under");
  BOOST_TEST(describe("最多30名") == "最多30名=30 person under");
  BOOST_TEST(describe("至少20个") == "至少20个=20 count/个 over");
  BOOST_TEST(describe("金额突破100亿元") == "突破100亿元=10000000000 CNY over");
  // 近 before a duration is "the last N years", not an approximation.
  BOOST_TEST(describe("近两年来") == "两年=2 year");
}

BOOST_AUTO_TEST_CASE(spaces_between_digits_and_chinese) {
  // Text spaced between digits and Chinese keeps its unit and approximation.
  BOOST_TEST(describe("带动5000 余人就业") == "5000 余人=5000 person over");
  BOOST_TEST(describe("共 5000 人参加") == "5000 人=5000 person");
  BOOST_TEST(describe("约 300万元") == "约 300万元=3000000 CNY about");
  // Digits only: a Chinese numeral with a space after it stands alone.
  BOOST_TEST(describe("三 人") == "三=3");
  BOOST_TEST(describe("共 5000 个") == "5000 个=5000 count/个");
}

BOOST_AUTO_TEST_CASE(vague_amounts) {
  // 数/几 before a power of ten: two to nine of them; 上 before one: over.
  BOOST_TEST(describe("建成数十个车间") == "数十个=20..90 count/个 about");
  BOOST_TEST(describe("几百万元资金") == "几百万元=2000000..9000000 CNY about");
  BOOST_TEST(describe("数百名干部") == "数百名=200..900 person about");
  BOOST_TEST(describe("培训上千人次") == "上千人次=1000 person_time over");
  // Not after a noun ending in 数, not in the idiom, not before a digit.
  BOOST_TEST(describe("参加人数十分庞大").empty());
  BOOST_TEST(describe("成千上万的群众").empty());
  BOOST_TEST(describe("户数三百户") == "三百户=300 household");
}

BOOST_AUTO_TEST_CASE(ranges) {
  BOOST_TEST(describe("3至5万元") == "3至5万元=30000..50000 CNY");
  BOOST_TEST(describe("3-5万元") == "3-5万元=30000..50000 CNY");
  BOOST_TEST(describe("三四十人") == "三四十人=30..40 person");
  BOOST_TEST(describe("两三个") == "两三个=2..3 count/个");
  BOOST_TEST(describe("十八至三十万人") == "十八至三十万人=180000..300000 person");
  BOOST_TEST(describe("两到三千元") == "两到三千元=2000..3000 CNY");
  BOOST_TEST(describe("8500到3万港元") == "8500到3万港元=8500..30000 HKD");
}

BOOST_AUTO_TEST_CASE(dates_and_times_are_not_amounts) {
  BOOST_TEST(describe("2018年脱贫") == "2018年@2018");
  BOOST_TEST(describe("2018年底") == "2018年底@2018/end");
  BOOST_TEST(describe("5月28日") == "5月28日@--05-28");
  BOOST_TEST(describe("2017年05月22日 14时50分") == "2017年05月22日 14时50分@2017-05-22T14:50");
  BOOST_TEST(describe("2020-07-14") == "2020-07-14@2020-07-14");
  BOOST_TEST(describe("21.11.2015 20:04") == "21.11.2015 20:04@2015-11-21T20:04");
  BOOST_TEST(describe("今年、去年和明年") == "今年@rel0 | 去年@rel-1 | 明年@rel1");
  BOOST_TEST(describe("去年年底") == "去年年底@rel-1/end");
  BOOST_TEST(describe("二〇一八年") == "二〇一八年@2018");
  BOOST_TEST(describe("下午两点半开会") == "两点半@T02:30");
  BOOST_TEST(describe("三点五分出发") == "三点五分@T03:05");
  BOOST_TEST(describe("2018-2020年") == "2018@2018 | 2020年@2020");
  BOOST_TEST(describe("十月") == "十月@--10");
}

BOOST_AUTO_TEST_CASE(ordinals_are_not_amounts) {
  BOOST_TEST(describe("第三") == "第三#=3");
  BOOST_TEST(describe("第3批") == "第3批#=3/批");
}

BOOST_AUTO_TEST_CASE(fixed_expressions_give_no_amount) {
  // Each sentence holds numerals that count nothing.
  const char* sentences[] = {
      "坚持一户一策，精准施策。",
      "坚持一破一立，一砖一瓦来之不易。",
      // 平 starts a unit word (平方米) but 平台 is none: the idiom stands.
      "做到一户一平台、一户一档案。",
      "实现两不愁三保障目标。",
      "增强四个意识，坚决做到两个维护。",
      "开展万企帮万村行动。",
      "务必一鼓作气、顽强作战。",
      "形成全国一盘棋、上下一条心。",
      "要一杆子插到底。",
      "谋划好十三五发展，编制十四五规划。",
      "学习十八大和十九大精神。",
      "贯彻十八届五中全会精神。",
      "抢抓一带一路机遇。",
      "要进一步增强责任感。",
      "一是加强组织领导；二是强化党建引领。",
      "三角镇的干部群众。",
      "实施“1236”扶贫攻坚行动和“1+17”精准扶贫方案。",
      "对口帮扶三省四县。",
      "让我们一块努力。",
      "与全国一道建成小康社会。",
      "统一思想，唯一的办法。",
      "这是千百年来的梦想。",
      "十大产业和一线干部。",
      "扫一扫在手机打开。",
      "国庆十一期间游客如织，十一黄金周客流大增。",
      "一、提高认识",
      "（一）加强领导",
      "落实“三个落实”和“六个精准”要求。",
  };
  for (const char* s : sentences) BOOST_TEST(amounts(s) == 0u, s << " -> " << describe(s));
}

BOOST_AUTO_TEST_CASE(standalone_chinese_numerals) {
  BOOST_TEST(describe("这是五那是四") == "五=5 | 四=4");
  BOOST_TEST(describe("我家在四川") == "");
  BOOST_TEST(describe("一切顺利") == "");
}

BOOST_AUTO_TEST_CASE(bad_input_is_safe) {
  // Truncated UTF-8, lone continuation bytes, huge numbers, long digit runs.
  std::string junk = "\xE4\xB8";
  BOOST_TEST(recognize_quantities(junk).empty());
  BOOST_TEST(describe("\x80\x80" "5人") == "5人=5 person");
  // Out of range: one record for the whole run, flagged, with no value to give.
  BOOST_TEST(describe(std::string(5000, '9')) == std::string(5000, '9') + "=<out_of_range>");
  BOOST_TEST(describe("一千二百三十四万五千六百七十八亿九千八百七十六万五千四百三十二点一二三四元") ==
             "一千二百三十四万五千六百七十八亿九千八百七十六万五千四百三十二点一二三四元=<out_of_range> CNY");
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "一二三四五六七八九十百千万亿";
  (void)recognize_quantities(many);  // must finish, whatever it finds
}

BOOST_AUTO_TEST_CASE(random_numeral_soup_keeps_the_invariants) {
  // Pseudo-random strings over numeral characters, units and punctuation
  // (fixed seed): records stay inside the text, on character boundaries, in
  // order and apart, and every value prints as an exact decimal.
  const char* pieces[] = {"一", "二", "两", "三", "十", "百", "千", "万", "亿", "兆", "零", "〇", "点", "负", "余", "多",
                          "几", "来", "个", "人", "元", "户", "%", "年", "月", "日", "第", "分之", "至", "-", "~",
                          "1", "2", "0", "9", ".", ",", " ", "，", "“", "”", "半", "成", "倍", "约", "左右", "以上",
                          "壹", "拾", "佰", "廿", "k", "e", "+", "/", "又", "今年", "时", "分", ":", "\xC2\xA0"};
  uint64_t seed = 0x9E3779B97F4A7C15ULL;
  auto next = [&seed] {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    int n = static_cast<int>(next() % 40);
    for (int i = 0; i < n; ++i) text += pieces[next() % std::size(pieces)];
    uint32_t last_end = 0;
    for (const Quantity& q : recognize_quantities(text)) {
      BOOST_REQUIRE_LE(q.span.end, text.size());
      BOOST_REQUIRE_LT(q.span.begin, q.span.end);
      BOOST_REQUIRE_GE(q.span.begin, last_end);
      BOOST_REQUIRE((static_cast<unsigned char>(text[q.span.begin]) & 0xC0) != 0x80);
      BOOST_REQUIRE(q.span.end == text.size() || (static_cast<unsigned char>(text[q.span.end]) & 0xC0) != 0x80);
      last_end = q.span.end;
      std::string v = q.value.to_string();
      auto back = Decimal::parse(v);
      BOOST_REQUIRE_MESSAGE(back && *back == q.value, text << " -> " << v);
    }
  }
}

BOOST_AUTO_TEST_CASE(numbers_beyond_exact_decimals_are_flagged_records) {
  // Up to 18 significant digits and a power of ten within 300: exact.
  BOOST_TEST(describe("资金999999999999999999元") == "999999999999999999元=999999999999999999 CNY");
  BOOST_TEST(describe("资金12345678901234567.8元") == "12345678901234567.8元=12345678901234567.8 CNY");
  // Beyond: the expression with its unit and approximation, no value.
  BOOST_TEST(describe("资金9999999999999999999元") == "9999999999999999999元=<out_of_range> CNY");
  BOOST_TEST(describe("约99999999999999999999999万元左右") == "约99999999999999999999999万元左右=<out_of_range> CNY about");
  BOOST_TEST(describe("99999999999999999999余人") == "99999999999999999999余人=<out_of_range> person over");
  BOOST_TEST(describe("第99999999999999999999批") == "第99999999999999999999批#=<out_of_range>/批");
  BOOST_TEST(describe("占百分之99999999999999999999") == "百分之99999999999999999999=<out_of_range> percent");
  for (const Quantity& q : recognize_quantities("9999999999999999999元")) {
    BOOST_TEST((q.error == NumeralError::kOutOfRange));
    BOOST_TEST(q.value.is_zero());
    BOOST_TEST(!q.value_high);
  }
  // Chinese digits read one by one, with nothing counted, stay no amount.
  BOOST_TEST(describe("编号一二三四五六七八九〇一二三四五六七八九〇") == "");
  // The text after a flagged record is read as usual.
  BOOST_TEST(describe("9999999999999999999元和3万元") == "9999999999999999999元=<out_of_range> CNY | 3万元=30000 CNY");
}

BOOST_AUTO_TEST_CASE(numerals_after_shuang_are_names) {
  // 双 glued to a numeral names a festival or a campaign (双十一, 双11, 双百).
  BOOST_TEST(describe("双十一期间网销农产品3亿元") == "3亿元=300000000 CNY");
  BOOST_TEST(describe("借助双11和双12促销") == "");
  BOOST_TEST(describe("开展双百行动") == "");
  // The same numerals elsewhere still count.
  BOOST_TEST(describe("帮扶十一户") == "十一户=11 household");
  BOOST_TEST(describe("共11人") == "11人=11 person");
  // After a number, 双 is the classifier "pair": what follows is read as usual.
  BOOST_TEST(describe("买鞋3双12元") == "3双=3 count/双 | 12元=12 CNY");
}

BOOST_AUTO_TEST_CASE(one_with_a_classifier_counts_one) {
  // spec/quantities.md lists counting classifiers as unit "count" and sets
  // apart only numerals inside fixed expressions and names; 一个 / 一批 before a
  // noun can be read as a count of one, so they stay quantities (the metric
  // stage never makes a metric of them). 一些 has no classifier and 一道 after
  // 与/和 is "together": neither is an amount.
  BOOST_TEST(describe("建立一个机制") == "一个=1 count/个");
  BOOST_TEST(describe("启动一批项目") == "一批=1 count/批");
  BOOST_TEST(describe("解决一些问题") == "");
  BOOST_TEST(describe("与全国一道建成小康社会") == "");
}

BOOST_AUTO_TEST_CASE(record_start_tables_match_the_classification) {
  // numerals/record_starts.h builds its tables at compile time from the
  // listed numeral characters; recomputed here from classify_numeral_char()
  // over the whole BMP, as the recognizer built them at first use before.
  size_t starts = 0;
  for (char32_t c = 0; c < 0x10000; ++c) {
    bool expected = c >= 0x3000 && numerals::may_start_numeral(c);
    for (char32_t extra : {U'第', U'今', U'去', U'明', U'前', U'后', U'－', U'＋'}) expected = expected || c == extra;
    starts += expected;
    BOOST_TEST(numerals::may_start_record(c) == expected, "U+" << std::hex << uint32_t(c));
    BOOST_TEST((numerals::kRecordStartSlots[char_slot::slot_of_char(c)] != 0) == expected, "slot of U+" << std::hex << uint32_t(c));
  }
  BOOST_TEST(starts == 61u);  // 43 Chinese numeral characters, 10 full-width digits, 8 others
}

BOOST_AUTO_TEST_CASE(yue_with_its_verb_is_about) {
  // 约有 / 约为: 约 before the verb it modifies still approximates the figure
  // (were exact, the word left out).
  BOOST_TEST(describe("全区约有1.5万名贫困学生") == "约有1.5万名=15000 person about");
  BOOST_TEST(describe("贫困发生率约为3%") == "约为3%=3 percent about");
  BOOST_TEST(describe("大约有200户") == "大约有200户=200 household about");
  // 有 and 为 alone stay outside the figure.
  BOOST_TEST(describe("全县有1.2万人") == "1.2万人=12000 person");
}

BOOST_AUTO_TEST_CASE(changci_and_pici_are_classifiers_with_ci) {
  // 18场次, 3批次: the whole word (were 18场 and 3批, 次 left out).
  BOOST_TEST(describe("举办培训18场次") == "18场次=18 count/场");
  BOOST_TEST(describe("分3批次") == "3批次=3 count/批");
}

// A lost character (U+FFFD or '?') between numerals cuts a number in two
// (numerals/cut_numbers.h), whatever the numerals are written with: the
// forms conversion and width folding would have changed (兩, 萬, 億,
// full-width digits) count as they do for the recognizer, as do the
// financial ones; 点, 多 and other words beside a hole do not.
BOOST_AUTO_TEST_CASE(numbers_cut_by_a_lost_character_in_every_numeral_form) {
  // Each text: whether its figures are cut ("cut") or not.
  const std::vector<std::pair<std::string, bool>> cases = {
      {"脱贫1\uFFFD200人", true},
      {"投入资金3?500萬元", true},
      {"贫困人口１?２００人", true},
      {"贫困人口兩?三萬人", true},
      {"资金壹仟\uFFFD佰万元", true},
      {"减贫1.?5億人", true},
      {"很多?1000人", false},
      {"重点?3个村", false},
      {"贫困户3?户", false},
      {"贫困户?3户", false},
      {"减贫200人?", false},
  };
  for (const auto& [text, cut] : cases) {
    const std::vector<Quantity> qs = recognize_quantities(text);
    BOOST_TEST_REQUIRE(!qs.empty(), text);
    size_t flagged = 0;
    for (const Quantity& q : qs) flagged += number_cut_by_hole(text, q.number);
    BOOST_TEST((flagged > 0) == cut, text << ": " << flagged << " of " << qs.size() << " figures cut");
  }
}
