// Money amounts as whole strings (a price field, a cell of a table): value,
// range and currency, in the manner of JioNLP's parse_money:
//   "1.2万元" -> 12000 CNY; "约4.287亿美元" -> 428700000 USD, about;
//   "3000多欧元" -> 3000..4000 EUR; "两到三万港元" -> 20000..30000 HKD;
//   "六十四万零一百四十三元一角七分" -> 640143.17 CNY; "几十万块" -> 100000..1000000.
// Built on the quantity recognizer, so every numeral form it reads works here.
#ifndef AIDTEXT_NUMERALS_MONEY_PARSER_H_
#define AIDTEXT_NUMERALS_MONEY_PARSER_H_

#include <optional>
#include <string>
#include <string_view>

#include "numerals/decimal.h"
#include "numerals/quantity.h"

namespace aidtext {

struct MoneyAmount {
  bool ok = false;                    // false: no amount found
  Decimal value;                      // the amount, or the low end of a range
  std::optional<Decimal> value_high;  // ranges and vague amounts (3000多 -> 3000..4000)
  std::string currency;               // ISO 4217; "CNY" when none is named
  bool currency_named = false;        // a currency word was in the text
  Approx approx = Approx::kNone;      // 约 / 左右 -> about; 近 / 不到 -> under; 至少 / 以上 -> over
};

MoneyAmount parse_money(std::string_view text);

}  // namespace aidtext

#endif  // AIDTEXT_NUMERALS_MONEY_PARSER_H_
