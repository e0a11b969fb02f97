// Fuzz target: RulePack::parse() on arbitrary text. A pack is either refused
// with a "line N: ..." message or accepted; an accepted pack is then run over
// a short aid sentence so its compiled patterns and cues are exercised.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_checks.h"
#include "metrics/extractor.h"
#include "metrics/rule_pack.h"
#include "normalize/normalizer.h"
#include "numerals/recognizer.h"

namespace {

// A sentence with several metric cues, normalized once.
const aidtext::NormalizedText& sample() {
  static const aidtext::NormalizedText* t = new aidtext::NormalizedText(aidtext::normalize(
      "2018年底，全县贫困人口减至2.89万人，贫困发生率降至9.05%，落实帮扶资金6686万元，"
      "实施扶贫项目46项，带动贫困人口16709人脱贫。",
      aidtext::NormalizeOptions{}));
  return *t;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string error;
  std::unique_ptr<aidtext::RulePack> pack = aidtext::RulePack::parse(text, &error);
  if (!pack) {
    AIDTEXT_FUZZ_CHECK(!error.empty());
    return 0;
  }
  const aidtext::NormalizedText& t = sample();
  static const std::vector<aidtext::Quantity>* qs =
      new std::vector<aidtext::Quantity>(aidtext::recognize_quantities(t.text));
  std::vector<aidtext::MetricRecord> ms = aidtext::extract_metrics(t, *qs, *pack, "2019");
  aidtext::fuzz::check_metrics(t, t.map.input_size(), ms);
  return 0;
}
