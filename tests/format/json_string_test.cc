// JSON strings and numbers, CSV fields: escaping and invalid UTF-8.
#define BOOST_TEST_MODULE format_text
#include <boost/test/unit_test.hpp>

#include <limits>
#include <random>
#include <string>

#include "format/csv.h"
#include "format/json_reader.h"
#include "format/json_scan.h"
#include "format/json_string.h"

namespace json = aidtext::json;
namespace csv = aidtext::csv;

namespace {

std::string js(std::string_view s) {
  std::string out;
  json::append_string(out, s);
  return out;
}

std::string field(std::string_view s) {
  std::string out;
  csv::append_field(out, s);
  return out;
}

const std::string kFFFD = "\xEF\xBF\xBD";

}  // namespace

BOOST_AUTO_TEST_CASE(json_string_escapes) {
  BOOST_TEST(js("") == "\"\"");
  BOOST_TEST(js("plain") == "\"plain\"");
  BOOST_TEST(js("a\"b\\c") == "\"a\\\"b\\\\c\"");
  BOOST_TEST(js("l1\nl2\r\tx") == "\"l1\\nl2\\r\\tx\"");
  BOOST_TEST(js(std::string("a\0b", 3)) == "\"a\\u0000b\"");
  BOOST_TEST(js("\x01\x1f\x7f") == "\"\\u0001\\u001f\\u007f\"");
  BOOST_TEST(js("\b\f") == "\"\\b\\f\"");
  BOOST_TEST(js("/") == "\"/\"");
  BOOST_TEST(js("渭源县 €𝄞") == "\"渭源县 €𝄞\"");  // valid UTF-8 passes unchanged
}

BOOST_AUTO_TEST_CASE(json_string_replaces_each_bad_byte) {
  BOOST_TEST(js("a\xff" "b") == "\"a" + kFFFD + "b\"");
  BOOST_TEST(js("\xc0\x80") == "\"" + kFFFD + kFFFD + "\"");               // overlong NUL
  BOOST_TEST(js("\xed\xa0\x80") == "\"" + kFFFD + kFFFD + kFFFD + "\"");  // surrogate
  BOOST_TEST(js("\xf4\x90\x80\x80") == "\"" + kFFFD + kFFFD + kFFFD + kFFFD + "\"");  // > U+10FFFF
  BOOST_TEST(js("\xe4\xb8") == "\"" + kFFFD + kFFFD + "\"");              // truncated at the end
  BOOST_TEST(js("\xe4\xb8" "x万") == "\"" + kFFFD + kFFFD + "x万\"");       // good text after bad survives
  BOOST_TEST(js("\xcd\xf2") == "\"" + kFFFD + kFFFD + "\"");              // GBK bytes, not UTF-8
}

BOOST_AUTO_TEST_CASE(json_string_round_trips_through_the_reader) {
  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int iter = 0; iter < 2000; ++iter) {
    std::string s;
    const int n = iter % 40;
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>(byte(rng)));
    const std::string lit = js(s);
    json::Value v;
    std::string error;
    BOOST_REQUIRE_MESSAGE(json::parse(lit, &v, &error), error);
    BOOST_REQUIRE(v.is_string());
    // Re-escaping the decoded text gives the same literal: the writer's
    // output is valid UTF-8 and reads back to exactly what was written.
    BOOST_REQUIRE_EQUAL(js(v.text), lit);
  }
}

// The scans skip sixteen bytes at a time: a special byte at every offset of
// long runs (Chinese and ASCII) must stop them exactly where a byte-by-byte
// loop stops.
BOOST_AUTO_TEST_CASE(json_scans_stop_where_a_byte_loop_stops) {
  namespace scan = aidtext::json::scan;
  auto reader_reference = [](std::string_view s, size_t i) {
    while (i < s.size() && s[i] != '"' && s[i] != '\\' && static_cast<unsigned char>(s[i]) >= 0x20) ++i;
    return i;
  };
  auto writer_reference = [](std::string_view s, size_t i) {
    while (i < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F) break;
      if (c < 0x80) { ++i; continue; }
      const int len = aidtext::utf8::sequence_at(s, i);
      if (len == 0) break;
      i += static_cast<size_t>(len);
    }
    return i;
  };
  const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f", "\xff", "\xe4\xb8",
                                  "\xed\xa0\x80", "\xe0\x80\x80", "\xc0\x80", " ", "\xc2\xa0", "\xf0\x9d\x84\x9e"};
  for (const std::string base : {"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN", "渭源县贫困人口减少到一万二千人，全县脱贫攻坚取得决定性胜利"}) {
    for (const std::string& special : specials) {
      for (size_t at = 0; at <= base.size(); ++at) {
        const std::string s = base.substr(0, at) + special + base.substr(at);
        for (size_t from : {size_t{0}, size_t{1}, size_t{3}}) {
          BOOST_TEST_CONTEXT("at " << at << " from " << from) {
            BOOST_TEST(scan::reader_run_end(s, from) == reader_reference(s, from));
            BOOST_TEST(scan::writer_run_end(s, from) == writer_reference(s, from));
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(json_numbers) {
  for (const char* good : {"0", "-0", "8100", "9.05", "560000000", "-3", "1e3", "1.5E-7", "0.81"})
    BOOST_TEST(json::is_number(good), good);
  for (const char* bad : {"", "-", "01", "1.", ".5", "1e", "+1", "NaN", "81e", "1,000", "0x10", " 1"})
    BOOST_TEST(!json::is_number(bad), bad);
  std::string out;
  json::append_decimal_text(out, "8100");
  json::append_decimal_text(out, "1,000");  // not a JSON number: kept as a string
  BOOST_TEST(out == "8100\"1,000\"");
  out.clear();
  json::append_double(out, 0.5);
  out.push_back(' ');
  json::append_double(out, std::numeric_limits<double>::quiet_NaN());
  out.push_back(' ');
  json::append_double(out, -std::numeric_limits<double>::infinity());
  BOOST_TEST(out == "0.5 null null");
}

BOOST_AUTO_TEST_CASE(csv_fields_by_rfc4180) {
  BOOST_TEST(field("plain") == "plain");
  BOOST_TEST(field("") == "");
  BOOST_TEST(field("a,b") == "\"a,b\"");
  BOOST_TEST(field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  BOOST_TEST(field("two\nlines") == "\"two\nlines\"");
  BOOST_TEST(field("cr\r") == "\"cr\r\"");
  BOOST_TEST(field("贫困人口，减至") == "贫困人口，减至");  // a full-width comma is not a separator
  BOOST_TEST(field("a\xff" "b") == "a" + kFFFD + "b");
  BOOST_TEST(field(std::string("a\0b", 3)) == "a" + kFFFD + "b");
  std::string row;
  csv::RowWriter(row).text("x,y").uint(42).empty().number(9.05).text_or_empty(nullptr).finish();
  BOOST_TEST(row == "\"x,y\",42,,9.05,\r\n");
}
