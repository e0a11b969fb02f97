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
  uint32_t counted = 0;  // characters the score is the mean of
};

struct Detection {
  EncodingCandidate best;
  double confidence = 0;                   // 0..1
  std::vector<EncodingCandidate> ranking;  // all candidates, best first
};

// Scores the candidates on kDetectionSampleBytes of `bytes`, starting just
// before the first byte that is not plain ASCII (leading markup says nothing).
// They first score its first kQuickSampleBytes: where GB18030 or Big5 reads
// those as Chinese beyond doubt (kQuickMinChars characters or more, none
// invalid, a score of kQuickMinScore or more and kQuickMinLead ahead of
// every other reading), that is the answer, and the ranking and confidence
// are those of the first bytes; otherwise the whole sample decides.
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

// The first look (see detect_encoding). Every candidate decodes every byte
// it is shown, about 90 instructions a byte for the five: the whole sample
// was 375k of the 731k instructions of a 4 KB article in GBK's normalize()
// (now 452k in all), and 3.9M of 12.3M for 45 KB of text.
//
// The thresholds, from 729 documents of two or three dev and test articles
// each (session 24) in GB18030, in Big5, in UTF-16 without a BOM, as UTF-8
// and GBK lines in turn, in GBK with five bytes flipped, in GBK after 3 KB
// of markup, traditional in GB18030, and half GBK then half Big5: where the
// first look settled it, the right reading scored 0.877 or more (on 354
// characters or more) and the next one at most 0.29; UTF-16, and text whose
// best reading of its first kilobyte had an invalid sequence, went on to
// the whole sample. Outputs were those of the whole sample's detection but for
// the half-and-half documents: read wholly as their first half's encoding
// now (76 of 81 were read as Big5 before), half of the text is lost either
// way.
inline constexpr size_t kQuickSampleBytes = 1024;
inline constexpr uint32_t kQuickMinChars = 128;
inline constexpr double kQuickMinScore = 0.6;
inline constexpr double kQuickMinLead = 0.4;

// The plausibility weight of one decoded character, -2..1 (exposed for tests).
double character_plausibility(char32_t c);

// The mean plausibility of the characters of `utf8` that are not plain
// ASCII (0 when it has none): what the detection scores a decoding by.
double text_plausibility(std::string_view utf8);

}  // namespace aidtext

#endif  // AIDTEXT_ENCODING_DETECTOR_H_
