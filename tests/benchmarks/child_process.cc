#include "child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>

extern char** environ;

namespace aidtext::bench {

namespace {

// Starts `argv` (argv[0] the program's path) with its standard output on
// /dev/null and, when err_fd >= 0, its standard error on err_fd. Returns
// posix_spawn's error (0: it started, its process in *pid).
int spawn(const std::vector<std::string>& argv, int err_fd, pid_t* pid) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  if (err_fd >= 0) posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  *pid = -1;
  const int rc = posix_spawn(pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc;
}

// spawn(), then waits for the child: its wait status in *status.
int spawn_and_wait(const std::vector<std::string>& argv, int err_fd, int* status) {
  pid_t pid = -1;
  const int rc = spawn(argv, err_fd, &pid);
  *status = 0;
  if (rc == 0)
    while (waitpid(pid, status, 0) < 0 && errno == EINTR) {
    }
  return rc;
}


// A child started by start_child and not yet waited for: its launcher's
// report file and standard-error file, and its process.
struct Started {
  ChildRun run;
  std::string report_path, err_path;
  int err_fd = -1;
  pid_t pid = -1;
  int spawn_error = 0;
};

// Starts `program` under `launcher` (see run_child) without waiting.
Started start_child(const std::string& launcher, const std::vector<std::string>& program) {
  Started c;
  char report_path[] = "/tmp/aidtext-bench-rss-XXXXXX";
  int report_fd = mkstemp(report_path);
  if (report_fd < 0) {
    c.spawn_error = errno;
    return c;
  }
  close(report_fd);
  c.report_path = report_path;
  char err_path[] = "/tmp/aidtext-bench-stderr-XXXXXX";
  c.err_fd = mkstemp(err_path);
  if (c.err_fd < 0) {
    c.spawn_error = errno;
    std::remove(report_path);
    c.report_path.clear();
    return c;
  }
  c.err_path = err_path;
  std::vector<std::string> argv = {launcher, c.report_path};
  argv.insert(argv.end(), program.begin(), program.end());
  c.spawn_error = spawn(argv, c.err_fd, &c.pid);
  return c;
}

// Waits for a child of start_child and fills in its run (not its seconds).
ChildRun finish_child(Started& c, const std::string& launcher) {
  ChildRun& run = c.run;
  int status = 0;
  if (c.spawn_error == 0)
    while (waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
    }
  if (c.err_fd >= 0) close(c.err_fd);
  if (c.spawn_error == 0) {
    run.started = true;
    // The launcher's report: the program's ru_maxrss (KiB on Linux) and exit code.
    long max_rss_kib = -1;
    int exit_code = -1;
    std::ifstream report(c.report_path);
    if (report >> max_rss_kib >> exit_code) {
      run.exit_code = exit_code < 0 ? -1 : exit_code;
      run.peak_rss_mb = max_rss_kib * 1024.0 / 1e6;
    } else {
      run.started = false;  // the launcher could not start or wait for the program
      run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
  }
  if (!c.err_path.empty()) {
    std::ifstream err(c.err_path, std::ios::binary);
    std::string all((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    run.stderr_tail = all.size() > 600 ? all.substr(all.size() - 600) : all;
    std::remove(c.err_path.c_str());
  }
  if (c.spawn_error != 0) run.stderr_tail = "cannot start " + launcher + ": " + std::strerror(c.spawn_error);
  if (!c.report_path.empty()) std::remove(c.report_path.c_str());
  return run;
}

}  // namespace

ChildRun run_child(const std::string& launcher, const std::vector<std::string>& program) {
  const auto start = std::chrono::steady_clock::now();
  Started c = start_child(launcher, program);
  ChildRun run = finish_child(c, launcher);
  if (run.started) run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return run;
}

std::vector<ChildRun> run_children_together(const std::string& launcher,
                                            const std::vector<std::vector<std::string>>& programs, double* seconds) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<Started> started;
  for (const std::vector<std::string>& p : programs) started.push_back(start_child(launcher, p));
  std::vector<ChildRun> runs;
  for (Started& c : started) runs.push_back(finish_child(c, launcher));
  *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (ChildRun& r : runs) r.seconds = *seconds;
  return runs;
}

std::string run_for_report(const std::string& program, const std::vector<std::string>& args) {
  char report_path[] = "/tmp/aidtext-bench-report-XXXXXX";
  int report_fd = mkstemp(report_path);
  if (report_fd < 0) return "";
  close(report_fd);
  std::vector<std::string> argv = {program, report_path};
  argv.insert(argv.end(), args.begin(), args.end());
  std::string out;
  int status = 0;
  if (spawn_and_wait(argv, -1, &status) == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    std::ifstream report(report_path);
    std::getline(report, out);
  }
  std::remove(report_path);
  return out;
}

}  // namespace aidtext::bench
