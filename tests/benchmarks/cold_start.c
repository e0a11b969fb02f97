/* cold_start: what a fresh process pays before its engine has done its
 * first work. The library builds its process-wide tables (the default rule
 * pack, the conversion and repair tables) on first use, so creating an
 * engine is cheap and the first calls are not: this program times both.
 *
 *   cold_start REPORT_FILE FILE...
 *
 * Creates one engine, then extracts each FILE once, in order, and writes to
 * REPORT_FILE one line: the milliseconds (wall clock) of the engine's
 * creation, then of each extract call. Exits 1 when a call fails. Plain C
 * over the C ABI, as an embedding program would start. */
#define _POSIX_C_SOURCE 200809L
#include <aidtext/aidtext.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* The whole of `path`, malloc'd (*size its length); NULL when unreadable. */
static char* read_file(const char* path, size_t* size) {
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  char* buf = NULL;
  size_t cap = 0, n = 0;
  for (;;) {
    if (n == cap) {
      cap = cap ? cap * 2 : 65536;
      char* grown = realloc(buf, cap);
      if (!grown) break;
      buf = grown;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  fclose(f);
  *size = n;
  return buf;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: cold_start REPORT_FILE FILE...\n");
    return 2;
  }
  FILE* report = fopen(argv[1], "w");
  if (!report) return 2;
  /* Read first: reading files is not the library's start-up. */
  int n = argc - 2;
  char** docs = calloc((size_t)n, sizeof *docs);
  size_t* sizes = calloc((size_t)n, sizeof *sizes);
  for (int i = 0; i < n; ++i)
    if (!docs || !sizes || !(docs[i] = read_file(argv[i + 2], &sizes[i]))) return 2;
  double t = now_ms();
  aidtext_engine* engine = NULL;
  if (aidtext_engine_new(NULL, &engine) != AIDTEXT_OK) return 1;
  fprintf(report, "%.3f", now_ms() - t);
  int failed = 0;
  for (int i = 0; i < n; ++i) {
    aidtext_result* r = NULL;
    t = now_ms();
    failed |= aidtext_extract(engine, docs[i], sizes[i], NULL, &r) != AIDTEXT_OK;
    fprintf(report, " %.3f", now_ms() - t);
    aidtext_result_free(r);
    free(docs[i]);
  }
  fprintf(report, "\n");
  aidtext_engine_free(engine);
  free(docs);
  free(sizes);
  return fclose(report) == 0 && !failed ? 0 : 1;
}
