#!/usr/bin/env python3
"""Prints extraction throughput of one shared Engine from 1, 2, 4 threads, to
show that ctypes releases the GIL while the library works.

    AIDTEXT_LIBRARY=build/libaidtext.so PYTHONPATH=bindings/python \\
      python3 bindings/python/bench_threads.py [ARTICLES_DIR] [--seconds 5]

ARTICLES_DIR holds *.txt articles (default: ../shared/corpus/dev beside the
checkout). Figures depend on the machine and on what else runs on it.
"""
import argparse
import concurrent.futures
import os
import pathlib
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aidtext  # noqa: E402


def main() -> int:
    here = pathlib.Path(__file__).resolve().parents[2]
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("articles", nargs="?", default=str(here.parent / "shared" / "corpus" / "dev"))
    p.add_argument("--seconds", type=float, default=5.0, help="time per thread count")
    p.add_argument("--threads", default="1,2,4")
    args = p.parse_args()
    docs = [f.read_bytes() for f in sorted(pathlib.Path(args.articles).glob("*.txt"))]
    if not docs:
        print(f"no *.txt in {args.articles}", file=sys.stderr)
        return 2
    engine = aidtext.Engine()
    for d in docs:  # warm up
        engine.extract(d)
    print(f"{len(docs)} articles, {sum(map(len, docs)) / len(docs) / 1024:.1f} KiB on average; "
          f"library {aidtext.library_path()}")
    print(f"{'threads':>7} {'docs':>7} {'docs/s':>9} {'MB/s':>7} {'cpu/wall':>8}")
    for n in [int(x) for x in args.threads.split(",")]:
        deadline = time.perf_counter() + args.seconds

        def work(k):
            done = nbytes = 0
            i = k
            while time.perf_counter() < deadline:
                d = docs[i % len(docs)]
                engine.extract(d)
                done += 1
                nbytes += len(d)
                i += 1
            return done, nbytes

        cpu0, t0 = time.process_time(), time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(n) as pool:
            results = list(pool.map(work, range(n)))
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        done = sum(r[0] for r in results)
        nbytes = sum(r[1] for r in results)
        print(f"{n:>7} {done:>7} {done / wall:>9.1f} {nbytes / 1e6 / wall:>7.2f} "
              f"{cpu / wall:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
