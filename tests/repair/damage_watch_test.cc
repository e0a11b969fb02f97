// DamageWatch, the repairer's clean-text check riding on the conversion
// pass: wherever the repair stage would do anything (find a suspect window,
// repair, flag an unrecoverable span), the watch must fire, or normalize()
// would skip a repair. Checked on constructed edge cases, on random text
// over an alphabet of everything the signals look at, and on the peer
// mojibake suite; and the watch must stay quiet on clean articles, or the
// fast path would be lost.
#define BOOST_TEST_MODULE damage_watch
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "convert/conversion_table.h"
#include "convert/converter.h"
#include "normalize/cleaner.h"
#include "repair/char_lm.h"
#include "repair/damage_scan.h"
#include "repair/damage_watch.h"
#include "repair/legacy_codecs.h"
#include "repair/repairer.h"
#include "mojibake_cases.h"
#include "signal_text.h"

namespace {

using aidtext::repair::DamageWatch;

// Whether the watch fires when the conversion pass reads `text`.
bool watch_fires(std::string_view text, aidtext::ScriptConversion variant = aidtext::ScriptConversion::kT2S) {
  DamageWatch watch;
  aidtext::Converted c = aidtext::to_simplified(text, variant, aidtext::ConvertOptions{.watch = &watch});
  BOOST_TEST(c.watch_stopped == watch.fired());
  return c.watch_stopped;
}

bool repair_stage_acts(std::string_view text) {
  return !aidtext::repair::find_suspect_windows(text).empty() ||
         aidtext::repair_mojibake_if_damaged(text).has_value();
}

void check_superset(std::string_view text) {
  if (repair_stage_acts(text)) BOOST_TEST(watch_fires(text), "watch silent on: " << text);
}

}  // namespace

BOOST_AUTO_TEST_CASE(fires_on_every_signal) {
  // Each is a signal of find_suspect_windows or an unrecoverable span.
  for (const char* s : {"中文?中文", "abc?中文", "中文?", "a\uFFFDb", "文\uE000字", "程序员说锟斤拷",
                        "\u00C3\u00A4\u00C2\u00B8", "x\u0085y", "\u00C3 \u00A9", "鍥蟔鍙齉",
                        "中\xE9文"}) {
    BOOST_TEST(repair_stage_acts(s), s);
    BOOST_TEST(watch_fires(s), s);
  }
}

BOOST_AUTO_TEST_CASE(stays_quiet_where_nothing_signals) {
  // Typography, a lone Latin-1 letter, a '?' inside ASCII, rare characters
  // spread out: all clean.
  for (const char* s : {"他说：“扶贫——脱贫”……", "咖啡馆 café 开业", "What? 中文", "中文 What?",
                        "鍥的是中国人的年中国蟔的是中国人年中国鍙",
                        // Typography in runs: full-width dates, lists, units, ratings.
                        "２０１９年１２月３１日，ＧＤＰ增长６．５％", "①②③④⑤ⅠⅡⅢⅣ", "面积１２０㎡，气温２５℃",
                        "★★★★★ ●●● ■■■ ※※"}) {
    BOOST_TEST(!repair_stage_acts(s), s);
    BOOST_TEST(!watch_fires(s), s);
  }
}

BOOST_AUTO_TEST_CASE(superset_of_the_repair_stage_on_random_text) {
  std::mt19937 rng(20261122);
  int acting = 0;
  for (int i = 0; i < 4000; ++i) {
    const std::string s = aidtext::testing::random_signal_text(rng, 24);
    const bool acts = repair_stage_acts(s);
    acting += acts;
    if (acts) BOOST_TEST(watch_fires(s), "watch silent on: " << s);
    // The two-pass variants show the watch their first pass.
    if (acts && i % 8 == 0) BOOST_TEST(watch_fires(s, aidtext::ScriptConversion::kTW2S), s);
  }
  // The alphabet makes both outcomes common, so the check has teeth.
  BOOST_TEST(acting > 400);
  BOOST_TEST(acting < 3600);
}

BOOST_AUTO_TEST_CASE(rare_runs_across_ascii_and_lines) {
  // Four rare characters among eight non-ASCII ones, with ASCII between
  // them (which the scan does not count) and line breaks (where it starts
  // over, and the watch does not).
  for (const char* gap : {"", "a", "abcdefghijklmnopqrstuvwxyz0123456789", "\n", "中", "中国"}) {
    std::string s = "鍥";
    for (const char* r : {"蟔", "鍙", "齉"}) s += std::string(gap) + r;
    check_superset(s);
  }
}

BOOST_AUTO_TEST_CASE(superset_on_the_peer_mojibake_suite) {
  const auto cases = aidtext::testing::load_mojibake_cases(std::string(AIDTEXT_SHARED_DIR) +
                                                           "/peer/mojibake/cases.json");
  if (!cases) {
    BOOST_TEST_MESSAGE("SKIPPED: peer mojibake suite not found");
    return;
  }
  int damaged_caught = 0, damaged = 0;
  for (const auto& c : *cases) {
    check_superset(c.garbled);
    check_superset(c.expected);
    if (c.garbled != c.expected) {
      ++damaged;
      damaged_caught += watch_fires(c.garbled);
    }
  }
  BOOST_TEST_MESSAGE("watch fired on " << damaged_caught << " of " << damaged << " damaged cases");
  BOOST_TEST(damaged > 0);
}

namespace {

// Where the watch reading `read` (the text itself, or the cleaner's
// output) fires, in `text`; nullopt when it stays quiet or the cleaner's
// edits are not seen through.
std::optional<size_t> watch_fires_at(std::string_view text, bool through_cleaner) {
  aidtext::Cleaned c;
  std::string_view read = text;
  if (through_cleaner) {
    c = aidtext::clean_text(text, aidtext::NormalizeOptions{});
    if (!DamageWatch::sees_through(c.map, text, c.text)) return std::nullopt;
    read = c.text;
  }
  DamageWatch watch;
  aidtext::to_simplified(read, aidtext::ScriptConversion::kT2S, aidtext::ConvertOptions{.watch = &watch});
  if (!watch.fired()) return std::nullopt;
  if (!through_cleaner) return watch.fired_at();
  const auto at = static_cast<uint32_t>(watch.fired_at());
  return c.map.to_input({at, at + 1}).begin;
}

// The repair stage's scan from scan_start_before() where the watch fired
// must find exactly the windows (and 锟) of a scan of the whole text.
// Returns whether it started late.
bool check_late_scan(std::string_view text, bool through_cleaner) {
  using aidtext::repair::SuspectWindow;
  const std::optional<size_t> fired = watch_fires_at(text, through_cleaner);
  if (!fired) return false;
  const uint32_t from = aidtext::repair::scan_start_before(text, *fired);
  bool kun_all = false, kun_late = false;
  const std::vector<SuspectWindow> all = aidtext::repair::find_suspect_windows(text, &kun_all);
  const std::vector<SuspectWindow> late = aidtext::repair::find_suspect_windows(text, &kun_late, from);
  BOOST_TEST_CONTEXT("text: " << text << " fired at " << *fired << ", scan from " << from) {
    BOOST_TEST(kun_all == kun_late);
    BOOST_TEST_REQUIRE(all.size() == late.size());
    for (size_t i = 0; i < all.size(); ++i) {
      BOOST_TEST(all[i].begin == late[i].begin);
      BOOST_TEST(all[i].end == late[i].end);
      BOOST_TEST(all[i].signals == late[i].signals);
    }
  }
  return from > 0;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_scan_from_where_the_watch_fired_finds_the_same_windows) {
  // Debris pairs across a line start (the pair hits its first character,
  // on the line before), '?' at line ends, rare runs, 锟 after damage.
  for (const char* s : {"中文\n\u00C3\n\u00A9文", "中文\u00C3\n\u00A9中文", "第一行\n中文?\n文",
                        "第一行\n\n鍥蟔鍙齉\n程序员说锟斤拷", "行\r\n\u3000\u00C3\u00A4\u00C2\u00B8\n锟",
                        "a\nb\n?中", "\u00E9\n\u00E9"})
    for (bool cleaner : {false, true}) check_late_scan(s, cleaner);
  std::mt19937 rng(20261123);
  int late = 0;
  for (int i = 0; i < 6000; ++i) {
    const std::string s = aidtext::testing::random_signal_text(rng, 40);
    late += check_late_scan(s, i % 2 == 1);
  }
  BOOST_TEST(late > 100);  // the scan often starts after the text's start
  const auto cases = aidtext::testing::load_mojibake_cases(std::string(AIDTEXT_SHARED_DIR) +
                                                           "/peer/mojibake/cases.json");
  if (!cases) return;
  for (size_t i = 0; i < cases->size(); ++i) {
    const std::string& g = (*cases)[i].garbled;
    check_late_scan(g, false);
    check_late_scan("据报道。\n记者王\u3000\n" + g + "\n" + g, true);
  }
}

BOOST_AUTO_TEST_CASE(quiet_on_the_clean_dev_articles) {
  const std::filesystem::path dev = std::filesystem::path(AIDTEXT_SHARED_DIR) / "corpus" / "dev";
  if (!std::filesystem::exists(dev)) {
    BOOST_TEST_MESSAGE("SKIPPED: dev corpus not found");
    return;
  }
  int clean = 0;
  for (const auto& e : std::filesystem::directory_iterator(dev)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string doc = ss.str();
    check_superset(doc);
    if (!repair_stage_acts(doc)) {
      ++clean;
      BOOST_TEST(!watch_fires(doc), e.path().filename().string());
    }
  }
  BOOST_TEST(clean >= 1);
}

BOOST_AUTO_TEST_CASE(sees_through_only_edits_that_keep_every_signal) {
  // The pipeline's cleaner folds odd spaces before the conversion pass reads
  // the text; where sees_through says the watch can still answer for the
  // original, it must fire wherever the repair stage would act on it.
  const aidtext::NormalizeOptions options;
  auto cleaned = [&](const std::string& s) { return aidtext::clean_text(std::string_view(s), options); };
  for (const char* s : {"?\u3000中文", "中文\u3000?", "\u00C3\u00A0", "\u00C3x\u00A0", "文字&nbsp;",
                        "?\u200B中文", "中文\u200B?", "?\u200B\u200Dabc", "abc\u2060\uFEFF?", "文\u00AD字"}) {
    const aidtext::Cleaned c = cleaned(s);
    BOOST_TEST(!DamageWatch::sees_through(c.map, s, c.text), s);
  }
  for (const char* s : {"\u3000\u3000据报道", "文字\u00A0\u00A0文字", "鍥\u3000蟔", "a\r\nb", "纯文本",
                        "文字\u200B文字", "\uFEFF据报道\u200D\u200D。", "a\u2060b\r\n", "鍥\u200B蟔"}) {
    const aidtext::Cleaned c = cleaned(s);
    BOOST_TEST(DamageWatch::sees_through(c.map, s, c.text), s);
  }
  std::mt19937 rng(2211);
  int through = 0, acting = 0;
  for (int i = 0; i < 6000; ++i) {
    const std::string s = aidtext::testing::random_signal_text(rng, 12);
    const aidtext::Cleaned c = cleaned(s);
    if (!DamageWatch::sees_through(c.map, s, c.text)) continue;
    ++through;
    if (repair_stage_acts(s)) {
      ++acting;
      BOOST_TEST(watch_fires(c.text), "watch silent on the cleaned form of: " << s);
    }
  }
  BOOST_TEST(through > 500);
  BOOST_TEST(acting > 100);
}

BOOST_AUTO_TEST_CASE(a_letter_beside_three_byte_debris_fires_either_way_round) {
  // The watch is not shown cp1252's three-byte characters (“”—…), common in
  // clean text; a Latin-1 letter looks for them around itself. Each order,
  // with and without a character between, agrees with the repair stage.
  for (const char* s : {"中文\u00E6\u2013中文", "中文\u2013\u00E6中文", "中文\u00E6中\u201C中文",
                        "中文\u201D中\u00E9中文", "中文\u00E6中文中文\u2013中文", "“中文”\u00E9中文中文中文",
                        "\u00E6\u2013", "\u2013\u00E6"}) {
    check_superset(s);
    BOOST_TEST(watch_fires(s) == repair_stage_acts(s), s);
  }
}

namespace {

// rare_char_bits() computed from the language model and the repairer's
// codec tables, as the scan once did at first use: characters over
// kRareCost that GBK, GB18030, Big5, Latin-1 or cp1252 produce, 锟, less the
// typography of Chinese text the model never saw and the capital numerals.
std::vector<uint64_t> rare_char_bits_from_model() {
  using aidtext::repair::CharLm;
  using aidtext::repair::Codec;
  using aidtext::repair::DoubleByteCodec;
  const CharLm& lm = CharLm::instance();
  auto producible = [](char32_t c) {
    return DoubleByteCodec::get(Codec::kGbk).encode(c) || DoubleByteCodec::get(Codec::kGb18030).encode(c) ||
           DoubleByteCodec::get(Codec::kBig5).encode(c) || aidtext::repair::single_byte_of(c) >= 0;
  };
  std::vector<uint64_t> t(0x10000 / 64, 0);
  for (char32_t c = 0x80; c < 0x10000; ++c)
    if (lm.unigram_cost(c, lm.script_vote(c) > 0) > aidtext::repair::kRareCost && producible(c))
      t[c >> 6] |= uint64_t{1} << (c & 63);
  t[0x951F >> 6] |= uint64_t{1} << (0x951F & 63);
  auto common = [&](char32_t lo, char32_t hi) {
    for (char32_t c = lo; c <= hi; ++c) t[c >> 6] &= ~(uint64_t{1} << (c & 63));
  };
  common(0xFF01, 0xFF5E);  // full-width ASCII
  common(0x2460, 0x24FF);  // circled and parenthesised numbers
  common(0x2160, 0x217F);  // Roman numerals
  common(0x3380, 0x33FF);  // squared units
  common(0x25A0, 0x25FF);  // geometric shapes
  common(0x2605, 0x2606);  // stars
  common(0x2103, 0x2103);  // ℃
  common(0x203B, 0x203B);  // ※
  for (char32_t c : std::u32string_view(U"壹贰貳叁肆伍柒捌玖拾佰仟")) common(c, c);  // capital numerals of amounts
  return t;
}

}  // namespace

// The rare and watched sets are generated at build time (make_rare_chars.py)
// from the language model: they must be what the model gives.
BOOST_AUTO_TEST_CASE(generated_char_sets_match_the_model) {
  const std::vector<uint64_t> rare = rare_char_bits_from_model();
  const uint64_t* generated = aidtext::repair::rare_char_bits();
  const uint64_t* watched = aidtext::repair::watched_char_bits();
  size_t rare_differ = 0, watched_differ = 0;
  for (char32_t c = 0; c < 0x10000; ++c) {
    const bool r = (rare[c >> 6] >> (c & 63)) & 1;
    rare_differ += r != (((generated[c >> 6] >> (c & 63)) & 1) != 0);
    const bool w = r || (c >= 0x800 && (c == 0xFFFD || c == 0x951F || (c >= 0xE000 && c <= 0xF8FF)));
    watched_differ += w != (((watched[c >> 6] >> (c & 63)) & 1) != 0);
  }
  BOOST_TEST(rare_differ == 0u);
  BOOST_TEST(watched_differ == 0u);
}

// The traditional conversion table carries a run table made for the
// watched set (generated at build time from the same file:
// lib/convert/CMakeLists.txt), so that the pipeline's conversion pass,
// which carries this watch, needs no table of its own. A table made for
// another set would still be correct (the pass would build its own table)
// but would cost every process 256 KiB of fresh heap at its first call.
BOOST_AUTO_TEST_CASE(the_traditional_table_has_a_run_table_for_the_watched_set) {
  const uint64_t* marked =
      aidtext::ConversionTable::get(aidtext::ConversionTable::Group::kTraditional).watched_set();
  BOOST_TEST_REQUIRE(marked != nullptr);
  const uint64_t* watched = aidtext::repair::watched_char_bits();
  BOOST_TEST(std::equal(marked, marked + 0x10000 / 64, watched));
}
