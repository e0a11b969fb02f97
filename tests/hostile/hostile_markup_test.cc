// Hostile markup through the C ABI: inputs made of tag openers that never
// close. The cleaner's markup pass must stay linear (a bounded look-ahead
// from each '<', searches that remember where they got: normalize/markup.h);
// the test asserts what comes out, and its TIMEOUT catches a quadratic path
// (1 MB of "<script>" searched to the end from each opener would be 10^11
// byte reads).
#define BOOST_TEST_MODULE hostile_markup
#include <boost/test/unit_test.hpp>

#include <string>

#include "capi_helpers.h"

using namespace aidtext::hostile;

namespace {

constexpr size_t kMegabyte = 1u << 20;

std::string repeat(std::string_view piece, size_t bytes) {
  std::string s;
  s.reserve(bytes + piece.size());
  while (s.size() < bytes) s += piece;
  return s;
}

// The normalized text of `input` with the default options.
std::string normalized(const aidtext_engine* engine, std::string_view input) {
  aidtext_status s;
  ResultPtr r = run(engine, Call::kNormalize, input, &s);
  BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
  return std::string(text_of(r.get()));
}

}  // namespace

// Openers that start no markup stay text, byte for byte.
BOOST_AUTO_TEST_CASE(openers_that_never_close_stay_text) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  for (std::string_view piece : {"<", "<p", "<p ", "<p a", "<p a=\"", "<a href=x", "</p ", "<!doctype html",
                                 "</script", "<scrip", "<?xml "}) {
    const std::string input = repeat(piece, kMegabyte);
    BOOST_TEST(normalized(engine.get(), input) == input, "1 MB of \"" << piece << "\"");
  }
  // One quote opened at the start: every tag after it is looked at only
  // within its bound.
  const std::string quoted = "<p title=\"" + repeat("<b ", kMegabyte);
  BOOST_TEST(normalized(engine.get(), quoted) == quoted);
}

BOOST_AUTO_TEST_CASE(unclosed_elements_and_comments_lose_only_their_openers) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  // No "-->" anywhere: each "<!--" goes, and what follows it stays.
  BOOST_TEST(normalized(engine.get(), repeat("<!--x", kMegabyte)) == repeat("x", kMegabyte / 5 + 1));
  // No </script> anywhere: each opening tag goes, its body stays.
  BOOST_TEST(normalized(engine.get(), repeat("<script>x", kMegabyte)) == repeat("x", kMegabyte / 9 + 1));
  BOOST_TEST(normalized(engine.get(), repeat("<style>x</styl", kMegabyte)) ==
             repeat("x</styl", kMegabyte / 14 * 7 + 7));
  // 1 MB of block tags makes no blank lines; of inline ones, nothing.
  BOOST_TEST(normalized(engine.get(), repeat("<p>", kMegabyte)).empty());
  std::string lines = "甲";  // 1 MB of "<br/>甲" (8 bytes)
  for (size_t k = 1; k < kMegabyte / 8; ++k) lines += "\n甲";
  BOOST_TEST(normalized(engine.get(), repeat("<br/>甲", kMegabyte)) == lines);
  BOOST_TEST(normalized(engine.get(), repeat("<b></b>", kMegabyte)).empty());
}

BOOST_AUTO_TEST_CASE(one_script_with_a_megabyte_body) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  // Closed at the far end: the whole body goes.
  const std::string body = repeat("if (a < b && c > d) { x = 1; } ", kMegabyte);
  BOOST_TEST(normalized(engine.get(), "甲<script>" + body + "</script>乙") == "甲乙");
  // Never closed: only the tag goes.
  BOOST_TEST(normalized(engine.get(), "甲<script>" + body) == "甲" + body);
}
