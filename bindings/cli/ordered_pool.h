// OrderedPool: runs a function over a stream of items on N worker threads
// and hands the results back in submission order. At most `window` items,
// weighing at most `max_weight` together (one item always fits), are in
// flight (queued, being worked on, or finished but not yet handed back), so
// memory stays flat however long the stream is and however uneven the
// items are. The window should be wide: results leave in order, so one slow
// item holds back every later one, and the other workers go on only while
// the window has room.
//
// The submitting thread sleeps as little as it can: when the window is full
// it hands results back until half the window is free, and a worker wakes
// it only by finishing the result it waits for. (Waking it on every result
// cost a futex call and a context switch per document on two cores, and
// held --jobs 2 at 1.7x one job.)
#ifndef AIDTEXT_CLI_ORDERED_POOL_H_
#define AIDTEXT_CLI_ORDERED_POOL_H_

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace aidtext::cli {

template <class In, class Out>
class OrderedPool {
 public:
  using Work = std::function<Out(In&)>;
  using Emit = std::function<void(Out&)>;
  using Weigh = std::function<size_t(const In&)>;

  OrderedPool(unsigned workers, size_t window, size_t max_weight, Weigh weigh, Work work, Emit emit)
      : work_(std::move(work)),
        emit_(std::move(emit)),
        weigh_(std::move(weigh)),
        max_weight_(max_weight),
        slots_(window),
        weights_(window, 0) {
    for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { run_worker(); });
  }
  ~OrderedPool() { finish(); }

  // Queues an item; first hands back results that are ready, and waits for
  // the oldest while the window is full. Emit runs on the calling thread.
  void submit(In item) {
    const size_t weight = weigh_(item);
    std::unique_lock<std::mutex> lock(mu_);
    emit_ready(lock, /*wait_for_one=*/false);
    if (submitted_ - emitted_ >= slots_.size()) {
      while (submitted_ - emitted_ > slots_.size() / 2)
        emit_ready(lock, /*wait_for_one=*/true, /*also=*/submitted_ - slots_.size() / 2 - 1);
    }
    while (submitted_ > emitted_ && in_flight_weight_ + weight > max_weight_)
      emit_ready(lock, /*wait_for_one=*/true);
    weights_[submitted_ % slots_.size()] = weight;
    in_flight_weight_ += weight;
    queue_.emplace_back(submitted_++, std::move(item));
    work_ready_.notify_one();
  }

  // Hands back every remaining result, then stops the workers.
  void finish() {
    std::unique_lock<std::mutex> lock(mu_);
    while (emitted_ < submitted_) emit_ready(lock, /*wait_for_one=*/true);
    if (stopping_) return;
    stopping_ = true;
    work_ready_.notify_all();
    lock.unlock();
    for (std::thread& t : threads_) t.join();
  }

 private:
  // Emits results in order while the next one is finished (waiting for it
  // first when wait_for_one, and for result `also` too, a later one, when
  // given). Releases the lock while emitting.
  void emit_ready(std::unique_lock<std::mutex>& lock, bool wait_for_one, uint64_t also = 0) {
    if (wait_for_one) {
      waiting_ = true;
      also_ = std::max(also, emitted_);
      done_.wait(lock, [&] { return wanted_ready(); });
      waiting_ = false;
    }
    while (emitted_ < submitted_) {
      auto& slot = slots_[emitted_ % slots_.size()];
      if (!slot) break;
      Out out = std::move(*slot);
      slot.reset();
      in_flight_weight_ -= weights_[emitted_ % slots_.size()];
      ++emitted_;
      lock.unlock();
      emit_(out);
      lock.lock();
    }
  }

  bool wanted_ready() const {
    return slots_[emitted_ % slots_.size()].has_value() && slots_[also_ % slots_.size()].has_value();
  }

  void run_worker() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left
      auto [seq, item] = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      Out out = work_(item);
      lock.lock();
      slots_[seq % slots_.size()] = std::move(out);
      if (waiting_ && (seq == emitted_ || seq == also_) && wanted_ready()) done_.notify_one();
    }
  }

  Work work_;
  Emit emit_;
  Weigh weigh_;
  const size_t max_weight_;
  std::mutex mu_;
  std::condition_variable work_ready_, done_;
  std::deque<std::pair<uint64_t, In>> queue_;
  std::vector<std::optional<Out>> slots_;  // finished results by seq % window
  std::vector<size_t> weights_;            // each in-flight item's weight, by seq % window
  size_t in_flight_weight_ = 0;
  uint64_t submitted_ = 0, emitted_ = 0;
  bool waiting_ = false;  // the submitting thread waits for results emitted_ and also_
  uint64_t also_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace aidtext::cli

#endif  // AIDTEXT_CLI_ORDERED_POOL_H_
