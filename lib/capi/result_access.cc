// Reading an aidtext_result: text, provenance, records as JSON, CSV or
// size-tagged structs. Every string handed out is borrowed from the result.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>

#include "aidtext/aidtext.h"
#include "capi/copy_call.h"
#include "capi/errors.h"
#include "capi/handles.h"
#include "format/csv_writer.h"
#include "format/json_writer.h"

namespace {

using aidtext::capi::checked;
using aidtext::capi::checked_copy_call;
using aidtext::capi::fail;
using aidtext::capi::guarded;

bool known_item(int item) {
  return item == AIDTEXT_ITEM_QUANTITY || item == AIDTEXT_ITEM_METRIC || item == AIDTEXT_ITEM_REPAIR ||
         item == AIDTEXT_ITEM_REPEAT;
}

size_t item_count(const aidtext_result& r, aidtext_item item) {
  switch (item) {
    case AIDTEXT_ITEM_QUANTITY: return r.quantities.size();
    case AIDTEXT_ITEM_METRIC: return r.metrics.size();
    case AIDTEXT_ITEM_REPAIR: return r.text.report.repairs.size();
    case AIDTEXT_ITEM_REPEAT: return r.text.report.repeats.size();
  }
  return 0;
}

bool item_computed(const aidtext_result& r, aidtext_item item) {
  if (item == AIDTEXT_ITEM_QUANTITY) return r.has_quantities;
  if (item == AIDTEXT_ITEM_METRIC) return r.has_metrics;
  return true;
}

// Checks (result, item, index) for the item accessors.
aidtext_status check_item(const char* fn, const aidtext_result* result, aidtext_item item, size_t index) {
  if (checked(result) == nullptr) return fail(AIDTEXT_ERR_INVALID_HANDLE, fn, "not an aidtext_result handle");
  if (!known_item(aidtext::capi::enum_bits(item)))
    return fail(AIDTEXT_ERR_INVALID_ARGUMENT, fn, "unknown aidtext_item " + std::to_string(aidtext::capi::enum_bits(item)));
  if (!item_computed(*result, item))
    return fail(AIDTEXT_ERR_NOT_AVAILABLE, fn,
                item == AIDTEXT_ITEM_METRIC ? "metrics are computed by aidtext_extract() only"
                                            : "quantities are computed by aidtext_quantities() and aidtext_extract()");
  const size_t n = item_count(*result, item);
  if (index >= n)
    return fail(AIDTEXT_ERR_OUT_OF_RANGE, fn,
                "index " + std::to_string(index) + " is past the " + std::to_string(n) + " items");
  return AIDTEXT_OK;
}

enum class Form { kJson, kCsv };

void write_item(std::string& out, const aidtext_result& r, aidtext_item item, size_t i, Form form) {
  const bool json = form == Form::kJson;
  switch (item) {
    case AIDTEXT_ITEM_QUANTITY:
      json ? aidtext::json::append_quantity(out, r.quantities[i], r.text)
           : aidtext::csv::append_quantity(out, r.quantities[i], r.text);
      break;
    case AIDTEXT_ITEM_METRIC:
      json ? aidtext::json::append_metric(out, r.metrics[i]) : aidtext::csv::append_metric(out, r.metrics[i]);
      break;
    case AIDTEXT_ITEM_REPAIR:
      json ? aidtext::json::append_repair(out, r.text.report.repairs[i])
           : aidtext::csv::append_repair(out, r.text.report.repairs[i]);
      break;
    case AIDTEXT_ITEM_REPEAT:
      json ? aidtext::json::append_repeat(out, r.text.report.repeats[i])
           : aidtext::csv::append_repeat(out, r.text.report.repeats[i]);
      break;
  }
}

// The cached JSON or CSV of item i, built on first request.
const std::string& item_string(const aidtext_result& r, aidtext_item item, size_t i, Form form) {
  std::lock_guard<std::mutex> lock(r.mu);
  auto& cache = (form == Form::kJson ? r.item_json : r.item_csv)[item];
  if (cache.empty()) cache.resize(item_count(r, item));
  if (!cache[i]) {
    auto s = std::make_unique<std::string>();
    write_item(*s, r, item, i, form);
    cache[i] = std::move(s);
  }
  return *cache[i];
}

// Size-tagged structs: fills the caller's struct up to its struct_size (a
// program built against an older, shorter struct gets the fields it knows).
template <class T>
aidtext_status check_struct(const char* fn, const T* out) {
  if (out == nullptr) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, fn, "out is NULL");
  if (out->struct_size < sizeof(size_t))
    return fail(AIDTEXT_ERR_INVALID_ARGUMENT, fn, "struct_size is not set (use the _INIT macro)");
  return AIDTEXT_OK;
}

template <class T>
void fill_struct(T* out, T full) {
  const size_t n = std::min(out->struct_size, sizeof(T));
  full.struct_size = out->struct_size;
  std::memcpy(static_cast<void*>(out), &full, n);
}

const char* or_null(const std::string& s) { return s.empty() ? nullptr : s.c_str(); }

// Item `index` of kind `item` (the caller's enum bits, not yet validated)
// as JSON or CSV text borrowed from the result.
aidtext_status item_text(const char* fn, const aidtext_result* result, int item, size_t index,
                         const char** data, size_t* size, Form form) {
  return guarded(fn, [&] {
    if (!known_item(item)) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, fn, "unknown aidtext_item " + std::to_string(item));
    if (data == nullptr || size == nullptr) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, fn, "data or size is NULL");
    const aidtext_item kind = static_cast<aidtext_item>(item);
    aidtext_status st = check_item(fn, result, kind, index);
    if (st != AIDTEXT_OK) return st;
    const std::string& s = item_string(*result, kind, index, form);
    *data = s.c_str();
    *size = s.size();
    return AIDTEXT_OK;
  });
}

}  // namespace

extern "C" {

aidtext_status aidtext_result_text(const aidtext_result* result, const char** data, size_t* size) {
  static const char* const kFn = "aidtext_result_text";
  return guarded(kFn, [&] {
    if (checked(result) == nullptr) return fail(AIDTEXT_ERR_INVALID_HANDLE, kFn, "not an aidtext_result handle");
    if (data == nullptr || size == nullptr) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, kFn, "data or size is NULL");
    *data = result->text.text.c_str();
    *size = result->text.text.size();
    return AIDTEXT_OK;
  });
}

aidtext_status aidtext_result_encoding(const aidtext_result* result, const char** encoding) {
  static const char* const kFn = "aidtext_result_encoding";
  return guarded(kFn, [&] {
    if (checked(result) == nullptr) return fail(AIDTEXT_ERR_INVALID_HANDLE, kFn, "not an aidtext_result handle");
    if (encoding == nullptr) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, kFn, "encoding is NULL");
    *encoding = result->text.report.encoding.c_str();
    return AIDTEXT_OK;
  });
}

aidtext_status aidtext_result_source_range(const aidtext_result* result, size_t out_start, size_t out_end,
                                           size_t* in_start, size_t* in_end) {
  static const char* const kFn = "aidtext_result_source_range";
  return guarded(kFn, [&] {
    if (checked(result) == nullptr) return fail(AIDTEXT_ERR_INVALID_HANDLE, kFn, "not an aidtext_result handle");
    if (in_start == nullptr || in_end == nullptr)
      return fail(AIDTEXT_ERR_INVALID_ARGUMENT, kFn, "in_start or in_end is NULL");
    const size_t n = result->text.text.size();
    if (out_start > out_end || out_end > n) {
      // snprintf rather than a chain of std::string +: g++ 12 warns
      // (-Wrestrict, a false positive, GCC bug 105329) on such chains.
      char detail[128];
      std::snprintf(detail, sizeof detail, "[%zu, %zu) is not within the %zu bytes of normalized text", out_start,
                    out_end, n);
      return fail(AIDTEXT_ERR_OUT_OF_RANGE, kFn, detail);
    }
    aidtext::Range in = result->text.to_input({static_cast<uint32_t>(out_start), static_cast<uint32_t>(out_end)});
    *in_start = in.begin;
    *in_end = in.end;
    return AIDTEXT_OK;
  });
}

size_t aidtext_result_count(const aidtext_result* result, aidtext_item item_arg) {
  const int item = aidtext::capi::enum_bits(item_arg);
  if (checked(result) == nullptr || !known_item(item)) return 0;
  return item_count(*result, static_cast<aidtext_item>(item));
}

aidtext_status aidtext_result_item_json(const aidtext_result* result, aidtext_item item, size_t index,
                                        const char** data, size_t* size) {
  return item_text("aidtext_result_item_json", result, aidtext::capi::enum_bits(item), index, data, size,
                   Form::kJson);
}

aidtext_status aidtext_result_item_csv(const aidtext_result* result, aidtext_item item, size_t index,
                                       const char** data, size_t* size) {
  return item_text("aidtext_result_item_csv", result, aidtext::capi::enum_bits(item), index, data, size,
                   Form::kCsv);
}

const char* aidtext_csv_header(aidtext_item item) {
  switch (aidtext::capi::enum_bits(item)) {
    case AIDTEXT_ITEM_QUANTITY: return aidtext::csv::kQuantityHeader.data();
    case AIDTEXT_ITEM_METRIC: return aidtext::csv::kMetricHeader.data();
    case AIDTEXT_ITEM_REPAIR: return aidtext::csv::kRepairHeader.data();
    case AIDTEXT_ITEM_REPEAT: return aidtext::csv::kRepeatHeader.data();
  }
  return "";
}

aidtext_status aidtext_result_json(const aidtext_result* result, const char** data, size_t* size) {
  static const char* const kFn = "aidtext_result_json";
  return guarded(kFn, [&] {
    if (checked(result) == nullptr) return fail(AIDTEXT_ERR_INVALID_HANDLE, kFn, "not an aidtext_result handle");
    if (data == nullptr || size == nullptr) return fail(AIDTEXT_ERR_INVALID_ARGUMENT, kFn, "data or size is NULL");
    std::lock_guard<std::mutex> lock(result->mu);
    if (!result->json) {
      auto s = std::make_unique<std::string>();
      aidtext::json::append_document(*s, result->text, result->has_quantities ? &result->quantities : nullptr,
                                     result->has_metrics ? &result->metrics : nullptr);
      result->json = std::move(s);
    }
    *data = result->json->c_str();
    *size = result->json->size();
    return AIDTEXT_OK;
  });
}

aidtext_status aidtext_result_quantity(const aidtext_result* result, size_t index, aidtext_quantity* out) {
  static const char* const kFn = "aidtext_result_quantity";
  return guarded(kFn, [&] {
    aidtext_status st = check_struct(kFn, out);
    if (st == AIDTEXT_OK) st = check_item(kFn, result, AIDTEXT_ITEM_QUANTITY, index);
    if (st != AIDTEXT_OK) return st;
    const aidtext::Quantity& q = result->quantities[index];
    const aidtext::capi::QuantityStrings* strings;
    {
      std::lock_guard<std::mutex> lock(result->mu);
      auto& cache = result->quantity_strings;
      if (cache.empty()) cache.resize(result->quantities.size());
      if (!cache[index]) {
        auto s = std::make_unique<aidtext::capi::QuantityStrings>();
        s->text.assign(aidtext::json::quantity_text(q, result->text));
        s->value = q.value.to_string();
        if (q.value_high) s->value_high = q.value_high->to_string();
        cache[index] = std::move(s);
      }
      strings = cache[index].get();
    }
    const aidtext::Range src = result->text.to_input(q.span);
    aidtext_quantity full{};
    full.kind = aidtext::to_string(q.kind);
    full.text = strings->text.c_str();
    full.start = src.begin;
    full.end = src.end;
    const bool high = q.has_value() && q.value_high;
    full.value = q.has_value() ? q.value.to_double() : std::numeric_limits<double>::quiet_NaN();
    full.value_text = q.has_value() ? strings->value.c_str() : nullptr;
    full.has_value_high = high ? 1 : 0;
    full.value_high = high ? q.value_high->to_double() : 0.0;
    full.value_high_text = high ? strings->value_high.c_str() : nullptr;
    full.unit = or_null(q.unit);
    full.classifier = or_null(q.classifier);
    full.approx = aidtext::to_string(q.approx);
    full.date = or_null(q.date);
    full.error = aidtext::error_id(q.error);
    full.guessed = q.guessed ? 1 : 0;
    fill_struct(out, full);
    return AIDTEXT_OK;
  });
}

aidtext_status aidtext_result_metric(const aidtext_result* result, size_t index, aidtext_metric* out) {
  static const char* const kFn = "aidtext_result_metric";
  return guarded(kFn, [&] {
    aidtext_status st = check_struct(kFn, out);
    if (st == AIDTEXT_OK) st = check_item(kFn, result, AIDTEXT_ITEM_METRIC, index);
    if (st != AIDTEXT_OK) return st;
    const aidtext::MetricRecord& m = result->metrics[index];
    const std::string* value_text;
    {
      std::lock_guard<std::mutex> lock(result->mu);
      auto& cache = result->metric_value_text;
      if (cache.empty()) cache.resize(result->metrics.size());
      if (!cache[index]) cache[index] = std::make_unique<std::string>(m.value.to_string());
      value_text = cache[index].get();
    }
    aidtext_metric full{};
    full.metric = m.metric.c_str();
    full.value = m.value.to_double();
    full.value_text = value_text->c_str();
    full.unit = m.unit.c_str();
    full.approx = aidtext::to_string(m.approx);
    full.change = m.change.c_str();
    full.time = m.time ? m.time->c_str() : nullptr;
    full.place = m.place ? m.place->c_str() : nullptr;
    full.text = m.text.c_str();
    full.start = m.source.begin;
    full.end = m.source.end;
    full.sentence = m.sentence.c_str();
    full.guessed = m.guessed ? 1 : 0;
    fill_struct(out, full);
    return AIDTEXT_OK;
  });
}

aidtext_status aidtext_result_repair(const aidtext_result* result, size_t index, aidtext_repair* out) {
  static const char* const kFn = "aidtext_result_repair";
  return guarded(kFn, [&] {
    aidtext_status st = check_struct(kFn, out);
    if (st == AIDTEXT_OK) st = check_item(kFn, result, AIDTEXT_ITEM_REPAIR, index);
    if (st != AIDTEXT_OK) return st;
    const aidtext::Repair& r = result->text.report.repairs[index];
    aidtext_repair full{};
    full.kind = r.kind.c_str();
    full.in_start = r.input.begin;
    full.in_end = r.input.end;
    full.out_start = r.output.begin;
    full.out_end = r.output.end;
    full.confidence = r.confidence;
    full.guessed_chars = r.guessed_chars;
    full.repaired = r.repaired ? 1 : 0;
    fill_struct(out, full);
    return AIDTEXT_OK;
  });
}

aidtext_status aidtext_result_repeat(const aidtext_result* result, size_t index, aidtext_repeat* out) {
  static const char* const kFn = "aidtext_result_repeat";
  return guarded(kFn, [&] {
    aidtext_status st = check_struct(kFn, out);
    if (st == AIDTEXT_OK) st = check_item(kFn, result, AIDTEXT_ITEM_REPEAT, index);
    if (st != AIDTEXT_OK) return st;
    const aidtext::RepeatedPassage& r = result->text.report.repeats[index];
    aidtext_repeat full{};
    full.start = r.passage.begin;
    full.end = r.passage.end;
    full.first_start = r.first.begin;
    full.first_end = r.first.end;
    fill_struct(out, full);
    return AIDTEXT_OK;
  });
}

size_t aidtext_result_repair_guessed_count(const aidtext_result* result, size_t repair_index) {
  if (checked(result) == nullptr) return 0;
  const auto& repairs = result->text.report.repairs;
  return repair_index < repairs.size() ? repairs[repair_index].guessed.size() : 0;
}

aidtext_status aidtext_result_repair_guessed(const aidtext_result* result, size_t repair_index, size_t first,
                                             aidtext_range* out, size_t capacity, size_t* written) {
  static const char* const kFn = "aidtext_result_repair_guessed";
  return guarded(kFn, [&] {
    aidtext_status status;
    if (checked_copy_call(kFn, result, out, capacity, written, &status) == nullptr) return status;
    const auto& repairs = result->text.report.repairs;
    if (repair_index >= repairs.size())
      return fail(AIDTEXT_ERR_OUT_OF_RANGE, kFn,
                  "repair " + std::to_string(repair_index) + " is past the " + std::to_string(repairs.size()) +
                      " repairs");
    const std::vector<aidtext::Range>& guessed = repairs[repair_index].guessed;
    if (first > guessed.size())
      return fail(AIDTEXT_ERR_OUT_OF_RANGE, kFn,
                  "first range " + std::to_string(first) + " is past the " + std::to_string(guessed.size()) +
                      " guessed ranges");
    const size_t n = std::min(capacity, guessed.size() - first);
    for (size_t k = 0; k < n; ++k) out[k] = aidtext_range{guessed[first + k].begin, guessed[first + k].end};
    *written = n;
    return AIDTEXT_OK;
  });
}

}  // extern "C"
