// Throughput of the quantity recognizer alone (not a test: prints figures).
// The five dev articles (../shared/corpus/dev/*.txt) repeated to about 20 MB,
// recognized several times; prints MB/s and records found.
//   build-dir/tests/numerals/numerals_recognizer_throughput [target_MB] [rounds] [article|document]
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>
#include <algorithm>

#include "numerals/recognizer.h"

int main(int argc, char** argv) {
  const double target_mb = argc > 1 ? std::atof(argv[1]) : 20.0;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  const std::string only = argc > 3 ? argv[3] : "";  // "article" or "document": run one part
  std::vector<std::string> articles;
  std::string corpus;
  std::string dir = std::string(AIDTEXT_SHARED_DIR) + "/corpus/dev";
  if (!std::filesystem::exists(dir)) {
    std::cerr << dir << " is absent: nothing to measure\n";
    return 0;
  }
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream f(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    articles.push_back(ss.str());
    corpus += ss.str();
    corpus += "\n";
  }
  // As an ETL job calls it: one article at a time, about target_mb in all.
  if (only != "document") {
    size_t per_pass = 0;
    for (const auto& a : articles) per_pass += a.size();
    size_t passes = static_cast<size_t>(target_mb * 1e6 / per_pass) + 1;
    double best = 0, best_cpu = 0;
    size_t records = 0;
    for (int r = 0; r < rounds; ++r) {
      records = 0;
      auto t0 = std::chrono::steady_clock::now();
      std::clock_t c0 = std::clock();
      for (size_t p = 0; p < passes; ++p)
        for (const auto& a : articles) records += aidtext::recognize_quantities(a).size();
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
      best = std::max(best, passes * per_pass / 1e6 / s);
      best_cpu = std::max(best_cpu, passes * per_pass / 1e6 / cpu);
    }
    // CPU-time figures are the fairer ones on a shared, loaded machine.
    std::cout << "recognizer, per article: " << passes * per_pass / 1e6 << " MB in " << passes * articles.size()
              << " calls, " << records << " records, best of " << rounds << ": " << best << " MB/s wall, "
              << best_cpu << " MB/s of CPU time\n";
  }
  if (only == "article") return 0;
  std::string text;
  while (text.size() < target_mb * 1e6) text += corpus;
  double best = 0, best_cpu = 0;
  size_t records = 0;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    auto qs = aidtext::recognize_quantities(text);
    double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    auto t1 = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(t1 - t0).count();
    best = std::max(best, text.size() / 1e6 / s);
    best_cpu = std::max(best_cpu, text.size() / 1e6 / cpu);
    records = qs.size();
  }
  std::cout << "recognizer, one document: " << text.size() / 1e6 << " MB (dev corpus repeated), " << records << " records, best of "
            << rounds << ": " << best << " MB/s wall, " << best_cpu << " MB/s of CPU time\n";
  return 0;
}
