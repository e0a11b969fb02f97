#include "text/segmenter.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"

namespace aidtext {
namespace {

// Bytes of a space at text[pos] (ASCII blank, U+3000 ideographic space,
// U+00A0 no-break space), or 0.
size_t space_length(std::string_view t, size_t pos) {
  unsigned char c = static_cast<unsigned char>(t[pos]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xE3 && pos + 2 < t.size() && static_cast<unsigned char>(t[pos + 1]) == 0x80 &&
      static_cast<unsigned char>(t[pos + 2]) == 0x80)
    return 3;
  if (c == 0xC2 && pos + 1 < t.size() && static_cast<unsigned char>(t[pos + 1]) == 0xA0) return 2;
  return 0;
}

// Trims spaces at both ends of [b, e); empty when all spaces.
Range trim(std::string_view t, size_t b, size_t e) {
  while (b < e) {
    size_t n = space_length(t, b);
    if (n == 0 || b + n > e) break;
    b += n;
  }
  while (e > b) {
    // Look back for the three space forms; their last byte identifies them.
    unsigned char c = static_cast<unsigned char>(t[e - 1]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      --e;
    } else if (c == 0x80 && e - b >= 3 && space_length(t, e - 3) == 3) {
      e -= 3;
    } else if (c == 0xA0 && e - b >= 2 && space_length(t, e - 2) == 2) {
      e -= 2;
    } else {
      break;
    }
  }
  return Range{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

bool ends_sentence(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == '!' || c == '?' || c == ';' ||
         c == U'…';
}

// Closing quotes and brackets that stay with the sentence they close.
bool closes(char32_t c) {
  return c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U'）' || c == ')' || c == '"' ||
         c == '\'' || c == U'》';
}

// Enders are ASCII (!?;) or start with E2 (…), E3 (。) or EF (！？；): those
// bytes map to 0, every other byte to the step past the sequence it leads,
// so the walk between enders is one table look-up a character (segment
// 81,000 to 53,000 instructions on dev article 002).
const std::array<uint8_t, 256>& skip_steps() {
  static const std::array<uint8_t, 256> steps = [] {
    std::array<uint8_t, 256> s{};
    for (int b = 0; b < 256; ++b) s[b] = static_cast<uint8_t>(utf8::sequence_length(static_cast<unsigned char>(b)));
    for (unsigned char b : {'!', '?', ';', '\xE2', '\xE3', '\xEF'}) s[b] = 0;
    return s;
  }();
  return steps;
}

// The first position in [pos, end) where the walk that steps by lead bytes
// meets a byte of an ender's first byte (skip_steps() gives 0), or `end`.
size_t next_candidate(std::string_view t, size_t pos, size_t end) {
  const std::array<uint8_t, 256>& skip = skip_steps();
  const auto* bytes = reinterpret_cast<const unsigned char*>(t.data());
  // Four 3-byte characters at once while the table says so (most of a
  // Chinese text): the step is then a constant, where stepping by the
  // table's value chained each character's two loads to the next
  // (segment was 10 % of an extract's time for 2.5 % of its instructions).
  while (pos < end) {
    if (pos + 9 < end && skip[bytes[pos]] == 3 && skip[bytes[pos + 3]] == 3 && skip[bytes[pos + 6]] == 3 &&
        skip[bytes[pos + 9]] == 3) {
      pos += 12;
      continue;
    }
    const uint8_t step = skip[bytes[pos]];
    if (step == 0) break;
    pos += step;
  }
  return pos;
}

// `next(pos, end)`: next_candidate(), or a caller's search that stops at
// the same enders at least (NextSentenceEnd).
template <typename Next>
void add_sentences(std::string_view t, Range para, uint32_t index, std::vector<Sentence>& out, const Next& next) {
  size_t start = para.begin;
  size_t pos = para.begin;
  while (pos < para.end) {
    pos = next(pos, para.end);
    if (pos >= para.end) break;
    if (static_cast<unsigned char>(t[pos]) < 0x80) {
      ++pos;  // ! ? ;
    } else {
      int len = 1;
      char32_t c = utf8::decode(t, pos, &len);
      pos += len;
      if (!ends_sentence(c)) continue;
    }
    // Runs of enders (！？, ……) and closing quotes belong to this sentence.
    while (pos < para.end) {
      int l2 = 1;
      char32_t d = utf8::decode(t, pos, &l2);
      if (!ends_sentence(d) && !closes(d)) break;
      pos += l2;
    }
    Range r = trim(t, start, pos);
    if (!r.empty()) out.push_back(Sentence{r, index});
    start = pos;
  }
  Range r = trim(t, start, para.end);
  if (!r.empty()) out.push_back(Sentence{r, index});
}

// Room reserved in the lists of paragraphs and sentences: about one a
// `bytes_each` bytes of a news text, capped, so that a long text does not
// hold a large block for nothing (grown from empty, the two lists took 13
// allocations a document of the dev articles).
size_t expected_count(std::string_view text, size_t bytes_each) {
  constexpr size_t kMaxReserved = 4096;
  return std::min(text.size() / bytes_each + 8, kMaxReserved);
}

}  // namespace

std::vector<Range> split_paragraphs(std::string_view text) {
  std::vector<Range> out;
  out.reserve(expected_count(text, 128));
  size_t b = 0;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    Range r = trim(text, b, e);
    if (!r.empty()) out.push_back(r);
    b = e + 1;
  }
  return out;
}

Segmentation segment(std::string_view text) {
  Segmentation s;
  s.paragraphs = split_paragraphs(text);
  s.sentences.reserve(expected_count(text, 64));
  auto next = [text](size_t pos, size_t end) { return next_candidate(text, pos, end); };
  for (uint32_t i = 0; i < s.paragraphs.size(); ++i) add_sentences(text, s.paragraphs[i], i, s.sentences, next);
  return s;
}

Segmentation segment(std::string_view text, const NextSentenceEnd& next_end) {
  Segmentation s;
  s.paragraphs = split_paragraphs(text);
  s.sentences.reserve(expected_count(text, 64));
  for (uint32_t i = 0; i < s.paragraphs.size(); ++i) add_sentences(text, s.paragraphs[i], i, s.sentences, next_end);
  return s;
}

std::vector<Range> split_sentences(std::string_view text) {
  std::vector<Range> out;
  for (const Sentence& s : segment(text).sentences) out.push_back(s.range);
  return out;
}

int Segmentation::sentence_at(uint32_t pos) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](uint32_t p, const Sentence& s) { return p < s.range.begin; });
  if (it == sentences.begin()) return -1;
  return static_cast<int>(it - sentences.begin()) - 1;
}

}  // namespace aidtext
