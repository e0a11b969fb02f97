// The pair tables (encoding/pair_table.h) decode and score legacy text
// without ICU; every answer must be ICU's own. Each test compares the fast
// path with ICU alone (icu_decode_with_icu, detect_encoding_with_icu) on
// real articles in each encoding, cut at every byte near an end, and on
// random bytes chosen to hit every kind of sequence: pairs, unassigned and
// illegal pairs, GB18030's four-byte sequences, lone high bytes, UTF-16
// surrogates and odd lengths.
#define BOOST_TEST_MODULE pair_decode
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "encoding/decoder.h"
#include "encoding/detector.h"
#include "encoding/icu_decode.h"
#include "encoding/pair_decode.h"
#include "encoding/pair_table.h"
#include "encoding/utf16_decode.h"
#include "test_support.h"

using namespace aidtext;
using aidtext::testing::icu_encode;
using aidtext::testing::keep_representable;
using aidtext::testing::read_file;
using aidtext::testing::source_dir;

namespace {

// The converters with a table.
const char* const kConverters[] = {"GB18030", "GBK", "windows-950"};

bool fast(std::string_view bytes, const char* name) {
  const PairTable* t = PairTable::for_converter(name);
  return t && decode_pairs(bytes, *t).has_value();
}

// The articles bundled with the tests (UTF-8), a few kilobytes each.
std::vector<std::string> articles() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(source_dir() / "tests/metrics/articles")) {
    if (e.path().extension() != ".txt") continue;
    std::string text = read_file(e.path());
    if (utf8::valid(text)) out.push_back(std::move(text));
    if (out.size() == 12) break;
  }
  BOOST_REQUIRE(!out.empty());
  return out;
}

// Text with characters GBK lacks (four-byte GB18030), Latin letters with
// accents, a character outside the BMP and symbols.
const std::string kRareText = "脱贫攻坚 café Müller · € 𠀀 ① 《报告》 2019年";

// Random bytes: mostly high bytes and ASCII, with digits (GB18030's
// four-byte sequences), line ends, NULs and the surrogate range.
std::string random_bytes(std::mt19937& rng, size_t n) {
  static const unsigned char kSpecial[] = {0x30, 0x35, 0x39, 0x0A, 0x00, 0xD8, 0xDB, 0xDC, 0xDF,
                                           0x80, 0xFF, 0x7F, 0x40, 0xA1, 0xFE, 0x81, 0x84, 0x85, 0x90};
  std::string s(n, '\0');
  for (char& c : s) {
    const unsigned r = rng() % 10;
    if (r < 5) c = static_cast<char>(0x80 + rng() % 128);
    else if (r < 7) c = static_cast<char>(0x20 + rng() % 96);
    else c = static_cast<char>(kSpecial[rng() % sizeof kSpecial]);
  }
  return s;
}

void require_same(const IcuDecoded& a, const IcuDecoded& b, const std::string& what) {
  BOOST_TEST_CONTEXT(what) {
    BOOST_REQUIRE(a.ok == b.ok);
    BOOST_REQUIRE(a.text == b.text);
    BOOST_REQUIRE(a.invalid_sequences == b.invalid_sequences);
    BOOST_REQUIRE(a.map.input_size() == b.map.input_size());
    BOOST_REQUIRE(a.map.output_size() == b.map.output_size());
    const auto& pa = a.map.pieces();
    const auto& pb = b.map.pieces();
    BOOST_REQUIRE(pa.size() == pb.size());
    for (size_t k = 0; k < pa.size(); ++k) {
      BOOST_REQUIRE(pa[k].out_begin == pb[k].out_begin);
      BOOST_REQUIRE(pa[k].out_len == pb[k].out_len);
      BOOST_REQUIRE(pa[k].in_begin == pb[k].in_begin);
      BOOST_REQUIRE(pa[k].in_len == pb[k].in_len);
      BOOST_REQUIRE(pa[k].copy == pb[k].copy);
      BOOST_REQUIRE(pa[k].unit_out == pb[k].unit_out);
      BOOST_REQUIRE(pa[k].unit_in == pb[k].unit_in);
    }
  }
}

void require_same(const Detection& a, const Detection& b, const std::string& what) {
  BOOST_TEST_CONTEXT(what) {
    BOOST_REQUIRE(a.ranking.size() == b.ranking.size());
    for (size_t k = 0; k < a.ranking.size(); ++k) {
      BOOST_REQUIRE(std::string(a.ranking[k].label) == b.ranking[k].label);
      BOOST_REQUIRE(a.ranking[k].score == b.ranking[k].score);  // the same sums in the same order
      BOOST_REQUIRE(a.ranking[k].invalid == b.ranking[k].invalid);
      BOOST_REQUIRE(a.ranking[k].counted == b.ranking[k].counted);
    }
    BOOST_REQUIRE(a.confidence == b.confidence);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(tables_are_built_for_the_legacy_converters_only) {
  BOOST_TEST(PairTable::for_converter("GB18030") != nullptr);
  BOOST_TEST(PairTable::for_converter("windows-950") != nullptr);
  BOOST_TEST(PairTable::for_converter("GBK") != nullptr);
  BOOST_TEST(PairTable::for_converter("UTF-8") == nullptr);
  BOOST_TEST(PairTable::for_converter("Big5-HKSCS") == nullptr);
  BOOST_TEST(PairTable::for_converter(nullptr) == nullptr);
  // 中 is D6 D0 in GBK and GB18030; 中 is A4 A4 in Big5.
  BOOST_TEST(static_cast<uint32_t>(PairTable::for_converter("GB18030")->at(0xD6, 0xD0).code) == 0x4E2Du);
  BOOST_TEST(static_cast<uint32_t>(PairTable::for_converter("windows-950")->at(0xA4, 0xA4).code) == 0x4E2Du);
  // A high byte and a digit start a four-byte GB18030 sequence: not the table's.
  BOOST_TEST(PairTable::for_converter("GB18030")->at(0x81, 0x30).kind == PairTable::kGiveUp);
}

BOOST_AUTO_TEST_CASE(articles_decode_as_icu_decodes_them) {
  size_t fast = 0, compared = 0;
  for (const std::string& text : articles()) {
    for (const char* name : kConverters) {
      const std::string bytes = icu_encode(keep_representable(text, name), name);
      require_same(icu_decode(bytes, name, 7), icu_decode_with_icu(bytes, name, 7), name);
      fast += ::fast(bytes, name);
      ++compared;
      // Cut at each byte near either end: lone lead bytes, half pairs.
      for (size_t cut = 1; cut < 6 && cut < bytes.size(); ++cut) {
        const std::string head = bytes.substr(0, bytes.size() - cut), tail = bytes.substr(cut);
        require_same(icu_decode(head, name), icu_decode_with_icu(head, name), std::string(name) + " head");
        require_same(icu_decode(tail, name), icu_decode_with_icu(tail, name), std::string(name) + " tail");
      }
    }
  }
  // The tables decide whole articles, or the fast path would be moot.
  BOOST_TEST(fast * 10 >= compared * 9, fast << " of " << compared);
}

BOOST_AUTO_TEST_CASE(utf16_decodes_as_icu_decodes_it) {
  size_t fast = 0, compared = 0;
  for (const std::string& text : articles()) {
    for (const char* name : {"UTF-16LE", "UTF-16BE"}) {
      const std::string bytes = icu_encode(text + kRareText, name);
      require_same(icu_decode(bytes, name, 2), icu_decode_with_icu(bytes, name, 2), name);
      fast += decode_utf16(bytes, name[6] == 'B').has_value();
      ++compared;
      // Cut anywhere near either end: odd bytes, half a surrogate pair.
      for (size_t cut = 1; cut < 6; ++cut) {
        const std::string head = bytes.substr(0, bytes.size() - cut), tail = bytes.substr(cut);
        require_same(icu_decode(head, name), icu_decode_with_icu(head, name), std::string(name) + " head");
        require_same(icu_decode(tail, name), icu_decode_with_icu(tail, name), std::string(name) + " tail");
      }
    }
  }
  BOOST_TEST(fast == compared);
  std::mt19937 rng(16);
  for (int round = 0; round < 6000; ++round) {
    std::string bytes = random_bytes(rng, rng() % 64);
    for (const char* name : {"UTF-16LE", "UTF-16BE"})
      require_same(icu_decode(bytes, name), icu_decode_with_icu(bytes, name), std::string(name) + " random");
  }
}

BOOST_AUTO_TEST_CASE(rare_characters_decode_as_icu_decodes_them) {
  for (const char* name : kConverters) {
    const std::string bytes = icu_encode(keep_representable(kRareText, name), name);
    require_same(icu_decode(bytes, name), icu_decode_with_icu(bytes, name), name);
  }
  // GB18030 writes é, · and the no-break space in four bytes: the table
  // reads those of the BMP; 𠀀, outside it, is left to ICU.
  const std::string bmp_text = "café\u00A0Müller · 脱贫攻坚";
  const std::string gb_bmp = icu_encode(bmp_text, "GB18030");
  const std::optional<IcuDecoded> fast = decode_pairs(gb_bmp, *PairTable::for_converter("GB18030"));
  BOOST_REQUIRE(fast.has_value());
  BOOST_TEST(fast->text == bmp_text);
  require_same(*fast, icu_decode_with_icu(gb_bmp, "GB18030"), "four-byte BMP");
  const std::string gb = icu_encode(kRareText, "GB18030");
  BOOST_TEST(!decode_pairs(gb, *PairTable::for_converter("GB18030")).has_value());
  BOOST_TEST(icu_decode(gb, "GB18030").text == kRareText);
  // Every four-byte BMP sequence, each between ASCII letters.
  std::string all;
  for (int b1 = 0x81; b1 <= 0x84; ++b1)
    for (int b2 = 0x30; b2 <= 0x39; ++b2)
      for (int b3 = 0x81; b3 <= 0xFE; b3 += 5)
        for (int b4 = 0x30; b4 <= 0x39; b4 += 3) {
          all += {static_cast<char>(b1), static_cast<char>(b2), static_cast<char>(b3), static_cast<char>(b4)};
          all += 'x';
        }
  require_same(icu_decode(all, "GB18030"), icu_decode_with_icu(all, "GB18030"), "all four-byte BMP");
  require_same(detect_encoding(all), detect_encoding_with_icu(all), "all four-byte BMP detected");
}

BOOST_AUTO_TEST_CASE(random_bytes_decode_as_icu_decodes_them) {
  std::mt19937 rng(20261124);
  size_t fast = 0;
  for (int round = 0; round < 6000; ++round) {
    const std::string bytes = random_bytes(rng, rng() % 64);
    for (const char* name : kConverters) {
      require_same(icu_decode(bytes, name, 3), icu_decode_with_icu(bytes, name, 3),
                   std::string(name) + " round " + std::to_string(round));
      fast += ::fast(bytes, name);
    }
  }
  // Random bytes must take the fast path often enough to test it.
  BOOST_TEST(fast > 2000u, fast);
}

BOOST_AUTO_TEST_CASE(detection_scores_as_icu_scores) {
  std::mt19937 rng(7);
  for (const std::string& text : articles()) {
    for (const char* name : {"GB18030", "windows-950", "UTF-16LE", "UTF-16BE"}) {
      const std::string bytes = icu_encode(keep_representable(text, name), name);
      for (size_t cut = 0; cut < 4 && cut < bytes.size(); ++cut) {
        const std::string head = bytes.substr(0, bytes.size() - cut), tail = bytes.substr(cut);
        require_same(detect_encoding(head), detect_encoding_with_icu(head), std::string(name) + " head");
        require_same(detect_encoding(tail), detect_encoding_with_icu(tail), std::string(name) + " tail");
      }
    }
  }
  for (int round = 0; round < 4000; ++round) {
    const std::string bytes = random_bytes(rng, rng() % 80);
    require_same(detect_encoding(bytes), detect_encoding_with_icu(bytes), "round " + std::to_string(round));
  }
}

BOOST_AUTO_TEST_CASE(detection_of_a_long_input_scores_its_sample_as_icu_does) {
  // Past kDetectionSampleBytes the sample is cut wherever it falls: in a
  // pair, in a surrogate pair, after an odd byte.
  std::mt19937 rng(11);
  std::string text;
  for (const std::string& a : articles()) text += a;
  while (text.size() < kDetectionSampleBytes * 2) text += text;
  for (const char* name : {"GB18030", "windows-950", "UTF-16LE", "UTF-16BE"}) {
    const std::string bytes = icu_encode(keep_representable(text, name), name);
    for (int k = 0; k < 6; ++k) {
      const std::string from = bytes.substr(rng() % 16);
      require_same(detect_encoding(from), detect_encoding_with_icu(from), name);
      // The legacy ones are settled by their first kilobyte (cut there),
      // unless a bad byte near the start sends them to the whole sample.
      const std::string damaged = "\x81 " + from;
      require_same(detect_encoding(damaged), detect_encoding_with_icu(damaged), std::string(name) + " damaged");
    }
  }
  std::string noise = random_bytes(rng, kDetectionSampleBytes + 100);
  for (int k = 0; k < 8; ++k) {
    noise[kDetectionSampleBytes - 1 - rng() % 3] = static_cast<char>(0x81 + rng() % 100);
    require_same(detect_encoding(noise), detect_encoding_with_icu(noise), "noise");
  }
}

BOOST_AUTO_TEST_CASE(utf8_cut_at_either_end_is_utf8) {
  const std::string text = articles().front();
  for (size_t cut = 1; cut < 4; ++cut) {
    const std::string head = text.substr(0, text.size() - 40 - cut);
    const std::string tail = text.substr(40 + cut);
    for (const std::string& bytes : {head, tail, text.substr(1 + cut, text.size() - 50)}) {
      const Decoded d = decode(bytes);
      BOOST_TEST(d.encoding == "UTF-8");
      const IcuDecoded lenient = utf8_decode_lenient(bytes);
      BOOST_TEST(d.text == lenient.text);
      BOOST_TEST(d.invalid_sequences == lenient.invalid_sequences);
      BOOST_TEST(d.map.output_size() == d.text.size());
    }
  }
  // A GBK article cut in a pair is GBK all the same.
  const std::string gbk = icu_encode(keep_representable(text, "GB18030"), "GB18030");
  for (size_t cut = 1; cut < 4; ++cut) BOOST_TEST(decode(gbk.substr(0, gbk.size() - cut)).encoding == "GB18030");
  // Two-byte sequences only, cut at the end, may be GBK: the detection decides.
  const std::string pairs = "\xC6\xB6\xC5\xA9\xC6";  // 贫农 and a lone lead, in GBK (valid UTF-8: ƶũ)
  BOOST_TEST(decode(pairs).encoding == "GB18030");
}
