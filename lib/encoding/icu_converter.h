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

}  // namespace aidtext::icu

#endif  // AIDTEXT_ENCODING_ICU_CONVERTER_H_
