// A main() for the fuzz targets in ordinary (non-libFuzzer) builds: runs the
// target once on every file named on the command line (folders are walked),
// so seeds and saved crash inputs (regressions/) replay under ctest, under
// the sanitizers of scripts/sanitize.sh, and with any compiler.
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int run_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
    return 1;
  }
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // An empty vector's data() may be null; the fuzzer always passes a pointer.
  static const uint8_t kEmpty[1] = {0};
  const uint8_t* data = bytes.empty() ? kEmpty : reinterpret_cast<const uint8_t*>(bytes.data());
  LLVMFuzzerTestOneInput(data, bytes.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int files = 0, failures = 0;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path arg(argv[i]);
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      std::vector<std::filesystem::path> paths;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(arg, ec))
        if (entry.is_regular_file()) paths.push_back(entry.path());
      std::sort(paths.begin(), paths.end());
      for (const auto& p : paths) {
        failures += run_file(p);
        ++files;
      }
    } else if (std::filesystem::exists(arg, ec)) {
      failures += run_file(arg);
      ++files;
    }
  }
  std::printf("replay: %d inputs, %d unreadable\n", files, failures);
  return failures == 0 ? 0 : 1;
}
