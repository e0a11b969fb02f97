// Paragraphs and sentences of normalized text.
#define BOOST_TEST_MODULE text_segmenter
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/utf8.h"
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

// segment(text, next_end) with a search that stops exactly at the enders
// (as the metric stage's CharIndex does) gives what segment(text) gives.
BOOST_AUTO_TEST_CASE(segment_with_a_search_for_enders_agrees) {
  const std::u32string_view enders = U"。！？；…!?;";
  for (std::string t : {std::string("2018年底贫困人口减至2.89万人。出列贫困村31个；剩余104个！真的？\n下一行没有句号"),
                        std::string("他说：“不获全胜决不收兵。”随后散会……好！？\n\n  第三段 ; 完\u3000"),
                        std::string("no enders at all\nA line! Another? Yes; done")}) {
    auto next_end = [&](size_t pos, size_t end) {
      while (pos < end) {
        int len = 1;
        const char32_t c = aidtext::utf8::decode(t, pos, &len);
        if (enders.find(c) != std::u32string_view::npos) return pos;
        pos += static_cast<size_t>(len);
      }
      return pos;
    };
    const aidtext::Segmentation a = segment(t), b = segment(t, next_end);
    BOOST_REQUIRE(a.sentences.size() == b.sentences.size());
    for (size_t i = 0; i < a.sentences.size(); ++i) {
      BOOST_TEST(a.sentences[i].range.begin == b.sentences[i].range.begin);
      BOOST_TEST(a.sentences[i].range.end == b.sentences[i].range.end);
      BOOST_TEST(a.sentences[i].paragraph == b.sentences[i].paragraph);
    }
  }
}
