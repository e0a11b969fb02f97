// Decimal: exact parsing, arithmetic that refuses to lose precision, printing.
#define BOOST_TEST_MODULE decimal
#include <boost/test/unit_test.hpp>

#include "numerals/decimal.h"

using aidtext::Decimal;

namespace {
std::string parse_print(std::string_view s) {
  auto d = Decimal::parse(s);
  return d ? d->to_string() : "nullopt";
}
}  // namespace

BOOST_AUTO_TEST_CASE(parses_and_prints_exactly) {
  BOOST_TEST(parse_print("123") == "123");
  BOOST_TEST(parse_print("-0.81") == "-0.81");
  BOOST_TEST(parse_print("2,800") == "2800");
  BOOST_TEST(parse_print("1e3") == "1000");
  BOOST_TEST(parse_print("4.800") == "4.8");
  BOOST_TEST(parse_print(".5") == "0.5");
  BOOST_TEST(parse_print("1e-15") == "0.000000000000001");
  BOOST_TEST(parse_print("100000000000000000000000") == "100000000000000000000000");  // 1 x 10^23: few digits
  BOOST_TEST(parse_print("0000") == "0");
}

BOOST_AUTO_TEST_CASE(refuses_malformed_and_too_precise) {
  BOOST_TEST(parse_print("") == "nullopt");
  BOOST_TEST(parse_print("1..2") == "nullopt");
  BOOST_TEST(parse_print("12a") == "nullopt");
  BOOST_TEST(parse_print(",100") == "nullopt");
  BOOST_TEST(parse_print("1234567890123456789") == "nullopt");  // 19 significant digits
  BOOST_TEST(parse_print("1e400") == "nullopt");
}

BOOST_AUTO_TEST_CASE(scaling_is_exact) {
  // The reason Decimal exists: 0.81万 is 8100, not 8099.999...
  auto v = Decimal::parse("0.81")->scale10(4);
  BOOST_REQUIRE(v);
  BOOST_TEST(v->to_string() == "8100");
  BOOST_TEST(v->is_integer());
  BOOST_TEST(Decimal::parse("5.6")->mul(Decimal(1, 8))->to_string() == "560000000");
  BOOST_TEST(Decimal::parse("0.1")->add(*Decimal::parse("0.2"))->to_string() == "0.3");
}

BOOST_AUTO_TEST_CASE(overflow_is_refused) {
  Decimal big(999999999999999999LL);
  BOOST_TEST(big.add(Decimal(1))->to_string() == "1000000000000000000");  // 10^18: one significant digit
  BOOST_TEST(!big.add(Decimal(2)));  // 19 significant digits
  BOOST_TEST(!big.mul(Decimal(3)));
  BOOST_TEST(!big.add(Decimal(1, -5)));  // would need 23 significant digits
  BOOST_TEST(!Decimal(1, 299).scale10(5));
}

BOOST_AUTO_TEST_CASE(compares_by_value) {
  BOOST_TEST((Decimal(8100) == Decimal(81, 2)));
  BOOST_TEST((Decimal(5, -1) < Decimal(1)));
  BOOST_TEST((Decimal(-3) < Decimal(-2)));
  BOOST_TEST(!(Decimal(2) < Decimal(2)));
  BOOST_TEST((Decimal(1, 30) < Decimal(2, 30)));
  BOOST_TEST((Decimal(999, 0) < Decimal(1, 3)));
}

BOOST_AUTO_TEST_CASE(division) {
  bool exact = false;
  auto q = Decimal(1).div(Decimal(3), 15, &exact);
  BOOST_REQUIRE(q);
  BOOST_TEST(!exact);
  BOOST_TEST(q->to_string() == "0.333333333333333");
  q = Decimal(2225).div(Decimal(16), 15, &exact);
  BOOST_TEST(exact);
  BOOST_TEST(q->to_string() == "139.0625");
  BOOST_TEST(!Decimal(1).div(Decimal(0)));
}

BOOST_AUTO_TEST_CASE(to_double_is_correctly_rounded) {
  BOOST_TEST(Decimal(905, -2).to_double() == 9.05);
  BOOST_TEST(Decimal(81, -2).to_double() == 0.81);
}
