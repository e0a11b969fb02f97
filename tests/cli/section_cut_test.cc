// The CLI's cutting of a large document into sections (section_cut) and the
// moving of a section's record offsets to the document's (record_offsets).
#define BOOST_TEST_MODULE section_cut
#include <boost/test/unit_test.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "record_offsets.h"
#include "section_cut.h"

using aidtext::cli::ByteLayout;
using aidtext::cli::csv_column;
using aidtext::cli::guess_layout;
using aidtext::cli::section_cut;
using aidtext::cli::shift_csv_offsets;
using aidtext::cli::shift_json_offsets;

namespace {

// Random text as characters of one encoding, with where each one ends.
struct Text {
  std::string bytes;
  std::set<size_t> ends;  // offsets after a whole character
  void add(std::string c) {
    bytes += c;
    ends.insert(bytes.size());
  }
};

std::string bytes_of(std::initializer_list<int> b) {
  std::string s;
  for (int c : b) s.push_back(static_cast<char>(c));
  return s;
}

// GB18030 (one-, two- and four-byte characters), with ASCII letters,
// digits and punctuation among them, or none at all.
Text random_gb(std::mt19937& rng, size_t n, bool with_ascii) {
  Text t;
  const std::string ascii = "ab19,. \n(";
  while (t.bytes.size() < n) {
    const unsigned kind = rng() % 10;
    if (with_ascii && kind < 2) {
      t.add(std::string(1, ascii[rng() % ascii.size()]));
    } else if (kind == 2) {
      t.add(bytes_of({0x81 + int(rng() % 0x7E), 0x30 + int(rng() % 10), 0x81 + int(rng() % 0x7E), 0x30 + int(rng() % 10)}));
    } else {
      int trail = 0x40 + int(rng() % 0xBF);
      if (trail == 0x7F) trail = 0x80;
      t.add(bytes_of({0x81 + int(rng() % 0x7E), trail}));
    }
  }
  return t;
}

// Big5: leads 0x81-0xFE, trails 0x40-0x7E and 0xA1-0xFE (ASCII-looking trails).
Text random_big5(std::mt19937& rng, size_t n, bool with_ascii) {
  Text t;
  while (t.bytes.size() < n) {
    if (with_ascii && rng() % 6 == 0) {
      t.add(std::string(1, "x ,.;1"[rng() % 6]));
      continue;
    }
    const int trail = rng() % 2 ? 0x40 + int(rng() % 0x3F) : 0xA1 + int(rng() % 0x5E);
    t.add(bytes_of({0x81 + int(rng() % 0x7E), trail}));
  }
  return t;
}

std::string utf8_of(char32_t c) {
  std::string s;
  aidtext::utf8::append(s, c);
  return s;
}

Text random_utf8(std::mt19937& rng, size_t n, bool with_ascii) {
  Text t;
  const char32_t punct[] = {0x3002, 0xFF0C, 0x20AC, 0x1F600, 0xE9};
  while (t.bytes.size() < n) {
    const unsigned kind = rng() % 10;
    if (with_ascii && kind < 2) t.add(std::string(1, "a1,. "[rng() % 5]));
    else if (kind == 2) t.add(utf8_of(punct[rng() % 5]));
    else t.add(utf8_of(0x4E00 + rng() % 0x5000));
  }
  return t;
}

// UTF-16 with surrogate pairs; `le` the byte order.
Text random_utf16(std::mt19937& rng, size_t n, bool le) {
  Text t;
  auto unit = [&](unsigned u) {
    return le ? bytes_of({int(u & 0xFF), int(u >> 8)}) : bytes_of({int(u >> 8), int(u & 0xFF)});
  };
  while (t.bytes.size() < n) {
    const unsigned kind = rng() % 10;
    if (kind == 0) t.add(unit("a ,\n"[rng() % 4]));
    else if (kind == 1) t.add(unit(0xD800 + rng() % 0x400) + unit(0xDC00 + rng() % 0x400));
    else t.add(unit(0x4E00 + rng() % 0x5000));
  }
  return t;
}

void check_cuts(const Text& t, ByteLayout layout, size_t max_section, const char* what) {
  const size_t cut = section_cut(t.bytes, layout, max_section);
  BOOST_TEST_CONTEXT(what << ", " << t.bytes.size() << " bytes, sections of " << max_section) {
    BOOST_TEST(cut > 0u);
    BOOST_TEST(cut <= max_section);
    BOOST_TEST(t.ends.count(cut) == 1u, "cut at " << cut << " splits a character");
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_short_buffer_is_one_section) {
  BOOST_TEST(section_cut("abc", ByteLayout::kBytes, 1024) == 3u);
  BOOST_TEST(section_cut(std::string(1024, 'x'), ByteLayout::kBytes, 1024) == 1024u);
}

BOOST_AUTO_TEST_CASE(never_splits_a_character) {
  std::mt19937 rng(20);
  for (int round = 0; round < 400; ++round) {
    const size_t max_section = 16 + rng() % 200;
    const size_t n = max_section + 1 + rng() % 300;
    const bool ascii = round % 2 == 0;
    check_cuts(random_gb(rng, n, ascii), ByteLayout::kBytes, max_section, "GB18030");
    check_cuts(random_big5(rng, n, ascii), ByteLayout::kBytes, max_section, "Big5");
    check_cuts(random_utf8(rng, n, ascii), ByteLayout::kBytes, max_section, "UTF-8");
    check_cuts(random_utf16(rng, n, true), ByteLayout::kUtf16LE, max_section, "UTF-16LE");
    check_cuts(random_utf16(rng, n, false), ByteLayout::kUtf16BE, max_section, "UTF-16BE");
  }
}

BOOST_AUTO_TEST_CASE(prefers_line_ends_then_spaces_then_clause_ends) {
  const std::string line = std::string(600, 'a') + "\n" + std::string(300, 'b') + " " + std::string(50, 'c');
  BOOST_TEST(section_cut(line + std::string(500, 'd'), ByteLayout::kBytes, 1000) == 601u);
  const std::string spaced = std::string(600, 'a') + " " + std::string(300, 'b') + "," + std::string(500, 'c');
  BOOST_TEST(section_cut(spaced, ByteLayout::kBytes, 1000) == 601u);
  // UTF-8 with no ASCII break: after the last 。 in the second half.
  std::string zh;
  for (int i = 0; i < 120; ++i) zh += i == 100 ? "。" : "贫";
  BOOST_TEST(section_cut(zh, ByteLayout::kBytes, 330) == 101u * 3);
  // The same in GBK (贫 B6 AB, 。 A1 A3).
  std::string gbk;
  for (int i = 0; i < 120; ++i) gbk += i == 100 ? "\xA1\xA3" : "\xB6\xAB";
  BOOST_TEST(section_cut(gbk, ByteLayout::kBytes, 220) == 101u * 2);
}

// A lone space beside a Chinese character (截至 2019 年底, ， 比上年) is
// removed by the normalizer inside a text but kept at its edge: no cut
// beside one while there is another place to cut, in UTF-8, GBK and UTF-16.
BOOST_AUTO_TEST_CASE(no_cut_beside_a_space_the_normalizer_removes) {
  std::string zh;
  for (int i = 0; i < 120; ++i) zh += i % 10 == 9 ? "， " : i % 10 == 4 ? "贫 1" : "贫";
  for (size_t max : {100u, 200u, 330u, 377u}) {
    const size_t cut = section_cut(zh, ByteLayout::kBytes, max);
    BOOST_TEST_CONTEXT("max " << max) {
      BOOST_TEST(cut <= max);
      BOOST_TEST(zh[cut - 1] != ' ');
      BOOST_TEST(zh[cut] != ' ');
    }
  }
  // Spaces between ASCII words are still the cut before clause ends.
  const std::string words = std::string(600, 'a') + " " + std::string(100, 'b') + "，" + std::string(500, 'c');
  BOOST_TEST(section_cut(words, ByteLayout::kBytes, 1000) == 601u);
  // GBK (贫 B6 AB, ， A3 AC).
  std::string gbk;
  for (int i = 0; i < 120; ++i) gbk += i % 10 == 9 ? "\xA3\xAC " : "\xB6\xAB";
  const size_t g = section_cut(gbk, ByteLayout::kBytes, 221);
  BOOST_TEST(gbk[g - 1] != ' ');
  BOOST_TEST(gbk[g] != ' ');
  // UTF-16LE: 贫 (8D 2F), ， (FF0C) and a space, with no line end.
  std::string u16 = "\xFF\xFE";
  for (int i = 0; i < 120; ++i) u16 += i % 10 == 9 ? std::string("\x0C\xFF \0", 4) : std::string("\x2F\x8D", 2);
  const size_t u = section_cut(u16, ByteLayout::kUtf16LE, 200);
  BOOST_TEST(u % 2 == 0u);
  BOOST_TEST(u16.substr(u - 2, 2) != std::string(" \0", 2));
  BOOST_TEST(u16.substr(u, 2) != std::string(" \0", 2));
}

BOOST_AUTO_TEST_CASE(numbers_and_brackets_are_not_cut) {
  // 1,234 and 3.5: the comma and point inside numbers are no cut; the comma
  // after a word is.
  const std::string text = std::string(40, 'x') + "," + std::string(20, 'y') + "1,234.5" + std::string(60, 'z');
  const size_t cut = section_cut(text, ByteLayout::kBytes, 70);
  BOOST_TEST(cut == 41u);
  // 协(xié)作 with nothing else to cut at: never inside the brackets' text
  // by a bracket rule (the cut falls after a whole character).
  std::string pinyin;
  for (int i = 0; i < 30; ++i) pinyin += "协(xié)作";
  const size_t p = section_cut(pinyin, ByteLayout::kBytes, 100);
  BOOST_TEST(p <= 100u);
  BOOST_TEST((static_cast<unsigned char>(pinyin[p]) & 0xC0) != 0x80u);  // a UTF-8 boundary
}

BOOST_AUTO_TEST_CASE(layouts) {
  BOOST_TEST(int(guess_layout("\xFF\xFEx\0y\0z\0")) == int(ByteLayout::kUtf16LE));
  BOOST_TEST(int(guess_layout("\xFE\xFF\0x\0y")) == int(ByteLayout::kUtf16BE));
  std::mt19937 rng(3);
  BOOST_TEST(int(guess_layout(random_utf16(rng, 2000, true).bytes)) == int(ByteLayout::kUtf16LE));
  BOOST_TEST(int(guess_layout(random_utf16(rng, 2000, false).bytes)) == int(ByteLayout::kUtf16BE));
  std::string ascii16;
  for (char c : std::string("poverty fell to 9.05% in 2018, ")) ascii16 += std::string(1, c) + '\0';
  BOOST_TEST(int(guess_layout(ascii16)) == int(ByteLayout::kUtf16LE));
  BOOST_TEST(int(guess_layout(random_utf8(rng, 2000, true).bytes)) == int(ByteLayout::kBytes));
  BOOST_TEST(int(guess_layout(random_gb(rng, 2000, true).bytes)) == int(ByteLayout::kBytes));
  BOOST_TEST(int(guess_layout(random_big5(rng, 2000, false).bytes)) == int(ByteLayout::kBytes));
  BOOST_TEST(int(guess_layout("short")) == int(ByteLayout::kBytes));
}

BOOST_AUTO_TEST_CASE(json_offsets_move) {
  BOOST_TEST(shift_json_offsets(R"({"text":"2.89万人","start":12,"end":22,"value":28900})",
                                {{"start", 1000}, {"end", 1000}}) ==
             R"({"text":"2.89万人","start":1012,"end":1022,"value":28900})");
  // Keys inside strings, escaped quotes, nested arrays, negatives and decimals.
  BOOST_TEST(shift_json_offsets(R"({"sentence":"\"start\":5, \\","start":0,"x":{"start":7},"end":-1})",
                                {{"start", 10}, {"end", 10}}) ==
             R"({"sentence":"\"start\":5, \\","start":10,"x":{"start":7},"end":-1})");
  BOOST_TEST(shift_json_offsets(R"({"in_start":3,"out_start":4,"confidence":0.5,"guessed":[[4,10],[20,26]]})",
                                {{"in_start", 100}, {"out_start", 7}, {"guessed", 7}, {"confidence", 9}}) ==
             R"({"in_start":103,"out_start":11,"confidence":0.5,"guessed":[[11,17],[27,33]]})");
  BOOST_TEST(shift_json_offsets("{}", {{"start", 1}}) == "{}");
}

BOOST_AUTO_TEST_CASE(csv_offsets_move) {
  const std::string header = "metric,value,text,start,end,sentence\r\n";
  BOOST_TEST(csv_column(header, "start") == 3u);
  BOOST_TEST(csv_column(header, "end") == 4u);
  BOOST_TEST(csv_column(header, "missing") == SIZE_MAX);
  BOOST_TEST(shift_csv_offsets("aid_funds,6686,\"6,686万元\",40,52,\"句子, \"\"引\"\"\"\r\n", {{3, 100}, {4, 100}}) ==
             "aid_funds,6686,\"6,686万元\",140,152,\"句子, \"\"引\"\"\"\r\n");
  BOOST_TEST(shift_csv_offsets("a,,x,\r\n", {{1, 5}, {2, 5}, {3, 5}}) == "a,,x,\r\n");
}
