/*
 * aidtext.h: the stable C ABI of aidtext.
 *
 * aidtext turns Chinese news text of any encoding into clean simplified UTF-8,
 * finds every quantity in it, and extracts poverty-alleviation metrics as
 * typed records that point back at the exact input bytes they came from.
 *
 * The shape of the API:
 *
 *   aidtext_options  -- settings for an engine (key/value setters, so new
 *                       settings never change a struct's layout)
 *   aidtext_engine   -- created once, immutable, shared freely by threads
 *   aidtext_result   -- what one call returns; owned by the caller until
 *                       aidtext_result_free(); everything it hands out is
 *                       borrowed from it and valid until then
 *
 *   aidtext_options* opt; aidtext_options_new(&opt);
 *   aidtext_options_set(opt, "convert", "tw2s");
 *   aidtext_engine* eng;
 *   if (aidtext_engine_new(opt, &eng) != AIDTEXT_OK) puts(aidtext_last_error());
 *   aidtext_options_free(opt);
 *   aidtext_result* res;
 *   aidtext_extract(eng, bytes, nbytes, NULL, &res);
 *   for (size_t i = 0; i < aidtext_result_count(res, AIDTEXT_ITEM_METRIC); ++i) {
 *     aidtext_metric m = AIDTEXT_METRIC_INIT;
 *     aidtext_result_metric(res, i, &m);  ... m.metric, m.value_text, m.start ...
 *   }
 *   aidtext_result_free(res);
 *   aidtext_engine_free(eng);
 *
 * Conventions, for every function:
 *   - It returns an aidtext_status (or a plain value where it cannot fail).
 *     AIDTEXT_OK is 0. aidtext_status_message() names a status;
 *     aidtext_last_error() gives the detailed text of the last failure on the
 *     calling thread (valid until that thread's next aidtext call).
 *   - No C++ exception, abort or longjmp ever crosses this boundary; an
 *     allocation failure is AIDTEXT_ERR_OUT_OF_MEMORY.
 *   - Input is a (pointer, size) byte range. Bytes may be anything, NUL
 *     included; data may be NULL only when size is 0.
 *   - Handles are checked: passing NULL, or a handle of the wrong type, or
 *     (best effort) a freed one, gives AIDTEXT_ERR_INVALID_HANDLE rather than
 *     undefined behaviour. Freeing NULL is a no-op.
 *   - "Borrowed" memory belongs to the object named and is valid until that
 *     object is freed; "owned" memory is the caller's to free as stated.
 *   - Offsets are byte offsets, half-open [start, end).
 *
 * Hard limits: one input is at most AIDTEXT_MAX_INPUT_BYTES (1 GiB);
 * larger input is refused with AIDTEXT_ERR_INPUT_TOO_LARGE, never truncated.
 */
#ifndef AIDTEXT_AIDTEXT_H_
#define AIDTEXT_AIDTEXT_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(AIDTEXT_BUILDING_LIBRARY)
#define AIDTEXT_API __attribute__((visibility("default")))
#else
#define AIDTEXT_API
#endif

/* ---- Versions ----------------------------------------------------------- */

#define AIDTEXT_VERSION_MAJOR 0
#define AIDTEXT_VERSION_MINOR 4
#define AIDTEXT_VERSION_PATCH 0
#define AIDTEXT_VERSION_STRING "0.4.0"
/* MAJOR*10000 + MINOR*100 + PATCH, comparable with aidtext_version_number(). */
#define AIDTEXT_VERSION_NUMBER \
  (AIDTEXT_VERSION_MAJOR * 10000 + AIDTEXT_VERSION_MINOR * 100 + AIDTEXT_VERSION_PATCH)

/* The library's version at run time (may differ from the header's). */
AIDTEXT_API const char* aidtext_version(void);
AIDTEXT_API unsigned aidtext_version_number(void);

#define AIDTEXT_MAX_INPUT_BYTES ((size_t)1 << 30)

/* ---- Status codes -------------------------------------------------------- */

typedef enum aidtext_status {
  AIDTEXT_OK = 0,
  AIDTEXT_ERR_INVALID_ARGUMENT = 1, /* a NULL out-pointer, a bad option value, ... */
  AIDTEXT_ERR_INVALID_HANDLE = 2,   /* NULL, wrong-type or freed handle */
  AIDTEXT_ERR_UNKNOWN_OPTION = 3,   /* aidtext_options_set() with an unknown key */
  AIDTEXT_ERR_OUT_OF_MEMORY = 4,
  AIDTEXT_ERR_INPUT_TOO_LARGE = 5,  /* input over AIDTEXT_MAX_INPUT_BYTES */
  AIDTEXT_ERR_RULES = 6,            /* a rule pack failed to load; last_error names the line */
  AIDTEXT_ERR_IO = 7,               /* a file could not be read */
  AIDTEXT_ERR_OUT_OF_RANGE = 8,     /* an index or offset past the end */
  AIDTEXT_ERR_NOT_AVAILABLE = 9,    /* asked a result for something its call did not compute */
  AIDTEXT_ERR_INTERNAL = 10         /* a bug: please report it with the input */
} aidtext_status;

/* A static, human-readable name for a status ("ok", "invalid argument", ...).
 * Never NULL; unknown values give "unknown status". */
AIDTEXT_API const char* aidtext_status_message(aidtext_status status);

/* Detail of the last failing call on this thread, or "" if none. Borrowed,
 * thread-local, valid until this thread's next aidtext call. */
AIDTEXT_API const char* aidtext_last_error(void);

/* ---- Options ------------------------------------------------------------- */

typedef struct aidtext_options aidtext_options;

/* Creates options with every setting at its default. Owned: free with
 * aidtext_options_free(). */
AIDTEXT_API aidtext_status aidtext_options_new(aidtext_options** out);
AIDTEXT_API void aidtext_options_free(aidtext_options* options);

/* Sets one option by name; both strings are copied. Keys and values:
 *   "convert"   "t2s" (default), "hk2s", "tw2s", "none": traditional ->
 *               simplified conversion, with Hong Kong / Taiwan variants first
 *   "encoding"  "auto" (default) or a charset to force: "UTF-8", "GB18030",
 *               "GBK", "Big5", "UTF-16LE", "UTF-16BE"
 *   "repair"    "on" (default) / "off": mojibake repair
 *   "strip_pinyin", "fold_width", "html", "join_wraps", "repeats"
 *               "on" (default) / "off": the normalizer's other steps
 *   "markup"    "on" (default) / "off": remove HTML markup left in scraped
 *               text: tags (<p>, <br/>, <span style=...>; a block element's
 *               tag becomes a line end, a table cell's a tab, others leave
 *               nothing), comments, <!DOCTYPE>, and <script>/<style>/
 *               <noscript>/<template> elements with their bodies. Only tags
 *               of known HTML elements are taken (人均收入<3000元 stays).
 *               (A library older than this key answers
 *               AIDTEXT_ERR_UNKNOWN_OPTION.)
 *   "cjk_spacing" "on" (default) / "off": remove the spaces Chinese
 *               typography lacks, which sites put between Chinese and
 *               figures (截至 2019 年底 -> 截至2019年底) or leave after
 *               full-width punctuation (， 比上年 -> ，比上年); never between
 *               two Chinese characters, two figures or Latin letters, nor
 *               a run of spaces. The offsets still map to the input. (Since
 *               0.4.0; an older library answers AIDTEXT_ERR_UNKNOWN_OPTION.)
 *   "cjk_punctuation" "on" (default) / "off": write an ASCII '.' that ends
 *               a Chinese sentence as 。 (减贫1.2万人. -> 减贫1.2万人。) and
 *               ASCII brackets in Chinese text as （）; figures (8.59),
 *               list numbers (1. (1)), '?' and the other marks stay. (Since
 *               0.4.0.)
 * Unknown keys give AIDTEXT_ERR_UNKNOWN_OPTION, bad values
 * AIDTEXT_ERR_INVALID_ARGUMENT. */
AIDTEXT_API aidtext_status aidtext_options_set(aidtext_options* options, const char* key,
                                               const char* value);

/* Replaces the default metric rule pack with the pack in data[0, size)
 * (format: README, "Rule packs"). The text is copied and checked when the
 * engine is created. */
AIDTEXT_API aidtext_status aidtext_options_set_rules(aidtext_options* options, const char* data,
                                                     size_t size);
/* The same, read from a file now (AIDTEXT_ERR_IO if it cannot be read). */
AIDTEXT_API aidtext_status aidtext_options_set_rules_file(aidtext_options* options,
                                                          const char* path);

/* ---- Engine -------------------------------------------------------------- */

typedef struct aidtext_engine aidtext_engine;

/* Creates an engine. options may be NULL (defaults) and may be freed right
 * after. A bad rule pack gives AIDTEXT_ERR_RULES with the line in
 * aidtext_last_error(). Owned: free with aidtext_engine_free(). The engine
 * is immutable: any number of threads may use it at once. */
AIDTEXT_API aidtext_status aidtext_engine_new(const aidtext_options* options,
                                              aidtext_engine** out);
/* Frees an engine. No call on it may be running or start afterwards. */
AIDTEXT_API void aidtext_engine_free(aidtext_engine* engine);

/* ---- Calls --------------------------------------------------------------- */

typedef struct aidtext_result aidtext_result;

/* Normalizes data[0, size): decode, repair, clean, convert to simplified.
 * On success *out is an owned result (free with aidtext_result_free()). */
AIDTEXT_API aidtext_status aidtext_normalize(const aidtext_engine* engine, const char* data,
                                             size_t size, aidtext_result** out);

/* Normalizes, then finds quantities, dates and ordinals. */
AIDTEXT_API aidtext_status aidtext_quantities(const aidtext_engine* engine, const char* data,
                                              size_t size, aidtext_result** out);

/* Normalizes, finds quantities, then extracts metric records.
 * doc_date (NULL allowed) is the article's date, "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD", used to resolve 今年/去年 when the text itself gives none. */
AIDTEXT_API aidtext_status aidtext_extract(const aidtext_engine* engine, const char* data,
                                           size_t size, const char* doc_date,
                                           aidtext_result** out);

AIDTEXT_API void aidtext_result_free(aidtext_result* result);

/* ---- Reading a result ---------------------------------------------------- */

/* The normalized UTF-8 text (borrowed; NUL-terminated, but may hold NULs:
 * use *size). */
AIDTEXT_API aidtext_status aidtext_result_text(const aidtext_result* result, const char** data,
                                               size_t* size);

/* The detected (or forced) input encoding, e.g. "UTF-8", "GB18030", "Big5";
 * two joined by '+' ("UTF-8+GB18030", the one with more bytes first) when
 * the input's lines came in both and each line was decoded in its own.
 * Borrowed. */
AIDTEXT_API aidtext_status aidtext_result_encoding(const aidtext_result* result,
                                                   const char** encoding);

/* Provenance: the original input bytes [*in_start, *in_end) that normalized
 * text bytes [out_start, out_end) came from. */
AIDTEXT_API aidtext_status aidtext_result_source_range(const aidtext_result* result,
                                                       size_t out_start, size_t out_end,
                                                       size_t* in_start, size_t* in_end);

typedef enum aidtext_item {
  AIDTEXT_ITEM_QUANTITY = 1, /* quantities, dates, ordinals (aidtext_quantities/extract) */
  AIDTEXT_ITEM_METRIC = 2,   /* metric records (aidtext_extract) */
  AIDTEXT_ITEM_REPAIR = 3,   /* mojibake repairs and flagged damage */
  AIDTEXT_ITEM_REPEAT = 4    /* repeated passages */
} aidtext_item;

/* How many items of a kind the result holds (0 when not computed). */
AIDTEXT_API size_t aidtext_result_count(const aidtext_result* result, aidtext_item item);

/* Item i as one JSON object in the record format of the spec (borrowed,
 * valid until the result is freed). A quantity too large or too precise to
 * hold exactly has "value": null and one extra key, "error": "out_of_range"
 * (see aidtext_quantity.error); its CSV row has the error in its column
 * "error", empty for every other record. A quantity or metric whose text
 * overlaps a guessed character or a number cut by a lost one has one extra
 * key "guessed": true (see
 * aidtext_quantity.guessed; absent on every other record); CSV rows of both
 * have a last column "guessed", 1 or 0 (since 0.3). A repair that guessed
 * characters has one extra key "guessed": [[out_start, out_end], ...], the
 * guessed characters' normalized text bytes (aidtext_result_repair_guessed();
 * absent when the repair guessed nothing); the repair's CSV row has them in
 * a last column "guessed" as start-end joined by ';' ("2710-2716;2728-2749"),
 * empty when it guessed nothing. */
AIDTEXT_API aidtext_status aidtext_result_item_json(const aidtext_result* result,
                                                    aidtext_item item, size_t index,
                                                    const char** data, size_t* size);

/* The whole result as one JSON object: {"text", "encoding", "report": {...},
 * "repairs": [...], "repeats": [...], "quantities": [...], "metrics": [...]}
 * ("quantities" and "metrics" only when computed). "report" holds the
 * normalizer's counters: encoding, encoding_confidence, had_bom,
 * invalid_sequences, pinyin_artefacts, html_references, width_folds,
 * markup_removed (tags, comments and declarations removed; a <script> element
 * with its body counts once; absent from older libraries' reports),
 * converted_chars. Borrowed. */
AIDTEXT_API aidtext_status aidtext_result_json(const aidtext_result* result, const char** data,
                                               size_t* size);

/* CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break) of the same records with the same
 * fields as their JSON; JSON null is an empty field, booleans are 1/0.
 * aidtext_csv_header() is the header line for an item kind (static, ends in
 * CRLF; "" for an unknown kind); aidtext_result_item_csv() item i as one row
 * (borrowed, ends in CRLF). */
AIDTEXT_API const char* aidtext_csv_header(aidtext_item item);
AIDTEXT_API aidtext_status aidtext_result_item_csv(const aidtext_result* result,
                                                   aidtext_item item, size_t index,
                                                   const char** data, size_t* size);

/* Structured access. The caller sets struct_size = sizeof(the struct) (the
 * _INIT macros do); the library fills only the fields that fit, so a program
 * built against an older header keeps working with a newer library. All
 * strings are borrowed from the result and NUL-terminated; NULL means JSON
 * null. `value_text` is the exact decimal ("8100", "9.05"); `value` the
 * nearest double. */
/* The _INIT macros: struct_size set, every other field zero, without a
 * -Wmissing-field-initializers warning: a designated initializer in C, a
 * value-initialized copy in C++ (where g++ warns on partial designators). */
#ifdef __cplusplus
#define AIDTEXT_SIZED_INIT_(type) ([] { type v_{}; v_.struct_size = sizeof(type); return v_; }())
#else
#define AIDTEXT_SIZED_INIT_(type) {.struct_size = sizeof(type)}
#endif

typedef struct aidtext_quantity {
  size_t struct_size;
  const char* kind;       /* "quantity", "date", "ordinal" */
  const char* text;       /* the expression in normalized text */
  size_t start, end;      /* in the ORIGINAL input */
  double value;
  const char* value_text;
  int has_value_high;
  double value_high;
  const char* value_high_text;
  const char* unit;       /* canonical unit id, or NULL */
  const char* classifier; /* counting classifier, or NULL */
  const char* approx;     /* "over", "about", "under", or NULL */
  const char* date;       /* dates: "2018", "2018-12", "2017-05-22T14:50"; else NULL */
  /* NULL for a record with a value. "out_of_range": the expression (text,
   * start, end, unit, approx are right) holds a number too large or too
   * precise to represent exactly (over 18 significant digits, or a power of
   * ten beyond +-300, e.g. 99999999999999999999999元); it has NO value:
   * value_text and value_high_text are NULL, has_value_high is 0 and value is
   * NaN. Such a record never becomes a metric. (Appended after 0.1.0: a
   * program built against an older header does not see this field, and
   * still gets value_text NULL for such records.) */
  const char* error;
  /* 1 when the expression's text overlaps a character the mojibake repairer
   * guessed from context (its bytes were lost: see
   * aidtext_result_repair_guessed()), or a number cut by a lost character
   * (a U+FFFD or '?' with numerals both sides: 1\uFFFD200人 reads as 1 and
   * 200人, both flagged; since 0.3.1), so the record is a best-effort reading
   * whose value may be wrong (a guessed 万 or numeral); 0 otherwise. JSON
   * has "guessed": true only on such records, CSV a last column "guessed",
   * 1/0. (Appended after 0.2.0: a program built against an older header
   * does not see this field.) */
  int guessed;
} aidtext_quantity;
#define AIDTEXT_QUANTITY_INIT AIDTEXT_SIZED_INIT_(aidtext_quantity)

typedef struct aidtext_metric {
  size_t struct_size;
  const char* metric;     /* metric id, e.g. "poor_population" */
  double value;
  const char* value_text;
  const char* unit;
  const char* approx;     /* "over", "about", "under", or NULL */
  const char* change;     /* "level", "total", "target" */
  const char* time;       /* "2018", "2019-05", or NULL */
  const char* place;      /* "渭源县", or NULL */
  const char* text;       /* the quantity in normalized text */
  size_t start, end;      /* in the ORIGINAL input */
  const char* sentence;   /* the normalized sentence holding it */
  /* 1 when `text` overlaps a character the mojibake repairer guessed from
   * context or a number cut by a lost character, as aidtext_quantity.guessed:
   * the record is kept, flagged as a
   * best-effort reading (its value or unit may be wrong; its place is never
   * spelled with guessed characters). 0 otherwise. JSON has "guessed": true
   * only on such records, CSV a last column "guessed", 1/0. (Appended after
   * 0.2.0: a program built against an older header does not see this
   * field.) */
  int guessed;
} aidtext_metric;
#define AIDTEXT_METRIC_INIT AIDTEXT_SIZED_INIT_(aidtext_metric)

typedef struct aidtext_repair {
  size_t struct_size;
  const char* kind;           /* e.g. "utf8-as-latin1", "gbk-misaligned", "unrecoverable" */
  size_t in_start, in_end;    /* ORIGINAL input bytes */
  size_t out_start, out_end;  /* normalized text bytes */
  double confidence;          /* 0..1 */
  size_t guessed_chars;       /* characters chosen from context */
  int repaired;               /* 0: flagged as damaged, left as it was */
} aidtext_repair;
#define AIDTEXT_REPAIR_INIT AIDTEXT_SIZED_INIT_(aidtext_repair)

typedef struct aidtext_repeat {
  size_t struct_size;
  size_t start, end;              /* the later copy, normalized text bytes */
  size_t first_start, first_end;  /* its first appearance */
} aidtext_repeat;
#define AIDTEXT_REPEAT_INIT AIDTEXT_SIZED_INIT_(aidtext_repeat)

AIDTEXT_API aidtext_status aidtext_result_quantity(const aidtext_result* result, size_t index,
                                                   aidtext_quantity* out);
AIDTEXT_API aidtext_status aidtext_result_metric(const aidtext_result* result, size_t index,
                                                 aidtext_metric* out);
AIDTEXT_API aidtext_status aidtext_result_repair(const aidtext_result* result, size_t index,
                                                 aidtext_repair* out);
AIDTEXT_API aidtext_status aidtext_result_repeat(const aidtext_result* result, size_t index,
                                                 aidtext_repeat* out);

/* ---- Guessed characters (since 0.3) -------------------------------------- */

/* Where a repair's guessed characters are. Some damage loses bytes (GBK read
 * one byte off, with '?' holes): the repairer then chooses the characters
 * whose bytes were lost from a character language model, and counts them in
 * aidtext_repair.guessed_chars. These calls say which characters they are,
 * as ranges of normalized text bytes: each on character boundaries, inside
 * the repair's [out_start, out_end), sorted, apart (adjacent guesses are one
 * range); none when guessed_chars is 0. Together they hold guessed_chars
 * characters, unless a later pass widened them (text damaged twice) or a
 * later stage removed a guessed character. A quantity or metric whose text
 * overlaps one has guessed = 1.
 *
 * aidtext_range is two offsets and will stay so: it is not size-tagged. */
typedef struct aidtext_range {
  size_t start, end; /* normalized text bytes, half-open */
} aidtext_range;

/* How many guessed ranges repair `repair_index` has (0 for a repair that
 * guessed nothing, and for a NULL or invalid handle or an index past the
 * repairs). */
AIDTEXT_API size_t aidtext_result_repair_guessed_count(const aidtext_result* result,
                                                       size_t repair_index);

/* Copies ranges [first, first + *written) of repair `repair_index` into
 * out[0, capacity), where *written = min(capacity, count - first). The
 * caller owns out; the library writes only out[0, *written) and keeps no
 * pointer to it; nothing is borrowed.
 *   repair_index >= the repairs   AIDTEXT_ERR_OUT_OF_RANGE
 *   first == count                AIDTEXT_OK with *written = 0
 *   first > count                 AIDTEXT_ERR_OUT_OF_RANGE
 *   written NULL, or out NULL while capacity > 0   AIDTEXT_ERR_INVALID_ARGUMENT
 * out may be NULL when capacity is 0. On failure *written (when not NULL)
 * is 0 and out is untouched. */
AIDTEXT_API aidtext_status aidtext_result_repair_guessed(const aidtext_result* result,
                                                         size_t repair_index, size_t first,
                                                         aidtext_range* out, size_t capacity,
                                                         size_t* written);

/* ---- Provenance in bulk (since 0.2) -------------------------------------- */

/* The whole map from normalized text to the original input, as pieces, for
 * an embedder that keeps its own copy (a binding that frees the result at
 * once, an index over millions of records) instead of asking
 * aidtext_result_source_range() once per range.
 *
 * The pieces come in output order and cover the normalized text
 * [0, text size) without gaps or overlaps; the first starts at 0, each next
 * one where the one before ends. Their input spans are in order too; input
 * bytes between two spans were deleted (a CR of a CRLF, an annotation).
 *   linear = 1: out_end - out_start == in_end - in_start, and normalized byte
 *               out_start + k came from input byte in_start + k;
 *   linear = 0: a block: the output span as a whole came from the whole
 *               input span (a GBK pair, an HTML reference, a repaired
 *               character and the damaged characters that held its
 *               bytes); in_start == in_end for inserted text.
 * aidtext_result_source_range(out_start, out_end) for a non-empty range is
 * then [begin, end): begin from the piece holding out_start (in_start +
 * (out_start - piece.out_start) when linear, else in_start), end from the
 * piece holding out_end - 1 (in_start + (out_end - piece.out_start) when
 * linear, else in_end), swapped if end < begin. An empty range at p inside a
 * block maps to the block's in_end, at a block's start or in a linear piece
 * to the begin above; at the end of the text to the input's size (ask
 * aidtext_result_source_range(size, size)). Empty text has no pieces.
 *
 * aidtext_map_piece is size-tagged like the record structs, and an array of
 * them is read with the caller's struct size as its stride: set
 * out[0].struct_size = sizeof(aidtext_map_piece) (AIDTEXT_MAP_PIECE_INIT);
 * every element written gets the same struct_size and only the fields that
 * fit, so a program built against this header keeps working when fields are
 * appended. */
typedef struct aidtext_map_piece {
  size_t struct_size;
  size_t out_start, out_end; /* normalized text bytes */
  size_t in_start, in_end;   /* ORIGINAL input bytes */
  int linear;                /* 1: byte for byte; 0: a block (see above) */
} aidtext_map_piece;
#define AIDTEXT_MAP_PIECE_INIT AIDTEXT_SIZED_INIT_(aidtext_map_piece)

/* How many pieces the result's map has (0 for empty text, and for a NULL or
 * invalid handle). Plain text costs one piece per unchanged run: at most
 * about one piece per character changed, never more than the text's bytes. */
AIDTEXT_API size_t aidtext_result_map_piece_count(const aidtext_result* result);

/* Copies pieces [first, first + *written) into out[0, capacity), where
 * *written = min(capacity, count - first): call it once with capacity =
 * aidtext_result_map_piece_count(), or in chunks. The caller owns out; the
 * library writes only out[0, *written) and keeps no pointer to it. Nothing
 * is borrowed: the pieces stay valid after the result is freed.
 *   first == count     AIDTEXT_OK with *written = 0
 *   first > count      AIDTEXT_ERR_OUT_OF_RANGE
 *   written NULL, or out NULL while capacity > 0, or out[0].struct_size
 *   unset (< sizeof(size_t))   AIDTEXT_ERR_INVALID_ARGUMENT
 * out may be NULL when capacity is 0. On failure *written (when not NULL)
 * is 0 and out is untouched. */
AIDTEXT_API aidtext_status aidtext_result_map_pieces(const aidtext_result* result, size_t first,
                                                     aidtext_map_piece* out, size_t capacity,
                                                     size_t* written);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif /* AIDTEXT_AIDTEXT_H_ */
