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
// /dev/null and, when err_fd >= 0, its standard error on err_fd, and waits
// for it. Returns posix_spawn's error (0: it ran) and its wait status in
// *status.
int spawn_and_wait(const std::vector<std::string>& argv, int err_fd, int* status) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  if (err_fd >= 0) posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  *status = 0;
  if (rc == 0)
    while (waitpid(pid, status, 0) < 0 && errno == EINTR) {
    }
  return rc;
}

}  // namespace

ChildRun run_child(const std::string& launcher, const std::vector<std::string>& program) {
  ChildRun run;
  char report_path[] = "/tmp/aidtext-bench-rss-XXXXXX";
  int report_fd = mkstemp(report_path);
  if (report_fd < 0) return run;
  close(report_fd);
  std::vector<std::string> argv = {launcher, report_path};
  argv.insert(argv.end(), program.begin(), program.end());
  char err_path[] = "/tmp/aidtext-bench-stderr-XXXXXX";
  int err_fd = mkstemp(err_path);
  if (err_fd < 0) {
    std::remove(report_path);
    return run;
  }
  const auto start = std::chrono::steady_clock::now();
  int status = 0;
  const int rc = spawn_and_wait(argv, err_fd, &status);
  close(err_fd);
  if (rc == 0) {
    run.started = true;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // The launcher's report: the program's ru_maxrss (KiB on Linux) and exit code.
    long max_rss_kib = -1;
    int exit_code = -1;
    std::ifstream report(report_path);
    if (report >> max_rss_kib >> exit_code) {
      run.exit_code = exit_code < 0 ? -1 : exit_code;
      run.peak_rss_mb = max_rss_kib * 1024.0 / 1e6;
    } else {
      run.started = false;  // the launcher could not start or wait for the program
      run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
  }
  std::ifstream err(err_path, std::ios::binary);
  std::string all((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  run.stderr_tail = all.size() > 600 ? all.substr(all.size() - 600) : all;
  if (rc != 0) run.stderr_tail = "cannot start " + launcher + ": " + std::strerror(rc);
  std::remove(err_path);
  std::remove(report_path);
  return run;
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
