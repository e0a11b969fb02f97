// The benchmark's corpora, built in memory: the dev articles (or the bundled
// examples when ../shared is absent) repeated to a target size, and the same
// articles converted to traditional characters with OpenCC s2t.
#ifndef AIDTEXT_TESTS_BENCHMARKS_BENCH_CORPUS_H_
#define AIDTEXT_TESTS_BENCHMARKS_BENCH_CORPUS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aidtext::bench {

struct Corpus {
  std::vector<std::string> documents;
  size_t bytes = 0;
  std::string description;  // where the articles came from
};

// The articles (*.txt) of the first folder of `folders` that has any.
// Empty when none has.
std::vector<std::string> load_articles(const std::vector<std::string>& folders, std::string* from);

// `articles` repeated in order until the corpus holds at least `target_bytes`.
Corpus repeat_to_size(const std::vector<std::string>& articles, size_t target_bytes);

// Writes the articles one after another, a blank line between them, to
// `path` until it holds `target_bytes`: one text document as large as asked
// (the CLI reads it in sections).
bool write_text(const std::vector<std::string>& articles, size_t target_bytes, const std::string& path);

// A JSON Lines file of documents {"id": "...", "text": "..."} of at least
// `target_bytes`, for the CLI. Returns false when it cannot be written.
bool write_jsonl(const std::vector<std::string>& articles, size_t target_bytes, const std::string& path);

// `utf8` encoded by ICU converter `icu_name` ("GB18030", "windows-950");
// characters the encoding lacks are dropped, as a site's converter that
// skips them would.
std::string encode_as(std::string_view utf8, const char* icu_name);

// `utf8`'s bytes read as Latin-1 and written as UTF-8 (each byte b becomes
// U+00bb): the commonest mojibake of the web, here of a whole document.
std::string read_as_latin1(std::string_view utf8);

}  // namespace aidtext::bench

#endif  // AIDTEXT_TESTS_BENCHMARKS_BENCH_CORPUS_H_
