// Runs of other scripts inside Chinese text (repair/foreign_runs.h): a
// Greek, Russian, Japanese, Korean, Arabic or Thai passage, pinyin with
// tone marks, French, a table drawn in box drawing and a line of emoji
// are left as they are, raise no
// window for the decoder, and do not stop real mojibake beside them from
// being repaired. The passages are written for this test;
// the damage is made with ICU (mojibake_maker.h).
#define BOOST_TEST_MODULE foreign_runs
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "mojibake_maker.h"
#include "normalize/normalizer.h"
#include "repair/damage_scan.h"
#include "repair/foreign_runs.h"
#include "repair/repairer.h"

namespace {

using aidtext::repair::RunScript;
using aidtext::repair::run_script;
namespace mk = aidtext::testing;

struct Passage {
  const char* language;
  std::string text;
};

std::string times(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

const std::vector<Passage>& passages() {
  static const std::vector<Passage> p = {
      {"Greek", times("Η μείωση της φτώχειας στα χωριά της επαρχίας προχώρησε γρήγορα φέτος. ", 4)},
      {"Russian", times("Программа помощи сельским районам охватила миллионы жителей провинции. ", 4)},
      {"Japanese", times("日本の研究者は、農村の貧困対策について「とても参考になる」と話した。", 3)},
      {"Korean", times("한국 연구자들은 농촌 빈곤 퇴치 정책이 매우 인상적이라고 말했다. ", 4)},
      {"Arabic", times("قال الباحثون إن برامج مكافحة الفقر في الريف كانت ناجحة جدا. ", 4)},
      {"Thai", times("นักวิจัยกล่าวว่าโครงการลดความยากจนในชนบทประสบความสำเร็จ ", 4)},
      {"box drawing", "┌──────┬────────┐\n│ 县名 │ 贫困人口 │\n├──────┼────────┤\n│ 甲县 │ 1.2万人  │\n└──────┴────────┘"},
      {"pinyin", times("Jīngzhǔn fúpín shì “Zhōngguó” de zhòngyào zhèngcè, tuōpín gōngjiān yě shì, nǚ lǚ. ", 3)},
      {"French", times("Le journaliste français a été très intéressé, « c'est étonnant », a-t-il déclaré à Pékin. ", 3)},
      {"emoji", times("点赞👍👍👍🎉🎉为脱贫攻坚加油💪💪🔥🔥🔥！大家一起努力😀😀😀🙏🙏 ", 3)},
  };
  return p;
}

const std::string kBefore = "记者从县扶贫办获悉，今年全县贫困人口减少到1.2万人，贫困发生率降至1.5%。\n";
const std::string kAfter = "\n外国专家在座谈会上说，这里的经验值得学习。全县还有贫困村12个。\n";

BOOST_AUTO_TEST_CASE(scripts_are_told_apart) {
  BOOST_TEST((run_script(U'α') == RunScript::kGreek));
  BOOST_TEST((run_script(U'Ж') == RunScript::kCyrillic));
  BOOST_TEST((run_script(U'の') == RunScript::kKana));
  BOOST_TEST((run_script(U'カ') == RunScript::kKana));
  BOOST_TEST((run_script(U'한') == RunScript::kHangul));
  BOOST_TEST((run_script(U'ب') == RunScript::kArabic));
  BOOST_TEST((run_script(U'ก') == RunScript::kThai));
  BOOST_TEST((run_script(U'─') == RunScript::kBoxDrawing));
  BOOST_TEST((run_script(U'┼') == RunScript::kBoxDrawing));
  // Not letters of those scripts: Han, ASCII, Latin-1 (mojibake's own
  // letters) and the katakana middle dot of foreign names.
  BOOST_TEST((run_script(U'贫') == RunScript::kNone));
  BOOST_TEST((run_script(U'a') == RunScript::kNone));
  BOOST_TEST((run_script(U'é') == RunScript::kNone));
  BOOST_TEST((run_script(U'・') == RunScript::kNone));
  BOOST_TEST(aidtext::repair::continues_foreign_run(U'α', U'β'));
  BOOST_TEST(aidtext::repair::continues_foreign_run(U'─', U'┬'));
  BOOST_TEST(!aidtext::repair::continues_foreign_run(U'α', U'Ж'));
  BOOST_TEST(!aidtext::repair::continues_foreign_run(U'贫', U'の'));
}

// Before the check, each passage raised rare-run windows (every letter is
// unknown to the model), and the decoder read some of them as Big5 read
// as GBK: Greek and Russian words came out with Han in them, the table's
// rules as 岸岸岸岸.
BOOST_AUTO_TEST_CASE(passages_raise_no_window) {
  for (const Passage& p : passages()) {
    BOOST_TEST_CONTEXT(p.language) {
      const std::string text = kBefore + p.text + kAfter;
      std::vector<aidtext::repair::SuspectWindow> windows = aidtext::repair::find_suspect_windows(text);
      // The scan alone still sees rare runs where the letters are of a
      // codec the repairer reads (GBK has Greek, Cyrillic, kana, box
      // drawing and pinyin letters), so that the check has work. Korean,
      // Arabic, Thai and emoji, which no reading's source view produces,
      // raise none (damage_scan.h's kRareCost).
      const std::string language = p.language;
      const bool producible = language != "Korean" && language != "Arabic" && language != "Thai" && language != "emoji";
      BOOST_TEST(windows.empty() == !producible);
      aidtext::repair::drop_foreign_windows(text, windows);
      BOOST_TEST(windows.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(passages_come_through_unchanged) {
  aidtext::NormalizeOptions options;
  options.convert = aidtext::ScriptConversion::kNone;  // the Japanese Han stay as written
  options.cjk_spacing = false;                         // and the spaces between words
  for (const Passage& p : passages()) {
    BOOST_TEST_CONTEXT(p.language) {
      const std::string text = kBefore + p.text + kAfter;
      const aidtext::Repaired r = aidtext::repair_mojibake(text);
      BOOST_TEST(r.text == text);
      BOOST_TEST(r.repairs.empty());
      const aidtext::NormalizedText n = aidtext::normalize(text, options);
      BOOST_TEST(n.text.find(p.text) != std::string::npos);
      BOOST_TEST(n.report.repairs.empty());
    }
  }
}

// A window with a real signal stays, with the foreign passage in it: the
// damaged sentence is repaired and the passage kept, because the decoder
// keeps a foreign word's letters at a letter's price (NodeScorer::kept_cost)
// and a decoded stretch over one must beat that. Before, the Russian
// passage's window was left unrepaired (a stretch reaching into its words
// was refused) or its words were decoded as Chinese.
BOOST_AUTO_TEST_CASE(mojibake_beside_a_passage_is_repaired) {
  const std::string sentence = "合作社带动贫困户发展产业，户均增收三千元。";
  const std::string clause = "合作社带动贫困户发展产业，户均增收三千";  // before the lost bytes
  // Latin-1 mojibake loses nothing: the sentence comes back whole, as it
  // does without the passage.
  const std::string latin1 = mk::latin1(mk::encode(sentence, "UTF-8"));
  // UTF-8 read as GBK loses its last characters' bytes, and what the
  // decoder guesses for them depends on what follows: the clause before
  // them comes back.
  const std::string utf8_as_gbk = mk::decode(mk::encode(sentence, "UTF-8"), "GBK");
  BOOST_TEST_REQUIRE(aidtext::repair_mojibake(kBefore + latin1 + kAfter).text == kBefore + sentence + kAfter);
  for (const Passage& p : passages()) {
    BOOST_TEST_CONTEXT(p.language) {
      // The damaged sentence and the passage on one line: one window.
      const aidtext::Repaired whole = aidtext::repair_mojibake(kBefore + latin1 + p.text + kAfter);
      BOOST_TEST(whole.text == kBefore + sentence + p.text + kAfter);
      const aidtext::Repaired lossy = aidtext::repair_mojibake(kBefore + utf8_as_gbk + p.text + kAfter);
      BOOST_TEST(lossy.text.find(kBefore + clause) == 0u);
      BOOST_TEST(lossy.text.find(p.text + kAfter) != std::string::npos);
      BOOST_TEST(!lossy.repairs.empty());
    }
  }
}

// Latin-1 or cp1252 mojibake right after a Latin word: the lead byte
// after the word's last letter is let pass as a letter of the word
// (holds_signal), but the damage after it still raises the window.
BOOST_AUTO_TEST_CASE(mojibake_right_after_a_latin_word_is_repaired) {
  for (const std::string word : {"GDP", "APP", "Pékin", "fúpín"}) {
    const std::string sentence = "增长了百分之六点五，农民人均可支配收入增长百分之八。";
    for (const std::string& damaged : {mk::latin1(mk::encode(sentence, "UTF-8")),
                                       mk::sloppy_cp1252(mk::encode(sentence, "UTF-8"))}) {
      BOOST_TEST_CONTEXT(word << damaged) {
        const std::string text = kBefore + word + damaged + kAfter;
        std::vector<aidtext::repair::SuspectWindow> windows = aidtext::repair::find_suspect_windows(text);
        aidtext::repair::drop_foreign_windows(text, windows);
        BOOST_TEST(!windows.empty());
        BOOST_TEST(aidtext::repair_mojibake(text).text == kBefore + word + sentence + kAfter);
      }
    }
  }
}

}  // namespace
