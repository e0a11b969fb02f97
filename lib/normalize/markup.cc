#include "normalize/markup.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace aidtext {
namespace {

// What an element's tags leave (MarkupKind), or, for a raw-text element,
// which one it is: its body is code or inert markup, removed with its tags.
enum class Element : uint8_t { kInline, kBlock, kCell, kScript, kStyle, kNoscript, kTemplate };
using E = Element;

struct ElementName {
  std::string_view name;  // lower case
  Element element;
};

// The HTML elements whose tags are taken for markup, sorted by name (a
// binary search finds them). Block elements start a new line where a
// browser would; table cells are separated by a tab; the rest, inline or
// void elements of the page's furniture, leave nothing. o:p is the empty
// paragraph tag of Word's HTML export, common on government pages.
constexpr ElementName kElements[] = {
    {"a", E::kInline}, {"abbr", E::kInline}, {"acronym", E::kInline}, {"address", E::kBlock},
    {"area", E::kInline}, {"article", E::kBlock}, {"aside", E::kBlock}, {"audio", E::kInline},
    {"b", E::kInline}, {"base", E::kInline}, {"bdi", E::kInline}, {"bdo", E::kInline},
    {"big", E::kInline}, {"blockquote", E::kBlock}, {"body", E::kBlock}, {"br", E::kBlock},
    {"button", E::kInline}, {"canvas", E::kInline}, {"caption", E::kBlock}, {"center", E::kBlock},
    {"cite", E::kInline}, {"code", E::kInline}, {"col", E::kInline}, {"colgroup", E::kInline},
    {"data", E::kInline}, {"dd", E::kBlock}, {"del", E::kInline}, {"details", E::kBlock},
    {"dfn", E::kInline}, {"dialog", E::kBlock}, {"dir", E::kBlock}, {"div", E::kBlock},
    {"dl", E::kBlock}, {"dt", E::kBlock}, {"em", E::kInline}, {"embed", E::kInline},
    {"fieldset", E::kBlock}, {"figcaption", E::kBlock}, {"figure", E::kBlock}, {"font", E::kInline},
    {"footer", E::kBlock}, {"form", E::kBlock}, {"frame", E::kBlock}, {"frameset", E::kBlock},
    {"h1", E::kBlock}, {"h2", E::kBlock}, {"h3", E::kBlock}, {"h4", E::kBlock}, {"h5", E::kBlock},
    {"h6", E::kBlock}, {"head", E::kBlock}, {"header", E::kBlock}, {"hgroup", E::kBlock},
    {"hr", E::kBlock}, {"html", E::kBlock}, {"i", E::kInline}, {"iframe", E::kBlock},
    {"img", E::kInline}, {"input", E::kInline}, {"ins", E::kInline}, {"kbd", E::kInline},
    {"label", E::kInline}, {"legend", E::kBlock}, {"li", E::kBlock}, {"link", E::kInline},
    {"main", E::kBlock}, {"map", E::kInline}, {"mark", E::kInline}, {"menu", E::kBlock},
    {"meta", E::kInline}, {"meter", E::kInline}, {"nav", E::kBlock}, {"nobr", E::kInline},
    {"noscript", E::kNoscript}, {"o:p", E::kInline}, {"object", E::kInline}, {"ol", E::kBlock},
    {"optgroup", E::kBlock}, {"option", E::kBlock}, {"output", E::kInline}, {"p", E::kBlock},
    {"param", E::kInline}, {"picture", E::kInline}, {"pre", E::kBlock}, {"progress", E::kInline},
    {"q", E::kInline}, {"rp", E::kInline}, {"rt", E::kInline}, {"ruby", E::kInline}, {"s", E::kInline},
    {"samp", E::kInline}, {"script", E::kScript}, {"section", E::kBlock}, {"select", E::kInline},
    {"small", E::kInline}, {"source", E::kInline}, {"span", E::kInline}, {"strike", E::kInline},
    {"strong", E::kInline}, {"style", E::kStyle}, {"sub", E::kInline}, {"summary", E::kBlock},
    {"sup", E::kInline}, {"table", E::kBlock}, {"tbody", E::kBlock}, {"td", E::kCell},
    {"template", E::kTemplate}, {"textarea", E::kBlock}, {"tfoot", E::kBlock}, {"th", E::kCell},
    {"thead", E::kBlock}, {"time", E::kInline}, {"title", E::kBlock}, {"tr", E::kBlock},
    {"track", E::kInline}, {"tt", E::kInline}, {"u", E::kInline}, {"ul", E::kBlock},
    {"var", E::kInline}, {"video", E::kInline}, {"wbr", E::kInline},
};

constexpr bool names_sorted() {
  for (size_t i = 1; i < std::size(kElements); ++i)
    if (!(kElements[i - 1].name < kElements[i].name)) return false;
  return true;
}
static_assert(names_sorted(), "kElements must be sorted by name");

// The longest name in kElements (blockquote, figcaption): a longer name is
// no element of the list, and is not read on.
constexpr size_t kMaxNameBytes = 10;

constexpr std::string_view kRawNames[] = {"script", "style", "noscript", "template"};
static_assert(std::size(kRawNames) == 4, "one Search per raw-text element (markup.h)");

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// text[pos, pos + word.size()) equals `word` (lower case) ignoring ASCII case.
bool starts_with_ignoring_case(std::string_view text, size_t pos, std::string_view word) {
  if (pos > text.size() || text.size() - pos < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (lower(text[pos + k]) != word[k]) return false;
  return true;
}

// An attribute's name: printable ASCII but for quotes, '<', '>', '/', '='
// and '`' (so <p 人均> and <b "x"> are not tags).
bool is_attribute_name_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7F && c != '"' && c != '\'' && c != '<' && c != '>' && c != '/' && c != '=' &&
         c != '`';
}
// An unquoted attribute value: anything but whitespace, quotes, '<', '>',
// '=' and '`' (non-ASCII too: <img alt=图片>).
bool is_unquoted_value_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u != 0x7F && c != '"' && c != '\'' && c != '<' && c != '>' && c != '=' && c != '`';
}

// The element named at text[pos]: sets *name_end just after the name. A
// name is an ASCII letter, then letters, digits and ':' (o:p).
const ElementName* element_at(std::string_view text, size_t pos, size_t* name_end) {
  if (pos >= text.size() || !is_alpha(text[pos])) return nullptr;
  char name[kMaxNameBytes];
  size_t len = 0, k = pos;
  for (; k < text.size() && (is_alpha(text[k]) || is_digit(text[k]) || text[k] == ':'); ++k) {
    if (len == kMaxNameBytes) return nullptr;
    name[len++] = lower(text[k]);
  }
  const std::string_view key(name, len);
  const ElementName* it = std::lower_bound(std::begin(kElements), std::end(kElements), key,
                                           [](const ElementName& e, std::string_view n) { return e.name < n; });
  if (it == std::end(kElements) || it->name != key) return nullptr;
  *name_end = k;
  return it;
}

// The end (just after '>') of the tag whose name ends at text[k], or 0
// when it does not end before `limit`. What may follow the name:
// whitespace, then attributes, each after whitespace (or right after a
// quoted value), then '>' or "/>". A closing tag takes no attributes.
size_t tag_end(std::string_view text, size_t k, size_t limit, bool closing) {
  bool after_quote = false;
  for (;;) {
    const size_t start = k;
    while (k < limit && is_space(text[k])) ++k;
    if (k >= limit) return 0;
    if (text[k] == '>') return k + 1;
    if (text[k] == '/') return k + 1 < limit && text[k + 1] == '>' ? k + 2 : 0;
    if (closing || (k == start && !after_quote)) return 0;
    const size_t name_start = k;
    while (k < limit && is_attribute_name_char(text[k])) ++k;
    if (k == name_start) return 0;
    after_quote = false;
    size_t j = k;
    while (j < limit && is_space(text[j])) ++j;
    if (j >= limit || text[j] != '=') continue;  // a name alone (<input disabled>)
    ++j;
    while (j < limit && is_space(text[j])) ++j;
    if (j >= limit) return 0;
    const char quote = text[j];
    if (quote == '"' || quote == '\'') {
      const void* close = std::memchr(text.data() + j + 1, quote, limit - j - 1);
      if (close == nullptr) return 0;
      k = static_cast<size_t>(static_cast<const char*>(close) - text.data()) + 1;
      after_quote = true;
    } else {
      const size_t value_start = j;
      while (j < limit && is_unquoted_value_char(text[j])) ++j;
      if (j == value_start) return 0;
      k = j;
    }
  }
}

// The end (just after '>') of a declaration at text[pos], <!DOCTYPE …>,
// <?xml … ?> or <![if …]> (`before_gt` '\0', '?' or ']': what must stand
// before its '>'), or 0: its '>' must come before `limit` and before any '<'.
size_t declaration_end(std::string_view text, size_t pos, size_t limit, char before_gt) {
  for (size_t k = pos + 2; k < limit; ++k) {
    if (text[k] == '<') return 0;
    if (text[k] == '>') return before_gt == '\0' || text[k - 1] == before_gt ? k + 1 : 0;
  }
  return 0;
}

}  // namespace

Markup MarkupFinder::at(size_t pos) {
  const size_t n = text_.size();
  const size_t limit = std::min(n, pos + kMaxTagBytes);
  if (pos + 1 >= n) return {};
  const char next = text_[pos + 1];
  if (next == '!') {
    if (starts_with_ignoring_case(text_, pos, "<!--")) {
      const size_t end = comment_end(pos + 4);
      return {end == std::string_view::npos ? 4 : end - pos, MarkupKind::kInline};
    }
    size_t end = 0;
    if (starts_with_ignoring_case(text_, pos, "<!doctype") && pos + 9 < n && is_space(text_[pos + 9])) {
      end = declaration_end(text_, pos, limit, '\0');
    } else if (starts_with_ignoring_case(text_, pos, "<![if ") || starts_with_ignoring_case(text_, pos, "<![endif]")) {
      // Word's HTML export: <![if !supportLists]>1.<![endif]>
      end = declaration_end(text_, pos, limit, ']');
    }
    return end ? Markup{end - pos, MarkupKind::kInline} : Markup{};
  }
  if (next == '?') {
    if (!starts_with_ignoring_case(text_, pos, "<?xml") || pos + 5 >= n || !is_space(text_[pos + 5])) return {};
    const size_t end = declaration_end(text_, pos, limit, '?');
    return end ? Markup{end - pos, MarkupKind::kInline} : Markup{};
  }
  const bool closing = next == '/';
  size_t name_end = 0;
  const ElementName* e = element_at(text_, pos + 1 + (closing ? 1 : 0), &name_end);
  if (e == nullptr) return {};
  const size_t end = tag_end(text_, name_end, limit, closing);
  if (end == 0) return {};
  const size_t length = end - pos;
  switch (e->element) {
    case E::kInline: return {length, MarkupKind::kInline};
    case E::kBlock: return {length, MarkupKind::kBlock};
    case E::kCell: return {length, closing ? MarkupKind::kInline : MarkupKind::kCell};
    default: break;
  }
  // A raw-text element: with its body, up to its closing tag.
  const bool self_closed = text_[end - 2] == '/';
  if (closing || self_closed) return {length, MarkupKind::kInline};
  const size_t close = closing_tag_end(static_cast<int>(e->element) - static_cast<int>(E::kScript), end);
  return {close == std::string_view::npos ? length : close - pos, MarkupKind::kInline};
}

// Both searches keep their last answer: the first match at or after
// Search::from is at Search::found. A later question from a position in
// [from, found] has the same answer; only one from past `found` searches
// again, from there on. Positions never decrease, so each byte is searched
// at most once per pattern, however many openers share an answer (1 MB of
// "<!--" or of "<script>" with no end costs one search each).
size_t MarkupFinder::comment_end(size_t from) {
  constexpr size_t npos = std::string_view::npos;
  Search& s = comment_;
  if (!(s.done && from >= s.from && (s.found == npos || from <= s.found))) {
    s = {from, text_.find("-->", from), true};
  }
  return s.found == npos ? npos : s.found + 3;
}

size_t MarkupFinder::closing_tag_end(int raw, size_t from) {
  constexpr size_t npos = std::string_view::npos;
  Search& s = raw_[static_cast<size_t>(raw)];
  if (!(s.done && from >= s.from && (s.found == npos || from <= s.found))) {
    s = {from, find_closing_tag(raw, from), true};
  }
  if (s.found == npos) return npos;
  // The match is a closing tag: its end is found again (a few bytes).
  size_t k = s.found + 2 + kRawNames[static_cast<size_t>(raw)].size();
  while (text_[k] != '>') ++k;
  return k + 1;
}

// The position of the first closing tag </name> of raw-text element `raw`
// at or after `from` (name in any case, whitespace allowed before '>'
// within kMaxTagBytes), or npos.
size_t MarkupFinder::find_closing_tag(int raw, size_t from) const {
  const std::string_view name = kRawNames[static_cast<size_t>(raw)];
  for (size_t p = text_.find("</", from); p != std::string_view::npos; p = text_.find("</", p + 2)) {
    if (!starts_with_ignoring_case(text_, p + 2, name)) continue;
    const size_t limit = std::min(text_.size(), p + kMaxTagBytes);
    size_t k = p + 2 + name.size();
    while (k < limit && is_space(text_[k])) ++k;
    if (k < limit && text_[k] == '>') return p;
  }
  return std::string_view::npos;
}

}  // namespace aidtext
