// The check shared by the two dev-corpus tests of the recognizer: every
// record listed in dev_corpus_expected.tsv, in order, and nothing else, for
// each of the five dev articles (../shared/corpus/dev). The tests differ only
// in the text they hand the recognizer (raw or normalized) and in how record
// lines are folded before comparing.
#ifndef AIDTEXT_TESTS_NUMERALS_DEV_CORPUS_CHECK_H_
#define AIDTEXT_TESTS_NUMERALS_DEV_CORPUS_CHECK_H_

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "numerals/recognizer.h"
#include "peer_support.h"

namespace devcorpus {

inline std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// One record as a line of dev_corpus_expected.tsv.
inline std::string record_line(const std::string& id, const std::string& text, const aidtext::Quantity& q) {
  using aidtext::to_string;
  std::string date = q.relative_date ? "rel" + std::to_string(q.date_offset) : q.date;
  if (q.date_end_of_period) date += "/end";
  return id + "\t" + to_string(q.kind) + "\t" + text.substr(q.span.begin, q.span.size()) + "\t" +
         (q.kind == aidtext::QuantityKind::kDate ? "" : q.value.to_string()) + "\t" +
         (q.value_high ? q.value_high->to_string() : "") + "\t" + q.unit + "\t" + q.classifier + "\t" +
         (to_string(q.approx) ? to_string(q.approx) : "") + "\t" + date;
}

// `text_of(path, id)`: the text to recognize for an article, or nullopt to
// skip it (with a warning). `fold`: applied to expected and actual lines.
inline void check_articles(const std::string& label,
                           const std::function<std::optional<std::string>(const std::string&, const std::string&)>& text_of,
                           const std::function<std::string(std::string)>& fold) {
  std::map<std::string, std::vector<std::string>> expected;
  std::ifstream tsv(std::string(AIDTEXT_SOURCE_DIR) + "/tests/numerals/dev_corpus_expected.tsv");
  BOOST_REQUIRE(tsv);
  std::string line;
  while (std::getline(tsv, line)) {
    if (line.empty() || line[0] == '#') continue;
    expected[line.substr(0, 3)].push_back(fold(line));
  }
  BOOST_REQUIRE_EQUAL(expected.size(), 5u);
  int total = 0, matched = 0, extra = 0, articles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(peer::shared_path("corpus/dev"))) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".txt") continue;
    std::string id = name.substr(0, 3);
    std::optional<std::string> text = text_of(entry.path().string(), id);
    if (!text) continue;
    ++articles;
    std::vector<std::string> got;
    for (const aidtext::Quantity& q : aidtext::recognize_quantities(*text)) got.push_back(fold(record_line(id, *text, q)));
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
  std::cout << label << ": " << matched << "/" << total << " expected records matched in order over " << articles
            << " articles, " << extra << " extra\n";
  BOOST_CHECK_EQUAL(matched, total);
}

}  // namespace devcorpus

#endif  // AIDTEXT_TESTS_NUMERALS_DEV_CORPUS_CHECK_H_
