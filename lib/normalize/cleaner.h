// Cleaning: converter pinyin artefacts, HTML character references, HTML
// markup, width folding, odd spaces, zero-width characters, CRLF. One pass, written
// through a MappedWriter: unchanged text is copied in runs and maps
// linearly; every edit maps to the input bytes it replaced.
//
// What changes (and is counted):
//   - pinyin annotations after a Han character, 協(xié) -> 協 (strip_pinyin);
//   - HTML references &nbsp; &amp; &#x4E07; &#19975; ... (decode_html); the
//     decoded character is cleaned like any other (&nbsp; becomes a space);
//   - HTML markup (strip_markup; normalize/markup.h): tags of known HTML
//     elements, comments, <!DOCTYPE>, <?xml?>, and <script>, <style>,
//     <noscript>, <template> elements with their bodies. A block element's
//     tag (<p>, </p>, <br>, <div>, <li>, <tr>, <h1> ...) becomes "\n", unless
//     the output is at a line's start already (the text's start, or just
//     after a line end, the input's or a tag's) or the input's own line end
//     follows the tag right away, so that tags do not pile up blank lines
//     (<br><br> is one line end; real blank lines stay; one can still
//     appear where removed markup, a <script> say, stands between a tag's
//     line end and the input's). A
//     table cell's tag (<td>, <th>) becomes a tab unless at a line's start
//     or after a tab, so a flattened row reads as a plain-text table row
//     (metrics/tables.h). Every other tag is removed without a trace, no
//     space put in its place: a browser shows a<b>b</b> as one word too.
//     The replacement maps to the whole tag; a script's body goes with its
//     tags. Whitespace around tags stays as it was. References in the text
//     between tags are decoded; "&lt;p&gt;" is text (the decoded "<p>" is
//     not read again);
//   - full-width digits and Latin letters -> ASCII; ％ after a digit, ． between
//     digits, ＋ and － before a digit -> ASCII (fold_width);
//     Chinese punctuation (，。、；：？！（）“”) is kept;
//   - U+3000 and NBSP -> space (fold_width);
//   - zero-width characters (U+200B-200F, U+2060, U+FEFF, soft hyphen) are removed;
//   - CRLF and lone CR -> LF; a CR written as a reference (&#13; &#xD;) is a
//     CR too, so &#13;&#10;, &#13; + LF and CR + &#10; are each one LF;
//   - soft line wraps of fixed-width text (a PDF's lines) are removed, joining
//     the lines (join_wraps; normalize/soft_wraps.h).
#ifndef AIDTEXT_NORMALIZE_CLEANER_H_
#define AIDTEXT_NORMALIZE_CLEANER_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/offset_map.h"
#include "normalize/options.h"

namespace aidtext {

// The invisible characters the cleaner deletes: zero-width ones
// (U+200B..U+200F, U+2060, U+FEFF) and the soft hyphen U+00AD.
inline bool is_deleted_invisible(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF || c == 0xAD;
}

struct Cleaned {
  std::string text;
  OffsetMap map;                  // text byte -> input byte range
  uint32_t pinyin_artefacts = 0;  // annotations removed
  uint32_t html_references = 0;   // references decoded
  uint32_t markup_removed = 0;    // tags, comments, declarations, raw-text elements removed
  uint32_t width_folds = 0;       // full-width characters folded to ASCII
  uint32_t spaces_folded = 0;     // U+3000 / NBSP made spaces
  uint32_t invisible_removed = 0; // zero-width characters removed
  uint32_t line_ends = 0;         // CRLF / CR made LF
  uint32_t wraps_joined = 0;      // soft line wraps removed
};

// `utf8` should be valid UTF-8 (the decoder's output); invalid bytes are
// copied through unchanged.
Cleaned clean_text(std::string_view utf8, const NormalizeOptions& options);
// Takes the text: without length-changing edits it is cleaned in place,
// without a copy (the pipeline's way).
Cleaned clean_text(std::string&& utf8, const NormalizeOptions& options);
// The same, asking `go_on` once, just before the first opaque edit: any
// edit (markup removal included) but U+3000 / NBSP folded to a space and a
// line end's CR (the edits a
// repair::DamageWatch may see through; every other one makes
// DamageWatch::sees_through false). When it answers false the cleaning
// stops there and nullopt is returned; the text is lost (it may be partly
// cleaned in place). The pipeline asks there whether the text needs the
// repair stage after all, so that a damaged text is cleaned once, after
// its repair, instead of before and after it (dev article 003, whose
// first converter artefact 協(xié) is at byte 121, was cleaned twice).
std::optional<Cleaned> clean_text(std::string&& utf8, const NormalizeOptions& options,
                                  const std::function<bool()>& go_on);
inline Cleaned clean_text(const char* utf8, const NormalizeOptions& options) {
  return clean_text(std::string_view(utf8), options);
}

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_CLEANER_H_
