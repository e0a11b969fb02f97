// The recognizer on the five dev articles (../shared/corpus/dev): every record
// listed in dev_corpus_expected.tsv (written by reading the articles), in
// order, and nothing else - so no record from 一户一策, 两不愁三保障, 十八大,
// “1236”, “1+17”, 三省四县, 一鼓作气 ... which those articles contain.
#define BOOST_TEST_MODULE dev_corpus
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "numerals/recognizer.h"
#include "peer_support.h"

using namespace aidtext;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Traditional -> simplified with Debian's opencc command (t2s.json), as the
// normalizer's converter would do; empty when opencc is not installed.
std::string opencc_t2s(const std::string& path) {
  std::string cmd = "opencc -c t2s.json -i '" + path + "' 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "";
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::string record_line(const std::string& id, const std::string& text, const Quantity& q) {
  std::string date = q.relative_date ? "rel" + std::to_string(q.date_offset) : q.date;
  if (q.date_end_of_period) date += "/end";
  std::string line = id + "\t" + to_string(q.kind) + "\t" + text.substr(q.span.begin, q.span.size()) + "\t" +
                     (q.kind == QuantityKind::kDate ? "" : q.value.to_string()) + "\t" +
                     (q.value_high ? q.value_high->to_string() : "") + "\t" + q.unit + "\t" + q.classifier + "\t" +
                     (to_string(q.approx) ? to_string(q.approx) : "") + "\t" + date;
  return line;
}

}  // namespace

BOOST_AUTO_TEST_CASE(dev_articles, *peer::needs_shared("corpus/dev")) {
  std::map<std::string, std::vector<std::string>> expected;
  std::ifstream tsv(std::string(AIDTEXT_SOURCE_DIR) + "/tests/numerals/dev_corpus_expected.tsv");
  BOOST_REQUIRE(tsv);
  std::string line;
  while (std::getline(tsv, line)) {
    if (line.empty() || line[0] == '#') continue;
    expected[line.substr(0, 3)].push_back(line);
  }
  BOOST_REQUIRE_EQUAL(expected.size(), 5u);
  int total = 0, matched = 0, extra = 0, articles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(peer::shared_path("corpus/dev"))) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".txt") continue;
    std::string id = name.substr(0, 3);
    std::string text = read_file(entry.path().string());
    if (id == "003") {
      text = opencc_t2s(entry.path().string());
      if (text.empty()) {
        BOOST_WARN_MESSAGE(false, "opencc not installed: article 003 (traditional) not checked");
        continue;
      }
    }
    ++articles;
    std::vector<std::string> got;
    for (const Quantity& q : recognize_quantities(text)) got.push_back(record_line(id, text, q));
    const auto& want = expected[id];
    total += static_cast<int>(want.size());
    // Records must match in order; report the first difference of each article.
    size_t i = 0;
    for (; i < want.size() && i < got.size() && want[i] == got[i]; ++i) ++matched;
    BOOST_CHECK_MESSAGE(i == want.size() && i == got.size(),
                        name << ": first difference at record " << i << "\n  expected: "
                             << (i < want.size() ? want[i] : "(end)") << "\n  got:      "
                             << (i < got.size() ? got[i] : "(end)"));
    if (got.size() > want.size()) extra += static_cast<int>(got.size() - want.size());
  }
  std::cout << "dev corpus: " << matched << "/" << total << " expected records matched in order over " << articles
            << " articles, " << extra << " extra\n";
  BOOST_CHECK_EQUAL(matched, total);
}
