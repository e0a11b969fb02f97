// Prints what mojibake repair costs the normalizer: normalize() over the dev
// corpus repeated to about 20 MB, once with repair on and once off. A program
// that prints figures, not a test (timing never decides pass or fail).
//
//   repair_cost_bench [target_megabytes]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "normalize/normalizer.h"
#include "repair/repairer.h"

namespace {

struct Doc {
  std::string name;
  std::string bytes;
};

double seconds_for(const std::vector<const Doc*>& docs, size_t rounds, bool repair, size_t* repairs) {
  aidtext::NormalizeOptions options;
  options.repair = repair;
  *repairs = 0;
  auto start = std::chrono::steady_clock::now();
  for (size_t r = 0; r < rounds; ++r)
    for (const Doc* d : docs) *repairs += aidtext::normalize(d->bytes, options).report.repairs.size();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void run(const char* label, const std::vector<const Doc*>& docs, double target_mb, int repeats) {
  size_t bytes = 0;
  for (const Doc* d : docs) bytes += d->bytes.size();
  if (bytes == 0) return;
  const size_t rounds = static_cast<size_t>(target_mb * 1e6 / static_cast<double>(bytes)) + 1;
  const double mb = static_cast<double>(bytes * rounds) / 1e6;
  size_t rep_on = 0, rep_off = 0;
  seconds_for(docs, 1, true, &rep_on);  // warm up tables
  // Interleave on/off and keep the best of each: the machine is shared.
  double on = 1e30, off = 1e30;
  for (int i = 0; i < repeats; ++i) {
    off = std::min(off, seconds_for(docs, rounds, false, &rep_off));
    on = std::min(on, seconds_for(docs, rounds, true, &rep_on));
  }
  std::printf("%-34s %7.1f MB  off %7.3f s (%6.1f MB/s)  on %7.3f s (%6.1f MB/s)  repair adds %+6.1f%%  repairs %zu\n",
              label, mb, off, mb / off, on, mb / on, 100.0 * (on - off) / off, rep_on);
}

}  // namespace

int main(int argc, char** argv) {
  const double target_mb = argc > 1 ? std::atof(argv[1]) : 20.0;
  const std::filesystem::path dir = std::filesystem::path(AIDTEXT_SHARED_DIR) / "corpus" / "dev";
  if (!std::filesystem::exists(dir)) {
    std::printf("SKIPPED: %s not found\n", dir.c_str());
    return 0;
  }
  std::vector<Doc> docs;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    docs.push_back({entry.path().filename().string(), ss.str()});
  }
  std::sort(docs.begin(), docs.end(), [](const Doc& a, const Doc& b) { return a.name < b.name; });
  std::vector<const Doc*> all, clean;
  for (const Doc& d : docs) {
    all.push_back(&d);
    aidtext::NormalizeOptions options;
    if (aidtext::normalize(d.bytes, options).report.repairs.empty()) clean.push_back(&d);
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::printf("normalize() per article, best of 3 interleaved runs\n");
  run("articles without damage", clean, target_mb, 3);
  {  // The repair stage alone on clean text: the cost of the first pass.
    size_t bytes = 0;
    for (const Doc* d : clean) bytes += d->bytes.size();
    const size_t rounds = static_cast<size_t>(target_mb * 1e6 / static_cast<double>(bytes)) + 1;
    double best = 1e30;
    for (int i = 0; i < 3; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      size_t sink = 0;
      for (size_t r = 0; r < rounds; ++r)
        for (const Doc* d : clean) sink += aidtext::repair_mojibake(d->bytes).repairs.size();
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      if (sink) std::printf("unexpected repairs\n");
    }
    const double mb = static_cast<double>(bytes * rounds) / 1e6;
    std::printf("%-34s %7.1f MB  repair_mojibake() alone %7.3f s (%6.1f MB/s)\n", "articles without damage", mb,
                best, mb / best);
  }
  // Damaged articles run the lattice decoder on every call: a smaller corpus.
  run("all 5 articles (2 damaged)", all, target_mb / 10, 1);
  for (const Doc& d : docs) {
    aidtext::NormalizeOptions on, off;
    off.repair = false;
    const int n = 20;
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) aidtext::normalize(d.bytes, off);
    auto t1 = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) aidtext::normalize(d.bytes, on);
    auto t2 = std::chrono::steady_clock::now();
    std::printf("  %-28s %6zu bytes  off %7.2f ms  on %7.2f ms\n", d.name.c_str(), d.bytes.size(),
                1e3 * std::chrono::duration<double>(t1 - t0).count() / n,
                1e3 * std::chrono::duration<double>(t2 - t1).count() / n);
  }
  return 0;
}
