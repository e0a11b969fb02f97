// Hostile numerals and pinyin-looking text, through the C ABI: 一亿亿亿…
// nested scales, numbers too large for exact arithmetic (refused, never a
// rounded or cut value), and deep or unbalanced parentheses around
// pinyin-looking text (the converter-artefact stripper must neither hang nor
// swallow the text after them).
#define BOOST_TEST_MODULE hostile_numerals
#include <boost/test/unit_test.hpp>

#include <string>

#include "capi_helpers.h"
#include "core/utf8.h"

using namespace aidtext::hostile;

namespace {

struct DefaultEngine {
  EnginePtr engine = make_engine();
  DefaultEngine() { BOOST_REQUIRE(engine); }

  std::vector<aidtext_quantity> quantities(const std::string& text, ResultPtr& keep) {
    aidtext_status s;
    keep = run(engine.get(), Call::kQuantities, text, &s);
    BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
    return quantities_of(keep.get());
  }

  std::string normalized(const std::string& text) {
    aidtext_status s;
    ResultPtr r = run(engine.get(), Call::kNormalize, text, &s);
    BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
    std::string out(text_of(r.get()));
    BOOST_CHECK(aidtext::utf8::valid(out));
    return out;
  }
};

// A value the library gives must be a plain exact decimal, never "inf",
// "nan", an exponent form, or empty.
bool plain_decimal(const char* v) {
  if (!v || !*v) return false;
  std::string s(v);
  if (s[0] == '-') s.erase(0, 1);
  return !s.empty() && s.find_first_not_of("0123456789.") == std::string::npos;
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(numerals, DefaultEngine)

BOOST_AUTO_TEST_CASE(nested_scales_are_exact_or_refused) {
  // 一亿 = 10^8, 一亿亿 = 10^16, ...: the value is exactly 10^(8k), or, once
  // it is too large to hold, there is no quantity at all; never a quantity
  // for part of the numeral (一亿 out of 一亿亿亿) or a rounded value.
  for (size_t k : {1, 2, 3, 5, 10, 20, 37, 38, 40, 100, 1000, 100000}) {
    const std::string prefix = "共有";
    const std::string numeral = "一" + repeat("亿", k);
    ResultPtr keep;
    for (const aidtext_quantity& q : quantities(prefix + numeral + "人", keep)) {
      BOOST_CHECK(plain_decimal(q.value_text));
      if (q.start != prefix.size()) continue;
      BOOST_CHECK_MESSAGE(q.end >= prefix.size() + numeral.size(),
                          "k=" << k << ": a quantity for part of the numeral, " << q.text);
      BOOST_CHECK_MESSAGE(std::string(q.value_text ? q.value_text : "") == "1" + std::string(8 * k, '0'),
                          "k=" << k << ": value " << std::string(q.value_text ? q.value_text : "").substr(0, 40));
    }
  }
  // Scales nested the other way and mixed: must not crash or hang.
  for (const std::string& s : {repeat("万亿", 5000), repeat("十百千万", 5000), repeat("一万二", 5000),
                               repeat("九千九百九十九万", 3000) + "亿", "一" + repeat("零", 100000) + "一"}) {
    ResultPtr keep;
    for (const aidtext_quantity& q : quantities(s + "元", keep)) BOOST_CHECK(plain_decimal(q.value_text));
  }
}

BOOST_AUTO_TEST_CASE(overflow_sized_numbers_are_out_of_range_not_wrong) {
  struct Case {
    std::string text;   // the numeral, followed by 元 in the test
    std::string exact;  // its exact value
  };
  const Case cases[] = {
      {"99999999999999999999999", "99999999999999999999999"},
      {"9223372036854775808", "9223372036854775808"},      // INT64_MAX + 1
      {"18446744073709551617", "18446744073709551617"},    // UINT64_MAX + 2
      {"123456789012345678.9", "123456789012345678.9"},    // 19 significant digits
      {"9999999999999999999万", "99999999999999999990000"},
      {"0.0000000000000000000000000000001", "0.0000000000000000000000000000001"},
  };
  for (const Case& c : cases) {
    ResultPtr keep;
    for (const aidtext_quantity& q : quantities("资金" + c.text + "元。", keep)) {
      BOOST_CHECK(plain_decimal(q.value_text));
      if (q.start != std::string("资金").size()) continue;
      // Either the library holds the exact value or it gives no quantity.
      BOOST_CHECK_MESSAGE(std::string(q.value_text) == c.exact,
                          c.text << " was read as " << q.value_text);
    }
  }
}

BOOST_AUTO_TEST_CASE(deep_and_unbalanced_parentheses_around_pinyin) {
  const std::string tail = "落实帮扶资金6686万元";
  const std::string inputs[] = {
      // A real converter artefact, deeply nested.
      "協" + repeat("(", 100000) + "xié" + repeat(")", 100000) + "作" + tail,
      // Opened and never closed, with pinyin-looking text inside.
      repeat("(", 100000) + "xié zuò " + tail,
      repeat("協(xié", 50000) + tail,
      // Closed and never opened.
      repeat(")", 100000) + tail,
      // Full-width parentheses and pinyin with tone marks, alternating.
      repeat("（xié）（", 30000) + tail,
      repeat("(a", 100000) + tail,
  };
  for (const std::string& input : inputs) {
    std::string out = normalized(input);
    BOOST_CHECK_MESSAGE(out.find(tail) != std::string::npos,
                        "text after the parentheses was lost (" << out.size() << " bytes out)");
  }
}

BOOST_AUTO_TEST_SUITE_END()
