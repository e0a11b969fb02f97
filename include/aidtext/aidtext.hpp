// aidtext.hpp: the C++ API of aidtext, a header-only RAII wrapper over the C
// ABI of aidtext.h.
//
// Why header-only: libaidtext.so exports the C ABI and nothing else. A C++
// class interface exported from the library would tie every user to the
// compiler, standard library and flags the library was built with, and any
// change to a class layout would break programs silently. Here every C++
// type lives in the user's program, compiled with the user's compiler, and
// crosses into the library only as C handles and plain structs, so the
// library can change inside without breaking anyone.
//
//   aidtext::Options opt;
//   opt.set("convert", "tw2s");
//   aidtext::Engine engine(opt);                 // immutable, share it freely
//   aidtext::Result r = engine.extract(bytes, "2019");
//   for (const aidtext::Metric& m : r.metrics())
//     std::cout << m.metric << ' ' << m.value_text << ' ' << m.start << '\n';
//
// Errors are exceptions of type aidtext::Error, carrying the status and the
// library's message. Strings in the record structs are copies (std::string);
// Result::text() and the JSON views borrow from the Result and are valid as
// long as it lives. Needs C++17.
#ifndef AIDTEXT_AIDTEXT_HPP_
#define AIDTEXT_AIDTEXT_HPP_

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aidtext/aidtext.h"

namespace aidtext {
// Every name here lives in the inline namespace `api`: users write
// aidtext::Engine, but the symbols are aidtext::api::Engine, so they can never
// collide with the library's internal classes of the same names (its own
// aidtext::Engine, aidtext::Quantity, ...), which a program linked with the
// STATIC library also contains. Without it the linker would merge the two
// classes' inline functions (an ODR violation: wrong destructors run).
inline namespace api {

// A failed call: status() is the C status, what() the library's message.
class Error : public std::runtime_error {
 public:
  Error(aidtext_status status, const std::string& message) : std::runtime_error(message), status_(status) {}
  aidtext_status status() const noexcept { return status_; }

 private:
  aidtext_status status_;
};

namespace detail {

inline void check(aidtext_status status) {
  if (status != AIDTEXT_OK) {
    const char* detail = aidtext_last_error();
    throw Error(status, (detail && *detail) ? detail : aidtext_status_message(status));
  }
}

inline std::optional<std::string> opt(const char* s) {
  return s ? std::optional<std::string>(s) : std::nullopt;
}

}  // namespace detail

// The library's version at run time.
inline std::string_view version() { return aidtext_version(); }

// A quantity, date or ordinal (spec: quantities.md). start/end are byte
// offsets in the ORIGINAL input; value_text is the exact decimal.
struct Quantity {
  std::string kind;  // "quantity", "date", "ordinal"
  std::string text;
  size_t start = 0, end = 0;
  double value = 0;
  std::string value_text;
  std::optional<double> value_high;
  std::optional<std::string> value_high_text;
  std::optional<std::string> unit, classifier, approx, date;
  // "out_of_range": a number too large or too precise to hold exactly; the
  // record has no value (value is NaN, value_text empty).
  std::optional<std::string> error;
  // The text overlaps a character the mojibake repairer guessed from
  // context (Result::repair_guessed), or a number cut by a lost character
  // (a U+FFFD or '?' with numerals on both sides; since 0.3.1): a
  // best-effort reading, the value may be wrong.
  bool guessed = false;
};

// A metric record (spec: metrics.md).
struct Metric {
  std::string metric;
  double value = 0;
  std::string value_text;
  std::string unit;
  std::optional<std::string> approx;
  std::string change;
  std::optional<std::string> time, place;
  std::string text;
  size_t start = 0, end = 0;  // ORIGINAL input bytes
  std::string sentence;
  bool guessed = false;  // `text` overlaps a guessed character (as Quantity::guessed)
};

// A half-open range [start, end) of normalized text bytes (aidtext_range).
struct TextRange {
  size_t start = 0, end = 0;
};

struct Repair {
  std::string kind;
  size_t in_start = 0, in_end = 0;    // ORIGINAL input bytes
  size_t out_start = 0, out_end = 0;  // normalized text bytes
  double confidence = 0;
  size_t guessed_chars = 0;
  bool repaired = false;
  // Where the guessed characters are (normalized text bytes, sorted, apart,
  // inside [out_start, out_end)); empty when guessed_chars is 0.
  std::vector<TextRange> guessed;
};

struct Repeat {
  size_t start = 0, end = 0;              // the later copy, normalized text bytes
  size_t first_start = 0, first_end = 0;  // its first appearance
};

// One piece of the provenance map (aidtext_map_piece in aidtext.h): normalized
// bytes [out_start, out_end) came from ORIGINAL input bytes [in_start, in_end),
// byte for byte when linear, else as a whole.
struct MapPiece {
  size_t out_start = 0, out_end = 0;
  size_t in_start = 0, in_end = 0;
  bool linear = false;
};

// Settings for an Engine (keys and values: aidtext_options_set in aidtext.h).
class Options {
 public:
  Options() { detail::check(aidtext_options_new(&handle_)); }
  ~Options() { aidtext_options_free(handle_); }
  Options(const Options&) = delete;
  Options& operator=(const Options&) = delete;
  Options(Options&& o) noexcept : handle_(std::exchange(o.handle_, nullptr)) {}
  Options& operator=(Options&& o) noexcept {
    std::swap(handle_, o.handle_);
    return *this;
  }

  Options& set(const std::string& key, const std::string& value) {
    detail::check(aidtext_options_set(handle_, key.c_str(), value.c_str()));
    return *this;
  }
  Options& rules(std::string_view pack) {
    detail::check(aidtext_options_set_rules(handle_, pack.data(), pack.size()));
    return *this;
  }
  Options& rules_file(const std::string& path) {
    detail::check(aidtext_options_set_rules_file(handle_, path.c_str()));
    return *this;
  }
  const aidtext_options* get() const noexcept { return handle_; }

 private:
  aidtext_options* handle_ = nullptr;
};

// What one call returned. Move-only; views borrow from it.
class Result {
 public:
  explicit Result(aidtext_result* handle) noexcept : handle_(handle) {}
  ~Result() { aidtext_result_free(handle_); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  Result(Result&& o) noexcept : handle_(std::exchange(o.handle_, nullptr)) {}
  Result& operator=(Result&& o) noexcept {
    std::swap(handle_, o.handle_);
    return *this;
  }

  // The normalized UTF-8 text.
  std::string_view text() const {
    const char* data;
    size_t size;
    detail::check(aidtext_result_text(handle_, &data, &size));
    return {data, size};
  }
  std::string_view encoding() const {
    const char* e;
    detail::check(aidtext_result_encoding(handle_, &e));
    return e;
  }
  // The original input bytes [first, second) that text bytes [out_start, out_end) came from.
  std::pair<size_t, size_t> source_range(size_t out_start, size_t out_end) const {
    size_t b, e;
    detail::check(aidtext_result_source_range(handle_, out_start, out_end, &b, &e));
    return {b, e};
  }
  // The whole provenance map, in output order, in one call (its pieces stay
  // valid after the result is gone).
  std::vector<MapPiece> map_pieces() const {
    aidtext_map_piece init{};  // not the _INIT macro: no -Wmissing-field-initializers in users' builds
    init.struct_size = sizeof init;
    std::vector<aidtext_map_piece> raw(aidtext_result_map_piece_count(handle_), init);
    size_t written = 0;
    detail::check(aidtext_result_map_pieces(handle_, 0, raw.data(), raw.size(), &written));
    std::vector<MapPiece> pieces;
    pieces.reserve(written);
    for (size_t i = 0; i < written; ++i)
      pieces.push_back({raw[i].out_start, raw[i].out_end, raw[i].in_start, raw[i].in_end, raw[i].linear != 0});
    return pieces;
  }
  size_t count(aidtext_item item) const { return aidtext_result_count(handle_, item); }

  // The whole result as one JSON object.
  std::string_view json() const {
    const char* data;
    size_t size;
    detail::check(aidtext_result_json(handle_, &data, &size));
    return {data, size};
  }
  std::string_view item_json(aidtext_item item, size_t index) const {
    const char* data;
    size_t size;
    detail::check(aidtext_result_item_json(handle_, item, index, &data, &size));
    return {data, size};
  }
  // One CSV row (CRLF included); the header is csv_header(item).
  std::string_view item_csv(aidtext_item item, size_t index) const {
    const char* data;
    size_t size;
    detail::check(aidtext_result_item_csv(handle_, item, index, &data, &size));
    return {data, size};
  }

  Quantity quantity(size_t i) const {
    aidtext_quantity q{};  // not the _INIT macro: no -Wmissing-field-initializers in users' builds
    q.struct_size = sizeof q;
    detail::check(aidtext_result_quantity(handle_, i, &q));
    Quantity out;
    out.kind = q.kind;
    out.text = q.text;
    out.start = q.start;
    out.end = q.end;
    out.value = q.value;
    out.value_text = q.value_text ? q.value_text : "";
    if (q.has_value_high) {
      out.value_high = q.value_high;
      out.value_high_text = detail::opt(q.value_high_text);
    }
    out.unit = detail::opt(q.unit);
    out.classifier = detail::opt(q.classifier);
    out.approx = detail::opt(q.approx);
    out.date = detail::opt(q.date);
    out.error = detail::opt(q.error);
    out.guessed = q.guessed != 0;
    return out;
  }
  Metric metric(size_t i) const {
    aidtext_metric m{};  // not the _INIT macro: no -Wmissing-field-initializers in users' builds
    m.struct_size = sizeof m;
    detail::check(aidtext_result_metric(handle_, i, &m));
    Metric out;
    out.metric = m.metric;
    out.value = m.value;
    out.value_text = m.value_text;
    out.unit = m.unit;
    out.approx = detail::opt(m.approx);
    out.change = m.change;
    out.time = detail::opt(m.time);
    out.place = detail::opt(m.place);
    out.text = m.text;
    out.start = m.start;
    out.end = m.end;
    out.sentence = m.sentence;
    out.guessed = m.guessed != 0;
    return out;
  }
  Repair repair(size_t i) const {
    aidtext_repair r{};  // not the _INIT macro: no -Wmissing-field-initializers in users' builds
    r.struct_size = sizeof r;
    detail::check(aidtext_result_repair(handle_, i, &r));
    return Repair{r.kind,       r.in_start,      r.in_end,          r.out_start,       r.out_end,
                  r.confidence, r.guessed_chars, r.repaired != 0, repair_guessed(i)};
  }
  // The guessed characters of repair i (aidtext_result_repair_guessed).
  std::vector<TextRange> repair_guessed(size_t i) const {
    std::vector<aidtext_range> raw(aidtext_result_repair_guessed_count(handle_, i));
    size_t written = 0;
    detail::check(aidtext_result_repair_guessed(handle_, i, 0, raw.data(), raw.size(), &written));
    std::vector<TextRange> ranges;
    ranges.reserve(written);
    for (size_t k = 0; k < written; ++k) ranges.push_back({raw[k].start, raw[k].end});
    return ranges;
  }
  Repeat repeat(size_t i) const {
    aidtext_repeat r{};  // not the _INIT macro: no -Wmissing-field-initializers in users' builds
    r.struct_size = sizeof r;
    detail::check(aidtext_result_repeat(handle_, i, &r));
    return Repeat{r.start, r.end, r.first_start, r.first_end};
  }

  std::vector<Quantity> quantities() const { return all<Quantity>(AIDTEXT_ITEM_QUANTITY, &Result::quantity); }
  std::vector<Metric> metrics() const { return all<Metric>(AIDTEXT_ITEM_METRIC, &Result::metric); }
  std::vector<Repair> repairs() const { return all<Repair>(AIDTEXT_ITEM_REPAIR, &Result::repair); }
  std::vector<Repeat> repeats() const { return all<Repeat>(AIDTEXT_ITEM_REPEAT, &Result::repeat); }

  const aidtext_result* get() const noexcept { return handle_; }

 private:
  template <class T>
  std::vector<T> all(aidtext_item item, T (Result::*one)(size_t) const) const {
    std::vector<T> v;
    const size_t n = count(item);
    v.reserve(n);
    for (size_t i = 0; i < n; ++i) v.push_back((this->*one)(i));
    return v;
  }
  aidtext_result* handle_ = nullptr;
};

// The immutable engine: build once, call from any number of threads.
class Engine {
 public:
  Engine() { detail::check(aidtext_engine_new(nullptr, &handle_)); }
  explicit Engine(const Options& options) { detail::check(aidtext_engine_new(options.get(), &handle_)); }
  ~Engine() { aidtext_engine_free(handle_); }
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  Engine(Engine&& o) noexcept : handle_(std::exchange(o.handle_, nullptr)) {}
  Engine& operator=(Engine&& o) noexcept {
    std::swap(handle_, o.handle_);
    return *this;
  }

  Result normalize(std::string_view input) const {
    aidtext_result* r = nullptr;
    detail::check(aidtext_normalize(handle_, input.data(), input.size(), &r));
    return Result(r);
  }
  Result quantities(std::string_view input) const {
    aidtext_result* r = nullptr;
    detail::check(aidtext_quantities(handle_, input.data(), input.size(), &r));
    return Result(r);
  }
  // doc_date: "YYYY", "YYYY-MM", "YYYY-MM-DD" or empty.
  Result extract(std::string_view input, const std::string& doc_date = {}) const {
    aidtext_result* r = nullptr;
    detail::check(aidtext_extract(handle_, input.data(), input.size(), doc_date.empty() ? nullptr : doc_date.c_str(), &r));
    return Result(r);
  }
  const aidtext_engine* get() const noexcept { return handle_; }

 private:
  aidtext_engine* handle_ = nullptr;
};

// The CSV header line for an item kind (CRLF included).
inline std::string_view csv_header(aidtext_item item) { return aidtext_csv_header(item); }

}  // namespace api
}  // namespace aidtext

#endif  // AIDTEXT_AIDTEXT_HPP_
