// The repair stage inside normalize(): the two damaged dev articles get their
// repairs reported against the ORIGINAL bytes, and the three clean ones get
// none. Skipped when ../shared (the dev corpus) is not checked out.
#define BOOST_TEST_MODULE repair_pipeline
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "normalize/normalizer.h"

namespace {

const std::filesystem::path kDev = std::filesystem::path(AIDTEXT_SHARED_DIR) / "corpus" / "dev";

std::string read(const std::string& name) {
  for (const auto& e : std::filesystem::directory_iterator(kDev))
    if (e.path().filename().string().rfind(name, 0) == 0) {
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  return {};
}

auto dev_corpus_present() {
  return boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
    return boost::unit_test::assertion_result(std::filesystem::exists(kDev));
  });
}

BOOST_AUTO_TEST_CASE(clean_articles_get_no_repair, *dev_corpus_present()) {
  for (const char* name : {"000_", "002_", "004_"}) {
    std::string doc = read(name);
    BOOST_REQUIRE(!doc.empty());
    aidtext::NormalizedText n = aidtext::normalize(doc, {});
    BOOST_TEST(n.report.repairs.empty(), name);
  }
}

BOOST_AUTO_TEST_CASE(damaged_passages_are_repaired_in_original_coordinates, *dev_corpus_present()) {
  // A stretch of each damaged passage as it stands in the original bytes.
  for (auto [name, damaged] : {std::pair{"001_", "??捎煤玫淖橹"}, std::pair{"003_", "橄嫖髦莞黜椆"}}) {
    std::string doc = read(name);
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
