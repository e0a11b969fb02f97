// Fuzz target: the command line tool's cutting of a large file into
// sections (bindings/cli/section_cut) and its moving of a section's record
// offsets (record_offsets), over any bytes. The first byte picks the
// layout and the section size (4 to 259 bytes, so that inputs of a few
// hundred bytes are cut several times).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/utf8.h"
#include "fuzz_checks.h"
#include "fuzz_input.h"
#include "record_offsets.h"
#include "section_cut.h"

namespace {

using aidtext::cli::ByteLayout;

bool valid_utf8(std::string_view s) { return aidtext::utf8::valid(s); }

void fuzz_cuts(aidtext::fuzz::FuzzInput& in) {
  const uint8_t pick = in.byte();
  const ByteLayout layout = pick % 3 == 0 ? ByteLayout::kBytes : pick % 3 == 1 ? ByteLayout::kUtf16LE
                                                                               : ByteLayout::kUtf16BE;
  const size_t max_section = 4 + in.byte();
  std::string_view rest = in.rest();
  (void)aidtext::cli::guess_layout(rest);
  // Cut the whole input as the tool does: every byte in exactly one section.
  while (!rest.empty()) {
    const size_t cut = aidtext::cli::section_cut(rest, layout, max_section);
    AIDTEXT_FUZZ_CHECK(cut > 0 && cut <= rest.size());
    if (rest.size() > max_section) {
      AIDTEXT_FUZZ_CHECK(cut <= max_section);
      if (layout != ByteLayout::kBytes) AIDTEXT_FUZZ_CHECK(cut % 2 == 0);
      // Valid UTF-8 is cut between characters.
      if (layout == ByteLayout::kBytes && valid_utf8(rest.substr(0, max_section + 1)))
        AIDTEXT_FUZZ_CHECK(aidtext::fuzz::is_char_boundary(rest, cut));
    } else {
      AIDTEXT_FUZZ_CHECK(cut == rest.size());
    }
    rest.remove_prefix(cut);
  }
}

void fuzz_offsets(aidtext::fuzz::FuzzInput& in) {
  const uint64_t delta = in.u32();
  const std::string_view record = in.rest();
  const std::string json = aidtext::cli::shift_json_offsets(record, {{"start", delta}, {"guessed", delta}});
  // Only digits change: the bytes other than digits are the record's, in order.
  auto non_digits = [](std::string_view s) {
    std::string t;
    for (char c : s)
      if (c < '0' || c > '9') t.push_back(c);
    return t;
  };
  AIDTEXT_FUZZ_CHECK(non_digits(json) == non_digits(record));
  const std::string csv = aidtext::cli::shift_csv_offsets(record, {{0, delta}, {3, delta}});
  AIDTEXT_FUZZ_CHECK(non_digits(csv) == non_digits(record));
  (void)aidtext::cli::csv_column(record, "start");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  aidtext::fuzz::FuzzInput in(data, size);
  if (in.byte() & 1) fuzz_offsets(in);
  else fuzz_cuts(in);
  return 0;
}
