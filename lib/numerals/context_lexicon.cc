#include "numerals/context_lexicon.h"

#include "numerals/char_context.h"
#include "numerals/text_match.h"

#include <cstdint>
#include <iterator>
#include <vector>

#include "core/utf8.h"

namespace aidtext::numerals {
namespace {


// Longest first where one word ends another (大约 before 约, 不超过 before 超过,
// 不少于 before 少于: "not less than" is a floor, so `over`).
constexpr ApproxWord kBefore[] = {
    {"不超过", Approx::kUnder}, {"不少于", Approx::kOver},  {"不低于", Approx::kOver},
    {"不小于", Approx::kOver},  {"不多于", Approx::kUnder}, {"不高于", Approx::kUnder},
    {"不大于", Approx::kUnder}, {"最多", Approx::kUnder},   {"至多", Approx::kUnder},
    // 约有1.5万名, 贫困发生率约为3%: 约 with the verb it modifies.
    {"大约有", Approx::kAbout}, {"大约为", Approx::kAbout}, {"约有", Approx::kAbout},
    {"约为", Approx::kAbout},
    {"最少", Approx::kOver},    {"大约", Approx::kAbout},   {"大概", Approx::kAbout},
    {"约", Approx::kAbout},     {"将近", Approx::kUnder}, {"接近", Approx::kUnder},
    {"近", Approx::kUnder},     {"超过", Approx::kOver},  {"逾", Approx::kOver},
    {"不足", Approx::kUnder},   {"不到", Approx::kUnder}, {"至少", Approx::kOver},
    {"多于", Approx::kOver},    {"少于", Approx::kUnder}, {"高于", Approx::kOver},
    {"低于", Approx::kUnder},   {"小于", Approx::kUnder}, {"大于", Approx::kOver},
    {"突破", Approx::kOver},    {"超", Approx::kOver},
};

constexpr ApproxWord kAfter[] = {
    {"左右", Approx::kAbout}, {"上下", Approx::kAbout}, {"以上", Approx::kOver},
    {"以下", Approx::kUnder}, {"以内", Approx::kUnder}, {"之内", Approx::kUnder},
    {"之多", Approx::kNone},  {"多", Approx::kOver},
    {"余", Approx::kOver},
};

constexpr std::string_view kFunctionBefore[] = {"是", "前", "和", "与", "或", "为", "有", "剩", "只"};
constexpr std::string_view kFunctionAfter[] = {"不是", "是", "这", "那", "而", "却", "的", "和", "与", "或"};

constexpr std::string_view kFixed[] = {
    "一条心", "一盘棋", "一鼓作气", "一杆子", "一带一路", "一口气", "一部分", "一次性", "一把手",
    "一成不变", "一道", "一块儿", "一块", "一手", "一席之地", "一揽子", "一览", "一家人", "两不愁", "三保障",
    "一刀切", "一把抓", "一站式", "一本账", "一张网", "一张图", "一场空", "一条龙", "一条线",
    "十分",  // "very" (十分重要); a score of ten is written 10分
    // 十一 as the National Day holiday (国庆十一期间), not 十一期 = 11 sessions.
    "十一期间", "十一黄金周", "十一长假", "十一假期", "十一小长假",
};

constexpr std::string_view kSloganHeads[] = {
    "意识", "维护", "自信", "全面", "代表", "确保", "务必", "坚持", "精准", "着力", "聚焦", "必须", "服从",
    "落实", "对接", "不摘", "清零", "一",  // 两个一百年, 五个一批
};

// Verbs that follow 一块 / 一道 when they mean "together" (a small list of
// the common ones: 努力, 去, 来, 做, 走, 学习, 工作, 建设, 奋斗, 参加 ...).
constexpr std::string_view kTogetherVerbs[] = {"努力", "去", "来", "做", "干", "走", "学", "工作", "建", "奋斗", "参加",
                                               "迈", "前进", "推进", "研究", "分享", "面对", "生活", "玩", "吃", "住",
                                               "过", "完成", "打", "抓", "迎", "庆", "探", "携手", "讨论", "商量"};

bool together_adverb(std::string_view text, size_t begin, size_t end) {
  for (std::string_view v : kTogetherVerbs)
    if (starts_with_at(text, end, v)) return true;
  // 与/和/同/跟 ... 一道 within the clause (up to 12 characters back, no punctuation).
  size_t p = begin;
  for (int k = 0; k < 12 && p >= 3; ++k) {
    if (ends_with_at(text, p, "与") || ends_with_at(text, p, "和") || ends_with_at(text, p, "同") ||
        ends_with_at(text, p, "跟"))
      return true;
    unsigned char b = static_cast<unsigned char>(text[p - 3]);
    if (b < 0xE4 || b > 0xE9) return false;  // not a CJK ideograph: punctuation ends the clause
    p -= 3;
  }
  return false;
}

// The last / first three bytes of every word below are a CJK character; a
// quick look at the one character that matters skips the word lists. The
// characters are compared as 24-bit keys (one comparison each, not three).
template <size_t N>
struct CharKeys {
  uint32_t key[(N - 1) / 3];
};
template <size_t N>
consteval CharKeys<N> char_keys(const char (&chars)[N]) {
  static_assert((N - 1) % 3 == 0, "three-byte characters only");
  CharKeys<N> k{};
  for (size_t i = 0; i + 3 <= N - 1; i += 3)
    k.key[i / 3] = (uint32_t{static_cast<unsigned char>(chars[i])} << 16) |
                   (uint32_t{static_cast<unsigned char>(chars[i + 1])} << 8) | static_cast<unsigned char>(chars[i + 2]);
  return k;
}
inline uint32_t key_at(const char* c) {
  const auto* u = reinterpret_cast<const unsigned char*>(c);
  return (uint32_t{u[0]} << 16) | (uint32_t{u[1]} << 8) | u[2];
}
template <size_t N>
bool key_in(uint32_t k, const CharKeys<N>& keys) {
  for (uint32_t x : keys.key)
    if (x == k) return true;
  return false;
}
template <size_t N>
bool last_char_in(std::string_view text, size_t end, const CharKeys<N>& keys) {
  if (end < 3) return false;
  return key_in(key_at(text.data() + end - 3), keys);
}
template <size_t N>
bool first_char_in(std::string_view text, size_t pos, const CharKeys<N>& keys) {
  if (pos + 3 > text.size()) return false;
  return key_in(key_at(text.data() + pos), keys);
}

constexpr auto kApproxBeforeLast = char_keys("约概近过逾足到少于超多破有为");
constexpr auto kApproxAfterFirst = char_keys("左上以之多余");
constexpr auto kFunctionBeforeLast = char_keys("是前和与或为有剩只");
constexpr auto kFunctionAfterFirst = char_keys("不是这那而却的和与或");
constexpr auto kFixedFirst = char_keys("一两三十");

}  // namespace

const ApproxWord* approx_before(std::string_view text, size_t end) {
  if (!last_char_in(text, end, kApproxBeforeLast)) return nullptr;
  for (const ApproxWord& w : kBefore) {
    if (!ends_with_at(text, end, w.text)) continue;
    if (w.text == "近" && (ends_with_at(text, end, "最近") || ends_with_at(text, end, "附近"))) return nullptr;
    if (w.text == "超" && ends_with_at(text, end, "赶超")) return nullptr;
    return &w;
  }
  return nullptr;
}

const ApproxWord* approx_after(std::string_view text, size_t pos) {
  if (!first_char_in(text, pos, kApproxAfterFirst)) return nullptr;
  for (const ApproxWord& w : kAfter)
    if (starts_with_at(text, pos, w.text)) return &w;
  return nullptr;
}

size_t function_word_before(std::string_view text, size_t pos) {
  if (!last_char_in(text, pos, kFunctionBeforeLast)) return 0;
  for (std::string_view w : kFunctionBefore)
    if (ends_with_at(text, pos, w)) return w.size();
  return 0;
}

size_t function_word_after(std::string_view text, size_t pos) {
  if (!first_char_in(text, pos, kFunctionAfterFirst)) return 0;
  for (std::string_view w : kFunctionAfter)
    if (starts_with_at(text, pos, w)) return w.size();
  return 0;
}

namespace {

// The second characters of the fixed expressions (each is two Han
// characters or more), one bit per BMP code point: a numeral followed by
// none of them (一个, 两年, 三批: most numerals) starts no expression, and
// the word-by-word probe cost 840 instructions a numeral (callgrind).
struct FixedSeconds {
  std::vector<uint64_t> bits = std::vector<uint64_t>(0x10000 / 64, 0);
  char32_t second[std::size(kFixed)] = {};  // kFixed[i]'s second character
};

const FixedSeconds& fixed_second_chars() {
  static const FixedSeconds f = [] {
    FixedSeconds x;
    for (size_t i = 0; i < std::size(kFixed); ++i) {
      std::string_view w = kFixed[i];
      int len = 1;
      utf8::decode(w, 0, &len);
      const char32_t c = utf8::decode(w, static_cast<size_t>(len), &len);
      x.second[i] = c;
      if (c < 0x10000) x.bits[c >> 6] |= uint64_t{1} << (c & 63);
    }
    return x;
  }();
  return f;
}

}  // namespace

size_t fixed_expression_at(std::string_view text, size_t pos) {
  if (!first_char_in(text, pos, kFixedFirst)) return 0;
  // Every expression is at least two 3-byte characters.
  if (pos + 6 > text.size()) return 0;
  int len = 1;
  const char32_t second = decode_at(text, pos + 3, &len);
  const FixedSeconds& fs = fixed_second_chars();
  if (second < 0x10000 && !((fs.bits[second >> 6] >> (second & 63)) & 1)) return 0;
  // Only the words with that second character can match (一次 tries 一次性 alone).
  size_t best = 0;
  for (size_t i = 0; i < std::size(kFixed); ++i) {
    std::string_view w = kFixed[i];
    if (fs.second[i] == second && w.size() > best && starts_with_at(text, pos, w)) best = w.size();
  }
  // 一块 / 一道 are "together" (一块努力, 与全国一道建成) after 与/和/同/跟 in
  // the same clause or before a verb; otherwise they count (一块蛋糕, 一道题).
  if (best && best == 6 && (starts_with_at(text, pos, "一块") || starts_with_at(text, pos, "一道")) &&
      !together_adverb(text, pos, pos + 6))
    return 0;
  return best;
}

bool slogan_head_at(std::string_view text, size_t pos) {
  static constexpr auto kFirst = char_keys("意维自全代确务坚精着聚必服落对不清一");  // the heads' first characters
  if (!first_char_in(text, pos, kFirst)) return false;
  for (std::string_view w : kSloganHeads)
    if (starts_with_at(text, pos, w)) return true;
  return false;
}

}  // namespace aidtext::numerals
