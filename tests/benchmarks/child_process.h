// Runs a program to completion and reports its wall time and peak resident
// memory. The peak comes from a small launcher (rss_launcher.c) that starts
// the program and reports wait4's ru_maxrss for it: a child we started
// ourselves would be charged with this process's pages too (see there).
#ifndef AIDTEXT_TESTS_BENCHMARKS_CHILD_PROCESS_H_
#define AIDTEXT_TESTS_BENCHMARKS_CHILD_PROCESS_H_

#include <string>
#include <vector>

namespace aidtext::bench {

struct ChildRun {
  bool started = false;
  int exit_code = -1;      // -1 when killed by a signal
  double seconds = 0;      // wall clock
  double peak_rss_mb = 0;  // ru_maxrss, in MB (10^6 bytes)
  std::string stderr_tail; // last lines of its standard error, for diagnostics
};

// argv[0] is the program's path. Standard output goes to /dev/null.
// `launcher` is the path of rss_launcher; when it cannot be run, started
// is false and stderr_tail says why.
ChildRun run_child(const std::string& launcher, const std::vector<std::string>& argv);

// Runs the programs at the same time (each as run_child would) and sets
// *seconds to the wall time until the last has finished, which is also
// every run's `seconds`.
std::vector<ChildRun> run_children_together(const std::string& launcher,
                                            const std::vector<std::vector<std::string>>& programs, double* seconds);

// Runs `program` REPORT_FILE args... (a program that writes its figures to
// the file its first argument names, as cold_start does) and returns what
// it wrote; "" when it could not run or failed.
std::string run_for_report(const std::string& program, const std::vector<std::string>& args);

}  // namespace aidtext::bench

#endif  // AIDTEXT_TESTS_BENCHMARKS_CHILD_PROCESS_H_
