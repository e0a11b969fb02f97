// LiteralIndex against a brute-force reading of its contract: at each
// character the longest cue written there, with the distinct payloads of
// its listings in list order; a scan keeps the hits that end beyond the last
// one kept. Random cue lists over a small alphabet, so that cues share first
// characters, prefixes and sizes, and are listed again with the same or
// another payload.
#define BOOST_TEST_MODULE metrics_literal_index
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "metrics/char_index.h"
#include "metrics/char_scan.h"
#include "metrics/literal_index.h"

namespace {

using aidtext::CueHit;
using aidtext::LiteralIndex;

// Characters of one to four bytes; 脱 and 脲 share a block of 64 code points.
const char* const kAlphabet[] = {"脱", "贫", "攻", "坚", "县", "脲", "a", "b", "\xC3\xA9", "\xF0\x9F\x98\x80"};

std::string random_word(std::mt19937& rng, int max_chars) {
  std::string w;
  const int n = 1 + static_cast<int>(rng() % static_cast<unsigned>(max_chars));
  for (int i = 0; i < n; ++i) w += kAlphabet[rng() % std::size(kAlphabet)];
  return w;
}

struct Reference {
  std::vector<LiteralIndex::Cue> cues;
  // The longest cue at text[pos] ending by `end`: its size, its payloads.
  std::pair<uint32_t, std::vector<int32_t>> longest_at(std::string_view text, size_t pos, size_t end) const {
    size_t best = 0;
    for (const LiteralIndex::Cue& c : cues)
      if (!c.text.empty() && c.text.size() > best && pos + c.text.size() <= end && text.compare(pos, c.text.size(), c.text) == 0)
        best = c.text.size();
    std::vector<int32_t> payloads;
    if (best == 0) return {0, payloads};
    const std::string_view word = text.substr(pos, best);
    for (const LiteralIndex::Cue& c : cues)
      if (c.text == word && std::find(payloads.begin(), payloads.end(), c.payload) == payloads.end())
        payloads.push_back(c.payload);
    return {static_cast<uint32_t>(best), payloads};
  }
  std::vector<CueHit> scan(std::string_view text) const {
    std::vector<CueHit> out;
    uint32_t covered_to = 0;
    for (size_t pos = 0; pos < text.size();) {
      int len = 1;
      aidtext::next_char(text, pos, &len);
      const auto [size, payloads] = longest_at(text, pos, text.size());
      if (size && pos + size > covered_to) {
        for (int32_t p : payloads)
          out.push_back(CueHit{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + size), p});
        covered_to = static_cast<uint32_t>(pos + size);
      }
      pos += static_cast<size_t>(len);
    }
    return out;
  }
};

std::string describe(const std::vector<CueHit>& hits) {
  std::string s;
  for (const CueHit& h : hits)
    s += std::to_string(h.begin) + "-" + std::to_string(h.end) + ":" + std::to_string(h.payload) + " ";
  return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(matches_a_brute_force_reading) {
  std::mt19937 rng(11);
  for (int round = 0; round < 3000; ++round) {
    Reference ref;
    std::vector<std::string> words;  // owns the cues' bytes
    const int n = static_cast<int>(rng() % 40);
    words.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      // Now and then a word listed before, with the same or another payload.
      if (!words.empty() && rng() % 4 == 0)
        words.push_back(words[rng() % words.size()]);
      else
        words.push_back(rng() % 20 == 0 ? std::string() : random_word(rng, 4));
    }
    for (const std::string& w : words) ref.cues.push_back({w, static_cast<int32_t>(rng() % 5)});
    const LiteralIndex index(ref.cues);
    const bool any = std::any_of(words.begin(), words.end(), [](const std::string& w) { return !w.empty(); });
    BOOST_TEST(index.empty() == !any);

    std::string text;
    const int pieces = static_cast<int>(rng() % 40);
    for (int i = 0; i < pieces; ++i) text += rng() % 3 == 0 ? random_word(rng, 3) : words.empty() ? "x" : words[rng() % words.size()];
    BOOST_TEST_INFO("round " << round << ", text of " << text.size() << " bytes");

    for (size_t pos = 0; pos < text.size();) {
      int len = 1;
      const char32_t c = aidtext::next_char(text, pos, &len);
      const size_t end = pos + rng() % (text.size() - pos + 1);
      const auto [size, payloads] = ref.longest_at(text, pos, end);
      const LiteralIndex::Match m = index.longest_at(text, static_cast<uint32_t>(pos), static_cast<uint32_t>(end), c);
      BOOST_TEST(m.size == size);
      BOOST_TEST(std::vector<int32_t>(m.payloads().begin(), m.payloads().end()) == payloads);
      BOOST_TEST(index.any_at(text, pos) == (ref.longest_at(text, pos, text.size()).first != 0));
      if (size) BOOST_TEST(index.may_start(c));
      pos += static_cast<size_t>(len);
    }

    const std::string expected = describe(ref.scan(text));
    std::vector<CueHit> hits;
    index.scan(text, 0, static_cast<uint32_t>(text.size()), &hits);
    BOOST_TEST(describe(hits) == expected);
    hits.clear();
    const aidtext::CharIndex chars(text);
    index.scan(text, chars, 0, static_cast<uint32_t>(text.size()), &hits);
    BOOST_TEST(describe(hits) == expected);
  }
}

BOOST_AUTO_TEST_CASE(start_bits_are_the_first_characters) {
  std::mt19937 rng(5);
  std::vector<std::string> words;
  for (int i = 0; i < 200; ++i) words.push_back(random_word(rng, 3));
  std::vector<LiteralIndex::Cue> cues;
  for (const std::string& w : words) cues.push_back({w, 0});
  const LiteralIndex index(cues);
  std::vector<uint64_t> expected(0x10000 / 64);
  for (const std::string& w : words) {
    int len = 1;
    const char32_t c = aidtext::next_char(w, 0, &len);
    if (c < 0x10000) expected[c >> 6] |= uint64_t{1} << (c & 63);
  }
  BOOST_TEST(index.start_bits() == expected);
}
