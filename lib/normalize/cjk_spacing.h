// Spaces Chinese typography does not have. Many sites and WeChat accounts
// put a space between Chinese characters and figures (截至 2019 年底，全县
// 贫困人口 1.75 万人, "pangu" spacing), and pasted or converted pages leave
// one after the full-width punctuation that carries its own space (，&nbsp;
// 比上年末减少). Every later stage reads figures and their words by what
// stands next to them: 2019 年 was no date (so 2019 dated nothing), 第 3 批
// no ordinal, and a cue one space away from its figure was beyond the
// words a rule reads. Of 81 articles spaced so (the 78 of
// tests/metrics/articles and three dev articles), 68 gave other records.
//
// A space is typographic, and removed, when it is a single ASCII space
// (a no-break space or U+3000 is one by then: the cleaner folds them)
// between
//   - Chinese punctuation (，。、；：！？（）《》“” …), or an ASCII comma
//     after a Chinese character, and anything but a space, on either
//     side: ， 比上年, 人, 比上年, 1.75 万人 ，;
//   - a Chinese character and a digit: 截至 2019, 第 3 批;
//   - a digit or '%' and a Chinese character: 2019 年, 1.75 万人, 3.2% 的.
// Never between two Chinese characters (岷县 漳县 渭源县 is a list), nor
// two figures (1 234 is left alone: a thousands separator or two numbers),
// nor next to Latin letters, nor a run of spaces or a tab (a plain-text
// table's cells are two spaces or more apart: metrics/tables.h), nor at a
// line's start or end.
#ifndef AIDTEXT_NORMALIZE_CJK_SPACING_H_
#define AIDTEXT_NORMALIZE_CJK_SPACING_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace aidtext {

// Positions of the typographic spaces (above) in UTF-8 `text`, in
// increasing order. Linear in the text's size: a memchr for each space,
// and the characters beside it. `punctuation`: positions (increasing) of
// ASCII marks that count as the Chinese punctuation they will be folded to
// (cjk_punctuation.h), so that both passes are made in one (人, 比上年).
std::vector<uint32_t> find_cjk_spacing(std::string_view text, std::span<const uint32_t> punctuation = {});

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_CJK_SPACING_H_
