#!/usr/bin/env python3
"""Extract poverty-alleviation metrics from a folder of JSON Lines shards with
Dask (dask.bag on a dask.distributed cluster), one aidtext engine per worker.

    extract_shards.py IN_DIR OUT_DIR [--workers N | --scheduler tcp://host:8786]
                      [--format jsonl|csv] [--pattern '*.jsonl'] ...

Input: every file of IN_DIR matching --pattern is a shard; each line a JSON
object with the article as text ("text", see --text-field) or as base64 of
its raw bytes in any encoding ("text_b64"), an optional id ("id") and an
optional date ("date", "YYYY[-MM[-DD]]", resolves 今年/去年).

Output: for each shard IN_DIR/x.jsonl, OUT_DIR/x.metrics.jsonl (one metric
record per line, with "doc": the article's id) or OUT_DIR/x.metrics.csv, and
OUT_DIR/x.errors.jsonl for lines that could not be read or processed. One
task per shard: a worker streams its shard line by line, so memory stays
bounded whatever the shard's size.

Each worker process builds its engine on first use (aidtext.process_engine)
instead of receiving a pickled one. With --scheduler the workers must be
able to import aidtext (pip install the package with the library inside,
see bindings/python/README.md) and OUT_DIR must be a path every worker and
this script can reach (a shared filesystem).
"""
from __future__ import annotations

import argparse
import base64
import csv
import glob
import json
import os
import socket
import sys
import time
from collections import defaultdict

FIELDS = ["metric", "value", "unit", "approx", "change", "time", "place", "text", "start",
          "end", "sentence"]


# ---- worker side ---------------------------------------------------------------

def _article(obj: dict, text_field: str):
    """The article's bytes or str from one input object."""
    text = obj.get(text_field)
    if isinstance(text, str):
        return text
    b64 = obj.get(text_field + "_b64")
    if isinstance(b64, str):
        return base64.b64decode(b64, validate=True)
    raise ValueError(f"no '{text_field}' (str) or '{text_field}_b64' (base64) field")


class _Writer:
    """Writes one shard's records as JSON Lines or CSV."""

    def __init__(self, path: str, fmt: str):
        self.file = open(path, "w", encoding="utf-8", newline="")
        self.csv = None
        if fmt == "csv":
            self.csv = csv.writer(self.file)
            self.csv.writerow(["doc"] + FIELDS)

    def write(self, doc, metric) -> None:
        if self.csv is not None:
            self.csv.writerow([doc] + ["" if getattr(metric, f) is None else getattr(metric, f)
                                       for f in FIELDS])
        else:
            record = {"doc": doc}
            record.update((f, getattr(metric, f)) for f in FIELDS)
            self.file.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.file.close()


def process_shard(path: str, out_dir: str, fmt: str, fields: dict, engine_options: dict,
                  library: str | None) -> dict:
    """Runs on a worker: extracts every article of one shard into its output
    files and returns the shard's figures."""
    if library and "AIDTEXT_LIBRARY" not in os.environ:
        os.environ["AIDTEXT_LIBRARY"] = library
    import aidtext  # on the worker: the package must be importable there

    started = time.perf_counter()
    cpu_started = time.thread_time()  # this task's own CPU time, whatever else runs
    engine = aidtext.process_engine(**engine_options)
    stem = os.path.basename(path)
    if stem.endswith(".jsonl"):
        stem = stem[: -len(".jsonl")]
    out_path = os.path.join(out_dir, f"{stem}.metrics.{fmt}")
    err_path = os.path.join(out_dir, f"{stem}.errors.jsonl")
    docs = metrics = errors = nbytes = 0
    writer = _Writer(out_path, fmt)
    err_file = None
    try:
        with open(path, "rb") as shard:
            for line_no, line in enumerate(shard, 1):
                nbytes += len(line)
                if not line.strip():
                    continue
                doc_id = f"{stem}:{line_no}"
                try:
                    obj = json.loads(line)
                    if not isinstance(obj, dict):
                        raise ValueError("the line is not a JSON object")
                    doc_id = obj.get(fields["id"], doc_id)
                    article = _article(obj, fields["text"])
                    date = obj.get(fields["date"])
                    records = engine.extract(article, doc_date=date if date else None)
                except (ValueError, TypeError, aidtext.Error) as e:
                    errors += 1
                    if err_file is None:
                        err_file = open(err_path, "w", encoding="utf-8")
                    err_file.write(json.dumps({"doc": doc_id, "line": line_no,
                                               "error": f"{type(e).__name__}: {e}"},
                                              ensure_ascii=False) + "\n")
                    continue
                docs += 1
                for m in records:
                    writer.write(doc_id, m)
                metrics += len(records)
    finally:
        writer.close()
        if err_file is not None:
            err_file.close()
    return {"shard": path, "output": out_path, "docs": docs, "metrics": metrics,
            "errors": errors, "bytes": nbytes, "seconds": time.perf_counter() - started,
            "cpu_seconds": time.thread_time() - cpu_started, "worker": _worker_name()}


def _worker_name() -> str:
    try:
        from dask.distributed import get_worker
        return get_worker().address
    except (ImportError, ValueError):
        return f"{socket.gethostname()}:{os.getpid()}"


# ---- driver side -----------------------------------------------------------------

def _parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input_dir")
    p.add_argument("output_dir")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running scheduler (tcp://host:8786)")
    where.add_argument("--workers", type=int, default=2,
                       help="worker processes of a LocalCluster (default 2)")
    p.add_argument("--threads-per-worker", type=int, default=1,
                   help="threads per LocalCluster worker (they share the worker's engine)")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    p.add_argument("--pattern", default="*.jsonl", help="shard file names (default *.jsonl)")
    p.add_argument("--text-field", default="text")
    p.add_argument("--id-field", default="id")
    p.add_argument("--date-field", default="date")
    p.add_argument("--convert", default="t2s", help="engine option convert (t2s, tw2s, ...)")
    p.add_argument("--library", help="path of libaidtext.so for the workers "
                                     "(else AIDTEXT_LIBRARY or the package's own)")
    p.add_argument("--stats-json", help="also write the per-shard figures to this file")
    return p.parse_args(argv)


def _report(stats, wall: float, workers: int) -> str:
    per_worker = defaultdict(lambda: {"shards": 0, "docs": 0, "bytes": 0, "seconds": 0.0,
                                      "cpu_seconds": 0.0, "metrics": 0})
    for s in stats:
        w = per_worker[s["worker"]]
        w["shards"] += 1
        for k in ("docs", "bytes", "seconds", "cpu_seconds", "metrics"):
            w[k] += s[k]
    # busy: wall time inside the worker's tasks; cpu: the CPU time they used
    # (lower than busy when the machine is shared with other work).
    lines = [f"{'worker':<28} {'shards':>6} {'docs':>7} {'MB':>7} {'busy s':>7} {'cpu s':>7} "
             f"{'docs/s':>8} {'MB/s':>6} {'docs/cpu-s':>10} {'MB/cpu-s':>8}"]
    for name, w in sorted(per_worker.items()):
        busy = max(w["seconds"], 1e-9)
        cpu = max(w["cpu_seconds"], 1e-9)
        mb = w["bytes"] / 1e6
        lines.append(f"{name:<28} {w['shards']:>6} {w['docs']:>7} {mb:>7.2f} {busy:>7.2f} "
                     f"{cpu:>7.2f} {w['docs'] / busy:>8.1f} {mb / busy:>6.2f} "
                     f"{w['docs'] / cpu:>10.1f} {mb / cpu:>8.2f}")
    docs = sum(s["docs"] for s in stats)
    nbytes = sum(s["bytes"] for s in stats)
    lines.append(f"total: {docs} documents, {nbytes / 1e6:.2f} MB, "
                 f"{sum(s['metrics'] for s in stats)} metrics, "
                 f"{sum(s['errors'] for s in stats)} bad lines, {wall:.2f} s wall")
    lines.append(f"throughput: {docs / wall:.1f} documents/s, {nbytes / 1e6 / wall:.2f} MB/s "
                 f"overall; per worker {docs / wall / workers:.1f} documents/s, "
                 f"{nbytes / 1e6 / wall / workers:.2f} MB/s (wall clock, {workers} workers)")
    return "\n".join(lines)


def main(argv=None) -> int:
    args = _parse_args(argv)
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    shards = sorted(glob.glob(os.path.join(args.input_dir, args.pattern)))
    if not shards:
        print(f"no shards matching {args.pattern} in {args.input_dir}", file=sys.stderr)
        return 2
    os.makedirs(args.output_dir, exist_ok=True)
    out_dir = os.path.abspath(args.output_dir)
    library = os.path.abspath(args.library) if args.library else os.environ.get("AIDTEXT_LIBRARY")
    fields = {"text": args.text_field, "id": args.id_field, "date": args.date_field}
    engine_options = {"convert": args.convert}

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads_per_worker,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        workers = len(client.scheduler_info()["workers"]) or 1
        started = time.perf_counter()
        bag = db.from_sequence([os.path.abspath(s) for s in shards], npartitions=len(shards))
        stats = bag.map(process_shard, out_dir, args.format, fields, engine_options,
                        library).compute()
        wall = time.perf_counter() - started
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    print(_report(stats, wall, workers))
    if args.stats_json:
        with open(args.stats_json, "w", encoding="utf-8") as f:
            json.dump({"shards": stats, "wall_seconds": wall, "workers": workers}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
