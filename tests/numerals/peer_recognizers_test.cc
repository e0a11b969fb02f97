// Microsoft Recognizers-Text zh-cn spec cases (../shared/peer/recognizers-zh):
// a case passes when the set of (text, value) we report equals the expected
// set (values compared numerically). Inputs are normalized first as the
// engine would (traditional -> simplified, full-width -> half-width); their
// Text is normalized the same way, so ours is too.
//
// NumberModel: every quantity / ordinal record except money and percents
//   (upstream those belong to the Currency / Percent models) gives (numeral
//   text, value); "number" results are compared to them.
// PercentModel: percent and percentage_point records give (text from the
//   numeral to the end of the unit, value in percent).
// CurrencyModel / DimensionModel: records with a money / measure unit, same
//   text; reported, not asserted (we resolve a subset of their units).
// Nothing is skipped: cases marked NotSupported by some upstream platform
// are run too, and counted.
#define BOOST_TEST_MODULE peer_recognizers
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "json_lite.h"
#include "numerals/recognizer.h"
#include "numerals/unit_lexicon.h"
#include "peer_support.h"
#include "text_normalize_for_tests.h"

using namespace aidtext;

namespace {

using Pair = std::pair<std::string, double>;

std::optional<double> value_of(std::string v) {
  if (!v.empty() && v.back() == '%') v.pop_back();
  auto d = Decimal::parse(v);
  if (!d) return std::nullopt;
  return d->to_double();
}

bool same(std::vector<Pair> a, std::vector<Pair> b) {
  if (a.size() != b.size()) return false;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].first != b[i].first) return false;
    double x = a[i].second, y = b[i].second;
    if (std::fabs(x - y) > 1e-9 * std::max(1.0, std::max(std::fabs(x), std::fabs(y)))) return false;
  }
  return true;
}

enum class Model { kNumber, kPercent, kCurrency, kDimension };

std::vector<Pair> ours(const std::string& text, Model model) {
  std::vector<Pair> out;
  for (const Quantity& q : recognize_quantities(text)) {
    if (q.kind == QuantityKind::kDate) continue;
    bool percent = q.unit == "percent" || q.unit == "percentage_point";
    // Money and measures as the lexicon classes their ids; 分 (`point`,
    // scores) is no dimension upstream.
    const auto kind = numerals::unit_kind(q.unit);
    bool money = kind == numerals::UnitKind::kMoney;
    bool measure = kind == numerals::UnitKind::kMeasure && q.unit != "point";
    std::string_view sv = text;
    if (model == Model::kNumber) {
      // Numbers of percents and money belong to the Percent / Currency models upstream.
      if (percent || money) continue;
      out.emplace_back(testnorm::fold_width(sv.substr(q.number.begin, q.number.size()), true), q.value.to_double());
      continue;
    }
    if ((model == Model::kPercent && percent) || (model == Model::kCurrency && money) ||
        (model == Model::kDimension && measure)) {
      out.emplace_back(testnorm::fold_width(sv.substr(q.number.begin, q.span.end - q.number.begin), true),
                       q.value.to_double());
    }
  }
  return out;
}

struct Tally {
  int cases = 0, passed = 0;
};

Tally run(const std::string& file, Model model, const char* type, bool verbose) {
  auto cases = json_lite::load_file(peer::shared_path("peer/recognizers-zh/" + file));
  // Inputs and expected Texts go through opencc in one batch.
  std::vector<std::string> inputs;
  for (const auto& c : cases.items) inputs.push_back(c.str("Input"));
  size_t n_inputs = inputs.size();
  for (const auto& c : cases.items)
    for (const auto& r : c.get("Results")->items) inputs.push_back(r.str("Text"));
  auto simplified = testnorm::opencc_t2s_lines(inputs);
  BOOST_REQUIRE_MESSAGE(simplified, "opencc (Debian package opencc) is needed to normalize the inputs");
  size_t next_text = n_inputs;
  Tally t;
  for (size_t i = 0; i < cases.items.size(); ++i) {
    const auto& c = cases.items[i];
    std::string text = testnorm::fold_width((*simplified)[i]);
    std::vector<Pair> want;
    bool comparable = true;
    for (const auto& r : c.get("Results")->items) {
      std::string expected_text = (*simplified)[next_text++];
      if (r.str("TypeName") != type && !(model == Model::kNumber && r.str("TypeName") == "number")) continue;
      const auto* res = r.get("Resolution");
      auto v = res ? value_of(res->str("value")) : std::nullopt;
      if (!v) {
        comparable = false;  // a unit alone (人民币) has no value to compare: the case counts as failed
        continue;
      }
      // Their Text is normalized (half-width, lower case); simplified here like our input.
      want.emplace_back(testnorm::fold_width(expected_text, true), *v);
    }
    ++t.cases;
    auto got = ours(text, model);
    bool pass = comparable && same(want, got);
    if (pass) ++t.passed;
    if (!pass && verbose) {
      std::cout << "  MISS " << file << ": " << c.str("Input") << "\n    want:";
      for (auto& p : want) std::cout << " (" << p.first << "," << p.second << ")";
      std::cout << "\n    got: ";
      for (auto& p : got) std::cout << " (" << p.first << "," << p.second << ")";
      std::cout << "\n";
    }
  }
  std::cout << file << ": " << t.passed << "/" << t.cases << " cases right ("
            << (t.cases ? 100.0 * t.passed / t.cases : 0) << "%)\n";
  return t;
}

bool verbose() { return std::getenv("AIDTEXT_VERBOSE") != nullptr; }

}  // namespace

BOOST_AUTO_TEST_CASE(number_model, *peer::needs_shared("peer/recognizers-zh/NumberModel.json")) {
  Tally t = run("NumberModel.json", Model::kNumber, "number", verbose());
  BOOST_CHECK_GE(t.passed * 100, t.cases * 90);
}

BOOST_AUTO_TEST_CASE(percent_model, *peer::needs_shared("peer/recognizers-zh/PercentModel.json")) {
  Tally t = run("PercentModel.json", Model::kPercent, "percentage", verbose());
  BOOST_CHECK_GE(t.passed * 100, t.cases * 90);
}

BOOST_AUTO_TEST_CASE(currency_and_dimension_reported, *peer::needs_shared("peer/recognizers-zh/CurrencyModel.json")) {
  Tally c = run("CurrencyModel.json", Model::kCurrency, "currency", verbose());
  Tally d = run("DimensionModel.json", Model::kDimension, "dimension", verbose());
  BOOST_CHECK_GT(c.cases, 0);
  BOOST_CHECK_GT(d.cases, 0);
}
