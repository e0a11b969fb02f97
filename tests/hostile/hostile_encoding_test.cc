// Hostile input for the decoder and normalizer, through the C ABI: invalid
// and truncated UTF-8, GBK and Big5, NUL bytes, forced wrong encodings,
// UTF-16 with odd lengths. Each call must succeed with valid UTF-8 output
// whose provenance points inside the input, and keep the readable text.
#define BOOST_TEST_MODULE hostile_encoding
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

#include "capi_helpers.h"
#include "core/utf8.h"

using namespace aidtext::hostile;

namespace {

const std::string kSentence = "贫困人口减至2.89万人";  // UTF-8
// The same sentence in GBK and in Big5 (traditional: 貧困人口減至2.89萬人).
const std::string kGbk = "\xc6\xb6\xc0\xa7\xc8\xcb\xbf\xda\xbc\xf5\xd6\xc1" "2.89\xcd\xf2\xc8\xcb";
const std::string kBig5 = "\xb3\x68\xa7\x78\xa4\x48\xa4\x66\xb4\xee\xa6\xdc" "2.89\xb8\x55\xa4\x48";

// Normalizes `input` with `engine` and checks what every result must hold.
std::string normalized(const aidtext_engine* engine, std::string_view input) {
  aidtext_status s;
  ResultPtr r = run(engine, Call::kNormalize, input, &s);
  BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
  std::string_view text = text_of(r.get());
  BOOST_CHECK(aidtext::utf8::valid(text));
  size_t in_start = 0, in_end = 0;
  BOOST_CHECK_EQUAL(aidtext_result_source_range(r.get(), 0, text.size(), &in_start, &in_end),
                    AIDTEXT_OK);
  BOOST_CHECK_LE(in_start, in_end);
  BOOST_CHECK_LE(in_end, input.size());
  const char* encoding = nullptr;
  BOOST_CHECK_EQUAL(aidtext_result_encoding(r.get(), &encoding), AIDTEXT_OK);
  BOOST_CHECK(encoding != nullptr && *encoding != '\0');
  return std::string(text);
}

struct DefaultEngine {
  EnginePtr engine = make_engine();
  DefaultEngine() { BOOST_REQUIRE(engine); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(encodings, DefaultEngine)

BOOST_AUTO_TEST_CASE(every_truncation_of_utf8_gbk_and_big5) {
  // Cut each encoding at every byte: a half character at the end must become
  // at most a replacement character, never a crash or lost text before it.
  for (const std::string* whole : {&kSentence, &kGbk, &kBig5}) {
    for (size_t cut = 0; cut <= whole->size(); ++cut) {
      std::string text = normalized(engine.get(), std::string_view(*whole).substr(0, cut));
      if (cut == whole->size() && whole == &kSentence) BOOST_CHECK_EQUAL(text, kSentence);
    }
  }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_sequences) {
  const char* cases[] = {
      "\xc0\xaf",              // overlong '/'
      "\xe0\x80\xaf",          // overlong, 3 bytes
      "\xed\xa0\x80",          // a UTF-16 surrogate
      "\xf4\x90\x80\x80",      // above U+10FFFF
      "\xf8\x88\x80\x80\x80",  // 5-byte form
      "\x80\x80\x80",          // lone continuation bytes
      "\xff\xfe\xfd",          // never valid in UTF-8
      "\xe4\xb8",              // truncated 中
  };
  for (const char* bad : cases) {
    std::string input = "贫困人口" + std::string(bad) + "2.89万人";
    std::string text = normalized(engine.get(), input);
    // Bad bytes never swallow their valid neighbours.
    BOOST_CHECK_MESSAGE(text.find("2.89万人") != std::string::npos, "lost text after " << text);
  }
}

BOOST_AUTO_TEST_CASE(nul_bytes_are_kept_not_truncating) {
  std::string input = std::string("abc") + '\0' + "贫困人口" + '\0' + '\0' + "减至2.89万人";
  std::string text = normalized(engine.get(), input);
  BOOST_CHECK(text.find("减至2.89万人") != std::string::npos);
  std::string only_nuls(4096, '\0');
  normalized(engine.get(), only_nuls);
}

BOOST_AUTO_TEST_CASE(gbk_and_big5_are_decoded) {
  // A longer GBK text (the short sentence repeated) decodes to the sentence.
  std::string gbk, big5;
  for (int i = 0; i < 20; ++i) {
    gbk += kGbk + "\xa1\xa3";   // 。
    big5 += kBig5 + "\xa1\x43";  // 。
  }
  BOOST_CHECK(normalized(engine.get(), gbk).find(kSentence) != std::string::npos);
  BOOST_CHECK(normalized(engine.get(), big5).find(kSentence) != std::string::npos);
  // Damaged double-byte text: lead bytes with nothing after, invalid trail bytes.
  normalized(engine.get(), gbk + "\x81");
  normalized(engine.get(), "\x81\x20\xfe\x7f" + gbk + "\xff\xff\x80");
  normalized(engine.get(), big5.substr(1));
}

BOOST_AUTO_TEST_CASE(random_bytes_with_every_forced_encoding) {
  // Deterministic pseudo-random bytes (xorshift), so failures replay.
  std::string noise(1 << 16, '\0');
  uint32_t x = 2463534242u;
  for (char& c : noise) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    c = static_cast<char>(x);
  }
  for (const char* enc : {"auto", "UTF-8", "GB18030", "GBK", "Big5", "UTF-16LE", "UTF-16BE"}) {
    EnginePtr forced = make_engine({{"encoding", enc}});
    BOOST_REQUIRE_MESSAGE(forced, "cannot force " << enc);
    normalized(forced.get(), noise);
    normalized(forced.get(), noise.substr(0, 7));  // odd length for UTF-16
    normalized(forced.get(), kSentence);            // the wrong encoding on purpose
  }
}

BOOST_AUTO_TEST_CASE(utf16_boms_and_odd_lengths) {
  std::string le = "\xff\xfe";
  for (char16_t c : std::u16string(u"贫困人口减至2.89万人")) {
    le += static_cast<char>(c & 0xff);
    le += static_cast<char>(c >> 8);
  }
  BOOST_CHECK(normalized(engine.get(), le).find(kSentence) != std::string::npos);
  normalized(engine.get(), le + "\x41");            // odd byte count
  normalized(engine.get(), le + std::string("\x00\xd8", 2));  // unpaired high surrogate
  normalized(engine.get(), std::string("\xfe\xff"));  // a BOM and nothing else
  normalized(engine.get(), std::string("\xef\xbb\xbf"));
}

BOOST_AUTO_TEST_SUITE_END()
