// Encoding detection for text that is not valid UTF-8: every candidate
// decodes a sample of the input and is scored by how plausible the result
// is as Chinese (or plain) text. ICU's charset detector alone goes wrong on
// short Chinese text (its n-gram statistics need a few hundred bytes); this
// scorer uses the frequency class of each character instead, so a handful
// of characters is already enough.
#ifndef AIDTEXT_ENCODING_DETECTOR_H_
#define AIDTEXT_ENCODING_DETECTOR_H_

#include <string>
#include <string_view>
#include <vector>

namespace aidtext {

struct EncodingCandidate {
  const char* label;     // reported name: "UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE"
  const char* icu_name;  // ICU converter name (nullptr for UTF-8, decoded without ICU)
  double score = 0;      // mean plausibility of the sample's non-ASCII characters, <= 1
  uint32_t invalid = 0;  // invalid sequences in the sample
};

struct Detection {
  EncodingCandidate best;
  double confidence = 0;                   // 0..1
  std::vector<EncodingCandidate> ranking;  // all candidates, best first
};

// Scores the candidates on kDetectionSampleBytes of `bytes`, starting just
// before the first byte that is not plain ASCII (leading markup says nothing).
//
// GB18030, Big5 and UTF-16 are scored without ICU where their tables
// decide every byte of the sample (pair_table.h), by ICU otherwise.
Detection detect_encoding(std::string_view bytes);

// detect_encoding() with every candidate scored by ICU: the reference the
// table scoring is tested against.
Detection detect_encoding_with_icu(std::string_view bytes);

// Detection looks at this many leading bytes only: plenty for a confident
// answer (a few hundred characters), and detection cost stays constant
// however large the document.
inline constexpr size_t kDetectionSampleBytes = 64 * 1024;

// The plausibility weight of one decoded character, -2..1 (exposed for tests).
double character_plausibility(char32_t c);

// The mean plausibility of the characters of `utf8` that are not plain
// ASCII (0 when it has none): what the detection scores a decoding by.
double text_plausibility(std::string_view utf8);

}  // namespace aidtext

#endif  // AIDTEXT_ENCODING_DETECTOR_H_
