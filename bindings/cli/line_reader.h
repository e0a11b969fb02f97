// LineReader: reads a stream line by line with a fixed buffer, so a file of
// any size is read in bounded memory (one line at a time).
#ifndef AIDTEXT_CLI_LINE_READER_H_
#define AIDTEXT_CLI_LINE_READER_H_

#include <cstdio>
#include <memory>
#include <string>

namespace aidtext::cli {

class LineReader {
 public:
  // `max_line` bounds the memory one line may take; longer lines are
  // skipped to their end and reported as too long.
  LineReader(std::FILE* f, size_t max_line) : f_(f), max_line_(max_line) {}

  enum class Status { kLine, kTooLong, kEnd, kError };
  // The next line into *line, without its LF (and a CR before it).
  // *consumed: input bytes taken, the line end included.
  Status next(std::string* line, size_t* consumed);

 private:
  bool fill();
  std::FILE* f_;
  size_t max_line_;
  // 64 KiB reads: full-speed I/O (a read call costs about a microsecond,
  // 300 of them for 20 MB), and few pages to touch. The buffer was 1 MiB,
  // zero-filled: 256 page faults before the first line, about 3 ms on a VM
  // where a fault costs 12 us (session 9), all of it before the workers of
  // --jobs could start.
  static constexpr size_t kBufferBytes = size_t{64} << 10;
  std::unique_ptr<char[]> buf_{new char[kBufferBytes]};  // not zero-filled: only read bytes are used
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false, error_ = false;
};

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_LINE_READER_H_
