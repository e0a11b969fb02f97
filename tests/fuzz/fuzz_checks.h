// Invariants every fuzz target checks on what the library returns. A broken
// invariant is a bug just like a crash: it prints what broke and aborts, so
// libFuzzer keeps the input as a reproducer.
#ifndef AIDTEXT_TESTS_FUZZ_FUZZ_CHECKS_H_
#define AIDTEXT_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/normalized_text.h"
#include "core/utf8.h"
#include "metrics/metric_record.h"
#include "numerals/quantity.h"

#define AIDTEXT_FUZZ_CHECK(cond)                                                     \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n", __FILE__, __LINE__, \
                   #cond);                                                           \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)

namespace aidtext::fuzz {

inline bool is_char_boundary(std::string_view s, size_t pos) {
  return pos == 0 || pos >= s.size() || (static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80;
}

// The bytes as valid UTF-8, invalid sequences replaced by U+FFFD: what the
// decoder hands to later stages, whose contract is valid text.
inline std::string to_valid_utf8(std::string_view raw) {
  std::string text;
  text.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    int len = 1;
    aidtext::utf8::append(text, aidtext::utf8::decode(raw, i, &len));
    i += len;
  }
  return text;
}

inline bool within(const Range& r, size_t size) { return r.begin <= r.end && r.end <= size; }

// The normalizer's output: valid UTF-8, and an offset map that covers the
// text and points inside the input.
inline void check_normalized(const NormalizedText& t, size_t input_size) {
  AIDTEXT_FUZZ_CHECK(utf8::valid(t.text));
  AIDTEXT_FUZZ_CHECK(t.map.output_size() == t.text.size());
  AIDTEXT_FUZZ_CHECK(t.map.input_size() == input_size);
  Range all = t.to_input(Range{0, static_cast<uint32_t>(t.text.size())});
  AIDTEXT_FUZZ_CHECK(within(all, input_size));
  for (const Repair& r : t.report.repairs) {
    AIDTEXT_FUZZ_CHECK(within(r.input, input_size));
    AIDTEXT_FUZZ_CHECK(within(r.output, t.text.size()));
    AIDTEXT_FUZZ_CHECK(r.confidence >= 0 && r.confidence <= 1);
  }
  for (const RepeatedPassage& p : t.report.repeats) {
    AIDTEXT_FUZZ_CHECK(within(p.passage, t.text.size()));
    AIDTEXT_FUZZ_CHECK(within(p.first, t.text.size()));
  }
}

// Quantities: in text order, spans inside the text on character boundaries.
inline void check_quantities(std::string_view text, const std::vector<Quantity>& qs) {
  uint32_t last_begin = 0;
  for (const Quantity& q : qs) {
    AIDTEXT_FUZZ_CHECK(within(q.span, text.size()));
    AIDTEXT_FUZZ_CHECK(q.span.begin < q.span.end);
    AIDTEXT_FUZZ_CHECK(is_char_boundary(text, q.span.begin));
    AIDTEXT_FUZZ_CHECK(is_char_boundary(text, q.span.end));
    AIDTEXT_FUZZ_CHECK(q.span.begin >= last_begin);
    last_begin = q.span.begin;
  }
}

// Metric records: provenance inside the original input and the normalized text.
inline void check_metrics(const NormalizedText& t, size_t input_size,
                          const std::vector<MetricRecord>& records) {
  for (const MetricRecord& m : records) {
    AIDTEXT_FUZZ_CHECK(!m.metric.empty());
    AIDTEXT_FUZZ_CHECK(within(m.source, input_size));
    AIDTEXT_FUZZ_CHECK(within(m.span, t.text.size()));
    AIDTEXT_FUZZ_CHECK(utf8::valid(m.text));
    AIDTEXT_FUZZ_CHECK(utf8::valid(m.sentence));
  }
}

}  // namespace aidtext::fuzz

#endif  // AIDTEXT_TESTS_FUZZ_FUZZ_CHECKS_H_
