#include "document_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

#include <sys/stat.h>

#include "aidtext/aidtext.h"
#include "format/json_reader.h"

namespace aidtext::cli {

namespace fs = std::filesystem;

namespace {

// A JSON Lines record holds one document of at most AIDTEXT_MAX_INPUT_BYTES,
// plus its other fields; 1 MiB of room for those. Longer lines are reported
// and skipped without being held in memory.
constexpr size_t kMaxLineBytes = AIDTEXT_MAX_INPUT_BYTES + (size_t{1} << 20);

std::string errno_text(int err) { return std::strerror(err); }

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

DocumentSource::DocumentSource(const CliOptions& options) : options_(options) {
  std::vector<std::string> given = options.inputs;
  if (given.empty()) given.push_back("-");
  bool sizes_known = true;
  for (const std::string& path : given) {
    if (path == "-") {
      inputs_.push_back({path, ""});
      sizes_known = false;
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      inputs_.push_back({path, ec ? ec.message() : "no such file or directory"});
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> files;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) {
        inputs_.push_back({path, ec.message()});
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) break;
        std::error_code fec;
        if (it->is_regular_file(fec)) files.push_back(it->path().string());
      }
      if (ec) inputs_.push_back({path, "listing stopped: " + ec.message()});
      std::sort(files.begin(), files.end());
      for (std::string& f : files) {
        std::error_code sec;
        uintmax_t n = fs::file_size(f, sec);
        if (!sec) total_bytes_ += n;
        inputs_.push_back({std::move(f), ""});
      }
      continue;
    }
    std::error_code sec;
    uintmax_t n = fs::is_regular_file(st) ? fs::file_size(path, sec) : 0;
    if (!fs::is_regular_file(st) || sec) sizes_known = false;
    else total_bytes_ += n;
    inputs_.push_back({path, ""});
  }
  if (!sizes_known) total_bytes_ = 0;
}

DocumentSource::~DocumentSource() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
  if (sections_ != nullptr && sections_->file != stdin) std::fclose(sections_->file);
}

bool DocumentSource::next(Document* doc) {
  *doc = Document();
  return options_.input_format == InputFormat::kJsonl ? next_jsonl(doc) : next_text(doc);
}

void DocumentSource::open_text(const Input& in, Document* doc) {
  std::FILE* f = in.path == "-" ? stdin : std::fopen(in.path.c_str(), "rb");
  if (f == nullptr) {
    doc->error = errno_text(errno);
    return;
  }
  // A regular file's size is known: its bytes go into one buffer of that
  // size. Growing the buffer as it filled copied it at each doubling, and
  // left up to twice the document's size allocated (a 10 MB file: 16.7 MB
  // at the peak). Pipes and stdin still grow.
  // A document up to twice a section's size is one library call.
  const size_t whole_max = 2 * options_.section_bytes;
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
    doc->bytes.reserve(std::min<size_t>(static_cast<size_t>(st.st_size), whole_max + 1));
  char buf[1 << 16];
  while (doc->bytes.size() <= whole_max) {
    const size_t n = std::fread(buf, 1, std::min(sizeof buf, whole_max + 1 - doc->bytes.size()), f);
    if (n == 0) break;
    doc->bytes.append(buf, n);
  }
  if (std::ferror(f)) {
    doc->error = errno_text(errno);
    std::string().swap(doc->bytes);
    if (f != stdin) std::fclose(f);
    return;
  }
  if (doc->bytes.size() > whole_max) {  // more to come: read it in sections
    sections_ = std::make_unique<Sections>();
    sections_->file = f;
    sections_->id = in.path;
    sections_->carry = std::move(doc->bytes);
    doc->bytes.clear();
    sections_->layout = guess_layout(sections_->carry);
    // UTF-16 sections after the first start with the document's byte order
    // mark (its own, or the one its layout shows), so that each decodes
    // alone as the first did.
    if (sections_->layout == ByteLayout::kUtf16LE) sections_->bom = "\xFF\xFE";
    if (sections_->layout == ByteLayout::kUtf16BE) sections_->bom = "\xFE\xFF";
    next_section(doc);
    return;
  }
  doc->input_bytes = doc->bytes.size();
  if (f != stdin) std::fclose(f);
}

void DocumentSource::next_section(Document* doc) {
  Sections& s = *sections_;
  doc->id = doc->source = s.id;
  doc->sectioned = true;
  doc->section = s.next_index++;
  char buf[1 << 16];
  while (!s.at_end && s.carry.size() <= options_.section_bytes) {
    const size_t n = std::fread(buf, 1, std::min(sizeof buf, options_.section_bytes + 1 - s.carry.size()), s.file);
    if (n == 0) {
      s.at_end = true;
      break;
    }
    s.carry.append(buf, n);
  }
  if (std::ferror(s.file)) {
    doc->error = "read error at byte " + std::to_string(s.next_offset + s.carry.size()) + ": " + errno_text(errno);
    doc->offset = s.next_offset;
    doc->last_section = true;
  } else {
    const size_t cut = section_cut(s.carry, s.layout, options_.section_bytes);
    const std::string_view taken(s.carry.data(), cut);
    const std::string_view prefix = doc->section > 0 ? std::string_view(s.bom) : std::string_view();
    doc->bytes.reserve(prefix.size() + cut);
    doc->bytes.append(prefix).append(taken);
    doc->offset = s.next_offset - prefix.size();
    doc->input_bytes = cut;
    if (!options_.db.empty()) s.hash.add(taken);
    s.carry.erase(0, cut);
    s.next_offset += cut;
    doc->last_section = s.at_end && s.carry.empty();
    if (doc->last_section && !options_.db.empty()) doc->content_hash = s.hash.hex();
  }
  if (doc->last_section) {
    if (s.file != stdin) std::fclose(s.file);
    sections_.reset();
  }
}

bool DocumentSource::next_text(Document* doc) {
  if (sections_ != nullptr) {
    next_section(doc);
    return true;
  }
  if (next_input_ >= inputs_.size()) return false;
  const Input& in = inputs_[next_input_++];
  doc->id = in.path;
  doc->source = in.path;
  if (!in.error.empty()) {
    doc->error = in.error;
    return true;
  }
  open_text(in, doc);
  return true;
}

bool DocumentSource::next_jsonl(Document* doc) {
  while (true) {
    if (lines_ == nullptr) {
      if (next_input_ >= inputs_.size()) return false;
      const Input& in = inputs_[next_input_++];
      if (!in.error.empty()) {
        doc->id = doc->source = in.path;
        doc->error = in.error;
        return true;
      }
      file_ = in.path == "-" ? stdin : std::fopen(in.path.c_str(), "rb");
      if (file_ == nullptr) {
        doc->id = doc->source = in.path;
        doc->error = errno_text(errno);
        return true;
      }
      file_path_ = in.path;
      line_number_ = 0;
      lines_ = std::make_unique<LineReader>(file_, kMaxLineBytes);
    }
    size_t consumed = 0;
    // The line goes straight into the document: one copy from the read
    // buffer, on the thread that feeds the --jobs workers.
    LineReader::Status st = lines_->next(&doc->json_line, &consumed);
    if (st == LineReader::Status::kEnd || st == LineReader::Status::kError) {
      const bool failed = st == LineReader::Status::kError;
      const int err = errno;
      if (file_ != stdin) std::fclose(file_);
      file_ = nullptr;
      lines_.reset();
      if (failed) {
        doc->id = doc->source = file_path_;
        doc->error = "read error: " + errno_text(err);
        return true;
      }
      continue;
    }
    ++line_number_;
    doc->source = file_path_ + ":" + std::to_string(line_number_);
    doc->input_bytes = consumed;
    if (st == LineReader::Status::kTooLong) {
      doc->id = doc->source;
      doc->error = "line longer than " + std::to_string(kMaxLineBytes) + " bytes";
      return true;
    }
    if (line_number_ == 1 && std::string_view(doc->json_line).substr(0, 3) == "\xEF\xBB\xBF")
      doc->json_line.erase(0, 3);  // UTF-8 BOM
    if (blank(doc->json_line)) continue;

    doc->id = doc->source;
    return true;
  }
}

void read_json_line(Document* doc, const CliOptions& options) {
  if (doc->json_line.empty()) return;
  const std::string line = std::move(doc->json_line);
  doc->json_line.clear();
  const std::string_view keys[] = {options.id_field, options.text_field};
  std::vector<std::optional<json::Value>> found;
  std::string error;
  if (!json::parse_members(line, keys, &found, &error)) {
    doc->error = "malformed JSON line: " + error;
    return;
  }
  const std::optional<json::Value>& id = found[0];
  if (id && (id->is_string() || id->is_number())) doc->id = id->text;
  std::optional<json::Value>& text = found[1];
  if (!text || !text->is_string()) {
    doc->error = "no string field \"" + options.text_field + "\"";
    return;
  }
  doc->bytes = std::move(text->text);
}

}  // namespace aidtext::cli
