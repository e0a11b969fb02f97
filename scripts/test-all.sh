#!/usr/bin/env bash
# Every test on a fresh Debian machine: install what is missing, build, and
# run the whole ctest suite (C++ Boost.Test, pytest, CLI, SQLite, Dask,
# install, hostile inputs, fuzz-regression replays, benchmark smoke run).
#
# AIDTEXT_SANITIZE=1 also runs the suite under ASan+UBSan and the TSan
# concurrency test (scripts/sanitize.sh); AIDTEXT_FUZZ=SECONDS also runs
# every libFuzzer target that long (scripts/fuzz.sh). Both are off by default
# until they are green on a clean machine (see the README, "Status").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)
start=$(date +%s)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIDTEXT_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs" --timeout 900)
echo "test-all: main suite done in $(( $(date +%s) - start )) s"
if [[ "${AIDTEXT_SANITIZE:-0}" == 1 ]]; then bash scripts/sanitize.sh; fi
if [[ -n "${AIDTEXT_FUZZ:-}" ]]; then bash scripts/fuzz.sh "$AIDTEXT_FUZZ"; fi
echo "test-all: passed in $(( $(date +%s) - start )) s"
