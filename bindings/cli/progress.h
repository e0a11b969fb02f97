// Progress: a one-line progress display on stderr (only when stderr is a
// terminal) and the summary line printed at the end of every run.
#ifndef AIDTEXT_CLI_PROGRESS_H_
#define AIDTEXT_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>

namespace aidtext::cli {

class Progress {
 public:
  // total_bytes: 0 when unknown (stdin); then no ETA is shown.
  explicit Progress(uint64_t total_bytes);

  // One document written; with document_done false, a section of one that
  // goes on (its bytes and records count, the document when it ends).
  void add(uint64_t input_bytes, uint64_t records, bool failed, bool document_done = true);
  // Clears the progress line and prints the summary line.
  void finish();

  uint64_t errors() const { return errors_; }

 private:
  double seconds() const;
  void draw();
  using Clock = std::chrono::steady_clock;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_ = start_;
  uint64_t total_bytes_;
  uint64_t documents_ = 0, records_ = 0, errors_ = 0, bytes_ = 0;
  bool terminal_;
  bool drawn_ = false;
};

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_PROGRESS_H_
