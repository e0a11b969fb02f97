#include "normalize/cleaner.h"

#include <array>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <utility>
#include <vector>

#include "convert/mapped_writer.h"
#include "core/utf8.h"
#include "normalize/html_reference.h"
#include "normalize/markup.h"
#include "normalize/pinyin_annotation.h"
#include "normalize/soft_wraps.h"
#include "repair/damage_watch.h"

namespace aidtext {
namespace {

// How far to skip from a byte that starts nothing to clean: ASCII other
// than '&', '\r', '(' (1), lead bytes of characters never cleaned (their
// length), stray continuation bytes (1). 0 marks the bytes that may start
// something: those three ASCII bytes and the lead bytes C2 (NBSP, soft
// hyphen), E2 (zero-width), E3 (U+3000) and EF (full width, BOM).
constexpr std::array<unsigned char, 256> make_skip_table() {
  std::array<unsigned char, 256> t{};
  for (int b = 0; b < 256; ++b) {
    t[b] = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF5 ? 4 : 1;
    if (b == 0xC0 || b == 0xC1) t[b] = 1;
  }
  for (int b : {int{'&'}, int{'\r'}, int{'('}, 0xC2, 0xE2, 0xE3, 0xEF}) t[b] = 0;
  return t;
}
constexpr std::array<unsigned char, 256> kSkip = make_skip_table();

// The first position at or after i holding a byte that may start
// something to clean. Those bytes are never UTF-8 continuation bytes, so
// in valid UTF-8 a match is always the start of a character, and the search
// may look at raw bytes: sixteen at a time with SSE2, else a character at a
// time through kSkip.
inline size_t next_candidate(const unsigned char* p, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i amp = _mm_set1_epi8('&'), cr = _mm_set1_epi8('\r'), paren = _mm_set1_epi8('(');
  const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2)), e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  const __m128i e3 = _mm_set1_epi8(static_cast<char>(0xE3)), ef = _mm_set1_epi8(static_cast<char>(0xEF));
  const __m128i x80 = _mm_set1_epi8(static_cast<char>(0x80));
  // Of the E3-led characters only U+3000 (E3 80 80) is cleaned: the bytes
  // after the lead are compared too, so that the search passes over 。、《》
  // (a stop each cost about 45 instructions; 0.4 a byte more to compare).
  while (i + 18 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 2));
    const __m128i space = _mm_and_si128(_mm_cmpeq_epi8(v, e3), _mm_and_si128(_mm_cmpeq_epi8(v1, x80), _mm_cmpeq_epi8(v2, x80)));
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, cr)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, paren), _mm_cmpeq_epi8(v, c2))),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, e2), space), _mm_cmpeq_epi8(v, ef)));
    const int mask = _mm_movemask_epi8(hit);
    if (mask) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
  // Fewer than 18 bytes left: byte by byte (i may sit inside a character here).
  while (i < n && kSkip[p[i]]) ++i;
  return i;
#else
  while (i < n && kSkip[p[i]]) i += kSkip[p[i]];
  return i;
#endif
}

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_fullwidth_digit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }

char32_t char_at(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  int len;
  return utf8::decode(text, pos, &len);
}

bool digit_at(std::string_view text, size_t pos) {
  char32_t c = char_at(text, pos);
  return is_ascii_digit(c) || is_fullwidth_digit(c);
}

class Cleaner {
 public:
  // `input` is a std::string_view (borrowed) or a std::string&& (owned).
  template <class Input>
  Cleaner(Input&& input, const NormalizeOptions& options, Cleaned* out,
          const std::function<bool()>* go_on = nullptr)
      : options_(options), out_(out), writer_(std::forward<Input>(input)), go_on_(go_on),
        markup_(writer_.input()) {
    text_ = writer_.input();
  }

  // False when the run was stopped before an opaque edit (see clean_text).
  bool finished() const { return !stopped_; }

  void run() {
    const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
    const size_t n = text_.size();
    // Soft wraps are deleted in order with the other edits: before the
    // first candidate after them (no other edit spans a line feed).
    if (options_.join_wraps) wraps_ = find_soft_wraps(text_, options_);
    const std::vector<SoftWrap>& wraps = wraps_;
    size_t next_wrap = 0;
    auto join_wraps_before = [&](size_t pos) {
      for (; next_wrap < wraps.size() && wraps[next_wrap].lf < pos; ++next_wrap) {
        if (!may_edit_opaquely()) return;
        writer_.replace(wraps[next_wrap].lf, 1, {}, false);
        ++out_->wraps_joined;
      }
    };
    // Markup starts at a '<', which the candidate search does not look for:
    // memchr finds the next one apart, so that text without any costs one
    // memchr, and the search stops there.
    size_t next_lt = options_.strip_markup ? find_lt(0) : n;
    size_t i = 0;
    while (i < n) {
      i = next_candidate(p, i, next_lt);
      join_wraps_before(i);
      if (i >= n || stopped_) break;
      const unsigned char b = p[i];
      if (b < 0x80) {
        // The search stops at a '<' only at next_lt (kSkip passes over
        // '<'): asked here, past the non-ASCII candidates (，（）…).
        if (b != '<') {
          i = special_ascii(i);
          continue;
        }
        i = markup(i);
        // A wrap's line feed inside removed markup went with it.
        while (next_wrap < wraps.size() && wraps[next_wrap].lf < i) ++next_wrap;
        next_lt = find_lt(i);
        continue;
      }
      int len;
      char32_t c = utf8::decode(text_, i, &len);
      i = non_ascii(c, i, static_cast<size_t>(len));
    }
    if (stopped_) return;
    join_wraps_before(n);
    if (stopped_) return;
    out_->text = writer_.finish();
    out_->map = writer_.take_map();
  }

 private:
  // Before an opaque edit: asks go_on_ the first time; false when the run
  // must stop (the caller then returns n, which ends the loop).
  bool may_edit_opaquely() {
    if (go_on_ == nullptr) return !stopped_;
    const std::function<bool()>* ask = go_on_;
    go_on_ = nullptr;
    stopped_ = !(*ask)();
    return !stopped_;
  }

  // The first '<' at or after `from`, or the text's size.
  size_t find_lt(size_t from) const {
    if (from >= text_.size()) return text_.size();
    const void* lt = std::memchr(text_.data() + from, '<', text_.size() - from);
    return lt ? static_cast<size_t>(static_cast<const char*>(lt) - text_.data()) : text_.size();
  }

  // A '<' at i: removes the markup it starts, if any (normalize/markup.h),
  // putting a line end or a tab in its place where its kind asks for one
  // (cleaner.h). Returns the next position.
  size_t markup(size_t i) {
    const Markup m = markup_.at(i);
    if (m.length == 0) return i + 1;
    if (!may_edit_opaquely()) return text_.size();
    ++out_->markup_removed;
    const size_t end = i + m.length;
    writer_.replace(i, m.length, markup_separator(m.kind, i, end), false);
    return end;
  }

  // What markup [begin, end) of `kind` leaves: "\n" for a block element's
  // tag, "\t" for a table cell's, but nothing at a line's start (the text's
  // start, or after a line end), nor for a block tag followed by the
  // input's own line end, nor for a cell after a tab.
  std::string_view markup_separator(MarkupKind kind, size_t begin, size_t end) {
    if (kind != MarkupKind::kBlock && kind != MarkupKind::kCell) return {};
    // At the edge of a soft wrap's lines (…贫困人</p>\n<p>口8.59万人): the
    // join leaves no line end there.
    while (join_at_ < wraps_.size() && wraps_[join_at_].join_end < end) ++join_at_;
    if (join_at_ < wraps_.size() && wraps_[join_at_].join_begin <= begin && end <= wraps_[join_at_].join_end) return {};
    const char32_t before = writer_.char_before(begin);
    if (before == 0 || before == U'\n') return {};
    if (kind == MarkupKind::kCell) return before == U'\t' ? std::string_view() : std::string_view("\t");
    const char after = end < text_.size() ? text_[end] : '\0';
    return after == '\n' || after == '\r' ? std::string_view() : std::string_view("\n");
  }

  // Handles '&', '\r' or '(' at i; returns the next position.
  size_t special_ascii(size_t i) {
    const char b = text_[i];
    if (b == '\r') return line_end(i, 1);
    if (b == '(') return maybe_pinyin(i, 1);
    // '&'
    if (!options_.decode_html) return i + 1;
    char32_t cp;
    size_t len = html_reference_length(text_, i, &cp);
    if (len == 0) return i + 1;
    if (!may_edit_opaquely()) return text_.size();
    ++out_->html_references;
    if (cp == U'\r') return line_end(i, len);  // &#13; &#xD;: a line end, as a real CR
    char buf[4];
    std::string decoded;
    std::string_view repl;
    if (!fold(cp, i + len, buf, &repl)) {
      utf8::append(decoded, cp);
      repl = decoded;
    }
    writer_.replace(i, len, repl, false);
    return i + len;
  }

  // A carriage return at [i, i + cr_len): the byte itself (cr_len 1) or a
  // reference to it (&#13;, &#xD;). Followed by a line feed, real or a
  // reference (&#10;, &#xA;), the pair is one line end; alone it is one too.
  // Either way the output gets one LF. Returns the next position.
  size_t line_end(size_t i, size_t cr_len) {
    ++out_->line_ends;
    const size_t next = i + cr_len;
    if (next < text_.size() && text_[next] == '\n') {
      writer_.replace(i, cr_len, {}, false);  // the LF stays and maps to itself
      return next;
    }
    char32_t cp = 0;
    const size_t lf_len = options_.decode_html && next < text_.size() && text_[next] == '&'
                              ? html_reference_length(text_, next, &cp)
                              : 0;
    if (lf_len != 0 && cp == U'\n') {
      if (!may_edit_opaquely()) return text_.size();
      ++out_->html_references;
      writer_.replace(i, cr_len + lf_len, "\n", false);
      return next + lf_len;
    }
    writer_.replace(i, cr_len, "\n", /*linear=*/cr_len == 1);
    return next;
  }

  size_t maybe_pinyin(size_t i, size_t paren_len) {
    if (options_.strip_pinyin && utf8::is_han(writer_.char_before(i))) {
      size_t len = pinyin_annotation_length(text_, i);
      if (len) {
        if (!may_edit_opaquely()) return text_.size();
        ++out_->pinyin_artefacts;
        writer_.replace(i, len, {}, false);
        return i + len;
      }
    }
    return i + paren_len;
  }

  // A non-ASCII character c at [i, i+len); returns the next position.
  size_t non_ascii(char32_t c, size_t i, size_t len) {
    if (c == U'（') return maybe_pinyin(i, len);
    char buf[4];
    std::string_view repl;
    if (fold(c, i + len, buf, &repl, i)) {
      // A space fold and the deletion of a zero-width character are the
      // edits here a DamageWatch may see through.
      if (!repair::DamageWatch::sees_through_edit_of(c) && !may_edit_opaquely()) return text_.size();
      writer_.replace(i, len, repl, repl.size() == len);
    }
    return i + len;
  }

  // The cleaned form of character c (which ends at input position `end`
  // and, for context, starts at `start`): sets *repl and counts, or returns
  // false when c stays as it is.
  bool fold(char32_t c, size_t end, char* buf, std::string_view* repl, size_t start = SIZE_MAX) {
    if (is_deleted_invisible(c)) {
      ++out_->invisible_removed;
      *repl = {};
      return true;
    }
    if (!options_.fold_width) return false;
    if (c == 0x3000 || c == 0xA0) {
      ++out_->spaces_folded;
      *repl = " ";
      return true;
    }
    if (c < 0xFF01 || c > 0xFF5E) return false;
    const char ascii = static_cast<char>(c - 0xFF01 + 0x21);
    bool fold_it = false;
    if (is_fullwidth_digit(c) || (ascii >= 'A' && ascii <= 'Z') || (ascii >= 'a' && ascii <= 'z')) {
      fold_it = true;
    } else if (start != SIZE_MAX) {  // number punctuation needs its context
      if (ascii == '%') fold_it = digit_before(start);
      else if (ascii == '.') fold_it = digit_before(start) && digit_at(text_, end);
      else if (ascii == '+' || ascii == '-') fold_it = digit_at(text_, end);
    }
    if (!fold_it) return false;
    ++out_->width_folds;
    buf[0] = ascii;
    *repl = std::string_view(buf, 1);
    return true;
  }

  const NormalizeOptions& options_;
  Cleaned* out_;
  MappedWriter writer_;
  const std::function<bool()>* go_on_;  // asked before the first opaque edit, then null
  bool stopped_ = false;                // go_on_ answered false
  std::string_view text_;  // the input, as the writer holds it (read ahead only)
  MarkupFinder markup_;    // reads the input ahead too
  std::vector<SoftWrap> wraps_;  // the soft wraps to join (join_wraps)
  size_t join_at_ = 0;           // the first wrap whose join may hold markup still to come

  // The output before input position `pos` ends with a digit (folded or not).
  bool digit_before(size_t pos) {
    char32_t c = writer_.char_before(pos);
    return is_ascii_digit(c) || is_fullwidth_digit(c);
  }
};

}  // namespace

Cleaned clean_text(std::string_view utf8, const NormalizeOptions& options) {
  Cleaned result;
  Cleaner(utf8, options, &result).run();
  return result;
}

Cleaned clean_text(std::string&& utf8, const NormalizeOptions& options) {
  Cleaned result;
  Cleaner(std::move(utf8), options, &result).run();
  return result;
}

std::optional<Cleaned> clean_text(std::string&& utf8, const NormalizeOptions& options,
                                  const std::function<bool()>& go_on) {
  Cleaned result;
  Cleaner cleaner(std::move(utf8), options, &result, &go_on);
  cleaner.run();
  if (!cleaner.finished()) return std::nullopt;
  return result;
}

}  // namespace aidtext
