// Unit tests of repair_mojibake() on constructed damage, one suite per kind,
// and on clean text that must come through unchanged. The damage is made with
// ICU's converters (mojibake_maker.h); the sentences are written for these
// tests.
#define BOOST_TEST_MODULE repairer
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "dev_articles.h"
#include "mojibake_cases.h"
#include "mojibake_maker.h"
#include "repair/damage_scan.h"
#include "repair/rare_words.h"
#include "repair/repairer.h"

namespace aidtext {
// For Boost.Test messages.
inline std::ostream& operator<<(std::ostream& os, const Range& r) {
  return os << '[' << r.begin << ',' << r.end << ')';
}
}  // namespace aidtext

namespace {

using aidtext::Repaired;
using aidtext::repair_mojibake;
namespace mk = aidtext::testing;

const std::vector<std::string> kSimplified = {
    "今年全县农村居民人均可支配收入增长百分之九，贫困发生率降至零点五。",
    "扶贫车间吸纳了三百多名群众就近就业，带动家庭稳定增收。",
    "合作社通过订单农业帮助农户销售土豆和中药材。",
    "镇政府组织干部深入农村开展产业扶贫工作。",
};
const std::vector<std::string> kTraditional = {
    "縣政府組織幹部深入農村開展產業扶貧工作。",
    "合作社幫助農戶銷售馬鈴薯和中藥材。",
};

// The map must cover the output and point inside the input.
void check_map(const Repaired& r, std::string_view input) {
  BOOST_TEST(r.map.output_size() == r.text.size());
  BOOST_TEST(r.map.input_size() == input.size());
  for (uint32_t i = 0; i < r.text.size(); ++i) {
    aidtext::Range in = r.map.to_input({i, i + 1});
    BOOST_TEST(in.end <= input.size());
  }
}

void check_exact(const std::string& original, const std::string& garbled, const char* kind_prefix) {
  BOOST_TEST_CONTEXT("garbled: " << garbled) {
    BOOST_REQUIRE(garbled != original);
    Repaired r = repair_mojibake(garbled);
    BOOST_TEST(r.text == original);
    BOOST_REQUIRE(!r.repairs.empty());
    for (const auto& rep : r.repairs) {
      BOOST_TEST(rep.repaired);
      BOOST_TEST(rep.kind.rfind(kind_prefix, 0) == 0, rep.kind << " starts with " << kind_prefix);
      BOOST_TEST(rep.guessed_chars == 0u);
      BOOST_TEST(rep.confidence > 0.0);
      BOOST_TEST(rep.confidence <= 1.0);
      BOOST_TEST(rep.input.end <= garbled.size());
      BOOST_TEST(rep.output.end <= r.text.size());
      // A repaired span maps as a block to its input span.
      BOOST_TEST(r.map.to_input(rep.output) == rep.input);
    }
    check_map(r, garbled);
  }
}

BOOST_AUTO_TEST_SUITE(clean_text)

BOOST_AUTO_TEST_CASE(passes_through_unchanged) {
  const std::vector<std::string> clean = {
      kSimplified[0], kTraditional[0],
      "新华社北京5月20日电（记者 王明）According to the report, GDP rose 6.5% in Q1.",
      "气温为25°C，误差±0.5°C，面积3×4平方米，价格¥120，浓度5µg/m²。",
      "Café au lait 和 crème brûlée 在菜单上，Müller 先生点了½杯。",
      "他说：“我们一定要把日子越过越红火！”——这就是他的心愿……",
      "《扶贫开发工作》第Ａ版、第Ｂ版；联系方式：见附件？",
      "程序员常说的锟斤拷是一个乱码的例子。",
      "苏轼写过一首浣溪沙，溪水涓涓流淌。",
      "你去吗?我明天去县城办事。",
      "",
      "plain ASCII text only, with a question? and 100% numbers.",
  };
  for (const std::string& s : clean) {
    BOOST_TEST_CONTEXT(s) {
      Repaired r = repair_mojibake(s);
      BOOST_TEST(r.text == s);
      BOOST_TEST(r.map.is_identity());
      for (const auto& rep : r.repairs) BOOST_TEST(!rep.repaired);
    }
  }
}

BOOST_AUTO_TEST_CASE(one_real_word_of_mojibake_letters_is_not_flagged) {
  Repaired r = repair_mojibake("程序员常说的锟斤拷是一个乱码的例子。");
  BOOST_TEST(r.repairs.empty());
}

// Simplified text saved as Big5 by software that writes '?' for each
// character Big5 lacks: the holes are lost characters, not lost bytes, and
// the characters between them are the text's own. It looks like GBK read
// one byte off with '?' holes, whose reading "repaired" the characters
// around the holes into others (甘?省 -> 指数省).
BOOST_AUTO_TEST_CASE(question_marks_for_characters_an_encoding_lacks_are_left_alone) {
  std::string joined;
  for (const std::string& s : kSimplified) joined += s;
  const std::vector<std::string> texts = {
      joined,
      "近年来，全县坚持把脱贫攻坚作为头等大事，统筹整合涉农资金三亿两千万元，实施产业发展、易地扶贫搬迁、"
      "农村危房改造等项目一百二十个。全县建档立卡贫困户一万两千户四万五千人全部脱贫，贫困村八十个全部退出，"
      "贫困发生率由二〇一四年的百分之二十三点五降至零。县委书记说，巩固拓展脱贫攻坚成果同乡村振兴有效衔接，"
      "关键在于发展产业、稳定就业，让群众的钱袋子鼓起来。",
  };
  for (const std::string& text : texts) {
    const std::string saved = mk::saved_lossy(text, "Big5");
    BOOST_TEST_CONTEXT("saved: " << saved) {
      BOOST_REQUIRE(std::count(saved.begin(), saved.end(), '?') >= 10);
      Repaired r = repair_mojibake(saved);
      BOOST_TEST(r.text == saved);
      for (const auto& rep : r.repairs) BOOST_TEST(!rep.repaired, rep.kind << " at " << rep.output);
    }
  }
}

// `s` as the repairer's window of characters.
std::vector<aidtext::repair::WindowChar> window_of(const std::string& s) {
  std::vector<aidtext::repair::WindowChar> out;
  for (uint32_t i = 0; i < s.size();) {
    int len;
    const char32_t c = aidtext::utf8::decode(s, i, &len);
    out.push_back({i, i + static_cast<uint32_t>(len), c});
    i += static_cast<uint32_t>(len);
  }
  return out;
}

// A list of counties with rare characters raises a rare run, as debris
// does; but its rare characters make words with their neighbours (盱眙,
// 岢岚), which debris does not, and it is not decoded.
BOOST_AUTO_TEST_CASE(rare_names_read_as_words_and_debris_does_not) {
  const std::string names =
      "江苏省盱眙县、睢宁县、邳州市、郯城县，山东省莒县、鄄城县、茌平县，山西省隰县、岢岚县、芮城县。";
  BOOST_TEST(!aidtext::repair::find_suspect_windows(names).empty());  // the scan sees a rare run
  BOOST_TEST(aidtext::repair::rare_chars_read_as_words(window_of(names)));
  Repaired r = repair_mojibake(names);
  BOOST_TEST(r.text == names);
  BOOST_TEST(r.repairs.empty());
  // The same read as GBK: debris, repaired.
  const std::string debris = mk::decode(names, "GBK");
  BOOST_TEST(!aidtext::repair::rare_chars_read_as_words(window_of(debris)));
  BOOST_TEST(mk::char_agreement(repair_mojibake(debris).text, names) >= 0.8);
}

// A web font's icons (private use) in a page's clean text are left alone
// and not decoded: the text around them reads as words. Big5 read as
// GB18030, which also makes private use, does not.
BOOST_AUTO_TEST_CASE(icons_in_clean_text_read_as_words) {
  const std::string text =
      "\uE600 联系电话：0931-8888888 \uE61A 地址：甘肃省定西市渭源县\n"
      "近年来，全县坚持把脱贫攻坚作为头等大事，统筹整合涉农资金，实施产业发展、易地扶贫搬迁、农村危房改造等项目。"
      "\uE7FF 全县建档立卡贫困户全部脱贫，贫困村全部退出。\uE61A 县委书记说，巩固拓展脱贫攻坚成果同乡村振兴有效衔接。";
  BOOST_TEST(aidtext::repair::han_text_reads_as_words(window_of(text)));
  Repaired r = repair_mojibake(text);
  BOOST_TEST(r.text == text);
  for (const auto& rep : r.repairs) BOOST_TEST(!rep.repaired, rep.kind << " at " << rep.output);
  const std::string damaged = mk::decode(mk::encode(kTraditional[0] + kTraditional[1], "Big5"), "gb18030");
  BOOST_TEST(!aidtext::repair::han_text_reads_as_words(window_of(damaged)), damaged);
}

// Question marks typed as ASCII '?' in Chinese text (吗?) are no holes.
BOOST_AUTO_TEST_CASE(question_marks_typed_as_ascii_are_left_alone) {
  const std::string text =
      "记者问：今年的脱贫任务能完成吗?县长回答说，全县还有八百户没有脱贫，我们有信心完成吗?当然有。"
      "为什么这么说?因为产业已经发展起来了，群众的收入稳定增长。还有什么困难?资金和人才仍然不足。";
  Repaired r = repair_mojibake(text);
  BOOST_TEST(r.text == text);
  for (const auto& rep : r.repairs) BOOST_TEST(!rep.repaired, rep.kind << " at " << rep.output);
}

// The same of the dev articles that have no damage of their own: about one
// character in eight a hole. Nothing is "repaired", and what the copy
// keeps comes back as it was. Skipped without ../shared.
BOOST_AUTO_TEST_CASE(dev_articles_saved_as_big5_with_question_marks_keep_their_characters,
                     *boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
                       return boost::unit_test::assertion_result(std::filesystem::exists(mk::kDevArticles));
                     })) {
  for (const char* name : {"000_", "002_", "004_"}) {
    const std::string article = mk::read_dev_article(name);
    BOOST_REQUIRE(!article.empty());
    const std::string saved = mk::saved_lossy(article, "Big5");
    BOOST_TEST_CONTEXT(name) {
      Repaired r = repair_mojibake(saved);
      const double kept = mk::char_agreement(r.text, saved);
      BOOST_TEST(kept >= 0.995, "characters kept " << kept);
      for (const auto& rep : r.repairs) BOOST_TEST(!rep.repaired, rep.kind << " at " << rep.output);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(reversible)

BOOST_AUTO_TEST_CASE(utf8_read_as_latin1) {
  for (const std::string& s : kSimplified) check_exact(s, mk::latin1(s), "utf8-as-latin1");
}

BOOST_AUTO_TEST_CASE(utf8_read_as_sloppy_cp1252) {
  for (const std::string& s : kSimplified) check_exact(s, mk::sloppy_cp1252(s), "utf8-as-");
}

BOOST_AUTO_TEST_CASE(utf8_read_as_latin1_twice) {
  for (const std::string& s : kSimplified) check_exact(s, mk::latin1(mk::latin1(s)), "utf8-double");
}

BOOST_AUTO_TEST_CASE(utf8_read_as_cp1252_twice) {
  for (const std::string& s : kSimplified)
    check_exact(s, mk::sloppy_cp1252(mk::sloppy_cp1252(s)), "utf8-double");
}

// Damage longer than a window's limit is decoded in pieces
// (repair::kMaxWindowChars), cut where no character's bytes can be split.
BOOST_AUTO_TEST_CASE(whole_text_read_as_latin1_twice_in_pieces) {
  std::string text;
  // One line (a window spans a line at most), a space between sentences.
  for (int i = 0; text.size() < 4000; ++i) text += kSimplified[static_cast<size_t>(i) % kSimplified.size()] + " ";
  const std::string garbled = mk::latin1(mk::latin1(text));
  const auto chars = std::count_if(garbled.begin(), garbled.end(),
                                   [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  BOOST_REQUIRE(chars > 2 * 1024);  // three pieces at least
  Repaired r = repair_mojibake(garbled);
  BOOST_TEST(r.text == text);
  check_map(r, garbled);
}

// One character of U+0080..U+00FF written in UTF-8 and read as Latin-1 is
// Â or Ã and a symbol: too little for the language model's margin, but no
// clean text writes it outside Latin words.
BOOST_AUTO_TEST_CASE(a_lone_no_break_space_or_middle_dot_read_as_latin1) {
  // (clean text before, the character, clean text after)
  const std::vector<std::array<std::string, 3>> cases = {
      {"会议于21.11.2015", "\u00A0", "20:04在张掖举行。"},
      {"约翰", "·", "史密斯先生来访。"},
  };
  for (const auto& [head, ch, tail] : cases) {
    const std::string garbled = head + mk::latin1(ch) + tail;
    BOOST_TEST_CONTEXT(garbled) {
      Repaired r = repair_mojibake(garbled);
      BOOST_TEST(r.text == head + ch + tail);
      BOOST_REQUIRE(r.repairs.size() == 1u);
      BOOST_TEST(r.repairs[0].kind == "utf8-as-latin1");
      BOOST_TEST(r.repairs[0].input == (aidtext::Range{static_cast<uint32_t>(head.size()),
                                                       static_cast<uint32_t>(head.size() + 4)}));
      check_map(r, garbled);
    }
  }
  // Inside a Latin word the decoder keeps it.
  const std::string latin = "城堡名为CH" + mk::latin1("\u00A0") + "TEAU。";
  BOOST_TEST(repair_mojibake(latin).text == latin);
}

BOOST_AUTO_TEST_CASE(only_the_tail_of_a_line_damaged) {
  for (const std::string& s : kSimplified) {
    size_t cut = 0;
    for (int chars = 0; chars < 8; ++chars) cut += static_cast<size_t>(aidtext::utf8::sequence_length(s[cut]));
    const std::string garbled = s.substr(0, cut) + mk::sloppy_cp1252(s.substr(cut));
    Repaired r = repair_mojibake(garbled);
    BOOST_TEST(r.text == s);
    BOOST_REQUIRE(r.repairs.size() == 1u);
    BOOST_TEST(r.repairs[0].input.begin == cut);  // the clean head is not part of the repair
    BOOST_TEST(r.map.to_input({0, static_cast<uint32_t>(cut)}) == (aidtext::Range{0, static_cast<uint32_t>(cut)}));
  }
}

BOOST_AUTO_TEST_CASE(gbk_read_as_latin1) {
  for (const std::string& s : kSimplified) check_exact(s, mk::latin1(mk::encode(s, "GBK")), "gbk-as-latin1");
}

BOOST_AUTO_TEST_CASE(big5_read_as_gb18030) {
  for (const std::string& s : kTraditional)
    check_exact(s, mk::decode(mk::encode(s, "Big5"), "gb18030"), "big5-as-gb18030");
}

BOOST_AUTO_TEST_CASE(gbk_read_as_big5_where_nothing_was_lost) {
  int tested = 0;
  for (const std::string& s : kSimplified) {
    std::string garbled = mk::decode(mk::encode(s, "GBK"), "Big5");
    if (garbled.find("\xEF\xBF\xBD") != std::string::npos) continue;  // lossy: not this test
    check_exact(s, garbled, "gbk-as-big5");
    ++tested;
  }
  for (const std::string& s : {std::string("组织干部开展工作。"), std::string("我们一起努力。")}) {
    std::string garbled = mk::decode(mk::encode(s, "GBK"), "Big5");
    if (garbled.find("\xEF\xBF\xBD") != std::string::npos) continue;
    check_exact(s, garbled, "gbk-as-big5");
    ++tested;
  }
  BOOST_TEST(tested >= 1);
}

BOOST_AUTO_TEST_CASE(damage_inside_clean_text_keeps_offsets_exact) {
  const std::string head = "第一段是干净的文字。\n";
  const std::string tail = "\n最后一段也是干净的。";
  const std::string garbled = head + mk::latin1(kSimplified[1]) + tail;
  Repaired r = repair_mojibake(garbled);
  BOOST_TEST(r.text == head + kSimplified[1] + tail);
  BOOST_REQUIRE(r.repairs.size() == 1u);
  const auto& rep = r.repairs[0];
  BOOST_TEST(rep.input.begin == head.size());
  BOOST_TEST(rep.input.end == garbled.size() - tail.size());
  BOOST_TEST(rep.output.begin == head.size());
  BOOST_TEST(rep.output.end == r.text.size() - tail.size());
  // Clean bytes map byte for byte, before and after the repair.
  const uint32_t n = static_cast<uint32_t>(r.text.size());
  const uint32_t m = static_cast<uint32_t>(garbled.size());
  BOOST_TEST(r.map.to_input({3, 6}) == (aidtext::Range{3, 6}));
  BOOST_TEST(r.map.to_input({n - 3, n}) == (aidtext::Range{m - 3, m}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lossy)

// At least `floor` of the characters recovered, and the guesses reported.
void check_lossy(const std::string& original, const std::string& garbled, double floor) {
  BOOST_TEST_CONTEXT("garbled: " << garbled) {
    Repaired r = repair_mojibake(garbled);
    const double agree = mk::char_agreement(mk::fold_width(r.text), mk::fold_width(original));
    BOOST_TEST(agree >= floor, "agreement " << agree << " got " << r.text);
    BOOST_TEST(agree > mk::char_agreement(garbled, original));
    BOOST_REQUIRE(!r.repairs.empty());
    uint32_t guessed = 0;
    for (const auto& rep : r.repairs) guessed += rep.guessed_chars;
    BOOST_TEST(guessed > 0u);
    check_map(r, garbled);
  }
}

BOOST_AUTO_TEST_CASE(utf8_read_as_gbk_with_replacement) {
  for (const std::string& s : kSimplified) check_lossy(s, mk::decode(s, "GBK"), 0.8);
}

BOOST_AUTO_TEST_CASE(utf8_read_as_gbk_dropping_bad_bytes) {
  for (const std::string& s : kSimplified) check_lossy(s, mk::decode(s, "GBK", /*drop_errors=*/true), 0.75);
}

BOOST_AUTO_TEST_CASE(gbk_shifted_by_one_byte_with_question_marks) {
  for (const std::string& s : kSimplified) {
    // Drop the lead byte of the third character (all are two-byte here).
    // A floor per sentence; the peer suite checks the 85% average over 40.
    check_lossy(s, mk::misaligned_gbk(s, 4), 0.7);
  }
}

BOOST_AUTO_TEST_CASE(big5_read_as_gbk) {
  for (const std::string& s : kTraditional) {
    std::string garbled = mk::decode(mk::encode(s, "Big5"), "GBK");
    Repaired r = repair_mojibake(garbled);
    BOOST_TEST(mk::char_agreement(r.text, s) >= 0.8, r.text);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(unrecoverable)

BOOST_AUTO_TEST_CASE(gbk_read_as_utf8_is_flagged_not_invented) {
  for (const std::string& s : kSimplified) {
    std::string garbled;
    std::string bytes = mk::encode(s, "GBK");
    for (size_t i = 0; i < bytes.size(); ++i) {  // what a UTF-8 decoder with replacement leaves
      if (static_cast<unsigned char>(bytes[i]) < 0x80) garbled.push_back(bytes[i]);
      else garbled += "\xEF\xBF\xBD";
    }
    Repaired r = repair_mojibake(garbled);
    BOOST_TEST(r.text == garbled);
    BOOST_REQUIRE(!r.repairs.empty());
    for (const auto& rep : r.repairs) {
      BOOST_TEST(!rep.repaired);
      BOOST_TEST(rep.kind == "unrecoverable");
    }
  }
}

// The dev articles in GBK read as UTF-8 by a decoder that replaces what it
// cannot read: about one character in ten comes out as some letter or
// character by chance, which the double-byte readings took for bytes to
// build on (GBK read as Big5 "repaired" 002 and 003 into 鸡(ch国n)业(y一)).
// None is invented. Skipped without ../shared.
BOOST_AUTO_TEST_CASE(articles_of_gbk_read_as_utf8_are_flagged_not_invented,
                     *boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
                       return boost::unit_test::assertion_result(std::filesystem::exists(mk::kDevArticles));
                     })) {
  for (const char* name : {"000_", "001_", "002_", "003_", "004_"}) {
    const std::string article = mk::read_dev_article(name);
    BOOST_REQUIRE(!article.empty());
    const std::string garbled = mk::decode(mk::encode(article, "GB18030"), "UTF-8");
    BOOST_TEST_CONTEXT(name) {
      Repaired r = repair_mojibake(garbled);
      BOOST_TEST(r.text == garbled);
      BOOST_REQUIRE(!r.repairs.empty());
      for (const auto& rep : r.repairs) BOOST_TEST(!rep.repaired, rep.kind << " at " << rep.output);
    }
  }
}

// Clean text where a decoder replaced a few bad bytes: one, two or three
// U+FFFD in a row stand for characters lost, which no reading recovers.
// They stay (runs of them flagged), neither guessed from context (�� -> 他)
// nor read together with the characters beside them (�截 -> 群I).
BOOST_AUTO_TEST_CASE(replaced_characters_in_clean_text_are_flagged_not_guessed) {
  const std::string paragraph =
      "近年来，全县坚持把脱贫攻坚作为头等大事，统筹整合涉农资金三亿两千万元，实施产业发展、易地扶贫搬迁、"
      "农村危房改造等项目一百二十个。全县建档立卡贫困户一万两千户四万五千人全部脱贫，贫困村八十个全部退出。"
      "县委书记说，巩固拓展脱贫攻坚成果同乡村振兴有效衔接，关键在于发展产业、稳定就业，让群众的钱袋子鼓起来。";
  for (const char* hole : {"\uFFFD", "\uFFFD\uFFFD", "\uFFFD\uFFFD\uFFFD"}) {
    // A hole after every 19th character.
    std::string text;
    int n = 0;
    for (size_t i = 0; i < paragraph.size();) {
      int len;
      aidtext::utf8::decode(paragraph, i, &len);
      text.append(paragraph, i, static_cast<size_t>(len));
      i += static_cast<size_t>(len);
      if (++n % 19 == 0) text += hole;
    }
    BOOST_TEST_CONTEXT("text: " << text) {
      Repaired r = repair_mojibake(text);
      BOOST_TEST(r.text == text);
      for (const auto& rep : r.repairs) {  // runs of them are flagged (unrecoverable.h)
        BOOST_TEST(!rep.repaired, rep.kind << " at " << rep.output);
        BOOST_TEST(rep.kind == "unrecoverable");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(runs_of_gbk_read_fffd_are_flagged) {
  const std::string s = "扶贫锟斤拷锟斤拷工作锟斤拷取得锟斤拷成效";
  Repaired r = repair_mojibake(s);
  BOOST_TEST(r.text == s);
  BOOST_REQUIRE(!r.repairs.empty());
  BOOST_TEST(!r.repairs[0].repaired);
  BOOST_TEST(r.repairs[0].kind == "unrecoverable");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(hostile_input_terminates_with_a_consistent_map) {
  // Random mixtures of the characters every detector looks at.
  const std::vector<char32_t> alphabet = {'?', 'a', '1', ' ', '\n', 0xC3, 0xA9, 0x81, 0x9D, 0x2019, 0x20AC,
                                          0xFFFD, 0xE000, 0xF8FF, U'锟', U'斤', U'拷', U'的', U'鏈', U'娆',
                                          U'們', 0x1F600, U'，', 0xFF01};
  std::mt19937 rng(12345);
  for (int round = 0; round < 200; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 300);
    for (int i = 0; i < n; ++i) aidtext::utf8::append(s, alphabet[rng() % alphabet.size()]);
    if (round % 7 == 0 && !s.empty()) s[rng() % s.size()] = static_cast<char>(0xFF);  // invalid UTF-8
    Repaired r = repair_mojibake(s);
    check_map(r, s);
    for (const auto& rep : r.repairs) {
      BOOST_TEST(rep.input.begin <= rep.input.end);
      BOOST_TEST(rep.output.end <= r.text.size());
    }
  }
}

}  // namespace
