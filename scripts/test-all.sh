#!/usr/bin/env bash
# Every test on a fresh Debian machine (this is what CI runs, via .ci/run):
#   1. install what is missing (scripts/install-deps.sh);
#   2. main:  build/ and the whole ctest suite (C++ Boost.Test, pytest, CLI,
#             SQLite, Dask, install, hostile inputs, fuzz-regression replays,
#             leak checks under valgrind, benchmark smoke run);
#   3. asan:  the suite again under AddressSanitizer + UndefinedBehaviorSanitizer
#             with LeakSanitizer (scripts/sanitize.sh asan, build-asan/);
#   4. tsan:  one engine from 8 threads under ThreadSanitizer
#             (scripts/sanitize.sh tsan, build-tsan/);
#   5. fuzz:  every libFuzzer target for a fixed, seeded number of runs on a
#             seed corpus made from ../shared when present (scripts/fuzz.sh,
#             build-fuzz/).
# Every part runs even when an earlier one failed, so one CI run shows all
# failures; the time of each part is printed at the end, and the exit status
# is non-zero when any part failed.
#
# For quick local runs:
#   AIDTEXT_QUICK=1           the main suite only (parts 1-2)
#   AIDTEXT_PARTS="main fuzz" only the parts named
# CI sets neither and runs everything.
set -uo pipefail
cd "$(dirname "$0")/.."
if [[ -n "${AIDTEXT_PARTS:-}" ]]; then
  parts=" $AIDTEXT_PARTS "
elif [[ "${AIDTEXT_QUICK:-0}" == 1 ]]; then
  parts=" main "
else
  parts=" main asan tsan fuzz "
fi
start=$(date +%s)
bash scripts/install-deps.sh || exit 1
echo "test-all: dependencies ready in $(( $(date +%s) - start )) s"
jobs=$(nproc)
failed=()
summary=()

run_main() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIDTEXT_BUILD_TESTS=ON >/dev/null &&
    cmake --build build -j"$jobs" &&
    (cd build && ctest --output-on-failure -j"$jobs" --timeout 900)
}

# run_part NAME COMMAND...: runs one part, records its time and outcome.
run_part() {
  local name=$1 t
  shift
  [[ $parts == *" $name "* ]] || return 0
  echo "test-all: === $name ==="
  t=$(date +%s)
  if "$@"; then
    summary+=("$name: passed in $(( $(date +%s) - t )) s")
  else
    summary+=("$name: FAILED after $(( $(date +%s) - t )) s")
    failed+=("$name")
  fi
  echo "test-all: ${summary[-1]}"
}

run_part main run_main
run_part asan bash scripts/sanitize.sh asan
run_part tsan bash scripts/sanitize.sh tsan
run_part fuzz bash scripts/fuzz.sh

echo "test-all: summary"
printf 'test-all:   %s\n' "${summary[@]}"
echo "test-all: total $(( $(date +%s) - start )) s"
if ((${#failed[@]})); then
  echo "test-all: FAILED: ${failed[*]}"
  exit 1
fi
echo "test-all: all parts passed"
