// Fuzz target: repair_mojibake() on its own. Its contract is decoded UTF-8,
// so the fuzzer's bytes are first made valid (invalid bytes -> U+FFFD), the
// way the decoder hands text to it. Also the promise normalize()'s fast
// path rests on: wherever repair changes anything, the clean-text check
// riding on the conversion pass (repair/damage_watch.h) fires, on the text
// and on its cleaned form where the cleaner's edits let the watch see through.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "convert/converter.h"
#include "normalize/cleaner.h"
#include "repair/damage_watch.h"
#include "repair/repairer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text = aidtext::fuzz::to_valid_utf8(
      std::string_view(reinterpret_cast<const char*>(data), size));
  aidtext::Repaired r = aidtext::repair_mojibake(text);
  AIDTEXT_FUZZ_CHECK(aidtext::utf8::valid(r.text));
  AIDTEXT_FUZZ_CHECK(r.map.output_size() == r.text.size());
  AIDTEXT_FUZZ_CHECK(r.map.input_size() == text.size());
  for (const aidtext::Repair& rep : r.repairs) {
    AIDTEXT_FUZZ_CHECK(aidtext::fuzz::within(rep.input, text.size()));
    AIDTEXT_FUZZ_CHECK(aidtext::fuzz::within(rep.output, r.text.size()));
    AIDTEXT_FUZZ_CHECK(rep.confidence >= 0 && rep.confidence <= 1);
  }
  if (!r.repairs.empty() || r.text != text) {
    aidtext::repair::DamageWatch watch;
    aidtext::Converted c = aidtext::to_simplified(std::string_view(text), aidtext::ScriptConversion::kT2S,
                                                  aidtext::ConvertOptions{.watch = &watch});
    AIDTEXT_FUZZ_CHECK(c.watch_stopped);
    const aidtext::Cleaned cleaned = aidtext::clean_text(std::string_view(text), aidtext::NormalizeOptions{});
    if (aidtext::repair::DamageWatch::sees_through(cleaned.map, text, cleaned.text)) {
      aidtext::repair::DamageWatch after_cleaning;
      aidtext::Converted d = aidtext::to_simplified(std::string_view(cleaned.text), aidtext::ScriptConversion::kT2S,
                                                    aidtext::ConvertOptions{.watch = &after_cleaning});
      AIDTEXT_FUZZ_CHECK(d.watch_stopped);
    }
  }
  // Repair must not make clean text dirty: running it again on its own output
  // must still give valid text with a consistent map.
  aidtext::Repaired again = aidtext::repair_mojibake(r.text);
  AIDTEXT_FUZZ_CHECK(aidtext::utf8::valid(again.text));
  AIDTEXT_FUZZ_CHECK(again.map.output_size() == again.text.size());
  return 0;
}
