// ASCII punctuation in Chinese text. Text typed on an English keyboard,
// read out of a PDF or by OCR, or tidied by a site's scripts writes
// 贫困发生率(农村)降至0.9%.全年减贫1.2万人. with ASCII marks. The later
// stages read sentences by Chinese punctuation, and an ASCII '.' can end
// none (it is also the decimal point): of 81 articles with all their
// marks typed in ASCII (the 78 of tests/metrics/articles and three dev
// articles), 34 gave other records (a date or place carried past a
// sentence end, a clause's noun lent across one).
//
// Two marks are folded to their full-width forms in Chinese text:
//   . -> 。  right after a Chinese character, closing Chinese punctuation
//            or a percentage's % (降至0.9%.), not in a run of dots nor
//            before a Latin letter (万人. and 万人.2020年 fold; 8.59万,
//            1.加强, 附件.doc and ... stay);
//   ( -> （  with a Chinese character or Chinese punctuation beside it
//            (past one space after it), and its ')' -> ）; a ')' with no
//            '(' open folds after a Chinese character ((1)加强 stays).
// Those two were all that mattered: with '.' alone 34 articles of the 81
// still read otherwise, with '(' and ')' left as well 3; folding ';', ':'
// and '!' too changed none, nor did ',' (every later stage reads those as
// clause marks already, and most scraped Chinese writes its commas in
// ASCII: the five dev articles 77-97 each; folding them rewrote every such
// text, +20 % of their normalize, for no record). '?' is never folded:
// after a repair it may stand for a lost character (numerals/cut_numbers.h).
#ifndef AIDTEXT_NORMALIZE_CJK_PUNCTUATION_H_
#define AIDTEXT_NORMALIZE_CJK_PUNCTUATION_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace aidtext {

struct PunctuationFold {
  uint32_t at;      // byte position of the ASCII mark
  char32_t folded;  // its full-width form
};

// The ASCII marks of UTF-8 `text` to fold (above), in increasing order.
// Linear in the text's size: the marks are found sixteen bytes a step and
// only their neighbours are decoded.
std::vector<PunctuationFold> find_cjk_punctuation(std::string_view text);

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_CJK_PUNCTUATION_H_
