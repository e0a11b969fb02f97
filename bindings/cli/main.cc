// aidtext: the command line tool. Streams documents (files, directories,
// stdin, JSON Lines) through one shared engine on --jobs threads and writes
// records as JSON Lines or CSV on stdout, or into SQLite (--db).
// It uses only the public API (aidtext.hpp over the C ABI) and the
// standard-library-only text formats of lib/format (JSON reader, CSV fields).
#include <cstdio>
#include <memory>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <optional>
#include <string>

#include "aidtext/aidtext.hpp"
#include "cli_options.h"
#include "document_source.h"
#include "ordered_pool.h"
#include "processor.h"
#include "progress.h"
#include "section_joiner.h"
#include "sqlite_sink.h"

namespace aidtext::cli {
namespace {

// Documents in flight per worker (queued, in work, or waiting for their turn
// to be written): enough to keep every worker busy while one document is
// slow (an article with a damaged passage costs twenty ordinary ones; with 4
// per worker, --jobs 2 ran 1.58x one job on the dev corpus, with 64 ...).
constexpr size_t kWindowPerJob = 64;
// ... and at most this many input bytes in flight, so that memory stays flat
// however large the documents are (a single larger document still runs).
// 8 MB: sixteen sections of a large file (512 KiB each) queued or waiting
// beside the two in work; with 16 MB, --jobs 2 on a GB18030 file with
// 1 MiB sections peaked at 61 MB, near the 64 MB goal.
constexpr size_t kMaxBytesInFlight = size_t{8} << 20;

// 64 KiB stdout buffer: records are written in blocks of that size, a
// write call per 64 KiB (about a microsecond each), and only 16 pages to
// touch where 1 MiB took 256 page faults.
constexpr size_t kStdoutBuffer = size_t{64} << 10;

std::optional<aidtext::Engine> make_engine(const CliOptions& o, std::string* error) {
  try {
    aidtext::Options opt;
    if (!o.convert.empty()) opt.set("convert", o.convert);
    if (!o.encoding.empty()) opt.set("encoding", o.encoding);
    if (!o.rules.empty()) opt.rules_file(o.rules);
    return aidtext::Engine(opt);
  } catch (const aidtext::Error& e) {
    *error = e.what();
    return std::nullopt;
  }
}

// glibc grows a worker thread's heap by just what each allocation needs: an
// mprotect call per step, about 300 of them in a --jobs 2 run over 20 MB.
// Growing by 4 MiB at a time (address space: pages are only used when
// touched) makes that 15 and saves about 100 page faults. The library
// itself never tunes malloc: that is the program's business.
void tune_malloc() {
#if defined(__GLIBC__)
  mallopt(M_TOP_PAD, 4 << 20);
#endif
}

int run(const CliOptions& o) {
  tune_malloc();
  std::string error;
  std::optional<aidtext::Engine> engine = make_engine(o, &error);
  if (!engine) {
    std::fprintf(stderr, "aidtext: %s\n", error.c_str());
    return 2;
  }
  if (!o.doc_date.empty()) {
    // Checked once here, so a bad date is a usage error and not one error per document.
    try {
      engine->extract("", o.doc_date);
    } catch (const aidtext::Error& e) {
      std::fprintf(stderr, "aidtext: --doc-date: %s\n", e.what());
      return 2;
    }
  }
  std::unique_ptr<SqliteSink> db;
  if (!o.db.empty()) {
    db = std::make_unique<SqliteSink>();
    if (!db->open(o.db, &error)) {
      std::fprintf(stderr, "aidtext: --db %s: %s\n", o.db.c_str(), error.c_str());
      return 2;
    }
  }
  static char stdout_buffer[kStdoutBuffer];
  std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);

  Processor processor(*engine, o);
  DocumentSource source(o);
  Progress progress(source.total_bytes());
  bool output_failed = false;
  bool db_failed = false;

  const std::string header = processor.csv_header();
  if (!header.empty() && (o.db.empty() || o.format_given)) std::fwrite(header.data(), 1, header.size(), stdout);

  SectionJoiner joiner(o);
  auto emit = [&](Output& out) {
    const bool document_done = joiner.join(out);
    bool failed = !out.error.empty();
    if (!out.text.empty() && std::fwrite(out.text.data(), 1, out.text.size(), stdout) != out.text.size())
      output_failed = true;
    if (out.result) {  // the rest of a large record, from the library's JSON (see Output::result)
      if (std::fwrite(out.text_tail.data(), 1, out.text_tail.size(), stdout) != out.text_tail.size() ||
          std::fputc('\n', stdout) == EOF)
        output_failed = true;
      out.result.reset();
    }
    if (failed && (o.format == OutputFormat::kCsv || (!o.db.empty() && !o.format_given)))
      std::fprintf(stderr, "aidtext: %s: %s\n", out.doc.c_str(), out.error.c_str());
    if (!failed && db && out.db && !db_failed) {
      std::string db_error;
      if (!db->write(*out.db, &db_error)) {
        std::fprintf(stderr, "aidtext: --db: %s: %s\n", out.doc.c_str(), db_error.c_str());
        failed = true;
      }
    }
    progress.add(out.input_bytes, out.records, failed, document_done);
  };

  Document doc;
  if (o.jobs <= 1) {
    while (source.next(&doc)) {
      Output out = processor.process(doc);
      emit(out);
    }
  } else {
    OrderedPool<Document, Output> pool(
        o.jobs, o.jobs * kWindowPerJob, kMaxBytesInFlight, [](const Document& d) { return d.bytes.size() + d.json_line.size(); },
        [&](Document& d) { return processor.process(d); }, emit);
    while (source.next(&doc)) pool.submit(std::move(doc));
    pool.finish();
  }
  if (std::fflush(stdout) != 0) output_failed = true;
  if (db && !db->close(&error)) {
    std::fprintf(stderr, "aidtext: --db: %s\n", error.c_str());
    db_failed = true;
  }
  progress.finish();
  if (output_failed) std::fputs("aidtext: writing the output failed\n", stderr);
  return (progress.errors() > 0 || output_failed || db_failed) ? 1 : 0;
}

}  // namespace
}  // namespace aidtext::cli

int main(int argc, char** argv) {
  aidtext::cli::CliOptions options;
  std::string error;
  switch (aidtext::cli::parse_command_line(argc, argv, &options, &error)) {
    case aidtext::cli::ParseOutcome::kExitOk: return 0;
    case aidtext::cli::ParseOutcome::kUsageError:
      std::fprintf(stderr, "aidtext: %s\nTry 'aidtext --help'.\n", error.c_str());
      return 2;
    case aidtext::cli::ParseOutcome::kRun: break;
  }
  try {
    return aidtext::cli::run(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "aidtext: %s\n", e.what());
    return 1;
  }
}
