// LineReader: reads a stream line by line with a fixed buffer, so a file of
// any size is read in bounded memory (one line at a time).
#ifndef AIDTEXT_CLI_LINE_READER_H_
#define AIDTEXT_CLI_LINE_READER_H_

#include <cstdio>
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
  // 1 MiB reads: large enough for full-speed I/O, small next to a line.
  static constexpr size_t kBufferBytes = size_t{1} << 20;
  std::string buf_ = std::string(kBufferBytes, '\0');
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false, error_ = false;
};

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_LINE_READER_H_
