// Hostile rule packs (format: lib/metrics/RULES.md). Patterns are RE2, so a
// "catastrophic" pattern such as (a+)+$ must run in linear time on text made
// to make a backtracking engine explode; patterns RE2 refuses (back
// references, giant repetitions) and broken packs must be refused with
// AIDTEXT_ERR_RULES and the line, never crash; and a rule that cannot match
// must not hide the records of the rules after it.
#define BOOST_TEST_MODULE hostile_rules
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "capi_helpers.h"
#include "metrics/rule_pack.h"

using namespace aidtext::hostile;

namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Engine creation with `rules`: the status, and last_error when it failed.
aidtext_status try_rules(const std::string& rules, std::string* error) {
  aidtext_status s = AIDTEXT_OK;
  EnginePtr e = make_engine({}, rules, &s);
  *error = s == AIDTEXT_OK ? "" : aidtext_last_error();
  return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(catastrophic_patterns_run_in_linear_time) {
  const std::string pack =
      "use default\n"
      "group EVIL re:(a+)+$ re:(x+x+)+y re:(.*a){12} re:(a|aa)+b re:^(([a-z])+.)+[A-Z]([a-z])+$\n"
      "rule aid_funds CNY FUNDS EVIL\n";
  aidtext_status s;
  EnginePtr engine = make_engine({}, pack, &s);
  BOOST_REQUIRE_MESSAGE(engine, "pack refused: " << aidtext_last_error());
  // Texts that take a backtracking engine exponential time on these patterns,
  // in the same clause as a real figure.
  for (const std::string& evil : {repeat("a", 100000) + "!", repeat("x", 50000),
                                  repeat("ab", 50000), repeat("aaaaaaaaaaaaaaaaaaaaaaaa!", 4000)}) {
    std::string text = "落实帮扶资金6686万元" + evil + "。";
    ResultPtr r = run(engine.get(), Call::kExtract, text, &s, "2019");
    BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
    // Whichever aid_funds rule holds, the figure is one record, not lost.
    std::vector<aidtext_metric> ms = metrics_of(r.get());
    BOOST_REQUIRE_EQUAL(ms.size(), 1u);
    BOOST_CHECK_EQUAL(std::string(ms[0].metric), "aid_funds");
    BOOST_CHECK_EQUAL(std::string(ms[0].value_text), "66860000");
  }
}

BOOST_AUTO_TEST_CASE(patterns_re2_refuses_are_rule_errors_with_the_line) {
  const std::string bad_patterns[] = {
      "re:(a)\\1",          // a back reference
      "re:a{1000}{1000}",   // a repetition too large
      "re:(",               // unbalanced
      "re:[z-a]",           // a bad range
      "re:(?<name",         // a bad group
      "re:" + repeat("(a|b|c|d)", 3000),  // over the pattern memory budget
      "re:a*",              // matches the empty string: every text
  };
  for (const std::string& p : bad_patterns) {
    std::string error;
    aidtext_status s = try_rules("use default\n# a comment\ngroup BAD " + p + "\nrule aid_funds CNY BAD\n", &error);
    BOOST_CHECK_EQUAL(s, AIDTEXT_ERR_RULES);
    BOOST_CHECK_MESSAGE(error.find("line 3") != std::string::npos, p.substr(0, 30) << ": error names no line: " << error);
  }
}

BOOST_AUTO_TEST_CASE(broken_packs_are_refused_not_crashed_on) {
  const std::string packs[] = {
      "",
      "\n\n\n",
      "use default\nuse default\n",
      "frobnicate everything\n",
      "metric\n",
      "metric x\n",
      "metric x person\n",
      "rule nonexistent person NOGROUP\n",
      "group\n",
      "group EMPTY\n",
      "use default\nrule aid_funds CNY !\n",
      "use default\nrule aid_funds CNY |||\n",
      "use default\nrule aid_funds notaunit FUNDS\n",
      "use default\nrule aid_funds count/ FUNDS\n",
      std::string("use default\ngroup G a\0b\n", 24),
      "use default\ngroup G \xff\xfe\xc0\xaf\n",
      "use default\ngroup G " + std::string(300, 'a') + "\n",          // a cue over 256 bytes
      "use default\ngroup G " + repeat("re:a ", 100) + "\n",           // over 64 patterns
      "use default\ngroup G " + repeat("x", 2 << 20) + "\n",           // one 2 MB line
      repeat("# comment\n", 500000) + "x\n",                           // 5 MB: over the 4 MiB limit
  };
  for (const std::string& pack : packs) {
    std::string error;
    aidtext_status s = try_rules(pack, &error);
    BOOST_CHECK(s == AIDTEXT_OK || s == AIDTEXT_ERR_RULES);
    if (s == AIDTEXT_ERR_RULES) BOOST_CHECK(!error.empty());
  }
}

BOOST_AUTO_TEST_CASE(every_line_prefix_of_the_default_pack) {
  // The default pack cut after each of its lines (internal API): each prefix
  // parses or is refused with "line N: ...", none crashes.
  std::filesystem::path path = std::filesystem::path(AIDTEXT_SOURCE_DIR) / "lib" / "metrics" / "default_rules.txt";
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
  std::string pack((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t prefixes = 0;
  for (size_t pos = 0; pos != std::string::npos && pos < pack.size(); ++prefixes) {
    pos = pack.find('\n', pos + 1);
    std::string_view prefix(pack.data(), pos == std::string::npos ? pack.size() : pos);
    // Cut inside the line too: half a UTF-8 character, half a word.
    for (std::string_view cut : {prefix, prefix.substr(0, prefix.size() * 2 / 3)}) {
      std::string error;
      std::unique_ptr<aidtext::RulePack> p = aidtext::RulePack::parse(cut, &error);
      if (!p) BOOST_CHECK_MESSAGE(!error.empty(), "refused with no message");
    }
  }
  BOOST_CHECK_GT(prefixes, 10u);
}
