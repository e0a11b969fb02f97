#include "normalize/normalizer.h"

#include "convert/converter.h"
#include "encoding/decoder.h"
#include "normalize/cleaner.h"
#include "normalize/repeats.h"
#include "repair/repairer.h"

namespace aidtext {

NormalizedText normalize(std::string_view input, const NormalizeOptions& options) {
  NormalizedText out;
  NormalizeReport& report = out.report;

  Decoded decoded = decode(input, options.encoding);
  report.encoding = std::move(decoded.encoding);
  report.encoding_confidence = decoded.confidence;
  report.had_bom = decoded.had_bom;
  report.invalid_sequences = decoded.invalid_sequences;
  std::string text = std::move(decoded.text);
  OffsetMap map = std::move(decoded.map);

  // Repairs are reported in the repair stage's coordinates; remember its map
  // position so their ranges can be carried to the final text.
  std::vector<Repair> repairs;
  if (options.repair) {
    Repaired r = repair_mojibake(text);
    // Clean text (the common case) comes back unchanged with no report:
    // keep the decoder's text and map rather than composing an identity.
    if (!r.repairs.empty() || !r.map.is_identity()) {
      map = OffsetMap::compose(map, r.map);
      text = std::move(r.text);
      repairs = std::move(r.repairs);
    }
  }
  OffsetMap repair_out_to_input = std::move(map);  // repair-stage output -> original input

  Cleaned c = clean_text(std::move(text), options);
  report.pinyin_artefacts = c.pinyin_artefacts;
  report.html_references = c.html_references;
  report.width_folds = c.width_folds;
  report.spaces_folded = c.spaces_folded;
  report.invisible_removed = c.invisible_removed;
  report.line_ends = c.line_ends;
  OffsetMap after = std::move(c.map);  // final text -> repair-stage output
  text = std::move(c.text);

  if (options.convert != ScriptConversion::kNone) {
    Converted v = to_simplified(std::move(text), options.convert,
                                ConvertOptions{.corrections = options.opencc_corrections});
    report.converted_chars = v.converted_chars;
    after = OffsetMap::compose(after, v.map);
    text = std::move(v.text);
  }

  for (Repair& r : repairs) {
    Range stage_out = r.output;
    r.input = repair_out_to_input.to_input(stage_out);
    r.output = after.to_output(stage_out);
    report.repairs.push_back(r);
  }
  out.map = OffsetMap::compose(repair_out_to_input, after);
  out.map.set_input_size(static_cast<uint32_t>(input.size()));
  out.text = std::move(text);
  if (options.find_repeats) report.repeats = find_repeated_passages(out.text);
  return out;
}

}  // namespace aidtext
