#define BOOST_TEST_MODULE cleaner
#include <boost/test/unit_test.hpp>

#include <string>

#include "../encoding/test_support.h"
#include "core/utf8.h"
#include "normalize/cleaner.h"
#include "normalize/html_reference.h"
#include "normalize/pinyin_annotation.h"

using namespace aidtext;

namespace {

Cleaned clean(std::string_view s) { return clean_text(s, NormalizeOptions{}); }

// The input bytes an output range maps to.
std::string source_of(const Cleaned& c, std::string_view in, size_t b, size_t e) {
  Range r = c.map.to_input({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  return std::string(in.substr(r.begin, r.size()));
}

}  // namespace

BOOST_AUTO_TEST_CASE(pinyin_annotations_are_removed) {
  std::string in = "扶貧協(xié)作聯(lián)席會議,區(qū)域1億(yì)元";
  Cleaned c = clean(in);
  BOOST_TEST(c.text == "扶貧協作聯席會議,區域1億元");
  BOOST_TEST(c.pinyin_artefacts == 4u);
  // Full-width parentheses too.
  BOOST_TEST(clean("產業（yè）").text == "產業");
  // The character before an annotation maps to itself, not to the annotation.
  size_t at = c.text.find("作");
  BOOST_TEST(source_of(c, in, at, at + 3) == "作");
  BOOST_TEST(source_of(c, in, at - 3, at) == "協");
}

BOOST_AUTO_TEST_CASE(real_parentheses_survive) {
  for (const char* s : {"欧美同学会(中国留学人员联谊会)凝聚", "(文/张晔 图/赵宇)", "大关县(云南省昭通市大关县)",
                        "车间(资料图)", "生产总值(GDP)增长", "方案(a)和", "图片(including the pictures)",
                        "项目(二)", "(xié)开头", "abc(xié)", "国(Xié)", "国(xie)", "国(xiéé)",
                        "国(xié", "国(zhuàngg)"}) {
    Cleaned c = clean(s);
    BOOST_TEST(c.text == s);
    BOOST_TEST(c.pinyin_artefacts == 0u);
  }
  BOOST_TEST(is_pinyin_syllable("zhuang"));
  BOOST_TEST(is_pinyin_syllable("lv"));
  BOOST_TEST(is_pinyin_syllable("er"));
  BOOST_TEST(!is_pinyin_syllable("gdp"));
  BOOST_TEST(!is_pinyin_syllable("bx"));
}

BOOST_AUTO_TEST_CASE(html_references_are_decoded) {
  std::string in = "资金&nbsp;1&#x4E07;元&amp;&#19975;&lt;b&gt;&quot;&ldquo;好&rdquo;&copy;&bogus;&#0;&#xD800;&amp";
  Cleaned c = clean(in);
  BOOST_TEST(c.text == "资金 1万元&万<b>\"“好”©&bogus;&#0;&#xD800;&");
  BOOST_TEST(c.html_references == 11u);
  size_t at = c.text.find("万");
  BOOST_TEST(source_of(c, in, at, at + 3) == "&#x4E07;");
  char32_t cp;
  BOOST_TEST(html_reference_length("&mdash;", 0, &cp) == 7u);
  BOOST_TEST((cp == U'—'));
  BOOST_TEST(html_reference_length("&nbspx", 0, &cp) == 0u);
  NormalizeOptions off;
  off.decode_html = false;
  BOOST_TEST(clean_text("&amp;", off).text == "&amp;");
}

// A carriage return written as a reference is a line end like a real one:
// never a stray control character, and with the line feed after it (real or
// a reference) one LF, not two.
BOOST_AUTO_TEST_CASE(carriage_return_references_fold_like_line_ends) {
  struct Case {
    std::string in, text;
    uint32_t line_ends, references;
  };
  const Case cases[] = {
      {"甲&#13;&#10;乙", "甲\n乙", 1, 2},  {"甲&#xD;&#xA;乙", "甲\n乙", 1, 2},
      {"甲&#x0d;&#x0A;乙", "甲\n乙", 1, 2}, {"甲&#13;乙", "甲\n乙", 1, 1},
      {"甲&#13;\n乙", "甲\n乙", 1, 1},     {"甲\r&#10;乙", "甲\n乙", 1, 1},
      {"甲&#10;乙", "甲\n乙", 0, 1},        {"甲&#13;&#13;乙", "甲\n\n乙", 2, 2},
      {"甲&#13;&#10;&#13;&#10;乙", "甲\n\n乙", 2, 4},
      {"甲&#13;", "甲\n", 1, 1},           {"甲&#13;&#10", "甲\n&#10", 1, 1},
  };
  for (const Case& k : cases) {
    Cleaned c = clean(k.in);
    BOOST_TEST(c.text == k.text, k.in);
    BOOST_TEST(c.text.find('\r') == std::string::npos, k.in);
    BOOST_TEST(c.line_ends == k.line_ends, k.in);
    BOOST_TEST(c.html_references == k.references, k.in);
  }
  // The LF maps back to the whole line end it stands for.
  std::string in = "甲&#13;&#10;乙";
  Cleaned c = clean(in);
  const size_t at = c.text.find('\n');
  BOOST_TEST(source_of(c, in, at, at + 1) == "&#13;&#10;");
  BOOST_TEST(source_of(c, in, at + 1, at + 4) == "乙");
  // Without HTML decoding the references stay text.
  NormalizeOptions off;
  off.decode_html = false;
  BOOST_TEST(clean_text("甲&#13;&#10;乙", off).text == "甲&#13;&#10;乙");
  BOOST_TEST(clean_text("甲\r&#10;乙", off).text == "甲\n&#10;乙");
}

BOOST_AUTO_TEST_CASE(width_folding_keeps_chinese_punctuation) {
  std::string in = "２０２０年ＧＤＰ增长６．５％，由－３降至＋２；比例５０％。（注）“好”！？：、";
  Cleaned c = clean(in);
  BOOST_TEST(c.text == "2020年GDP增长6.5%，由-3降至+2；比例50%。（注）“好”！？：、");
  BOOST_TEST(c.width_folds == 18u);
  // Number punctuation away from digits is kept.
  BOOST_TEST(clean("名单．完毕％－＋").text == "名单．完毕％－＋");
  size_t at = c.text.find("6.5");
  BOOST_TEST(source_of(c, in, at, at + 1) == "６");
  BOOST_TEST(source_of(c, in, at + 1, at + 2) == "．");
  NormalizeOptions off;
  off.fold_width = false;
  BOOST_TEST(clean_text("２０", off).text == "２０");
}

BOOST_AUTO_TEST_CASE(spaces_invisibles_and_line_ends) {
  std::string in = "　　全县\u00A0贫困\u200B户\uFEFF数\r\n下降\r上升\n\u00AD";
  Cleaned c = clean(in);
  BOOST_TEST(c.text == "  全县 贫困户数\n下降\n上升\n");
  BOOST_TEST(c.spaces_folded == 3u);
  BOOST_TEST(c.invisible_removed == 3u);
  BOOST_TEST(c.line_ends == 2u);
  BOOST_TEST(utf8::valid(c.text));
}

BOOST_AUTO_TEST_CASE(clean_text_is_identity_on_clean_text) {
  std::string in = "2020年,全县贫困发生率降至0.5%(国家标准)。\n第二段";
  Cleaned c = clean(in);
  BOOST_TEST(c.text == in);
  BOOST_TEST(c.map.is_identity());
  Cleaned owned = clean_text(std::string(in), NormalizeOptions{});
  BOOST_TEST(owned.text == in);
  BOOST_TEST(owned.map.is_identity());
}

BOOST_AUTO_TEST_CASE(owned_and_borrowed_inputs_agree) {
  std::string in = "協(xié)作\r\n２０％&amp;　尾\u200B";
  Cleaned a = clean(in);
  Cleaned b = clean_text(std::string(in), NormalizeOptions{});
  BOOST_TEST(a.text == b.text);
  BOOST_TEST(a.map.pieces().size() == b.map.pieces().size());
  for (size_t i = 0; i < a.text.size(); ++i)
    BOOST_TEST((a.map.to_input({uint32_t(i), uint32_t(i + 1)}) ==
                b.map.to_input({uint32_t(i), uint32_t(i + 1)})));
}

// The dev seed 003 carries 98 converter annotations; the other seeds none,
// and their parentheses stay.
BOOST_AUTO_TEST_CASE(seed_annotations, *boost::unit_test::precondition(aidtext::testing::has_shared_dir)) {
  for (const auto& seed : aidtext::testing::seed_files()) {
    std::string text = aidtext::testing::read_file(seed);
    Cleaned c = clean(text);
    const bool is_003 = seed.filename().string().rfind("003_", 0) == 0;
    BOOST_TEST(c.pinyin_artefacts == (is_003 ? 98u : 0u), seed.filename());
    for (const char* kept : {"(中国留学人员联谊会)", "(文/张晔 图/赵宇)", "(云南省昭通市大关县)", "(资料图)"})
      if (text.find(kept) != std::string::npos) BOOST_TEST(c.text.find(kept) != std::string::npos, kept);
  }
}

namespace {

// A paragraph laid out as a fixed-width page would (a PDF's text): lines of
// `width` display columns (a Chinese character two, ASCII one), the first
// indented by two full-width spaces; a character never starts a line when it
// is one of ，。、%.
std::string wrap_fixed_width(std::u32string_view paragraph, int width) {
  std::string out, line = "\u3000\u3000";
  int cols = 4;
  for (char32_t c : paragraph) {
    const int w = c < 0x80 ? 1 : 2;
    const bool keep_off_start = c == U'，' || c == U'。' || c == U'、' || c == '%';
    if (cols + w > width && !keep_off_start) {
      out += line + "\n";
      line.clear();
      cols = 0;
    }
    utf8::append(line, c);
    cols += w;
  }
  return out + line + "\n";
}

}  // namespace

BOOST_AUTO_TEST_CASE(soft_wraps_of_fixed_width_text_are_joined) {
  const std::u32string_view p1 =
      U"2019年，全州上下深入贯彻落实习近平总书记关于扶贫工作的重要论述，全力推进脱贫攻坚各项工作，"
      U"全年减少农村贫困人口8.59万人，贫困发生率由2018年底的10.27%下降到2.26%，永靖县、临夏市实现脱贫摘帽。";
  const std::u32string_view p2 =
      U"全年共整合各类财政涉农资金32.6亿元，其中中央财政专项扶贫资金14.8亿元、省级资金6.2亿元；"
      U"东西部扶贫协作资金3.47亿元，实施协作项目156个。";
  std::string page = "某州关于脱贫攻坚工作情况的报告\n" + wrap_fixed_width(p1, 56) + "\u3000\u3000一、资金投入\n" +
                     wrap_fixed_width(p2, 56);
  Cleaned c = clean(page);
  BOOST_TEST(c.wraps_joined >= 4u);
  // Each paragraph is one line again; the title, the heading and the
  // paragraphs' indented starts stay lines of their own.
  std::string want1 = "  ", want2 = "  ";
  for (char32_t ch : p1) utf8::append(want1, ch);
  for (char32_t ch : p2) utf8::append(want2, ch);
  BOOST_TEST(c.text == "某州关于脱贫攻坚工作情况的报告\n" + want1 + "\n  一、资金投入\n" + want2 + "\n");
  // Every byte still maps back into the input.
  BOOST_TEST(c.map.to_input({0, static_cast<uint32_t>(c.text.size())}).end == page.size());
  NormalizeOptions off;
  off.join_wraps = false;
  BOOST_TEST(clean_text(page, off).wraps_joined == 0u);
}

BOOST_AUTO_TEST_CASE(lines_of_other_pages_are_kept) {
  // One labelled figure a line: a few lines of similar widths, no wrap width.
  const std::string labels =
      "2020年财政专项扶贫资金：3.26亿元\n东西部协作资金（厦门市海沧区）：4280万元\n社会帮扶捐款：860万元\n"
      "建成扶贫车间：34个，吸纳就业1263人\n2020年输转劳动力：5.4万人\n举办技能培训班：112期，培训2980人次\n"
      "注：以上数据由县扶贫办统计，仅供参考。\n";
  BOOST_TEST(clean(labels).wraps_joined == 0u);
  // One paragraph a line, of every length (a news page).
  const std::string news =
      "今年以来，全县新建扶贫车间12个，吸纳贫困劳动力就业680余人。\n"
      "县扶贫办负责人介绍，全县累计投入各类资金6.8亿元，建成集中安置点23个，搬迁安置建档立卡贫困户2816户11352人\n"
      "截至目前，全县贫困发生率下降到0.68%\n五蛟镇安置点搬迁户张有福算了一笔账\n";
  BOOST_TEST(clean(news).wraps_joined == 0u);
}

BOOST_AUTO_TEST_CASE(lines_of_many_widths_beside_long_paragraphs_are_kept) {
  // A news page: short lines of six different widths and two paragraphs
  // too long to be wrapped. No width stands out (lines too long to count
  // once made one: their width overflowed the search's window).
  auto han = [](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "贫";
    return s;
  };
  std::string page;
  for (int n : {20, 30, 40, 50, 60, 70}) page += han(n) + "\n";
  page += han(100) + "。\n" + han(100) + "。\n";
  BOOST_TEST(clean(page).wraps_joined == 0u);
}
