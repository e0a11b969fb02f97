#define BOOST_TEST_MODULE normalize_pipeline
#include <boost/test/unit_test.hpp>

#include <string>

#include "../encoding/test_support.h"
#include "convert/converter.h"
#include "core/utf8.h"
#include "normalize/cleaner.h"
#include "normalize/normalizer.h"

using namespace aidtext;
using aidtext::testing::icu_decode_to_utf8;
using aidtext::testing::icu_encode;
using aidtext::testing::read_file;

namespace {

std::filesystem::path corpus(const char* name) {
  return aidtext::testing::source_dir() / "examples" / "corpus" / name;
}

// Options for checks that must not depend on the mojibake repairer (another
// stage, tested on its own).
NormalizeOptions without_repair() {
  NormalizeOptions o;
  o.repair = false;
  return o;
}

std::vector<std::string> chars_of(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t len = static_cast<size_t>(utf8::sequence_length(static_cast<unsigned char>(s[i])));
    out.emplace_back(s.substr(i, len));
    i += len;
  }
  return out;
}

// Provenance: for a sample of output characters, the input bytes the map
// points at decode (in `encoding`) to the character's source: normalizing
// those bytes alone gives back the character (or, for number punctuation
// folded by context, its full-width form).
void check_provenance(const NormalizedText& n, std::string_view input, const char* encoding) {
  size_t checked = 0, k = 0;
  for (size_t i = 0; i < n.text.size(); ++k) {
    const size_t len = static_cast<size_t>(utf8::sequence_length(static_cast<unsigned char>(n.text[i])));
    const std::string ch = n.text.substr(i, len);
    if (k % 3 == 0 && ch != "\n") {
      Range r = n.to_input({static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)});
      BOOST_REQUIRE(r.end <= input.size());
      const std::string source = icu_decode_to_utf8(input.substr(r.begin, r.size()), encoding);
      NormalizeOptions o = without_repair();
      o.encoding = "UTF-8";
      o.find_repeats = false;
      const std::string again = normalize(source, o).text;
      bool ok = again.find(ch) != std::string::npos;
      if (!ok && ch.size() == 1 && source.size() == 3) {  // ％ ． － ＋ folded by context
        int l;
        char32_t c = utf8::decode(source, 0, &l);
        ok = c >= 0xFF01 && c <= 0xFF5E && static_cast<char>(c - 0xFF01 + 0x21) == ch[0];
      }
      BOOST_TEST(ok, encoding << ": output '" << ch << "' at " << i << " maps to [" << r.begin << ","
                              << r.end << ") = '" << source << "'");
      ++checked;
    }
    i += len;
  }
  BOOST_TEST(checked > 20u);
}

}  // namespace

BOOST_AUTO_TEST_CASE(traditional_article_with_annotations) {
  const std::string in = read_file(corpus("01_traditional_pinyin.txt"));
  NormalizedText n = normalize(in, without_repair());
  BOOST_TEST(n.report.encoding == "UTF-8");
  BOOST_TEST(n.report.pinyin_artefacts == 4u);
  BOOST_TEST(n.report.converted_chars > 50u);
  BOOST_TEST(n.text.find("(x") == std::string::npos);
  BOOST_TEST(n.text.find("扶贫协作") != std::string::npos);
  BOOST_TEST(n.text.find("贫困发生率由2018年底的4.8%下降到0.9%") != std::string::npos);
  BOOST_TEST(n.text.find("（记者 李文）") != std::string::npos);  // a real parenthesis
  check_provenance(n, in, "UTF-8");
}

BOOST_AUTO_TEST_CASE(gbk_article) {
  const std::string in = read_file(corpus("02_gbk_article.gbk"));
  const std::string utf8_text =
      read_file(std::filesystem::path(AIDTEXT_SOURCE_DIR) / "tests/normalize/data/02_gbk_article.utf8.txt");
  BOOST_REQUIRE(!in.empty());
  NormalizedText n = normalize(in, without_repair());
  BOOST_TEST(n.report.encoding == "GB18030");
  BOOST_TEST(n.report.encoding_confidence > 0.8);
  BOOST_TEST(n.report.invalid_sequences == 0u);
  BOOST_TEST(n.text == normalize(utf8_text, without_repair()).text);
  check_provenance(n, in, "GBK");
}

BOOST_AUTO_TEST_CASE(big5_article) {
  const std::string text = aidtext::testing::keep_representable(
      read_file(corpus("01_traditional_pinyin.txt")), "Big5");
  const std::string in = icu_encode(text, "Big5");
  NormalizedText n = normalize(in, without_repair());
  BOOST_TEST(n.report.encoding == "Big5");
  BOOST_TEST(n.text == normalize(text, without_repair()).text);
  check_provenance(n, in, "Big5");
}

BOOST_AUTO_TEST_CASE(utf16_article_with_full_width_and_html) {
  const std::string text = read_file(corpus("03_fullwidth_html.txt"));
  for (const char* enc : {"UTF-16LE", "UTF-16BE"}) {
    const std::string in = icu_encode(text, enc);
    NormalizedText n = normalize(in, without_repair());
    BOOST_TEST(n.report.encoding == enc);
    BOOST_TEST(n.report.width_folds > 40u);
    BOOST_TEST(n.report.html_references == 6u);
    BOOST_TEST(n.report.spaces_folded >= 6u);
    BOOST_TEST(n.text.find("2.7亿元") != std::string::npos);
    BOOST_TEST(n.text.find("21.3%降至0%，万余名") != std::string::npos);
    BOOST_TEST(n.text.find("“脱贫摘帽不是终点") != std::string::npos);
    BOOST_TEST(n.text.find("GDP同比增长6.5%") != std::string::npos);
    BOOST_TEST(n.text.find("１") == std::string::npos);
    check_provenance(n, in, enc);
  }
}

BOOST_AUTO_TEST_CASE(crlf_page_printed_twice) {
  const std::string in = read_file(corpus("04_repeated_crlf.txt"));
  NormalizedText n = normalize(in, without_repair());
  BOOST_TEST(n.text.find('\r') == std::string::npos);
  BOOST_TEST(n.report.line_ends > 10u);
  BOOST_REQUIRE(n.report.repeats.size() >= 2u);
  // The headline repeated right under itself, then the whole article again.
  // The headline repeated under itself, then the whole article again; the
  // first copy of the article holds the repeated headline as an extra line.
  const RepeatedPassage& last = n.report.repeats.back();
  const std::string end_of_article = "危房改造。";
  const size_t first_end = n.text.find(end_of_article) + end_of_article.size();
  BOOST_TEST(last.first.begin == 0u);
  BOOST_TEST(last.first.end == first_end);
  BOOST_TEST(n.text.substr(last.passage.begin, 9) == "长河乡");
  BOOST_TEST(last.passage.end == n.text.rfind(end_of_article) + end_of_article.size());
  check_provenance(n, in, "UTF-8");
}

// Seed 003 (traditional, with 98 annotations): the normalized text equals
// Debian's OpenCC t2s of the cleaned text; with the corrections on, it
// differs only where a correction applies.
BOOST_AUTO_TEST_CASE(seed_003_agrees_with_opencc,
                     *boost::unit_test::precondition(aidtext::testing::has_shared_dir_and_opencc)) {
  for (const auto& seed : aidtext::testing::seed_files()) {
    if (seed.filename().string().rfind("003_", 0) != 0) continue;
    const std::string in = read_file(seed);
    NormalizeOptions o = without_repair();
    o.opencc_corrections = false;
    o.cjk_punctuation = false;  // the seed writes ASCII commas, which OpenCC keeps
    o.cjk_spacing = false;
    NormalizedText n = normalize(in, o);
    BOOST_TEST(n.report.pinyin_artefacts == 98u);
    BOOST_TEST(n.text.find("(xié)") == std::string::npos);
    const std::string cleaned = clean_text(in, o).text;
    auto expected = aidtext::testing::run_opencc("t2s", cleaned);
    BOOST_REQUIRE(expected.has_value());
    BOOST_TEST(n.text == *expected);

    NormalizeOptions with_corrections = without_repair();
    with_corrections.cjk_punctuation = false;
    with_corrections.cjk_spacing = false;
    NormalizedText corrected = normalize(in, with_corrections);
    auto a = chars_of(corrected.text), b = chars_of(*expected);
    BOOST_REQUIRE_EQUAL(a.size(), b.size());
    size_t differ = 0;
    for (size_t k = 0; k < a.size(); ++k) {
      if (a[k] == b[k]) continue;
      ++differ;
      // A correction changed it: the OpenCC form converts differently with
      // corrections on only inside a corrections.tsv phrase.
      BOOST_TEST((b[k] == "著" || b[k] == "干" || b[k] == "乾" || b[k] == "借" || b[k] == "擡"),
                 "char " << k << ": " << a[k] << " vs opencc " << b[k]);
    }
    BOOST_TEST_MESSAGE("seed 003: " << differ << " characters changed by corrections");
  }
}

BOOST_AUTO_TEST_CASE(seeds_keep_their_real_parentheses,
                     *boost::unit_test::precondition(aidtext::testing::has_shared_dir)) {
  for (const auto& seed : aidtext::testing::seed_files()) {
    const std::string in = read_file(seed);
    NormalizedText n = normalize(in, without_repair());
    // Kept whole: their brackets are written full width now (ASCII
    // punctuation in Chinese text is folded: normalize/cjk_punctuation.h).
    for (const std::string kept : {"中国留学人员联谊会", "文/张晔 图/赵宇", "云南省昭通市大关县", "资料图"})
      if (in.find("(" + kept + ")") != std::string::npos)
        BOOST_TEST(n.text.find("（" + kept + "）") != std::string::npos, kept);
    BOOST_TEST(utf8::valid(n.text));
    // Every seed in GBK too (those that GBK can hold): same text.
    const std::string gbk_text = aidtext::testing::keep_representable(in, "GBK");
    NormalizedText g = normalize(icu_encode(gbk_text, "GBK"), without_repair());
    BOOST_TEST(g.report.encoding == "GB18030");
    BOOST_TEST(g.text == normalize(gbk_text, without_repair()).text);
  }
}

// The whole pipeline with every stage switched on (including the mojibake
// repairer): invariants only.
BOOST_AUTO_TEST_CASE(full_pipeline_invariants) {
  for (const char* name : {"01_traditional_pinyin.txt", "02_gbk_article.gbk", "03_fullwidth_html.txt",
                           "04_repeated_crlf.txt"}) {
    const std::string in = read_file(corpus(name));
    NormalizedText n = normalize(in, NormalizeOptions{});
    BOOST_TEST(utf8::valid(n.text), name);
    BOOST_TEST(n.map.output_size() == n.text.size(), name);
    BOOST_TEST(n.map.input_size() == in.size(), name);
    BOOST_TEST(n.text.find("贫困") != std::string::npos, name);
    for (const RepeatedPassage& r : n.report.repeats) BOOST_TEST(r.passage.end <= n.text.size());
  }
  BOOST_TEST(normalize("", NormalizeOptions{}).text.empty());
}

BOOST_AUTO_TEST_CASE(options_switch_stages_off) {
  NormalizeOptions o = without_repair();
  o.convert = ScriptConversion::kNone;
  o.strip_pinyin = false;
  o.find_repeats = false;
  const std::string annotated = "協(xié)作\n協(xié)作協(xié)作協(xié)作\n協(xié)作協(xié)作協(xié)作\n";
  // Kept annotations are Chinese text whose brackets the punctuation pass
  // writes full width, unless it is off too.
  BOOST_TEST(normalize(annotated, o).text.find("協（xié）") != std::string::npos);
  o.cjk_punctuation = false;
  NormalizedText n = normalize(annotated, o);
  BOOST_TEST(n.text.find("協(xié)") != std::string::npos);
  BOOST_TEST(n.report.repeats.empty());
  BOOST_TEST(n.report.converted_chars == 0u);
  o.encoding = "Big5";
  NormalizedText forced = normalize(icu_encode("貧困戶", "Big5"), o);
  BOOST_TEST(forced.text == "貧困戶");
}
