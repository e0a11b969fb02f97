#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace aidtext::cli {

namespace {

// Redraw at most four times a second: often enough to look alive, rarely
// enough to cost nothing.
constexpr auto kRedrawInterval = std::chrono::milliseconds(250);

constexpr double kMB = 1e6;

}  // namespace

Progress::Progress(uint64_t total_bytes) : total_bytes_(total_bytes), terminal_(isatty(STDERR_FILENO) == 1) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(Clock::now() - start_).count();
}

void Progress::add(uint64_t input_bytes, uint64_t records, bool failed, bool document_done) {
  if (document_done) ++documents_;
  records_ += records;
  bytes_ += input_bytes;
  if (failed) ++errors_;
  if (terminal_ && Clock::now() - last_draw_ >= kRedrawInterval) draw();
}

void Progress::draw() {
  last_draw_ = Clock::now();
  const double s = seconds();
  const double rate = s > 0 ? bytes_ / kMB / s : 0;
  char eta[48] = "";
  if (total_bytes_ > 0 && rate > 0 && bytes_ <= total_bytes_) {
    const long left = static_cast<long>((total_bytes_ - bytes_) / kMB / rate);
    std::snprintf(eta, sizeof eta, ", %.0f%%, ETA %ld:%02ld", 100.0 * bytes_ / total_bytes_, left / 60, left % 60);
  }
  std::fprintf(stderr, "\r\033[K%llu documents, %.1f MB, %.1f MB/s%s", static_cast<unsigned long long>(documents_),
               bytes_ / kMB, rate, eta);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (drawn_) std::fputs("\r\033[K", stderr);
  const double s = seconds();
  std::fprintf(stderr, "aidtext: %llu documents, %llu records, %llu errors, %.1f MB in %.2f s (%.1f MB/s)\n",
               static_cast<unsigned long long>(documents_), static_cast<unsigned long long>(records_),
               static_cast<unsigned long long>(errors_), bytes_ / kMB, s, s > 0 ? bytes_ / kMB / s : 0.0);
}

}  // namespace aidtext::cli
