#!/usr/bin/env python3
"""Prints what provenance costs from Python on a 1 MB document: the time
normalize() spends copying the map out of the C result (measured alone, CPU
time), and the time to map the span of every quantity in the normalized text
back to the original bytes with NormalizeResult.source_range().

    AIDTEXT_LIBRARY=build/libaidtext.so PYTHONPATH=bindings/python \\
      python3 bindings/python/bench_provenance.py [ARTICLES_DIR] [--mb 1]

The document is the *.txt articles of ARTICLES_DIR (default:
../shared/corpus/dev beside the checkout, else examples/corpus) repeated to
the size, as UTF-8 and as GB18030 (where every Chinese character is a piece
of the map of its own). Figures are the best of 3 runs, in process CPU time.
"""
import argparse
import os
import pathlib
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aidtext  # noqa: E402
from aidtext import engine as engine_module  # noqa: E402
from aidtext._provenance import SourceMap  # noqa: E402


def copy_map(lib, res):
    """Copies the live result's map as normalize() does."""
    text = engine_module._result_text(lib, res)
    return SourceMap.from_result(lib, res, len(text), lambda st: engine_module._check(lib, st))


def best_of(runs, fn):
    best, value = float("inf"), None
    for _ in range(runs):
        start = time.process_time()
        value = fn()
        best = min(best, time.process_time() - start)
    return best, value


def main() -> int:
    here = pathlib.Path(__file__).resolve().parents[2]
    default = here.parent / "shared" / "corpus" / "dev"
    if not default.is_dir():
        default = here / "examples" / "corpus"
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("articles", nargs="?", default=str(default))
    p.add_argument("--mb", type=float, default=1.0, help="document size, MB (10^6 bytes)")
    args = p.parse_args()
    texts = [f.read_bytes().decode("utf-8", "replace") for f in sorted(pathlib.Path(args.articles).glob("*.txt"))]
    if not texts:
        print(f"no *.txt in {args.articles}", file=sys.stderr)
        return 2
    article = "\n\n".join(texts)
    doc = (article * (int(args.mb * 1e6) // len(article.encode("utf-8")) + 1))
    doc = doc.encode("utf-8")[: int(args.mb * 1e6)].decode("utf-8", "ignore")
    engine = aidtext.Engine()
    print(f"library {aidtext.library_path()}")
    print(f"{'input':>9} {'MB':>5} {'pieces':>8} {'normalize s':>11} {'map copy s':>12} "
          f"{'quantities':>10} {'map them s':>10}")
    for name, raw in (("UTF-8", doc.encode("utf-8")), ("GB18030", doc.encode("gb18030"))):
        plain_s, _ = best_of(3, lambda: engine.normalize(raw, provenance=False))
        copy_s = min(engine._call(engine._lib.aidtext_normalize, raw, (),
                                  lambda lib, res: best_of(3, lambda: copy_map(lib, res)))[0]
                     for _ in range(1))
        r = engine.normalize(raw)
        # Every quantity's span in the normalized text (found by its text, in order).
        spans, at = [], 0
        for q in engine.quantities(raw):
            needle = q.text.encode("utf-8")
            found = r.text_bytes.find(needle, at)
            if found >= 0:
                spans.append((found, found + len(needle)))
                at = found
        map_s, _ = best_of(3, lambda: [r.source_range(a, b) for a, b in spans])
        pieces = r._map.pieces if r._map is not None else 0
        print(f"{name:>9} {len(raw) / 1e6:5.2f} {pieces:8d} {plain_s:11.3f} {copy_s:12.3f} "
              f"{len(spans):10d} {map_s:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
