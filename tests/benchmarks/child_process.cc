#include "child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>

extern char** environ;

namespace aidtext::bench {

ChildRun run_child(const std::vector<std::string>& argv) {
  ChildRun run;
  char err_path[] = "/tmp/aidtext-bench-stderr-XXXXXX";
  int err_fd = mkstemp(err_path);
  if (err_fd < 0) return run;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = -1;
  int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(err_fd);
  if (rc == 0) {
    run.started = true;
    int status = 0;
    struct rusage usage {};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.peak_rss_mb = usage.ru_maxrss * 1024.0 / 1e6;  // ru_maxrss is in KiB on Linux
  }
  std::ifstream err(err_path, std::ios::binary);
  std::string all((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  run.stderr_tail = all.size() > 600 ? all.substr(all.size() - 600) : all;
  std::remove(err_path);
  return run;
}

}  // namespace aidtext::bench
