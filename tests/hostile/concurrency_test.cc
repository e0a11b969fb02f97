// One engine used from 8 threads at once must give exactly the results it
// gives on one thread (the engine is immutable; see include/aidtext/aidtext.h).
// Also: 8 threads reading one result at once (its JSON is built lazily).
// Built alone under ThreadSanitizer by scripts/sanitize.sh (-DAIDTEXT_TSAN=ON).
#define BOOST_TEST_MODULE concurrency
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "capi_helpers.h"

using namespace aidtext::hostile;

namespace {

// Thread count from the task: one engine shared by 8 threads.
constexpr int kThreads = 8;

// Documents: the dev corpus when ../shared is there, plus texts written here
// that take the other paths (traditional, GBK, mojibake, HTML, repeats).
std::vector<std::string> documents() {
  std::vector<std::string> docs = {
      "2018年底，渭源县贫困人口减至2.89万人，贫困发生率降至9.05%。落实帮扶资金6686万元。",
      "2018年底，渭源縣貧困人口減至2.89萬人，貧困發生率降至9.05%。協(xié)作資金6686萬元。",
      "\xc6\xb6\xc0\xa7\xc8\xcb\xbf\xda\xbc\xf5\xd6\xc1" "2.89\xcd\xf2\xc8\xcb",  // GBK
      "\xc3\xa8\xc2\xb4\xc2\xab\xc3\xa5\xc2\x9b\xc2\xb0\xc3\xa4\xc2\xba\xc2\xba\xc3\xa5\xc2\x8f\xc2\xa3\xc3\xa5\xc2\x87\xc2\x8f\xc3\xa8\xc2\x87\xc2\xb3" "2.89\xc3\xa4\xc2\xb8\xc2\x87\xc3\xa4\xc2\xba\xc2\xba",  // UTF-8 read as Latin-1
      "实施扶贫项目46项&nbsp;，举办培训班８４期，培训贫困人口6538人次。\n\n"
      "实施扶贫项目46项&nbsp;，举办培训班８４期，培训贫困人口6538人次。",
      "",
  };
  std::filesystem::path dev = std::filesystem::path(AIDTEXT_SHARED_DIR) / "corpus" / "dev";
  std::error_code ec;
  if (!std::filesystem::is_directory(dev, ec)) {
    BOOST_TEST_MESSAGE("no " << dev << ": dev corpus part skipped, built-in texts only");
    return docs;
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dev))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    docs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return docs;
}

std::string extract_json(const aidtext_engine* engine, const std::string& doc) {
  aidtext_status s;
  ResultPtr r = run(engine, Call::kExtract, doc, &s, "2019-06-01");
  if (s != AIDTEXT_OK) return std::string("status ") + aidtext_status_message(s);
  return json_of(r.get());
}

}  // namespace

BOOST_AUTO_TEST_CASE(one_engine_eight_threads_same_results) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  const std::vector<std::string> docs = documents();
  std::vector<std::string> expected;
  for (const std::string& d : docs) expected.push_back(extract_json(engine.get(), d));
  for (const std::string& e : expected) BOOST_REQUIRE(!e.empty() && e.rfind("status ", 0) != 0);

  // Each thread runs every document several times, starting at a different
  // one, so different documents are in flight at once.
  constexpr int kRounds = 3;
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round)
        for (size_t i = 0; i < docs.size(); ++i) {
          size_t d = (i + t) % docs.size();
          if (extract_json(engine.get(), docs[d]) != expected[d]) ++mismatches;
        }
    });
  }
  for (auto& th : threads) th.join();
  BOOST_CHECK_EQUAL(mismatches.load(), 0);
}

BOOST_AUTO_TEST_CASE(eight_threads_reading_one_result) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  const std::vector<std::string> docs = documents();
  const std::string& doc = docs.back().empty() ? docs.front() : docs.back();
  aidtext_status s;
  ResultPtr r = run(engine.get(), Call::kExtract, doc, &s, "2019");
  BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
  // The lazily built strings must be built once and be the same for all.
  std::vector<std::string> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::string all = json_of(r.get());
      for (aidtext_item item : {AIDTEXT_ITEM_QUANTITY, AIDTEXT_ITEM_METRIC, AIDTEXT_ITEM_REPAIR}) {
        size_t n = aidtext_result_count(r.get(), item);
        for (size_t i = 0; i < n; ++i) {
          const char* data = nullptr;
          size_t size = 0;
          if (aidtext_result_item_json(r.get(), item, i, &data, &size) == AIDTEXT_OK)
            all.append(data, size);
        }
      }
      for (size_t i = 0; i < aidtext_result_count(r.get(), AIDTEXT_ITEM_QUANTITY); ++i) {
        aidtext_quantity q = AIDTEXT_QUANTITY_INIT;
        if (aidtext_result_quantity(r.get(), i, &q) == AIDTEXT_OK && q.value_text) all += q.value_text;
      }
      seen[t] = std::move(all);
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 1; t < kThreads; ++t) BOOST_CHECK(seen[t] == seen[0]);
  BOOST_CHECK(!seen[0].empty());
}
