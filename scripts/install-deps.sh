#!/usr/bin/env bash
# Installs the Debian packages aidtext needs to build, test and benchmark.
# Idempotent: installs only what is missing. Needs root or sudo.
set -euo pipefail

# build: compiler, CMake, ICU, RE2, pkg-config, SQLite (CLI --db output and the extension)
# data:  opencc (T->S dictionaries, read at build time), python3-jieba (word frequencies
#        for the character language model, read at build time), python3 (generators)
# tests: Boost.Test, pytest, Dask, sqlite3 CLI, clang + libFuzzer runtime, valgrind
# bench: libopencc-dev (the benchmark compares against OpenCC)
PACKAGES=(
  build-essential cmake pkg-config python3
  libicu-dev libre2-dev libsqlite3-dev
  opencc python3-jieba
  libboost-test-dev python3-pytest python3-dask python3-distributed python3-setuptools sqlite3
  clang libclang-rt-14-dev valgrind
  libopencc-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
