// Engine: the immutable object that holds options and the loaded rule pack
// and runs the pipeline. Created once, used by any number of threads.
#ifndef AIDTEXT_ENGINE_ENGINE_H_
#define AIDTEXT_ENGINE_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/normalized_text.h"
#include "metrics/metric_record.h"
#include "normalize/options.h"
#include "numerals/quantity.h"

namespace aidtext {

class RulePack;

struct EngineOptions {
  NormalizeOptions normalize;
  bool has_rules = false;  // false: the compiled-in default rule pack
  std::string rules;       // rule pack text when has_rules
};

class Engine {
 public:
  // nullptr with *error set when the options are unusable (a bad rule pack).
  static std::unique_ptr<Engine> create(const EngineOptions& options, std::string* error);
  ~Engine();

  NormalizedText normalize(std::string_view input) const;
  // Quantities with spans in normalized text (map with text.to_input()).
  std::vector<Quantity> quantities(const NormalizedText& text) const;
  // doc_date: "YYYY[-MM[-DD]]" or "" (resolves 今年/去年 when the text has no date).
  std::vector<MetricRecord> extract(const NormalizedText& text, const std::vector<Quantity>& quantities,
                                    std::string_view doc_date) const;

  const EngineOptions& options() const { return options_; }

 private:
  Engine() = default;
  EngineOptions options_;
  std::unique_ptr<RulePack> rules_;  // null: default pack
};

}  // namespace aidtext

#endif  // AIDTEXT_ENGINE_ENGINE_H_
