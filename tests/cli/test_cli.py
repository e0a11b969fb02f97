#!/usr/bin/python3
"""The `aidtext` command line tool, driven as a user drives it.

usage: test_cli.py PATH_TO_AIDTEXT [unittest options]
"""
import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python_support"))
from mojibake_maker import misaligned_gbk  # noqa: E402

AIDTEXT = None

SENTENCES = [
    "渭源县贫困人口减至2.89万人，贫困发生率降至9.05%。",
    "2019年落实帮扶资金6686万元，实施扶贫项目46项。",
    "举办培训班84期，培训贫困人口6538人次。",
    "出列贫困村31个，剩余贫困村104个。",
    "没有数字的句子，只有文字。",
]


def run(args, stdin=None, check_exit=None):
    p = subprocess.run([AIDTEXT] + args, input=stdin, capture_output=True)
    if check_exit is not None and p.returncode != check_exit:
        raise AssertionError(f"exit {p.returncode} (expected {check_exit}) for {args}\n"
                             f"stderr: {p.stderr.decode(errors='replace')}")
    return p


def jsonl(data):
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line]


def ranges_column(repairs):
    """The normalize CSV's `guessed` column as it should be for these JSON
    repairs: every guessed [start, end] in order, "start-end" joined by ';'."""
    return ";".join(f"{s}-{e}" for r in repairs for s, e in r.get("guessed", []))


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def jsonl_input(self, name, records):
        return self.write(name, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))

    # ---- usage -----------------------------------------------------------
    def test_help_and_version(self):
        p = run(["--help"], check_exit=0)
        self.assertIn(b"usage: aidtext", p.stdout)
        p = run(["--version"], check_exit=0)
        self.assertTrue(p.stdout.startswith(b"aidtext "))

    def test_usage_errors_exit_2_with_a_message(self):
        for args in ([], ["frobnicate"], ["extract", "--bogus"], ["extract", "--jobs", "0"],
                     ["extract", "--jobs", "x"], ["extract", "--format", "xml"],
                     ["normalize", "--db", os.path.join(self.dir, "x.db")],
                     ["extract", "--convert", "s2t"], ["extract", "--input-format"],
                     ["extract", "--doc-date", "May"]):
            p = run(args, stdin=b"", check_exit=2)
            self.assertTrue(p.stderr.startswith(b"aidtext: "), args)
            self.assertEqual(p.stdout, b"", args)

    def test_bad_rules_file_is_a_usage_error(self):
        p = run(["extract", "--rules", os.path.join(self.dir, "missing.rules")], stdin=b"x", check_exit=2)
        self.assertIn(b"missing.rules", p.stderr)

    # ---- text input --------------------------------------------------------
    def test_normalize_text_files(self):
        a = self.write("a.txt", SENTENCES[0])
        p = run(["normalize", a], check_exit=0)
        recs = jsonl(p.stdout)
        self.assertEqual(len(recs), 1)
        self.assertEqual(list(recs[0])[0], "doc")
        self.assertEqual(recs[0]["doc"], a)
        for key in ("text", "encoding", "repairs", "repeats", "report"):
            self.assertIn(key, recs[0])
        self.assertIn("2.89", recs[0]["text"])
        self.assertIn(b"1 documents", p.stderr)  # the summary line

    def test_stdin_is_one_document(self):
        p = run(["normalize"], stdin=SENTENCES[1].encode(), check_exit=0)
        recs = jsonl(p.stdout)
        self.assertEqual([r["doc"] for r in recs], ["-"])
        p2 = run(["normalize", "-"], stdin=SENTENCES[1].encode(), check_exit=0)
        self.assertEqual(p.stdout, p2.stdout)

    def test_directories_recursively_in_sorted_order(self):
        d = os.path.join(self.dir, "corpus")
        for name in ("b.txt", "a/c.txt", "a.txt", "a/b/d.txt"):
            self.write(os.path.join("corpus", name), SENTENCES[2])
        p = run(["normalize", d], check_exit=0)
        docs = [r["doc"] for r in jsonl(p.stdout)]
        expected = sorted(os.path.join(d, n) for n in ("b.txt", "a/c.txt", "a.txt", "a/b/d.txt"))
        self.assertEqual(docs, expected)

    def test_unreadable_file_gives_an_error_record_and_the_run_goes_on(self):
        good = self.write("good.txt", SENTENCES[0])
        missing = os.path.join(self.dir, "missing.txt")
        p = run(["quantities", missing, good], check_exit=1)
        recs = jsonl(p.stdout)
        self.assertEqual(recs[0]["doc"], missing)
        self.assertIn("error", recs[0])
        self.assertTrue(all(r["doc"] == good for r in recs[1:]))
        self.assertIn(b"1 errors", p.stderr)

    # ---- JSON Lines --------------------------------------------------------
    def test_jsonl_in_and_out(self):
        path = self.jsonl_input("in.jsonl", [{"id": f"d{i}", "text": s, "extra": {"x": [1, 2]}}
                                             for i, s in enumerate(SENTENCES)])
        p = run(["quantities", "--input-format", "jsonl", path], check_exit=0)
        for line in p.stdout.decode().splitlines():
            self.assertTrue(line.startswith('{"doc":'), line)
            rec = json.loads(line)
            self.assertIn(rec["doc"], {f"d{i}" for i in range(len(SENTENCES))})
            for key in ("kind", "text", "start", "end", "value", "value_high", "unit", "classifier",
                        "approx", "date"):
                self.assertIn(key, rec)
            # start/end are offsets in the document's own (original) bytes.
            src = SENTENCES[int(rec["doc"][1:])].encode()
            self.assertLessEqual(rec["end"], len(src))
            self.assertLessEqual(rec["start"], rec["end"])

    def test_jsonl_field_names_and_numeric_ids(self):
        path = self.jsonl_input("in.jsonl", [{"key": 17, "body": SENTENCES[0]}])
        p = run(["normalize", "--input-format", "jsonl", "--id-field", "key", "--text-field", "body", path],
                check_exit=0)
        recs = jsonl(p.stdout)
        self.assertEqual(recs[0]["doc"], "17")
        self.assertIn("2.89", recs[0]["text"])

    def test_bad_lines_give_error_records_and_exit_1(self):
        lines = [
            json.dumps({"id": "ok1", "text": SENTENCES[0]}, ensure_ascii=False),
            '{"id": "broken", "text": "unterminated',
            json.dumps({"id": "notext", "body": "x"}),
            json.dumps({"id": "numtext", "text": 5}),
            "[1, 2, 3]",
            "",
            json.dumps({"id": "ok2", "text": SENTENCES[1]}, ensure_ascii=False),
        ]
        path = self.write("in.jsonl", "\n".join(lines) + "\n")
        p = run(["normalize", "--input-format", "jsonl", path], check_exit=1)
        recs = jsonl(p.stdout)
        self.assertEqual([r["doc"] for r in recs], ["ok1", f"{path}:2", "notext", "numtext", f"{path}:5", "ok2"])
        self.assertNotIn("error", recs[0])
        self.assertNotIn("error", recs[-1])
        for r in recs[1:5]:
            self.assertIn("error", r)
            self.assertEqual(set(r), {"doc", "error"})
        self.assertIn(b"4 errors", p.stderr)

    def test_gbk_bytes_inside_jsonl_are_decoded(self):
        gbk = SENTENCES[0].encode("gbk")
        line = b'{"id": "g", "text": "' + gbk + b'"}\n'
        path = self.write("gbk.jsonl", line)
        p = run(["normalize", "--input-format", "jsonl", path], check_exit=0)
        self.assertEqual(len(jsonl(p.stdout)), 1)

    # ---- CSV ---------------------------------------------------------------
    def test_csv_normalize_lists_guessed_ranges(self):
        # Clean text: an empty last column. Damaged text (a lost GBK byte
        # read pair by pair): the column lists the JSON repairs' guessed
        # ranges, in normalized text bytes, as start-end;start-end.
        lead = "新华社兰州电　记者从省扶贫办获悉，去年全省减少贫困人口六十七万人。"
        body = "全县贫困人口由六千六百万人减少到三千二百万人，贫困发生率降至百分之十二点五。"
        docs = {"clean.txt": lead + body}
        for k, drop in enumerate((3, 12, 21)):
            docs[f"damaged{k}.txt"] = lead + misaligned_gbk(body, drop)
        paths = {name: self.write(name, text) for name, text in docs.items()}
        guessing = 0
        for name, path in sorted(paths.items()):
            repairs = jsonl(run(["normalize", path], check_exit=0).stdout)[0]["repairs"]
            raw = run(["normalize", "--format", "csv", path], check_exit=0).stdout.decode("utf-8")
            rows = list(csv.reader(io.StringIO(raw, newline="")))
            self.assertEqual(rows[0][-1], "guessed")
            self.assertEqual(len(rows), 2)
            self.assertEqual(rows[1][-1], ranges_column(repairs), name)
            self.assertEqual(int(rows[1][3]), len(repairs))
            if rows[1][-1]:
                guessing += 1
                for part in rows[1][-1].split(";"):
                    start, end = (int(x) for x in part.split("-"))
                    self.assertLess(start, end)
                    self.assertLessEqual(end, len(rows[1][2].encode("utf-8")))
            if name == "clean.txt":
                self.assertEqual(rows[1][-1], "")
        self.assertEqual(guessing, 3)  # every damaged text made guesses

    def test_csv_normalize_guessed_ranges_of_a_dev_article(self):
        dev = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "corpus", "dev")
        found = [f for f in os.listdir(dev) if f.startswith("001_")] if os.path.isdir(dev) else []
        if not found:
            self.skipTest("shared/corpus/dev is not beside the checkout")
        path = os.path.join(dev, found[0])
        repairs = jsonl(run(["normalize", path], check_exit=0).stdout)[0]["repairs"]
        rows = list(csv.reader(io.StringIO(run(["normalize", "--format", "csv", path], check_exit=0)
                                           .stdout.decode("utf-8"), newline="")))
        self.assertTrue(any(r.get("guessed") for r in repairs))
        self.assertEqual(rows[1][-1], ranges_column(repairs))
        self.assertRegex(rows[1][-1], r"^\d+-\d+(;\d+-\d+)+$")

    def test_csv_output_is_rfc4180(self):
        text = '含逗号,和"引号"\n第二行' + SENTENCES[0]
        path = self.jsonl_input("in.jsonl", [{"id": "a,b", "text": text}])
        p = run(["normalize", "--input-format", "jsonl", "--format", "csv", path], check_exit=0)
        raw = p.stdout.decode("utf-8")
        self.assertTrue(raw.startswith("doc,encoding,text,repairs,repeats,guessed\r\n"))
        rows = list(csv.reader(io.StringIO(raw, newline="")))
        self.assertEqual(rows[0], ["doc", "encoding", "text", "repairs", "repeats", "guessed"])
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[1][0], "a,b")
        self.assertIn('"引号"', rows[1][2])
        self.assertIn("\n", rows[1][2])
        p = run(["quantities", "--input-format", "jsonl", "--format", "csv", path], check_exit=0)
        rows = list(csv.reader(io.StringIO(p.stdout.decode("utf-8"), newline="")))
        self.assertEqual(rows[0], ["doc", "kind", "text", "start", "end", "value", "value_high", "unit",
                                   "classifier", "approx", "date", "error", "guessed"])
        for row in rows[1:]:
            self.assertEqual(len(row), 13)
            self.assertEqual(row[-1], "0")  # clean text: nothing guessed
            self.assertEqual(row[0], "a,b")

    def test_csv_errors_go_to_stderr(self):
        path = self.write("in.jsonl", "not json\n")
        p = run(["extract", "--input-format", "jsonl", "--format", "csv", path], check_exit=1)
        self.assertEqual(p.stdout.decode().splitlines()[0].split(",")[0], "doc")
        self.assertEqual(len(p.stdout.decode().splitlines()), 1)
        self.assertIn(b"malformed JSON line", p.stderr)

    # ---- SQLite ------------------------------------------------------------
    def db_rows(self, db):
        con = sqlite3.connect(db)
        try:
            docs = con.execute("SELECT doc, source, bytes, encoding, content_hash, processed_at "
                               "FROM documents ORDER BY doc").fetchall()
            metrics = con.execute("SELECT doc, seq, metric, value, value_text, unit, approx, change, time, "
                                  "place, text, start, end, sentence FROM metrics ORDER BY doc, seq").fetchall()
            indexes = {r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'metrics'")}
            return docs, metrics, indexes
        finally:
            con.close()

    def test_db_of_an_older_version_gets_the_guessed_column(self):
        # The schema as versions before 0.3 made it, with one row in it.
        db = os.path.join(self.dir, "old.sqlite")
        con = sqlite3.connect(db)
        con.executescript(
            "CREATE TABLE documents (doc TEXT PRIMARY KEY, source TEXT, bytes INTEGER, encoding TEXT,"
            "  content_hash TEXT, processed_at TEXT);"
            "CREATE TABLE metrics (doc TEXT NOT NULL, seq INTEGER NOT NULL, metric TEXT NOT NULL, value REAL,"
            "  value_text TEXT, unit TEXT, approx TEXT, change TEXT, time TEXT, place TEXT,"
            "  text TEXT, start INTEGER, end INTEGER, sentence TEXT);"
            "INSERT INTO metrics (doc, seq, metric) VALUES ('old', 0, 'poor_population');")
        con.commit()
        con.close()
        path = self.jsonl_input("in.jsonl", [{"id": "new", "text": "。".join(SENTENCES)}])
        run(["extract", "--input-format", "jsonl", "--db", db, path], check_exit=0)
        run(["extract", "--input-format", "jsonl", "--db", db, path], check_exit=0)  # column there now
        con = sqlite3.connect(db)
        try:
            rows = con.execute("SELECT doc, guessed FROM metrics ORDER BY doc, seq").fetchall()
        finally:
            con.close()
        self.assertEqual(rows[-1], ("old", None))  # written before: not known
        self.assertGreater(len(rows), 1)
        self.assertEqual({g for d, g in rows if d == "new"}, {0})  # clean text: nothing guessed

    def test_db_twice_gives_no_duplicate_rows(self):
        recs = [{"id": f"doc{i}", "text": "。".join(SENTENCES[i:] + SENTENCES[:i])} for i in range(len(SENTENCES))]
        path = self.jsonl_input("in.jsonl", recs)
        db = os.path.join(self.dir, "aid.sqlite")
        p1 = run(["extract", "--input-format", "jsonl", "--db", db, path], check_exit=0)
        self.assertEqual(p1.stdout, b"")  # --db without --format keeps stdout quiet
        docs1, metrics1, indexes = self.db_rows(db)
        self.assertEqual([d[0] for d in docs1], sorted(r["id"] for r in recs))
        self.assertIn("metrics_by_metric", indexes)
        for d in docs1:
            self.assertEqual(len(d[4]), 16)  # the content hash
        run(["extract", "--input-format", "jsonl", "--db", db, "--jobs", "2", path], check_exit=0)
        docs2, metrics2, _ = self.db_rows(db)
        self.assertEqual([d[:5] for d in docs2], [d[:5] for d in docs1])
        self.assertEqual(metrics2, metrics1)
        # The same records as the JSON Lines output.
        p = run(["extract", "--input-format", "jsonl", path], check_exit=0)
        out = jsonl(p.stdout)
        self.assertEqual(len(out), len(metrics1))
        self.assertEqual(sorted((r["doc"], r["metric"], r["start"]) for r in out),
                         sorted((m[0], m[2], m[11]) for m in metrics1))
        # A changed document replaces its rows; others stay.
        recs[0]["text"] = "没有数字。"
        path2 = self.jsonl_input("in2.jsonl", recs[:1])
        run(["extract", "--input-format", "jsonl", "--db", db, path2], check_exit=0)
        docs3, metrics3, _ = self.db_rows(db)
        self.assertEqual(len(docs3), len(docs1))
        self.assertEqual([m for m in metrics3 if m[0] == "doc0"], [])
        self.assertEqual([m for m in metrics3 if m[0] != "doc0"], [m for m in metrics1 if m[0] != "doc0"])

    # ---- threads -----------------------------------------------------------
    def test_jobs_2_output_equals_jobs_1(self):
        lines = []
        for i in range(300):
            if i % 37 == 5:
                lines.append('{"id": "bad%d", "text": ' % i)  # malformed
                continue
            text = "。".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 7))
            lines.append(json.dumps({"id": f"n{i}", "text": text * (1 + i % 5)}, ensure_ascii=False))
        path = self.write("many.jsonl", "\n".join(lines) + "\n")
        for command in ("normalize", "quantities", "extract"):
            one = run([command, "--input-format", "jsonl", "--jobs", "1", path], check_exit=1)
            for jobs in ("2", "3"):
                many = run([command, "--input-format", "jsonl", "--jobs", jobs, path], check_exit=1)
                self.assertEqual(one.stdout, many.stdout, f"{command} --jobs {jobs}")


if __name__ == "__main__":
    AIDTEXT = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
