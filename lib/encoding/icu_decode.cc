#include "encoding/icu_decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <cstring>
#include <memory>
#include <algorithm>
#include <vector>

#include "core/utf8.h"
#include "encoding/icu_converter.h"
#include "encoding/pair_decode.h"
#include "encoding/pair_table.h"
#include "encoding/utf16_decode.h"

namespace aidtext {
namespace {

// ICU decodes this many source bytes per call: bounds the UTF-16 buffers
// (a few hundred KiB) whatever the document size.
constexpr size_t kChunkBytes = 64 * 1024;
// Extra target room per call: characters held over from the previous chunk
// and mappings that yield two code points for one byte sequence.
constexpr size_t kTargetSlack = 64;

// Builds the output of one decode: characters arrive with the input offset
// they start at; a group of code points that start at the same offset maps
// as one piece to [start, next start).
class GroupWriter {
 public:
  GroupWriter(IcuDecoded* out, uint32_t base) : out_(out), base_(base) {}
  void add(char32_t cp, uint32_t start) {
    if (has_group_ && start != group_start_) flush(start);
    if (!has_group_) {
      has_group_ = true;
      group_start_ = start;
      group_out_ = out_->text.size();
    }
    utf8::append(out_->text, cp);
  }
  void finish(uint32_t end) {
    if (has_group_) flush(end);
  }

 private:
  void flush(uint32_t next_start) {
    uint32_t out_len = static_cast<uint32_t>(out_->text.size() - group_out_);
    uint32_t in_len = next_start > group_start_ ? next_start - group_start_ : 0;
    const bool ascii_byte = out_len == 1 && in_len == 1;
    out_->map.append(static_cast<uint32_t>(group_out_), out_len, base_ + group_start_, in_len,
                     /*block=*/!ascii_byte);
    has_group_ = false;
  }
  IcuDecoded* out_;
  uint32_t base_;
  bool has_group_ = false;
  uint32_t group_start_ = 0;
  size_t group_out_ = 0;
};

}  // namespace

IcuDecoded icu_decode(std::string_view bytes, const char* icu_name, uint32_t base) {
  if (const PairTable* table = PairTable::for_converter(icu_name)) {
    if (std::optional<IcuDecoded> fast = decode_pairs(bytes, *table, base)) return std::move(*fast);
  }
  if (icu_name && (std::strcmp(icu_name, "UTF-16LE") == 0 || std::strcmp(icu_name, "UTF-16BE") == 0)) {
    if (std::optional<IcuDecoded> fast = decode_utf16(bytes, icu_name[6] == 'B', base)) return std::move(*fast);
  }
  return icu_decode_with_icu(bytes, icu_name, base);
}

IcuDecoded icu_decode_with_icu(std::string_view bytes, const char* icu_name, uint32_t base) {
  IcuDecoded result;
  UErrorCode err = U_ZERO_ERROR;
  icu::Converter cnv = icu::open_counting(icu_name, &result.invalid_sequences);
  if (!cnv) return result;
  result.ok = true;
  result.text.reserve(bytes.size() + bytes.size() / 2);

  // No bigger than the input needs: a line decoded on its own
  // (mixed_lines.h) zeroed 64 KiB for a few bytes.
  std::vector<UChar> units(std::min(kChunkBytes, bytes.size()) + kTargetSlack);
  std::vector<int32_t> offsets(units.size());
  GroupWriter writer(&result, base);
  const char* const begin = bytes.data();
  const char* source = begin;
  const char* const end = begin + bytes.size();
  // Start of the bytes ICU holds over between calls (a character cut by the
  // chunk boundary); ICU reports offset -1 for the units it then produces.
  uint32_t carry_start = 0;
  UChar pending_high = 0;  // a high surrogate whose low half is in the next call
  uint32_t pending_high_start = 0;
  bool done = false;
  while (!done) {
    const char* chunk_end = end - source > static_cast<ptrdiff_t>(kChunkBytes) ? source + kChunkBytes : end;
    const bool flush = chunk_end == end;
    const char* call_start = source;
    UChar* target = units.data();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, units.data() + units.size(), &source, chunk_end,
                   offsets.data(), flush, &err);
    if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR) {
      // Should not happen with the substituting callback; keep what we have
      // and account for the rest as one invalid sequence.
      writer.add(utf8::kReplacement, static_cast<uint32_t>(source - begin));
      ++result.invalid_sequences;
      break;
    }
    const size_t produced = static_cast<size_t>(target - units.data());
    for (size_t k = 0; k < produced; ++k) {
      const uint32_t start = offsets[k] >= 0
                                 ? static_cast<uint32_t>(call_start - begin) + offsets[k]
                                 : carry_start;
      const UChar u = units[k];
      if (pending_high) {
        if (U16_IS_TRAIL(u)) {
          writer.add(U16_GET_SUPPLEMENTARY(pending_high, u), pending_high_start);
          pending_high = 0;
          continue;
        }
        writer.add(utf8::kReplacement, pending_high_start);
        pending_high = 0;
      }
      if (U16_IS_LEAD(u)) {
        pending_high = u;
        pending_high_start = start;
      } else if (U16_IS_TRAIL(u)) {
        writer.add(utf8::kReplacement, start);
      } else {
        writer.add(u, start);
      }
    }
    UErrorCode pending_err = U_ZERO_ERROR;
    int32_t held = ucnv_toUCountPending(cnv.get(), &pending_err);
    if (U_FAILURE(pending_err) || held < 0) held = 0;
    carry_start = static_cast<uint32_t>(source - begin) - static_cast<uint32_t>(held);
    done = flush && source == end && err != U_BUFFER_OVERFLOW_ERROR;
  }
  if (pending_high) writer.add(utf8::kReplacement, pending_high_start);
  writer.finish(static_cast<uint32_t>(bytes.size()));
  result.map.set_input_size(base + static_cast<uint32_t>(bytes.size()));
  return result;
}

IcuDecoded utf8_decode_lenient(std::string_view bytes, uint32_t base) {
  IcuDecoded result;
  result.ok = true;
  result.text.reserve(bytes.size() + 16);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0, run = 0;  // [run, i) is valid text not yet copied
  auto copy_run = [&] {
    if (i > run) {
      uint32_t o = static_cast<uint32_t>(result.text.size());
      result.text.append(bytes.data() + run, i - run);
      result.map.append(o, static_cast<uint32_t>(i - run), base + static_cast<uint32_t>(run),
                        static_cast<uint32_t>(i - run));
    }
  };
  while (i < n) {
    if (p[i] < 0x80) { ++i; continue; }
    int len;
    char32_t c = utf8::decode(bytes, i, &len);
    if (c != utf8::kReplacement || (len == 3 && p[i] == 0xEF)) {
      i += len;
      continue;
    }
    // An invalid sequence: the lead byte plus the continuation bytes that
    // follow it (at most as many as the lead byte announces) become one U+FFFD.
    copy_run();
    size_t bad = 1;
    const int want = utf8::sequence_length(p[i]);
    while (bad < static_cast<size_t>(want) && i + bad < n && (p[i + bad] & 0xC0) == 0x80) ++bad;
    uint32_t o = static_cast<uint32_t>(result.text.size());
    utf8::append(result.text, utf8::kReplacement);
    result.map.append(o, 3, base + static_cast<uint32_t>(i), static_cast<uint32_t>(bad), true);
    ++result.invalid_sequences;
    i += bad;
    run = i;
  }
  copy_run();
  result.map.set_input_size(base + static_cast<uint32_t>(n));
  return result;
}

}  // namespace aidtext
