#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with clang + ASan + UBSan in
# build-fuzz/ and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 45)
#   AIDTEXT_FUZZ_TARGETS="normalize capi" scripts/fuzz.sh 60   (a subset)
#
# Seeds are built at run time (tests/fuzz/make_seeds.py) from the committed
# seeds, the saved regressions, and ../shared (dev corpus, peer suites) when
# present; the corpus grows in build-fuzz/corpus/<target>/ between runs.
# Targets run two at a time (one per core). Exits non-zero when a target
# crashes, hangs (-timeout) or runs out of memory (-rss_limit_mb), after
# printing the reproducer's path; replay one with
#   build-fuzz/tests/fuzz/fuzz_<target> <reproducer>
# and keep it as tests/fuzz/regressions/<target>/<name> once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-45}
build=build-fuzz
targets=(${AIDTEXT_FUZZ_TARGETS:-normalize repair quantities extract rule_pack capi})
start=$(date +%s)

# Build tools that the build itself runs (table generators) are sanitized
# too; their one-shot allocations are not leaks worth failing the build on.
export ASAN_OPTIONS=detect_leaks=0
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DAIDTEXT_BUILD_FUZZERS=ON -DAIDTEXT_SANITIZE=ON -DAIDTEXT_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" --target fuzzers -j"$(nproc)"
echo "fuzz: built in $(( $(date +%s) - start )) s"

/usr/bin/python3 tests/fuzz/make_seeds.py "$PWD" "$PWD/../shared" "$build/corpus"

# -max_len: 4 KB holds a long paragraph (seeds longer than that are cut),
# enough for every construct the text targets parse, and keeps each run
# short; a rule pack that exercises every directive fits in 8 KB.
max_len_of() {
  case $1 in
    rule_pack) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run_one() {
  local t=$1 crashes="$build/crashes/$1"
  mkdir -p "$crashes" "$build/corpus/$t"
  "$build/tests/fuzz/fuzz_$t" "$build/corpus/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len_of "$t")" \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$build/fuzz_$t.log" 2>&1
}

declare -A pid_of
failed=()
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  for t in "${targets[@]:i:2}"; do
    run_one "$t" & pid_of[$t]=$!
  done
  for t in "${targets[@]:i:2}"; do
    if wait "${pid_of[$t]}"; then
      runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/fuzz_$t.log" | grep -o '[0-9]*$' || true)
      cov=$(grep -o 'cov: [0-9]*' "$build/fuzz_$t.log" | tail -1 || true)
      echo "fuzz: $t ok (${runs:-?} runs, $cov)"
    else
      failed+=("$t")
      echo "fuzz: $t FAILED; log: $build/fuzz_$t.log"
      grep -E 'ERROR|SUMMARY|invariant broken|runtime error' "$build/fuzz_$t.log" | head -5 || true
      grep -o "Test unit written to .*" "$build/fuzz_$t.log" | sed 's/^/fuzz:   reproducer: /' || true
    fi
  done
done
echo "fuzz: done in $(( $(date +%s) - start )) s"
if ((${#failed[@]})); then
  echo "fuzz: crashes in: ${failed[*]}"
  exit 1
fi
