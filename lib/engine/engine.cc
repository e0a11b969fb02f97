#include "engine/engine.h"

#include "core/repair_output.h"
#include "metrics/extractor.h"
#include "metrics/rule_pack.h"
#include "normalize/normalizer.h"
#include "numerals/cut_numbers.h"
#include "numerals/recognizer.h"

namespace aidtext {

Engine::~Engine() = default;

std::unique_ptr<Engine> Engine::create(const EngineOptions& options, std::string* error) {
  std::unique_ptr<Engine> e(new Engine());
  e->options_ = options;
  if (options.has_rules) {
    std::string err;
    e->rules_ = RulePack::parse(options.rules, &err);
    if (!e->rules_) {
      if (error) *error = err.empty() ? "bad rule pack" : err;
      return nullptr;
    }
  }
  return e;
}

NormalizedText Engine::normalize(std::string_view input) const {
  return aidtext::normalize(input, options_.normalize);
}

std::vector<Quantity> Engine::quantities(const NormalizedText& text) const {
  std::vector<Quantity> quantities = recognize_quantities(text.text);
  // Clean text has no guessed characters: nothing more to do.
  const std::vector<Range> guessed = all_guessed(text.report);
  if (!guessed.empty())
    for (Quantity& q : quantities) q.guessed = overlaps_guessed(guessed, q.span);
  // A number cut by a lost character (numerals/cut_numbers.h).
  for (Quantity& q : quantities)
    if (number_cut_by_hole(text.text, q.number)) q.cut = q.guessed = true;
  return quantities;
}

std::vector<MetricRecord> Engine::extract(const NormalizedText& text, const std::vector<Quantity>& quantities,
                                          std::string_view doc_date) const {
  const RulePack& pack = rules_ ? *rules_ : RulePack::default_pack();
  return extract_metrics(text, quantities, pack, doc_date);
}

}  // namespace aidtext
