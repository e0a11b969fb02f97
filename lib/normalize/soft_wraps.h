// Soft line wraps: text copied out of a PDF or a fixed-width page breaks its
// lines every so many characters whatever the sentence (…减少农村贫困人\n口8.59
// 万人, 由10.27%下降到2.\n26%), and a figure or a word broken that way is lost
// to every later stage, which stops at line ends.
//
// Such a text has many lines of nearly one length, the wrap width. A line
// break is a soft wrap when the line before it is about that long and ends
// mid-sentence and the line after it goes on (it is not indented, blank, a
// bullet or a numbered heading). Texts written one paragraph a line (web
// pages, most news) have lines of every length: no width stands out, and
// nothing is joined.
#ifndef AIDTEXT_NORMALIZE_SOFT_WRAPS_H_
#define AIDTEXT_NORMALIZE_SOFT_WRAPS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "normalize/options.h"

namespace aidtext {

// Widths are display columns, as a fixed-width page lays them out: two for
// a Chinese character (any character of three or four UTF-8 bytes), one for
// ASCII and the rest; 8.59万人 is as wide as 8.59 and two characters.
// Lines at least this wide (15 Chinese characters) count towards the wrap
// width; a page's short lines (titles, headings, signatures) never decide it.
inline constexpr uint32_t kMinWrappedLineColumns = 30;
// No page wraps wider than this (80 Chinese characters); a longer line is a
// paragraph of its own. Its columns are not counted: a line of more than 1.5
// bytes a column of this is longer, and most lines of news text are.
inline constexpr uint32_t kMaxWrapColumns = 160;
// Lines within this many columns of one width (two Chinese characters: a
// character that did not fit, punctuation kept off a line's start) are of
// one width.
inline constexpr uint32_t kWrapWidthSlack = 4;
// A width needs this many lines, and at least kMinWrappedShare of the long
// lines, to be a wrap width rather than chance: a page of labelled figures
// (建档立卡贫困户：1.38万户, one a line) has lines of a few similar widths,
// and three of its six long lines within four columns of one another.
inline constexpr uint32_t kMinWrappedLines = 4;
inline constexpr double kMinWrappedShare = 0.6;

// A soft wrap: its line feed, and the bytes a join removes or empties
// around it: [join_begin, join_end) runs from the end of the last character
// shown on its line to the first shown on the next, so it holds the '\n'
// (and a '\r' before it) and any markup or zero-width characters at the
// two lines' edges (…贫困人</p>\n<p>口8.59万人: a block tag inside it
// leaves no line end of its own when the wrap is joined).
struct SoftWrap {
  uint32_t lf;
  uint32_t join_begin;
  uint32_t join_end;
};

// The soft wraps of UTF-8 `text`, in increasing order. Lines are measured
// as shown (display columns): markup the cleaner removes (with
// `options.strip_markup`) and zero-width characters take none, a character
// reference (with `options.decode_html`) the columns of its character, so
// a wrapped page whose lines each carry <p>…</p>, &nbsp; or U+200B is
// found as the page without them. Linear in the text's size.
std::vector<SoftWrap> find_soft_wraps(std::string_view text, const NormalizeOptions& options = {});

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_SOFT_WRAPS_H_
