// The command line of `aidtext`: what it accepts, parsed into CliOptions.
#ifndef AIDTEXT_CLI_CLI_OPTIONS_H_
#define AIDTEXT_CLI_CLI_OPTIONS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace aidtext::cli {

enum class Command { kNormalize, kQuantities, kExtract };
enum class InputFormat { kText, kJsonl };
enum class OutputFormat { kJsonl, kCsv };

struct CliOptions {
  Command command = Command::kExtract;
  std::vector<std::string> inputs;  // files, directories, "-" (none: stdin)
  InputFormat input_format = InputFormat::kText;
  std::string id_field = "id";
  std::string text_field = "text";
  OutputFormat format = OutputFormat::kJsonl;
  bool format_given = false;  // with --db, stdout stays quiet unless --format is given
  std::string db;             // extract only: SQLite file to append to
  std::string rules;          // rule pack file
  std::string convert;        // t2s|hk2s|tw2s|none; empty: the library's default
  std::string encoding;       // forced input encoding; empty: detect
  std::string doc_date;       // YYYY[-MM[-DD]] for every document
  unsigned jobs = 1;
  // A text file larger than twice this is read in sections of at most this
  // many bytes (section_cut.h).
  size_t section_bytes = size_t{512} << 10;
};

enum class ParseOutcome { kRun, kExitOk, kUsageError };

// Parses argv. kExitOk: --help or --version was printed to stdout.
// kUsageError: *error says what is wrong (the caller prints it and exits 2).
ParseOutcome parse_command_line(int argc, char** argv, CliOptions* options, std::string* error);

// The --help text.
const char* usage_text();

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_CLI_OPTIONS_H_
