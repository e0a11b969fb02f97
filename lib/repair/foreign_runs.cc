// Runs of other scripts and of box drawing inside Chinese text (foreign_runs.h).
#include "repair/foreign_runs.h"

#include <algorithm>
#include <bit>

#include "core/utf8.h"
#include "repair/char_lm.h"
#include "repair/damage_scan.h"

namespace aidtext::repair {

namespace {

// Whether no source view of the repairer (Latin-1, cp1252, GBK, GB18030's
// two-byte pairs, Big5) has the script's letters: then they are never
// mojibake, and never rare to the check.
bool never_mojibake(RunScript s) {
  return s != RunScript::kNone && s != RunScript::kGreek && s != RunScript::kCyrillic &&
         s != RunScript::kKana && s != RunScript::kBoxDrawing;
}

// Whether kana are at least this share of the non-ASCII characters of a
// window: Japanese text, where half the characters are kana, not mojibake,
// where kana are one character in 60 to 250 (UTF-8 and Big5 read as GBK,
// GBK read as Big5, over the test articles) and not many more anywhere.
constexpr uint32_t kJapaneseKanaShareInverse = 5;  // one in five

bool reads_as_japanese(std::string_view text, uint32_t begin, uint32_t end) {
  uint32_t kana = 0, non_ascii = 0;
  for (uint32_t i = begin; i < end;) {
    int len;
    const char32_t c = utf8::decode(text, i, &len);
    i += static_cast<uint32_t>(len);
    non_ascii += c >= 0x80;
    kana += run_script(c) == RunScript::kKana;
  }
  return kana * kJapaneseKanaShareInverse >= non_ascii && kana > 0;
}

// Whether [begin, end) of `text` holds a rare run when characters
// continuing a run (and, in Japanese text, every kana; anywhere, letters
// no source view has and characters beyond the BMP) are not rare: the
// damage scan's count (damage_scan.cc) with that one change.
bool holds_rare_run(std::string_view text, uint32_t begin, uint32_t end) {
  const uint64_t* rare_words = rare_char_bits();
  const bool japanese = reads_as_japanese(text, begin, end);
  uint32_t rare_bits = 0;  // one bit per recent non-ASCII character: rare?
  char32_t prev = 0;
  for (uint32_t i = begin; i < end;) {
    int len;
    const char32_t c = utf8::decode(text, i, &len);
    i += static_cast<uint32_t>(len);
    if (c < 0x80) {
      if (c == '\n') rare_bits = 0;
      prev = c;
      continue;
    }
    const RunScript script = run_script(c);
    const bool foreign = continues_foreign_run(prev, c) || never_mojibake(script) ||
                         (japanese && script == RunScript::kKana);
    const bool rare = c < 0x10000 && ((rare_words[c >> 6] >> (c & 63)) & 1) && !foreign;
    rare_bits = ((rare_bits << 1) | (rare ? 1u : 0u)) & ((1u << kRareRunWindow) - 1);
    if (rare && std::popcount(rare_bits) >= kRareRunCount) return true;
    prev = c;
  }
  return false;
}

}  // namespace

void drop_foreign_windows(std::string_view text, std::vector<SuspectWindow>& windows) {
  std::erase_if(windows, [&](const SuspectWindow& w) {
    return w.signals == kRareRun && !holds_rare_run(text, w.begin, w.end);
  });
}

}  // namespace aidtext::repair
