#include "numerals/context_lexicon.h"

namespace aidtext::numerals {
namespace {

bool ends_with_at(std::string_view text, size_t end, std::string_view w) {
  return end >= w.size() && text.substr(end - w.size(), w.size()) == w;
}
bool starts_with_at(std::string_view text, size_t pos, std::string_view w) {
  return text.substr(pos, w.size()) == w;
}

// Longest first where one word ends another (大约 before 约, 不超过 before 超过).
constexpr ApproxWord kBefore[] = {
    {"不超过", Approx::kUnder}, {"大约", Approx::kAbout}, {"大概", Approx::kAbout},
    {"约", Approx::kAbout},     {"将近", Approx::kUnder}, {"接近", Approx::kUnder},
    {"近", Approx::kUnder},     {"超过", Approx::kOver},  {"逾", Approx::kOver},
    {"不足", Approx::kUnder},   {"不到", Approx::kUnder}, {"至少", Approx::kOver},
    {"多于", Approx::kOver},    {"少于", Approx::kUnder}, {"高于", Approx::kOver},
    {"低于", Approx::kUnder},   {"超", Approx::kOver},
};

constexpr ApproxWord kAfter[] = {
    {"左右", Approx::kAbout}, {"上下", Approx::kAbout}, {"以上", Approx::kOver},
    {"以下", Approx::kUnder}, {"之多", Approx::kNone},  {"多", Approx::kOver},
    {"余", Approx::kOver},
};

constexpr std::string_view kFunctionBefore[] = {"是", "前", "和", "与", "或", "为", "有", "剩", "只"};
constexpr std::string_view kFunctionAfter[] = {"不是", "是", "这", "那", "而", "却", "的", "和", "与", "或"};

constexpr std::string_view kFixed[] = {
    "一条心", "一盘棋", "一鼓作气", "一杆子", "一带一路", "一口气", "一部分", "一次性", "一把手",
    "一成不变", "一道", "一块儿", "一块", "一手", "一席之地", "一揽子", "一览", "一家人", "两不愁", "三保障",
    "一刀切", "一把抓", "一站式", "一本账", "一张网", "一张图", "一场空", "一条龙", "一条线",
};

constexpr std::string_view kSloganHeads[] = {
    "意识", "维护", "自信", "全面", "代表", "确保", "务必", "坚持", "精准", "着力", "聚焦", "必须", "服从",
    "落实", "对接", "不摘", "清零", "一",  // 两个一百年, 五个一批
};

}  // namespace

const ApproxWord* approx_before(std::string_view text, size_t end) {
  for (const ApproxWord& w : kBefore) {
    if (!ends_with_at(text, end, w.text)) continue;
    if (w.text == "近" && (ends_with_at(text, end, "最近") || ends_with_at(text, end, "附近"))) return nullptr;
    if (w.text == "超" && ends_with_at(text, end, "赶超")) return nullptr;
    return &w;
  }
  return nullptr;
}

const ApproxWord* approx_after(std::string_view text, size_t pos) {
  for (const ApproxWord& w : kAfter)
    if (starts_with_at(text, pos, w.text)) return &w;
  return nullptr;
}

size_t function_word_before(std::string_view text, size_t pos) {
  for (std::string_view w : kFunctionBefore)
    if (ends_with_at(text, pos, w)) return w.size();
  return 0;
}

size_t function_word_after(std::string_view text, size_t pos) {
  for (std::string_view w : kFunctionAfter)
    if (starts_with_at(text, pos, w)) return w.size();
  return 0;
}

size_t fixed_expression_at(std::string_view text, size_t pos) {
  size_t best = 0;
  for (std::string_view w : kFixed)
    if (w.size() > best && starts_with_at(text, pos, w)) best = w.size();
  // 一块钱 / 一道题 are amounts: 一块 and 一道 are adverbs only before a verb,
  // which we approximate as "not before 钱".
  if (best && (starts_with_at(text, pos, "一块") || starts_with_at(text, pos, "一道")) &&
      starts_with_at(text, pos + 6, "钱"))
    return 0;
  return best;
}

bool slogan_head_at(std::string_view text, size_t pos) {
  for (std::string_view w : kSloganHeads)
    if (starts_with_at(text, pos, w)) return true;
  return false;
}

}  // namespace aidtext::numerals
