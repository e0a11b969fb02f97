// The bounded JSON reader used for JSON Lines input.
#define BOOST_TEST_MODULE json_reader
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

#include "format/json_reader.h"

// Lets Boost.Test print a value type in a failed assertion.
namespace aidtext::json {
inline std::ostream& operator<<(std::ostream& os, Value::Type t) { return os << static_cast<int>(t); }
}  // namespace aidtext::json

namespace json = aidtext::json;
using Type = json::Value::Type;

namespace {

json::Value ok(std::string_view s) {
  json::Value v;
  std::string error;
  BOOST_REQUIRE_MESSAGE(json::parse(s, &v, &error), "rejected " << s << ": " << error);
  return v;
}

std::string fails(std::string_view s, const json::ReaderLimits& limits = {}) {
  json::Value v;
  std::string error;
  BOOST_TEST(!json::parse(s, &v, &error, limits), "accepted: " << s);
  return error;
}

}  // namespace

BOOST_AUTO_TEST_CASE(values) {
  json::Value v = ok(R"( {"id": "a1", "n": -12.5e2, "t": true, "f": false, "z": null, "arr": [1, [2], {}]} )");
  BOOST_REQUIRE(v.is_object());
  BOOST_TEST(v.members.size() == 6u);
  BOOST_TEST(v.find("id")->text == "a1");
  BOOST_TEST(v.find("n")->is_number());
  BOOST_TEST(v.find("n")->text == "-12.5e2");  // numbers keep their text exactly
  BOOST_TEST((v.find("t")->type == Type::kBool && v.find("t")->boolean));
  BOOST_TEST((v.find("f")->type == Type::kBool && !v.find("f")->boolean));
  BOOST_TEST(v.find("z")->type == Type::kNull);
  BOOST_TEST(v.find("arr")->items.size() == 3u);
  BOOST_TEST(v.find("arr")->items[1].items[0].text == "2");
  BOOST_TEST(v.find("missing") == nullptr);
  BOOST_TEST(ok("[]").items.empty());
  BOOST_TEST(ok("\"x\"").text == "x");
  BOOST_TEST(ok("0").text == "0");
  BOOST_TEST(ok(R"({"k":1,"k":2})").find("k")->text == "2");  // last duplicate wins
}

BOOST_AUTO_TEST_CASE(string_escapes) {
  BOOST_TEST(ok(R"("a\"b\\c\/d\b\f\n\r\t")").text == "a\"b\\c/d\b\f\n\r\t");
  BOOST_TEST(ok(R"("\u4e07\u5143")").text == "万元");
  BOOST_TEST(ok(R"("\u0000")").text == std::string(1, '\0'));
  BOOST_TEST(ok(R"("\uD834\uDD1E")").text == "𝄞");              // surrogate pair
  BOOST_TEST(ok(R"("\ud834\udd1e")").text == "𝄞");
  BOOST_TEST(ok(R"("\uD834x")").text == "\xEF\xBF\xBDx");        // lone high
  BOOST_TEST(ok(R"("\uDD1E")").text == "\xEF\xBF\xBD");          // lone low
  BOOST_TEST(ok(R"("\uD834\u0041")").text == "\xEF\xBF\xBD" "A");  // high + non-low
  BOOST_TEST(ok(R"("\uD834\uD834\uDD1E")").text == "\xEF\xBF\xBD𝄞");
  BOOST_TEST(ok("\"渭源县\"").text == "渭源县");
  BOOST_TEST(ok("\"\xcd\xf2\"").text == "\xcd\xf2");  // raw non-UTF-8 bytes pass through
}

BOOST_AUTO_TEST_CASE(malformed_input_is_refused_with_an_offset) {
  for (const char* bad : {"", " ", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "{\"a\" 1}", "{a:1}", "[1 2]", "01",
                          "1.", "-", "+1", ".5", "1e", "tru", "nul", "NaN", "\"abc", "\"a\\x\"", "\"\\u12\"",
                          "\"\\u12G4\"", "\"tab\there\"", "\"nl\nhere\"", "{} {}", "[] x", "/* c */ 1", "\"\\"})
    fails(bad);
  const std::string e = fails("{\"a\": [1, 2,, 3]}");
  BOOST_TEST(e.find("offset 12") == 0u, e);
}

BOOST_AUTO_TEST_CASE(depth_and_size_are_bounded) {
  // Far deeper than the limit: refused without exhausting the stack.
  const std::string deep(100000, '[');
  BOOST_TEST(fails(deep).find("nesting too deep") != std::string::npos);
  std::string ok64 = std::string(63, '[') + std::string(63, ']');
  ok(ok64);
  std::string too_deep = std::string(65, '[') + std::string(65, ']');
  fails(too_deep);
  json::ReaderLimits small;
  small.max_values = 10;
  std::string many = "[";
  for (int i = 0; i < 20; ++i) many += i ? ",0" : "0";
  many += "]";
  BOOST_TEST(fails(many, small).find("too many values") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(parse_members_keeps_only_the_named_fields) {
  const std::string_view keys[] = {"id", "text"};
  std::vector<std::optional<json::Value>> found;
  std::string error;
  BOOST_REQUIRE(json::parse_members(R"({"meta": {"deep": [1, [2, [3]]]}, "text": "贫困人口", "id": 42})", keys, &found,
                                    &error));
  BOOST_REQUIRE(found.size() == 2u);
  BOOST_TEST((found[0] && found[0]->is_number() && found[0]->text == "42"));
  BOOST_TEST((found[1] && found[1]->text == "贫困人口"));
  BOOST_REQUIRE(json::parse_members(R"({"text": "only"})", keys, &found, &error));
  BOOST_TEST(!found[0].has_value());
  // The skipped parts are still checked.
  BOOST_TEST(!json::parse_members(R"({"meta": [1,], "text": "x"})", keys, &found, &error));
  BOOST_TEST(!json::parse_members(R"([1, 2])", keys, &found, &error));
  BOOST_TEST(!json::parse_members(R"({"text": "x"} trailing)", keys, &found, &error));
  BOOST_TEST(!json::parse_members(std::string(100000, '[').insert(0, "{\"x\":"), keys, &found, &error));
}
