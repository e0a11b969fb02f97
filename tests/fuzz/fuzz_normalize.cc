// Fuzz target: the normalizer pipeline (decode -> repair -> clean -> convert)
// on arbitrary bytes, with the options chosen by the input's first byte.
#include <cstddef>
#include <cstdint>

#include "core/limits.h"
#include "fuzz_checks.h"
#include "fuzz_input.h"
#include "normalize/normalizer.h"

namespace {

// Encodings the C ABI accepts for "encoding", plus "" (detect).
constexpr const char* kEncodings[] = {"", "UTF-8", "GB18030", "GBK", "Big5", "UTF-16LE", "UTF-16BE"};
constexpr aidtext::ScriptConversion kConversions[] = {
    aidtext::ScriptConversion::kT2S, aidtext::ScriptConversion::kHK2S,
    aidtext::ScriptConversion::kTW2S, aidtext::ScriptConversion::kNone};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  aidtext::fuzz::FuzzInput in(data, size);
  aidtext::NormalizeOptions opt;
  uint8_t switches = in.byte();
  // Most inputs run with detection and every step on: that is what users run.
  if (switches & 0x80) {
    opt.encoding = kEncodings[in.pick(std::size(kEncodings))];
    opt.repair = switches & 1;
    opt.strip_pinyin = switches & 2;
    opt.fold_width = switches & 4;
    opt.decode_html = switches & 8;
    opt.find_repeats = switches & 16;
    opt.strip_markup = switches & 32;
    opt.convert = kConversions[in.pick(std::size(kConversions))];
  }
  std::string_view text = in.rest();
  if (text.size() > aidtext::kMaxDocumentBytes) return 0;
  aidtext::NormalizedText t = aidtext::normalize(text, opt);
  aidtext::fuzz::check_normalized(t, text.size());
  return 0;
}
