// The recognizer on the five dev articles (../shared/corpus/dev) AFTER the
// real normalizer (decode, repair, clean, convert: STAGES all): the same
// records as dev_corpus_expected.tsv lists for the raw articles (003 read
// through opencc), in order, and nothing else. Spaces in record texts are
// compared after folding U+00A0 (the normalizer folds odd spaces).
#define BOOST_TEST_MODULE dev_corpus_normalized
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "normalize/normalizer.h"
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

std::string fold_nbsp(std::string s) {
  for (size_t f; (f = s.find("\xC2\xA0")) != std::string::npos;) s.replace(f, 2, " ");
  return s;
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
    expected[line.substr(0, 3)].push_back(fold_nbsp(line));
  }
  BOOST_REQUIRE_EQUAL(expected.size(), 5u);
  int total = 0, matched = 0, extra = 0, articles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(peer::shared_path("corpus/dev"))) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".txt") continue;
    std::string id = name.substr(0, 3);
    std::string text = normalize(read_file(entry.path().string()), NormalizeOptions{}).text;
    ++articles;
    std::vector<std::string> got;
    for (const Quantity& q : recognize_quantities(text)) got.push_back(fold_nbsp(record_line(id, text, q)));
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
  std::cout << "dev corpus (normalized): " << matched << "/" << total << " expected records matched in order over " << articles
            << " articles, " << extra << " extra\n";
  BOOST_CHECK_EQUAL(matched, total);
}
