// JioNLP's parse_money cases (../shared/peer/jionlp/money_cases.json): the
// value (or the range) must match; currency and JioNLP's "definition"
// (accurate / blur / blur+ / blur-) are counted and reported too.
#define BOOST_TEST_MODULE peer_jionlp_money
#include <boost/test/unit_test.hpp>

#include <iostream>
#include <map>

#include "json_lite.h"
#include "numerals/money_parser.h"
#include "peer_support.h"

using namespace aidtext;

namespace {

// JioNLP's currency names for our ISO codes.
std::string jionlp_name(const std::string& iso) {
  static const std::map<std::string, std::string> names = {
      {"CNY", "元"},     {"USD", "美元"}, {"HKD", "港元"}, {"JPY", "日元"}, {"EUR", "欧元"}, {"TWD", "新台币"},
      {"THB", "泰铢"},   {"RUB", "卢布"}, {"KRW", "韩元"}, {"AUD", "澳元"}, {"GBP", "英镑"}, {"CAD", "加元"}};
  auto it = names.find(iso);
  return it == names.end() ? iso : it->second;
}

std::string definition(const MoneyAmount& m) {
  if (m.value_high) return "blur";
  switch (m.approx) {
    case Approx::kAbout: return "blur";
    case Approx::kOver: return "blur+";
    case Approx::kUnder: return "blur-";
    default: return "accurate";
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(parse_money_cases, *peer::needs_shared("peer/jionlp/money_cases.json")) {
  auto cases = json_lite::load_file(peer::shared_path("peer/jionlp/money_cases.json"));
  int total = 0, values = 0, currencies = 0, definitions = 0;
  for (const auto& c : cases.items) {
    if (c.str("func") != "parse_money") continue;
    ++total;
    std::string input = c.str("input");
    const auto* exp = c.get("expected");
    const auto* num = exp->get("num");
    std::optional<Decimal> lo, hi;
    if (num->kind == json_lite::Value::kArray) {
      lo = Decimal::parse(num->items[0].text);
      hi = Decimal::parse(num->items[1].text);
    } else {
      lo = Decimal::parse(num->text);
    }
    BOOST_REQUIRE(lo);
    MoneyAmount m = parse_money(input);
    bool value_ok = m.ok && m.value == *lo && (hi ? (m.value_high && *m.value_high == *hi) : !m.value_high);
    values += value_ok;
    currencies += m.ok && jionlp_name(m.currency) == exp->str("case");
    definitions += m.ok && definition(m) == exp->str("definition");
    if (!value_ok)
      BOOST_TEST_MESSAGE("miss: " << input << " -> " << (m.ok ? m.value.to_string() : "none")
                                  << (m.value_high ? ".." + m.value_high->to_string() : ""));
  }
  std::cout << "jionlp parse_money: values " << values << "/" << total << ", currency " << currencies << "/" << total
            << ", definition " << definitions << "/" << total << "\n";
  BOOST_CHECK_GE(values * 100, total * 90);
}
