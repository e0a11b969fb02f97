#include "line_reader.h"

#include <cstring>

namespace aidtext::cli {

bool LineReader::fill() {
  if (eof_ || error_) return false;
  len_ = std::fread(buf_.get(), 1, kBufferBytes, f_);
  pos_ = 0;
  if (len_ == 0) {
    if (std::ferror(f_)) error_ = true;
    eof_ = true;
    return false;
  }
  return true;
}

LineReader::Status LineReader::next(std::string* line, size_t* consumed) {
  line->clear();
  *consumed = 0;
  bool too_long = false;
  bool any = false;
  while (true) {
    if (pos_ >= len_ && !fill()) {
      if (error_) return Status::kError;
      if (!any) return Status::kEnd;
      break;  // last line without LF
    }
    any = true;
    const char* start = buf_.get() + pos_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
    const size_t take = nl ? static_cast<size_t>(nl - start) : len_ - pos_;
    if (!too_long) {
      if (line->size() + take > max_line_) {
        too_long = true;
        line->clear();
        line->shrink_to_fit();  // give the memory back at once
      } else {
        line->append(start, take);
      }
    }
    *consumed += take + (nl ? 1 : 0);
    pos_ += take + (nl ? 1 : 0);
    if (nl) break;
  }
  if (too_long) return Status::kTooLong;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return Status::kLine;
}

}  // namespace aidtext::cli
