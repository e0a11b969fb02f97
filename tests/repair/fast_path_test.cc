// normalize()'s fast path for clean text (the repair stage's question asked
// by the conversion pass, lib/normalize/normalizer.cc) must give exactly
// what the plain pipeline gives: decode -> repair_mojibake -> clean ->
// convert, written out here as the reference. Compared on random text over
// the signal alphabet, on the peer mojibake suite set inside clean text with
// odd spaces around it, and on the dev corpus.
#define BOOST_TEST_MODULE repair_fast_path
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "convert/converter.h"
#include "convert/mapped_writer.h"
#include "encoding/decoder.h"
#include "normalize/cjk_punctuation.h"
#include "normalize/cjk_spacing.h"
#include "normalize/cleaner.h"
#include "normalize/normalizer.h"
#include "repair/repairer.h"
#include "../encoding/test_support.h"
#include "mojibake_cases.h"
#include "signal_text.h"

namespace {

using namespace aidtext;

NormalizedText reference(std::string_view input, const NormalizeOptions& o) {
  NormalizedText out;
  Decoded d = decode(input, o.encoding);
  out.report.encoding = d.encoding;
  std::string text = d.text;
  OffsetMap to_input = d.map;
  std::vector<Repair> repairs;
  if (o.repair) {
    Repaired r = repair_mojibake(text);
    to_input = OffsetMap::compose(to_input, r.map);
    text = r.text;
    repairs = r.repairs;
  }
  Cleaned c = clean_text(std::string_view(text), o);
  out.report.spaces_folded = c.spaces_folded;
  out.report.width_folds = c.width_folds;
  out.report.markup_removed = c.markup_removed;
  OffsetMap after = c.map;
  Converted v = to_simplified(std::string_view(c.text), o.convert,
                              ConvertOptions{.corrections = o.opencc_corrections});
  out.report.converted_chars = v.converted_chars;
  after = OffsetMap::compose(after, v.map);
  std::string text_out = v.text;
  if (o.cjk_punctuation) {  // the pipeline's last passes (normalize/cjk_punctuation.h, cjk_spacing.h)
    MappedWriter w(std::string_view{text_out});
    for (const PunctuationFold& f : find_cjk_punctuation(text_out)) w.replace_char(f.at, 1, f.folded);
    text_out = w.finish();
    after = OffsetMap::compose(after, w.take_map());
  }
  if (o.cjk_spacing) {
    MappedWriter w(std::string_view{text_out});
    for (uint32_t at : find_cjk_spacing(text_out)) w.replace(at, 1, {}, false);
    text_out = w.finish();
    after = OffsetMap::compose(after, w.take_map());
  }
  for (Repair& r : repairs) {
    const Range stage_out = r.output;
    r.input = to_input.to_input(stage_out);
    r.output = after.to_output(stage_out);
    out.report.repairs.push_back(r);
  }
  out.map = OffsetMap::compose(to_input, after);
  out.text = text_out;
  return out;
}

void check_same(std::string_view input, const NormalizeOptions& o = {}) {
  const NormalizedText got = normalize(input, o);
  const NormalizedText want = reference(input, o);
  BOOST_TEST_CONTEXT("input: " << input) {
    BOOST_TEST(got.text == want.text);
    BOOST_TEST(got.report.converted_chars == want.report.converted_chars);
    BOOST_TEST(got.report.spaces_folded == want.report.spaces_folded);
    BOOST_TEST(got.report.width_folds == want.report.width_folds);
    BOOST_TEST(got.report.markup_removed == want.report.markup_removed);
    BOOST_TEST_REQUIRE(got.report.repairs.size() == want.report.repairs.size());
    for (size_t i = 0; i < got.report.repairs.size(); ++i) {
      const Repair& a = got.report.repairs[i];
      const Repair& b = want.report.repairs[i];
      BOOST_TEST(a.kind == b.kind);
      BOOST_TEST(a.input.begin == b.input.begin);
      BOOST_TEST(a.input.end == b.input.end);
      BOOST_TEST(a.output.begin == b.output.begin);
      BOOST_TEST(a.output.end == b.output.end);
      BOOST_TEST(a.guessed_chars == b.guessed_chars);
    }
    // Every output byte maps to the same input bytes.
    BOOST_TEST_REQUIRE(got.map.output_size() == want.map.output_size());
    for (uint32_t k = 0; k < got.map.output_size(); ++k) {
      const Range a = got.map.to_input({k, k + 1});
      const Range b = want.map.to_input({k, k + 1});
      if (a.begin != b.begin || a.end != b.end) {
        BOOST_TEST(false, "output byte " << k << " maps differently");
        break;
      }
    }
  }
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(odd_spaces_beside_signals) {
  // The cleaner folds these spaces before the conversion pass sees the text:
  // each sits where the fold could hide a signal from it.
  for (const char* s : {"?\u3000中文", "中文\u3000?", "\u00C3\u00A0\u00A9文字", "\u00C3\u00A0文字",
                        "文\u00A0\u00E9字", "文字\u00A0\u00A0x\u00C3", "\u3000\u3000鍥蟔\u3000鍙齉",
                        "\u00A0?\u00A0", "中\r\n?\r文", "\uFF11?中"})
    check_same(s);
}

BOOST_AUTO_TEST_CASE(zero_width_characters_beside_signals) {
  // The cleaner deletes them before the conversion pass sees the text (the
  // watch sees through that, DamageWatch::sees_through_deletion): each sits
  // where the deletion could hide a signal from it, or bring signals
  // together; the soft hyphen is debris itself.
  for (const char* s : {"?\u200B中文", "中文\u200B?", "?\u200B\u200D中", "文\u200B?\u200B字", "a?\uFEFFb",
                        "\u00AD\u00C3文字", "文\u00AD\u00E9字", "\u00C3\u200B\u00A9", "鍥\u200B蟔\u200B鍙\u200B齉",
                        "据报道\u200B，\u200D全县\u2060贫困\uFEFF人口", "\u200B\u3000?\u00A0\u200B"})
    check_same(s);
}

BOOST_AUTO_TEST_CASE(same_as_the_plain_pipeline_on_random_text) {
  std::mt19937 rng(112226);
  for (int i = 0; i < 1500; ++i) check_same(testing::random_signal_text(rng, 20));
  NormalizeOptions tw;
  tw.convert = ScriptConversion::kTW2S;
  for (int i = 0; i < 200; ++i) check_same(testing::random_signal_text(rng, 20), tw);
}

BOOST_AUTO_TEST_CASE(same_on_the_mojibake_suite_inside_clean_text) {
  const auto cases = testing::load_mojibake_cases(std::string(AIDTEXT_SHARED_DIR) + "/peer/mojibake/cases.json");
  if (!cases) {
    BOOST_TEST_MESSAGE("SKIPPED: peer mojibake suite not found");
    return;
  }
  for (size_t i = 0; i < cases->size(); ++i) {
    const std::string& g = (*cases)[i].garbled;
    check_same(g);
    if (i % 4 == 0) check_same("\u3000\u3000据报道，" + g + "\u00A0\u00A0记者 王?\r\n");
    if (i % 4 == 1) check_same("\u200B据报道，\u200D" + g + "\uFEFF。记者\u200B王?\u2060\n");
  }
}

BOOST_AUTO_TEST_CASE(opaque_edits_before_and_after_damage) {
  // At the cleaner's first edit the watch cannot see through (a pinyin
  // note, a width fold, a reference, a zero-width character, a tag) the pipeline
  // asks the repair stage, and a text it repairs is cleaned only after
  // its repair: the same output whether that edit comes before the damage,
  // after it, or both.
  const auto cases = testing::load_mojibake_cases(std::string(AIDTEXT_SHARED_DIR) + "/peer/mojibake/cases.json");
  if (!cases) {
    BOOST_TEST_MESSAGE("SKIPPED: peer mojibake suite not found");
    return;
  }
  NormalizeOptions tw;
  tw.convert = ScriptConversion::kTW2S;
  size_t repaired = 0;
  for (size_t i = 0; i < cases->size(); i += 3) {
    const std::string& g = (*cases)[i].garbled;
    for (const char* edit : {"協(xié)會", "\uFF12\uFF10\uFF12\uFF11年", "A&amp;B", "中\u200B文", "<p>扶贫</p>",
                             "甲<br/>乙<span class=\"x\">丙</span>"}) {
      check_same(std::string(edit) + "，" + g + "。");
      check_same(g + "\n" + edit + "，" + g);
      check_same(std::string(edit) + "\u3000" + g + "\r\n" + edit, tw);
    }
    repaired += !normalize("協(xié)會，" + g, NormalizeOptions{}).report.repairs.empty();
  }
  BOOST_TEST(repaired > 0);  // the stage's repairs were made on this path
}

// Text that the decoder decodes (GB18030, Big5, UTF-16, UTF-8 with stray
// bytes) takes the fast path through a copy of the decoder's text: the
// same answers, clean or damaged.
BOOST_AUTO_TEST_CASE(same_on_decoded_text) {
  const std::filesystem::path articles = std::filesystem::path(AIDTEXT_SOURCE_DIR) / "tests" / "metrics" / "articles";
  size_t checked = 0;
  for (const auto& e : std::filesystem::directory_iterator(articles)) {
    if (e.path().extension() != ".txt" || checked >= 24) continue;
    const std::string text = read_file(e.path());
    for (const char* encoding : {"GB18030", "windows-950", "UTF-16LE"}) check_same(testing::icu_encode(text, encoding));
    check_same(text.substr(0, text.size() / 2) + "\xA0" + text.substr(text.size() / 2));
    ++checked;
  }
  BOOST_TEST(checked > 0u);
  // Mojibake inside clean text, the whole in GB18030.
  const auto cases = testing::load_mojibake_cases(std::string(AIDTEXT_SHARED_DIR) + "/peer/mojibake/cases.json");
  if (!cases) return;
  for (size_t i = 0; i < cases->size(); i += 3)
    check_same(testing::icu_encode("全县脱贫攻坚取得决定性成就。" + (*cases)[i].garbled + "贫困人口全部脱贫。", "GB18030"));
}

BOOST_AUTO_TEST_CASE(same_on_the_dev_corpus) {
  const std::filesystem::path dev = std::filesystem::path(AIDTEXT_SHARED_DIR) / "corpus" / "dev";
  if (!std::filesystem::exists(dev)) {
    BOOST_TEST_MESSAGE("SKIPPED: dev corpus not found");
    return;
  }
  for (const auto& e : std::filesystem::directory_iterator(dev))
    if (e.path().extension() == ".txt") check_same(read_file(e.path()));
}
