// What every ICU conversion here shares: a converter handle that closes
// itself, and the to-Unicode callback that makes each illegal, irregular or
// unassigned sequence one U+FFFD (ICU's own substitute may be U+001A for a
// single byte) and counts it. Header-only: the build-time generator
// make_pair_tables.cc uses it too.
#ifndef AIDTEXT_ENCODING_ICU_CONVERTER_H_
#define AIDTEXT_ENCODING_ICU_CONVERTER_H_

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace aidtext::icu {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// To-Unicode callback; `context` is a uint32_t counter of the sequences
// replaced, or null.
inline void U_CALLCONV substitute_and_count(const void* context, UConverterToUnicodeArgs* args, const char*,
                                            int32_t, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to do
  if (context) ++*static_cast<uint32_t*>(const_cast<void*>(context));
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

// A converter of `icu_name` whose to-Unicode callback is
// substitute_and_count(counter); null when ICU has no such converter.
inline Converter open_counting(const char* icu_name, uint32_t* counter) {
  UErrorCode err = U_ZERO_ERROR;
  Converter cnv(ucnv_open(icu_name, &err));
  if (U_FAILURE(err) || !cnv) return nullptr;
  ucnv_setToUCallBack(cnv.get(), substitute_and_count, counter, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return nullptr;
  return cnv;
}

// `bytes` decoded by `icu_name` in one call with flush, each unit with the
// offset in `bytes` of the sequence it came from; substituted sequences
// are counted in *counter (may be null). False when ICU fails. For the
// tables that record what ICU does with every sequence (the pair tables'
// generator, GB18030's four-byte blocks): whole buffers, never documents.
inline bool decode_with_offsets(const char* icu_name, std::string_view bytes, std::vector<UChar>* units,
                                std::vector<int32_t>* offsets, uint32_t* counter = nullptr) {
  Converter cnv = open_counting(icu_name, counter);
  if (!cnv) return false;
  units->assign(bytes.size() * 2 + 16, 0);
  offsets->assign(units->size(), -1);
  UChar* target = units->data();
  const char* source = bytes.data();
  UErrorCode err = U_ZERO_ERROR;
  ucnv_toUnicode(cnv.get(), &target, units->data() + units->size(), &source, bytes.data() + bytes.size(),
                 offsets->data(), /*flush=*/true, &err);
  if (U_FAILURE(err) || source != bytes.data() + bytes.size()) return false;
  const auto n = static_cast<size_t>(target - units->data());
  units->resize(n);
  offsets->resize(n);
  return true;
}

}  // namespace aidtext::icu

#endif  // AIDTEXT_ENCODING_ICU_CONVERTER_H_
