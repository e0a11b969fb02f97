// Spaces Chinese typography does not have (normalize/cjk_spacing.h) and
// ASCII punctuation in Chinese text (normalize/cjk_punctuation.h): what is
// found, what the pipeline makes of it, and that an article so written
// gives the records of the article as it was. The copies are made here
// from tests/metrics/articles, as sites and keyboards write text.
#define BOOST_TEST_MODULE cjk_typography
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/utf8.h"
#include "engine/engine.h"
#include "normalize/cjk_punctuation.h"
#include "normalize/cjk_spacing.h"

using namespace aidtext;
namespace fs = std::filesystem;

namespace {

// `text` with each space find_cjk_spacing() finds shown as '_'.
std::string marked(std::string text) {
  for (uint32_t at : find_cjk_spacing(text)) text[at] = '_';
  return text;
}

// `text` with each mark find_cjk_punctuation() folds written folded.
std::string folded(const std::string& text) {
  std::string out;
  size_t from = 0;
  for (const PunctuationFold& f : find_cjk_punctuation(text)) {
    out.append(text, from, f.at - from);
    utf8::append(out, f.folded);
    from = f.at + 1;
  }
  return out + text.substr(from);
}

std::unique_ptr<Engine> make_engine(bool tidy) {
  EngineOptions o;
  o.normalize.cjk_spacing = tidy;
  o.normalize.cjk_punctuation = tidy;
  std::string error;
  auto e = Engine::create(o, &error);
  BOOST_REQUIRE_MESSAGE(e, error);
  return e;
}

using Row = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string, int>;

std::vector<Row> records(const Engine& e, std::string_view input, uint32_t* wraps = nullptr) {
  const NormalizedText t = e.normalize(input);
  if (wraps) *wraps = t.report.wraps_joined;
  std::vector<Row> rows;
  for (const MetricRecord& r : e.extract(t, e.quantities(t), ""))
    rows.emplace_back(r.metric, r.value.to_string(), r.unit, r.change, r.time.value_or("-"), r.place.value_or("-"),
                      static_cast<int>(r.approx));
  return rows;
}

// As sites space text: a space between Chinese characters and figures
// (either way: 截至 2019 年底, 1.75 万人) and after the full-width
// punctuation ，、；： (a pasted &nbsp; or a typed space).
std::string spaced(std::string_view text) {
  std::string out;
  char32_t prev = 0;
  for (size_t i = 0; i < text.size();) {
    int len = 1;
    const char32_t c = utf8::decode(text, i, &len);
    const bool digit = c >= '0' && c <= '9';
    const bool prev_digit = (prev >= '0' && prev <= '9') || prev == '%';
    if ((utf8::is_han(prev) && digit) || (prev_digit && utf8::is_han(c))) out += ' ';
    if (prev == U'，' || prev == U'、' || prev == U'；' || prev == U'：') out += ' ';
    out.append(text.substr(i, static_cast<size_t>(len)));
    prev = c;
    i += static_cast<size_t>(len);
  }
  return out;
}

// As typed on an English keyboard: ，；：！（）。 written , ; : ! ( ) .
std::string ascii_marks(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    int len = 1;
    const char32_t c = utf8::decode(text, i, &len);
    const std::u32string_view full = U"，；：！（）。";
    const std::string_view ascii = ",;:!().";
    if (const size_t k = full.find(c); k != std::u32string_view::npos) out += ascii[k];
    else out.append(text.substr(i, static_cast<size_t>(len)));
    i += static_cast<size_t>(len);
  }
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}


// Compares the records of each test article (metric, value, unit, change,
// time, place, approx) with those of its copy `dress(text)`, skipping the
// articles whose lines the pipeline joins as soft wraps, written either
// way: the dressing, put in after the lines were cut, changes their widths
// (the soft-wrap finder measures the lines before the typography pass).
// Returns {articles compared, of those read otherwise with the pass off}.
template <typename Dress>
std::pair<size_t, size_t> compare_dressed_articles(Dress dress) {
  const auto e = make_engine(true);
  const auto off = make_engine(false);
  size_t compared = 0, differ_without = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(AIDTEXT_SOURCE_DIR) / "tests/metrics/articles")) {
    if (entry.path().extension() != ".txt") continue;
    const std::string text = read_file(entry.path());
    if (!utf8::valid(text)) continue;  // the articles in GBK or Big5
    uint32_t wraps = 0, dressed_wraps = 0;
    const std::vector<Row> want = records(*e, text, &wraps);
    const std::string dressed = dress(text);
    const std::vector<Row> got = records(*e, dressed, &dressed_wraps);
    if (wraps > 0 || dressed_wraps > 0) continue;
    BOOST_TEST_CONTEXT(entry.path().filename().string()) {
      BOOST_TEST(dressed != text);
      BOOST_TEST(got == want);
    }
    differ_without += records(*off, dressed) != records(*off, text);
    ++compared;
  }
  return {compared, differ_without};
}

}  // namespace

BOOST_AUTO_TEST_CASE(typographic_spaces_are_found_and_others_are_not) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"截至 2019 年底", "截至_2019_年底"},
      {"贫困人口 1.75 万人，比上年减少 2.41 万人", "贫困人口_1.75_万人，比上年减少_2.41_万人"},
      {"发生率 3.2% 的村", "发生率_3.2%_的村"},
      {"第 3 批", "第_3_批"},
      {"万人， 比上年末减少", "万人，_比上年末减少"},
      {"1.75 万人 ，比上年", "1.75_万人_，比上年"},
      {"《 扶贫 》", "《_扶贫_》"},
      {"２０１９ 年", "２０１９_年"},
      // Left alone: two Chinese characters (a list), two figures, Latin
      // letters, runs of spaces or a tab (a table's cells), line edges.
      {"岷县 漳县 渭源县", "岷县 漳县 渭源县"},
      {"1 234人", "1 234人"},
      {"使用 App 办理", "使用 App 办理"},
      {"武都区  26514  1.83", "武都区  26514  1.83"},
      {"武都区\t26514", "武都区\t26514"},
      {" 2019年\n2019年 \n", " 2019年\n2019年 \n"},
      {"In 2019 the county", "In 2019 the county"},
  };
  for (const auto& [text, want] : cases) BOOST_TEST(marked(text) == want, text);
}

BOOST_AUTO_TEST_CASE(the_pipeline_removes_them_and_maps_to_the_input) {
  const std::string input = "截至 2019 年底，&nbsp;全县贫困人口 1.75 万人。";
  const auto on = make_engine(true);
  const NormalizedText t = on->normalize(input);
  BOOST_TEST(t.text == "截至2019年底，全县贫困人口1.75万人。");
  BOOST_TEST(t.report.spaces_removed == 5u);
  // Every output character still maps to its own input bytes.
  const size_t fig = t.text.find("1.75万人");
  BOOST_REQUIRE(fig != std::string::npos);
  const Range in = t.to_input({static_cast<uint32_t>(fig), static_cast<uint32_t>(fig + std::string("1.75万人").size())});
  BOOST_TEST(input.substr(in.begin, in.size()) == "1.75 万人");
  const size_t year = t.text.find("2019");
  const Range yin = t.to_input({static_cast<uint32_t>(year), static_cast<uint32_t>(year + 4)});
  BOOST_TEST(input.substr(yin.begin, yin.size()) == "2019");
  // Off: the spaces stay (the no-break space folded to one).
  const auto off = make_engine(false);
  const NormalizedText k = off->normalize(input);
  BOOST_TEST(k.text == "截至 2019 年底， 全县贫困人口 1.75 万人。");
  BOOST_TEST(k.report.spaces_removed == 0u);
}

// Each test article, spaced as sites space text, gives the records of the
// article as written.
BOOST_AUTO_TEST_CASE(spaced_articles_give_the_records_of_their_clean_copies) {
  const auto [compared, differ_without] = compare_dressed_articles(spaced);
  BOOST_TEST_MESSAGE(compared << " spaced articles compared; " << differ_without << " read otherwise without the removal");
  BOOST_TEST(compared >= 60u);
  // The spaces matter: without their removal most spaced articles read otherwise.
  BOOST_TEST(differ_without * 2 > compared, differ_without << " of " << compared);
}

BOOST_AUTO_TEST_CASE(ascii_marks_in_chinese_text_are_folded_and_others_are_not) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"贫困发生率降至0.9%.全年减贫1.2万人.", "贫困发生率降至0.9%。全年减贫1.2万人。"},
      {"脱贫攻坚(农村)取得胜利", "脱贫攻坚（农村）取得胜利"},
      {"减贫1万人.2020年", "减贫1万人。2020年"},
      {"“两不愁三保障”.", "“两不愁三保障”。"},
      {"记者 (张明)", "记者 （张明）"},
      // Left alone: figures (8.59), list numbers, dots in a run or before
      // Latin, '?' (a lost character after a repair), marks with no
      // Chinese beside them, and the marks the later stages read as they
      // are (, ; : !).
      {"减少8.59万人", "减少8.59万人"},
      {"(1)加强领导", "(1)加强领导"},
      {"1.加强领导", "1.加强领导"},
      {"附件.doc", "附件.doc"},
      {"等等...", "等等..."},
      {"甘?省", "甘?省"},
      {"see www.gov.cn, (p. 3)", "see www.gov.cn, (p. 3)"},
      {"万人,比上年;时间:2020年!", "万人,比上年;时间:2020年!"},
  };
  for (const auto& [text, want] : cases) BOOST_TEST(folded(text) == want, text);
}

// Each test article with its Chinese punctuation typed in ASCII gives the
// records of the article as written.
BOOST_AUTO_TEST_CASE(articles_in_ascii_punctuation_give_the_records_of_their_clean_copies) {
  const auto [compared, differ_without] = compare_dressed_articles(ascii_marks);
  BOOST_TEST_MESSAGE(compared << " articles in ASCII punctuation compared; " << differ_without
                              << " read otherwise without the folding");
  BOOST_TEST(compared >= 60u);
  BOOST_TEST(differ_without * 4 > compared, differ_without << " of " << compared);
}
