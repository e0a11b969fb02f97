// STUB: replaced by the real rule pack.
#include "metrics/rule_pack.h"
namespace aidtext {
struct RulePack::Impl {};
RulePack::RulePack() : impl_(std::make_unique<Impl>()) {}
RulePack::~RulePack() = default;
std::unique_ptr<RulePack> RulePack::parse(std::string_view, std::string*) {
  return std::unique_ptr<RulePack>(new RulePack());
}
const RulePack& RulePack::default_pack() {
  static const RulePack* pack = new RulePack();
  return *pack;
}
}  // namespace aidtext
