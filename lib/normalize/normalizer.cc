// The pipeline: decode -> repair -> clean -> convert -> punctuation and
// spacing (cjk_punctuation.h, cjk_spacing.h),
// then the maps composed and repeated passages found.
//
// Clean text, the common case, skips the repair stage's own scan when it
// can: the stage's question (could this text hold mojibake?) rides on the
// conversion pass instead (repair/damage_watch.h), which decodes every
// character anyway. That needs the conversion pass to read exactly what the
// repair stage would have: the decoder's text (the input's tail when the
// decoder kept it verbatim, else a copy, so it can be read again if the
// watch fires), untouched by the cleaner, or changed only where the watch
// can see through the change (DamageWatch::sees_through). Otherwise, and wherever the watch fires, the
// repair stage runs as usual; the result is the same either way. Where the
// cleaner is about to make an edit the watch cannot see through, the repair
// stage runs at once, so that a text it repairs is not cleaned twice
// (clean_text's go_on).
#include "normalize/normalizer.h"

#include <optional>

#include "convert/converter.h"
#include "convert/mapped_writer.h"
#include "core/repair_output.h"
#include "encoding/decoder.h"
#include "normalize/cjk_punctuation.h"
#include "normalize/cjk_spacing.h"
#include "normalize/cleaner.h"
#include "normalize/repeats.h"
#include "repair/damage_watch.h"
#include "repair/repairer.h"

namespace aidtext {
namespace {

void report_decoding(const Decoded& d, NormalizeReport& report) {
  report.encoding = d.encoding;
  report.encoding_confidence = d.confidence;
  report.had_bom = d.had_bom;
  report.invalid_sequences = d.invalid_sequences;
}

void report_cleaning(const Cleaned& c, NormalizeReport& report) {
  report.pinyin_artefacts = c.pinyin_artefacts;
  report.html_references = c.html_references;
  report.markup_removed = c.markup_removed;
  report.width_folds = c.width_folds;
  report.spaces_folded = c.spaces_folded;
  report.invisible_removed = c.invisible_removed;
  report.line_ends = c.line_ends;
  report.wraps_joined = c.wraps_joined;
}

// What the repair stage left: its output text, that text's map to the
// original input, and the repairs (ranges in the stage's coordinates).
struct RepairStage {
  std::string text;
  OffsetMap to_input;
  std::vector<Repair> repairs;
};

RepairStage repair_stage(Decoded&& decoded, std::optional<Repaired>&& repaired) {
  RepairStage stage;
  if (repaired) {
    stage.to_input = OffsetMap::compose(decoded.map, repaired->map);
    stage.text = std::move(repaired->text);
    stage.repairs = std::move(repaired->repairs);
  } else {
    stage.to_input = std::move(decoded.map);
    stage.text = std::move(decoded.text);
  }
  return stage;
}

// Conversion and what follows it, given the cleaner's output. With `watch`,
// returns nullopt where the watch stops the conversion pass, and the
// cleaner's map in *cleaner_map_if_stopped (the watch's positions are in the
// cleaner's output).
std::optional<NormalizedText> convert_and_finish(std::string_view input, NormalizeReport&& report,
                                                 OffsetMap&& repair_out_to_input,
                                                 std::vector<Repair>&& repairs, Cleaned&& c,
                                                 const NormalizeOptions& options, CharWatch* watch,
                                                 OffsetMap* cleaner_map_if_stopped = nullptr) {
  NormalizedText out;
  out.report = std::move(report);
  report_cleaning(c, out.report);
  OffsetMap after = std::move(c.map);  // final text -> repair-stage output
  std::string text = std::move(c.text);
  if (options.convert != ScriptConversion::kNone) {
    Converted v = to_simplified(std::move(text), options.convert,
                                ConvertOptions{.corrections = options.opencc_corrections, .watch = watch});
    if (v.watch_stopped) {
      if (cleaner_map_if_stopped) *cleaner_map_if_stopped = std::move(after);
      return std::nullopt;
    }
    out.report.converted_chars = v.converted_chars;
    after = OffsetMap::compose(after, v.map);
    text = std::move(v.text);
  }
  // Last, on the text as it will read: spaces the cleaner folded and
  // figures it folded to ASCII are seen as such. Both passes are written
  // at once, the spaces found with the marks to be folded counted as the
  // Chinese punctuation they become (人, 比上年): one more map to compose,
  // not two (normalize/cjk_punctuation.h, cjk_spacing.h).
  if (options.cjk_punctuation || options.cjk_spacing) {
    const std::vector<PunctuationFold> folds =
        options.cjk_punctuation ? find_cjk_punctuation(text) : std::vector<PunctuationFold>();
    std::vector<uint32_t> marks;
    marks.reserve(folds.size());
    for (const PunctuationFold& f : folds) marks.push_back(f.at);
    const std::vector<uint32_t> spaces = options.cjk_spacing ? find_cjk_spacing(text, marks) : std::vector<uint32_t>();
    if (!folds.empty() || !spaces.empty()) {
      MappedWriter w(std::move(text));
      // In text order (a fold and a space never share a byte).
      for (size_t f = 0, sp = 0; f < folds.size() || sp < spaces.size();) {
        if (sp == spaces.size() || (f < folds.size() && folds[f].at < spaces[sp])) {
          w.replace_char(folds[f].at, 1, folds[f].folded);
          ++f;
        } else {
          w.replace(spaces[sp++], 1, {}, false);
        }
      }
      text = w.finish();
      after = OffsetMap::compose(after, w.take_map());
      out.report.punctuation_folded = static_cast<uint32_t>(folds.size());
      out.report.spaces_removed = static_cast<uint32_t>(spaces.size());
    }
  }
  for (Repair& r : repairs) {
    Range stage_out = r.output;
    r.input = repair_out_to_input.to_input(stage_out);
    // Its guessed ranges move with it (the cleaner and the conversion
    // change offsets).
    move_repair_output(r, after);
    out.report.repairs.push_back(std::move(r));
  }
  out.map = OffsetMap::compose(repair_out_to_input, after);
  out.map.set_input_size(static_cast<uint32_t>(input.size()));
  out.text = std::move(text);
  if (options.find_repeats) out.report.repeats = find_repeated_passages(out.text);
  return out;
}

NormalizedText normalize_with_stage(std::string_view input, NormalizeReport&& report, RepairStage&& stage,
                                    const NormalizeOptions& options) {
  Cleaned c = clean_text(std::move(stage.text), options);
  return *convert_and_finish(input, std::move(report), std::move(stage.to_input), std::move(stage.repairs),
                             std::move(c), options, nullptr);
}

// The fast path (see the top of the file): nullopt when the watch stopped
// the conversion, the text may need repair after all, and `decoded` holds
// the decoder's text and map again; *first_signal is then where the watch
// fired, in the decoder's text. `stage_input` is the decoder's text as it
// was (the input's tail when verbatim, else a copy) and `restore` puts it
// and its map back into `decoded`.
template <typename Restore>
std::optional<NormalizedText> normalize_watched(std::string_view input, std::string_view stage_input,
                                                Decoded& decoded, const NormalizeReport& report,
                                                const NormalizeOptions& options, size_t* first_signal,
                                                Restore restore) {
  OffsetMap decoded_map = std::move(decoded.map);
  // At the cleaner's first opaque edit the watch is out of the game: the
  // repair stage asks there, and a text it repairs is cleaned only after
  // its repair (dev article 003: 88k instructions of cleaning saved).
  bool asked_repair = false;
  std::optional<Repaired> repaired;
  std::optional<Cleaned> cleaned = clean_text(std::move(decoded.text), options, [&] {
    asked_repair = true;
    repaired = repair_mojibake_if_damaged(stage_input);
    return !repaired;
  });
  if (!cleaned) {  // repaired: the stage's text is the repair's (decoded.text is not read)
    decoded.map = std::move(decoded_map);
    return normalize_with_stage(input, NormalizeReport(report), repair_stage(std::move(decoded), std::move(repaired)),
                                options);
  }
  Cleaned& c = *cleaned;
  if (asked_repair) {
    return convert_and_finish(input, NormalizeReport(report), std::move(decoded_map), {}, std::move(c), options,
                              nullptr);
  }
  if (!repair::DamageWatch::sees_through(c.map, stage_input, c.text)) {
    // A space fold the watch cannot see through (beside a '?', or a
    // no-break space near a Latin-1 letter): the stage asks on its own.
    repaired = repair_mojibake_if_damaged(stage_input);
    if (!repaired) {
      return convert_and_finish(input, NormalizeReport(report), std::move(decoded_map), {}, std::move(c), options,
                                nullptr);
    }
    decoded.map = std::move(decoded_map);
    return normalize_with_stage(input, NormalizeReport(report), repair_stage(std::move(decoded), std::move(repaired)),
                                options);
  }
  repair::DamageWatch watch;
  OffsetMap cleaner_map;
  std::optional<NormalizedText> out = convert_and_finish(input, NormalizeReport(report), std::move(decoded_map), {},
                                                         std::move(c), options, &watch, &cleaner_map);
  if (!out) {
    // The cleaner only folded spaces and dropped CRs (sees_through): the
    // character the watch fired on is the same one in the decoder's text.
    const auto fired = static_cast<uint32_t>(watch.fired_at());
    *first_signal = cleaner_map.to_input({fired, fired + 1}).begin;
    restore(decoded);
  }
  return out;
}

}  // namespace

NormalizedText normalize(std::string_view input, const NormalizeOptions& options) {
  Decoded decoded = decode(input, options.encoding);
  NormalizeReport report;
  report_decoding(decoded, report);
  // Where the watch fired, when it did: the repair stage's scan skips the
  // lines before it (repair_mojibake_if_damaged).
  size_t first_signal = 0;
  if (options.repair && decoded.verbatim && options.convert != ScriptConversion::kNone) {
    // The decoder's text is the input's tail, mapped byte for byte.
    const std::string_view tail = input.substr(input.size() - decoded.text.size());
    auto restore = [&](Decoded& d) {
      const auto size = static_cast<uint32_t>(tail.size());
      d.text.assign(tail);
      d.map = OffsetMap();
      d.map.append(0, size, static_cast<uint32_t>(input.size()) - size, size);
      d.map.set_input_size(static_cast<uint32_t>(input.size()));
    };
    if (std::optional<NormalizedText> out =
            normalize_watched(input, tail, decoded, report, options, &first_signal, restore))
      return std::move(*out);
  } else if (options.repair && options.convert != ScriptConversion::kNone) {
    // Decoded text (GBK, Big5, UTF-16, UTF-8 with invalid bytes): the same,
    // with a copy of the decoder's text and map to go back to. The copy is
    // a memcpy; the repair stage's own scan of the text, which it saves,
    // was 14 % of a GBK article's normalize.
    const std::string text = decoded.text;
    const OffsetMap map = decoded.map;
    auto restore = [&](Decoded& d) {
      d.text = text;
      d.map = map;
    };
    if (std::optional<NormalizedText> out =
            normalize_watched(input, text, decoded, report, options, &first_signal, restore))
      return std::move(*out);
  }
  std::optional<Repaired> repaired;
  if (options.repair) repaired = repair_mojibake_if_damaged(decoded.text, first_signal);
  return normalize_with_stage(input, std::move(report), repair_stage(std::move(decoded), std::move(repaired)),
                              options);
}

}  // namespace aidtext
