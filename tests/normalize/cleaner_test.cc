#define BOOST_TEST_MODULE cleaner
#include <boost/test/unit_test.hpp>

#include <string>

#include "../encoding/test_support.h"
#include "core/utf8.h"
#include "normalize/cleaner.h"
#include "normalize/html_reference.h"
#include "normalize/markup.h"
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

// Two paragraphs of a report, for the pages the soft-wrap tests lay out.
constexpr std::u32string_view p1 =
    U"2019年，全州上下深入贯彻落实习近平总书记关于扶贫工作的重要论述，全力推进脱贫攻坚各项工作，"
    U"全年减少农村贫困人口8.59万人，贫困发生率由2018年底的10.27%下降到2.26%，永靖县、临夏市实现脱贫摘帽。";
constexpr std::u32string_view p2 =
    U"全年共整合各类财政涉农资金32.6亿元，其中中央财政专项扶贫资金14.8亿元、省级资金6.2亿元；"
    U"东西部扶贫协作资金3.47亿元，实施协作项目156个。";

}  // namespace

BOOST_AUTO_TEST_CASE(soft_wraps_of_fixed_width_text_are_joined) {
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

// ---- Markup (normalize/markup.h) ------------------------------------------

namespace {

// Every output byte maps inside the input, to a non-empty range; a byte the
// cleaner copied maps to the same byte.
void check_map_inside(const Cleaned& c, std::string_view in) {
  BOOST_TEST(c.map.output_size() == c.text.size());
  for (uint32_t k = 0; k < c.text.size(); ++k) {
    const Range r = c.map.to_input({k, k + 1});
    BOOST_TEST_REQUIRE(r.end <= in.size());
    BOOST_TEST_REQUIRE(r.begin < r.end);
    if (r.size() == 1) BOOST_TEST(in[r.begin] == c.text[k]);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(markup_block_tags_make_line_ends_inline_tags_vanish) {
  struct Case {
    std::string in, text;
    uint32_t removed;
  };
  const Case cases[] = {
      {"<p>贫困人口减少<b>1.2万人</b></p>", "贫困人口减少1.2万人\n", 4},
      {"<div class=\"x\"><p>第一段</p><p>第二段</p></div>", "第一段\n第二段\n", 6},
      {"甲<br>乙<br/>丙<BR />丁", "甲\n乙\n丙\n丁", 3},
      // A tag's line end is left out where a line ends anyway: no blank
      // lines from tags, real ones kept.
      {"<p>甲</p>\n<p>乙</p>\r\n", "甲\n乙\n", 4},
      {"a<br><br><br>b", "a\nb", 3},
      {"甲\n\n<p>乙</p>", "甲\n\n乙\n", 2},
      {"<h1>标题</h1><ul><li>一</li><li>二</li></ul><hr/>尾", "标题\n一\n二\n尾", 9},
      // Inline tags leave nothing, not even a space between Latin words
      // (a browser shows HelloWorld too).
      {"<span style=\"color:red\">红</span><a href=\"http://x.cn/?a=1&b=2\">链接</a><img src=\"a.png\" alt=\"图\"/>"
       "<font color=red>字</font><strong>强</strong><em>e</em>m<sup>2</sup><o:p></o:p>",
       "红链接字强em2", 15},
      {"Hello<b>World</b> <i>again</i>", "HelloWorld again", 4},
      // Upper case, attributes without values, quoted values holding '>' and '<'.
      {"<P ALIGN=CENTER>标题</P>", "标题\n", 2},
      {"<input type=checkbox checked>选<a title=\"a>b\" href='x>y'>文</a><img alt=\"<b>\">",
       "选文", 4},
      {"<a\nhref=\"x\"\n>跨行</a>", "跨行", 2},
      // Table cells: a tab between cells, a line a row (metrics/tables.h).
      {"<table><tr><th>县区</th><th>减贫人数（人）</th></tr><tr><td>武都区</td><td>26514</td></tr></table>",
       "县区\t减贫人数（人）\n武都区\t26514\n", 14},
  };
  for (const Case& k : cases) {
    Cleaned c = clean(k.in);
    BOOST_TEST(c.text == k.text, k.in);
    BOOST_TEST(c.markup_removed == k.removed, k.in);
    BOOST_TEST(utf8::valid(c.text));
    check_map_inside(c, k.in);
  }
}

BOOST_AUTO_TEST_CASE(markup_script_style_comments_and_declarations) {
  struct Case {
    std::string in, text;
    uint32_t removed;
  };
  const Case cases[] = {
      {"甲<script type=\"text/javascript\">var a = 1 < 2 && b > 3; document.write('<p>x</p>');</script>乙"
       "<style>p { color: red; }</style>丙<noscript>请启用脚本</noscript>丁<template><p>模板</p></template>戊",
       "甲乙丙丁戊", 4},
      {"甲<SCRIPT>if (a</b) x();</Script >乙", "甲乙", 1},
      // Unclosed: only the opening tag goes; nothing after it is lost.
      {"甲<script>var a=1;乙丙", "甲var a=1;乙丙", 1},
      {"甲<style>p{}</stylo>乙", "甲p{}</stylo>乙", 1},
      // Self-closed: just the tag.
      {"<script src=\"a.js\"/>乙</p>", "乙\n", 2},
      // A stray closing tag is a tag.
      {"甲</script>乙", "甲乙", 1},
      {"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>标题</title></head>"
       "<body><!-- 注释 <p>不是</p> -->正文</body></html>",
       "标题\n正文\n", 11},
      {"<?xml version=\"1.0\" encoding=\"utf-8\"?>甲<!---->乙", "甲乙", 2},
      // Word's HTML export.
      {"<p class=MsoNormal><![if !supportLists]>1.<![endif]><span lang=EN-US>脱贫</span><o:p></o:p></p>", "1.脱贫\n", 8},
      // An unclosed comment loses its opener only.
      {"甲<!-- 乙", "甲 乙", 1},
  };
  for (const Case& k : cases) {
    Cleaned c = clean(k.in);
    BOOST_TEST(c.text == k.text, k.in);
    BOOST_TEST(c.markup_removed == k.removed, k.in);
    check_map_inside(c, k.in);
  }
}

BOOST_AUTO_TEST_CASE(text_that_is_not_markup_stays_byte_exact) {
  for (const char* s :
       {"人均收入<3000元", "x<5", "a<x>c", "<<扶贫条例>>", "＜p＞标题＜/p＞", "甲<p", "甲<p class=\"x", "<p 人均>",
        "a < b > c", "<b\"x\">", "<3", "<>", "</>", "< p>", "<p-x>", "<custom-el>", "</p class=x>", "<blockquotes>",
        "<pp>", "<h7>", "<!doctype>", "<!-- 未闭合", "<script", "<?php echo 1; ?>", "<!x>", "<p a=>", "<p a=\"x>",
        "<p =x>", "<a href=x`>", "<![x]>", "<![if a>", "<![CDATA[x]]>"}) {
    Cleaned c = clean(s);
    if (std::string_view(s) == "<!-- 未闭合") {  // the opener is markup however it ends
      BOOST_TEST(c.text == " 未闭合");
      continue;
    }
    BOOST_TEST(c.text == s);
    BOOST_TEST(c.markup_removed == 0u, s);
    BOOST_TEST(c.map.is_identity(), s);
  }
  // A tag must end within kMaxTagBytes of its '<'.
  std::string long_tag = "<a href=\"" + std::string(kMaxTagBytes, 'x') + "\">甲</a>";
  BOOST_TEST(clean(long_tag).text == "<a href=\"" + std::string(kMaxTagBytes, 'x') + "\">甲");
  std::string fits = "<a href=\"" + std::string(kMaxTagBytes - 12, 'x') + "\">甲</a>";
  BOOST_TEST(clean(fits).text == "甲");
}

BOOST_AUTO_TEST_CASE(markup_references_between_tags_are_decoded) {
  std::string in = "<p>资金&nbsp;1&#x4E07;元</p>&lt;b&gt;加粗&lt;/b&gt;";
  Cleaned c = clean(in);
  // A tag written as references is text: it is not read again once decoded.
  BOOST_TEST(c.text == "资金 1万元\n<b>加粗</b>");
  BOOST_TEST(c.html_references == 6u);
  BOOST_TEST(c.markup_removed == 2u);
  size_t at = c.text.find("万");
  BOOST_TEST(source_of(c, in, at, at + 3) == "&#x4E07;");
  // A pinyin note after a tag still follows its Han character.
  BOOST_TEST(clean("協<b>(xié)</b>作").text == "協作");
}

BOOST_AUTO_TEST_CASE(markup_offsets_point_at_the_input) {
  std::string in = "<div class=\"a\"><p>贫困人口减少<b>1.2万人</b></p><p>资金&amp;3亿元</p></div>";
  Cleaned c = clean(in);
  BOOST_TEST(c.text == "贫困人口减少1.2万人\n资金&3亿元\n");
  check_map_inside(c, in);
  const size_t at = c.text.find("1.2万人");
  BOOST_TEST(source_of(c, in, at, at + std::string("1.2万人").size()) == "1.2万人");
  const size_t money = c.text.find("3亿元");
  BOOST_TEST(source_of(c, in, money, money + 7) == "3亿元");
  // A tag's line end maps to the tag.
  const size_t nl = c.text.find('\n');
  BOOST_TEST(source_of(c, in, nl, nl + 1) == "</p>");
  // The whole text maps to the whole input but for the leading tags and
  // the trailing </div>, which left nothing.
  const Range all = c.map.to_input({0, static_cast<uint32_t>(c.text.size())});
  BOOST_TEST(in.substr(all.begin, all.size()).starts_with("贫困"));
  BOOST_TEST(in.substr(all.begin, all.size()).ends_with("3亿元</p>"));
}

BOOST_AUTO_TEST_CASE(markup_option_off_keeps_tags) {
  NormalizeOptions off;
  off.strip_markup = false;
  const std::string in = "<p>贫困人口<b>1.2万人</b></p><script>x</script>&amp;";
  Cleaned c = clean_text(in, off);
  BOOST_TEST(c.text == "<p>贫困人口<b>1.2万人</b></p><script>x</script>&");
  BOOST_TEST(c.markup_removed == 0u);
  BOOST_TEST(clean(in).markup_removed == 5u);
}

BOOST_AUTO_TEST_CASE(markup_owned_and_borrowed_inputs_agree) {
  std::string in = "<p>協(xié)作</p>\r\n<b>２０％</b>&amp;<br/>　尾\u200B<script>a</script>";
  Cleaned a = clean(in);
  Cleaned b = clean_text(std::string(in), NormalizeOptions{});
  BOOST_TEST(a.text == b.text);
  BOOST_TEST(a.text == "協作\n20%&\n 尾");
  for (size_t i = 0; i < a.text.size(); ++i)
    BOOST_TEST((a.map.to_input({uint32_t(i), uint32_t(i + 1)}) == b.map.to_input({uint32_t(i), uint32_t(i + 1)})));
}

// Lines are measured as shown: a wrapped page whose lines each carry
// markup (a PDF converted to HTML, a <p> a line), zero-width characters or
// a reference is joined as the page without them, and the block tags at a
// joined wrap leave no line end of their own.
BOOST_AUTO_TEST_CASE(soft_wraps_are_measured_as_shown) {
  const std::string page = "某州关于脱贫攻坚工作情况的报告\n" + wrap_fixed_width(p1, 56) + "\u3000\u3000一、资金投入\n" +
                           wrap_fixed_width(p2, 56);
  const Cleaned plain = clean(page);
  BOOST_REQUIRE(plain.wraps_joined >= 4u);
  // Each line dressed: `dress(line)`.
  auto dressed = [&](auto dress) {
    std::string out;
    for (size_t begin = 0; begin < page.size();) {
      const size_t lf = page.find('\n', begin);
      out += dress(page.substr(begin, lf - begin)) + "\n";
      begin = lf + 1;
    }
    return out;
  };
  const std::string html = dressed([](const std::string& l) { return "<p class=\"line\">" + l + "</p>"; });
  const std::string zero_width = dressed([](std::string l) {
    for (size_t at = 0; (at = l.find("，", at)) != std::string::npos; at += 6) l.insert(at + 3, "\u200B");
    return l + "\u200B";
  });
  const std::string reference = dressed([](std::string l) {
    for (size_t at = 0; (at = l.find("年", at)) != std::string::npos;) l.replace(at, 3, "&#24180;");
    return l;
  });
  for (const auto& [name, text] : {std::pair{"html", html}, {"zero-width", zero_width}, {"reference", reference}}) {
    BOOST_TEST_CONTEXT(name) {
      const Cleaned c = clean(text);
      BOOST_TEST(c.wraps_joined == plain.wraps_joined);
      BOOST_TEST(c.text == plain.text);
      check_map_inside(c, text);
    }
  }
}

// Soft wraps are found in the input; those inside removed markup (a
// script's body spans lines) go with it and are not joined a second time.
BOOST_AUTO_TEST_CASE(markup_spanning_soft_wraps) {
  const std::string page =
      "某州关于脱贫攻坚工作情况的报告\n<script>\n" + wrap_fixed_width(p1, 56) + "</script>\n" + wrap_fixed_width(p2, 56);
  Cleaned c = clean(page);
  std::string want2 = "  ";
  for (char32_t ch : p2) utf8::append(want2, ch);
  BOOST_TEST(c.markup_removed == 1u);
  BOOST_TEST(c.wraps_joined >= 2u);
  BOOST_TEST(c.text == "某州关于脱贫攻坚工作情况的报告\n\n" + want2 + "\n");
  check_map_inside(c, page);
}
