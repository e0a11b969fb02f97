#define BOOST_TEST_MODULE converter
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "../encoding/test_support.h"
#include "convert/char_runs.h"
#include "convert/conversion_table.h"
#include "convert/converter.h"
#include "core/utf8.h"

using namespace aidtext;
using aidtext::testing::has_opencc;
using aidtext::testing::has_shared_dir;
using aidtext::testing::has_shared_dir_and_opencc;

namespace {

std::string t2s(std::string_view s, bool corrections = true) {
  return to_simplified(s, ScriptConversion::kT2S, ConvertOptions{corrections}).text;
}

ScriptConversion variant_of(const std::string& config) {
  if (config == "hk2s") return ScriptConversion::kHK2S;
  if (config == "tw2s") return ScriptConversion::kTW2S;
  return ScriptConversion::kT2S;
}

// Code points of a UTF-8 string with the byte offset of each.
std::vector<std::pair<char32_t, size_t>> chars_of(std::string_view s) {
  std::vector<std::pair<char32_t, size_t>> out;
  for (size_t i = 0; i < s.size();) {
    int len;
    char32_t c = utf8::decode(s, i, &len);
    out.push_back({c, i});
    i += static_cast<size_t>(len);
  }
  return out;
}

// Every output character maps to exactly the input character it came from
// (conversion keeps the character count).
void check_offsets(std::string_view in, const Converted& c) {
  auto a = chars_of(in), b = chars_of(c.text);
  BOOST_REQUIRE_EQUAL(a.size(), b.size());
  for (size_t k = 0; k < b.size(); ++k) {
    uint32_t ob = static_cast<uint32_t>(b[k].second);
    uint32_t oe = static_cast<uint32_t>(k + 1 < b.size() ? b[k + 1].second : c.text.size());
    uint32_t ib = static_cast<uint32_t>(a[k].second);
    uint32_t ie = static_cast<uint32_t>(k + 1 < a.size() ? a[k + 1].second : in.size());
    Range r = c.map.to_input({ob, oe});
    // A character inside a multi-character phrase whose lengths differ maps
    // to the whole phrase: it must at least contain its source character.
    BOOST_TEST((r.begin <= ib && r.end >= ie), "char " << k << " maps to [" << r.begin << ","
                                                        << r.end << ") not around [" << ib << ","
                                                        << ie << ")");
  }
}

struct PeerCase {
  std::string id, config, input, expected;
};

std::vector<PeerCase> peer_cases(const char* file) {
  boost::property_tree::ptree tree;
  boost::property_tree::read_json((aidtext::testing::shared_dir() / "peer" / "opencc" / file).string(),
                                  tree);
  std::vector<PeerCase> out;
  for (const auto& [key, node] : tree)
    out.push_back({node.get<std::string>("id"), node.get<std::string>("config"),
                   node.get<std::string>("input"), node.get<std::string>("expected")});
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(characters_and_phrases) {
  Converted c = to_simplified("後來的發展與經濟", ScriptConversion::kT2S);
  BOOST_TEST(c.text == "后来的发展与经济");
  BOOST_TEST(c.converted_chars == 6u);  // 後 來 發 與 經 濟
  BOOST_TEST(c.map.pieces().size() == 1u);  // all same-length: one linear piece
  // Phrase level: 瞭 alone stays (OpenCC's default), 瞭解 is 了解.
  BOOST_TEST(t2s("瞭解") == "了解");
  BOOST_TEST(t2s("乾淨") == "干净");
  BOOST_TEST(t2s("乾隆") == "乾隆");
  // Simplified text, ASCII and digits pass through.
  std::string plain = "2020年贫困发生率降至0.5%, GDP增长6.1%。";
  Converted p = to_simplified(plain, ScriptConversion::kT2S);
  BOOST_TEST(p.text == plain);
  BOOST_TEST(p.converted_chars == 0u);
  BOOST_TEST(p.map.is_identity());
}

BOOST_AUTO_TEST_CASE(length_changes_map_to_their_source_character) {
  // U+282E2 (4 bytes) -> U+4882 (3 bytes); U+408E (3 bytes) -> U+2539D (4 bytes).
  std::string in = "甲\U000282E2乙\u408E丙";
  Converted c = to_simplified(in, ScriptConversion::kT2S);
  BOOST_TEST(c.text == "甲\u4882乙\U0002539D丙");
  check_offsets(in, c);
  Range r = c.map.to_input({3, 6});  // the 3-byte U+4882
  BOOST_TEST((r == Range{3, 7}));
}

BOOST_AUTO_TEST_CASE(invalid_bytes_pass_through) {
  std::string in = "後\xFF來\xE5";
  Converted c = to_simplified(in, ScriptConversion::kT2S);
  BOOST_TEST(c.text == "后\xFF来\xE5");
  BOOST_TEST(to_simplified(std::string_view(), ScriptConversion::kT2S).text.empty());
}

BOOST_AUTO_TEST_CASE(owned_input_converts_in_place_with_the_same_result) {
  std::string in = "國務院扶貧辦副主任\U000282E2，貧困發生率";
  Converted a = to_simplified(std::string_view(in), ScriptConversion::kT2S);
  Converted b = to_simplified(std::string(in), ScriptConversion::kT2S, ConvertOptions{});
  BOOST_TEST(a.text == b.text);
  BOOST_TEST(a.map.pieces().size() == b.map.pieces().size());
  check_offsets(in, b);
}

BOOST_AUTO_TEST_CASE(every_correction_applies_and_can_be_switched_off) {
  std::ifstream f(aidtext::testing::source_dir() / "lib" / "convert" / "corrections.tsv");
  std::string line;
  int entries = 0;
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) fields.push_back(field);
    BOOST_REQUIRE_EQUAL(fields.size(), 4u);
    const std::string &table = fields[0], &from = fields[1], &to = fields[2];
    ScriptConversion v = table == "hk" ? ScriptConversion::kHK2S
                         : table == "tw" ? ScriptConversion::kTW2S
                                         : ScriptConversion::kT2S;
    // hk/tw entries feed the TS group, which runs after them.
    std::string expected = table == "ts" ? to : t2s(to);
    BOOST_TEST(to_simplified(from, v).text == expected, table << " " << from);
    ++entries;
  }
  BOOST_TEST(entries >= 10);
  BOOST_TEST(t2s("著眼於長遠", true) == "着眼于长远");
  BOOST_TEST(t2s("著眼於長遠", false) == "著眼于长远");
  // Guards: 著 read zhù is never taken by a 著X correction.
  BOOST_TEST(t2s("顯著力量") == "显著力量");
  BOOST_TEST(t2s("編著手冊") == "编著手册");
  BOOST_TEST(t2s("乾安縣脫貧") == "乾安县脱贫");
  BOOST_TEST(t2s("乾安縣脫貧", false) == "干安县脱贫");
}

BOOST_AUTO_TEST_CASE(variants_run_the_variant_group_first) {
  // HKVariantsRev / TWVariantsRev normalize variants before TS.
  BOOST_TEST(to_simplified("潮濕灶台", ScriptConversion::kHK2S).text == "潮湿灶台");
  BOOST_TEST(to_simplified("著裝汙染", ScriptConversion::kTW2S).text == "着装污染");
  Converted c = to_simplified("讚歎沙河涌洶湧的波浪", ScriptConversion::kHK2S);
  BOOST_TEST(c.text == "赞叹沙河涌汹涌的波浪");
  check_offsets("讚歎沙河涌洶湧的波浪", c);
}

// With corrections off, the converter is Debian's OpenCC: compare with the
// opencc command on every peer input and on the seeds, for each variant.
BOOST_AUTO_TEST_CASE(equals_debian_opencc_without_corrections,
                     *boost::unit_test::precondition(has_shared_dir_and_opencc)) {
  std::map<std::string, std::string> inputs;  // config -> lines
  for (const char* file : {"t2s_cases.json", "t2s_cases_v1.1.6.json"})
    for (const PeerCase& c : peer_cases(file))
      for (const char* config : {"t2s", "hk2s", "tw2s"}) inputs[config] += c.input + "\n";
  for (const auto& seed : aidtext::testing::seed_files())
    for (const char* config : {"t2s", "hk2s", "tw2s"})
      inputs[config] += aidtext::testing::read_file(seed) + "\n";
  for (const auto& [config, text] : inputs) {
    auto expected = aidtext::testing::run_opencc(config, text);
    BOOST_REQUIRE(expected.has_value());
    Converted c = to_simplified(text, variant_of(config), ConvertOptions{false});
    // Compare line by line for readable failures.
    std::stringstream a(c.text), b(*expected);
    std::string la, lb;
    int lines = 0, differ = 0;
    while (std::getline(b, lb)) {
      std::getline(a, la);
      ++lines;
      if (la != lb) {
        ++differ;
        BOOST_TEST(la == lb, config << " line " << lines);
      }
    }
    BOOST_TEST_MESSAGE(config << ": " << lines << " lines, " << differ << " differ from opencc");
    BOOST_TEST(lines > 100);
  }
}

// OpenCC's own test cases: pass at least as many as Debian's OpenCC 1.1.6
// (t2s 28, hk2s 12, tw2s 22 of the HEAD cases).
BOOST_AUTO_TEST_CASE(peer_opencc_cases_floor, *boost::unit_test::precondition(has_shared_dir)) {
  std::map<std::string, int> passed, total, passed_plain;
  for (const PeerCase& c : peer_cases("t2s_cases.json")) {
    if (c.config != "t2s" && c.config != "hk2s" && c.config != "tw2s") continue;
    ++total[c.config];
    const ScriptConversion v = variant_of(c.config);
    passed[c.config] += to_simplified(c.input, v).text == c.expected;
    passed_plain[c.config] += to_simplified(c.input, v, ConvertOptions{false}).text == c.expected;
  }
  for (const auto& [config, n] : total)
    BOOST_TEST_MESSAGE("opencc peer cases " << config << ": " << passed[config] << "/" << n
                                            << " (without corrections " << passed_plain[config]
                                            << ")");
  std::printf("opencc peer cases: t2s %d/%d, hk2s %d/%d, tw2s %d/%d (without corrections %d, %d, %d)\n",
              passed["t2s"], total["t2s"], passed["hk2s"], total["hk2s"], passed["tw2s"],
              total["tw2s"], passed_plain["t2s"], passed_plain["hk2s"], passed_plain["tw2s"]);
  BOOST_TEST(passed["t2s"] >= 28);
  BOOST_TEST(passed["hk2s"] >= 12);
  BOOST_TEST(passed["tw2s"] >= 22);
  // The corrections only ever add passes.
  BOOST_TEST(passed["t2s"] >= passed_plain["t2s"]);
  BOOST_TEST(passed["hk2s"] >= passed_plain["hk2s"]);
  BOOST_TEST(passed["tw2s"] >= passed_plain["tw2s"]);
  // The 1.1.6 release suite: Debian's OpenCC passes all of it.
  for (const PeerCase& c : peer_cases("t2s_cases_v1.1.6.json")) {
    if (c.config != "t2s" && c.config != "hk2s" && c.config != "tw2s") continue;
    BOOST_TEST(to_simplified(c.input, variant_of(c.config), ConvertOptions{false}).text == c.expected,
               c.id);
  }
}

BOOST_AUTO_TEST_CASE(tables_are_embedded) {
  const auto& ts = ConversionTable::get(ConversionTable::Group::kTraditional);
  BOOST_TEST(ts.phrase_count() > 200u);
  BOOST_TEST((ts.map_char(U'國') == U'国'));
  BOOST_TEST((ts.map_char(U'国') == U'国'));
  BOOST_TEST((ts.map_char(U'a') == U'a'));
  // The one-load fast path agrees with the full lookup wherever it answers,
  // and never answers for a character that may start a phrase.
  for (auto group : {ConversionTable::Group::kTraditional, ConversionTable::Group::kHongKongVariants,
                     ConversionTable::Group::kTaiwanVariants}) {
    const auto& t = ConversionTable::get(group);
    size_t fast = 0, bad = 0;
    for (char32_t c = 0x800; c < 0x10000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      const char32_t o = t.simple_3byte(c);
      if (!o) continue;
      ++fast;
      bad += o != t.map_char(c) || t.may_start_phrase(c) || o < 0x800;
    }
    BOOST_TEST(bad == 0u);
    BOOST_TEST(fast > 60000u);
  }
  BOOST_TEST(ConversionTable::get(ConversionTable::Group::kHongKongVariants).phrase_count() > 100u);
  BOOST_TEST(ConversionTable::get(ConversionTable::Group::kTaiwanVariants).phrase_count() > 50u);
}

// The active bits and run tables are generated at build time for the group
// with a bmp array (make_conversion_tables.py) and derived from the few
// mappings of the others at construction: both must equal what the
// per-character derivation they replace computed from the table's other
// sections (conversion_table.cc and converter.cc before they were
// generated), transcribed here.
BOOST_AUTO_TEST_CASE(fast_tables_match_their_runtime_derivation) {
  for (auto group : {ConversionTable::Group::kTraditional, ConversionTable::Group::kHongKongVariants,
                     ConversionTable::Group::kTaiwanVariants}) {
    const auto& t = ConversionTable::get(group);
    const uint32_t* runs = t.run_table();
    size_t active_bad = 0, run_bad = 0, phrase_checks = 0, marked = 0;
    for (uint32_t c = 0; c < 0x10000; ++c) {
      const bool starts = t.may_start_phrase(c);
      const char32_t m = t.map_char(c);
      const uint32_t v = m == c ? 0 : (m < 0x10000 && m != 0 ? m : 0xFFFF);
      active_bad += t.may_change(c) != (v != 0 || starts);
      const bool three_bytes = c >= 0x800 && (c < 0xD800 || c > 0xDFFF);
      const bool simple_value = v == 0 || (v >= 0x800 && v < 0xD800) || (v > 0xDFFF && v != 0xFFFF);
      const uint32_t simple = three_bytes && !starts && simple_value ? (v ? v : c) : 0;
      uint32_t entry = char_runs::run_entry(c, static_cast<uint16_t>(simple));
      // t.may_start_phrase(c, 0): the pair filter's bit for c alone.
      if (entry == char_runs::kFullPath && three_bytes && starts && m >= 0x800 && m < 0x10000 &&
          !t.may_start_phrase(c, 0)) {
        entry = (char_runs::utf8_word(c) ^ char_runs::utf8_word(m)) | char_runs::kPhraseCheck;
        ++phrase_checks;
      }
      run_bad += runs[char_runs::slot_of_char(c)] != entry;
      // The watched run table (the traditional group's, for the repair
      // stage's watched set) sends the set's characters to the full path.
      if (const uint64_t* watched = t.watched_set()) {
        const bool in_set = (watched[c >> 6] >> (c & 63)) & 1;
        marked += in_set && entry != char_runs::kFullPath;
        run_bad += t.watched_run_table()[char_runs::slot_of_char(c)] != (in_set ? char_runs::kFullPath : entry);
      }
    }
    BOOST_TEST(active_bad == 0u);
    BOOST_TEST(run_bad == 0u);
    BOOST_TEST(phrase_checks > 0u);
    // Only the traditional group has a watched set, which holds many of
    // the characters the table would otherwise decide alone (the rare ones
    // a codec the repairer reads can produce: about 24,000).
    BOOST_TEST((t.watched_set() != nullptr) == (group == ConversionTable::Group::kTraditional));
    BOOST_TEST((t.watched_run_table() != nullptr) == (t.watched_set() != nullptr));
    if (t.watched_set()) BOOST_TEST(marked > 20000u);
  }
}

namespace {

// A watch that records what a conversion pass shows it, with a set of the
// caller's (the pass caches by the set's address, so each set is an array
// of its own that lives to the end of the program).
class RecordingWatch final : public CharWatch {
 public:
  explicit RecordingWatch(const uint64_t* set) : set_(set) {}
  const uint64_t* watched() const override { return set_; }
  bool see_char(std::string_view, size_t pos, char32_t c, int) override {
    seen.push_back({c, pos});
    return false;
  }
  bool see_ascii(std::string_view, size_t begin, size_t) override {
    seen.push_back({U'?', begin});
    return false;
  }
  std::vector<std::pair<char32_t, size_t>> seen;

 private:
  const uint64_t* set_;
};

// What the watch contract (core/char_watch.h) asks a pass to show a watch
// with `set`, worked out from the text alone.
std::vector<std::pair<char32_t, size_t>> due(std::string_view text, const uint64_t* set) {
  std::vector<std::pair<char32_t, size_t>> out;
  for (const auto& [c, pos] : chars_of(text)) {
    if (c < 0x80) continue;  // no '?' in the texts below
    const bool three_bytes = c >= 0x800 && c < 0x10000;
    if (!three_bytes || ((set[c >> 6] >> (c & 63)) & 1)) out.push_back({c, pos});
  }
  return out;
}

}  // namespace

// The traditional table has a run table for one watched set: a pass whose
// watch has that set (at the table's own address or at another) reads it;
// a pass with another set builds a table of its own. Both show the watch
// exactly what the contract asks and convert as a pass without a watch.
BOOST_AUTO_TEST_CASE(watched_characters_are_shown_whichever_table_the_pass_reads) {
  const auto& ts = ConversionTable::get(ConversionTable::Group::kTraditional);
  const uint64_t* marked = ts.watched_set();
  BOOST_TEST_REQUIRE(marked != nullptr);
  static uint64_t copy[0x10000 / 64], fewer[0x10000 / 64], more[0x10000 / 64];
  std::copy(marked, marked + 0x10000 / 64, copy);
  std::copy(marked, marked + 0x10000 / 64, fewer);
  std::copy(marked, marked + 0x10000 / 64, more);
  // Traditional text with rare and common characters, a phrase, a
  // two-byte and a four-byte character; repeated so that runs are long.
  std::string text;
  for (int k = 0; k < 8; ++k) text += "濟南市黨政代表團赴湘西州對接扶貧協作工作，鬱鬱蔥蔥的龘龘山谷×𠀀。\n";
  // Clear and set the bits of characters of the text in the two variants.
  for (const auto& [c, pos] : chars_of(text)) {
    if (c < 0x800 || c >= 0x10000) continue;
    uint64_t bit = uint64_t{1} << (c & 63);
    if (marked[c >> 6] & bit) fewer[c >> 6] &= ~bit;
    else more[c >> 6] |= bit;
  }
  const std::string plain = t2s(text);
  size_t marked_in_text = 0;
  for (const auto& [c, pos] : chars_of(text))
    marked_in_text += c >= 0x800 && c < 0x10000 && ((marked[c >> 6] >> (c & 63)) & 1);
  BOOST_TEST(marked_in_text > 0u);
  for (const uint64_t* set : {marked, static_cast<const uint64_t*>(copy), static_cast<const uint64_t*>(fewer),
                              static_cast<const uint64_t*>(more)}) {
    for (int twice = 0; twice < 2; ++twice) {  // the second call reads the cached answer
      RecordingWatch watch(set);
      ConvertOptions options;
      options.watch = &watch;
      const Converted out = to_simplified(text, ScriptConversion::kT2S, options);
      BOOST_TEST(!out.watch_stopped);
      BOOST_TEST(out.text == plain);
      BOOST_TEST((watch.seen == due(text, set)));
    }
  }
}
