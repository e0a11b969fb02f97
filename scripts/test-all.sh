#!/usr/bin/env bash
# Every test on a fresh Debian machine: install what is missing, build, run
# the whole ctest suite; then the same suite under AddressSanitizer +
# UndefinedBehaviorSanitizer, the ThreadSanitizer concurrency test, and every
# libFuzzer target for a bounded time (scripts/sanitize.sh, scripts/fuzz.sh).
# AIDTEXT_QUICK=1 skips the sanitizer and fuzzing stages.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)
start=$(date +%s)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")
echo "test-all: main suite done in $(( $(date +%s) - start )) s"
if [[ "${AIDTEXT_QUICK:-0}" != 1 ]]; then
  [[ -f scripts/sanitize.sh ]] && bash scripts/sanitize.sh
  [[ -f scripts/fuzz.sh ]] && bash scripts/fuzz.sh
fi
echo "test-all: everything passed in $(( $(date +%s) - start )) s"
