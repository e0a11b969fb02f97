// KeyedWords: words found by a 64-bit key (RulePackData's not-place words
// by their first or last two characters), built once from a list.
//
// An open-addressed table of keys (a power of two, at most half full,
// multiplicative hash), each slot a range of one flat array of words, the
// key's words in list order. The std::unordered_map of vectors it replaces
// took a node and a vector a key (the default pack's 261 not-place words
// give 522 keys), and building it 0.21M more of the pack's parse's
// instructions (callgrind of cold_start); sorted keys with a binary search
// cost the first extract 20k more instructions than the map, where a probe
// here costs less than the map's modulo.
#ifndef AIDTEXT_METRICS_KEYED_WORDS_H_
#define AIDTEXT_METRICS_KEYED_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aidtext {

class KeyedWords {
  struct Word {
    uint32_t at;    // in pool_
    uint32_t size;
  };

 public:
  // A key's words, read from the table's own copy of them: a table holds
  // its words' bytes (RulePackData is copied, by a pack that starts with
  // "use default", and its words must not point into the pack it came
  // from). Valid while the table lives unchanged.
  class Words {
   public:
    class iterator {
     public:
      using iterator_category = std::forward_iterator_tag;
      using value_type = std::string_view;
      using difference_type = std::ptrdiff_t;
      using pointer = void;
      using reference = std::string_view;
      iterator() = default;
      iterator(const char* pool, const Word* w) : pool_(pool), w_(w) {}
      std::string_view operator*() const { return {pool_ + w_->at, w_->size}; }
      iterator& operator++() {
        ++w_;
        return *this;
      }
      iterator operator++(int) {
        iterator old = *this;
        ++w_;
        return old;
      }
      bool operator==(const iterator& o) const { return w_ == o.w_; }

     private:
      const char* pool_ = nullptr;
      const Word* w_ = nullptr;
    };
    Words() = default;
    Words(const char* pool, const Word* begin, const Word* end) : pool_(pool), begin_(begin), end_(end) {}
    iterator begin() const { return {pool_, begin_}; }
    iterator end() const { return {pool_, end_}; }
    bool empty() const { return begin_ == end_; }

   private:
    const char* pool_ = nullptr;
    const Word* begin_ = nullptr;
    const Word* end_ = nullptr;
  };

  KeyedWords() = default;
  // `words`: (key, word) in list order; a key may come more than once. The
  // words' bytes are copied.
  explicit KeyedWords(std::span<const std::pair<uint64_t, std::string_view>> words) {
    if (words.empty()) return;
    size_t size = 16;
    while (size < 2 * words.size()) size *= 2;  // at most half full, however many keys repeat
    slots_.assign(size, Slot{});
    // Each word's slot, counting the words of each key in `end`.
    std::vector<uint32_t> slot_of(words.size());
    size_t bytes = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      const size_t s = probe(words[i].first);
      slots_[s].key = words[i].first;
      ++slots_[s].end;
      slot_of[i] = static_cast<uint32_t>(s);
      bytes += words[i].second.size();
    }
    // The counts become ranges, then the words fill them in list order.
    uint32_t at = 0;
    for (Slot& s : slots_) {
      const uint32_t n = s.end;
      s.begin = s.end = at;
      at += n;
    }
    pool_.reserve(bytes);
    words_.resize(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      words_[slots_[slot_of[i]].end++] = {static_cast<uint32_t>(pool_.size()),
                                          static_cast<uint32_t>(words[i].second.size())};
      pool_ += words[i].second;
    }
  }
  // The words of `key` in list order (none: empty).
  Words find(uint64_t key) const {
    if (slots_.empty()) return {};
    const Slot& s = slots_[probe(key)];
    return {pool_.data(), words_.data() + s.begin, words_.data() + s.end};
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t begin = 0;  // words_[begin, end); empty: a free slot
    uint32_t end = 0;
  };
  // The slot holding `key`, or the free one where it would go.
  size_t probe(uint64_t key) const {
    const size_t mask = slots_.size() - 1;
    size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & mask;
    while (slots_[i].begin != slots_[i].end && slots_[i].key != key) i = (i + 1) & mask;
    return i;
  }
  std::vector<Slot> slots_;
  std::vector<Word> words_;
  std::string pool_;  // every word's bytes
};

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_KEYED_WORDS_H_
