// The header-only C++ API (aidtext.hpp) over libaidtext.so.
#define BOOST_TEST_MODULE cpp_api
#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

#include "aidtext/aidtext.hpp"

BOOST_AUTO_TEST_CASE(errors_carry_status_and_message) {
  aidtext::Options opt;
  try {
    opt.set("convert", "klingon");
    BOOST_FAIL("no exception");
  } catch (const aidtext::Error& e) {
    BOOST_TEST(e.status() == AIDTEXT_ERR_INVALID_ARGUMENT);
    BOOST_TEST(std::string(e.what()).find("klingon") != std::string::npos);
  }
  BOOST_CHECK_THROW(opt.set("nope", "on"), aidtext::Error);
  BOOST_CHECK_THROW(opt.rules_file("/nonexistent/rules"), aidtext::Error);
  aidtext::Engine engine;
  BOOST_CHECK_THROW(engine.extract("x", "May 2019"), aidtext::Error);
  aidtext::Result r = engine.normalize("abc");
  BOOST_CHECK_THROW(r.item_json(AIDTEXT_ITEM_METRIC, 0), aidtext::Error);
  BOOST_CHECK_THROW(r.source_range(0, 99), aidtext::Error);
}

BOOST_AUTO_TEST_CASE(calls_and_records) {
  aidtext::Options opt;
  opt.set("convert", "t2s").set("repair", "on");
  aidtext::Engine engine(opt);
  aidtext::Result r = engine.extract("贫困人口减至2.89万人。", "2019");
  BOOST_TEST(r.text().find("2.89") != std::string_view::npos);
  BOOST_TEST(!r.encoding().empty());
  BOOST_TEST(r.quantities().size() == r.count(AIDTEXT_ITEM_QUANTITY));
  BOOST_TEST(r.metrics().size() == r.count(AIDTEXT_ITEM_METRIC));
  for (const aidtext::Quantity& q : r.quantities()) {
    BOOST_TEST(q.end >= q.start);
    BOOST_TEST(!q.value_text.empty());
  }
  BOOST_TEST(r.json().front() == '{');
  BOOST_TEST(aidtext::csv_header(AIDTEXT_ITEM_METRIC).substr(0, 7) == "metric,");
  BOOST_TEST(aidtext::version() == AIDTEXT_VERSION_STRING);
}

BOOST_AUTO_TEST_CASE(out_of_range_quantity_has_an_error_and_no_value) {
  aidtext::Engine engine;
  aidtext::Result r = engine.quantities("资金99999999999999999999999元，另有3万元。");
  std::vector<aidtext::Quantity> qs = r.quantities();
  BOOST_REQUIRE_EQUAL(qs.size(), 2u);
  BOOST_TEST((qs[0].error && *qs[0].error == "out_of_range"));
  BOOST_TEST(qs[0].value_text.empty());
  BOOST_TEST(qs[0].value != qs[0].value);  // NaN
  BOOST_TEST(!qs[1].error);
  BOOST_TEST(qs[1].value_text == "30000");
}

BOOST_AUTO_TEST_CASE(handles_move_and_free_once) {
  aidtext::Engine a;
  aidtext::Engine b(std::move(a));
  BOOST_TEST(a.get() == nullptr);
  BOOST_TEST(b.get() != nullptr);
  aidtext::Result r1 = b.normalize("一");
  aidtext::Result r2 = b.normalize("二");
  r1 = std::move(r2);
  BOOST_TEST(r1.text() == "二");
  // Using a moved-from handle is an error, not a crash.
  BOOST_CHECK_THROW(a.normalize("x"), aidtext::Error);
}

BOOST_AUTO_TEST_CASE(map_pieces_copy_the_provenance_map) {
  aidtext::Engine engine;
  const std::string in = "渭源縣貧困人口&nbsp;減至２.８９萬人。\r\n尾";
  aidtext::Result r = engine.normalize(in);
  const std::vector<aidtext::MapPiece> pieces = r.map_pieces();
  BOOST_REQUIRE(!pieces.empty());
  BOOST_TEST(pieces.front().out_start == 0u);
  BOOST_TEST(pieces.back().out_end == r.text().size());
  for (size_t k = 0; k + 1 < pieces.size(); ++k) BOOST_TEST(pieces[k].out_end == pieces[k + 1].out_start);
  // Each piece as a whole maps as source_range() says.
  for (const aidtext::MapPiece& p : pieces) {
    BOOST_TEST((r.source_range(p.out_start, p.out_end) == std::pair<size_t, size_t>(p.in_start, p.in_end)));
    // Linear: byte for byte, though not always the same bytes (縣 -> 县).
    if (p.linear) BOOST_TEST(p.out_end - p.out_start == p.in_end - p.in_start);
  }
  BOOST_TEST(engine.normalize("").map_pieces().empty());
}
