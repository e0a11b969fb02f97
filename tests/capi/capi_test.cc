// The C ABI, called exactly as users call it: linked with libaidtext.so.
#define BOOST_TEST_MODULE capi
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "aidtext/aidtext.h"
#include "format/json_reader.h"

// Lets Boost.Test print a value type in a failed assertion.
namespace aidtext::json {
inline std::ostream& operator<<(std::ostream& os, Value::Type t) { return os << static_cast<int>(t); }
}  // namespace aidtext::json

namespace {

namespace json = aidtext::json;

// What the _INIT macros do, without -Wmissing-field-initializers in C++.
template <class T>
T init() {
  T t{};
  t.struct_size = sizeof t;
  return t;
}

struct EngineFixture {
  EngineFixture() { BOOST_REQUIRE_EQUAL(aidtext_engine_new(nullptr, &engine), AIDTEXT_OK); }
  ~EngineFixture() { aidtext_engine_free(engine); }
  aidtext_engine* engine = nullptr;
};

std::string_view text_of(const aidtext_result* r) {
  const char* data = nullptr;
  size_t size = 0;
  BOOST_REQUIRE_EQUAL(aidtext_result_text(r, &data, &size), AIDTEXT_OK);
  return {data, size};
}

json::Value parse_json(std::string_view s) {
  json::Value v;
  std::string error;
  BOOST_REQUIRE_MESSAGE(json::parse(s, &v, &error), "not JSON (" << error << "): " << s);
  return v;
}

// A sentence with one clear quantity; its GBK form (for provenance).
const std::string kSentence = "贫困人口减至2.89万人。";
const std::string kSentenceGbk =
    "\xc6\xb6\xc0\xa7\xc8\xcb\xbf\xda\xbc\xf5\xd6\xc1\x32\x2e\x38\x39\xcd\xf2\xc8\xcb\xa1\xa3";

// Preconditions: parts of the pipeline other engineers build may still be stubs.
struct RecognizerWorks {
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
    aidtext_engine* e = nullptr;
    aidtext_result* r = nullptr;
    bool ok = aidtext_engine_new(nullptr, &e) == AIDTEXT_OK &&
              aidtext_quantities(e, kSentence.data(), kSentence.size(), &r) == AIDTEXT_OK &&
              aidtext_result_count(r, AIDTEXT_ITEM_QUANTITY) > 0;
    aidtext_result_free(r);
    aidtext_engine_free(e);
    boost::test_tools::assertion_result res(ok);
    res.message() << "the quantity recognizer finds nothing yet (stub)";
    return res;
  }
};

struct GbkDetected {
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
    aidtext_engine* e = nullptr;
    aidtext_result* r = nullptr;
    const char* enc = "";
    bool ok = aidtext_engine_new(nullptr, &e) == AIDTEXT_OK &&
              aidtext_normalize(e, kSentenceGbk.data(), kSentenceGbk.size(), &r) == AIDTEXT_OK &&
              aidtext_result_encoding(r, &enc) == AIDTEXT_OK &&
              (std::string_view(enc) == "GBK" || std::string_view(enc) == "GB18030");
    aidtext_result_free(r);
    aidtext_engine_free(e);
    boost::test_tools::assertion_result res(ok);
    res.message() << "the decoder does not detect GBK yet (stub)";
    return res;
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(version_matches_header) {
  BOOST_TEST(std::string(aidtext_version()) == AIDTEXT_VERSION_STRING);
  BOOST_TEST(aidtext_version_number() == static_cast<unsigned>(AIDTEXT_VERSION_NUMBER));
}

BOOST_AUTO_TEST_CASE(status_messages_are_distinct_and_never_null) {
  std::vector<std::string> seen;
  for (int s = AIDTEXT_OK; s <= AIDTEXT_ERR_INTERNAL; ++s) {
    const char* m = aidtext_status_message(static_cast<aidtext_status>(s));
    BOOST_REQUIRE(m != nullptr);
    BOOST_TEST(std::strlen(m) > 0);
    BOOST_TEST((std::find(seen.begin(), seen.end(), m) == seen.end()));
    seen.emplace_back(m);
  }
  BOOST_TEST(std::string(aidtext_status_message(AIDTEXT_OK)) == "ok");
  BOOST_TEST(std::string(aidtext_status_message(static_cast<aidtext_status>(999))) == "unknown status");
}

BOOST_AUTO_TEST_CASE(options_set_checks_keys_and_values) {
  aidtext_options* o = nullptr;
  BOOST_TEST(aidtext_options_new(nullptr) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_REQUIRE_EQUAL(aidtext_options_new(&o), AIDTEXT_OK);
  for (const char* v : {"t2s", "hk2s", "tw2s", "none"}) BOOST_TEST(aidtext_options_set(o, "convert", v) == AIDTEXT_OK);
  for (const char* v : {"auto", "UTF-8", "gb18030", "GBK", "big5", "UTF-16LE", "utf-16be"})
    BOOST_TEST(aidtext_options_set(o, "encoding", v) == AIDTEXT_OK);
  for (const char* k : {"repair", "strip_pinyin", "fold_width", "html", "join_wraps", "repeats", "markup", "cjk_spacing", "cjk_punctuation"}) {
    BOOST_TEST(aidtext_options_set(o, k, "off") == AIDTEXT_OK);
    BOOST_TEST(aidtext_options_set(o, k, "on") == AIDTEXT_OK);
    BOOST_TEST(aidtext_options_set(o, k, "yes") == AIDTEXT_ERR_INVALID_ARGUMENT);
  }
  BOOST_TEST(aidtext_options_set(o, "convert", "s2t") == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(std::string(aidtext_last_error()).find("s2t") != std::string::npos);
  BOOST_TEST(aidtext_options_set(o, "encoding", "EBCDIC") == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_options_set(o, "colour", "on") == AIDTEXT_ERR_UNKNOWN_OPTION);
  BOOST_TEST(std::string(aidtext_last_error()).find("colour") != std::string::npos);
  BOOST_TEST(aidtext_options_set(o, nullptr, "on") == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_options_set(o, "repair", nullptr) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_options_set(nullptr, "repair", "on") == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(aidtext_options_set_rules(o, nullptr, 5) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_options_set_rules(nullptr, "x", 1) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(aidtext_options_set_rules_file(o, "/nonexistent/aidtext/rules.txt") == AIDTEXT_ERR_IO);
  BOOST_TEST(std::string(aidtext_last_error()).find("/nonexistent/aidtext/rules.txt") != std::string::npos);
  BOOST_TEST(aidtext_options_set_rules_file(o, nullptr) == AIDTEXT_ERR_INVALID_ARGUMENT);
  aidtext_options_free(o);
  aidtext_options_free(nullptr);  // a no-op
}

BOOST_AUTO_TEST_CASE(forced_encoding_is_used) {
  aidtext_options* o = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_options_new(&o), AIDTEXT_OK);
  BOOST_REQUIRE_EQUAL(aidtext_options_set(o, "encoding", "utf-16le"), AIDTEXT_OK);
  aidtext_engine* e = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_engine_new(o, &e), AIDTEXT_OK);
  aidtext_options_free(o);  // the engine keeps its own copy
  aidtext_result* r = nullptr;
  const char in[] = "a\0b\0";
  BOOST_REQUIRE_EQUAL(aidtext_normalize(e, in, 4, &r), AIDTEXT_OK);
  const char* enc = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_result_encoding(r, &enc), AIDTEXT_OK);
  BOOST_TEST(std::string(enc) == "UTF-16LE");
  aidtext_result_free(r);
  aidtext_engine_free(e);
}

BOOST_AUTO_TEST_CASE(bad_rule_pack_is_refused_at_engine_creation) {
  aidtext_options* o = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_options_new(&o), AIDTEXT_OK);
  const std::string pack = "this line is not a rule @@@ [[[\n";
  BOOST_REQUIRE_EQUAL(aidtext_options_set_rules(o, pack.data(), pack.size()), AIDTEXT_OK);
  aidtext_engine* e = reinterpret_cast<aidtext_engine*>(0x1);
  BOOST_TEST(aidtext_engine_new(o, &e) == AIDTEXT_ERR_RULES);
  BOOST_TEST(e == nullptr);
  BOOST_TEST(std::string(aidtext_last_error()).find("line") != std::string::npos);
  aidtext_options_free(o);
}

BOOST_AUTO_TEST_CASE(null_and_wrong_type_handles) {
  EngineFixture f;
  aidtext_result* r = reinterpret_cast<aidtext_result*>(0x1);
  BOOST_TEST(aidtext_normalize(nullptr, "x", 1, &r) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(r == nullptr);  // *out is cleared on failure
  BOOST_TEST(std::string(aidtext_last_error()).find("aidtext_normalize") != std::string::npos);

  aidtext_options* o = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_options_new(&o), AIDTEXT_OK);
  // An options handle where an engine is expected, and the other way round.
  BOOST_TEST(aidtext_extract(reinterpret_cast<aidtext_engine*>(o), "x", 1, nullptr, &r) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(aidtext_options_set(reinterpret_cast<aidtext_options*>(f.engine), "repair", "on") ==
             AIDTEXT_ERR_INVALID_HANDLE);
  aidtext_engine* e2 = nullptr;
  BOOST_TEST(aidtext_engine_new(reinterpret_cast<aidtext_options*>(f.engine), &e2) == AIDTEXT_ERR_INVALID_HANDLE);
  // Freeing the wrong type is a no-op, not a crash.
  aidtext_result_free(reinterpret_cast<aidtext_result*>(o));
  aidtext_engine_free(reinterpret_cast<aidtext_engine*>(o));
  BOOST_TEST(aidtext_options_set(o, "repair", "on") == AIDTEXT_OK);
  aidtext_options_free(o);

  const char* data;
  size_t size;
  BOOST_TEST(aidtext_result_text(nullptr, &data, &size) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(aidtext_result_encoding(nullptr, &data) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(aidtext_result_json(nullptr, &data, &size) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(aidtext_result_item_json(nullptr, AIDTEXT_ITEM_QUANTITY, 0, &data, &size) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(aidtext_result_item_csv(nullptr, AIDTEXT_ITEM_QUANTITY, 0, &data, &size) == AIDTEXT_ERR_INVALID_HANDLE);
  size_t a, b;
  BOOST_TEST(aidtext_result_source_range(nullptr, 0, 0, &a, &b) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(aidtext_result_count(nullptr, AIDTEXT_ITEM_METRIC) == 0u);
  aidtext_quantity q = init<aidtext_quantity>();
  aidtext_metric m = init<aidtext_metric>();
  aidtext_repair rp = init<aidtext_repair>();
  aidtext_repeat rt = init<aidtext_repeat>();
  BOOST_TEST(aidtext_result_quantity(nullptr, 0, &q) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(aidtext_result_metric(nullptr, 0, &m) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(aidtext_result_repair(nullptr, 0, &rp) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(aidtext_result_repeat(nullptr, 0, &rt) == AIDTEXT_ERR_INVALID_HANDLE);
  aidtext_result_free(nullptr);
  aidtext_engine_free(nullptr);
}

#if defined(__SANITIZE_ADDRESS__)
#define AIDTEXT_TEST_FREED_HANDLES 0  // reading freed memory is what ASan reports
#else
#define AIDTEXT_TEST_FREED_HANDLES 1
#endif

BOOST_AUTO_TEST_CASE(freed_handles_are_refused,
                     *boost::unit_test::enable_if<AIDTEXT_TEST_FREED_HANDLES>()) {
  aidtext_engine* e = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_engine_new(nullptr, &e), AIDTEXT_OK);
  aidtext_result* r = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_normalize(e, "abc", 3, &r), AIDTEXT_OK);
  aidtext_result_free(r);
  const char* data;
  size_t size;
  // Best effort by contract: the tag was overwritten before the memory went back.
  BOOST_TEST(aidtext_result_text(r, &data, &size) == AIDTEXT_ERR_INVALID_HANDLE);
  aidtext_result_free(r);  // a second free is refused, not a double free
  aidtext_engine_free(e);
  aidtext_result* r2 = nullptr;
  BOOST_TEST(aidtext_normalize(e, "abc", 3, &r2) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(r2 == nullptr);
}

BOOST_AUTO_TEST_CASE(input_arguments_are_checked) {
  EngineFixture f;
  aidtext_result* r = nullptr;
  BOOST_TEST(aidtext_normalize(f.engine, "x", 1, nullptr) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_normalize(f.engine, nullptr, 3, &r) == AIDTEXT_ERR_INVALID_ARGUMENT);
  // Refused from the size alone, before any byte is read.
  const char one = 'x';
  BOOST_TEST(aidtext_quantities(f.engine, &one, AIDTEXT_MAX_INPUT_BYTES + 1, &r) == AIDTEXT_ERR_INPUT_TOO_LARGE);
  BOOST_TEST(r == nullptr);
  BOOST_TEST(std::string(aidtext_last_error()).find("1 GiB") != std::string::npos);
  for (const char* bad : {"2019-13", "19", "2019-1", "2019/05/01", "2019-05-32", "abcd"}) {
    BOOST_TEST(aidtext_extract(f.engine, "x", 1, bad, &r) == AIDTEXT_ERR_INVALID_ARGUMENT, bad);
  }
  for (const char* good : {"2019", "2019-05", "2019-05-31", ""}) {
    BOOST_REQUIRE_EQUAL(aidtext_extract(f.engine, "x", 1, good, &r), AIDTEXT_OK);
    aidtext_result_free(r);
  }
  // Empty input, NULL data: an empty result.
  BOOST_REQUIRE_EQUAL(aidtext_extract(f.engine, nullptr, 0, nullptr, &r), AIDTEXT_OK);
  BOOST_TEST(text_of(r).size() == 0u);
  BOOST_TEST(aidtext_result_count(r, AIDTEXT_ITEM_METRIC) == 0u);
  aidtext_result_free(r);
}

BOOST_AUTO_TEST_CASE(nul_bytes_in_input_do_not_cut_it) {
  EngineFixture f;
  // Chinese text with stray NULs: the NULs must not end the input early.
  const std::string in = std::string("abc 贫困人口减至2.89万人，贫困发生率降至9.05%。") + '\0' +
                         "2019年落实帮扶资金6686万元。" + '\0' + "ghi 实施扶贫项目46项。";
  aidtext_result* r = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_normalize(f.engine, in.data(), in.size(), &r), AIDTEXT_OK);
  std::string_view t = text_of(r);
  BOOST_TEST(t.find("abc") != std::string_view::npos);
  BOOST_TEST(t.find("ghi") != std::string_view::npos);  // text after the NULs survives
  size_t b = 0, e = 0;
  const size_t at = t.find("ghi");
  BOOST_REQUIRE_EQUAL(aidtext_result_source_range(r, at, at + 3, &b, &e), AIDTEXT_OK);
  BOOST_TEST(in.substr(b, e - b) == "ghi");
  aidtext_result_free(r);
}

BOOST_AUTO_TEST_CASE(result_items_not_computed_or_out_of_range) {
  EngineFixture f;
  aidtext_result* r = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_normalize(f.engine, kSentence.data(), kSentence.size(), &r), AIDTEXT_OK);
  const char* data;
  size_t size;
  BOOST_TEST(aidtext_result_count(r, AIDTEXT_ITEM_QUANTITY) == 0u);
  BOOST_TEST(aidtext_result_item_json(r, AIDTEXT_ITEM_QUANTITY, 0, &data, &size) == AIDTEXT_ERR_NOT_AVAILABLE);
  BOOST_TEST(aidtext_result_item_json(r, AIDTEXT_ITEM_METRIC, 0, &data, &size) == AIDTEXT_ERR_NOT_AVAILABLE);
  aidtext_metric m = init<aidtext_metric>();
  BOOST_TEST(aidtext_result_metric(r, 0, &m) == AIDTEXT_ERR_NOT_AVAILABLE);
  BOOST_TEST(aidtext_result_item_json(r, AIDTEXT_ITEM_REPAIR, aidtext_result_count(r, AIDTEXT_ITEM_REPAIR), &data,
                                      &size) == AIDTEXT_ERR_OUT_OF_RANGE);
  BOOST_TEST(aidtext_result_item_json(r, static_cast<aidtext_item>(42), 0, &data, &size) ==
             AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_result_count(r, static_cast<aidtext_item>(42)) == 0u);
  BOOST_TEST(aidtext_result_item_json(r, AIDTEXT_ITEM_REPAIR, 0, nullptr, &size) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_result_text(r, nullptr, &size) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_result_encoding(r, nullptr) == AIDTEXT_ERR_INVALID_ARGUMENT);
  aidtext_repeat rt = init<aidtext_repeat>();
  rt.struct_size = 0;
  BOOST_TEST(aidtext_result_repeat(r, 0, &rt) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_result_repeat(r, 0, nullptr) == AIDTEXT_ERR_INVALID_ARGUMENT);
  aidtext_result_free(r);

  BOOST_REQUIRE_EQUAL(aidtext_quantities(f.engine, kSentence.data(), kSentence.size(), &r), AIDTEXT_OK);
  BOOST_TEST(aidtext_result_item_json(r, AIDTEXT_ITEM_METRIC, 0, &data, &size) == AIDTEXT_ERR_NOT_AVAILABLE);
  const size_t n = aidtext_result_count(r, AIDTEXT_ITEM_QUANTITY);
  BOOST_TEST(aidtext_result_item_json(r, AIDTEXT_ITEM_QUANTITY, n, &data, &size) == AIDTEXT_ERR_OUT_OF_RANGE);
  aidtext_quantity q = init<aidtext_quantity>();
  BOOST_TEST(aidtext_result_quantity(r, n, &q) == AIDTEXT_ERR_OUT_OF_RANGE);
  aidtext_result_free(r);
}

BOOST_AUTO_TEST_CASE(result_json_has_the_documented_shape) {
  EngineFixture f;
  struct Call {
    const char* name;
    bool quantities, metrics;
  };
  for (const Call& c : {Call{"normalize", false, false}, Call{"quantities", true, false}, Call{"extract", true, true}}) {
    aidtext_result* r = nullptr;
    std::string_view name = c.name;
    aidtext_status st = name == "normalize"    ? aidtext_normalize(f.engine, kSentence.data(), kSentence.size(), &r)
                        : name == "quantities" ? aidtext_quantities(f.engine, kSentence.data(), kSentence.size(), &r)
                                               : aidtext_extract(f.engine, kSentence.data(), kSentence.size(), "2019", &r);
    BOOST_REQUIRE_EQUAL(st, AIDTEXT_OK);
    const char* data;
    size_t size;
    BOOST_REQUIRE_EQUAL(aidtext_result_json(r, &data, &size), AIDTEXT_OK);
    const char* again;
    size_t again_size;
    BOOST_REQUIRE_EQUAL(aidtext_result_json(r, &again, &again_size), AIDTEXT_OK);
    BOOST_TEST(again == data);  // built once, borrowed after
    json::Value v = parse_json({data, size});
    BOOST_REQUIRE(v.is_object());
    BOOST_REQUIRE(v.find("text") && v.find("text")->is_string());
    BOOST_TEST(v.find("text")->text == text_of(r));
    BOOST_TEST(v.find("encoding") != nullptr);
    BOOST_TEST(v.find("report") != nullptr);
    BOOST_TEST((v.find("repairs") && v.find("repairs")->type == json::Value::Type::kArray));
    BOOST_TEST((v.find("repeats") && v.find("repeats")->type == json::Value::Type::kArray));
    BOOST_TEST((v.find("quantities") != nullptr) == c.quantities, name);
    BOOST_TEST((v.find("metrics") != nullptr) == c.metrics, name);
    if (c.quantities)
      BOOST_TEST(v.find("quantities")->items.size() == aidtext_result_count(r, AIDTEXT_ITEM_QUANTITY));
    if (c.metrics) BOOST_TEST(v.find("metrics")->items.size() == aidtext_result_count(r, AIDTEXT_ITEM_METRIC));
    aidtext_result_free(r);
  }
}

BOOST_AUTO_TEST_CASE(source_range_checks_its_range) {
  EngineFixture f;
  aidtext_result* r = nullptr;
  const std::string in = "plain ascii text";
  BOOST_REQUIRE_EQUAL(aidtext_normalize(f.engine, in.data(), in.size(), &r), AIDTEXT_OK);
  std::string_view t = text_of(r);
  size_t b = 0, e = 0;
  const size_t at = t.find("ascii");
  BOOST_REQUIRE(at != std::string_view::npos);
  BOOST_REQUIRE_EQUAL(aidtext_result_source_range(r, at, at + 5, &b, &e), AIDTEXT_OK);
  BOOST_TEST(in.substr(b, e - b) == "ascii");
  BOOST_TEST(aidtext_result_source_range(r, 0, t.size() + 1, &b, &e) == AIDTEXT_ERR_OUT_OF_RANGE);
  BOOST_TEST(aidtext_result_source_range(r, 5, 4, &b, &e) == AIDTEXT_ERR_OUT_OF_RANGE);
  BOOST_TEST(aidtext_result_source_range(r, 0, 1, nullptr, &e) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_REQUIRE_EQUAL(aidtext_result_source_range(r, t.size(), t.size(), &b, &e), AIDTEXT_OK);
  BOOST_TEST(b == e);
  aidtext_result_free(r);
}

// The source range of normalized bytes [a, b) computed from a copy of the map's
// pieces by the rule aidtext.h documents for aidtext_result_map_pieces().
std::pair<size_t, size_t> range_from_pieces(const std::vector<aidtext_map_piece>& pieces, size_t text_size,
                                            size_t at_end, size_t a, size_t b) {
  if (a == text_size) return {at_end, at_end};
  auto holding = [&](size_t pos) -> const aidtext_map_piece& {
    auto it = std::upper_bound(pieces.begin(), pieces.end(), pos,
                               [](size_t p, const aidtext_map_piece& m) { return p < m.out_start; });
    return *(it - 1);
  };
  const aidtext_map_piece& first = holding(a);
  size_t begin = first.linear ? first.in_start + (a - first.out_start) : first.in_start;
  if (a == b) {
    const size_t at = (!first.linear && a != first.out_start) ? first.in_end : begin;  // inside a block: after it
    return {at, at};
  }
  const aidtext_map_piece& last = holding(b - 1);
  size_t end = last.linear ? last.in_start + (b - last.out_start) : last.in_end;
  if (end < begin) std::swap(begin, end);
  return {begin, end};
}

// Every piece in one call, and in chunks of `chunk`; both must agree.
std::vector<aidtext_map_piece> all_pieces(const aidtext_result* r, size_t chunk) {
  const size_t n = aidtext_result_map_piece_count(r);
  std::vector<aidtext_map_piece> pieces(n, init<aidtext_map_piece>());
  for (size_t first = 0; first < n; first += chunk) {
    size_t written = 0;
    BOOST_REQUIRE_EQUAL(aidtext_result_map_pieces(r, first, pieces.data() + first, chunk, &written), AIDTEXT_OK);
    BOOST_REQUIRE_EQUAL(written, std::min(chunk, n - first));
  }
  return pieces;
}

BOOST_AUTO_TEST_CASE(map_pieces_answer_like_source_range) {
  EngineFixture f;
  const std::string inputs[] = {
      kSentence, kSentenceGbk, "plain ascii text", "",
      "第一段贫困人口2万人。\r\n\r\n第二段&#13;&#10;脱贫3000户。\r",
      "贫困人口&nbsp;减至２.８９&#x4E07;人&amp;户，ＡＢＣ　共计１２３户。",
      "截至2018年底，渭源縣貧困人口減至2.89萬人。扶贫协(xié)作资金6686万元",
      "\xff\xfe\x80 \xe8\xb4\xab\xe5 2.89\xe4\xb8\x87\xe4\xba\xba\xe2\x80\x8b\xef\xbb\xbf尾",
      std::string("\xef\xbb\xbf", 3) + "甲县贫困人口减至2万人。\n\n甲县贫困人口减至2万人。\n\n",
  };
  for (const std::string& in : inputs) {
    aidtext_result* r = nullptr;
    BOOST_REQUIRE_EQUAL(aidtext_normalize(f.engine, in.data(), in.size(), &r), AIDTEXT_OK);
    const std::string_view t = text_of(r);
    const std::vector<aidtext_map_piece> pieces = all_pieces(r, 1000);
    const std::vector<aidtext_map_piece> chunked = all_pieces(r, 3);
    BOOST_TEST(pieces.size() <= t.size());
    BOOST_TEST((pieces.empty() == t.empty()));
    size_t out_at = 0, in_at = 0;
    for (size_t k = 0; k < pieces.size(); ++k) {
      const aidtext_map_piece& p = pieces[k];
      BOOST_TEST(p.struct_size == sizeof(aidtext_map_piece));
      BOOST_TEST(p.out_start == out_at, "pieces cover the text without gaps");
      BOOST_TEST(p.out_end > p.out_start);
      BOOST_TEST(p.in_start >= in_at, "input spans go forward");
      BOOST_TEST(p.in_end >= p.in_start);
      BOOST_TEST(p.in_end <= in.size());
      if (p.linear) BOOST_TEST(p.out_end - p.out_start == p.in_end - p.in_start);
      const aidtext_map_piece& c = chunked[k];
      BOOST_TEST((p.out_start == c.out_start && p.out_end == c.out_end && p.in_start == c.in_start &&
                  p.in_end == c.in_end && p.linear == c.linear));
      out_at = p.out_end;
      in_at = p.in_end;
    }
    BOOST_TEST(out_at == t.size());
    size_t at_end = 0, unused = 0;
    BOOST_REQUIRE_EQUAL(aidtext_result_source_range(r, t.size(), t.size(), &at_end, &unused), AIDTEXT_OK);
    for (size_t a = 0; a <= t.size(); ++a) {
      for (size_t b = a; b <= t.size(); ++b) {
        size_t s = 0, e = 0;
        BOOST_REQUIRE_EQUAL(aidtext_result_source_range(r, a, b, &s, &e), AIDTEXT_OK);
        const auto copy = range_from_pieces(pieces, t.size(), at_end, a, b);
        BOOST_TEST((copy == std::pair<size_t, size_t>(s, e)), "[" << a << ", " << b << ") of " << in);
      }
    }
    aidtext_result_free(r);
  }
}

BOOST_AUTO_TEST_CASE(map_pieces_checks_its_arguments) {
  EngineFixture f;
  aidtext_result* r = nullptr;
  const std::string in = "渭源縣貧困人口減至２.８９萬人&amp;尾";
  BOOST_REQUIRE_EQUAL(aidtext_normalize(f.engine, in.data(), in.size(), &r), AIDTEXT_OK);
  const size_t n = aidtext_result_map_piece_count(r);
  BOOST_REQUIRE(n >= 3u);
  aidtext_map_piece out[2] = {init<aidtext_map_piece>(), init<aidtext_map_piece>()};
  size_t written = 99;
  BOOST_TEST(aidtext_result_map_pieces(nullptr, 0, out, 2, &written) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(written == 0u);
  BOOST_TEST(aidtext_result_map_piece_count(nullptr) == 0u);
  auto* not_a_result = reinterpret_cast<aidtext_result*>(f.engine);  // a handle of the wrong type
  BOOST_TEST(aidtext_result_map_pieces(not_a_result, 0, out, 2, &written) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(aidtext_result_map_piece_count(not_a_result) == 0u);
  BOOST_TEST(aidtext_result_map_pieces(r, 0, out, 2, nullptr) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_result_map_pieces(r, 0, nullptr, 2, &written) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_result_map_pieces(r, n + 1, out, 2, &written) == AIDTEXT_ERR_OUT_OF_RANGE);
  BOOST_TEST(std::string(aidtext_last_error()).find("past the") != std::string::npos);
  BOOST_TEST(aidtext_result_map_pieces(r, n, out, 2, &written) == AIDTEXT_OK);
  BOOST_TEST(written == 0u);
  BOOST_TEST(aidtext_result_map_pieces(r, 0, nullptr, 0, &written) == AIDTEXT_OK);
  BOOST_TEST(written == 0u);
  aidtext_map_piece unset{};
  BOOST_TEST(aidtext_result_map_pieces(r, 0, &unset, 1, &written) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_result_map_pieces(r, n, &unset, 1, &written) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(unset.out_end == 0u);
  // The last pieces: fewer than asked for.
  BOOST_TEST(aidtext_result_map_pieces(r, n - 1, out, 2, &written) == AIDTEXT_OK);
  BOOST_TEST(written == 1u);
  BOOST_TEST(out[0].out_end == text_of(r).size());

  // An older program's shorter struct: the stride is its size, and only the
  // fields it has are written.
  struct OldPiece {
    size_t struct_size, out_start, out_end;
  };
  OldPiece old[3] = {{sizeof(OldPiece), 0, 0}, {77, 77, 77}, {77, 77, 77}};
  std::vector<aidtext_map_piece> full(n, init<aidtext_map_piece>());
  BOOST_REQUIRE_EQUAL(aidtext_result_map_pieces(r, 0, full.data(), n, &written), AIDTEXT_OK);
  BOOST_REQUIRE_EQUAL(aidtext_result_map_pieces(r, 0, reinterpret_cast<aidtext_map_piece*>(old), 3, &written),
                      AIDTEXT_OK);
  for (size_t k = 0; k < 3; ++k) {
    BOOST_TEST(old[k].struct_size == sizeof(OldPiece));
    BOOST_TEST(old[k].out_start == full[k].out_start);
    BOOST_TEST(old[k].out_end == full[k].out_end);
  }
  // A newer program's longer struct: the tail the library does not know stays.
  struct NewPiece {
    aidtext_map_piece known;
    size_t future;
  };
  NewPiece newer[2] = {{init<aidtext_map_piece>(), 55}, {init<aidtext_map_piece>(), 55}};
  newer[0].known.struct_size = sizeof(NewPiece);
  BOOST_REQUIRE_EQUAL(aidtext_result_map_pieces(r, 1, &newer[0].known, 2, &written), AIDTEXT_OK);
  for (size_t k = 0; k < 2; ++k) {
    BOOST_TEST(newer[k].known.struct_size == sizeof(NewPiece));
    BOOST_TEST(newer[k].known.in_end == full[k + 1].in_end);
    BOOST_TEST(newer[k].future == 55u);
  }
  aidtext_result_free(r);
}

BOOST_AUTO_TEST_CASE(gbk_provenance_points_at_the_original_bytes, *boost::unit_test::precondition(GbkDetected())) {
  EngineFixture f;
  aidtext_result* r = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_normalize(f.engine, kSentenceGbk.data(), kSentenceGbk.size(), &r), AIDTEXT_OK);
  std::string_view t = text_of(r);
  BOOST_TEST(t == kSentence);
  const size_t wan = t.find("万");
  BOOST_REQUIRE(wan != std::string_view::npos);
  size_t b = 0, e = 0;
  BOOST_REQUIRE_EQUAL(aidtext_result_source_range(r, wan, wan + 3, &b, &e), AIDTEXT_OK);
  BOOST_TEST(kSentenceGbk.substr(b, e - b) == "\xcd\xf2");  // 万 in GBK
  const size_t digits = t.find("2.89");
  BOOST_REQUIRE_EQUAL(aidtext_result_source_range(r, digits, digits + 4, &b, &e), AIDTEXT_OK);
  BOOST_TEST(kSentenceGbk.substr(b, e - b) == "2.89");
  aidtext_result_free(r);
}

// A GBK line of CJK characters only: the library keeps its map as one run
// of blocks, but hands it out as before, one block a character, whether
// in one call or in chunks from any `first`, from several threads at once.
BOOST_AUTO_TEST_CASE(gbk_pieces_are_handed_out_per_character, *boost::unit_test::precondition(GbkDetected())) {
  EngineFixture f;
  const std::string line = "渭源县贫困人口减至二万人扶贫协作资金项目建设全面小康社会脱贫攻坚战取得决定性胜利";
  const std::string gbk =
      "\xce\xbc\xd4\xb4\xcf\xd8\xc6\xb6\xc0\xa7\xc8\xcb\xbf\xda\xbc\xf5\xd6\xc1\xb6\xfe\xcd\xf2\xc8\xcb\xb7\xf6"
      "\xc6\xb6\xd0\xad\xd7\xf7\xd7\xca\xbd\xf0\xcf\xee\xc4\xbf\xbd\xa8\xc9\xe8\xc8\xab\xc3\xe6\xd0\xa1\xbf\xb5"
      "\xc9\xe7\xbb\xe1\xcd\xd1\xc6\xb6\xb9\xa5\xbc\xe1\xd5\xbd\xc8\xa1\xb5\xc3\xbe\xf6\xb6\xa8\xd0\xd4\xca\xa4"
      "\xc0\xfb";
  const size_t chars = 40;
  BOOST_REQUIRE_EQUAL(gbk.size(), 2 * chars);
  aidtext_result* r = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_normalize(f.engine, gbk.data(), gbk.size(), &r), AIDTEXT_OK);
  BOOST_REQUIRE(text_of(r) == line);
  // Several threads ask at once (the index of a run's units is built once).
  std::vector<std::thread> threads;
  std::vector<size_t> counts(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] { counts[t] = aidtext_result_map_piece_count(r); });
  for (auto& th : threads) th.join();
  for (size_t c : counts) BOOST_TEST(c == chars);
  const std::vector<aidtext_map_piece> pieces = all_pieces(r, chars);
  BOOST_REQUIRE_EQUAL(pieces.size(), chars);
  for (size_t k = 0; k < chars; ++k) {
    BOOST_TEST(pieces[k].out_start == 3 * k);
    BOOST_TEST(pieces[k].out_end == 3 * k + 3);
    BOOST_TEST(pieces[k].in_start == 2 * k);
    BOOST_TEST(pieces[k].in_end == 2 * k + 2);
    BOOST_TEST(pieces[k].linear == 0);
  }
  for (size_t chunk : {1u, 2u, 3u, 7u, 39u}) {
    const std::vector<aidtext_map_piece> c = all_pieces(r, chunk);
    for (size_t k = 0; k < chars; ++k)
      BOOST_TEST((c[k].out_start == pieces[k].out_start && c[k].out_end == pieces[k].out_end &&
                  c[k].in_start == pieces[k].in_start && c[k].in_end == pieces[k].in_end &&
                  c[k].linear == pieces[k].linear));
  }
  // Any `first`, a capacity past the end, first == count, first > count.
  for (size_t first = 0; first <= chars; ++first) {
    std::vector<aidtext_map_piece> out(5, init<aidtext_map_piece>());
    size_t written = 99;
    BOOST_REQUIRE_EQUAL(aidtext_result_map_pieces(r, first, out.data(), out.size(), &written), AIDTEXT_OK);
    BOOST_REQUIRE_EQUAL(written, std::min<size_t>(5, chars - first));
    for (size_t k = 0; k < written; ++k) BOOST_TEST(out[k].in_start == pieces[first + k].in_start);
  }
  aidtext_map_piece one = init<aidtext_map_piece>();
  size_t written = 99;
  BOOST_TEST(aidtext_result_map_pieces(r, chars + 1, &one, 1, &written) == AIDTEXT_ERR_OUT_OF_RANGE);
  aidtext_result_free(r);
}

BOOST_AUTO_TEST_CASE(quantity_records_point_at_original_bytes, *boost::unit_test::precondition(RecognizerWorks())) {
  EngineFixture f;
  // GBK input when the decoder handles it, so offsets differ from the text's.
  for (const std::string* in : {&kSentence, &kSentenceGbk}) {
    aidtext_result* r = nullptr;
    BOOST_REQUIRE_EQUAL(aidtext_quantities(f.engine, in->data(), in->size(), &r), AIDTEXT_OK);
    const size_t n = aidtext_result_count(r, AIDTEXT_ITEM_QUANTITY);
    bool found = false;
    for (size_t i = 0; i < n; ++i) {
      aidtext_quantity q = init<aidtext_quantity>();
      BOOST_REQUIRE_EQUAL(aidtext_result_quantity(r, i, &q), AIDTEXT_OK);
      if (std::string_view(q.text) != "2.89万人") continue;
      found = true;
      BOOST_TEST(std::string(q.value_text) == "28900");
      BOOST_TEST(q.value == 28900.0);
      BOOST_TEST(std::string(q.kind) == "quantity");
      BOOST_TEST((q.unit && std::string(q.unit) == "person"));
      BOOST_REQUIRE(q.end > q.start);
      BOOST_REQUIRE(q.end <= in->size());
      const std::string expected = in == &kSentence ? "2.89万人" : "2.89\xcd\xf2\xc8\xcb";
      BOOST_TEST(in->substr(q.start, q.end - q.start) == expected);
      // The JSON record says the same.
      const char* data;
      size_t size;
      BOOST_REQUIRE_EQUAL(aidtext_result_item_json(r, AIDTEXT_ITEM_QUANTITY, i, &data, &size), AIDTEXT_OK);
      json::Value v = parse_json({data, size});
      BOOST_TEST(v.find("value")->text == "28900");
      BOOST_TEST(v.find("start")->text == std::to_string(q.start));
      BOOST_TEST(v.find("end")->text == std::to_string(q.end));
      BOOST_TEST(v.find("value_high")->type == json::Value::Type::kNull);
    }
    BOOST_TEST(found);
    aidtext_result_free(r);
  }
}

// Markup is removed, counted in the report, and a quantity found after tags
// points at its own input bytes; with "markup" off the tags stay.
BOOST_AUTO_TEST_CASE(markup_is_stripped_and_records_point_past_it, *boost::unit_test::precondition(RecognizerWorks())) {
  const std::string in = "<p>贫困人口减少<b>1.2万人</b></p>";
  for (const char* setting : {"on", "off"}) {
    const bool on = std::string_view(setting) == "on";
    aidtext_options* o = nullptr;
    BOOST_REQUIRE_EQUAL(aidtext_options_new(&o), AIDTEXT_OK);
    BOOST_REQUIRE_EQUAL(aidtext_options_set(o, "markup", setting), AIDTEXT_OK);
    aidtext_engine* e = nullptr;
    BOOST_REQUIRE_EQUAL(aidtext_engine_new(o, &e), AIDTEXT_OK);
    aidtext_options_free(o);
    aidtext_result* r = nullptr;
    BOOST_REQUIRE_EQUAL(aidtext_quantities(e, in.data(), in.size(), &r), AIDTEXT_OK);
    BOOST_TEST(text_of(r) == (on ? std::string("贫困人口减少1.2万人\n") : in), setting);
    bool found = false;
    for (size_t i = 0; i < aidtext_result_count(r, AIDTEXT_ITEM_QUANTITY); ++i) {
      aidtext_quantity q = init<aidtext_quantity>();
      BOOST_REQUIRE_EQUAL(aidtext_result_quantity(r, i, &q), AIDTEXT_OK);
      if (std::string_view(q.text) != "1.2万人") continue;
      found = true;
      BOOST_TEST(std::string(q.value_text) == "12000");
      BOOST_TEST(q.start == in.find("1.2万人"));
      BOOST_TEST(q.end == in.find("</b>"));
    }
    BOOST_TEST(found, setting);
    const char* data;
    size_t size;
    BOOST_REQUIRE_EQUAL(aidtext_result_json(r, &data, &size), AIDTEXT_OK);
    json::Value v = parse_json({data, size});
    const json::Value* removed = v.find("report") ? v.find("report")->find("markup_removed") : nullptr;
    BOOST_REQUIRE(removed != nullptr);
    BOOST_TEST(removed->text == (on ? "4" : "0"));
    aidtext_result_free(r);
    aidtext_engine_free(e);
  }
}

BOOST_AUTO_TEST_CASE(metric_records_point_at_original_bytes, *boost::unit_test::precondition(RecognizerWorks())) {
  EngineFixture f;
  for (const std::string* in : {&kSentence, &kSentenceGbk}) {
    aidtext_result* r = nullptr;
    BOOST_REQUIRE_EQUAL(aidtext_extract(f.engine, in->data(), in->size(), "2019", &r), AIDTEXT_OK);
    const size_t n = aidtext_result_count(r, AIDTEXT_ITEM_METRIC);
    for (size_t i = 0; i < n; ++i) {
      aidtext_metric m = init<aidtext_metric>();
      BOOST_REQUIRE_EQUAL(aidtext_result_metric(r, i, &m), AIDTEXT_OK);
      BOOST_REQUIRE(m.end <= in->size());
      BOOST_REQUIRE(m.start <= m.end);
      // The record's own text, re-encoded as the input was, is what the offsets cover.
      if (std::string_view(m.text) == "2.89万人") {
        const std::string expected = in == &kSentence ? "2.89万人" : "2.89\xcd\xf2\xc8\xcb";
        BOOST_TEST(in->substr(m.start, m.end - m.start) == expected);
        BOOST_TEST(std::string(m.value_text) == "28900");
      }
      const char* data;
      size_t size;
      BOOST_REQUIRE_EQUAL(aidtext_result_item_json(r, AIDTEXT_ITEM_METRIC, i, &data, &size), AIDTEXT_OK);
      json::Value v = parse_json({data, size});
      BOOST_TEST(v.find("start")->text == std::to_string(m.start));
      BOOST_TEST(v.find("metric")->text == m.metric);
      BOOST_TEST(v.find("value")->text == m.value_text);
    }
    aidtext_result_free(r);
  }
}

BOOST_AUTO_TEST_CASE(smaller_struct_size_fills_only_what_fits, *boost::unit_test::precondition(RecognizerWorks())) {
  EngineFixture f;
  aidtext_result* r = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_quantities(f.engine, kSentence.data(), kSentence.size(), &r), AIDTEXT_OK);
  BOOST_REQUIRE(aidtext_result_count(r, AIDTEXT_ITEM_QUANTITY) > 0);
  // An "older" caller that knows the fields up to `end` only.
  aidtext_quantity q;
  std::memset(&q, 0xAB, sizeof q);
  q.struct_size = offsetof(aidtext_quantity, value);
  BOOST_REQUIRE_EQUAL(aidtext_result_quantity(r, 0, &q), AIDTEXT_OK);
  BOOST_TEST(q.struct_size == offsetof(aidtext_quantity, value));
  BOOST_TEST(q.kind != nullptr);
  BOOST_TEST(q.end > q.start);
  unsigned char tail[sizeof q - offsetof(aidtext_quantity, value)];
  std::memcpy(tail, reinterpret_cast<const unsigned char*>(&q) + offsetof(aidtext_quantity, value), sizeof tail);
  for (unsigned char c : tail) BOOST_REQUIRE_EQUAL(c, 0xAB);  // untouched
  // A "newer" caller with a larger struct gets every field and no overrun.
  struct Bigger {
    aidtext_quantity q;
    unsigned char extra[16];
  } big;
  std::memset(&big, 0xCD, sizeof big);
  big.q.struct_size = sizeof big;
  BOOST_REQUIRE_EQUAL(aidtext_result_quantity(r, 0, &big.q), AIDTEXT_OK);
  BOOST_TEST(big.q.value_text != nullptr);
  for (unsigned char c : big.extra) BOOST_REQUIRE_EQUAL(c, 0xCD);
  aidtext_result_free(r);
}

BOOST_AUTO_TEST_CASE(csv_headers_and_rows) {
  BOOST_TEST(std::string(aidtext_csv_header(AIDTEXT_ITEM_METRIC)) ==
             "metric,value,unit,approx,change,time,place,text,start,end,sentence,guessed\r\n");
  BOOST_TEST(std::string(aidtext_csv_header(AIDTEXT_ITEM_QUANTITY)) ==
             "kind,text,start,end,value,value_high,unit,classifier,approx,date,error,guessed\r\n");
  BOOST_TEST(std::string(aidtext_csv_header(static_cast<aidtext_item>(0))) == "");
  EngineFixture f;
  aidtext_result* r = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_quantities(f.engine, kSentence.data(), kSentence.size(), &r), AIDTEXT_OK);
  for (size_t i = 0; i < aidtext_result_count(r, AIDTEXT_ITEM_QUANTITY); ++i) {
    const char* data;
    size_t size;
    BOOST_REQUIRE_EQUAL(aidtext_result_item_csv(r, AIDTEXT_ITEM_QUANTITY, i, &data, &size), AIDTEXT_OK);
    std::string_view row(data, size);
    BOOST_TEST(row.size() >= 2);
    BOOST_TEST(row.substr(row.size() - 2) == "\r\n");
  }
  aidtext_result_free(r);
}

BOOST_AUTO_TEST_CASE(last_error_is_per_thread) {
  aidtext_options* o = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_options_new(&o), AIDTEXT_OK);
  BOOST_REQUIRE_EQUAL(aidtext_options_set(o, "no_such_key", "1"), AIDTEXT_ERR_UNKNOWN_OPTION);
  std::string other;
  std::thread([&] { other = aidtext_last_error(); }).join();
  BOOST_TEST(other == "");
  BOOST_TEST(std::string(aidtext_last_error()).find("no_such_key") != std::string::npos);
  aidtext_options_free(o);
}

BOOST_AUTO_TEST_CASE(one_engine_many_threads) {
  EngineFixture f;
  const std::string in = kSentence + "\n" + kSentence + "\n去年落实帮扶资金6686万元。";
  aidtext_result* ref = nullptr;
  BOOST_REQUIRE_EQUAL(aidtext_extract(f.engine, in.data(), in.size(), "2019", &ref), AIDTEXT_OK);
  const char* ref_json;
  size_t ref_size;
  BOOST_REQUIRE_EQUAL(aidtext_result_json(ref, &ref_json, &ref_size), AIDTEXT_OK);
  const std::string expected(ref_json, ref_size);
  aidtext_result_free(ref);
  std::vector<int> same(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 25; ++k) {
        aidtext_result* r = nullptr;
        if (aidtext_extract(f.engine, in.data(), in.size(), "2019", &r) != AIDTEXT_OK) return;
        const char* d;
        size_t s;
        if (aidtext_result_json(r, &d, &s) == AIDTEXT_OK && std::string(d, s) == expected) ++same[t];
        aidtext_result_free(r);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) BOOST_TEST(same[t] == 25);
}
