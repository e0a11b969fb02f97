// RulePack: metric definitions and cues as data (lib/metrics/RULES.md).
//
// The default pack (lib/metrics/default_rules.txt) is compiled in; users load
// their own at run time with parse(), either standalone or starting with
// "use default" to extend and override the default pack without recompiling.
// Cue patterns are literals (matched by table lookup) or RE2 patterns
// ("re:..."), so no pack can make matching slower than linear in the text.
#ifndef AIDTEXT_METRICS_RULE_PACK_H_
#define AIDTEXT_METRICS_RULE_PACK_H_

#include <memory>
#include <string>
#include <string_view>

namespace aidtext {

struct RulePackData;

class RulePack {
 public:
  // nullptr with *error = "line N: what is wrong" on a bad pack.
  static std::unique_ptr<RulePack> parse(std::string_view text, std::string* error);
  // The compiled-in default pack (lib/metrics/default_rules.txt), parsed once.
  static const RulePack& default_pack();
  ~RulePack();

  const RulePackData& data() const { return *impl_; }

 private:
  RulePack();
  friend class MetricExtractor;
  friend class RulePackParser;
  std::unique_ptr<RulePackData> impl_;
};

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_RULE_PACK_H_
