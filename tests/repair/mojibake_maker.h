// Test helper: makes mojibake the way real software does, with ICU's
// converters (independent of the repairer's own codec tables).
#ifndef AIDTEXT_TESTS_REPAIR_MOJIBAKE_MAKER_H_
#define AIDTEXT_TESTS_REPAIR_MOJIBAKE_MAKER_H_

#include <string>
#include <string_view>

namespace aidtext::testing {

// UTF-8 text -> bytes in `charset` (ICU name: "GBK", "Big5", "UTF-8" ...).
// Characters the charset lacks make the call fail a BOOST_REQUIRE.
std::string encode(std::string_view utf8, const char* charset);

// What a decoder for `charset` makes of `bytes`, as UTF-8, decoding pair by
// pair as Python's codecs do: a byte that does not start a mapped sequence
// becomes U+FFFD (or nothing when `drop_errors`) and the next byte is read
// again. Single-byte charsets map every byte. User-defined areas (which ICU
// maps to private use) count as unmapped, as in Python's codecs.
std::string decode(std::string_view bytes, const char* charset, bool drop_errors = false);

// Bytes read as Latin-1 (every byte -> U+0000..U+00FF).
std::string latin1(std::string_view bytes);
// Bytes read as cp1252, the five undefined bytes kept as U+0081, U+008D ...
std::string sloppy_cp1252(std::string_view bytes);

// Text saved in `charset` by software that writes '?' for each character
// the charset lacks (simplified Chinese saved as Big5), read back: every
// other character as it was.
std::string saved_lossy(std::string_view utf8, const char* charset);

// A misaligned GBK stream: drops the byte at `drop`, then decodes pair by
// pair; an unmapped pair prints one '?', a lead before a non-trail byte
// prints '?' and the byte is read again.
std::string misaligned_gbk(std::string_view utf8, size_t drop);

}  // namespace aidtext::testing

#endif  // AIDTEXT_TESTS_REPAIR_MOJIBAKE_MAKER_H_
