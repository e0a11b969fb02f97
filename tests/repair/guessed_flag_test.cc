// The guessed flag of quantities and metrics, and a repair's guessed ranges
// through the C ABI (aidtext_result_repair_guessed), on damage made here:
// Chinese sentences whose quantities are written in Chinese numerals and
// full-width punctuation (so a shifted GBK stream stays shifted), encoded as
// GBK with ICU, one byte dropped, then read pair by pair with unmapped pairs
// printed as '?' (mojibake_maker.h). Each '?' hole loses bytes of two
// characters, which the repairer chooses from its language model.
//
// Properties, for every damaged input:
//   - the C ABI's guessed ranges are the result's internal Repair::guessed,
//     inside their repair's output, on character boundaries, sorted, apart,
//     holding guessed_chars characters;
//   - a quantity (aidtext_quantities) or metric (aidtext_extract) has
//     guessed = 1 exactly when its normalized span overlaps one of them
//     (checked by brute force, not with the library's helper), and its JSON
//     has "guessed":true and its CSV row a last field 1 exactly then;
//   - a repair's CSV row has its guessed ranges as the last field
//     (s-e;s-e, empty when it guessed nothing).
// Plus the C ABI's misuse cases: NULL handles, bad indexes, small capacity,
// and an older (shorter) struct that must not be written past.
#define BOOST_TEST_MODULE guessed_flag
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "aidtext/aidtext.h"
#include "capi/handles.h"
#include "mojibake_maker.h"
// After the internal headers: their aidtext::Quantity, aidtext::Engine ...
// would be ambiguous with the wrapper's (aidtext::api, an inline namespace)
// where they are named.
#include "aidtext/aidtext.hpp"

namespace {

// A clean lead-in with a metric of its own (never damaged: the drop comes
// after it), then the sentences the damage runs through.
constexpr std::string_view kLead = "新华社兰州电　记者从省扶贫办获悉，去年全省减少贫困人口六十七万人。";
constexpr std::string_view kSentences[] = {
    "全县贫困人口由六千六百万人减少到三千二百万人，贫困发生率降至百分之十二点五。",
    "二〇一八年全市共投入扶贫资金六千六百万元，带动贫困户三万二千户脱贫，易地搬迁四千五百人。",
    "今年该县计划减少贫困人口一万二千人，贫困发生率下降到百分之三点二，新修道路八百公里。",
    "截至去年底，全省建档立卡贫困人口减少到七十八万人，贫困村退出一千二百个。",
};

struct Engine {
  aidtext_engine* e = nullptr;
  Engine() { BOOST_REQUIRE(aidtext_engine_new(nullptr, &e) == AIDTEXT_OK); }
  ~Engine() { aidtext_engine_free(e); }
};

struct Result {
  aidtext_result* r = nullptr;
  ~Result() { aidtext_result_free(r); }
};

bool overlaps(const std::vector<aidtext_range>& guessed, aidtext::Range span) {
  for (const aidtext_range& g : guessed)
    if (g.start < span.end && span.begin < g.end) return true;
  return false;
}

bool boundary(std::string_view text, size_t pos) {
  return pos == text.size() || (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80);
}

size_t chars_in(std::string_view text, size_t b, size_t e) {
  size_t n = 0;
  for (size_t i = b; i < e; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

// Every guessed range of the result, through the C ABI, checked against the
// internal ones and the invariants above.
std::vector<aidtext_range> checked_guessed(const aidtext_result* r) {
  std::vector<aidtext_range> all;
  const char* data = nullptr;
  size_t size = 0;
  BOOST_REQUIRE(aidtext_result_text(r, &data, &size) == AIDTEXT_OK);
  const std::string_view text(data, size);
  const size_t repairs = aidtext_result_count(r, AIDTEXT_ITEM_REPAIR);
  BOOST_REQUIRE(repairs == r->text.report.repairs.size());
  for (size_t i = 0; i < repairs; ++i) {
    aidtext_repair rep = AIDTEXT_REPAIR_INIT;
    BOOST_REQUIRE(aidtext_result_repair(r, i, &rep) == AIDTEXT_OK);
    const size_t n = aidtext_result_repair_guessed_count(r, i);
    std::vector<aidtext_range> got(n + 1, aidtext_range{777, 777});
    size_t written = 99;
    BOOST_REQUIRE(aidtext_result_repair_guessed(r, i, 0, got.data(), n + 1, &written) == AIDTEXT_OK);
    BOOST_TEST(written == n);
    BOOST_TEST((got[n].start == 777 && got[n].end == 777), "written past *written");
    got.resize(n);
    const std::vector<aidtext::Range>& internal = r->text.report.repairs[i].guessed;
    BOOST_REQUIRE(got.size() == internal.size());
    size_t chars = 0;
    for (size_t k = 0; k < n; ++k) {
      BOOST_TEST(got[k].start == internal[k].begin);
      BOOST_TEST(got[k].end == internal[k].end);
      BOOST_TEST(rep.out_start <= got[k].start);
      BOOST_TEST(got[k].start < got[k].end);
      BOOST_TEST(got[k].end <= rep.out_end);
      if (k > 0) BOOST_TEST(got[k - 1].end < got[k].start, "sorted and apart");
      BOOST_TEST(boundary(text, got[k].start));
      BOOST_TEST(boundary(text, got[k].end));
      chars += chars_in(text, got[k].start, std::min(got[k].end, text.size()));
    }
    BOOST_TEST(chars == rep.guessed_chars);
    // Read in chunks of one: the same ranges.
    for (size_t k = 0; k < n; ++k) {
      aidtext_range one{0, 0};
      BOOST_REQUIRE(aidtext_result_repair_guessed(r, i, k, &one, 1, &written) == AIDTEXT_OK);
      BOOST_TEST(written == 1u);
      BOOST_TEST((one.start == got[k].start && one.end == got[k].end));
    }
    all.insert(all.end(), got.begin(), got.end());
  }
  return all;
}

std::string item(const aidtext_result* r, aidtext_item kind, size_t i, bool csv) {
  const char* data = nullptr;
  size_t size = 0;
  BOOST_REQUIRE((csv ? aidtext_result_item_csv(r, kind, i, &data, &size)
                     : aidtext_result_item_json(r, kind, i, &data, &size)) == AIDTEXT_OK);
  return std::string(data, size);
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// The last field of a CSV row (CRLF dropped; the fields before it may be
// quoted, the last one here never is).
std::string csv_last_field(std::string_view row) {
  BOOST_REQUIRE(ends_with(row, "\r\n"));
  row.remove_suffix(2);
  const size_t comma = row.rfind(',');
  BOOST_REQUIRE(comma != std::string_view::npos);
  return std::string(row.substr(comma + 1));
}

// Repair i's guessed ranges read through the C ABI, written as the CSV
// column should have them: "s-e;s-e".
std::string ranges_text(const aidtext_result* r, size_t i) {
  const size_t n = aidtext_result_repair_guessed_count(r, i);
  std::vector<aidtext_range> got(n);
  size_t written = 0;
  if (n) BOOST_REQUIRE(aidtext_result_repair_guessed(r, i, 0, got.data(), n, &written) == AIDTEXT_OK);
  std::string s;
  for (size_t k = 0; k < written; ++k)
    s += (k ? ";" : "") + std::to_string(got[k].start) + "-" + std::to_string(got[k].end);
  return s;
}

// The writers agree with the flag: JSON's key only when set, CSV's last field.
void check_writers(const aidtext_result* r, aidtext_item kind, size_t i, bool guessed) {
  const std::string json = item(r, kind, i, false);
  BOOST_TEST((json.find("\"guessed\"") != std::string::npos) == guessed, json);
  if (guessed) BOOST_TEST(ends_with(json, ",\"guessed\":true}"), json);
  BOOST_TEST(ends_with(item(r, kind, i, true), guessed ? ",1\r\n" : ",0\r\n"));
}

struct Counts {
  size_t inputs_with_guesses = 0;
  size_t quantities_flagged = 0, quantities_clear = 0;
  size_t metrics_flagged = 0, metrics_clear = 0;
};

void check_input(const Engine& engine, const std::string& input, Counts& counts) {
  BOOST_TEST_CONTEXT("input " << input) {
    Result q;
    BOOST_REQUIRE(aidtext_quantities(engine.e, input.data(), input.size(), &q.r) == AIDTEXT_OK);
    const std::vector<aidtext_range> guessed = checked_guessed(q.r);
    if (!guessed.empty()) ++counts.inputs_with_guesses;
    const size_t nq = aidtext_result_count(q.r, AIDTEXT_ITEM_QUANTITY);
    BOOST_REQUIRE(nq == q.r->quantities.size());
    for (size_t i = 0; i < nq; ++i) {
      aidtext_quantity rec = AIDTEXT_QUANTITY_INIT;
      BOOST_REQUIRE(aidtext_result_quantity(q.r, i, &rec) == AIDTEXT_OK);
      const bool expect = overlaps(guessed, q.r->quantities[i].span);
      BOOST_TEST(rec.guessed == (expect ? 1 : 0), "quantity " << rec.text);
      (expect ? counts.quantities_flagged : counts.quantities_clear)++;
      check_writers(q.r, AIDTEXT_ITEM_QUANTITY, i, expect);
    }

    Result m;
    BOOST_REQUIRE(aidtext_extract(engine.e, input.data(), input.size(), "2019", &m.r) == AIDTEXT_OK);
    const std::vector<aidtext_range> guessed_m = checked_guessed(m.r);
    const size_t nm = aidtext_result_count(m.r, AIDTEXT_ITEM_METRIC);
    for (size_t i = 0; i < nm; ++i) {
      aidtext_metric rec = AIDTEXT_METRIC_INIT;
      BOOST_REQUIRE(aidtext_result_metric(m.r, i, &rec) == AIDTEXT_OK);
      const bool expect = overlaps(guessed_m, m.r->metrics[i].span);
      BOOST_TEST(rec.guessed == (expect ? 1 : 0), "metric " << rec.text);
      (expect ? counts.metrics_flagged : counts.metrics_clear)++;
      check_writers(m.r, AIDTEXT_ITEM_METRIC, i, expect);
    }
    // The repairs' JSON names their ranges only when they have some.
    for (size_t i = 0; i < aidtext_result_count(m.r, AIDTEXT_ITEM_REPAIR); ++i) {
      const std::string json = item(m.r, AIDTEXT_ITEM_REPAIR, i, false);
      const bool any = aidtext_result_repair_guessed_count(m.r, i) > 0;
      BOOST_TEST((json.find("\"guessed\":[[") != std::string::npos) == any, json);
      // The CSV row's last field lists the same ranges: s-e;s-e, empty for none.
      const std::string row = item(m.r, AIDTEXT_ITEM_REPAIR, i, true);
      BOOST_TEST(csv_last_field(row) == ranges_text(m.r, i), row);
      BOOST_TEST(csv_last_field(row).empty() == !any, row);
    }
  }
}

// The damaged inputs: each pair of sentences after the lead, one byte
// dropped at each of several places in the first of them.
std::vector<std::string> damaged_inputs() {
  std::vector<std::string> out;
  const size_t n = std::size(kSentences);
  for (size_t a = 0; a < n; ++a) {
    const std::string text = std::string(kLead) + std::string(kSentences[a]) + std::string(kSentences[(a + 1) % n]);
    const size_t lead = aidtext::testing::encode(kLead, "GBK").size();
    for (size_t drop = lead; drop < lead + 24; drop += 3) out.push_back(aidtext::testing::misaligned_gbk(text, drop));
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(flags_follow_the_guessed_ranges) {
  Engine engine;
  Counts counts;
  for (const std::string& input : damaged_inputs()) check_input(engine, input, counts);
  BOOST_TEST_MESSAGE("inputs with guesses " << counts.inputs_with_guesses << ", quantities flagged "
                                            << counts.quantities_flagged << " clear " << counts.quantities_clear
                                            << ", metrics flagged " << counts.metrics_flagged << " clear "
                                            << counts.metrics_clear);
  // Not vacuous: the damage made guesses, and both kinds of record got both
  // flags somewhere.
  BOOST_TEST(counts.inputs_with_guesses >= 8u);
  BOOST_TEST(counts.quantities_flagged > 0u);
  BOOST_TEST(counts.quantities_clear > 0u);
  BOOST_TEST(counts.metrics_flagged > 0u);
  BOOST_TEST(counts.metrics_clear > 0u);
}

BOOST_AUTO_TEST_CASE(clean_text_has_no_flags) {
  Engine engine;
  std::string text(kLead);
  for (std::string_view s : kSentences) text += s;
  Result m;
  BOOST_REQUIRE(aidtext_extract(engine.e, text.data(), text.size(), "2019", &m.r) == AIDTEXT_OK);
  BOOST_TEST(aidtext_result_count(m.r, AIDTEXT_ITEM_REPAIR) == 0u);
  BOOST_TEST(aidtext_result_count(m.r, AIDTEXT_ITEM_METRIC) > 0u);
  for (size_t i = 0; i < aidtext_result_count(m.r, AIDTEXT_ITEM_QUANTITY); ++i) {
    aidtext_quantity q = AIDTEXT_QUANTITY_INIT;
    q.guessed = 5;  // overwritten with 0
    BOOST_REQUIRE(aidtext_result_quantity(m.r, i, &q) == AIDTEXT_OK);
    BOOST_TEST(q.guessed == 0);
    check_writers(m.r, AIDTEXT_ITEM_QUANTITY, i, false);
  }
  for (size_t i = 0; i < aidtext_result_count(m.r, AIDTEXT_ITEM_METRIC); ++i) check_writers(m.r, AIDTEXT_ITEM_METRIC, i, false);
  const char* data = nullptr;
  size_t size = 0;
  BOOST_REQUIRE(aidtext_result_json(m.r, &data, &size) == AIDTEXT_OK);
  BOOST_TEST(std::string_view(data, size).find("guessed\"") == std::string_view::npos);
}

// A number cut by a lost character (a U+FFFD or '?' with numerals on both
// sides) reads as two figures, neither of which the text says: both are
// flagged, and a metric read from one of them too. A figure beside a hole
// that cuts no number, and every other figure, is not.
BOOST_AUTO_TEST_CASE(numbers_cut_by_a_lost_character_are_flagged) {
  Engine engine;
  const std::string text =
      "今年全县脱贫人口达1\uFFFD200人，贫困发生率降至0.\uFFFD5%。全县投入扶贫资金3?500万元。"
      "全县还有贫困村12个，贫困户3?户吗?去年减贫2\uFFFD\uFFFD4万人。";
  Result m;
  BOOST_REQUIRE(aidtext_extract(engine.e, text.data(), text.size(), "2019", &m.r) == AIDTEXT_OK);
  // The figures, each with whether it must be flagged (" guessed").
  const std::vector<std::string> expected = {
      "1 guessed", "200人 guessed",   "0 guessed", "5% guessed", "3 guessed",
      "500万元 guessed", "12个", "3", "2 guessed", "4万人 guessed",
  };
  std::vector<std::string> got;
  for (size_t i = 0; i < aidtext_result_count(m.r, AIDTEXT_ITEM_QUANTITY); ++i) {
    aidtext_quantity q = AIDTEXT_QUANTITY_INIT;
    BOOST_REQUIRE(aidtext_result_quantity(m.r, i, &q) == AIDTEXT_OK);
    if (std::string_view(q.kind) != "quantity") continue;
    got.push_back(std::string(q.text) + (q.guessed == 1 ? " guessed" : ""));
    check_writers(m.r, AIDTEXT_ITEM_QUANTITY, i, q.guessed == 1);
  }
  BOOST_TEST(got == expected, boost::test_tools::per_element());
  size_t flagged_metrics = 0;
  for (size_t i = 0; i < aidtext_result_count(m.r, AIDTEXT_ITEM_METRIC); ++i) {
    aidtext_metric r = AIDTEXT_METRIC_INIT;
    BOOST_REQUIRE(aidtext_result_metric(m.r, i, &r) == AIDTEXT_OK);
    const bool cut = std::string_view(r.text) != "12个";
    BOOST_TEST(r.guessed == (cut ? 1 : 0), r.text);
    flagged_metrics += r.guessed == 1;
    check_writers(m.r, AIDTEXT_ITEM_METRIC, i, r.guessed == 1);
  }
  BOOST_TEST(flagged_metrics >= 2u);  // 200人 and 5% at least
}

BOOST_AUTO_TEST_CASE(csv_headers_end_with_guessed) {
  BOOST_TEST(ends_with(aidtext_csv_header(AIDTEXT_ITEM_QUANTITY), ",error,guessed\r\n"));
  BOOST_TEST(ends_with(aidtext_csv_header(AIDTEXT_ITEM_METRIC), ",sentence,guessed\r\n"));
  BOOST_TEST(ends_with(aidtext_csv_header(AIDTEXT_ITEM_REPAIR), ",repaired,guessed\r\n"));
}

// A damaged input with at least one flagged quantity and metric, for the
// misuse cases below.
struct Damaged {
  Engine engine;
  Result r;
  size_t repair = 0;          // a repair with guessed ranges
  size_t quantity = 0;        // a flagged quantity
  size_t metric = SIZE_MAX;   // a flagged metric
  std::string input;
  Damaged() {
    for (const std::string& input : damaged_inputs()) {
      Result c;
      BOOST_REQUIRE(aidtext_extract(engine.e, input.data(), input.size(), "2019", &c.r) == AIDTEXT_OK);
      size_t rep = SIZE_MAX, q = SIZE_MAX, m = SIZE_MAX;
      for (size_t i = 0; i < c.r->text.report.repairs.size(); ++i)
        if (c.r->text.report.repairs[i].guessed.size() >= 2) rep = i;
      for (size_t i = 0; i < c.r->quantities.size(); ++i)
        if (c.r->quantities[i].guessed) q = i;
      for (size_t i = 0; i < c.r->metrics.size(); ++i)
        if (c.r->metrics[i].guessed) m = i;
      if (rep != SIZE_MAX && q != SIZE_MAX && m != SIZE_MAX) {
        std::swap(r.r, c.r);
        repair = rep;
        quantity = q;
        metric = m;
        this->input = input;
        return;
      }
    }
    BOOST_FAIL("no damaged input with two guessed ranges, a flagged quantity and a flagged metric");
  }
};

BOOST_AUTO_TEST_CASE(repair_guessed_misuse) {
  Damaged d;
  const aidtext_result* r = d.r.r;
  const size_t n = aidtext_result_repair_guessed_count(r, d.repair);
  BOOST_REQUIRE(n >= 2u);
  aidtext_range out[4] = {{7, 7}, {7, 7}, {7, 7}, {7, 7}};
  size_t written = 99;

  // NULL and wrong-type handles.
  BOOST_TEST(aidtext_result_repair_guessed_count(nullptr, 0) == 0u);
  BOOST_TEST(aidtext_result_repair_guessed(nullptr, 0, 0, out, 4, &written) == AIDTEXT_ERR_INVALID_HANDLE);
  BOOST_TEST(written == 0u);
  const auto* engine_as_result = reinterpret_cast<const aidtext_result*>(d.engine.e);
  BOOST_TEST(aidtext_result_repair_guessed_count(engine_as_result, 0) == 0u);
  BOOST_TEST(aidtext_result_repair_guessed(engine_as_result, 0, 0, out, 4, &written) == AIDTEXT_ERR_INVALID_HANDLE);

  // Bad repair index, bad first.
  const size_t repairs = aidtext_result_count(r, AIDTEXT_ITEM_REPAIR);
  BOOST_TEST(aidtext_result_repair_guessed_count(r, repairs) == 0u);
  BOOST_TEST(aidtext_result_repair_guessed_count(r, SIZE_MAX) == 0u);
  written = 99;
  BOOST_TEST(aidtext_result_repair_guessed(r, repairs, 0, out, 4, &written) == AIDTEXT_ERR_OUT_OF_RANGE);
  BOOST_TEST(written == 0u);
  BOOST_TEST(aidtext_result_repair_guessed(r, SIZE_MAX, 0, out, 4, &written) == AIDTEXT_ERR_OUT_OF_RANGE);
  BOOST_TEST(std::strlen(aidtext_last_error()) > 0u);
  BOOST_TEST(aidtext_result_repair_guessed(r, d.repair, n + 1, out, 4, &written) == AIDTEXT_ERR_OUT_OF_RANGE);
  BOOST_TEST(aidtext_result_repair_guessed(r, d.repair, SIZE_MAX, out, 4, &written) == AIDTEXT_ERR_OUT_OF_RANGE);
  BOOST_TEST(out[0].start == 7u);  // untouched on failure
  written = 99;
  BOOST_TEST(aidtext_result_repair_guessed(r, d.repair, n, out, 4, &written) == AIDTEXT_OK);
  BOOST_TEST(written == 0u);

  // NULL pointers.
  BOOST_TEST(aidtext_result_repair_guessed(r, d.repair, 0, out, 4, nullptr) == AIDTEXT_ERR_INVALID_ARGUMENT);
  BOOST_TEST(aidtext_result_repair_guessed(r, d.repair, 0, nullptr, 1, &written) == AIDTEXT_ERR_INVALID_ARGUMENT);
  written = 99;
  BOOST_TEST(aidtext_result_repair_guessed(r, d.repair, 0, nullptr, 0, &written) == AIDTEXT_OK);
  BOOST_TEST(written == 0u);
  BOOST_TEST(out[0].start == 7u);

  // Small capacity: one range written, the next element untouched; then the
  // rest from first = 1.
  BOOST_TEST(aidtext_result_repair_guessed(r, d.repair, 0, out, 1, &written) == AIDTEXT_OK);
  BOOST_TEST(written == 1u);
  BOOST_TEST(out[0].start == r->text.report.repairs[d.repair].guessed[0].begin);
  BOOST_TEST((out[1].start == 7u && out[1].end == 7u));
  BOOST_TEST(aidtext_result_repair_guessed(r, d.repair, 1, out + 1, 3, &written) == AIDTEXT_OK);
  BOOST_TEST(written == std::min<size_t>(3, n - 1));
  BOOST_TEST(out[1].end == r->text.report.repairs[d.repair].guessed[1].end);
}

BOOST_AUTO_TEST_CASE(older_structs_are_not_overrun) {
  Damaged d;
  const aidtext_result* r = d.r.r;
  // A quantity struct as a 0.2 header declared it: ends before `guessed`.
  // The library must not write the flag (1 here) past it.
  {
    aidtext_quantity q = AIDTEXT_QUANTITY_INIT;
    q.struct_size = offsetof(aidtext_quantity, guessed);
    q.guessed = 0x5A5A;
    BOOST_REQUIRE(aidtext_result_quantity(r, d.quantity, &q) == AIDTEXT_OK);
    BOOST_TEST(q.guessed == 0x5A5A);
    BOOST_TEST(q.struct_size == offsetof(aidtext_quantity, guessed));
    BOOST_TEST(q.text != nullptr);
    aidtext_quantity full = AIDTEXT_QUANTITY_INIT;
    BOOST_REQUIRE(aidtext_result_quantity(r, d.quantity, &full) == AIDTEXT_OK);
    BOOST_TEST(full.guessed == 1);
  }
  {
    aidtext_metric m = AIDTEXT_METRIC_INIT;
    m.struct_size = offsetof(aidtext_metric, guessed);
    m.guessed = 0x5A5A;
    BOOST_REQUIRE(aidtext_result_metric(r, d.metric, &m) == AIDTEXT_OK);
    BOOST_TEST(m.guessed == 0x5A5A);
    BOOST_TEST(m.sentence != nullptr);
    aidtext_metric full = AIDTEXT_METRIC_INIT;
    BOOST_REQUIRE(aidtext_result_metric(r, d.metric, &full) == AIDTEXT_OK);
    BOOST_TEST(full.guessed == 1);
  }
}

BOOST_AUTO_TEST_CASE(cpp_wrapper_carries_the_flags_and_ranges) {
  Damaged d;
  const aidtext::api::Engine engine;
  const aidtext::api::Result r = engine.extract(d.input, "2019");
  const std::vector<aidtext::api::Repair> repairs = r.repairs();
  BOOST_REQUIRE(repairs.size() == d.r.r->text.report.repairs.size());
  for (size_t i = 0; i < repairs.size(); ++i) {
    const std::vector<aidtext::Range>& internal = d.r.r->text.report.repairs[i].guessed;
    BOOST_REQUIRE(repairs[i].guessed.size() == internal.size());
    for (size_t k = 0; k < internal.size(); ++k)
      BOOST_TEST((repairs[i].guessed[k].start == internal[k].begin && repairs[i].guessed[k].end == internal[k].end));
  }
  const auto quantities = r.quantities();
  BOOST_REQUIRE(quantities.size() == d.r.r->quantities.size());
  for (size_t i = 0; i < quantities.size(); ++i) BOOST_TEST(quantities[i].guessed == d.r.r->quantities[i].guessed);
  const auto metrics = r.metrics();
  BOOST_REQUIRE(metrics.size() == d.r.r->metrics.size());
  for (size_t i = 0; i < metrics.size(); ++i) BOOST_TEST(metrics[i].guessed == d.r.r->metrics[i].guessed);
  BOOST_TEST(metrics[d.metric].guessed);
  BOOST_TEST(r.repair_guessed(d.repair).size() >= 2u);
  BOOST_CHECK_THROW(r.repair_guessed(repairs.size()), aidtext::api::Error);
}
