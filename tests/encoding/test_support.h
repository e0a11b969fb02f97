// Helpers shared by the encoding, convert and normalize tests: files, the
// shared test data folder (../shared beside the checkout), Debian's opencc
// command, and ICU encoding of test inputs.
#ifndef AIDTEXT_TESTS_TEST_SUPPORT_H_
#define AIDTEXT_TESTS_TEST_SUPPORT_H_

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace aidtext::testing {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline void write_file(const std::filesystem::path& path, std::string_view data) {
  std::ofstream f(path, std::ios::binary);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
}

inline std::filesystem::path shared_dir() { return AIDTEXT_SHARED_DIR; }
inline std::filesystem::path source_dir() { return AIDTEXT_SOURCE_DIR; }

// Decorator for tests that need ../shared/: reported as skipped without it.
inline boost::test_tools::assertion_result has_shared_dir(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result r(std::filesystem::is_directory(shared_dir() / "corpus"));
  r.message() << "../shared (" << shared_dir() << ") is absent";
  return r;
}

inline bool opencc_available() { return std::system("opencc --version >/dev/null 2>&1") == 0; }
inline boost::test_tools::assertion_result has_shared_dir_and_opencc(boost::unit_test::test_unit_id id) {
  auto r = has_shared_dir(id);
  if (!r) return r;
  boost::test_tools::assertion_result o(opencc_available());
  o.message() << "Debian's opencc command is not installed";
  return o;
}
inline boost::test_tools::assertion_result has_opencc(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result o(opencc_available());
  o.message() << "Debian's opencc command is not installed";
  return o;
}

// The dev corpus seeds (../shared/corpus/dev/*.txt), sorted by name.
inline std::vector<std::filesystem::path> seed_files() {
  std::vector<std::filesystem::path> out;
  std::filesystem::path dir = shared_dir() / "corpus" / "dev";
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Runs Debian's `opencc -c <config>.json` over `text` (through temporary
// files); nullopt when the command fails.
inline std::optional<std::string> run_opencc(std::string_view config, std::string_view text) {
  char in_name[] = "/tmp/aidtext_opencc_inXXXXXX";
  int fd = mkstemp(in_name);
  if (fd < 0) return std::nullopt;
  close(fd);
  std::string out_name = std::string(in_name) + ".out";
  write_file(in_name, text);
  std::string cmd = "opencc -c " + std::string(config) + ".json -i " + in_name + " -o " + out_name +
                    " 2>/dev/null";
  int rc = std::system(cmd.c_str());
  std::optional<std::string> out;
  if (rc == 0) out = read_file(out_name);
  std::filesystem::remove(in_name);
  std::filesystem::remove(out_name);
  return out;
}

// UTF-8 -> bytes in `encoding` with ICU; characters the encoding lacks are
// dropped first (keep_representable), so the bytes decode back exactly.
inline std::string icu_encode(std::string_view utf8, const char* encoding) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* u8 = ucnv_open("UTF-8", &err);
  UConverter* target = ucnv_open(encoding, &err);
  std::string out(utf8.size() * 4 + 16, '\0');
  char* t = out.data();
  const char* s = utf8.data();
  ucnv_convertEx(target, u8, &t, out.data() + out.size(), &s, utf8.data() + utf8.size(), nullptr,
                 nullptr, nullptr, nullptr, true, true, &err);
  ucnv_close(u8);
  ucnv_close(target);
  BOOST_REQUIRE_MESSAGE(U_SUCCESS(err), "ICU encode to " << encoding << ": " << u_errorName(err));
  out.resize(static_cast<size_t>(t - out.data()));
  return out;
}

// Decodes `bytes` in `encoding` with ICU (to check mapped input bytes).
inline std::string icu_decode_to_utf8(std::string_view bytes, const char* encoding) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* u8 = ucnv_open("UTF-8", &err);
  UConverter* source = ucnv_open(encoding, &err);
  std::string out(bytes.size() * 3 + 16, '\0');
  char* t = out.data();
  const char* s = bytes.data();
  ucnv_convertEx(u8, source, &t, out.data() + out.size(), &s, bytes.data() + bytes.size(), nullptr,
                 nullptr, nullptr, nullptr, true, true, &err);
  ucnv_close(u8);
  ucnv_close(source);
  out.resize(static_cast<size_t>(t - out.data()));
  return out;
}

// The characters of `utf8` that `encoding` can represent and that decode
// back to themselves (so an encode/decode round trip is exact).
inline std::string keep_representable(std::string_view utf8, const char* encoding) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(encoding, &err);
  ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::string out;
  size_t i = 0;
  while (i < utf8.size()) {
    unsigned char b = static_cast<unsigned char>(utf8[i]);
    size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    std::string_view ch = utf8.substr(i, len);
    UChar u[4];
    int32_t n = 0;
    UErrorCode e = U_ZERO_ERROR;
    u_strFromUTF8(u, 4, &n, ch.data(), static_cast<int32_t>(ch.size()), &e);
    char buf[16];
    e = U_ZERO_ERROR;
    ucnv_reset(cnv);
    int32_t m = ucnv_fromUChars(cnv, buf, sizeof buf, u, n, &e);
    if (U_SUCCESS(e) && m > 0 && icu_decode_to_utf8(std::string_view(buf, m), encoding) == ch)
      out.append(ch);
    i += len;
  }
  ucnv_close(cnv);
  return out;
}

}  // namespace aidtext::testing

#endif  // AIDTEXT_TESTS_TEST_SUPPORT_H_
