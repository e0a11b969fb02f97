/* normalize_extract: the C ABI in one small program.
 *
 *   normalize_extract [FILE]     (no FILE: stdin)
 *
 * Reads one document of any encoding, prints its detected encoding and
 * normalized text, then every metric record with the original bytes it
 * came from, and the size of the provenance map. Exit status 0 on success,
 * 1 on any failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <aidtext/aidtext.h>

static char* read_all(FILE* f, size_t* size) {
  size_t cap = 1 << 16, n = 0, got;
  char* buf = malloc(cap);
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char* bigger = realloc(buf, cap * 2);
      if (!bigger) {
        free(buf);
        return NULL;
      }
      buf = bigger;
      cap *= 2;
    }
  }
  *size = n;
  return buf;
}

static int failed(const char* what, aidtext_status st) {
  fprintf(stderr, "%s: %s (%s)\n", what, aidtext_status_message(st), aidtext_last_error());
  return 1;
}

int main(int argc, char** argv) {
  FILE* f = argc > 1 ? fopen(argv[1], "rb") : stdin;
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  size_t size = 0;
  char* data = read_all(f, &size);
  if (f != stdin) fclose(f);
  if (!data) return 1;

  aidtext_engine* engine = NULL;
  aidtext_status st = aidtext_engine_new(NULL, &engine); /* default options */
  if (st != AIDTEXT_OK) return failed("aidtext_engine_new", st);

  aidtext_result* result = NULL;
  st = aidtext_extract(engine, data, size, NULL, &result);
  if (st != AIDTEXT_OK) return failed("aidtext_extract", st);

  const char* encoding = NULL;
  const char* text = NULL;
  size_t text_size = 0;
  aidtext_result_encoding(result, &encoding);
  aidtext_result_text(result, &text, &text_size);
  printf("aidtext %s\nencoding: %s\ntext: %.*s\n", aidtext_version(), encoding, (int)text_size, text);

  size_t n = aidtext_result_count(result, AIDTEXT_ITEM_METRIC);
  printf("metrics: %zu\n", n);
  for (size_t i = 0; i < n; ++i) {
    aidtext_metric m = AIDTEXT_METRIC_INIT;
    if ((st = aidtext_result_metric(result, i, &m)) != AIDTEXT_OK) return failed("aidtext_result_metric", st);
    printf("  %s %s %s [%zu, %zu): %.*s\n", m.metric, m.value_text, m.unit, m.start, m.end, (int)(m.end - m.start),
           data + m.start);
  }

  /* Provenance in bulk: the whole map from normalized text to input bytes in
   * one call, kept after the result is freed (an index would store it). */
  size_t pieces = aidtext_result_map_piece_count(result), written = 0, block_pieces = 0;
  aidtext_map_piece* map = calloc(pieces ? pieces : 1, sizeof *map);
  if (!map) return 1;
  map[0].struct_size = sizeof *map; /* the array's stride */
  if ((st = aidtext_result_map_pieces(result, 0, map, pieces, &written)) != AIDTEXT_OK)
    return failed("aidtext_result_map_pieces", st);
  for (size_t i = 0; i < written; ++i) block_pieces += !map[i].linear;
  printf("provenance: %zu pieces, %zu of them blocks\n", written, block_pieces);
  free(map);

  aidtext_result_free(result);
  aidtext_engine_free(engine);
  free(data);
  return 0;
}
