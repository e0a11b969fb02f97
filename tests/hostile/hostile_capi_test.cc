// C ABI misuse that the contract (include/aidtext/aidtext.h) says is checked:
// NULL handles and out-pointers, handles of the wrong type, freed handles
// (best effort, so only outside sanitizer builds), indexes out of range,
// unknown options and bad values, structs from an older header.
#define BOOST_TEST_MODULE hostile_capi
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstring>
#include <string>

#include "c_callers.h"
#include "capi_helpers.h"

using namespace aidtext::hostile;

namespace {

const std::string kText = "2018年底，全县贫困人口减至2.89万人，落实帮扶资金6686万元。";

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

}  // namespace

BOOST_AUTO_TEST_CASE(null_handles_are_invalid_handles) {
  aidtext_result* out = nullptr;
  BOOST_CHECK_EQUAL(aidtext_normalize(nullptr, "a", 1, &out), AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK_EQUAL(aidtext_quantities(nullptr, "a", 1, &out), AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK_EQUAL(aidtext_extract(nullptr, "a", 1, nullptr, &out), AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK(out == nullptr);
  BOOST_CHECK(std::strlen(aidtext_last_error()) > 0);
  BOOST_CHECK_EQUAL(aidtext_options_set(nullptr, "repair", "on"), AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK_EQUAL(aidtext_options_set_rules(nullptr, "x", 1), AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK_EQUAL(aidtext_options_set_rules_file(nullptr, "/dev/null"), AIDTEXT_ERR_INVALID_HANDLE);
  const char* data = nullptr;
  size_t size = 0;
  BOOST_CHECK_EQUAL(aidtext_result_text(nullptr, &data, &size), AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK_EQUAL(aidtext_result_encoding(nullptr, &data), AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK_EQUAL(aidtext_result_json(nullptr, &data, &size), AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK_EQUAL(aidtext_result_item_json(nullptr, AIDTEXT_ITEM_QUANTITY, 0, &data, &size),
                    AIDTEXT_ERR_INVALID_HANDLE);
  size_t a = 0, b = 0;
  BOOST_CHECK_EQUAL(aidtext_result_source_range(nullptr, 0, 0, &a, &b), AIDTEXT_ERR_INVALID_HANDLE);
  aidtext_quantity q = AIDTEXT_QUANTITY_INIT;
  BOOST_CHECK_EQUAL(aidtext_result_quantity(nullptr, 0, &q), AIDTEXT_ERR_INVALID_HANDLE);
  aidtext_metric m = AIDTEXT_METRIC_INIT;
  BOOST_CHECK_EQUAL(aidtext_result_metric(nullptr, 0, &m), AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK_EQUAL(aidtext_result_count(nullptr, AIDTEXT_ITEM_METRIC), 0u);
  // Freeing NULL is a no-op.
  aidtext_result_free(nullptr);
  aidtext_engine_free(nullptr);
  aidtext_options_free(nullptr);
}

BOOST_AUTO_TEST_CASE(null_out_pointers_and_data_are_invalid_arguments) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  BOOST_CHECK_EQUAL(aidtext_options_new(nullptr), AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_CHECK_EQUAL(aidtext_engine_new(nullptr, nullptr), AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_CHECK_EQUAL(aidtext_normalize(engine.get(), "a", 1, nullptr), AIDTEXT_ERR_INVALID_ARGUMENT);
  aidtext_result* out = nullptr;
  BOOST_CHECK_EQUAL(aidtext_normalize(engine.get(), nullptr, 5, &out), AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_CHECK(out == nullptr);
  // NULL data with size 0 is the empty input, and fine.
  BOOST_CHECK_EQUAL(aidtext_extract(engine.get(), nullptr, 0, nullptr, &out), AIDTEXT_OK);
  ResultPtr empty(out);
  const char* data = nullptr;
  size_t size = 99;
  BOOST_CHECK_EQUAL(aidtext_result_text(empty.get(), &data, &size), AIDTEXT_OK);
  BOOST_CHECK_EQUAL(size, 0u);
  BOOST_CHECK(data != nullptr);
  BOOST_CHECK_EQUAL(aidtext_result_text(empty.get(), nullptr, &size), AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_CHECK_EQUAL(aidtext_result_encoding(empty.get(), nullptr), AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_CHECK_EQUAL(aidtext_result_metric(empty.get(), 0, nullptr), AIDTEXT_ERR_INVALID_ARGUMENT);
}

BOOST_AUTO_TEST_CASE(handles_of_the_wrong_type) {
  aidtext_options* raw = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_options_new(&raw), AIDTEXT_OK);
  OptionsPtr options(raw);
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  aidtext_status s;
  ResultPtr result = run(engine.get(), Call::kNormalize, kText, &s);
  BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
  aidtext_result* out = nullptr;
  // An options handle (or a result) where an engine is expected, and so on.
  BOOST_CHECK_EQUAL(aidtext_normalize(reinterpret_cast<aidtext_engine*>(options.get()), "a", 1, &out),
                    AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK_EQUAL(aidtext_extract(reinterpret_cast<aidtext_engine*>(result.get()), "a", 1, nullptr, &out),
                    AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK_EQUAL(aidtext_options_set(reinterpret_cast<aidtext_options*>(engine.get()), "repair", "on"),
                    AIDTEXT_ERR_INVALID_HANDLE);
  const char* data = nullptr;
  size_t size = 0;
  BOOST_CHECK_EQUAL(aidtext_result_text(reinterpret_cast<aidtext_result*>(engine.get()), &data, &size),
                    AIDTEXT_ERR_INVALID_HANDLE);
  aidtext_engine* made = nullptr;
  BOOST_CHECK_EQUAL(aidtext_engine_new(reinterpret_cast<aidtext_options*>(result.get()), &made),
                    AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK(made == nullptr);
  BOOST_CHECK(out == nullptr);
}

BOOST_AUTO_TEST_CASE(freed_handles_best_effort) {
  if (kSanitized) {
    BOOST_TEST_MESSAGE("skipped under sanitizers: reading a freed handle is what they report");
    return;
  }
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  aidtext_result* out = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_normalize(engine.get(), kText.data(), kText.size(), &out), AIDTEXT_OK);
  aidtext_result_free(out);
  const char* data = nullptr;
  size_t size = 0;
  BOOST_CHECK_EQUAL(aidtext_result_text(out, &data, &size), AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_CHECK_EQUAL(aidtext_result_count(out, AIDTEXT_ITEM_QUANTITY), 0u);
}

BOOST_AUTO_TEST_CASE(indexes_and_offsets_out_of_range) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  aidtext_status s;
  ResultPtr r = run(engine.get(), Call::kExtract, kText, &s, "2019");
  BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
  for (aidtext_item item : {AIDTEXT_ITEM_QUANTITY, AIDTEXT_ITEM_METRIC, AIDTEXT_ITEM_REPAIR,
                            AIDTEXT_ITEM_REPEAT}) {
    size_t n = aidtext_result_count(r.get(), item);
    const char* data = nullptr;
    size_t size = 0;
    for (size_t bad : {n, n + 1, size_t{1} << 31, ~size_t{0}})
      BOOST_CHECK_EQUAL(aidtext_result_item_json(r.get(), item, bad, &data, &size),
                        AIDTEXT_ERR_OUT_OF_RANGE);
  }
  aidtext_quantity q = AIDTEXT_QUANTITY_INIT;
  BOOST_CHECK_EQUAL(aidtext_result_quantity(r.get(), ~size_t{0}, &q), AIDTEXT_ERR_OUT_OF_RANGE);
  aidtext_repair rep = AIDTEXT_REPAIR_INIT;
  BOOST_CHECK_EQUAL(aidtext_result_repair(r.get(), 1000, &rep), AIDTEXT_ERR_OUT_OF_RANGE);
  // Item kinds that do not exist (as a C caller may pass them).
  BOOST_CHECK_EQUAL(c_result_count(r.get(), 0), 0u);
  BOOST_CHECK_EQUAL(c_result_count(r.get(), 77), 0u);
  const char* data = nullptr;
  size_t size = 0;
  BOOST_CHECK(c_result_item_json(r.get(), -1, 0, &data, &size) != AIDTEXT_OK);
  // Provenance past the end of the text, or reversed.
  size_t text_size = text_of(r.get()).size(), a = 0, b = 0;
  BOOST_CHECK_EQUAL(aidtext_result_source_range(r.get(), 0, text_size + 1, &a, &b),
                    AIDTEXT_ERR_OUT_OF_RANGE);
  BOOST_CHECK_EQUAL(aidtext_result_source_range(r.get(), ~size_t{0}, ~size_t{0}, &a, &b),
                    AIDTEXT_ERR_OUT_OF_RANGE);
  BOOST_CHECK(aidtext_result_source_range(r.get(), 5, 2, &a, &b) != AIDTEXT_OK);
  // Metrics were not computed by aidtext_normalize().
  ResultPtr plain = run(engine.get(), Call::kNormalize, kText, &s);
  BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
  BOOST_CHECK_EQUAL(aidtext_result_count(plain.get(), AIDTEXT_ITEM_METRIC), 0u);
  aidtext_metric m = AIDTEXT_METRIC_INIT;
  BOOST_CHECK(aidtext_result_metric(plain.get(), 0, &m) != AIDTEXT_OK);
}

BOOST_AUTO_TEST_CASE(unknown_options_and_bad_values) {
  aidtext_options* raw = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_options_new(&raw), AIDTEXT_OK);
  OptionsPtr options(raw);
  BOOST_CHECK_EQUAL(aidtext_options_set(options.get(), "no_such_key", "on"), AIDTEXT_ERR_UNKNOWN_OPTION);
  BOOST_CHECK_EQUAL(aidtext_options_set(options.get(), "convert", "klingon"), AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_CHECK_EQUAL(aidtext_options_set(options.get(), "repair", "maybe"), AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_CHECK_EQUAL(aidtext_options_set(options.get(), "encoding", "EBCDIC-nonsense"),
                    AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_CHECK_EQUAL(aidtext_options_set(options.get(), nullptr, "on"), AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_CHECK_EQUAL(aidtext_options_set(options.get(), "repair", nullptr), AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_CHECK_EQUAL(aidtext_options_set_rules(options.get(), nullptr, 10), AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_CHECK_EQUAL(aidtext_options_set_rules_file(options.get(), "/nonexistent/aidtext/rules"),
                    AIDTEXT_ERR_IO);
  BOOST_CHECK_EQUAL(aidtext_options_set_rules_file(options.get(), nullptr), AIDTEXT_ERR_INVALID_ARGUMENT);
  // A failed setter leaves the options usable.
  aidtext_engine* engine = nullptr;
  BOOST_CHECK_EQUAL(aidtext_engine_new(options.get(), &engine), AIDTEXT_OK);
  aidtext_engine_free(engine);
  // Status names: never NULL.
  BOOST_CHECK_EQUAL(std::string(aidtext_status_message(AIDTEXT_OK)), "ok");
  BOOST_CHECK_EQUAL(std::string(c_status_message(12345)), "unknown status");
  BOOST_CHECK_EQUAL(std::string(c_status_message(-1)), "unknown status");
}

BOOST_AUTO_TEST_CASE(structs_from_an_older_header_are_filled_only_as_far_as_they_go) {
  EnginePtr engine = make_engine();
  BOOST_REQUIRE(engine);
  aidtext_status s;
  ResultPtr r = run(engine.get(), Call::kQuantities, kText, &s);
  BOOST_REQUIRE_EQUAL(s, AIDTEXT_OK);
  BOOST_REQUIRE_GT(aidtext_result_count(r.get(), AIDTEXT_ITEM_QUANTITY), 0u);
  // An "older" struct that ends right after `end`: the bytes after it are
  // the caller's and must stay as they were.
  struct Guarded {
    aidtext_quantity q;
    unsigned char guard[64];
  } g;
  std::memset(&g, 0xAB, sizeof g);
  g.q.struct_size = offsetof(aidtext_quantity, value);
  BOOST_CHECK_EQUAL(aidtext_result_quantity(r.get(), 0, &g.q), AIDTEXT_OK);
  const unsigned char* tail = reinterpret_cast<const unsigned char*>(&g.q) + offsetof(aidtext_quantity, value);
  size_t untouched = 0;
  for (const unsigned char* p = tail; p < g.guard + sizeof g.guard; ++p) untouched += *p == 0xAB;
  BOOST_CHECK_EQUAL(untouched, static_cast<size_t>(g.guard + sizeof g.guard - tail));
  BOOST_CHECK(g.q.kind != nullptr);
  // A struct_size too small to hold even struct_size itself is refused.
  aidtext_quantity tiny = AIDTEXT_QUANTITY_INIT;
  tiny.struct_size = 0;
  BOOST_CHECK(aidtext_result_quantity(r.get(), 0, &tiny) != AIDTEXT_OK || tiny.kind == nullptr);
}
