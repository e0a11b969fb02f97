// Paragraphs and sentences of normalized text.
#define BOOST_TEST_MODULE text_segmenter
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "text/segmenter.h"

using aidtext::Range;
using aidtext::segment;
using aidtext::split_paragraphs;
using aidtext::split_sentences;

namespace {

std::vector<std::string> texts(std::string_view t, const std::vector<Range>& rs) {
  std::vector<std::string> out;
  for (Range r : rs) out.emplace_back(t.substr(r.begin, r.size()));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(sentences_end_after_enders_and_lines) {
  std::string t = "2018年底贫困人口减至2.89万人。出列贫困村31个；剩余104个！真的？\n下一行没有句号";
  auto s = texts(t, split_sentences(t));
  std::vector<std::string> want{"2018年底贫困人口减至2.89万人。", "出列贫困村31个；", "剩余104个！", "真的？",
                                "下一行没有句号"};
  BOOST_TEST(s == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(closing_quotes_stay_with_their_sentence) {
  std::string t = "他说：“不获全胜决不收兵。”随后散会。";
  auto s = texts(t, split_sentences(t));
  BOOST_REQUIRE(s.size() == 2u);
  BOOST_TEST(s[0] == "他说：“不获全胜决不收兵。”");
  BOOST_TEST(s[1] == "随后散会。");
}

BOOST_AUTO_TEST_CASE(spaces_are_trimmed_and_blank_lines_dropped) {
  std::string t = "  \xe3\x80\x80第一段。  \n\n \xc2\xa0 \n\t第二段;second. ok?  ";
  auto p = texts(t, split_paragraphs(t));
  BOOST_REQUIRE(p.size() == 2u);
  BOOST_TEST(p[0] == "第一段。");
  BOOST_TEST(p[1] == "第二段;second. ok?");
  auto s = texts(t, split_sentences(t));
  std::vector<std::string> want{"第一段。", "第二段;", "second. ok?"};
  BOOST_TEST(s == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sentences_know_their_paragraph) {
  std::string t = "甲。乙。\n丙。";
  auto seg = segment(t);
  BOOST_REQUIRE(seg.paragraphs.size() == 2u);
  BOOST_REQUIRE(seg.sentences.size() == 3u);
  BOOST_TEST(seg.sentences[1].paragraph == 0u);
  BOOST_TEST(seg.sentences[2].paragraph == 1u);
  BOOST_TEST(seg.sentence_at(static_cast<uint32_t>(t.find("乙"))) == 1);
  BOOST_TEST(seg.sentence_at(0) == 0);
}

BOOST_AUTO_TEST_CASE(empty_and_invalid_input) {
  BOOST_TEST(split_sentences("").empty());
  BOOST_TEST(split_paragraphs("\n\n").empty());
  std::string bad = "\xff\xfe\xe3\x80";  // invalid and truncated UTF-8
  auto s = split_sentences(bad);
  BOOST_REQUIRE(s.size() == 1u);
  BOOST_TEST(s[0].end <= bad.size());
  BOOST_TEST(segment("").sentence_at(5) == -1);
}
