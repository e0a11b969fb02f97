// Markup left in scraped text: HTML tags, comments, <!DOCTYPE> and <?xml?>
// declarations, Word's <![if …]> <![endif]>, and the bodies of <script>, <style>, <noscript> and
// <template>. The cleaner asks MarkupFinder about each '<' and removes what
// it finds (normalize/cleaner.h, option strip_markup).
//
// Conservative: only real markup is found. A tag is '<', an optional '/',
// the name of an HTML element from a fixed list (case-insensitive), then
// '>' or '/>', or whitespace and attributes (name, name=value, name="value"
// or name='value'; a quoted value may hold '>' and '<') and '>' or '/>'; a
// closing tag holds no attributes. Anything else is text and stays as it
// is: 人均收入<3000元, x<5, a<x>c (x is no HTML element), <<扶贫条例>>, ＜p＞,
// a '<' with no '>' in reach, <p 人均> (an attribute name is ASCII).
//
// Linear time on any input: a tag or declaration must end within
// kMaxTagBytes of its '<'; the searches for a comment's end and for a
// raw-text element's closing tag remember where they got, so that no byte
// is searched twice, however many unclosed openers there are.
#ifndef AIDTEXT_NORMALIZE_MARKUP_H_
#define AIDTEXT_NORMALIZE_MARKUP_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace aidtext {

// What a piece of markup leaves in the text.
enum class MarkupKind : uint8_t {
  kNone,    // not markup: the '<' is text
  kInline,  // nothing (<span>, <a href=…>, <b>, <img>, </td>, a comment, a whole <script> element)
  kBlock,   // a line end (<p>, </p>, <br/>, <div>, <li>, <tr>, <h1> …)
  kCell,    // a cell separator, a tab (<td>, <th>: a table row reads as a plain-text table row)
};

struct Markup {
  size_t length = 0;  // bytes from the '<'; 0 when it starts no markup
  MarkupKind kind = MarkupKind::kNone;
};

// A tag, <!DOCTYPE …> or <?xml …?> longer than this is not taken for one:
// the bound keeps the look-ahead from each '<' constant, so text full of
// '<' followed by element names (1 MB of "<p ") costs linear time. Real
// tags are far shorter; 2 KB holds a tag with a long URL (browsers and
// servers cap URLs near 2,000 bytes) or a long inline style. An <img> with
// a large inline data: URI is longer and stays as text. Comments and the
// bodies of raw-text elements (<script>) are not bounded.
constexpr size_t kMaxTagBytes = 2048;

class MarkupFinder {
 public:
  explicit MarkupFinder(std::string_view text) : text_(text) {}

  // The markup starting at text[pos], which must be '<'. Positions asked
  // about must not decrease (the searches' memories assume it).
  //   - a tag: its kind by element (see MarkupKind), closing tags too, but
  //     a closing </td> or </th> is kInline;
  //   - <!-- … -->, <!DOCTYPE …>, <?xml … ?>, <![if …]>, <![endif]>:
  //     kInline; a comment without
  //     "-->" after it is just its "<!--" (the rest stays text);
  //   - <script>, <style>, <noscript>, <template> (not self-closed with
  //     "/>"): kInline, up to the end of the matching closing tag
  //     (</script> with optional whitespace before '>'); without one, just
  //     the opening tag, and the rest stays text: a document is never lost
  //     to an unclosed <script>.
  Markup at(size_t pos);

 private:
  // Where a forward search for one pattern got: the first match at or
  // after `from` is at `found` (npos: none to the text's end).
  struct Search {
    size_t from = 0;
    size_t found = 0;
    bool done = false;
  };
  size_t comment_end(size_t from);                  // just after "-->", or npos
  size_t closing_tag_end(int raw, size_t from);     // just after </name>, or npos
  size_t find_closing_tag(int raw, size_t from) const;

  std::string_view text_;
  Search comment_;
  std::array<Search, 4> raw_{};  // one per raw-text element (script, style, noscript, template)
};

}  // namespace aidtext

#endif  // AIDTEXT_NORMALIZE_MARKUP_H_
