#!/usr/bin/env bash
# Installs the build into a temporary prefix (cmake --install), builds the C
# and C++ examples against the INSTALLED library both with find_package(aidtext)
# and with pkg-config, shared and static, and runs them and the installed CLI.
# A broken install rule fails here.
#
# usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/aidtext-install-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

step() { echo "== $*"; }

step "cmake --install into $prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"

for f in include/aidtext/aidtext.h include/aidtext/aidtext.hpp bin/aidtext; do
  [[ -e $prefix/$f ]] || { echo "missing after install: $f"; exit 1; }
done
libdir=$(dirname "$(find "$prefix" -name 'libaidtext.so.0' -print -quit)")
[[ -n $libdir && -e $libdir/libaidtext.a && -e $libdir/libaidtext.so ]] || { echo "libraries not installed"; exit 1; }
soname=$(objdump -p "$libdir/libaidtext.so" | awk '/SONAME/ {print $2}')
[[ $soname == libaidtext.so.0 ]] || { echo "SONAME is '$soname', not libaidtext.so.0"; exit 1; }

input=$work/input.txt
printf '渭源县贫困人口减至2.89万人，贫困发生率降至9.05%%。2019年落实帮扶资金6686万元。\n' >"$input"

check_output() {  # program output file, label
  grep -q '^encoding: ' "$1" || { echo "$2: no encoding line"; cat "$1"; exit 1; }
  grep -q '^text: .*2\.89' "$1" || { echo "$2: no normalized text"; cat "$1"; exit 1; }
  grep -q '^metrics: [0-9]' "$1" || { echo "$2: no metrics line"; cat "$1"; exit 1; }
}

uses_installed_library() {  # executable
  local got
  got=$(ldd "$1" | awk '$1 == "libaidtext.so.0" {print $3}')
  [[ -n $got && $(readlink -f "$got") == $(readlink -f "$libdir/libaidtext.so.0") ]]
}

run_example() {  # executable, label, static?
  "$1" "$input" >"$work/out.txt"
  check_output "$work/out.txt" "$2"
  if [[ $3 == static ]]; then
    if ldd "$1" | grep -q libaidtext; then echo "$2: linked with the shared library"; exit 1; fi
  else
    uses_installed_library "$1" || { echo "$2: not using the installed library"; ldd "$1"; exit 1; }
  fi
  echo "ok: $2"
}

step "examples with find_package(aidtext)"
for lang in c cpp; do
  cmake -S "$src/examples/$lang" -B "$work/build-$lang" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_BUILD_TYPE=Release >"$work/cmake-$lang.log" || { cat "$work/cmake-$lang.log"; exit 1; }
  cmake --build "$work/build-$lang" -j2 >"$work/build-$lang.log" || { cat "$work/build-$lang.log"; exit 1; }
done
run_example "$work/build-c/normalize_extract" "C, find_package, shared" shared
run_example "$work/build-c/normalize_extract_static" "C, find_package, static" static
run_example "$work/build-cpp/normalize_extract_cpp" "C++, find_package, shared" shared
run_example "$work/build-cpp/normalize_extract_cpp_static" "C++, find_package, static" static

step "examples with pkg-config"
export PKG_CONFIG_PATH=$libdir/pkgconfig
pkg-config --exists aidtext || { echo "pkg-config does not find aidtext"; exit 1; }
[[ $(pkg-config --modversion aidtext) == "$(sed -n 's/^#define AIDTEXT_VERSION_STRING "\(.*\)"/\1/p' "$prefix/include/aidtext/aidtext.h")" ]] \
  || { echo "pkg-config version differs from the header's"; exit 1; }
pc_libdir=$(pkg-config --variable=libdir aidtext)
static_libs=$(pkg-config --static --libs aidtext | sed 's/-laidtext\b/-l:libaidtext.a/')
cc -o "$work/c_pc" "$src/examples/c/normalize_extract.c" $(pkg-config --cflags --libs aidtext) -Wl,-rpath,"$pc_libdir"
run_example "$work/c_pc" "C, pkg-config, shared" shared
cc -o "$work/c_pc_static" "$src/examples/c/normalize_extract.c" $(pkg-config --cflags aidtext) $static_libs
run_example "$work/c_pc_static" "C, pkg-config, static" static
c++ -std=c++17 -o "$work/cpp_pc" "$src/examples/cpp/normalize_extract.cc" $(pkg-config --cflags --libs aidtext) \
    -Wl,-rpath,"$pc_libdir"
run_example "$work/cpp_pc" "C++, pkg-config, shared" shared
c++ -std=c++17 -o "$work/cpp_pc_static" "$src/examples/cpp/normalize_extract.cc" $(pkg-config --cflags aidtext) $static_libs
run_example "$work/cpp_pc_static" "C++, pkg-config, static" static

step "the installed CLI"
"$prefix/bin/aidtext" --version
"$prefix/bin/aidtext" normalize "$input" >"$work/cli.jsonl" 2>/dev/null
grep -q '"doc":' "$work/cli.jsonl" || { echo "installed CLI gave no record"; exit 1; }
uses_installed_library "$prefix/bin/aidtext" || { echo "installed CLI does not use the installed library"; exit 1; }
echo "install test passed"
