// The recognizer on the five dev articles (../shared/corpus/dev) AFTER the
// real normalizer (decode, repair, clean, convert: STAGES all): the same
// records as dev_corpus_expected.tsv lists for the raw articles (003 read
// through opencc), in order, and nothing else. Spaces in record texts are
// compared after folding U+00A0 (the normalizer folds odd spaces) and
// dropping those Chinese typography lacks (the normalizer removes them).
#define BOOST_TEST_MODULE dev_corpus_normalized
#include <boost/test/unit_test.hpp>

#include "dev_corpus_check.h"
#include "normalize/cjk_spacing.h"
#include "normalize/normalizer.h"

BOOST_AUTO_TEST_CASE(dev_articles, *peer::needs_shared("corpus/dev")) {
  devcorpus::check_articles(
      "dev corpus (normalized)",
      [](const std::string& path, const std::string&) -> std::optional<std::string> {
        return aidtext::normalize(devcorpus::read_file(path), aidtext::NormalizeOptions{}).text;
      },
      [](std::string s) {
        for (size_t f; (f = s.find("\xC2\xA0")) != std::string::npos;) s.replace(f, 2, " ");
        // and drops the spaces Chinese typography lacks (2017年05月22日 14时50分).
        const std::vector<uint32_t> spaces = aidtext::find_cjk_spacing(s);
        for (auto at = spaces.rbegin(); at != spaces.rend(); ++at) s.erase(*at, 1);
        return s;
      });
}
