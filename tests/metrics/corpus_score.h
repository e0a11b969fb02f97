// Runs the whole pipeline (Engine: normalize -> quantities -> extract) over a
// folder of articles, writes the records as JSON Lines with a "doc" field,
// and scores them with shared/tools/score_metrics.py (run by /usr/bin/python3).
#ifndef AIDTEXT_TESTS_METRICS_CORPUS_SCORE_H_
#define AIDTEXT_TESTS_METRICS_CORPUS_SCORE_H_

#include <string>

namespace aidtext::testing {

struct CorpusScore {
  bool ok = false;       // the scorer ran and printed its figures
  std::string report;    // what it printed (errors listed, then the figures)
  double f1 = 0, precision = 0, recall = 0;
  double approx = -1, change = -1, time = -1, place = -1;  // -1: nothing to score
};

// `articles`: folder of <doc>.txt; `gold`: folder of <doc>.jsonl; `pred`: the
// JSONL file to write. `scorer`: path of score_metrics.py.
CorpusScore score_corpus(const std::string& articles, const std::string& gold, const std::string& pred,
                         const std::string& scorer);

}  // namespace aidtext::testing

#endif  // AIDTEXT_TESTS_METRICS_CORPUS_SCORE_H_
