// Whole-string numeral parsing against cn2an's own test cases
// (../shared/peer/cn2an/cases.json): every strict / normal / smart case must
// give the expected value, and every string of the error lists an error.
#define BOOST_TEST_MODULE numeral_parser_cn2an
#include <boost/test/unit_test.hpp>

#include <iostream>

#include "json_lite.h"
#include "numerals/numeral_parser.h"
#include "peer_support.h"

using aidtext::Decimal;
using aidtext::NumeralMode;
using aidtext::parse_numeral;

namespace {

NumeralMode mode_of(const std::string& m) {
  return m == "strict" ? NumeralMode::kStrict : m == "normal" ? NumeralMode::kNormal : NumeralMode::kSmart;
}

}  // namespace

BOOST_AUTO_TEST_CASE(cn2an_cases, *peer::needs_shared("peer/cn2an/cases.json")) {
  auto cases = json_lite::load_file(peer::shared_path("peer/cn2an/cases.json"));
  int ok_total = 0, ok_pass = 0, err_total = 0, err_pass = 0;
  for (const auto& c : cases.items) {
    if (c.str("func") != "cn2an") continue;
    std::string mode = c.str("mode");
    if (mode == "direct") continue;  // digit-string transcription, not a numeral reading
    std::string input = c.str("input");
    const auto* raises = c.get("raises");
    if (raises && !raises->is_null()) {
      // Upstream checks every error list in strict mode; we also check each
      // list in its own mode (error_normal_datas in normal, error_smart_datas in smart).
      std::string list = c.str("list");
      std::vector<NumeralMode> modes = {NumeralMode::kStrict};
      if (list == "error_normal_datas") modes.push_back(NumeralMode::kNormal);
      if (list == "error_smart_datas") modes.push_back(NumeralMode::kSmart);
      for (NumeralMode m : modes) {
        ++err_total;
        auto r = parse_numeral(input, m);
        if (!r.ok()) ++err_pass;
        BOOST_CHECK_MESSAGE(!r.ok(), "expected an error for '" << input << "' (" << list << ", mode "
                                                               << static_cast<int>(m) << "), got " << r.value.to_string());
      }
      continue;
    }
    ++ok_total;
    auto expected = Decimal::parse(c.str("expected"));
    BOOST_REQUIRE(expected);
    auto r = parse_numeral(input, mode_of(mode));
    bool pass = r.ok() && r.value == *expected && !r.value_high;
    if (pass) ++ok_pass;
    BOOST_CHECK_MESSAGE(pass, mode << " '" << input << "': expected " << expected->to_string() << ", got "
                                   << (r.ok() ? r.value.to_string() : aidtext::to_string(r.error)));
  }
  std::cout << "cn2an strict/normal/smart: " << ok_pass << "/" << ok_total << " values right, " << err_pass << "/"
            << err_total << " errors raised\n";
  BOOST_CHECK_GT(ok_total, 300);
  BOOST_CHECK_GT(err_total, 80);
}
