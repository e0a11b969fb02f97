#include "metrics/literal_index.h"

#include <algorithm>
#include <cstring>

#include "core/utf8.h"
#include "metrics/char_index.h"
#include "metrics/char_scan.h"

namespace aidtext {

void LiteralIndex::add(std::string_view cue, int32_t payload) {
  if (cue.empty()) return;
  int len = 1;
  char32_t first = next_char(cue, 0, &len);
  if (first < 0x10000) {
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
  std::vector<Entry>& bucket = bucket_for(first);
  for (Entry& e : bucket) {
    if (e.cue != cue) continue;
    if (std::find(e.payloads.begin(), e.payloads.end(), payload) == e.payloads.end()) e.payloads.push_back(payload);
    return;
  }
  Entry entry{std::string(cue), {payload}};
  size_t n = std::min<size_t>(8, cue.size());
  std::memcpy(&entry.head, cue.data(), n);
  entry.mask = n == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
  // Longest first, so the first match at a position is the longest one.
  auto at = std::find_if(bucket.begin(), bucket.end(),
                         [&](const Entry& e) { return e.cue.size() < entry.cue.size(); });
  bucket.insert(at, std::move(entry));
}

LiteralIndex::BitBlock& LiteralIndex::block_for(char32_t c) {
  uint16_t& number = block_numbers_[c >> 6];
  if (number == 0) {
    number = static_cast<uint16_t>(blocks_.size());
    blocks_.emplace_back();
  }
  return blocks_[number];
}

std::vector<uint64_t> LiteralIndex::start_bits() const {
  std::vector<uint64_t> bits(0x10000 / 64);
  for (size_t w = 0; w < bits.size(); ++w) bits[w] = blocks_[block_numbers_[w]].starts;
  return bits;
}

std::vector<LiteralIndex::Entry>& LiteralIndex::bucket_for(char32_t c) {
  if (!slot_firsts_.empty()) {
    const size_t slot = slot_of(c);
    if (slot_firsts_[slot] == c) return buckets_[slot_buckets_[slot]];
  }
  // A new first code point: grow the table to keep it at most half full.
  if (2 * (buckets_.size() + 1) > slot_firsts_.size()) {
    const std::vector<char32_t> firsts = std::move(slot_firsts_);
    const std::vector<uint32_t> indexes = std::move(slot_buckets_);
    slot_firsts_.assign(std::max<size_t>(16, 2 * firsts.size()), kNoSlot);
    slot_buckets_.assign(slot_firsts_.size(), 0);
    for (size_t i = 0; i < firsts.size(); ++i) {
      if (firsts[i] == kNoSlot) continue;
      const size_t slot = slot_of(firsts[i]);
      slot_firsts_[slot] = firsts[i];
      slot_buckets_[slot] = indexes[i];
    }
  }
  const size_t slot = slot_of(c);
  slot_firsts_[slot] = c;
  slot_buckets_[slot] = static_cast<uint32_t>(buckets_.size());
  buckets_.emplace_back();
  return buckets_.back();
}

LiteralIndex::Match LiteralIndex::longest_in_bucket(std::string_view text, uint32_t pos, uint32_t end,
                                                    char32_t c) const {
  if (slot_firsts_.empty()) return {};
  const size_t slot = slot_of(c);
  if (slot_firsts_[slot] == kNoSlot) return {};
  const std::vector<Entry>& bucket = buckets_[slot_buckets_[slot]];
  std::string_view rest = text.substr(pos, end - pos);
  uint64_t window = 0;
  std::memcpy(&window, rest.data(), std::min<size_t>(8, rest.size()));
  for (const Entry& e : bucket) {  // longest first
    if ((window & e.mask) != e.head) continue;
    if (rest.size() >= e.cue.size() &&
        (e.cue.size() <= 8 || std::memcmp(rest.data() + 8, e.cue.data() + 8, e.cue.size() - 8) == 0))
      return {static_cast<uint32_t>(e.cue.size()), &e.payloads};
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
      for (int32_t p : *m.payloads) out->push_back(CueHit{pos, pos + m.size, p});
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
      for (int32_t p : *m.payloads) out->push_back(CueHit{pos, pos + m.size, p});
      covered_to = pos + m.size;
    }
  }
}

}  // namespace aidtext
