// ViewSet: a set of string views for the place finder's per-document sets of
// names (distinct names, stems, names with a certain start, venues).
//
// A document names a few dozen places, each a few Chinese characters; the
// sets took std::unordered_set<std::string_view>, whose node allocation and
// byte-wise hash (_Hash_bytes) cost about 150 instructions an insert, and
// sorted vectors cost as much in comparisons. Here: open addressing over a
// power-of-two table at most half full, hashed on the view's first and last
// eight bytes and its size (about 25 instructions an operation). The views
// must outlive the set.
#ifndef AIDTEXT_METRICS_VIEW_SET_H_
#define AIDTEXT_METRICS_VIEW_SET_H_

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace aidtext {

class ViewSet {
 public:
  // Room for `expected` views without growing.
  explicit ViewSet(size_t expected = 16) {
    size_t n = 16;
    while (n < 2 * expected) n *= 2;
    slots_.assign(n, Slot{});
  }
  // Adds `v`; true when it was not there yet. Returns the slot's payload
  // through *payload when given (set to `value` on insertion).
  bool insert(std::string_view v, uint32_t value = 0, uint32_t* payload = nullptr) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    Slot& s = slots_[find(v)];
    if (s.used) {
      if (payload) *payload = s.value;
      return false;
    }
    s = Slot{v, value, true};
    ++size_;
    if (payload) *payload = value;
    return true;
  }
  bool contains(std::string_view v) const { return slots_[find(v)].used; }
  // The payload given when `v` was inserted, or `none`.
  uint32_t value_of(std::string_view v, uint32_t none) const {
    const Slot& s = slots_[find(v)];
    return s.used ? s.value : none;
  }
  size_t size() const { return size_; }

 private:
  struct Slot {
    std::string_view view;
    uint32_t value = 0;
    bool used = false;
  };
  static uint64_t hash(std::string_view v) {
    uint64_t a = 0, b = 0;
    const size_t n = v.size() < 8 ? v.size() : 8;
    std::memcpy(&a, v.data(), n);
    std::memcpy(&b, v.data() + v.size() - n, n);
    return ((a * 0x9E3779B97F4A7C15ull) ^ (b + v.size())) * 0xC2B2AE3D27D4EB4Full;
  }
  size_t find(std::string_view v) const {
    const size_t mask = slots_.size() - 1;
    size_t i = static_cast<size_t>(hash(v) >> 40) & mask;
    while (slots_[i].used && slots_[i].view != v) i = (i + 1) & mask;
    return i;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    for (const Slot& s : old)
      if (s.used) slots_[find(s.view)] = s;
  }
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace aidtext

#endif  // AIDTEXT_METRICS_VIEW_SET_H_
