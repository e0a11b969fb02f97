#define BOOST_TEST_MODULE decoder
#include <unicode/ucsdet.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <random>
#include <string>

#include "core/utf8.h"
#include "encoding/decoder.h"
#include "encoding/detector.h"
#include "test_support.h"

using namespace aidtext;
using aidtext::testing::has_shared_dir;
using aidtext::testing::icu_decode_to_utf8;
using aidtext::testing::icu_encode;
using aidtext::testing::keep_representable;

namespace {

// Every input byte belongs to the range of some output byte (nothing is
// dropped silently), and ranges stay inside the input.
void check_map_covers_input(const Decoded& d, size_t input_size, size_t skip = 0) {
  std::vector<bool> covered(input_size, false);
  for (const MapPiece& p : d.map.pieces()) {
    BOOST_REQUIRE(p.in_begin + p.in_len <= input_size);
    for (uint32_t k = p.in_begin; k < p.in_begin + p.in_len; ++k) covered[k] = true;
  }
  size_t missing = 0;
  for (size_t k = skip; k < input_size; ++k) missing += !covered[k];
  BOOST_TEST(missing == 0u);
  BOOST_TEST(d.map.output_size() == d.text.size());
}

// For a sample of output characters, the input bytes they map to decode
// (with ICU, in `encoding`) to the very same character.
void check_offsets(const Decoded& d, std::string_view input, const char* encoding) {
  size_t checked = 0;
  size_t k = 0;
  for (size_t i = 0; i < d.text.size(); ++k) {
    int len;
    utf8::decode(d.text, i, &len);
    if (k % 7 == 0) {
      Range r = d.map.to_input({static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)});
      std::string back = icu_decode_to_utf8(input.substr(r.begin, r.size()), encoding);
      BOOST_TEST(back == d.text.substr(i, static_cast<size_t>(len)),
                 encoding << " char at " << i << " maps to [" << r.begin << "," << r.end << ")");
      ++checked;
    }
    i += static_cast<size_t>(len);
  }
  BOOST_TEST(checked > 0u);
}

std::string seed_text(size_t max_bytes = 100000) {
  std::string all;
  for (const auto& f : aidtext::testing::seed_files()) all += aidtext::testing::read_file(f);
  return all.substr(0, max_bytes);
}

// Windows of `chars` characters of `text` with at least half Han
// characters, at most `count` of them, spread over the text.
std::vector<std::string> windows(std::string_view text, size_t chars, size_t count) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size();) {
    starts.push_back(i);
    i += static_cast<size_t>(utf8::sequence_length(static_cast<unsigned char>(text[i])));
  }
  std::vector<std::string> out;
  if (starts.size() <= chars) return out;
  size_t step = std::max<size_t>(1, (starts.size() - chars) / (count * 3));
  for (size_t s = 0; s + chars < starts.size() && out.size() < count; s += step) {
    std::string_view w = text.substr(starts[s], starts[s + chars] - starts[s]);
    size_t han = 0;
    for (size_t i = 0; i < w.size();) {
      int len;
      han += utf8::is_han(utf8::decode(w, i, &len));
      i += static_cast<size_t>(len);
    }
    if (han * 2 >= chars && w.find('\n') == std::string_view::npos) out.emplace_back(w);
  }
  return out;
}

std::string icu_detect(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  const UCharsetMatch* m = ucsdet_detect(det, &err);
  std::string name = m && U_SUCCESS(err) ? ucsdet_getName(m, &err) : "";
  ucsdet_close(det);
  return name;
}

}  // namespace

BOOST_AUTO_TEST_CASE(valid_utf8_is_taken_as_is) {
  std::string in = "2020年,全县贫困发生率降至0.5%";
  Decoded d = decode(in);
  BOOST_TEST(d.encoding == "UTF-8");
  BOOST_TEST(d.confidence == 1.0);
  BOOST_TEST(d.text == in);
  BOOST_TEST(d.map.is_identity());
  BOOST_TEST(!d.had_bom);
  BOOST_TEST(decode("").text.empty());
}

BOOST_AUTO_TEST_CASE(byte_order_marks_decide) {
  std::string body = "扶贫资金1.2亿元";
  Decoded u8 = decode("\xEF\xBB\xBF" + body);
  BOOST_TEST(u8.encoding == "UTF-8");
  BOOST_TEST(u8.had_bom);
  BOOST_TEST(u8.text == body);
  BOOST_TEST((u8.map.to_input({0, 3}) == Range{3, 6}));
  for (const char* enc : {"UTF-16LE", "UTF-16BE"}) {
    std::string bom = std::string(enc) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    std::string bytes = bom + icu_encode(body, enc);
    Decoded d = decode(bytes);
    BOOST_TEST(d.encoding == enc);
    BOOST_TEST(d.had_bom);
    BOOST_TEST(d.confidence == 1.0);
    BOOST_TEST(d.text == body);
    BOOST_TEST((d.map.to_input({0, 3}) == Range{2, 4}));  // 扶 = input bytes 2..3
    check_map_covers_input(d, bytes.size(), 2);
  }
}

BOOST_AUTO_TEST_CASE(short_text_in_each_encoding) {
  const std::string simplified = "全县建档立卡贫困户1.2万户，贫困发生率由18.5%降至0.6%。";
  const std::string traditional = "全縣建檔立卡貧困戶1.2萬戶，貧困發生率由18.5%降至0.6%。";
  struct Case { const std::string* text; const char* encoding; const char* label; };
  for (Case c : {Case{&simplified, "GBK", "GB18030"}, Case{&simplified, "GB18030", "GB18030"},
                 Case{&traditional, "Big5", "Big5"}, Case{&simplified, "UTF-16LE", "UTF-16LE"},
                 Case{&simplified, "UTF-16BE", "UTF-16BE"}}) {
    std::string bytes = icu_encode(*c.text, c.encoding);
    Decoded d = decode(bytes);
    BOOST_TEST(d.encoding == c.label, c.encoding);
    BOOST_TEST(d.text == *c.text, c.encoding);
    BOOST_TEST(d.invalid_sequences == 0u);
    BOOST_TEST(d.confidence > 0.5, c.encoding << " confidence " << d.confidence);
    check_map_covers_input(d, bytes.size());
    check_offsets(d, bytes, c.encoding);
  }
}

BOOST_AUTO_TEST_CASE(seeds_round_trip_in_every_encoding, *boost::unit_test::precondition(has_shared_dir)) {
  for (const auto& seed : aidtext::testing::seed_files()) {
    const std::string text = aidtext::testing::read_file(seed);
    for (const char* enc : {"GBK", "GB18030", "Big5", "UTF-16LE", "UTF-16BE"}) {
      const std::string kept = keep_representable(text, enc);
      // Big5 has no simplified characters: only the traditional seed and
      // texts that keep most of their characters make sense.
      if (kept.size() * 10 < text.size() * 8) continue;
      const std::string bytes = icu_encode(kept, enc);
      Decoded d = decode(bytes);
      const std::string want = std::string(enc) == "GBK" ? "GB18030" : enc;
      BOOST_TEST(d.encoding == want, seed.filename() << " " << enc);
      BOOST_TEST(d.text == kept, seed.filename() << " " << enc);
      BOOST_TEST(d.invalid_sequences == 0u);
      check_map_covers_input(d, bytes.size());
      check_offsets(d, bytes, enc);
      // Forcing the encoding gives the same text.
      BOOST_TEST(decode(bytes, enc).text == kept);
    }
  }
}

BOOST_AUTO_TEST_CASE(long_ascii_preamble_does_not_hide_the_encoding) {
  std::string markup;
  while (markup.size() < 100000) markup += "<div class=\"nav\"><a href=\"/index.html\">home</a></div>\n";
  const std::string text = "全县贫困发生率降至0.5%，脱贫攻坚取得决定性胜利。";
  for (const char* enc : {"GBK", "Big5"}) {
    const std::string body = std::string(enc) == "Big5" ? "全縣貧困發生率降至0.5%，脫貧攻堅取得決定性勝利。" : text;
    Decoded d = decode(markup + icu_encode(body, enc));
    BOOST_TEST(d.encoding == (std::string(enc) == "GBK" ? "GB18030" : "Big5"));
    BOOST_TEST(d.text == markup + body);
  }
}

// A long text in a legacy encoding is settled by its first kilobyte
// (detector.h's kQuickSampleBytes): its scores are that kilobyte's, which
// holds at most kQuickSampleBytes / 2 characters of two bytes. A text whose
// first kilobyte leaves a doubt (an invalid sequence, UTF-16) is scored on
// the whole sample, as before.
BOOST_AUTO_TEST_CASE(a_long_legacy_text_is_settled_by_its_first_kilobyte) {
  std::string simplified, traditional;
  while (simplified.size() < 4 * kQuickSampleBytes) {
    simplified += "全县建档立卡贫困户由2014年的1.2万户减少到去年底的356户，贫困发生率由18.5%降至0.6%，"
                  "易地扶贫搬迁安置点建成投用，脱贫攻坚取得决定性胜利。\n";
    traditional += "全縣建檔立卡貧困戶由2014年的1.2萬戶減少到去年底的356戶，貧困發生率由18.5%降至0.6%，"
                   "易地扶貧搬遷安置點建成投用，脫貧攻堅取得決定性勝利。\n";
  }
  struct Case { const std::string* text; const char* encoding; const char* label; };
  for (Case c : {Case{&simplified, "GBK", "GB18030"}, Case{&traditional, "Big5", "Big5"},
                 Case{&traditional, "GB18030", "GB18030"}}) {
    const std::string bytes = icu_encode(*c.text, c.encoding);
    const Detection d = detect_encoding(bytes);
    BOOST_TEST(d.best.label == std::string(c.label), c.encoding);
    BOOST_TEST(d.best.invalid == 0u);
    BOOST_TEST(d.best.counted >= kQuickMinChars);
    BOOST_TEST(d.best.counted <= kQuickSampleBytes / 2, c.encoding << ": " << d.best.counted << " characters scored");
    BOOST_TEST(decode(bytes).text == *c.text, c.encoding);

    // A bad byte near the start (a lead byte before a space): the first
    // kilobyte's best reading has an invalid sequence, the whole sample
    // decides, and still rightly.
    const std::string damaged = bytes.substr(0, 10) + "\x81 " + bytes.substr(10);
    const Detection w = detect_encoding(damaged);
    BOOST_TEST(w.best.label == std::string(c.label), c.encoding << " damaged");
    BOOST_TEST(w.best.counted > kQuickSampleBytes / 2, c.encoding << " damaged: " << w.best.counted);
  }
  for (const char* enc : {"UTF-16LE", "UTF-16BE"}) {
    const Detection d = detect_encoding(icu_encode(simplified, enc));
    BOOST_TEST(d.best.label == std::string(enc));
    BOOST_TEST(d.best.counted > kQuickSampleBytes / 2, enc << ": " << d.best.counted);
  }
  // GBK for its first kilobyte, Big5 after it: read as the first.
  const std::string half = icu_encode(simplified.substr(0, 2 * kQuickSampleBytes), "GBK");
  BOOST_TEST(detect_encoding(half + icu_encode(traditional, "Big5")).best.label == std::string("GB18030"));
}

BOOST_AUTO_TEST_CASE(invalid_sequences_become_replacement_characters) {
  // GBK with a lead byte before a space (no GBK trail byte), and a
  // truncated pair at the end.
  std::string gbk = icu_encode("贫困人口减少", "GBK");
  std::string bytes = gbk.substr(0, 4) + "\x81" + " ab" + gbk.substr(4) + "\xB0";
  Decoded d = decode(bytes, "GBK");
  BOOST_TEST(d.invalid_sequences >= 2u);
  BOOST_TEST(d.text.find("\xEF\xBF\xBD") != std::string::npos);
  BOOST_TEST(d.text.find(" ab") != std::string::npos);  // the ASCII after the bad byte survives
  check_map_covers_input(d, bytes.size());

  // Mostly UTF-8 with a few broken bytes stays UTF-8.
  std::string u8 = "全县脱贫攻坚取得决定性胜利，贫困发生率降至零。\xE5\x8F全面小康\xFF。";
  Decoded e = decode(u8);
  BOOST_TEST(e.encoding == "UTF-8");
  BOOST_TEST(e.invalid_sequences == 2u);
  BOOST_TEST(e.text.find("全面小康") != std::string::npos);
  check_map_covers_input(e, u8.size());
}

BOOST_AUTO_TEST_CASE(forced_and_unknown_encodings) {
  std::string big5 = icu_encode("貧困戶", "Big5");
  Decoded d = decode(big5, "big5");
  BOOST_TEST(d.encoding == "Big5");
  BOOST_TEST(d.text == "貧困戶");
  BOOST_TEST(d.warning.empty());
  Decoded u = decode(big5, "no-such-encoding");
  BOOST_TEST(!u.warning.empty());
  BOOST_TEST(u.text == "貧困戶");  // detected instead
  Decoded f = decode("abc\xFF", "UTF-8");
  BOOST_TEST(f.invalid_sequences == 1u);
  BOOST_TEST(f.text == "abc\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(random_bytes_never_crash) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 300; ++round) {
    std::string bytes(rng() % 200, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    Decoded d = decode(bytes);
    BOOST_TEST(utf8::valid(d.text));
    check_map_covers_input(d, bytes.size(), d.had_bom ? 2 : 0);
  }
}

// Detection on short samples cut from the seeds: ours against ICU's
// charset detector. Prints the accuracy table.
BOOST_AUTO_TEST_CASE(short_sample_detection_beats_icu, *boost::unit_test::precondition(has_shared_dir)) {
  const std::string simplified = seed_text();
  const std::string traditional = aidtext::testing::read_file(aidtext::testing::seed_files().at(3));
  struct Enc { const char* name; const char* label; const char* icu_label; const std::string* text; };
  const Enc encs[] = {{"GBK", "GB18030", "GB18030", &simplified},
                      {"Big5", "Big5", "Big5", &traditional},
                      {"UTF-16LE", "UTF-16LE", "UTF-16LE", &simplified},
                      {"UTF-16BE", "UTF-16BE", "UTF-16BE", &simplified}};
  double ours_total = 0, icu_total = 0, n_total = 0;
  for (size_t chars : {6, 12, 24, 48}) {
    for (const Enc& e : encs) {
      const std::string source = keep_representable(*e.text, e.name);
      int ours = 0, icu = 0, n = 0;
      for (const std::string& w : windows(source, chars, 60)) {
        const std::string bytes = icu_encode(w, e.name);
        if (utf8::valid(bytes)) continue;  // not a detection question
        ++n;
        ours += decode(bytes).encoding == e.label;
        icu += icu_detect(bytes) == e.icu_label;
      }
      std::printf("detect %2zu chars %-8s ours %5.1f%%  icu %5.1f%%  (%d samples)\n", chars, e.name,
                  n ? 100.0 * ours / n : 0.0, n ? 100.0 * icu / n : 0.0, n);
      BOOST_TEST(n > 10);
      if (chars >= 12) BOOST_TEST(ours >= 0.9 * n, e.name << " at " << chars << " chars");
      ours_total += ours;
      icu_total += icu;
      n_total += n;
    }
  }
  std::printf("detect overall: ours %.1f%%, icu %.1f%% of %.0f samples\n", 100 * ours_total / n_total,
              100 * icu_total / n_total, n_total);
  BOOST_TEST(ours_total > icu_total);
}

BOOST_AUTO_TEST_CASE(stray_nul_bytes_keep_utf8_and_utf16_nul_patterns_decide_byte_order) {
  // ASCII text with a few NULs is still that text, not a UTF-16 misreading.
  const std::string stray("abc the first part of a plain text\0and then a second part", 57);
  Decoded a = decode(stray);
  BOOST_TEST(a.encoding == "UTF-8");
  BOOST_TEST(a.text == stray);
  // ASCII-range UTF-16 without a BOM: the side the NULs are on gives the order.
  const std::string sample = "Poverty rate 9.05% in 2018, 贫困人口 2.89万人";
  for (const char* enc : {"UTF-16LE", "UTF-16BE"}) {
    Decoded d = decode(icu_encode(sample, enc));
    BOOST_TEST(d.encoding == enc);
    BOOST_TEST(d.text == sample);
  }
}

// UTF-8 with a few stray bytes (a Latin-1 no-break space, cp1252 quotes)
// is UTF-8 without the detection: each stray byte is one U+FFFD, the rest
// is the text as it was. A GBK line among UTF-8 lines is still read as GBK.
BOOST_AUTO_TEST_CASE(utf8_with_stray_bytes_is_utf8) {
  const std::string para = "全县贫困人口由2015年的3.2万人减少到2019年的1200人，贫困发生率下降到0.5%。";
  const std::string text = para + "\n" + para + "\n" + para + "\n";
  const std::vector<std::string> strays = {"\xA0", "\x93", "\x94", "\xFF", "\xC3"};
  for (const std::string& stray : strays) {
    for (size_t where : {size_t{0}, para.size() + 1, text.size() - 1}) {
      const std::string input = text.substr(0, where) + stray + text.substr(where);
      const Decoded d = decode(input);
      BOOST_TEST(d.encoding == "UTF-8");
      BOOST_TEST(d.invalid_sequences == 1u);
      std::string expected = text.substr(0, where) + "\xEF\xBF\xBD" + text.substr(where);
      BOOST_TEST(d.text == expected);
      check_map_covers_input(d, input.size());
    }
  }
  // One stray byte a line in every line is still few.
  std::string many;
  for (int k = 0; k < 5; ++k) many += para.substr(0, 30) + "\xA0" + para.substr(30) + "\n";
  BOOST_TEST(decode(many).encoding == "UTF-8");
  BOOST_TEST(decode(many).invalid_sequences == 5u);
  // A GBK line among UTF-8 lines: its own encoding, as before.
  const std::string gbk_line = icu_encode("贫困人口减少1.2万人，脱贫攻坚取得决定性成就", "GB18030");
  const Decoded mixed = decode(text + gbk_line + "\n" + text);
  BOOST_TEST(mixed.encoding == "UTF-8+GB18030");
  BOOST_TEST(mixed.text.find("贫困人口减少1.2万人，脱贫攻坚取得决定性成就") != std::string::npos);
  // Short lines with a stray byte are too short to tell: the detection decides.
  BOOST_TEST(decode("贫困\xA0人口\n").invalid_sequences >= 1u);
  // A byte flipped inside a character breaks it into up to three invalid
  // bytes: one error. So a short signature line with one such (five
  // characters and one) and an English line with one are UTF-8 beside the
  // rest, not lines for the per-line decode.
  std::string signature = "执行总编辑：王慧";
  signature[signature.size() - 3] = '\x80';  // 慧's lead byte: three invalid bytes
  const std::string english =
      "Notice: The content above is uploaded and posted by the user\xA0of the NetEase account, which is a social "
      "media platform that only provides information storage services.";
  for (const std::string& line : {signature, english}) {
    const std::string input = text + line + "\n" + text;
    const Decoded d = decode(input);
    BOOST_TEST(d.encoding == "UTF-8", line);
    BOOST_TEST(d.invalid_sequences >= 1u);
    BOOST_TEST(d.text.find(para) != std::string::npos);
    check_map_covers_input(d, input.size());
  }
}
