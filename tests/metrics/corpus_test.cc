// The whole pipeline over real articles, scored like the project is judged:
// the dev corpus (shared/corpus/dev, skipped when ../shared is absent) and
// this folder's own articles (tests/metrics/articles, always present).
#define BOOST_TEST_MODULE metrics_corpus
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <iostream>

#include "corpus_score.h"

namespace fs = std::filesystem;
using aidtext::testing::CorpusScore;
using aidtext::testing::score_corpus;

namespace {

const std::string kShared = AIDTEXT_SHARED_DIR;
const std::string kScorer = kShared + "/tools/score_metrics.py";

void print(const std::string& name, const CorpusScore& s) {
  std::cout << "== " << name << "\n" << s.report;
  std::cout << name << ": F1 " << s.f1 << "  precision " << s.precision << "  recall " << s.recall
            << "  approx " << s.approx << "  change " << s.change << "  time " << s.time << "  place " << s.place
            << std::endl;
}

// An accuracy of -1 means nothing was scored, which passes.
void check_floor(const char* what, double value, double floor) {
  BOOST_TEST_CONTEXT(what) { BOOST_TEST((value < 0 || value >= floor)); }
}

}  // namespace

BOOST_AUTO_TEST_CASE(dev_corpus_meets_floors) {
  if (!fs::exists(kShared + "/corpus/dev/gold") || !fs::exists(kScorer)) {
    BOOST_TEST_MESSAGE("skipped: " << kShared << " is absent");
    return;
  }
  std::string pred = (fs::temp_directory_path() / "aidtext_metrics_dev.jsonl").string();
  CorpusScore s = score_corpus(kShared + "/corpus/dev", kShared + "/corpus/dev/gold", pred, kScorer);
  print("dev", s);
  BOOST_REQUIRE(s.ok);
  BOOST_TEST(s.f1 >= 0.95);
  check_floor("approx", s.approx, 0.9);
  check_floor("change", s.change, 0.9);
  check_floor("time", s.time, 0.9);
  check_floor("place", s.place, 0.9);
}

BOOST_AUTO_TEST_CASE(own_articles_meet_floors) {
  if (!fs::exists(kScorer)) {
    BOOST_TEST_MESSAGE("skipped: the scorer " << kScorer << " is absent");
    return;
  }
  std::string dir = std::string(AIDTEXT_SOURCE_DIR) + "/tests/metrics/articles";
  std::string pred = (fs::temp_directory_path() / "aidtext_metrics_articles.jsonl").string();
  CorpusScore s = score_corpus(dir, dir, pred, kScorer);
  print("articles", s);
  BOOST_REQUIRE(s.ok);
  BOOST_TEST(s.f1 >= 0.85);
  check_floor("approx", s.approx, 0.85);
  check_floor("change", s.change, 0.85);
  check_floor("time", s.time, 0.85);
  check_floor("place", s.place, 0.85);
}
