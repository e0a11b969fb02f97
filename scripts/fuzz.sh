#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with clang + ASan + UBSan in
# build-fuzz/ and runs each with a bounded budget.
#
#   scripts/fuzz.sh            CI: a fixed number of runs per target (RUNS_OF
#                              below) from a fixed seed (-seed=, default 1) on a
#                              fresh seed corpus: the same inputs every time
#   scripts/fuzz.sh SECONDS    exploration: SECONDS per target on the corpus
#                              that grows in build-fuzz/corpus/ between runs
#   AIDTEXT_FUZZ_TARGETS="normalize capi" scripts/fuzz.sh   (a subset)
#   AIDTEXT_FUZZ_SEED=7 AIDTEXT_FUZZ_RUNS_SCALE=10 scripts/fuzz.sh   (other
#                              seed, ten times the runs)
#
# Seeds are built at run time (tests/fuzz/make_seeds.py) from the committed
# seeds, the saved regressions, and ../shared (dev corpus, peer suites) when
# present. Targets run two at a time (one per core). Exits non-zero when a
# target crashes, hangs (-timeout) or runs out of memory (-rss_limit_mb),
# after printing the reproducer's path; replay one with
#   build-fuzz/tests/fuzz/fuzz_<target> <reproducer>
# and keep it as tests/fuzz/regressions/<target>/<name> once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-}
build=build-fuzz
seed=${AIDTEXT_FUZZ_SEED:-1}
scale=${AIDTEXT_FUZZ_RUNS_SCALE:-1}
# The slowest first, so that the two cores stay busy to the end.
targets=(${AIDTEXT_FUZZ_TARGETS:-extract normalize repair capi rule_pack quantities sections decode})
start=$(date +%s)

# Build tools that the build itself runs (table generators) are sanitized
# too; their one-shot allocations are not leaks worth failing the build on.
export ASAN_OPTIONS=detect_leaks=0
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DAIDTEXT_BUILD_FUZZERS=ON -DAIDTEXT_SANITIZE=ON -DAIDTEXT_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" --target fuzzers -j"$(nproc)"
echo "fuzz: built in $(( $(date +%s) - start )) s"

# -timeout is wall-clock time: a run alone gets 10 s (a hundred times the
# slowest input seen); CI, sharing its 2 cores, 30 s.
timeout=30
if [[ -n $seconds ]]; then
  corpus=$build/corpus
  timeout=10
  budget_of() { echo "-max_total_time=$seconds"; }
else
  # A fresh corpus each time: with the same seed corpus, -seed and -runs,
  # libFuzzer runs the same inputs, so a failure in CI reproduces locally.
  corpus=$build/corpus-ci
  rm -rf "$corpus"
  budget_of() {
    # -max_total_time only guards against a slowdown of the library
    # (it makes the run stop early, which the summary line shows).
    echo "-seed=$seed -runs=$(( $(runs_of "$1") * scale )) -max_total_time=$(( 600 * scale ))"
  }
fi
/usr/bin/python3 tests/fuzz/make_seeds.py "$PWD" "$PWD/../shared" "$corpus"

# Executions per target in CI, seed corpus included: one to three minutes
# each under ASan + UBSan. Measured on 2026-11-22 on the loaded 2-core machine
# (clang 14): extract ~20 runs/s, repair ~21/s, normalize ~78/s, capi ~350/s,
# rule_pack ~2400/s, quantities ~6000/s; the part took 323 s with 700, 4000
# and 20000 runs for extract, normalize and capi.
runs_of() {
  case $1 in
    normalize) echo 8000 ;;
    repair) echo 4000 ;;
    quantities) echo 400000 ;;
    extract) echo 2000 ;;
    rule_pack) echo 200000 ;;
    capi) echo 40000 ;;
    sections) echo 200000 ;;
    decode) echo 20000 ;;
  esac
}

# -max_len: 4 KB holds a long paragraph (seeds longer than that are cut),
# enough for every construct the text targets parse, and keeps each run
# short; a rule pack that exercises every directive fits in 8 KB.
max_len_of() {
  case $1 in
    rule_pack) echo 8192 ;;
    sections) echo 1024 ;;
    *) echo 4096 ;;
  esac
}

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run_one() {
  local t=$1 crashes="$build/crashes/$1"
  mkdir -p "$crashes" "$corpus/$t"
  # shellcheck disable=SC2046  # the budget is several options
  "$build/tests/fuzz/fuzz_$t" "$corpus/$t" $(budget_of "$t") -timeout="$timeout" -rss_limit_mb=2048 -max_len="$(max_len_of "$t")" \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$build/fuzz_$t.log" 2>&1
}

report() {
  local t=$1 status=$2 log="$build/fuzz_$1.log" runs cov secs
  if ((status == 0)); then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
    secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o '[0-9]* second' | grep -o '[0-9]*' || true)
    echo "fuzz: $t ok (${runs:-?} runs in ${secs:-?} s, $cov)"
    if [[ -z $seconds && ${runs:-0} -lt $(( $(runs_of "$t") * scale )) ]]; then
      echo "fuzz:   $t stopped by the time guard before its runs: the target got slower"
    fi
  else
    failed+=("$t")
    echo "fuzz: $t FAILED; log: $log"
    grep -E 'ERROR|SUMMARY|invariant broken|runtime error' "$log" | head -5 || true
    grep -o "Test unit written to .*" "$log" | sed 's/^/fuzz:   reproducer: /' || true
  fi
}

# Two targets at a time (one per core); the next starts when one ends.
declare -A target_of=()
failed=()
for t in "${targets[@]}"; do
  if ((${#target_of[@]} >= 2)); then
    status=0; wait -n -p done_pid "${!target_of[@]}" || status=$?
    report "${target_of[$done_pid]}" "$status"; unset "target_of[$done_pid]"
  fi
  run_one "$t" & target_of[$!]=$t
done
while ((${#target_of[@]})); do
  status=0; wait -n -p done_pid "${!target_of[@]}" || status=$?
  report "${target_of[$done_pid]}" "$status"; unset "target_of[$done_pid]"
done
echo "fuzz: done in $(( $(date +%s) - start )) s"
if ((${#failed[@]})); then
  echo "fuzz: crashes in: ${failed[*]}"
  exit 1
fi
