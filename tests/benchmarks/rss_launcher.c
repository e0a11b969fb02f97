/* rss_launcher: runs a program and reports its own peak resident memory.
 *
 *   rss_launcher REPORT_FILE PROGRAM [ARGS...]
 *
 * Writes "<ru_maxrss in KiB> <exit code, or -signal>\n" to REPORT_FILE and
 * exits with the program's exit code (125 when it cannot be started).
 *
 * Why a launcher: Linux charges a child with the resident pages of the
 * memory map it starts from. A child started by posix_spawn (CLONE_VM)
 * shares its parent's map until exec, and exec carries that map's
 * high-water mark into the child's ru_maxrss; a forked child copies the
 * parent's map and its resident count. So a large parent (the benchmark,
 * ~60 MB) makes every child it starts look at least that large. This
 * program is small (about 1 MB resident, plain C, no allocation), so the
 * figure wait4() gives for its child is the child's own peak. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: rss_launcher REPORT_FILE PROGRAM [ARGS...]\n");
    return 2;
  }
  pid_t pid = fork();
  if (pid < 0) {
    perror("rss_launcher: fork");
    return 125;
  }
  if (pid == 0) {
    execv(argv[2], argv + 2);
    perror("rss_launcher: exec");
    _exit(125);
  }
  int status = 0;
  struct rusage usage;
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      perror("rss_launcher: wait4");
      return 125;
    }
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  FILE* report = fopen(argv[1], "w");
  if (report == NULL || fprintf(report, "%ld %d\n", usage.ru_maxrss, code) < 0 || fclose(report) != 0) {
    perror("rss_launcher: report");
    return 125;
  }
  return code >= 0 ? code : 128 - code;
}
