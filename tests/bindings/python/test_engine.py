"""The Python API on the C ABI: loading, options, errors, calls, records."""
import dataclasses
import datetime
import json
import os
import pathlib
import subprocess
import sys

import pytest

import aidtext
from conftest import ALLOWED_APPROX, ALLOWED_CHANGE, ALLOWED_UNITS, SAMPLE, dev_articles


# ---- library and versions ----------------------------------------------------

def test_versions_agree_with_the_build():
    expected = os.environ.get("AIDTEXT_VERSION")
    if expected:
        assert aidtext.__version__ == expected
    assert aidtext.library_version() == aidtext.__version__
    assert os.path.samefile(aidtext.library_path(), os.environ["AIDTEXT_LIBRARY"])


def _run_python(code, env_changes):
    env = dict(os.environ)
    env.update(env_changes)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=60)


def test_a_missing_library_is_a_clear_error_naming_the_path(tmp_path):
    missing = tmp_path / "nowhere" / "libaidtext.so"
    code = ("import aidtext\n"
            "try:\n    aidtext.Engine()\n"
            "except aidtext.Error as e:\n    print('STATUS', int(e.status)); print(e.message)\n")
    out = _run_python(code, {"AIDTEXT_LIBRARY": str(missing)})
    assert out.returncode == 0, out.stderr
    assert "STATUS -1" in out.stdout
    assert str(missing) in out.stdout and "AIDTEXT_LIBRARY" in out.stdout


def test_without_the_env_var_every_place_tried_is_named():
    code = ("import aidtext\n"
            "try:\n    aidtext.library_version(); print('LOADED')\n"
            "except aidtext.Error as e:\n    print(e.message)\n")
    out = _run_python(code, {"AIDTEXT_LIBRARY": "", "LD_LIBRARY_PATH": ""})
    assert out.returncode == 0, out.stderr
    if "LOADED" in out.stdout:
        pytest.skip("a libaidtext is installed on the system path")
    assert "next to the package" in out.stdout
    assert "libaidtext.so.0" in out.stdout


def test_a_file_that_is_not_aidtext_is_refused(tmp_path):
    code = ("import aidtext\n"
            "try:\n    aidtext.library_version()\n"
            "except aidtext.Error as e:\n    print(e.message)\n")
    libc = "/lib/x86_64-linux-gnu/libc.so.6"
    if not os.path.exists(libc):
        pytest.skip("no libc at the Debian path")
    out = _run_python(code, {"AIDTEXT_LIBRARY": libc})
    assert "not an aidtext library" in out.stdout


# ---- options and errors ------------------------------------------------------

def test_options_are_accepted(engine):
    for convert in ("t2s", "hk2s", "tw2s", "none"):
        with aidtext.Engine(convert=convert, repair=False, html=True, encoding="auto") as e:
            assert isinstance(e.normalize(SAMPLE).text, str)


def test_markup_option_strips_tags_and_keeps_offsets():
    raw = "<p>贫困人口减少<b>1.2万人</b></p>"
    data = raw.encode("utf-8")
    with aidtext.Engine() as e:
        assert e.normalize(raw).text == "贫困人口减少1.2万人\n"
        [q] = [q for q in e.quantities(raw) if q.text == "1.2万人"]
        assert data[q.start:q.end] == "1.2万人".encode("utf-8")
    with aidtext.Engine(markup=False) as e:
        assert e.normalize(raw).text == raw


def test_unknown_option_raises_error_with_status_and_message():
    with pytest.raises(aidtext.Error) as info:
        aidtext.Engine(no_such_option="on")
    assert info.value.status == aidtext.Status.UNKNOWN_OPTION
    assert info.value.message


def test_bad_option_value_raises_invalid_argument():
    with pytest.raises(aidtext.Error) as info:
        aidtext.Engine(convert="klingon")
    assert info.value.status == aidtext.Status.INVALID_ARGUMENT


def test_option_values_must_be_str_or_bool():
    with pytest.raises(TypeError):
        aidtext.Engine(repair=3)


def test_bad_rule_pack_raises_rules_error():
    with pytest.raises(aidtext.Error) as info:
        aidtext.Engine(rules="\x00 this is [not a rule pack\n((((\n")
    assert info.value.status == aidtext.Status.RULES
    assert info.value.message


def test_missing_rules_file_raises_io_error(tmp_path):
    with pytest.raises(aidtext.Error) as info:
        aidtext.Engine(rules=tmp_path / "missing.rules")
    assert info.value.status == aidtext.Status.IO


def test_closed_engine_raises():
    e = aidtext.Engine()
    e.close()
    e.close()  # twice is harmless
    with pytest.raises(aidtext.Error) as info:
        e.normalize("文本")
    assert info.value.status == aidtext.Status.INVALID_HANDLE


def test_input_must_be_bytes_or_str(engine):
    with pytest.raises(TypeError):
        engine.normalize(42)
    with pytest.raises(TypeError):
        engine.extract(SAMPLE, doc_date=2019)


# ---- calls -----------------------------------------------------------------

def test_normalize_result_shape(engine):
    r = engine.normalize(SAMPLE)
    assert isinstance(r, aidtext.NormalizeResult)
    assert isinstance(r.text, str) and r.text
    assert r.text_bytes == r.text.encode("utf-8")
    assert r.encoding == "UTF-8"
    assert all(isinstance(x, aidtext.Repair) for x in r.repairs)
    assert all(isinstance(x, aidtext.Repeat) for x in r.repeats)
    assert r.input == SAMPLE.encode("utf-8")


def test_str_bytes_bytearray_memoryview_agree(engine):
    raw = SAMPLE.encode("utf-8")
    texts = {engine.normalize(x).text
             for x in (SAMPLE, raw, bytearray(raw), memoryview(raw))}
    assert len(texts) == 1
    assert engine.extract(SAMPLE) == engine.extract(raw)


def test_empty_and_nul_inputs(engine):
    assert engine.normalize(b"").text == ""
    assert engine.extract(b"") == []
    assert engine.quantities("") == []
    r = engine.normalize(b"a\x00b")
    assert r.source_range(0, len(r.text_bytes))[1] <= 3


def test_traditional_text_becomes_simplified(engine):
    assert "贫困人口" in engine.normalize("貧困人口減至2.89萬人").text


def test_gbk_input_is_decoded(engine):
    gbk = SAMPLE.encode("gb18030")
    r = engine.normalize(gbk)
    assert r.encoding in ("GB18030", "GBK")
    assert r.text == engine.normalize(SAMPLE).text


def test_quantity_records_are_well_formed(engine):
    raw = SAMPLE.encode("utf-8")
    qs = engine.quantities(raw)
    assert qs, "the sample holds three quantities and a date"
    for q in qs:
        assert isinstance(q, aidtext.Quantity)
        assert q.kind in ("quantity", "date", "ordinal")
        assert 0 <= q.start < q.end <= len(raw)
        assert q.text
    assert [q.start for q in qs] == sorted(q.start for q in qs)


def test_out_of_range_quantity_has_no_value_and_an_error(engine):
    text = "帮扶资金99999999999999999999999元，贫困人口2.89万人。"
    qs = engine.quantities(text)
    flagged = [q for q in qs if q.error is not None]
    assert len(flagged) == 1
    q = flagged[0]
    assert (q.error, q.value, q.value_text, q.value_high, q.unit) == (
        "out_of_range", None, None, None, "CNY")
    assert q.text == "99999999999999999999999元"
    assert [q.error for q in qs if q.text == "2.89万人"] == [None]
    as_json = json.loads(engine.extract_json(text))["quantities"]
    assert [j.get("error") for j in as_json] == [q.error for q in qs]
    assert [j["value"] for j in as_json] == [q.value for q in qs]
    assert [m.value for m in engine.extract(text)] == [28900]


def _check_metric(m, raw):
    assert isinstance(m, aidtext.Metric)
    assert m.metric and m.unit in ALLOWED_UNITS
    assert m.approx in ALLOWED_APPROX and m.change in ALLOWED_CHANGE
    assert isinstance(m.value, (int, float)) and not isinstance(m.value, bool)
    assert 0 <= m.start < m.end <= len(raw)
    assert m.text and m.sentence
    if m.value_text is not None:
        assert float(m.exact_value) == pytest.approx(m.value, rel=1e-12)


def test_sample_gives_the_poor_population_record(engine):
    metrics = engine.extract(SAMPLE, doc_date="2019-05-28")
    raw = SAMPLE.encode("utf-8")
    for m in metrics:
        _check_metric(m, raw)
    found = [m for m in metrics if m.metric == "poor_population"]
    assert found, f"no poor_population record in {metrics}"
    m = found[0]
    assert (m.value, m.unit, m.text) == (28900, "person", "2.89万人")
    assert isinstance(m.value, int) and m.exact_value == 28900
    assert raw[m.start:m.end].decode("utf-8") == "2.89万人"
    assert m.text in m.sentence
    incidence = [m for m in metrics if m.metric == "poverty_incidence"]
    assert incidence and incidence[0].value == 9.05 and incidence[0].unit == "percent"


def test_doc_date_accepts_str_and_date(engine):
    assert (engine.extract(SAMPLE, doc_date="2019-05-28")
            == engine.extract(SAMPLE, doc_date=datetime.date(2019, 5, 28)))


def test_typed_records_equal_the_library_json(engine):
    """Every field of every record is the same through the structs as in the JSON."""
    inputs = [SAMPLE]
    try:
        inputs += [raw for _, raw in dev_articles()]
    except pytest.skip.Exception:
        pass
    for raw in inputs:
        typed = engine.extract(raw)
        as_json = [json.loads(j) for j in engine._items_json(raw, 2)]
        assert len(typed) == len(as_json)
        for t, j in zip(typed, as_json):
            for field in dataclasses.fields(t):
                if field.name in j:
                    assert getattr(t, field.name) == j[field.name], (field.name, t, j)
            assert {"metric", "value", "unit", "approx", "change", "time", "place", "text",
                    "start", "end", "sentence"} <= set(j)


def test_extract_json_is_one_object(engine):
    doc = json.loads(engine.extract_json(SAMPLE))
    assert {"text", "encoding", "metrics"} <= set(doc)
    assert len(doc["metrics"]) == len(engine.extract(SAMPLE))


def test_dev_corpus_offsets_point_at_the_quantity(engine):
    checked = matched = 0
    for name, raw in dev_articles():
        # A slice is too short to detect its encoding: force the article's.
        with aidtext.Engine(encoding=engine.normalize(raw).encoding) as same_encoding:
            for m in engine.extract(raw):
                _check_metric(m, raw)
                checked += 1
                # The original bytes of the record, normalized alone, read as its text.
                if same_encoding.normalize(raw[m.start:m.end]).text.strip() == m.text:
                    matched += 1
    if checked == 0:
        pytest.fail("the dev corpus gave no metric records at all")
    assert matched >= 0.9 * checked, f"{matched}/{checked} offsets re-read as their text"


def test_process_engine_is_one_per_process():
    a = aidtext.process_engine()
    assert aidtext.process_engine() is a
    assert aidtext.process_engine(convert="tw2s") is not a


def test_random_bytes_never_raise_and_keep_offsets_inside(engine):
    import random
    rng = random.Random(20260522)
    pieces = [SAMPLE.encode("utf-8"), SAMPLE.encode("gb18030"), "貧困戶".encode("big5"),
              b"\x00", b"\xff\xfe", b"&#x4E07;", b"\r\n", "２.８９万".encode("utf-8")]
    for _ in range(300):
        if rng.random() < 0.5:
            raw = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 120)))
        else:
            raw = b"".join(rng.choice(pieces)[: rng.randrange(1, 40)] for _ in range(4))
        r = engine.normalize(raw)
        n = len(r.text_bytes)
        s, e = r.source_range(0, n)
        assert 0 <= s <= e <= len(raw)
        for m in engine.extract(raw):
            assert 0 <= m.start <= m.end <= len(raw)
        for q in engine.quantities(raw):
            assert 0 <= q.start <= q.end <= len(raw)


def test_quantities_repairs_repeats_equal_the_library_json(engine):
    """The structs of every item kind carry what the library's JSON says."""
    inputs = [SAMPLE, SAMPLE.encode("gb18030"), ("甲县贫困人口减至2万人。\n\n" * 3)]
    try:
        inputs += [raw for _, raw in dev_articles()]
    except pytest.skip.Exception:
        pass
    for raw in inputs:
        doc = json.loads(engine.extract_json(raw))
        normalized = engine.normalize(raw)
        assert doc["text"] == normalized.text and doc["encoding"] == normalized.encoding
        pairs = [(engine.quantities(raw), doc["quantities"]),
                 (list(normalized.repairs), doc["repairs"]),
                 (list(normalized.repeats), doc["repeats"])]
        for typed, as_json in pairs:
            assert len(typed) == len(as_json)
            for t, j in zip(typed, as_json):
                for field in dataclasses.fields(t):
                    if field.name in j:
                        expected = j[field.name]
                        if isinstance(expected, list):  # a repair's guessed ranges: tuples in Python
                            expected = tuple(tuple(r) for r in expected)
                        assert getattr(t, field.name) == expected, (field.name, t, j)
                    elif field.name == "guessed":  # written only when set
                        assert not getattr(t, field.name), (t, j)


def test_pickling_sends_settings_and_gives_the_process_engine():
    import pickle
    with aidtext.Engine(convert="tw2s", repair=False) as e:
        clone = pickle.loads(pickle.dumps(e))
        assert clone is not e
        assert clone is aidtext.process_engine(convert="tw2s", repair=False)
        assert clone.extract(SAMPLE) == e.extract(SAMPLE)
