#!/usr/bin/env bash
# Runs `aidtext extract` over a folder of ordinary and hostile files and fails
# on any leak or memory error.
#   cli_leak_check.sh CLI valgrind|direct SHARED_DIR WORK_DIR
# valgrind: under memcheck (normal builds). direct: as is, for builds with
# AddressSanitizer, whose LeakSanitizer checks at exit.
set -euo pipefail
cli=$1 mode=$2 shared=$3 work=$4
rm -rf "$work" && mkdir -p "$work/in"
if [[ -d $shared/corpus/dev ]]; then
  cp "$shared"/corpus/dev/*.txt "$work/in/"
else
  echo "cli_leak_check: $shared/corpus/dev absent, hostile files only"
fi
printf '2018年底，全县贫困人口减至2.89万人，落实帮扶资金6686万元。\n' >"$work/in/utf8.txt"
printf '\xc6\xb6\xc0\xa7\xc8\xcb\xbf\xda\xbc\xf5\xd6\xc12.89\xcd\xf2\xc8\xcb\n' >"$work/in/gbk.txt"
printf 'abc\0\0\xff\xfe\xe4\xb8 \x81' >"$work/in/garbage.txt"
: >"$work/in/empty.txt"
case $mode in
  valgrind)
    valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
      --error-exitcode=99 "$cli" extract "$work/in" >"$work/out.jsonl" ;;
  direct)
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} "$cli" extract "$work/in" >"$work/out.jsonl" ;;
  *) echo "cli_leak_check: unknown mode $mode" >&2; exit 2 ;;
esac
lines=$(wc -l <"$work/out.jsonl")
echo "cli_leak_check: $mode: no leaks or memory errors; $lines output lines"
