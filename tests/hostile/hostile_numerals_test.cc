// Hostile numerals and pinyin-looking text, through the C ABI: 一亿亿亿…
// nested scales, numbers too large for exact arithmetic (a record flagged
// "out_of_range" with no value, never a rounded or cut value, never silence;
// never a metric), and deep or unbalanced parentheses around
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

bool flagged_out_of_range(const aidtext_quantity& q) {
  return q.error != nullptr && std::string(q.error) == "out_of_range";
}

// A record has a plain exact value, or is flagged and has none at all.
bool value_or_flag(const aidtext_quantity& q) {
  if (q.error == nullptr) return plain_decimal(q.value_text);
  return flagged_out_of_range(q) && q.value_text == nullptr && q.value_high_text == nullptr && !q.has_value_high &&
         q.value != q.value;  // NaN
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(numerals, DefaultEngine)

BOOST_AUTO_TEST_CASE(nested_scales_are_exact_or_flagged) {
  // 一亿 = 10^8, 一亿亿 = 10^16, ...: the value is exactly 10^(8k) while the
  // exponent stays within 300 (k <= 37), and beyond it one record for the
  // whole numeral and its unit, flagged out of range; never a quantity for
  // part of the numeral (一亿 out of 一亿亿亿), never a rounded value, never
  // nothing.
  for (size_t k : {1, 2, 3, 5, 10, 20, 37, 38, 40, 100, 1000, 100000}) {
    const std::string prefix = "共有";
    const std::string numeral = "一" + repeat("亿", k);
    ResultPtr keep;
    size_t at_prefix = 0;
    for (const aidtext_quantity& q : quantities(prefix + numeral + "人", keep)) {
      BOOST_CHECK(value_or_flag(q));
      if (q.start != prefix.size()) continue;
      ++at_prefix;
      BOOST_CHECK_MESSAGE(q.end == prefix.size() + numeral.size() + std::string("人").size(),
                          "k=" << k << ": a quantity for part of the numeral, " << q.text);
      BOOST_CHECK_EQUAL(std::string(q.unit ? q.unit : ""), "person");
      if (8 * k <= 300) {
        BOOST_CHECK_MESSAGE(std::string(q.value_text ? q.value_text : "") == "1" + std::string(8 * k, '0'),
                            "k=" << k << ": value " << std::string(q.value_text ? q.value_text : "").substr(0, 40));
      } else {
        BOOST_CHECK_MESSAGE(flagged_out_of_range(q), "k=" << k << ": not flagged out of range");
      }
    }
    BOOST_CHECK_MESSAGE(at_prefix == 1, "k=" << k << ": " << at_prefix << " records for the numeral");
  }
  // Scales nested the other way and mixed: must not crash or hang.
  for (const std::string& s : {repeat("万亿", 5000), repeat("十百千万", 5000), repeat("一万二", 5000),
                               repeat("九千九百九十九万", 3000) + "亿", "一" + repeat("零", 100000) + "一"}) {
    ResultPtr keep;
    for (const aidtext_quantity& q : quantities(s + "元", keep)) BOOST_CHECK(value_or_flag(q));
  }
}

BOOST_AUTO_TEST_CASE(overflow_sized_numbers_are_flagged_not_wrong) {
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
  const std::string prefix = "资金";
  for (const Case& c : cases) {
    ResultPtr keep;
    size_t at_prefix = 0;
    for (const aidtext_quantity& q : quantities(prefix + c.text + "元。", keep)) {
      BOOST_CHECK(value_or_flag(q));
      if (q.start != prefix.size()) continue;
      ++at_prefix;
      // The whole expression with its unit, whether or not it has a value.
      BOOST_CHECK_EQUAL(q.end, prefix.size() + c.text.size() + std::string("元").size());
      BOOST_CHECK_EQUAL(std::string(q.unit ? q.unit : ""), "CNY");
      // Either the library holds the exact value or it flags the record.
      BOOST_CHECK_MESSAGE(flagged_out_of_range(q) || std::string(q.value_text) == c.exact,
                          c.text << " was read as " << q.value_text);
    }
    BOOST_CHECK_MESSAGE(at_prefix == 1, c.text << ": " << at_prefix << " records");
  }
}

BOOST_AUTO_TEST_CASE(the_limit_is_18_significant_digits_and_exponent_300) {
  struct Case {
    std::string numeral;  // followed by 元
    std::string exact;    // "": must be flagged out of range
  };
  const Case cases[] = {
      {"999999999999999999", "999999999999999999"},  // 18 digits: the largest exact integer
      {"9999999999999999999", ""},                   // 19
      {"12345678901234567.8", "12345678901234567.8"},  // 18 significant digits
      {"1234567890123456789", ""},
      {"999999999999999999万", "9999999999999999990000"},
      {"9999999999999999999万", ""},
      {"一" + repeat("亿", 37), "1" + std::string(296, '0')},  // 10^296
      {"一" + repeat("亿", 38), ""},                           // 10^304
  };
  const std::string prefix = "投入";
  for (const Case& c : cases) {
    ResultPtr keep;
    std::vector<aidtext_quantity> qs = quantities(prefix + c.numeral + "元。", keep);
    BOOST_REQUIRE_MESSAGE(qs.size() == 1, c.numeral.substr(0, 40) << ": " << qs.size() << " records");
    const aidtext_quantity& q = qs[0];
    BOOST_CHECK(value_or_flag(q));
    BOOST_CHECK_EQUAL(q.start, prefix.size());
    BOOST_CHECK_EQUAL(q.end, prefix.size() + c.numeral.size() + std::string("元").size());
    BOOST_CHECK_EQUAL(std::string(q.unit ? q.unit : ""), "CNY");
    if (!c.exact.empty()) {
      BOOST_CHECK_MESSAGE(q.error == nullptr && std::string(q.value_text ? q.value_text : "") == c.exact,
                          c.numeral.substr(0, 40) << " gave " << (q.value_text ? q.value_text : "no value"));
    } else {
      BOOST_CHECK_MESSAGE(flagged_out_of_range(q), c.numeral.substr(0, 40) << " was not flagged");
    }
  }
}

BOOST_AUTO_TEST_CASE(flagged_records_in_json_csv_and_never_metrics) {
  const std::string text = "全县贫困人口99999999999999999999999人，落实帮扶资金约99999999999999999999999元，"
                           "贫困人口减至2.89万人。第99999999999999999999批，百分之99999999999999999999。";
  ResultPtr quants;
  std::vector<aidtext_quantity> qs = quantities(text, quants);
  size_t flagged = 0;
  for (size_t i = 0; i < qs.size(); ++i) {
    const aidtext_quantity& q = qs[i];
    BOOST_CHECK(value_or_flag(q));
    if (!flagged_out_of_range(q)) continue;
    ++flagged;
    const char* data;
    size_t size;
    BOOST_REQUIRE_EQUAL(aidtext_result_item_json(quants.get(), AIDTEXT_ITEM_QUANTITY, i, &data, &size), AIDTEXT_OK);
    std::string json(data, size);
    BOOST_CHECK_MESSAGE(json.find("\"value\":null") != std::string::npos, json);
    BOOST_CHECK_MESSAGE(json.find("\"error\":\"out_of_range\"") != std::string::npos, json);
    BOOST_REQUIRE_EQUAL(aidtext_result_item_csv(quants.get(), AIDTEXT_ITEM_QUANTITY, i, &data, &size), AIDTEXT_OK);
    std::string csv(data, size);
    const std::string last_field = ",out_of_range,0\r\n";  // the error, then guessed (0: clean text)
    BOOST_CHECK_MESSAGE(csv.size() > last_field.size() &&
                            csv.compare(csv.size() - last_field.size(), last_field.size(), last_field) == 0,
                        csv);
  }
  // 人, 元 (with 约), 第…批 (an ordinal), 百分之… (a percent).
  BOOST_CHECK_EQUAL(flagged, 4u);
  bool ordinal = false, percent = false, about = false;
  for (const aidtext_quantity& q : qs) {
    if (!flagged_out_of_range(q)) continue;
    ordinal = ordinal || std::string(q.kind) == "ordinal";
    percent = percent || (q.unit && std::string(q.unit) == "percent");
    about = about || (q.approx && std::string(q.approx) == "about" && q.unit && std::string(q.unit) == "CNY");
  }
  BOOST_CHECK(ordinal);
  BOOST_CHECK(percent);
  BOOST_CHECK(about);
  // The whole document's JSON parses the same way: no value, an error key.
  std::string doc = json_of(quants.get());
  BOOST_CHECK(doc.find("\"error\":\"out_of_range\"") != std::string::npos);

  // Extraction: the flagged figures give no metric; the figure with a value does.
  aidtext_status s;
  ResultPtr extracted = run(engine.get(), Call::kExtract, text, &s);
  BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
  std::vector<aidtext_metric> ms = metrics_of(extracted.get());
  BOOST_REQUIRE_EQUAL(ms.size(), 1u);
  BOOST_CHECK_EQUAL(std::string(ms[0].value_text), "28900");
}

BOOST_AUTO_TEST_CASE(megabytes_of_digits_are_one_flagged_record) {
  const std::string digits(4u << 20, '9');
  const std::string text = "捐款" + digits + "元";
  ResultPtr keep;
  std::vector<aidtext_quantity> qs = quantities(text, keep);
  BOOST_REQUIRE_EQUAL(qs.size(), 1u);
  BOOST_CHECK(flagged_out_of_range(qs[0]));
  BOOST_CHECK(value_or_flag(qs[0]));
  BOOST_CHECK_EQUAL(qs[0].start, std::string("捐款").size());
  BOOST_CHECK_EQUAL(qs[0].end, text.size());
  BOOST_CHECK_EQUAL(std::string(qs[0].unit ? qs[0].unit : ""), "CNY");
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
