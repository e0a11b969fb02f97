"""examples/dask/extract_shards.py on a LocalCluster of 2 workers over
generated shards: every article is processed once, bad lines are reported
not fatal, and the records are those the Python binding gives in-process."""
import base64
import csv
import json
import os
import subprocess
import sys

import pytest

import aidtext
from conftest import SAMPLE

pytest.importorskip("dask.distributed", reason="needs python3-dask and python3-distributed")

SCRIPT_DIR = os.path.join(os.environ.get("AIDTEXT_SOURCE_DIR", ""), "examples", "dask")
SYNTHETIC = [
    SAMPLE,
    "截至2018年底，渭源縣貧困人口減至2.89萬人。",
    "落实帮扶资金6686万元，实施扶贫项目46项，带动贫困人口16709人。",
    "举办培训班84期，培训贫困人口6538人次。",
    "没有数字的句子。",
]
SHARDS = 4
DOCS_PER_SHARD = 30


def _make_shards(folder):
    os.makedirs(folder)
    docs = {}
    for s in range(SHARDS):
        with open(os.path.join(folder, f"part-{s}.jsonl"), "w", encoding="utf-8") as f:
            for i in range(DOCS_PER_SHARD):
                text = SYNTHETIC[(s + i) % len(SYNTHETIC)]
                doc_id = f"s{s}-d{i}"
                if i % 7 == 3:  # raw GBK bytes, as base64
                    raw = text.encode("gb18030")
                    obj = {"id": doc_id, "text_b64": base64.b64encode(raw).decode(), "date": "2019"}
                    docs[doc_id] = (raw, "2019")
                else:
                    obj = {"id": doc_id, "text": text}
                    docs[doc_id] = (text, None)
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            f.write("{this line is not JSON\n")
            f.write(json.dumps({"id": f"s{s}-notext", "body": "wrong field"}) + "\n")
    return docs


def _run(tmp_path, fmt):
    shards = tmp_path / "in"
    docs = _make_shards(shards)
    out = tmp_path / f"out-{fmt}"
    stats_file = tmp_path / f"stats-{fmt}.json"
    env = dict(os.environ)
    proc = subprocess.run(
        [sys.executable, os.path.join(SCRIPT_DIR, "extract_shards.py"), str(shards), str(out),
         "--workers", "2", "--format", fmt, "--stats-json", str(stats_file)],
        capture_output=True, text=True, timeout=240, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    print(proc.stdout)  # the throughput figures, shown with pytest -s
    assert "documents/s" in proc.stdout and "MB/s" in proc.stdout
    return docs, out, json.loads(stats_file.read_text())


def _expected(docs):
    with aidtext.Engine() as engine:
        return {doc_id: [(m.metric, m.value, m.unit, m.text, m.start, m.end)
                         for m in engine.extract(text, doc_date=date)]
                for doc_id, (text, date) in docs.items()}


def test_jsonl_output_on_two_workers(tmp_path):
    docs, out, stats = _run(tmp_path, "jsonl")
    assert stats["workers"] == 2
    assert len(stats["shards"]) == SHARDS
    assert sum(s["docs"] for s in stats["shards"]) == len(docs)
    assert all(s["errors"] == 2 for s in stats["shards"])  # the two bad lines of each shard
    got = {doc_id: [] for doc_id in docs}
    for s in range(SHARDS):
        with open(out / f"part-{s}.metrics.jsonl", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                got[r["doc"]].append((r["metric"], r["value"], r["unit"], r["text"], r["start"],
                                      r["end"]))
        errors = [json.loads(line) for line in open(out / f"part-{s}.errors.jsonl")]
        assert [e["line"] for e in errors] == [DOCS_PER_SHARD + 1, DOCS_PER_SHARD + 2]
    assert got == _expected(docs)
    sample_ids = [d for d, (t, _) in docs.items() if t == SAMPLE]
    assert any(r[:3] == ("poor_population", 28900, "person") for r in got[sample_ids[0]])


def test_csv_output_on_two_workers(tmp_path):
    docs, out, stats = _run(tmp_path, "csv")
    rows = []
    for s in range(SHARDS):
        with open(out / f"part-{s}.metrics.csv", encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            assert reader.fieldnames[:2] == ["doc", "metric"] and "sentence" in reader.fieldnames
            rows += list(reader)
    expected = _expected(docs)
    assert len(rows) == sum(len(v) for v in expected.values())
    for r in rows:
        assert (r["metric"], r["unit"], r["text"], int(r["start"]), int(r["end"])) in \
            [(e[0], e[2], e[3], e[4], e[5]) for e in expected[r["doc"]]]
