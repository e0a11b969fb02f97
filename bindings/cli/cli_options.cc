#include "cli_options.h"

#include <cstdio>
#include <cstring>
#include <string_view>

#include "aidtext/aidtext.h"

namespace aidtext::cli {

namespace {

// More threads than this buys nothing (one engine, memory-bound stages) and
// a typo such as --jobs 1000000 would otherwise try to start that many.
constexpr unsigned kMaxJobs = 256;
// Sections: from 1 KiB (small enough for tests to cut small files) to half
// the library's largest input (a whole document is up to twice a section).
constexpr size_t kMinSectionBytes = 1024;
constexpr size_t kMaxSectionBytes = AIDTEXT_MAX_INPUT_BYTES / 2;

}  // namespace

const char* usage_text() {
  return "usage: aidtext normalize|quantities|extract [options] [FILE|DIR ...]\n"
         "\n"
         "Reads Chinese news text of any encoding and writes, one JSON object a line:\n"
         "  normalize   the clean simplified UTF-8 text with its encoding, repairs, repeats\n"
         "  quantities  every quantity, date and ordinal\n"
         "  extract     poverty-alleviation metric records\n"
         "Records carry \"doc\" first: the file path, or the id of a JSON Lines record.\n"
         "start/end are byte offsets in the original input.\n"
         "\n"
         "Inputs: files; directories (recursively, in sorted order); '-' or none: stdin.\n"
         "\n"
         "Options:\n"
         "  --input-format text|jsonl  text (default): each file is one document;\n"
         "                             jsonl: each line of each file is a JSON object\n"
         "  --id-field F               JSON Lines field naming a document (default id)\n"
         "  --text-field F             JSON Lines field holding its text (default text)\n"
         "  --format jsonl|csv         output format (default jsonl; csv is RFC 4180)\n"
         "  --db FILE                  extract: append records to the SQLite file FILE\n"
         "                             (tables documents and metrics; re-running the same\n"
         "                             input replaces a document's rows, never duplicates);\n"
         "                             stdout then stays quiet unless --format is given\n"
         "  --rules FILE               metric rule pack to use instead of the default\n"
         "  --convert t2s|hk2s|tw2s|none  traditional -> simplified variant (default t2s)\n"
         "  --encoding NAME            force the input encoding (UTF-8, GB18030, GBK, Big5,\n"
         "                             UTF-16LE, UTF-16BE; default: detect)\n"
         "  --doc-date YYYY[-MM[-DD]]  the documents' date, for 今年/去年\n"
         "  --jobs N                   N worker threads sharing one engine (default 1);\n"
         "                             output stays in input order\n"
         "  --section-bytes N          a text file over 2N bytes is read and processed in\n"
         "                             sections of at most N bytes, cut at line ends, so\n"
         "                             memory stays flat (default 524288; 1024 or more)\n"
         "  --help, --version\n"
         "\n"
         "A document that cannot be read or processed gives an error record\n"
         "{\"doc\": ..., \"error\": ...} (csv and --db: a line on stderr) and the run goes on.\n"
         "Exit status: 0 all documents processed, 1 some failed, 2 usage error.\n";
}

ParseOutcome parse_command_line(int argc, char** argv, CliOptions* o, std::string* error) {
  bool have_command = false;
  bool only_inputs = false;  // after "--"
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (!only_inputs && arg.size() > 2 && arg.substr(0, 2) == "--") {
      std::string_view name = arg;
      std::string value;
      bool has_inline = false;
      if (size_t eq = arg.find('='); eq != std::string_view::npos) {
        name = arg.substr(0, eq);
        value = std::string(arg.substr(eq + 1));
        has_inline = true;
      }
      if (name == "--help") {
        std::fputs(usage_text(), stdout);
        return ParseOutcome::kExitOk;
      }
      if (name == "--version") {
        std::printf("aidtext %s (library %s)\n", AIDTEXT_VERSION_STRING, aidtext_version());
        return ParseOutcome::kExitOk;
      }
      auto take = [&]() -> bool {
        if (has_inline) return true;
        if (i + 1 >= argc) {
          *error = std::string(name) + " needs a value";
          return false;
        }
        value = argv[++i];
        return true;
      };
      if (name == "--input-format") {
        if (!take()) return ParseOutcome::kUsageError;
        if (value == "text") o->input_format = InputFormat::kText;
        else if (value == "jsonl") o->input_format = InputFormat::kJsonl;
        else { *error = "--input-format must be text or jsonl, not \"" + value + "\""; return ParseOutcome::kUsageError; }
      } else if (name == "--format") {
        if (!take()) return ParseOutcome::kUsageError;
        if (value == "jsonl") o->format = OutputFormat::kJsonl;
        else if (value == "csv") o->format = OutputFormat::kCsv;
        else { *error = "--format must be jsonl or csv, not \"" + value + "\""; return ParseOutcome::kUsageError; }
        o->format_given = true;
      } else if (name == "--id-field") {
        if (!take()) return ParseOutcome::kUsageError;
        o->id_field = value;
      } else if (name == "--text-field") {
        if (!take()) return ParseOutcome::kUsageError;
        o->text_field = value;
      } else if (name == "--db") {
        if (!take()) return ParseOutcome::kUsageError;
        o->db = value;
      } else if (name == "--rules") {
        if (!take()) return ParseOutcome::kUsageError;
        o->rules = value;
      } else if (name == "--convert") {
        if (!take()) return ParseOutcome::kUsageError;
        if (value != "t2s" && value != "hk2s" && value != "tw2s" && value != "none") {
          *error = "--convert must be t2s, hk2s, tw2s or none, not \"" + value + "\"";
          return ParseOutcome::kUsageError;
        }
        o->convert = value;
      } else if (name == "--encoding") {
        if (!take()) return ParseOutcome::kUsageError;
        o->encoding = value;
      } else if (name == "--doc-date") {
        if (!take()) return ParseOutcome::kUsageError;
        o->doc_date = value;
      } else if (name == "--jobs") {
        if (!take()) return ParseOutcome::kUsageError;
        char* end = nullptr;
        unsigned long n = std::strtoul(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || n < 1 || n > kMaxJobs) {
          *error = "--jobs must be a number from 1 to " + std::to_string(kMaxJobs) + ", not \"" + value + "\"";
          return ParseOutcome::kUsageError;
        }
        o->jobs = static_cast<unsigned>(n);
      } else if (name == "--section-bytes") {
        if (!take()) return ParseOutcome::kUsageError;
        char* end = nullptr;
        unsigned long long n = std::strtoull(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || n < kMinSectionBytes || n > kMaxSectionBytes) {
          *error = "--section-bytes must be a number from " + std::to_string(kMinSectionBytes) + " to " +
                   std::to_string(kMaxSectionBytes) + ", not \"" + value + "\"";
          return ParseOutcome::kUsageError;
        }
        o->section_bytes = static_cast<size_t>(n);
      } else {
        *error = "unknown option " + std::string(name);
        return ParseOutcome::kUsageError;
      }
      continue;
    }
    if (!only_inputs && arg == "--") {
      only_inputs = true;
      continue;
    }
    if (!only_inputs && arg.size() > 1 && arg[0] == '-') {
      *error = "unknown option " + std::string(arg);
      return ParseOutcome::kUsageError;
    }
    if (!have_command) {
      if (arg == "normalize") o->command = Command::kNormalize;
      else if (arg == "quantities") o->command = Command::kQuantities;
      else if (arg == "extract") o->command = Command::kExtract;
      else { *error = "unknown command \"" + std::string(arg) + "\" (normalize, quantities or extract)"; return ParseOutcome::kUsageError; }
      have_command = true;
      continue;
    }
    o->inputs.emplace_back(arg);
  }
  if (!have_command) {
    *error = "no command given (normalize, quantities or extract)";
    return ParseOutcome::kUsageError;
  }
  if (!o->db.empty() && o->command != Command::kExtract) {
    *error = "--db is for extract only";
    return ParseOutcome::kUsageError;
  }
  if (o->id_field.empty() || o->text_field.empty()) {
    *error = "--id-field and --text-field must not be empty";
    return ParseOutcome::kUsageError;
  }
  return ParseOutcome::kRun;
}

}  // namespace aidtext::cli
