// The numeral parser on the forms the spec and cn2an's users name.
#define BOOST_TEST_MODULE numeral_parser
#include <boost/test/unit_test.hpp>

#include "numerals/numeral_parser.h"

using namespace aidtext;

namespace {

std::string value_of(std::string_view s, NumeralMode mode = NumeralMode::kSmart) {
  auto r = parse_numeral(s, mode);
  if (!r.ok()) return std::string("error:") + to_string(r.error);
  std::string out = r.value.to_string();
  if (r.value_high) out += ".." + r.value_high->to_string();
  return out;
}

// The longest numeral at the start of running text: "text|value".
std::string scan(std::string_view s) {
  auto m = scan_numeral(s, 0);
  if (!m) return "none";
  std::string out = std::string(s.substr(0, m->end)) + "|" + m->value.to_string();
  if (m->value_high) out += ".." + m->value_high->to_string();
  if (m->error != NumeralError::kNone) out += std::string("|") + to_string(m->error);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(arabic_and_full_width) {
  BOOST_TEST(value_of("37217") == "37217");
  BOOST_TEST(value_of("2,800") == "2800");
  BOOST_TEST(value_of("0.81") == "0.81");
  BOOST_TEST(value_of("３７２１７") == "37217");
  BOOST_TEST(value_of("０．８１") == "0.81");
  BOOST_TEST(value_of("-3") == "-3");
}

BOOST_AUTO_TEST_CASE(chinese_forms) {
  BOOST_TEST(value_of("一百零一") == "101");
  BOOST_TEST(value_of("十二") == "12");
  BOOST_TEST(value_of("一十二") == "12");
  BOOST_TEST(value_of("一万二") == "12000");
  BOOST_TEST(value_of("三千五") == "3500");
  BOOST_TEST(value_of("两百") == "200");
  BOOST_TEST(value_of("廿二") == "22");
  BOOST_TEST(value_of("卅") == "30");
  BOOST_TEST(value_of("负三") == "-3");
  BOOST_TEST(value_of("三点五") == "3.5");
  BOOST_TEST(value_of("零") == "0");
  BOOST_TEST(value_of("〇") == "0");
  BOOST_TEST(value_of("一百九十万零三千九百七十一") == "1903971");
  BOOST_TEST(value_of("一七二零") == "1720");
  BOOST_TEST(value_of("二〇一八") == "2018");
}

BOOST_AUTO_TEST_CASE(financial_and_money) {
  BOOST_TEST(value_of("壹佰叁拾") == "130");
  BOOST_TEST(value_of("伍仟元整") == "5000");
  BOOST_TEST(value_of("伍仟元整", NumeralMode::kStrict) == "5000");
  BOOST_TEST(value_of("伍仟元", NumeralMode::kStrict).rfind("error", 0) == 0);  // strict wants 整 or 角/分
  BOOST_TEST(value_of("壹拾壹元壹角壹分") == "11.11");
}

BOOST_AUTO_TEST_CASE(mixed_and_nested_scales) {
  BOOST_TEST(value_of("1.2万") == "12000");
  BOOST_TEST(value_of("3千万") == "30000000");
  BOOST_TEST(value_of("5.6亿") == "560000000");
  BOOST_TEST(value_of("2万3千") == "23000");
  BOOST_TEST(value_of("0.81万") == "8100");
  BOOST_TEST(value_of("四万万") == "400000000");
  BOOST_TEST(value_of("一万亿") == "1000000000000");
  BOOST_TEST(value_of("一亿亿") == "10000000000000000");
  BOOST_TEST(value_of("三点五万") == "35000");
}

BOOST_AUTO_TEST_CASE(out_of_range_is_an_error_not_a_wrong_value) {
  // 1234 5678 9876 5432.1234: twenty significant digits.
  BOOST_TEST(value_of("一千二百三十四万五千六百七十八亿九千八百七十六万五千四百三十二点一二三四") ==
             "error:out of range");
  BOOST_TEST(value_of("12345678901234567890123") == "error:out of range");
  // Many digits but few significant ones are fine: 10^24.
  BOOST_TEST(value_of("一亿亿亿") == "1000000000000000000000000");
}

BOOST_AUTO_TEST_CASE(ranges_not_digit_strings) {
  BOOST_TEST(value_of("三四十") == "30..40");
  BOOST_TEST(value_of("两三") == "2..3");
  BOOST_TEST(value_of("两三百") == "200..300");
  BOOST_TEST(value_of("八九亿") == "800000000..900000000");
  BOOST_TEST(value_of("三五百") == "300..500");
  BOOST_TEST(value_of("一二") == "12");  // a whole string of two digits is read digit by digit, like cn2an
}

BOOST_AUTO_TEST_CASE(scanning_stops_where_the_numeral_ends) {
  BOOST_TEST(scan("两点半") == "两|2");  // a time, not 2 and 0.5
  BOOST_TEST(scan("两百点两") == "两百|200");
  BOOST_TEST(scan("10.1万零100") == "10.1万|101000");
  BOOST_TEST(scan("2800余万元") == "2800余万|28000000");
  BOOST_TEST(scan("十多万人") == "十多万|100000");
  BOOST_TEST(scan("两千分") == "两千|2000");
  BOOST_TEST(scan("7 万5 千4 百") == "7 万5 千4 百|75400");
  BOOST_TEST(scan("1, 234") == "1|1");
  BOOST_TEST(scan("15k左右") == "15k|15000");
  BOOST_TEST(scan("5km") == "5|5");
  BOOST_TEST(scan("十一十二") == "十一|11");
  BOOST_TEST(scan("万") == "none");
  BOOST_TEST(scan("点五") == "none");
}

BOOST_AUTO_TEST_CASE(modes) {
  BOOST_TEST(value_of("三万五", NumeralMode::kStrict).rfind("error", 0) == 0);
  BOOST_TEST(value_of("三万五", NumeralMode::kNormal) == "35000");
  BOOST_TEST(value_of("100万三千", NumeralMode::kNormal).rfind("error", 0) == 0);
  BOOST_TEST(value_of("100万三千", NumeralMode::kSmart) == "1003000");
  BOOST_TEST(value_of("一千零十", NumeralMode::kStrict) == "1010");
  BOOST_TEST(value_of("一千一十", NumeralMode::kStrict).rfind("error", 0) == 0);
  BOOST_TEST(value_of("", NumeralMode::kSmart) == "error:empty");
}
