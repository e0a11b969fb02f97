// RulePack: metric definitions and cues as data (README, "Rule packs").
#ifndef AIDTEXT_METRICS_RULE_PACK_H_
#define AIDTEXT_METRICS_RULE_PACK_H_

#include <memory>
#include <string>
#include <string_view>

namespace aidtext {

class RulePack {
 public:
  // nullptr with *error = "line N: what is wrong" on a bad pack.
  static std::unique_ptr<RulePack> parse(std::string_view text, std::string* error);
  // The compiled-in default pack (lib/metrics/default_rules.*), parsed once.
  static const RulePack& default_pack();
  ~RulePack();

 private:
  RulePack();
  friend class MetricExtractor;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_RULE_PACK_H_
