// Fuzz target: random sequences of C ABI calls, the way a careless binding
// would make them: option keys and values of any kind, NULL handles and
// out-pointers, handles of the wrong type, item kinds and indexes out of
// range, random offsets for provenance. Every call must return a status
// (never crash), and the statuses must agree with the contract in aidtext.h.
// Freed handles are never passed: the contract checks them only "best
// effort", so a use after free is the caller's bug, not the library's.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "aidtext/aidtext.h"
#include "c_callers.h"
#include "fuzz_checks.h"
#include "fuzz_input.h"

namespace {

using aidtext::fuzz::FuzzInput;

// Slots for live handles. Engines are slow-ish to create, so at most two.
constexpr int kSlots = 2;

constexpr const char* kKeys[] = {"convert", "encoding", "repair", "strip_pinyin",
                                 "fold_width", "html", "repeats", "markup"};
constexpr const char* kValues[] = {"t2s", "hk2s", "tw2s", "none", "auto", "UTF-8", "GB18030",
                                   "GBK", "Big5", "UTF-16LE", "UTF-16BE", "on", "off", ""};

struct State {
  aidtext_options* options[kSlots] = {};
  aidtext_engine* engines[kSlots] = {};
  aidtext_result* results[kSlots] = {};
  std::string scratch[2];  // NUL-terminated copies of fuzzed keys/values

  ~State() {
    for (auto* r : results) aidtext_result_free(r);
    for (auto* e : engines) aidtext_engine_free(e);
    for (auto* o : options) aidtext_options_free(o);
  }
};

bool valid_status(aidtext_status s) { return s >= AIDTEXT_OK && s <= AIDTEXT_ERR_INTERNAL; }

// A status must be known and never INTERNAL (that is a bug by definition).
void check_status(aidtext_status s) {
  AIDTEXT_FUZZ_CHECK(valid_status(s));
  AIDTEXT_FUZZ_CHECK(s != AIDTEXT_ERR_INTERNAL);
  AIDTEXT_FUZZ_CHECK(aidtext_status_message(s) != nullptr);
  if (s != AIDTEXT_OK) AIDTEXT_FUZZ_CHECK(aidtext_last_error() != nullptr);
}

const char* key_or_value(FuzzInput& in, const char* const* known, size_t n, std::string& scratch) {
  switch (in.pick(4)) {
    case 0: return nullptr;
    case 1: scratch.assign(in.short_string(24)); return scratch.c_str();
    default: return known[in.pick(n)];
  }
}

void set_option(State& st, FuzzInput& in) {
  aidtext_options* o = st.options[in.pick(kSlots)];
  const char* key = key_or_value(in, kKeys, std::size(kKeys), st.scratch[0]);
  const char* value = key_or_value(in, kValues, std::size(kValues), st.scratch[1]);
  aidtext_status s = aidtext_options_set(o, key, value);
  check_status(s);
  if (!o) AIDTEXT_FUZZ_CHECK(s == AIDTEXT_ERR_INVALID_HANDLE);
}

void call_pipeline(State& st, FuzzInput& in) {
  const aidtext_engine* e = st.engines[in.pick(kSlots)];
  int slot = static_cast<int>(in.pick(kSlots));
  std::string_view text = in.short_string(255);
  uint8_t how = in.byte();
  const char* data = (how & 0x10) ? nullptr : text.data();
  size_t size = text.size();
  aidtext_result** out = (how & 0x20) ? nullptr : &st.results[slot];
  aidtext_result_free(st.results[slot]);
  st.results[slot] = nullptr;
  aidtext_status s;
  switch (how % 3) {
    case 0: s = aidtext_normalize(e, data, size, out); break;
    case 1: s = aidtext_quantities(e, data, size, out); break;
    default: {
      std::string date(in.short_string(12));
      s = aidtext_extract(e, data, size, (how & 0x40) ? nullptr : date.c_str(), out);
    }
  }
  check_status(s);
  if (!e) AIDTEXT_FUZZ_CHECK(s != AIDTEXT_OK);
  if (!out || (!data && size > 0)) AIDTEXT_FUZZ_CHECK(s != AIDTEXT_OK);
  if (s != AIDTEXT_OK && out) AIDTEXT_FUZZ_CHECK(st.results[slot] == nullptr);
}

// Provenance in bulk: a window of the map's pieces, at a stride the input
// chooses (older headers' shorter structs, or an unset struct_size). Pieces
// read at full size must tile the text and agree with source_range().
aidtext_status read_map_pieces(const aidtext_result* r, FuzzInput& in) {
  constexpr size_t kCapacity = 4;
  aidtext_map_piece pieces[kCapacity] = {};
  for (aidtext_map_piece& p : pieces) p.struct_size = sizeof p;  // AIDTEXT_MAP_PIECE_INIT, minus C++'s warning
  const size_t total = aidtext_result_map_piece_count(r);
  if (!r) AIDTEXT_FUZZ_CHECK(total == 0);
  const size_t first = in.flag() ? in.pick(total + 2) : in.u32();
  const size_t capacity = in.pick(kCapacity + 1);
  if (in.flag()) pieces[0].struct_size = in.pick(sizeof(aidtext_map_piece) + 1);  // a stride no larger
  size_t written = 99;
  aidtext_status s = aidtext_result_map_pieces(r, first, (capacity == 0 && in.flag()) ? nullptr : pieces,
                                               capacity, in.flag() ? nullptr : &written);
  if (s != AIDTEXT_OK || written == 99) return s;
  AIDTEXT_FUZZ_CHECK(written <= capacity && first + written <= total);
  if (pieces[0].struct_size != sizeof(aidtext_map_piece)) return s;
  const char* text = nullptr;
  size_t text_size = 0;
  AIDTEXT_FUZZ_CHECK(aidtext_result_text(r, &text, &text_size) == AIDTEXT_OK);
  for (size_t k = 0; k < written; ++k) {
    const aidtext_map_piece& p = pieces[k];
    AIDTEXT_FUZZ_CHECK(p.out_start < p.out_end && p.out_end <= text_size && p.in_start <= p.in_end);
    if (k > 0) AIDTEXT_FUZZ_CHECK(p.out_start == pieces[k - 1].out_end && p.in_start >= pieces[k - 1].in_end);
    if (p.linear) AIDTEXT_FUZZ_CHECK(p.out_end - p.out_start == p.in_end - p.in_start);
    size_t is = 0, ie = 0;
    AIDTEXT_FUZZ_CHECK(aidtext_result_source_range(r, p.out_start, p.out_end, &is, &ie) == AIDTEXT_OK);
    AIDTEXT_FUZZ_CHECK(is == p.in_start && ie == p.in_end);
  }
  if (first + written == total && written > 0) AIDTEXT_FUZZ_CHECK(pieces[written - 1].out_end == text_size);
  return s;
}

// A repair's guessed ranges: any repair index (past the end too), window and
// capacity, NULL out or written. Ranges read must lie in the repair's output,
// in order and apart, and agree with the count.
aidtext_status read_repair_guessed(const aidtext_result* r, FuzzInput& in) {
  constexpr size_t kCapacity = 4;
  const size_t repairs = aidtext_result_count(r, AIDTEXT_ITEM_REPAIR);
  const size_t repair = in.flag() ? in.pick(repairs + 2) : in.u32();
  const size_t total = aidtext_result_repair_guessed_count(r, repair);
  if (!r || repair >= repairs) AIDTEXT_FUZZ_CHECK(total == 0);
  const size_t first = in.flag() ? in.pick(total + 2) : in.u32();
  const size_t capacity = in.pick(kCapacity + 1);
  aidtext_range ranges[kCapacity] = {};
  size_t written = 99;
  const bool null_out = in.flag(), null_written = in.flag();
  aidtext_status s = aidtext_result_repair_guessed(r, repair, first, null_out ? nullptr : ranges, capacity,
                                                   null_written ? nullptr : &written);
  if (!r) AIDTEXT_FUZZ_CHECK(s == AIDTEXT_ERR_INVALID_HANDLE);
  if (null_written || (null_out && capacity > 0)) AIDTEXT_FUZZ_CHECK(s != AIDTEXT_OK);
  if (s != AIDTEXT_OK) {
    AIDTEXT_FUZZ_CHECK(written == 99 || written == 0);
    return s;
  }
  AIDTEXT_FUZZ_CHECK(repair < repairs && first <= total && written <= capacity && first + written <= total);
  AIDTEXT_FUZZ_CHECK(written == std::min(capacity, total - first));
  aidtext_repair rep = AIDTEXT_REPAIR_INIT;
  AIDTEXT_FUZZ_CHECK(aidtext_result_repair(r, repair, &rep) == AIDTEXT_OK);
  for (size_t k = 0; k < written; ++k) {
    const aidtext_range& g = ranges[k];
    AIDTEXT_FUZZ_CHECK(rep.out_start <= g.start && g.start < g.end && g.end <= rep.out_end);
    if (k > 0) AIDTEXT_FUZZ_CHECK(ranges[k - 1].end < g.start);
  }
  return s;
}

void read_result(State& st, FuzzInput& in) {
  const aidtext_result* r = st.results[in.pick(kSlots)];
  // Item kinds -1..5: 1..4 are real, the others must be refused or count 0.
  // Plain ints, as a C caller may pass them (see tests/hostile/c_callers.h).
  int item = static_cast<int>(in.pick(7)) - 1;
  size_t count = c_result_count(r, item);
  if (item < AIDTEXT_ITEM_QUANTITY || item > AIDTEXT_ITEM_REPEAT) AIDTEXT_FUZZ_CHECK(count == 0);
  if (!r) AIDTEXT_FUZZ_CHECK(count == 0);
  size_t index = in.flag() ? in.pick(count + 2) : in.u32();
  const char* data = nullptr;
  size_t size = 0;
  aidtext_status s;
  switch (in.pick(11)) {
    case 0: s = aidtext_result_text(r, in.flag() ? nullptr : &data, &size); break;
    case 1: s = aidtext_result_encoding(r, in.flag() ? nullptr : &data); break;
    case 2: {
      size_t a = in.u32(), b = in.u32(), is = 0, ie = 0;
      s = aidtext_result_source_range(r, a, b, &is, &ie);
      if (s == AIDTEXT_OK) AIDTEXT_FUZZ_CHECK(is <= ie);
      break;
    }
    case 3: s = c_result_item_json(r, item, index, &data, in.flag() ? nullptr : &size); break;
    case 4: s = aidtext_result_json(r, &data, &size); break;
    case 5: {
      aidtext_quantity q = AIDTEXT_QUANTITY_INIT;
      if (in.flag()) q.struct_size = in.pick(sizeof q + 8);  // older/newer headers
      s = aidtext_result_quantity(r, index, in.flag() ? nullptr : &q);
      break;
    }
    case 6: {
      aidtext_metric m = AIDTEXT_METRIC_INIT;
      if (in.flag()) m.struct_size = in.pick(sizeof m + 8);
      s = aidtext_result_metric(r, index, &m);
      break;
    }
    case 7: {
      aidtext_repair p = AIDTEXT_REPAIR_INIT;
      s = aidtext_result_repair(r, index, &p);
      break;
    }
    case 8: s = read_map_pieces(r, in); break;
    case 9: s = read_repair_guessed(r, in); break;
    default: {
      aidtext_repeat p = AIDTEXT_REPEAT_INIT;
      s = aidtext_result_repeat(r, index, &p);
    }
  }
  check_status(s);
  // A NULL result is refused (as a bad handle, or first for a NULL out-pointer).
  if (!r) AIDTEXT_FUZZ_CHECK(s == AIDTEXT_ERR_INVALID_HANDLE || s == AIDTEXT_ERR_INVALID_ARGUMENT);
  // A returned string is readable up to its size and NUL-terminated.
  if (s == AIDTEXT_OK && data && size) {
    volatile char sink = 0;
    for (size_t i = 0; i < size; ++i) sink = sink ^ data[i];
    AIDTEXT_FUZZ_CHECK(data[size] == '\0');
  }
}

// Handles of the wrong type: the contract says they are checked.
void wrong_type(State& st, FuzzInput& in) {
  void* any = nullptr;
  switch (in.pick(3)) {
    case 0: any = st.options[in.pick(kSlots)]; break;
    case 1: any = st.engines[in.pick(kSlots)]; break;
    default: any = st.results[in.pick(kSlots)];
  }
  if (!any) return;
  aidtext_status s;
  switch (in.pick(3)) {
    case 0:
      if (any == st.options[0] || any == st.options[1]) return;
      s = aidtext_options_set(static_cast<aidtext_options*>(any), "repair", "on");
      break;
    case 1: {
      if (any == st.engines[0] || any == st.engines[1]) return;
      aidtext_result* out = nullptr;
      s = aidtext_normalize(static_cast<aidtext_engine*>(any), "a", 1, &out);
      aidtext_result_free(out);
      break;
    }
    default: {
      if (any == st.results[0] || any == st.results[1]) return;
      const char* d = nullptr;
      size_t n = 0;
      s = aidtext_result_text(static_cast<aidtext_result*>(any), &d, &n);
    }
  }
  AIDTEXT_FUZZ_CHECK(s == AIDTEXT_ERR_INVALID_HANDLE);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  State st;
  // At most 64 calls per input keep each run short.
  for (int step = 0; step < 64 && !in.empty(); ++step) {
    switch (in.pick(12)) {
      case 0: {
        int i = static_cast<int>(in.pick(kSlots));
        aidtext_options_free(st.options[i]);
        st.options[i] = nullptr;
        check_status(aidtext_options_new(in.flag() ? nullptr : &st.options[i]));
        break;
      }
      case 1:
      case 2: set_option(st, in); break;
      case 3: {
        std::string_view rules = in.short_string(255);
        aidtext_options* o = st.options[in.pick(kSlots)];
        check_status(aidtext_options_set_rules(o, in.flag() ? nullptr : rules.data(), rules.size()));
        break;
      }
      case 4: {
        int i = static_cast<int>(in.pick(kSlots));
        for (auto*& r : st.results) {  // results may borrow from the engine
          aidtext_result_free(r);
          r = nullptr;
        }
        aidtext_engine_free(st.engines[i]);
        st.engines[i] = nullptr;
        aidtext_status s = aidtext_engine_new(st.options[in.pick(kSlots)], &st.engines[i]);
        check_status(s);
        if (s != AIDTEXT_OK) AIDTEXT_FUZZ_CHECK(st.engines[i] == nullptr);
        break;
      }
      case 5:
      case 6: call_pipeline(st, in); break;
      case 7:
      case 8: read_result(st, in); break;
      case 9: {
        int i = static_cast<int>(in.pick(kSlots));
        aidtext_result_free(st.results[i]);
        st.results[i] = nullptr;
        break;
      }
      case 10: wrong_type(st, in); break;
      default: {
        AIDTEXT_FUZZ_CHECK(c_status_message(static_cast<int8_t>(in.byte())) != nullptr);
        AIDTEXT_FUZZ_CHECK(aidtext_version() != nullptr);
      }
    }
  }
  return 0;
}
