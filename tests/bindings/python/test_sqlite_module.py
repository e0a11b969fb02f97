"""The SQLite extension through Python's sqlite3 module, checked against the
Python binding (both sit on the same C ABI)."""
import concurrent.futures
import json
import sqlite3

import pytest

import aidtext
from conftest import SAMPLE, dev_articles
from sqlite_helpers import FIELDS, connect

DOCS = [
    SAMPLE,
    "截至2018年底，渭源縣貧困人口減至2.89萬人。",
    "落实帮扶资金6686万元，实施扶贫项目46项，带动贫困人口16709人。",
    "没有数字的句子。",
]


@pytest.fixture(scope="module")
def db():
    conn = connect()
    yield conn
    conn.close()


def _record_dicts(engine, doc, doc_date=None):
    return [{f: getattr(m, f) for f in FIELDS} for m in engine.extract(doc, doc_date=doc_date)]


def test_version(db):
    assert db.execute("SELECT aidtext_version()").fetchone()[0] == aidtext.library_version()


def test_normalize_text_blob_and_null(db, engine):
    for doc in DOCS:
        assert db.execute("SELECT aidtext_normalize(?)", (doc,)).fetchone()[0] == \
            engine.normalize(doc).text
    gbk = SAMPLE.encode("gb18030")
    assert db.execute("SELECT aidtext_normalize(?)", (gbk,)).fetchone()[0] == \
        engine.normalize(gbk).text
    assert db.execute("SELECT aidtext_normalize(NULL), aidtext_extract(NULL)").fetchone() == \
        (None, None)
    assert db.execute("SELECT aidtext_normalize(x'')").fetchone()[0] == ""


def test_extract_returns_the_records_as_a_json_array(db, engine):
    for doc in DOCS:
        for date in (None, "2019-05-28"):
            got = json.loads(db.execute("SELECT aidtext_extract(?, ?)", (doc, date)).fetchone()[0])
            assert isinstance(got, list)
            assert got == [json.loads(j) for j in engine._items_json(doc, 2, doc_date=date)]
            assert [{f: r[f] for f in FIELDS} for r in got] == _record_dicts(engine, doc, date)


def test_quantities_json_array(db, engine):
    got = json.loads(db.execute("SELECT aidtext_quantities(?)", (SAMPLE,)).fetchone()[0])
    assert [(q["text"], q["start"], q["end"]) for q in got] == \
        [(q.text, q.start, q.end) for q in engine.quantities(SAMPLE)]


def test_extract_works_with_json_each_and_json_extract(db, engine):
    expected = engine.extract(SAMPLE)
    rows = db.execute("SELECT json_extract(j.value, '$.metric'), json_extract(j.value, '$.value')"
                      " FROM json_each(aidtext_extract(?)) AS j", (SAMPLE,)).fetchall()
    assert rows == [(m.metric, m.value) for m in expected]
    nested = db.execute("SELECT json_array_length(json_object('m', aidtext_extract(?)), '$.m')",
                        (SAMPLE,)).fetchone()[0]
    assert nested == len(expected)  # the JSON subtype: embedded as an array, not a string


def test_metrics_table_has_one_row_per_record(db, engine):
    cols = ", ".join(f'"{f}"' for f in FIELDS)
    for doc in DOCS:
        rows = db.execute(f"SELECT {cols} FROM aidtext_metrics(?)", (doc,)).fetchall()
        assert [dict(zip(FIELDS, r)) for r in rows] == _record_dicts(engine, doc)
    with_date = db.execute("SELECT time FROM aidtext_metrics(?, ?)", (SAMPLE, "2019")).fetchall()
    assert [r[0] for r in with_date] == [m.time for m in engine.extract(SAMPLE, doc_date="2019")]


def test_metrics_table_content_for_the_sample(db):
    rows = db.execute("SELECT value, unit, text, typeof(value) FROM aidtext_metrics(?) "
                      "WHERE metric = 'poor_population'", (SAMPLE,)).fetchall()
    assert rows == [(28900, "person", "2.89万人", "integer")]


def test_metrics_table_joins_a_table_of_articles(db, engine):
    docs = list(DOCS)
    try:
        docs += [raw for _, raw in dev_articles()]
    except pytest.skip.Exception:
        pass
    db.execute("CREATE TEMP TABLE articles(id INTEGER PRIMARY KEY, body)")
    db.executemany("INSERT INTO articles(body) VALUES (?)", [(d,) for d in docs] + [(None,)])
    counts = dict(db.execute(
        "SELECT a.id, count(m.metric) FROM articles a LEFT JOIN aidtext_metrics(a.body) m "
        "GROUP BY a.id").fetchall())
    assert [counts[i + 1] for i in range(len(docs))] == [len(engine.extract(d)) for d in docs]
    assert counts[len(docs) + 1] == 0  # NULL body: no rows
    db.execute("DROP TABLE articles")


def test_metrics_table_without_input_is_an_error(db):
    with pytest.raises(sqlite3.OperationalError, match="needs its input"):
        db.execute("SELECT * FROM aidtext_metrics").fetchall()


def test_connections_in_threads_share_the_engine(engine):
    expected = {d: _record_dicts(engine, d) for d in DOCS}

    def work(k):
        conn = connect()
        try:
            out = []
            for i in range(40):
                doc = DOCS[(i + k) % len(DOCS)]
                got = json.loads(conn.execute("SELECT aidtext_extract(?)", (doc,)).fetchone()[0])
                out.append(([{f: r[f] for f in FIELDS} for r in got], expected[doc]))
            return out
        finally:
            conn.close()

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for results in pool.map(work, range(4)):
            for got, want in results:
                assert got == want
    # Closing every connection freed the engine; loading again makes a new one.
    again = connect()
    assert again.execute("SELECT aidtext_normalize('貧困')").fetchone()[0] == "贫困"
    again.close()


def test_garbage_blobs_give_text_not_errors(db):
    import random
    rng = random.Random(7)
    for _ in range(100):
        blob = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 80)))
        text, extracted = db.execute("SELECT aidtext_normalize(?), aidtext_extract(?)",
                                     (blob, blob)).fetchone()
        assert isinstance(text, str)
        assert isinstance(json.loads(extracted), list)


def test_metrics_table_arguments_from_two_joined_tables(db, engine):
    db.execute("CREATE TEMP TABLE bodies(id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("CREATE TEMP TABLE dates(id INTEGER PRIMARY KEY, d TEXT)")
    db.execute("INSERT INTO bodies VALUES (1, ?)", (SAMPLE,))
    db.execute("INSERT INTO dates VALUES (1, '2017')")
    rows = db.execute("SELECT m.metric, m.time FROM aidtext_metrics(b.body, d.d) m, dates d, "
                      "bodies b WHERE b.id = d.id").fetchall()
    assert rows == [(m.metric, m.time) for m in engine.extract(SAMPLE, doc_date="2017")]
    db.execute("DROP TABLE bodies")
    db.execute("DROP TABLE dates")


# ---- the options argument (a JSON object) -----------------------------------

# A rule pack under which the sample's two figures are vetoed (their change
# words become block words), so its effect is visible.
BLOCKING_PACK = "use default\nblock 减至 降至"
TRADITIONAL = "渭源縣貧困人口減至2.89萬人"


def test_options_change_what_the_functions_do(db):
    plain = aidtext.Engine(convert="none")
    default_text = db.execute("SELECT aidtext_normalize(?)", (TRADITIONAL,)).fetchone()[0]
    got = db.execute("SELECT aidtext_normalize(?, ?)", (TRADITIONAL, '{"convert": "none"}')).fetchone()[0]
    assert got == plain.normalize(TRADITIONAL).text
    assert got != default_text
    # true/false stand for "on"/"off"; json_object() builds the argument.
    mojibake = SAMPLE.encode("utf-8").decode("latin-1").encode("utf-8")
    got = db.execute("SELECT aidtext_normalize(?, json_object('repair', json('false')))",
                     (mojibake,)).fetchone()[0]
    assert got == aidtext.Engine(repair=False).normalize(mojibake).text
    assert got != db.execute("SELECT aidtext_normalize(?)", (mojibake,)).fetchone()[0]
    # NULL and {} are the defaults.
    for options in (None, "{}", " { } "):
        assert db.execute("SELECT aidtext_normalize(?, ?)", (TRADITIONAL, options)).fetchone()[0] == \
            default_text
    quantities = json.loads(db.execute("SELECT aidtext_quantities(?, '{\"html\": \"off\"}')",
                                       ("资金&#x4E07;元2万元",)).fetchone()[0])
    assert [q["text"] for q in quantities] == \
        [q.text for q in aidtext.Engine(html=False).quantities("资金&#x4E07;元2万元")]


def test_rules_text_in_the_options(db, engine):
    assert json.loads(db.execute("SELECT aidtext_extract(?)", (SAMPLE,)).fetchone()[0])
    options = json.dumps({"rules": BLOCKING_PACK})
    got = json.loads(db.execute("SELECT aidtext_extract(?, NULL, ?)", (SAMPLE, options)).fetchone()[0])
    assert got == []
    assert got == [json.loads(j) for j in aidtext.Engine(rules=BLOCKING_PACK)._items_json(SAMPLE, 2)]
    # The same through the table-valued function, whose hidden column echoes the options.
    assert db.execute("SELECT count(*) FROM aidtext_metrics(?, NULL, ?)", (SAMPLE, options)).fetchone()[0] == 0
    rows = db.execute("SELECT metric, options FROM aidtext_metrics(?, '2019', '{\"convert\": \"tw2s\"}')",
                      (SAMPLE,)).fetchall()
    assert [r[0] for r in rows] == [m.metric for m in engine.extract(SAMPLE, doc_date="2019")]
    assert {r[1] for r in rows} == {'{"convert": "tw2s"}'}


def test_rules_file_in_the_scalar_functions_only(db, tmp_path):
    pack = tmp_path / "rules.txt"
    pack.write_text(BLOCKING_PACK, encoding="utf-8")
    options = json.dumps({"rules_file": str(pack)})
    assert json.loads(db.execute("SELECT aidtext_extract(?, NULL, ?)", (SAMPLE, options)).fetchone()[0]) == []
    # aidtext_metrics may be used from views and triggers: it reads no file.
    with pytest.raises(sqlite3.OperationalError, match=r"aidtext_metrics: options: .*rules_file.*\"rules\""):
        db.execute("SELECT * FROM aidtext_metrics(?, NULL, ?)", (SAMPLE, options)).fetchall()
    with pytest.raises(sqlite3.OperationalError, match=r"aidtext_extract: options: .*nonexistent"):
        db.execute("SELECT aidtext_extract(?, NULL, ?)",
                   (SAMPLE, json.dumps({"rules_file": str(tmp_path / "nonexistent.txt")}))).fetchone()


@pytest.mark.parametrize("options, message", [
    ("{\"repair\": ", r"aidtext_normalize: options: the options are not JSON: malformed JSON"),
    ("[\"repair\"]", r"aidtext_normalize: options: the options must be a JSON object"),
    ("repair=off", r"aidtext_normalize: options: the options must be a JSON object"),
    ("{\"repiar\": \"off\"}", r"aidtext_normalize: options: .*unknown option \"repiar\""),
    ("{\"convert\": \"klingon\"}", r"aidtext_normalize: options: .*klingon"),
    ("{\"repair\": 0}", r"aidtext_normalize: options: option \"repair\" takes a string \(or true/false\), "
                        r"not JSON integer"),
    ("{\"rules\": \"bogus line\"}", r"aidtext_normalize: options: .*line 1: unknown keyword 'bogus'"),
    ("{\"rules\": \"use default\", \"rules_file\": \"/x\"}", r"give one of \"rules\" and \"rules_file\""),
])
def test_bad_options_are_clear_sql_errors(db, options, message):
    with pytest.raises(sqlite3.OperationalError, match=message):
        db.execute("SELECT aidtext_normalize('x', ?)", (options,)).fetchone()


def test_options_engines_are_reused_and_statements_stay_correct(db):
    # Many rows, two option sets alternating: each row gets its own options' answer.
    rows = db.execute(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199) "
        "SELECT i, aidtext_normalize(?, CASE i % 2 WHEN 0 THEN '{\"convert\": \"none\"}' ELSE NULL END) FROM n",
        (TRADITIONAL,)).fetchall()
    converted = aidtext.Engine().normalize(TRADITIONAL).text
    assert all(text == (TRADITIONAL if i % 2 == 0 else converted) for i, text in rows)


def test_options_forms_cannot_run_from_an_untrusted_schema():
    """The forms that take options may read a file (rules_file): with
    trusted_schema=OFF a view may not call them; the plain forms stay usable."""
    conn = connect()
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        conn.execute("CREATE VIEW plain AS SELECT aidtext_normalize('甲縣') AS t")
        conn.execute("CREATE VIEW with_options AS SELECT aidtext_normalize('甲縣', '{}') AS t")
        assert conn.execute("SELECT t FROM plain").fetchone()[0] == "甲县"
        with pytest.raises(sqlite3.OperationalError, match="unsafe use of aidtext_normalize"):
            conn.execute("SELECT t FROM with_options").fetchone()
        # Directly, not from the schema, they run.
        assert conn.execute("SELECT aidtext_normalize('甲縣', '{}')").fetchone()[0] == "甲县"
    finally:
        conn.close()


def test_metrics_table_guessed_column(db, engine):
    # 1 on a record overlapping a guessed character, as the Python records say.
    from test_guessed import damaged_inputs
    flagged = 0
    for data in damaged_inputs():
        rows = db.execute("SELECT guessed FROM aidtext_metrics(?, '2019')", (data,)).fetchall()
        expected = [int(m.guessed) for m in engine.extract(data, "2019")]
        assert [r[0] for r in rows] == expected
        flagged += sum(expected)
    assert flagged > 0
    assert {r[0] for r in db.execute("SELECT guessed FROM aidtext_metrics(?)", (SAMPLE,))} == {0}
