// KeyedWords against a walk of its list: for any key, the words listed with
// it in list order, and none for a key not listed. Keys repeat, collide in
// the table (few distinct values, among them 0) and spread over 64 bits.
#define BOOST_TEST_MODULE metrics_keyed_words
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "metrics/keyed_words.h"

BOOST_AUTO_TEST_CASE(finds_each_keys_words_in_list_order) {
  std::mt19937_64 rng(3);
  for (int round = 0; round < 2000; ++round) {
    const size_t n = rng() % 80;
    const bool few_keys = rng() % 2 == 0;
    std::vector<std::string> storage(n);  // owns the words' bytes
    std::vector<std::pair<uint64_t, std::string_view>> list;
    for (size_t i = 0; i < n; ++i) {
      storage[i] = std::to_string(i);
      list.emplace_back(few_keys ? rng() % 7 : rng(), storage[i]);
    }
    const aidtext::KeyedWords words(list);
    std::vector<uint64_t> probes;
    for (const auto& [key, word] : list) probes.push_back(key);
    for (int i = 0; i < 20; ++i) probes.push_back(few_keys ? rng() % 9 : rng());
    for (uint64_t key : probes) {
      std::vector<std::string_view> expected;
      for (const auto& [k, w] : list)
        if (k == key) expected.push_back(w);
      const auto found = words.find(key);
      BOOST_TEST_INFO("round " << round << ", key " << key);
      BOOST_TEST(std::vector<std::string_view>(found.begin(), found.end()) == expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(empty_finds_nothing) {
  const aidtext::KeyedWords none;
  BOOST_TEST(none.find(0).empty());
  BOOST_TEST(aidtext::KeyedWords(std::vector<std::pair<uint64_t, std::string_view>>{}).find(42).empty());
}

BOOST_AUTO_TEST_CASE(a_copy_keeps_its_words_when_the_list_changes) {
  // RulePackData is copied (a pack that starts with "use default"): a
  // table must hold its words' bytes, not point into the list it came from.
  std::vector<std::string> storage = {"扶贫", "全县", "县区"};
  std::vector<std::pair<uint64_t, std::string_view>> list = {{1, storage[0]}, {2, storage[1]}, {1, storage[2]}};
  const aidtext::KeyedWords original(list);
  const aidtext::KeyedWords copy = original;
  for (std::string& w : storage) w = "xx";  // same sizes, other bytes
  const auto one = copy.find(1);
  BOOST_TEST(std::vector<std::string_view>(one.begin(), one.end()) == (std::vector<std::string_view>{"扶贫", "县区"}));
  const auto two = original.find(2);
  BOOST_TEST(std::vector<std::string_view>(two.begin(), two.end()) == std::vector<std::string_view>{"全县"});
}
