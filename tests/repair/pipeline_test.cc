// The repair stage inside normalize(): the two damaged dev articles get their
// repairs reported against the ORIGINAL bytes, and the three clean ones get
// none. Skipped when ../shared (the dev corpus) is not checked out.
#define BOOST_TEST_MODULE repair_pipeline
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>

#include "dev_articles.h"
#include "normalize/normalizer.h"

namespace {

using aidtext::testing::kDevArticles;
using aidtext::testing::read_dev_article;

auto dev_corpus_present() {
  return boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
    return boost::unit_test::assertion_result(std::filesystem::exists(kDevArticles));
  });
}

BOOST_AUTO_TEST_CASE(clean_articles_get_no_repair, *dev_corpus_present()) {
  for (const char* name : {"000_", "002_", "004_"}) {
    std::string doc = read_dev_article(name);
    BOOST_REQUIRE(!doc.empty());
    aidtext::NormalizedText n = aidtext::normalize(doc, {});
    BOOST_TEST(n.report.repairs.empty(), name);
  }
}

BOOST_AUTO_TEST_CASE(damaged_passages_are_repaired_in_original_coordinates, *dev_corpus_present()) {
  // A stretch of each damaged passage as it stands in the original bytes.
  for (auto [name, damaged] : {std::pair{"001_", "??捎煤玫淖橹"}, std::pair{"003_", "橄嫖髦莞黜椆"}}) {
    std::string doc = read_dev_article(name);
    const size_t at = doc.find(damaged);
    BOOST_REQUIRE(at != std::string::npos);
    aidtext::NormalizedText n = aidtext::normalize(doc, {});
    bool covered = false;
    for (const auto& r : n.report.repairs) {
      BOOST_TEST(r.input.end <= doc.size());
      BOOST_TEST(r.output.end <= n.text.size());
      if (r.repaired && r.input.begin <= at && at + std::string(damaged).size() <= r.input.end) covered = true;
    }
    BOOST_TEST(covered, name);
    // The garbled stretch is gone from the normalized text.
    BOOST_TEST(n.text.find(damaged) == std::string::npos);
  }
}

}  // namespace
