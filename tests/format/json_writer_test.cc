// JSON and CSV of every record type, in the formats of the spec.
#define BOOST_TEST_MODULE format_records
#include <boost/test/unit_test.hpp>

#include <string>

#include "format/csv_writer.h"
#include "format/json_reader.h"
#include "format/json_writer.h"

// Lets Boost.Test print a value type in a failed assertion.
namespace aidtext::json {
inline std::ostream& operator<<(std::ostream& os, Value::Type t) { return os << static_cast<int>(t); }
}  // namespace aidtext::json

using namespace aidtext;

namespace {

// "约2.89万人" as normalized text of a shorter input: the quantity's bytes
// [0, 12) came from input [3, 10) as one block, so offsets must be mapped.
NormalizedText mapped_text() {
  NormalizedText t;
  t.text = "约2.89万人";  // 3 + 4 + 3 + 3 = 13 bytes
  t.map.append(0, 13, 3, 7, /*block=*/true);
  t.map.set_input_size(12);
  t.report.encoding = "GB18030";
  return t;
}

}  // namespace

BOOST_AUTO_TEST_CASE(quantity_json_has_every_field_in_order) {
  NormalizedText t = mapped_text();
  Quantity q;
  q.kind = QuantityKind::kQuantity;
  q.span = {0, 13};
  q.value = Decimal(28900);
  q.unit = "person";
  q.approx = Approx::kAbout;
  std::string out;
  json::append_quantity(out, q, t);
  BOOST_TEST(out ==
             R"({"kind":"quantity","text":"约2.89万人","start":3,"end":10,"value":28900,"value_high":null,)"
             R"("unit":"person","classifier":null,"approx":"about","date":null})");
  // A number too large to hold: "value" null and one more key, "error".
  q.error = NumeralError::kOutOfRange;
  out.clear();
  json::append_quantity(out, q, t);
  BOOST_TEST(out ==
             R"({"kind":"quantity","text":"约2.89万人","start":3,"end":10,"value":null,"value_high":null,)"
             R"("unit":"person","classifier":null,"approx":"about","date":null,"error":"out_of_range"})");
}

BOOST_AUTO_TEST_CASE(exact_decimal_values) {
  NormalizedText t = mapped_text();
  Quantity q;
  q.span = {0, 13};
  q.value = Decimal(905, -2);
  q.value_high = Decimal(56, 7);
  std::string out;
  json::append_quantity(out, q, t);
  BOOST_TEST(out.find("\"value\":9.05,") != std::string::npos, out);
  BOOST_TEST(out.find("\"value_high\":560000000,") != std::string::npos, out);
  q.value = Decimal(81, 2);
  out.clear();
  json::append_quantity(out, q, t);
  BOOST_TEST(out.find("\"value\":8100,") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(a_span_past_the_text_is_clamped) {
  NormalizedText t = mapped_text();
  Quantity q;
  q.span = {10, 500};
  std::string out;
  json::append_quantity(out, q, t);
  BOOST_TEST(out.find("\"text\":\"人\"") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(date_records) {
  NormalizedText t;
  t.text = "2018年底";
  t.map = OffsetMap::identity(static_cast<uint32_t>(t.text.size()));
  Quantity q;
  q.kind = QuantityKind::kDate;
  q.span = {0, static_cast<uint32_t>(t.text.size())};
  q.value = Decimal(2018);
  q.date = "2018";
  std::string out;
  json::append_quantity(out, q, t);
  BOOST_TEST(out.find("\"kind\":\"date\"") != std::string::npos);
  BOOST_TEST(out.find("\"date\":\"2018\"") != std::string::npos);
  BOOST_TEST(out.find("\"start\":0,\"end\":" + std::to_string(t.text.size())) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(metric_json_and_csv) {
  MetricRecord m;
  m.metric = "aid_funds";
  m.value = Decimal(66860000);
  m.unit = "CNY";
  m.change = "total";
  m.time = "2019";
  m.place = "渭源县";
  m.text = "6686万元";
  m.source = {120, 132};
  m.sentence = "渭源县落实帮扶资金6686万元，\"重点\"项目";
  std::string out;
  json::append_metric(out, m);
  BOOST_TEST(out == R"({"metric":"aid_funds","value":66860000,"unit":"CNY","approx":null,"change":"total",)"
                    R"("time":"2019","place":"渭源县","text":"6686万元","start":120,"end":132,)"
                    R"("sentence":"渭源县落实帮扶资金6686万元，\"重点\"项目"})");
  std::string row;
  csv::append_metric(row, m);
  BOOST_TEST(row == "aid_funds,66860000,CNY,,total,2019,渭源县,6686万元,120,132,"
                    "\"渭源县落实帮扶资金6686万元，\"\"重点\"\"项目\",0\r\n");
  // Guessed: one more key in JSON, 1 in the last CSV column.
  m.guessed = true;
  out.clear();
  json::append_metric(out, m);
  BOOST_TEST(out.ends_with(R"("sentence":"渭源县落实帮扶资金6686万元，\"重点\"项目","guessed":true})"), out);
  row.clear();
  csv::append_metric(row, m);
  BOOST_TEST(row.ends_with("\"\"项目\",1\r\n"), row);
  m.guessed = false;
  m.time.reset();
  m.place.reset();
  m.approx = Approx::kOver;
  out.clear();
  json::append_metric(out, m);
  BOOST_TEST(out.find(R"("approx":"over")") != std::string::npos);
  BOOST_TEST(out.find(R"("time":null,"place":null)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_records_stays_valid_json) {
  MetricRecord m;
  m.metric = "x";
  m.sentence = "bad \xff byte";
  m.text = "\xe4\xb8";
  std::string out;
  json::append_metric(out, m);
  json::Value v;
  std::string error;
  BOOST_REQUIRE_MESSAGE(json::parse(out, &v, &error), error);
  BOOST_TEST(v.find("sentence")->text == "bad \xEF\xBF\xBD byte");
}

BOOST_AUTO_TEST_CASE(repairs_repeats_and_documents) {
  NormalizedText t = mapped_text();
  t.report.repairs.push_back({"utf8-as-latin1", {3, 10}, {0, 13}, 0.75, 2, true});
  t.report.repeats.push_back({{20, 30}, {0, 10}});
  std::string out;
  json::append_repair(out, t.report.repairs[0]);
  BOOST_TEST(out == R"({"kind":"utf8-as-latin1","in_start":3,"in_end":10,"out_start":0,"out_end":13,)"
                    R"("confidence":0.75,"guessed_chars":2,"repaired":true})");
  // Its guessed characters, when it has some, as [[out_start, out_end], ...].
  Repair guessing = t.report.repairs[0];
  guessing.guessed = {{3, 6}, {9, 13}};
  out.clear();
  json::append_repair(out, guessing);
  BOOST_TEST(out == R"({"kind":"utf8-as-latin1","in_start":3,"in_end":10,"out_start":0,"out_end":13,)"
                    R"("confidence":0.75,"guessed_chars":2,"repaired":true,"guessed":[[3,6],[9,13]]})");
  std::string guessing_row;
  csv::append_repair(guessing_row, guessing);
  // CSV: the ranges as the last column, start-end joined by ';'.
  BOOST_TEST(guessing_row == "utf8-as-latin1,3,10,0,13,0.75,2,1,3-6;9-13\r\n");
  guessing.guessed = {{40, 43}};
  guessing_row.clear();
  csv::append_repair(guessing_row, guessing);
  BOOST_TEST(guessing_row == "utf8-as-latin1,3,10,0,13,0.75,2,1,40-43\r\n");
  BOOST_TEST(csv::kRepairHeader == "kind,in_start,in_end,out_start,out_end,confidence,guessed_chars,repaired,guessed\r\n");
  out.clear();
  json::append_repeat(out, t.report.repeats[0]);
  BOOST_TEST(out == R"({"start":20,"end":30,"first_start":0,"first_end":10})");
  std::string row;
  csv::append_repair(row, t.report.repairs[0]);
  BOOST_TEST(row == "utf8-as-latin1,3,10,0,13,0.75,2,1,\r\n");  // no guesses: an empty last field
  row.clear();
  csv::append_repeat(row, t.report.repeats[0]);
  BOOST_TEST(row == "20,30,0,10\r\n");

  std::vector<Quantity> qs(1);
  qs[0].span = {0, 13};
  std::vector<MetricRecord> ms;
  out.clear();
  json::append_document(out, t, &qs, &ms);
  json::Value v;
  std::string error;
  BOOST_REQUIRE_MESSAGE(json::parse(out, &v, &error), error << ": " << out);
  BOOST_TEST(v.find("text")->text == t.text);
  BOOST_TEST(v.find("encoding")->text == "GB18030");
  BOOST_TEST(v.find("report")->find("encoding")->text == "GB18030");
  BOOST_TEST(v.find("repairs")->items.size() == 1u);
  BOOST_TEST(v.find("repeats")->items.size() == 1u);
  BOOST_TEST(v.find("quantities")->items.size() == 1u);
  BOOST_TEST(v.find("metrics")->items.empty());
  out.clear();
  json::append_document(out, t, nullptr, nullptr);
  BOOST_TEST(out.find("\"quantities\"") == std::string::npos);
  BOOST_TEST(out.find("\"metrics\"") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(quantity_csv) {
  NormalizedText t = mapped_text();
  Quantity q;
  q.span = {0, 13};
  q.value = Decimal(3, 4);
  q.value_high = Decimal(5, 4);
  q.unit = "count";
  q.classifier = "个";
  std::string row;
  csv::append_quantity(row, q, t);
  BOOST_TEST(row == "quantity,约2.89万人,3,10,30000,50000,count,个,,,,0\r\n");
  // A number too large to hold: no value, the error in its column.
  q.error = NumeralError::kOutOfRange;
  row.clear();
  csv::append_quantity(row, q, t);
  BOOST_TEST(row == "quantity,约2.89万人,3,10,,,count,个,,,out_of_range,0\r\n");
  // Guessed: 1 in the last column; in JSON one more key, after the error.
  q.guessed = true;
  row.clear();
  csv::append_quantity(row, q, t);
  BOOST_TEST(row == "quantity,约2.89万人,3,10,,,count,个,,,out_of_range,1\r\n");
  std::string out;
  json::append_quantity(out, q, t);
  BOOST_TEST(out.ends_with(R"("error":"out_of_range","guessed":true})"), out);
  q.guessed = false;
  out.clear();
  json::append_quantity(out, q, t);
  BOOST_TEST(out.find("guessed") == std::string::npos, out);
}
