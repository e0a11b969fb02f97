#include "convert/converter.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <memory>
#include <mutex>
#include <vector>

#include "convert/char_runs.h"
#include "convert/conversion_table.h"
#include "convert/mapped_writer.h"
#include "core/utf8.h"

namespace aidtext {
namespace {

// Decodes the character at p[i] (UTF-8, n bytes available). Three-byte
// sequences (nearly all Han) take the inline path. Invalid bytes give
// kReplacement with length 1 so they are copied through unchanged.
inline char32_t next_char(std::string_view text, size_t i, int* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  unsigned char b0 = p[i];
  if ((b0 & 0xF0) == 0xE0 && i + 2 < text.size() && (p[i + 1] & 0xC0) == 0x80 &&
      (p[i + 2] & 0xC0) == 0x80) {
    char32_t c = ((b0 & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
      *len = 3;
      return c;
    }
  }
  return utf8::decode(text, i, len);
}

// Segment boundaries, as OpenCC's max-match segmentation over the TS phrase
// table cuts the text: every phrase match is a segment of its own.
std::vector<uint32_t> segment_boundaries(std::string_view text, const ConversionTable& ts,
                                         bool corrections) {
  std::vector<uint32_t> cuts;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0, n = text.size();
  while (i < n) {
    i = char_runs::skip_ascii(p, i, n);
    if (i >= n) break;
    int len;
    char32_t c = next_char(text, i, &len);
    if (ts.may_start_phrase(c)) {
      auto m = ts.longest_phrase(text, i, n, corrections);
      if (m.key_bytes) {
        if (cuts.empty() || cuts.back() != i) cuts.push_back(static_cast<uint32_t>(i));
        i += m.key_bytes;
        cuts.push_back(static_cast<uint32_t>(i));
        continue;
      }
    }
    i += len;
  }
  return cuts;
}

// The character after the one at i (of length len), 0 at the end.
inline char32_t peek_next(std::string_view text, size_t i, int len) {
  size_t j = i + static_cast<size_t>(len);
  if (j >= text.size()) return 0;
  int next_len;
  return next_char(text, j, &next_len);
}

// Counts the characters in which `key` and `value` differ (they align
// character by character).
uint32_t differing_chars(std::string_view key, std::string_view value) {
  uint32_t n = 0;
  size_t a = 0, b = 0;
  while (a < key.size() && b < value.size()) {
    int la = utf8::sequence_length(static_cast<unsigned char>(key[a]));
    int lb = utf8::sequence_length(static_cast<unsigned char>(value[b]));
    n += key.substr(a, la) != value.substr(b, lb);
    a += la;
    b += lb;
  }
  return n;
}

// The run table (char_runs.h) of a pass over `table` that carries a watch
// with the set `watched`: the table's own when there is no watch; its
// watched run table when it has one for that very set
// (ConversionTable::watched_set(): the traditional table has one for the
// repairer's watched set, generated at build time); for another set, a
// table of its own, the table's own with every watched character sent to
// the full path, where the watch is shown it. Worked out
// once per (table, set), comparing the sets' bits or building the table,
// and kept for the program's life (a watch's set lives as long:
// char_watch.h). A set that watches most of the BMP (as the repairer's,
// 61,881 of the 65,536 code points) is built fastest starting all full path
// and taking the table's entries for the others: 0.1M instructions, where
// deriving every entry from the ConversionTable's sections took 1.9M.
const uint32_t* run_table(const ConversionTable& table, const uint64_t* watched) {
  if (!watched) return table.run_table();
  struct Cached {
    const ConversionTable* table;
    const uint64_t* watched;
    std::unique_ptr<uint32_t[]> runs;  // nullptr: the table's watched run table serves
    const uint32_t* use(const ConversionTable& t) const { return runs ? runs.get() : t.watched_run_table(); }
  };
  // The last answer, checked without the lock: one watch set and one table
  // group serve nearly every call.
  static std::atomic<const Cached*> last{nullptr};
  if (const Cached* c = last.load(std::memory_order_acquire); c && c->table == &table && c->watched == watched)
    return c->use(table);
  static std::mutex mutex;
  static auto* cache = new std::vector<std::unique_ptr<Cached>>;  // never freed: passes may run during exit
  std::lock_guard<std::mutex> lock(mutex);
  for (const auto& c : *cache) {
    if (c->table == &table && c->watched == watched) {
      last.store(c.get(), std::memory_order_release);
      return c->use(table);
    }
  }
  std::unique_ptr<uint32_t[]> runs;
  const uint64_t* made_for = table.watched_set();
  if (!made_for || !std::equal(made_for, made_for + 0x10000 / 64, watched)) {
    runs = std::make_unique_for_overwrite<uint32_t[]>(0x10000);
    std::fill_n(runs.get(), 0x10000, char_runs::kFullPath);
    const uint32_t* base = table.run_table();
    for (uint32_t w = 0; w < 0x10000 / 64; ++w) {
      for (uint64_t seen = ~watched[w]; seen; seen &= seen - 1) {
        const uint32_t slot = char_runs::slot_of_char(w * 64 + static_cast<uint32_t>(std::countr_zero(seen)));
        runs[slot] = base[slot];
      }
    }
  }
  cache->push_back(std::make_unique<Cached>(Cached{&table, watched, std::move(runs)}));
  last.store(cache->back().get(), std::memory_order_release);
  return cache->back()->use(table);
}

inline bool is_watched(const uint64_t* watched, char32_t c, int len) {
  return len != 3 || ((watched[c >> 6] >> (c & 63)) & 1);
}

// One pass of a dictionary group over `text`: at each character, the longest
// phrase (not crossing a cut), else the character table. With `cuts`, also
// returns where each cut lands in the output.
// With `watch`, shows it the text (core/char_watch.h) and stops, setting
// *stopped and returning nothing, when it asks.
std::string convert_pass(MappedWriter&& w, const ConversionTable& table, bool corrections,
                         const std::vector<uint32_t>* cuts, std::vector<uint32_t>* out_cuts,
                         OffsetMap* map, uint32_t* changed, CharWatch* watch = nullptr,
                         bool* stopped = nullptr) {
  const std::string_view text = w.input();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const uint64_t* watched = watch ? watch->watched() : nullptr;
  const uint32_t* runs = run_table(table, watched);
  auto stop = [&] {
    *stopped = true;
    return std::string();
  };
  size_t next_cut = 0;  // index into *cuts
  size_t i = 0;
  uint32_t count = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      const size_t run_end = char_runs::skip_ascii(p, i, n);
      if (watch) {
        watch->count_ascii(run_end - i);
        if ((p[i] == '?' || p[run_end - 1] == '?') && watch->see_ascii(text, i, run_end)) return stop();
      }
      i = run_end;
      continue;
    }
    // Hot path: a run of characters that the run table decides alone
    // (char_runs.h). While no edit has changed length the output is the
    // input buffer and the run is converted in place; after one, unchanged
    // characters are skipped (the writer copies them in one piece) and each
    // change goes through the writer below.
    if (unsigned char* out = reinterpret_cast<unsigned char*>(w.aligned_output())) {
      const size_t run_end = char_runs::convert_run_in_place(
          out, i, n, runs, &count, [&table](char32_t c, char32_t next) { return table.pair_may_start_phrase(c, next); });
      if (run_end != i) {
        i = run_end;
        continue;
      }
    } else if (const size_t run_end = char_runs::skip_unchanged_run(p, i, n, runs); run_end != i) {
      i = run_end;
      continue;
    }
    int len;
    const char32_t c = next_char(text, i, &len);
    if (watch && is_watched(watched, c, len) && watch->see_char(text, i, c, len)) return stop();
    if (!table.may_change(c)) {
      i += static_cast<size_t>(len);
      continue;
    }
    if (table.may_start_phrase(c) && table.may_start_phrase(c, peek_next(text, i, len))) {
      size_t limit = n;
      if (cuts) {
        while (next_cut < cuts->size() && (*cuts)[next_cut] <= i) ++next_cut;
        if (next_cut < cuts->size()) limit = (*cuts)[next_cut];
      }
      auto m = table.longest_phrase(text, i, limit, corrections);
      if (m.key_bytes) {
        std::string_view key = text.substr(i, m.key_bytes);
        // The phrase's other characters skip the loop: show them here.
        for (size_t k = i + static_cast<size_t>(len); watch && k < i + m.key_bytes;) {
          int klen;
          const char32_t kc = next_char(text, k, &klen);
          if (kc < 0x80) watch->count_ascii(1);
          if (kc < 0x80 ? kc == '?' && watch->see_ascii(text, k, k + 1)
                        : is_watched(watched, kc, klen) && watch->see_char(text, k, kc, klen))
            return stop();
          k += static_cast<size_t>(klen);
        }
        if (m.value != key) {
          w.replace(i, m.key_bytes, m.value, m.split_linear);
          count += differing_chars(key, m.value);
        }
        i += m.key_bytes;
        continue;
      }
    }
    const char32_t v = table.map_char(c);
    if (v != c) {
      if (len == 3 && v >= 0x800 && v < 0x10000) w.replace_char3(i, v);
      else w.replace_char(i, static_cast<size_t>(len), v);
      ++count;
    }
    i += static_cast<size_t>(len);
  }
  *changed += count;
  std::string out = w.finish();
  *map = w.take_map();
  if (cuts && out_cuts) {
    // Edits never straddle a cut, so each cut maps to one output position.
    out_cuts->clear();
    out_cuts->reserve(cuts->size());
    for (uint32_t cut : *cuts) out_cuts->push_back(map->to_output({cut, cut}).begin);
  }
  return out;
}

// `w` holds the input (borrowed or owned); see to_simplified().
Converted convert(MappedWriter&& w, ScriptConversion variant, const ConvertOptions& options) {
  Converted result;
  const std::string_view input = w.input();
  const ConversionTable& ts = ConversionTable::get(ConversionTable::Group::kTraditional);
  if (variant == ScriptConversion::kNone) {
    result.text = w.finish();
    result.map = w.take_map();
    return result;
  }
  if (variant == ScriptConversion::kT2S) {
    result.text = convert_pass(std::move(w), ts, options.corrections, nullptr, nullptr,
                               &result.map, &result.converted_chars, options.watch,
                               &result.watch_stopped);
    return result;
  }
  const ConversionTable& variants = ConversionTable::get(
      variant == ScriptConversion::kHK2S ? ConversionTable::Group::kHongKongVariants
                                         : ConversionTable::Group::kTaiwanVariants);
  // The input is only read in this variant (its characters are compared
  // below), so the first pass works on a copy.
  const std::string original(input);
  std::vector<uint32_t> cuts = segment_boundaries(original, ts, options.corrections);
  std::vector<uint32_t> mid_cuts;
  OffsetMap first_map, second_map;
  uint32_t ignored = 0;
  std::string mid = convert_pass(MappedWriter(std::string_view(original)), variants,
                                 options.corrections, &cuts, &mid_cuts, &first_map, &ignored,
                                 options.watch, &result.watch_stopped);
  if (result.watch_stopped) return result;
  result.text = convert_pass(MappedWriter(std::move(mid)), ts, options.corrections, &mid_cuts,
                             nullptr, &second_map, &ignored);
  result.map = OffsetMap::compose(first_map, second_map);
  // Both passes keep the character count: count the characters that differ.
  std::string_view a = original, b = result.text;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    int la, lb;
    char32_t ca = next_char(a, i, &la), cb = next_char(b, j, &lb);
    result.converted_chars += ca != cb;
    i += la;
    j += lb;
  }
  return result;
}

}  // namespace

Converted to_simplified(std::string_view utf8, ScriptConversion variant) {
  return convert(MappedWriter(utf8), variant, ConvertOptions{});
}
Converted to_simplified(std::string_view utf8, ScriptConversion variant,
                        const ConvertOptions& options) {
  return convert(MappedWriter(utf8), variant, options);
}
Converted to_simplified(std::string&& utf8, ScriptConversion variant,
                        const ConvertOptions& options) {
  return convert(MappedWriter(std::move(utf8)), variant, options);
}

}  // namespace aidtext
