#include "metrics/literal_index.h"

#include <algorithm>
#include <cstring>

#include "core/utf8.h"
#include "metrics/char_index.h"
#include "metrics/char_scan.h"

namespace aidtext {

inline LiteralIndex::BitBlock& LiteralIndex::block_for(char32_t c) {
  uint16_t& number = block_numbers_[c >> 6];
  if (number == 0) {
    number = static_cast<uint16_t>(blocks_.size());
    blocks_.emplace_back();
  }
  return blocks_[number];
}

// Inline in the constructor: as a call it cost 18 instructions a cue (12k of
// the default pack's parse).
inline void LiteralIndex::mark_start(std::string_view cue, char32_t first, int len) {
  if (first >= 0x10000) return;
  BitBlock& block = block_for(first);
  block.starts |= uint64_t{1} << (first & 63);
  // Two three-byte characters first: the filter knows the cue's first six bytes.
  int len2 = 1;
  if (len == 3 && cue.size() >= 6 && (next_char(cue, 3, &len2), len2 == 3)) {
    const size_t b = pair_bit(six_bytes(cue.data()));
    pairs_[b >> 6] |= uint64_t{1} << (b & 63);
  } else {
    block.unfiltered |= uint64_t{1} << (first & 63);
  }
}

LiteralIndex::LiteralIndex(std::span<const Cue> cues) {
  // The cues sorted once by first code point, longest first, then in list
  // order, where each was inserted into its bucket in turn (integers only:
  // comparing bytes for the ties of first character and size took 25k of
  // the sort's instructions). Cues of one size are tried in list order, as
  // they were then: in an order of their bytes the extracts of the 83 test
  // documents took 11k more instructions.
  struct Item {
    uint64_t key;  // the first code point, then the size, longest first
    uint64_t head;  // the first 8 bytes (fewer: zero-padded)
    uint32_t index;  // into cues
  };
  std::vector<Item> items;
  items.reserve(cues.size());
  // Room for a block a cue (at most 1024 and the zero block), at most 16
  // bytes a cue more than used: growing one block at a time cost 11k
  // instructions of the default pack's parse.
  blocks_.reserve(std::min<size_t>(cues.size(), 1024) + 1);
  size_t bytes = 0;
  for (size_t i = 0; i < cues.size(); ++i) {
    const std::string_view cue = cues[i].text;
    if (cue.empty()) continue;
    int len = 1;
    const char32_t first = next_char(cue, 0, &len);
    mark_start(cue, first, len);
    uint64_t head = 0;
    std::memcpy(&head, cue.data(), std::min<size_t>(8, cue.size()));
    items.push_back(Item{uint64_t{first} << 32 | (0xFFFFFFFFu - static_cast<uint32_t>(cue.size())), head,
                         static_cast<uint32_t>(i)});
    bytes += cue.size();
  }
  std::sort(items.begin(), items.end(),
            [](const Item& x, const Item& y) { return x.key != y.key ? x.key < y.key : x.index < y.index; });
  bytes_.reserve(bytes);
  entries_.reserve(items.size());
  payloads_.reserve(items.size());
  // A bucket a cue at most: growing them one bucket at a time cost 18k
  // instructions of the default pack's parse.
  std::vector<char32_t> firsts;
  std::vector<uint32_t> starts;  // by bucket, its first entry
  firsts.reserve(items.size());
  starts.reserve(items.size() + 1);
  size_t run = 0;  // the first entry of the current key (first character and size)
  for (size_t k = 0; k < items.size(); ++k) {
    const Item& item = items[k];
    const Cue& cue = cues[item.index];
    if (k == 0 || item.key != items[k - 1].key) run = entries_.size();
    // A cue listed before adds its payload there, found among the cues of
    // its first character and size (the default pack: at most 40, 将 and
    // two more characters; the whole bucket was scanned for each cue added
    // one at a time), by their first 8 bytes and then the rest.
    Entry* same = nullptr;
    for (size_t e = run; e < entries_.size() && !same; ++e)
      if (entries_[e].head == item.head &&
          (cue.text.size() <= 8 ||
           std::memcmp(bytes_.data() + entries_[e].offset + 8, cue.text.data() + 8, cue.text.size() - 8) == 0))
        same = &entries_[e];
    if (same) {
      const auto begin = payloads_.begin() + same->payload_begin, end = payloads_.begin() + same->payload_end;
      if (std::find(begin, end, cue.payload) == end) {
        // Its payloads end the array: the cues after it of this key are new
        // ones listed later, whose payloads come after.
        payloads_.insert(end, cue.payload);
        ++same->payload_end;
        for (Entry* later = same + 1; later != entries_.data() + entries_.size(); ++later) {
          ++later->payload_begin;
          ++later->payload_end;
        }
      }
      continue;
    }
    const char32_t first = static_cast<char32_t>(item.key >> 32);
    if (firsts.empty() || firsts.back() != first) {
      firsts.push_back(first);
      starts.push_back(static_cast<uint32_t>(entries_.size()));
    }
    Entry entry;
    const size_t n = std::min<size_t>(8, cue.text.size());
    entry.head = item.head;
    entry.mask = n == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
    entry.offset = static_cast<uint32_t>(bytes_.size());
    entry.size = static_cast<uint32_t>(cue.text.size());
    bytes_.append(cue.text);
    entry.payload_begin = static_cast<uint32_t>(payloads_.size());
    payloads_.push_back(cue.payload);
    entry.payload_end = static_cast<uint32_t>(payloads_.size());
    entries_.push_back(entry);
  }
  if (firsts.empty()) return;
  starts.push_back(static_cast<uint32_t>(entries_.size()));
  // At most half full, at least 16 slots.
  size_t slots = 16;
  while (slots < 2 * firsts.size()) slots *= 2;
  slot_firsts_.assign(slots, kNoSlot);
  slot_buckets_.assign(slots, Bucket{});
  for (size_t b = 0; b < firsts.size(); ++b) {
    const size_t slot = slot_of(firsts[b]);
    slot_firsts_[slot] = firsts[b];
    slot_buckets_[slot] = Bucket{starts[b], starts[b + 1]};
  }
}

std::vector<uint64_t> LiteralIndex::start_bits() const {
  std::vector<uint64_t> bits(0x10000 / 64);
  for (size_t w = 0; w < bits.size(); ++w) bits[w] = blocks_[block_numbers_[w]].starts;
  return bits;
}

LiteralIndex::Match LiteralIndex::longest_in_bucket(std::string_view text, uint32_t pos, uint32_t end,
                                                    char32_t c) const {
  if (slot_firsts_.empty()) return {};
  const size_t slot = slot_of(c);
  if (slot_firsts_[slot] == kNoSlot) return {};
  const Bucket bucket = slot_buckets_[slot];
  std::string_view rest = text.substr(pos, end - pos);
  uint64_t window = 0;
  std::memcpy(&window, rest.data(), std::min<size_t>(8, rest.size()));
  const Entry* const stop = entries_.data() + bucket.end;
  for (const Entry* e = entries_.data() + bucket.begin; e != stop; ++e) {  // longest first
    if ((window & e->mask) != e->head) continue;
    if (rest.size() >= e->size &&
        (e->size <= 8 || std::memcmp(rest.data() + 8, bytes_.data() + e->offset + 8, e->size - 8) == 0))
      return {e->size, e->payload_end - e->payload_begin, payloads_.data() + e->payload_begin};
  }
  return {};
}

bool LiteralIndex::any_at(std::string_view text, size_t pos) const {
  if (pos >= text.size()) return false;
  int len = 1;
  const char32_t c = next_char(text, pos, &len);
  return longest_at(text, static_cast<uint32_t>(pos), static_cast<uint32_t>(text.size()), c).size != 0;
}

void LiteralIndex::scan(std::string_view text, uint32_t begin, uint32_t end, std::vector<CueHit>* out) const {
  if (end > text.size()) end = static_cast<uint32_t>(text.size());
  uint32_t covered_to = 0;  // end of the last hit kept
  uint32_t pos = begin;
  while (pos < end) {
    pos = static_cast<uint32_t>(next_marked(text, pos, end, start_words()));
    if (pos >= end) break;
    int len = 1;
    const char32_t c = next_char(text, pos, &len);
    if (const Match m = longest_at(text, pos, end, c); m.size && pos + m.size > covered_to) {
      for (int32_t p : m.payloads()) out->push_back(CueHit{pos, pos + m.size, p});
      covered_to = pos + m.size;
    }
    pos += static_cast<uint32_t>(len);
  }
}

}  // namespace aidtext

namespace aidtext {

void LiteralIndex::scan(std::string_view text, const CharIndex& chars, uint32_t begin, uint32_t end,
                        std::vector<CueHit>* out, uint8_t start_class) const {
  if (end > text.size()) end = static_cast<uint32_t>(text.size());
  // A range not starting on a character of the index: the byte scan steps
  // from `begin` as it always did.
  if (begin >= end || !chars.starts_char(begin)) return scan(text, begin, end, out);
  uint32_t covered_to = 0;  // end of the last hit kept
  const size_t last = chars.index_at(end);
  for (size_t k = chars.index_at(begin); k < last; ++k) {
    k = start_class && chars.has_classes() ? chars.next_in_class(k, last, start_class)
                                           : chars.next_marked(k, last, start_words());
    if (k >= last) break;
    const uint32_t pos = chars.offset(k);
    if (const Match m = longest_at(text, pos, end, chars.at(k)); m.size && pos + m.size > covered_to) {
      for (int32_t p : m.payloads()) out->push_back(CueHit{pos, pos + m.size, p});
      covered_to = pos + m.size;
    }
  }
}

}  // namespace aidtext
