// Hostile sizes through the C ABI: a single 100 MB line, 10 MB of digits,
// and input over the 1 GiB limit (refused, never read or truncated).
// Memory stays sane: each test holds one input and one result at a time.
#define BOOST_TEST_MODULE hostile_size
#include <boost/test/unit_test.hpp>

#include <sys/mman.h>

#include <string>

#include "capi_helpers.h"

using namespace aidtext::hostile;

namespace {

// A 100 MB line: a figure, then the same clause without numerals over and
// over with no line break, then a last figure, which must still be found at
// the far end with its exact source offsets.
const std::string kFirst = "全县贫困人口减至2.89万人，";
const std::string kLast = "落实帮扶资金6686万元";

std::string hundred_megabyte_line() {
  const std::string filler = "脱贫攻坚座谈会暨项目对接会在北京举行，";
  std::string line;
  line.reserve((100u << 20) + 64);
  line += kFirst;
  while (line.size() + filler.size() < (100u << 20)) line += filler;
  line += kLast;
  return line;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_single_100_megabyte_line) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  const std::string line = hundred_megabyte_line();
  aidtext_status s;
  {
    ResultPtr r = run(engine.get(), Call::kQuantities, line, &s);
    BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
    std::string_view text = text_of(r.get());
    BOOST_CHECK(text.size() > (90u << 20));
    BOOST_CHECK(text.substr(text.size() - kLast.size()) == kLast);
    std::vector<aidtext_quantity> qs = quantities_of(r.get());
    BOOST_REQUIRE_EQUAL(qs.size(), 2u);
    BOOST_CHECK_EQUAL(std::string(qs[0].value_text ? qs[0].value_text : ""), "28900");
    BOOST_CHECK_EQUAL(std::string(qs[1].value_text ? qs[1].value_text : ""), "66860000");
    // Provenance at the far end: the last figure's bytes end the input.
    BOOST_CHECK_EQUAL(qs[1].end, line.size());
    BOOST_CHECK_EQUAL(qs[1].start, line.size() - std::string("6686万元").size());
  }
  ResultPtr e = run(engine.get(), Call::kExtract, line, &s);
  BOOST_CHECK_EQUAL(s, AIDTEXT_OK);
  BOOST_CHECK_LE(aidtext_result_count(e.get(), AIDTEXT_ITEM_METRIC), 2u);
}

// 4 MB of one run-on sentence (no clause mark) thick with what makes the
// metric stage look around a figure: 全县 (the whole county's name, looked
// up among earlier names), 到…投资 (a destination, looked for after it),
// 由…的…到…的 pairs (dates paired side by side). Each figure may look only
// so far: with a look that reaches the sentence's start this never ends
// (the test's TIMEOUT); the facts repeat, so they come out a few times at most.
BOOST_AUTO_TEST_CASE(a_run_on_sentence_full_of_figures_and_names) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  const std::string piece = "全县减贫1000人引导企业5家到岷县投资贫困发生率由2014年的3%下降到2019年的1%";
  std::string text = "扶贫";
  while (text.size() + piece.size() < (4u << 20)) text += piece;
  aidtext_status s;
  ResultPtr r = run(engine.get(), Call::kExtract, text, &s);
  BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
  const size_t n = aidtext_result_count(r.get(), AIDTEXT_ITEM_METRIC);
  BOOST_CHECK_GE(n, 1u);
  BOOST_CHECK_LE(n, 64u);
}

// A run-on sentence of figures with no name before them (a page's items
// joined by commas), named only at its end: each figure takes the first
// name after it in the sentence, unless a 其中 stands before that name (a
// total is no part's). The look for a 其中 once went to the sentence's end
// from every figure: 0.8 MB took 16 s, growing with the square of the
// length (the test's TIMEOUT is the guard).
BOOST_AUTO_TEST_CASE(a_run_on_sentence_of_figures_named_at_its_end) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  const std::string piece = "贫困人口减少12万人，";
  std::string text;
  while (text.size() + piece.size() < (8u << 20)) text += piece;
  for (const bool parts : {false, true}) {
    const std::string doc = text + (parts ? "其中渭源县3万人。" : "渭源县。");
    aidtext_status s;
    ResultPtr r = run(engine.get(), Call::kExtract, doc, &s);
    BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
    size_t totals = 0;
    for (const aidtext_metric& m : metrics_of(r.get())) {
      if (m.value != 120000) continue;
      ++totals;
      const std::string place = m.place ? m.place : "";
      BOOST_CHECK_EQUAL(place, parts ? "" : "渭源县");
    }
    BOOST_CHECK_GE(totals, 1u);
  }
}

// A list of figures after one cue (岷县、漳县分别减贫1人、2人、…): whether
// the cue governs a figure needs two Han characters between them, which
// were counted all the way to each figure: 0.4 MB took 11 s, growing with
// the square of the length.
BOOST_AUTO_TEST_CASE(a_list_of_figures_after_one_cue) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  std::string text = "岷县、漳县分别减贫";
  for (int k = 0; text.size() < (4u << 20); ++k) text += std::to_string(k % 9 + 1) + "人、";
  text += "共计减贫。";
  aidtext_status s;
  ResultPtr r = run(engine.get(), Call::kExtract, text, &s);
  BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
  const std::vector<aidtext_metric> ms = metrics_of(r.get());
  BOOST_CHECK_GE(ms.size(), 1u);
  for (const aidtext_metric& m : ms) BOOST_CHECK(m.value >= 1 && m.value <= 9);
}

// A run of zero-width characters (a pasted page's U+200B, megabytes of
// them): the cleaner deletes them and the damage watch sees through the
// deletion, looking for a '?' beside the run once per run (once per
// character, 300 KB took 20 s). Beside a '?' the repair stage's own scan
// reads the text instead, as linear.
BOOST_AUTO_TEST_CASE(a_long_run_of_zero_width_characters) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  std::string zero_width;
  while (zero_width.size() < (3u << 20)) zero_width += "\u200B";
  for (const char* after : {"。", "?"}) {
    const std::string text = "全县贫困人口减少1.2万人" + zero_width + after;
    aidtext_status s;
    ResultPtr r = run(engine.get(), Call::kExtract, text, &s);
    BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
    const std::vector<aidtext_metric> ms = metrics_of(r.get());
    BOOST_REQUIRE_EQUAL(ms.size(), 1u);
    BOOST_CHECK_EQUAL(ms[0].value, 12000);
    BOOST_CHECK(text_of(r.get()).find("\u200B") == std::string_view::npos);
  }
}

BOOST_AUTO_TEST_CASE(ten_megabytes_of_digits) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  std::string digits(10u << 20, '7');
  digits += "元";
  aidtext_status s;
  ResultPtr r = run(engine.get(), Call::kQuantities, digits, &s);
  BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
  // No 64-bit value holds 10 MB of digits: the run is flagged out of range
  // (a record with no value), or given its exact value, never a rounded or
  // cut one.
  for (const aidtext_quantity& q : quantities_of(r.get())) {
    BOOST_REQUIRE(q.start <= q.end && q.end <= digits.size());
    size_t sevens = 0;
    for (size_t i = q.start; i < q.end; ++i) sevens += digits[i] == '7';
    std::string value = q.value_text ? q.value_text : "";
    bool flagged = q.error != nullptr && std::string(q.error) == "out_of_range" && q.value_text == nullptr;
    if (sevens > 18)
      BOOST_CHECK_MESSAGE(flagged || value == std::string(sevens, '7'),
                          sevens << " digits were given the value " << value.substr(0, 40));
  }
  r.reset();
  ResultPtr e = run(engine.get(), Call::kExtract, digits, &s);
  BOOST_CHECK_EQUAL(s, AIDTEXT_OK);
}

BOOST_AUTO_TEST_CASE(input_over_the_limit_is_refused_unread) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  // Address space only: MAP_NORESERVE pages cost nothing unless touched, and
  // a refusal must come before the library touches them.
  const size_t size = AIDTEXT_MAX_INPUT_BYTES + 1;
  void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  BOOST_REQUIRE(p != MAP_FAILED);
  for (Call call : {Call::kNormalize, Call::kQuantities, Call::kExtract}) {
    aidtext_status s;
    ResultPtr r = run(engine.get(), call, std::string_view(static_cast<const char*>(p), size), &s);
    BOOST_CHECK_EQUAL(s, AIDTEXT_ERR_INPUT_TOO_LARGE);
    BOOST_CHECK(!r);
    BOOST_CHECK(std::string(aidtext_last_error()).size() > 0);
  }
  munmap(p, size);
}
