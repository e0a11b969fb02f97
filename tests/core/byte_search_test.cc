// find_bytes(): the memmem-based search that replaces string_view::find for
// UTF-8 needles. It must agree with string_view::find everywhere.
#define BOOST_TEST_MODULE byte_search
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>

#include "core/byte_search.h"

using aidtext::find_bytes;

BOOST_AUTO_TEST_CASE(edges) {
  const std::string_view text = "在北京举行，在北京召开";
  BOOST_TEST(find_bytes(text, "举行") == text.find("举行"));
  BOOST_TEST(find_bytes(text, "在北京", 1) == text.find("在北京", 1));
  BOOST_TEST(find_bytes(text, "召开") == text.size() - 6);        // at the very end
  BOOST_TEST(find_bytes(text, "闭幕") == std::string_view::npos);  // absent
  BOOST_TEST(find_bytes(text, "", 4) == 4u);                       // empty needle: `from`
  BOOST_TEST(find_bytes(text, "行", text.size()) == std::string_view::npos);
  BOOST_TEST(find_bytes(text, "行", text.size() + 5) == std::string_view::npos);  // past the end
  BOOST_TEST(find_bytes("", "x") == std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(agrees_with_find_on_random_text) {
  // Few distinct bytes, so that needles occur, overlap and repeat.
  std::mt19937 rng(7);
  const char alphabet[] = {'\xE5', '\x9C', '\xA8', 'a', '\0'};
  for (int round = 0; round < 2000; ++round) {
    std::string text(rng() % 64, ' '), needle(1 + rng() % 4, ' ');
    for (char& c : text) c = alphabet[rng() % sizeof alphabet];
    for (char& c : needle) c = alphabet[rng() % sizeof alphabet];
    const size_t from = rng() % (text.size() + 2);
    BOOST_TEST(find_bytes(text, needle, from) == std::string_view(text).find(needle, from));
  }
}

BOOST_AUTO_TEST_CASE(needles_across_the_growing_windows) {
  // The search looks through windows of 256, 512, 1024 ... bytes; a needle
  // lying across any window edge must still be found, once, where it is.
  const std::string needle = "扶贫";
  for (size_t at = 0; at < 4200; at += 7) {
    std::string text(4300, 'a');
    text.replace(at, needle.size(), needle);
    BOOST_TEST_REQUIRE(find_bytes(text, needle) == at);
    BOOST_TEST_REQUIRE(find_bytes(text, needle, at + 1) == std::string_view::npos);
    BOOST_TEST_REQUIRE(find_bytes(text, needle, at > 300 ? at - 300 : 0) == at);
  }
}
