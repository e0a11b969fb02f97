// Hostile sentences and paragraphs for the metric stage: one "sentence" of
// megabytes, made of list clauses with 分别 and no clause mark (，；。)
// between them, and paragraphs or lists of tens of thousands of sentences.
// Each figure must still get its record, metric, place and time, and no
// figure may make the stage read the whole sentence or paragraph (that made
// a 4 MB sentence cost its length squared). The checks are on the records;
// the time is guarded by the test's TIMEOUT only (tests/metrics/CMakeLists.txt).
#define BOOST_TEST_MODULE metrics_long_sentence
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/normalized_text.h"
#include "metrics/extractor.h"
#include "numerals/recognizer.h"

using namespace aidtext;

namespace {

NormalizedText identity_text(std::string text) {
  NormalizedText nt;
  nt.map = OffsetMap::identity(static_cast<uint32_t>(text.size()));
  nt.text = std::move(text);
  return nt;
}

// Clauses 岷县、漳县分别减贫<i>人、<i+1>人、 with i counting up (no two figures
// state the same fact), then 。; `clauses` of them.
std::string fenbie_sentence(size_t clauses) {
  std::string s;
  s.reserve(clauses * 60);
  for (size_t c = 0; c < clauses; ++c) {
    s += "岷县、漳县分别减贫" + std::to_string(2 * c + 1) + "人、" + std::to_string(2 * c + 2) + "人、";
  }
  s += "。";
  return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(megabyte_fenbie_sentence_gives_every_record) {
  // About 2.2 MB: 40000 clauses, 80000 figures.
  const size_t clauses = 40000;
  NormalizedText nt = identity_text(fenbie_sentence(clauses));
  BOOST_TEST_MESSAGE("sentence of " << nt.text.size() << " bytes");
  std::vector<Quantity> qs = recognize_quantities(nt.text);
  BOOST_REQUIRE_EQUAL(qs.size(), 2 * clauses);
  std::vector<MetricRecord> rs = extract_metrics(nt, qs, RulePack::default_pack(), "");
  BOOST_REQUIRE_EQUAL(rs.size(), 2 * clauses);
  size_t wrong_place = 0, wrong_metric = 0;
  for (size_t k = 0; k < rs.size(); ++k) {
    // The k-th figure after each 分别 belongs to the k-th name before it.
    const char* expected = k % 2 == 0 ? "岷县" : "漳县";
    if (!rs[k].place || *rs[k].place != expected) ++wrong_place;
    if (rs[k].metric != rs[0].metric) ++wrong_metric;
    BOOST_REQUIRE_EQUAL(rs[k].value.to_string(), std::to_string(k + 1));
  }
  BOOST_TEST(rs[0].metric == "lifted_population");
  BOOST_TEST(wrong_place == 0u);
  BOOST_TEST(wrong_metric == 0u);
}

BOOST_AUTO_TEST_CASE(long_run_of_names_before_fenbie_is_no_list) {
  // 10000 names joined by 、 and then 分别 with two figures: no reader pairs
  // figures with names of such a run one by one (PlaceIndex::kMaxListNames),
  // and reading it for every mention near the figures must not cost the
  // run's length each time. Both figures keep their records and values.
  std::string s;
  for (int i = 0; i < 10000; ++i) s += i % 2 ? "漳县、" : "岷县、";
  s += "临潭县分别减贫1200人、900人。";
  NormalizedText nt = identity_text(s);
  std::vector<Quantity> qs = recognize_quantities(nt.text);
  BOOST_REQUIRE_EQUAL(qs.size(), 2u);
  std::vector<MetricRecord> rs = extract_metrics(nt, qs, RulePack::default_pack(), "");
  BOOST_REQUIRE_EQUAL(rs.size(), 2u);
  BOOST_TEST(rs[0].value.to_string() == "1200");
  BOOST_TEST(rs[1].value.to_string() == "900");

  // A short list still pairs figure k with name k.
  NormalizedText short_list = identity_text("岷县、漳县、临潭县分别减贫1200人、900人、700人。");
  qs = recognize_quantities(short_list.text);
  rs = extract_metrics(short_list, qs, RulePack::default_pack(), "");
  BOOST_REQUIRE_EQUAL(rs.size(), 3u);
  BOOST_TEST(*rs[0].place == "岷县");
  BOOST_TEST(*rs[1].place == "漳县");
  BOOST_TEST(*rs[2].place == "临潭县");
}

namespace {
// `text` gives `count` records, each dated `year`.
void check_all_dated(const std::string& text, size_t count, const std::string& year) {
  NormalizedText nt = identity_text(text);
  std::vector<MetricRecord> rs = extract_metrics(nt, recognize_quantities(nt.text), RulePack::default_pack(), "");
  BOOST_REQUIRE_EQUAL(rs.size(), count);
  size_t undated = 0;
  for (const MetricRecord& r : rs) undated += !(r.time && *r.time == year);
  BOOST_TEST(undated == 0u);
}
}  // namespace

BOOST_AUTO_TEST_CASE(paragraph_of_many_sentences_keeps_its_opening_date) {
  // One paragraph: a dated opening sentence, then 50000 short sentences.
  // Every figure takes the date that opens the paragraph's first sentence,
  // found once for the paragraph (not once per figure and earlier sentence).
  const size_t n = 50000;
  std::string s = "2018年，岷县减贫1人。";
  for (size_t i = 2; i <= n; ++i) s += "岷县减贫" + std::to_string(i) + "人。";
  check_all_dated(s, n, "2018");
}

BOOST_AUTO_TEST_CASE(list_of_many_bullet_paragraphs_keeps_its_introduction_date) {
  // 20000 bullet paragraphs after one dated introduction: each item takes
  // the introduction's date.
  const size_t n = 20000;
  std::string s = "2019年，全县扎实推进以下工作：\n";
  for (size_t i = 1; i <= n; ++i) s += "■岷县减贫" + std::to_string(i) + "人\n";
  check_all_dated(s, n, "2019");
}

BOOST_AUTO_TEST_CASE(many_tables_and_long_ones_are_read_in_one_pass) {
  // 1000 tables of a header and 200 rows, then a table of 20000 rows (only
  // its first kMaxTableRows are rows of its header; the rest are no table):
  // every row of a table gives its record dated as its header is, and no
  // table makes the stage read the others again.
  const size_t tables = 1000, rows = 200;
  std::string s;
  size_t value = 1;
  for (size_t t = 0; t < tables; ++t) {
    s += "2019年，各乡镇减贫情况如下：\n乡镇  减贫人数（人）\n";
    for (size_t r = 0; r < rows; ++r) s += "岷县  " + std::to_string(value++) + "\n";
    s += "以上数据为初步统计。\n";
  }
  s += "2019年，各乡镇减贫情况如下：\n乡镇  减贫人数（人）\n";
  for (size_t r = 0; r < 20000; ++r) s += "岷县  " + std::to_string(value++) + "\n";
  check_all_dated(s, tables * rows + 200, "2019");
}
