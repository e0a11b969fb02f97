#!/usr/bin/env bash
# The test suite under the sanitizers (gcc):
#   1. build-asan: AddressSanitizer + UndefinedBehaviorSanitizer
#      (-DAIDTEXT_SANITIZE=ON), everything built, the whole ctest suite run
#      (LeakSanitizer included: a leak fails its test);
#   2. build-tsan: ThreadSanitizer (-DAIDTEXT_TSAN=ON), only the concurrency
#      test (one engine, 8 threads) and the CLI built; the test run, and the
#      CLI's worker pool (--jobs 4) over the bundled examples, given often
#      enough to fill its window of documents in flight.
#   scripts/sanitize.sh [asan|tsan]   (default: both)
# Prints how long each part took. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
parts=${1:-asan tsan}
jobs=$(nproc)
start=$(date +%s)
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }

if [[ " $parts " == *" asan "* ]]; then
  t=$(date +%s)
  # Tools the build itself runs (table generators) are sanitized too; their
  # one-shot allocations at exit are not worth failing the build on.
  ASAN_OPTIONS=detect_leaks=0 cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DAIDTEXT_SANITIZE=ON >/dev/null
  ASAN_OPTIONS=detect_leaks=0 cmake --build build-asan -j"$jobs"
  echo "sanitize: asan build $(elapsed "$t")"
  t=$(date +%s)
  # (tests/bindings preloads the ASan runtime into its uninstrumented python3.)
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 \
     UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j"$jobs")
  echo "sanitize: asan tests $(elapsed "$t")"
fi

if [[ " $parts " == *" tsan "* ]]; then
  t=$(date +%s)
  cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIDTEXT_TSAN=ON \
    -DAIDTEXT_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build build-tsan -j"$jobs" --target test_concurrency aidtext_cli
  TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 build-tsan/tests/hostile/test_concurrency
  inputs=()
  for _ in $(seq 80); do inputs+=(examples/corpus); done
  TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 build-tsan/bindings/cli/aidtext extract --jobs 4 \
    "${inputs[@]}" >/dev/null
  echo "sanitize: tsan build + concurrency test + CLI pool $(elapsed "$t")"
fi
echo "sanitize: done in $(elapsed "$start")"
