#!/usr/bin/python3
"""A text file too large to process whole is read in sections (--section-bytes)
and written as the one document it is: the same text, report, repairs and
records as the whole document, in every encoding, with --jobs, from stdin,
as JSON Lines, CSV and SQLite.

The document is the test articles that are UTF-8 (tests/metrics/articles),
with a passage of GBK read shifted by one byte (mojibake to repair), about
80 KB; sections of 4 KiB and 16 KiB cut it in 5 to 40 places.

usage: test_cli_sections.py PATH_TO_AIDTEXT [unittest options]
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

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "python_support"))
from mojibake_maker import misaligned_gbk  # noqa: E402

AIDTEXT = None
ARTICLES = os.path.join(HERE, "..", "metrics", "articles")
WHOLE = ["--section-bytes", str(1 << 29)]
MOJIBAKE_PASSAGE = ("近年来，全县上下认真贯彻落实党中央决策部署，坚持以脱贫攻坚统揽经济社会发展全局，"
                    "截至2019年底，全县贫困人口减少到1.2万人，贫困发生率降至2.1%，"
                    "累计投入各类扶贫资金十二亿元，实施产业扶贫项目四百多个。")


def document_text():
    parts = []
    for name in sorted(os.listdir(ARTICLES)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(ARTICLES, name), "rb") as f:
            data = f.read()
        try:
            parts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            continue  # the GBK and Big5 articles: one encoding per document here
        if len(parts) == 20:
            parts.append(misaligned_gbk(MOJIBAKE_PASSAGE, 1))
    return "\n\n".join(parts)


def run(args, stdin=None, code=0):
    p = subprocess.run([AIDTEXT] + args, input=stdin, capture_output=True)
    if p.returncode != code:
        raise AssertionError(f"exit {p.returncode} (expected {code}) for {args}\n"
                             f"stderr: {p.stderr.decode(errors='replace')}")
    return p


def jsonl(data):
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line]


class SectionsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.text = document_text()
        cls.paths = {}
        for name, data in [
            ("utf8", cls.text.encode("utf-8")),
            ("gb18030", cls.text.encode("gb18030")),
            ("utf16le", cls.text.encode("utf-16-le")),  # no BOM
            ("utf16", cls.text.encode("utf-16")),       # BOM
            ("one_line", cls.text.replace("\n", "").encode("utf-8")),
        ]:
            path = os.path.join(cls.tmp.name, name + ".txt")
            with open(path, "wb") as f:
                f.write(data)
            cls.paths[name] = path

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def normalize(self, path, *args):
        records = jsonl(run(["normalize", *args, path]).stdout)
        self.assertEqual(len(records), 1)
        return records[0]

    def test_document_is_large_enough_to_cut(self):
        self.assertGreater(len(self.text.encode("utf-8")), 16 * 4096)

    def test_normalize_equals_the_whole_document(self):
        for name, path in self.paths.items():
            whole = self.normalize(path, *WHOLE)
            self.assertGreater(len(whole["repairs"]), 0, name)  # the mojibake passage
            for size in ("4096", "16384"):
                with self.subTest(encoding=name, section_bytes=size):
                    part = self.normalize(path, "--section-bytes", size)
                    self.assertEqual(part["doc"], whole["doc"])
                    self.assertEqual(part["text"], whole["text"])
                    self.assertEqual(part["encoding"], whole["encoding"])
                    # The detection's confidence is the lowest of the
                    # sections'; every counter adds up to the whole's.
                    confidence = part["report"].pop("encoding_confidence")
                    self.assertTrue(0 < confidence <= 1)
                    self.assertEqual(part["report"],
                                     {k: v for k, v in whole["report"].items() if k != "encoding_confidence"})
                    self.assertEqual(part["repairs"], whole["repairs"])

    def test_sections_cost_no_bytes(self):
        # Every input byte is in exactly one section: the last repair's input
        # offsets and the text agree with the whole document's above; here
        # the summary counts one document of the file's size.
        path = self.paths["gb18030"]
        p = run(["normalize", "--section-bytes", "4096", path])
        size_mb = os.path.getsize(path) / 1e6
        self.assertIn(f"1 documents, 1 records, 0 errors, {size_mb:.1f} MB", p.stderr.decode())

    def test_extract_records_point_at_the_document(self):
        path = self.paths["utf8"]
        whole = jsonl(run(["extract", *WHOLE, path]).stdout)
        part = jsonl(run(["extract", "--section-bytes", "16384", path]).stdout)
        self.assertGreater(len(whole), 50)
        key = lambda r: (r["start"], r["end"], r["metric"])  # noqa: E731
        whole_by_key = {key(r): r for r in whole}
        # A record's figure and place may need text before its section (the
        # place named in an earlier section); its offsets and value never.
        same = [r for r in part if key(r) in whole_by_key]
        self.assertGreaterEqual(len(same), 0.9 * len(whole))
        for r in same:
            w = whole_by_key[key(r)]
            self.assertEqual((r["value"], r["unit"], r["text"]), (w["value"], w["unit"], w["text"]))
        data = self.text.encode("utf-8")
        for r in part:  # on whole characters of the input (its text is normalized: ７２００ -> 7200)
            self.assertLess(r["start"], r["end"])
            self.assertLessEqual(r["end"], len(data))
            data[r["start"]:r["end"]].decode("utf-8")

    def test_csv(self):
        path = self.paths["gb18030"]
        whole = list(csv.reader(io.StringIO(run(["normalize", "--format", "csv", *WHOLE, path]).stdout.decode())))
        part = list(csv.reader(io.StringIO(
            run(["normalize", "--format", "csv", "--section-bytes", "4096", path]).stdout.decode())))
        # Repeated passages are found within a section (column 4, a count).
        self.assertEqual([row[:4] + row[5:] for row in part], [row[:4] + row[5:] for row in whole])
        self.assertEqual(len(part), 2)
        self.assertNotEqual(part[1][5], "")  # guessed ranges, moved to the whole text
        rows = list(csv.DictReader(io.StringIO(
            run(["extract", "--format", "csv", "--section-bytes", "4096", path]).stdout.decode())))
        records = jsonl(run(["extract", "--section-bytes", "4096", path]).stdout)
        self.assertEqual([(int(r["start"]), int(r["end"])) for r in rows],
                         [(r["start"], r["end"]) for r in records])

    def test_database(self):
        path = self.paths["utf16le"]
        rows = {}
        for label, args in (("whole", WHOLE), ("part", ["--section-bytes", "16384"])):
            db = os.path.join(self.tmp.name, label + ".sqlite")
            run(["extract", "--db", db, *args, path])
            with sqlite3.connect(db) as c:
                rows[label] = (c.execute("SELECT doc, bytes, encoding, content_hash FROM documents").fetchall(),
                               c.execute("SELECT count(*), max(end) FROM metrics").fetchone())
        self.assertEqual(rows["part"][0], rows["whole"][0])
        self.assertEqual(rows["part"][0][0][1], os.path.getsize(path))
        self.assertGreater(rows["part"][1][0], 0)
        self.assertLessEqual(rows["part"][1][1], os.path.getsize(path))

    def test_jobs_and_stdin_give_the_same_output(self):
        path = self.paths["utf8"]
        for command in ("normalize", "extract"):
            one = run([command, "--section-bytes", "4096", path]).stdout
            two = run([command, "--section-bytes", "4096", "--jobs", "2", path]).stdout
            self.assertEqual(one, two, command)
            with open(path, "rb") as f:
                piped = run([command, "--section-bytes", "4096", "-"], stdin=f.read()).stdout
            self.assertEqual(jsonl(piped), [dict(r, doc="-") for r in jsonl(one)], command)

    def test_a_small_file_is_one_call(self):
        # Up to twice --section-bytes, a file is one library call: the
        # repeated passage found across the whole file proves it.
        path = os.path.join(self.tmp.name, "twice.txt")
        passage = "".join(f"全县贫困人口由2014年的{n}万人减少到2019年底的0.3万人，贫困发生率降至0.9%。\n"
                          for n in (5.2, 6.1, 7.3, 8.4))
        filler = "".join(f"第{n}段：各乡镇因地制宜发展特色产业。\n" for n in range(60))
        with open(path, "w", encoding="utf-8") as f:
            f.write(passage + filler + passage)
        size = os.path.getsize(path)
        whole = self.normalize(path, "--section-bytes", str(size // 2 + 1))
        self.assertEqual(len(whole["repeats"]), 1)

    def test_bad_section_size_is_a_usage_error(self):
        for value in ("0", "1023", "x", str(1 << 40)):
            p = run(["normalize", "--section-bytes", value, self.paths["utf8"]], code=2)
            self.assertIn("--section-bytes", p.stderr.decode())


if __name__ == "__main__":
    AIDTEXT = sys.argv.pop(1)
    unittest.main()
