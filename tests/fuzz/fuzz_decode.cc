// Fuzz target: decoding and encoding detection of any bytes, where the
// pair tables (encoding/pair_table.h) and the UTF-16 decoder
// (encoding/utf16_decode.h) stand in for ICU. Each input is decoded by
// each converter through them and through ICU alone, and detected both
// ways: the answers must be identical (text, map pieces, invalid counts;
// scores and confidence), and the whole decoder's map must cover the
// output.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "encoding/decoder.h"
#include "encoding/detector.h"
#include "encoding/icu_decode.h"
#include "fuzz_checks.h"

namespace {

void check_same(const aidtext::IcuDecoded& a, const aidtext::IcuDecoded& b) {
  AIDTEXT_FUZZ_CHECK(a.ok == b.ok);
  AIDTEXT_FUZZ_CHECK(a.text == b.text);
  AIDTEXT_FUZZ_CHECK(a.invalid_sequences == b.invalid_sequences);
  AIDTEXT_FUZZ_CHECK(a.map.input_size() == b.map.input_size());
  AIDTEXT_FUZZ_CHECK(a.map.output_size() == b.map.output_size());
  const auto& pa = a.map.pieces();
  const auto& pb = b.map.pieces();
  AIDTEXT_FUZZ_CHECK(pa.size() == pb.size());
  for (size_t k = 0; k < pa.size(); ++k) {
    AIDTEXT_FUZZ_CHECK(pa[k].out_begin == pb[k].out_begin && pa[k].out_len == pb[k].out_len);
    AIDTEXT_FUZZ_CHECK(pa[k].in_begin == pb[k].in_begin && pa[k].in_len == pb[k].in_len);
    AIDTEXT_FUZZ_CHECK(pa[k].copy == pb[k].copy && pa[k].unit_out == pb[k].unit_out &&
                       pa[k].unit_in == pb[k].unit_in);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"GB18030", "GBK", "windows-950", "UTF-16LE", "UTF-16BE"})
    check_same(aidtext::icu_decode(bytes, name, 5), aidtext::icu_decode_with_icu(bytes, name, 5));
  const aidtext::Detection fast = aidtext::detect_encoding(bytes);
  const aidtext::Detection icu = aidtext::detect_encoding_with_icu(bytes);
  AIDTEXT_FUZZ_CHECK(fast.ranking.size() == icu.ranking.size());
  for (size_t k = 0; k < fast.ranking.size(); ++k) {
    AIDTEXT_FUZZ_CHECK(std::string_view(fast.ranking[k].label) == icu.ranking[k].label);
    AIDTEXT_FUZZ_CHECK(fast.ranking[k].score == icu.ranking[k].score);
    AIDTEXT_FUZZ_CHECK(fast.ranking[k].invalid == icu.ranking[k].invalid);
  }
  AIDTEXT_FUZZ_CHECK(fast.confidence == icu.confidence);
  const aidtext::Decoded d = aidtext::decode(bytes);
  AIDTEXT_FUZZ_CHECK(d.map.output_size() == d.text.size());
  AIDTEXT_FUZZ_CHECK(aidtext::utf8::valid(d.text));
  return 0;
}
