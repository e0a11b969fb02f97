#include "mojibake_maker.h"

#include <unicode/ucnv.h>

#include <boost/test/unit_test.hpp>
#include <memory>

#include "core/utf8.h"

namespace aidtext::testing {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_strict(const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  Converter c(ucnv_open(charset, &status));
  BOOST_REQUIRE_MESSAGE(U_SUCCESS(status), "ICU converter " << charset);
  ucnv_setToUCallBack(c.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(c.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return c;
}

// Decodes exactly `bytes` as one character; 0 when they are not one.
char32_t decode_one(UConverter* c, std::string_view bytes, bool keep_private_use = false) {
  UErrorCode status = U_ZERO_ERROR;
  UChar buf[4];
  ucnv_reset(c);
  int32_t n = ucnv_toUChars(c, buf, 4, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  // Private use stands for the charset's user-defined area, which Python's
  // codecs (the ones the peer suite models) treat as unmapped.
  if (U_FAILURE(status) || n != 1 || buf[0] == 0xFFFD || buf[0] == 0x1A) return 0;
  if (!keep_private_use && buf[0] >= 0xE000 && buf[0] <= 0xF8FF) return 0;
  return buf[0];
}

}  // namespace

std::string encode(std::string_view utf8, const char* charset) {
  Converter c = open_strict(charset);
  UErrorCode status = U_ZERO_ERROR;
  std::u16string u16;
  for (size_t i = 0; i < utf8.size();) {
    int len;
    char32_t cp = utf8::decode(utf8, i, &len);
    if (cp < 0x10000) u16.push_back(static_cast<char16_t>(cp));
    i += static_cast<size_t>(len);
  }
  std::string out(u16.size() * 4 + 4, '\0');
  int32_t n = ucnv_fromUChars(c.get(), out.data(), static_cast<int32_t>(out.size()),
                              reinterpret_cast<const UChar*>(u16.data()), static_cast<int32_t>(u16.size()),
                              &status);
  BOOST_REQUIRE_MESSAGE(U_SUCCESS(status), "encoding to " << charset << ": " << utf8);
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string saved_lossy(std::string_view utf8, const char* charset) {
  Converter c = open_strict(charset);
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    int len;
    const char32_t cp = utf8::decode(utf8, i, &len);
    UErrorCode status = U_ZERO_ERROR;
    const UChar u = static_cast<UChar>(cp);
    char bytes[8];
    ucnv_reset(c.get());
    const bool kept = cp < 0x80 || (cp < 0x10000 && ucnv_fromUChars(c.get(), bytes, sizeof bytes, &u, 1, &status) > 0 &&
                                    U_SUCCESS(status));
    if (kept) {
      out.append(utf8.substr(i, static_cast<size_t>(len)));
    } else {
      out.push_back('?');
    }
    i += static_cast<size_t>(len);
  }
  return out;
}

std::string decode(std::string_view bytes, const char* charset, bool drop_errors) {
  Converter c = open_strict(charset);
  // GB18030 defines the private-use mapping (that is the point of it).
  const bool keep_private_use = std::string_view(charset) == "gb18030";
  std::string out;
  for (size_t i = 0; i < bytes.size();) {
    const unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    char32_t cp = i + 1 < bytes.size() ? decode_one(c.get(), bytes.substr(i, 2), keep_private_use) : 0;
    if (cp) {
      utf8::append(out, cp);
      i += 2;
    } else {
      if (!drop_errors) utf8::append(out, utf8::kReplacement);
      ++i;
    }
  }
  return out;
}

std::string latin1(std::string_view bytes) {
  std::string out;
  for (unsigned char b : bytes) utf8::append(out, b);
  return out;
}

std::string sloppy_cp1252(std::string_view bytes) {
  Converter c = open_strict("windows-1252");
  std::string out;
  for (unsigned char b : bytes) {
    char32_t cp = b < 0x80 ? b : decode_one(c.get(), std::string_view(reinterpret_cast<const char*>(&b), 1));
    utf8::append(out, cp ? cp : b);
  }
  return out;
}

std::string misaligned_gbk(std::string_view utf8_text, size_t drop) {
  std::string bytes = encode(utf8_text, "GBK");
  bytes.erase(drop, 1);
  Converter c = open_strict("GBK");
  std::string out;
  for (size_t i = 0; i < bytes.size();) {
    const unsigned char b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    const unsigned char t = i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) : 0;
    if (t >= 0x40 && t != 0x7F && t != 0xFF) {
      char32_t cp = decode_one(c.get(), std::string_view(bytes).substr(i, 2));
      if (cp) utf8::append(out, cp); else out.push_back('?');
      i += 2;
    } else {
      out.push_back('?');
      ++i;
    }
  }
  return out;
}

}  // namespace aidtext::testing
