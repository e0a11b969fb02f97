#include "numerals/kou_classifier.h"

#include <span>

#include "core/utf8.h"
#include "numerals/char_context.h"
#include "numerals/text_match.h"

namespace aidtext::numerals {
namespace {

// 口 as a counting classifier: the lexicon's classifiers (个, 座 ...) give
// unit "count" and keep the classifier; so does this one.
constexpr UnitWord kKouClassifier{"口", "count", "口", UnitKind::kClassifier};

// The nouns that 口 counts as things, in the domain of rural aid news. Each
// is matched as written after the number (30口机井: a prefix, so compounds
// are listed) and as a word ending before it (打井30口: a suffix, where the
// one-character head covers its compounds).
constexpr std::string_view kKouNouns[] = {
    // Wells: drinking-water and irrigation projects drill them (打井, 机井,
    // 机电井 for pumped irrigation, 大口井 a wide shallow well, 旱井 the
    // loess plateau's rain-fed well).
    "机电井", "大口井", "机井", "水井", "深井", "旱井", "井",
    // Water cellars: rain-collecting tanks of the dry northwest (水窖), and
    // storage cellars (地窖, 菜窖).
    "水窖", "地窖", "菜窖", "窖",
    // Ponds and pools: irrigation and fish ponds, reservoirs of villages
    // (山塘, 涝池 on the loess plateau), storage tanks (蓄水池).
    "蓄水池", "池塘", "水塘", "山塘", "鱼塘", "塘", "水池", "鱼池", "涝池", "池",
    // Pots and vats: cooking pots and water vats given to poor households.
    "大锅", "铁锅", "锅", "水缸", "大缸", "缸", "水瓮", "瓮",
    // Coffins: funeral aid.
    "棺材", "棺木", "棺",
};

// Words that, between a number and a noun before it, say the 口 counts
// people: the family or household it belongs to (一家三口, 全家4口, 每户5口)
// and the words for people (家庭人口3口, 家庭成员4口, 村民, 群众).
constexpr std::string_view kPeopleWords[] = {"家", "户", "人", "口", "员", "民", "众"};

// How far back in its clause a noun may stand before the number (水窖新建120口,
// 蓄水池共计修建8口): Han characters and digits, up to punctuation.
constexpr int kLookBack = 10;

// One character that 口 and its noun may have between them: 两口大水缸,
// 30口深水井, 5口新窖.
constexpr std::u32string_view kModifiers = U"大小新深老旧";

bool kou_noun_at(std::string_view text, size_t pos) {
  for (std::string_view w : kKouNouns)
    if (starts_with_at(text, pos, w)) return true;
  return false;
}

bool word_ends_at(std::string_view text, size_t end, std::span<const std::string_view> words) {
  for (std::string_view w : words)
    if (ends_with_at(text, end, w)) return true;
  return false;
}

// 30口机井, 两口大锅: the noun right after 口.
bool noun_after(std::string_view text, size_t pos) {
  if (kou_noun_at(text, pos)) return true;
  int len;
  const char32_t c = cp_at(text, pos, &len);
  return c != 0 && kModifiers.find(c) != std::u32string_view::npos && kou_noun_at(text, pos + len);
}

// The nearest word before the number in its clause (up to kLookBack
// characters, Han and digits, up to punctuation) is one of `nouns`, with
// none of `stops` nearer.
bool clause_noun_before(std::string_view text, size_t number_begin, std::span<const std::string_view> nouns,
                        std::span<const std::string_view> stops) {
  size_t p = number_begin;
  for (int k = 0; k < kLookBack && p > 0; ++k) {
    if (word_ends_at(text, p, nouns)) return true;
    if (word_ends_at(text, p, stops)) return false;
    int len;
    const char32_t c = cp_before(text, p, &len);
    if (!utf8::is_han(c) && !(c >= '0' && c <= '9')) return false;  // punctuation ends the clause
    p -= static_cast<size_t>(len);
  }
  return false;
}

// 打井30口, 新建水窖120口: the nearest word before the number in its clause is
// such a noun, with no word for people or families nearer (水窖旁一家三口).
bool noun_before(std::string_view text, size_t number_begin) {
  return clause_noun_before(text, number_begin, kKouNouns, kPeopleWords);
}

// The nouns that 眼 counts: wells (the same as 口's), springs, water and
// storage cellars, cave dwellings and kilns of the loess plateau (一眼窑洞).
constexpr std::string_view kYanNouns[] = {
    "机电井", "大口井", "机井", "水井", "深井", "旱井", "灌溉井", "井",
    "泉水", "山泉", "泉",
    "水窖", "地窖", "菜窖", "窖",
    "窑洞", "土窑", "砖窑", "窑",
};

// Verbs of looking: before the number (看了一眼, 瞥了两眼, 多看一眼,
// 看上一眼) they make 眼 a glance.
constexpr std::u32string_view kLookVerbs = U"看望瞧瞅瞥瞪瞄瞟盯扫睃";
// Words between a look verb and its number: 看了一眼, 看上一眼, 望过一眼.
constexpr std::u32string_view kLookParticles = U"了上过";
// What follows 眼 when it is a glance: 一眼望去, 一眼看出, 一眼就认出,
// 一眼便知, 一眼认出, 一眼瞥见, 一眼即可.
constexpr std::u32string_view kSightAfter = U"望看瞧瞅瞥见认就便即可能难";

template <size_t N>
bool noun_at(std::string_view text, size_t pos, const std::string_view (&nouns)[N]) {
  for (std::string_view w : nouns)
    if (starts_with_at(text, pos, w)) return true;
  return false;
}

bool look_before(std::string_view text, size_t number_begin) {
  int len;
  char32_t c = cp_before(text, number_begin, &len);
  size_t p = number_begin;
  if (c != 0 && kLookParticles.find(c) != std::u32string_view::npos) {
    p -= static_cast<size_t>(len);
    c = cp_before(text, p, &len);
  }
  return c != 0 && kLookVerbs.find(c) != std::u32string_view::npos;
}

// 打井10眼, 新建水窖120眼: the nearest word before the number in its clause
// is one of 眼's nouns.
bool yan_noun_before(std::string_view text, size_t number_begin) {
  return clause_noun_before(text, number_begin, kYanNouns, {});
}

bool arabic_number(std::string_view text, size_t number_begin, size_t number_end) {
  for (size_t p = number_begin; p < number_end;) {
    int len;
    const char32_t c = cp_at(text, p, &len);
    if (c == 0) break;
    if ((c >= '0' && c <= '9') || (c >= U'０' && c <= U'９')) return true;
    p += static_cast<size_t>(len);
  }
  return false;
}

}  // namespace

const UnitWord* reread_yan(std::string_view text, size_t number_begin, size_t unit_pos, const UnitWord* unit) {
  if (!unit || unit->text != "眼") return unit;
  if (look_before(text, number_begin)) return nullptr;  // 看了一眼
  const size_t after = unit_pos + unit->text.size();
  int len;
  const char32_t next = cp_at(text, after, &len);
  if (noun_at(text, after, kYanNouns) ||
      (next != 0 && kModifiers.find(next) != std::u32string_view::npos && noun_at(text, after + len, kYanNouns)))
    return unit;  // 3眼机井, 两眼新井
  if (next != 0 && kSightAfter.find(next) != std::u32string_view::npos) return nullptr;  // 一眼望去
  if (yan_noun_before(text, number_begin) || arabic_number(text, number_begin, unit_pos)) return unit;
  return nullptr;
}

const UnitWord* reread_kou(std::string_view text, size_t number_begin, size_t unit_pos, const UnitWord* unit) {
  if (!unit || unit->text != "口") return unit;  // 口人 is always people
  const size_t after = unit_pos + unit->text.size();
  if (noun_after(text, after) || noun_before(text, number_begin)) return &kKouClassifier;
  return unit;
}

}  // namespace aidtext::numerals
