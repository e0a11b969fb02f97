#!/usr/bin/env bash
# The main job on a fresh Debian machine: install what is missing, build,
# extract metrics from the bundled sample corpus into aid.sqlite, print a
# per-metric summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DAIDTEXT_BUILD_TESTS=OFF -DAIDTEXT_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-release -j"$(nproc)" --target aidtext_cli
rm -f aid.sqlite
./build-release/bindings/cli/aidtext extract examples/corpus --db aid.sqlite
echo
echo "Per-metric summary of aid.sqlite:"
sqlite3 -header -column aid.sqlite \
  "SELECT metric, unit, COUNT(*) AS records, COUNT(DISTINCT doc) AS documents, SUM(value) AS total
     FROM metrics GROUP BY metric, unit ORDER BY metric, unit;"
