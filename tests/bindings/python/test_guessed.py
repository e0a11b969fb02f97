"""Guessed characters through the Python binding: Repair.guessed ranges and
the guessed flag of quantities and metrics, on damage made here with
Python's gbk codec (a GBK stream with one byte dropped, read pair by pair,
unmapped pairs printed as '?', as careless software shows it)."""
import ctypes
import json
import os
import sys

import pytest

import aidtext

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python_support"))
from mojibake_maker import misaligned_gbk  # noqa: E402

LEAD = "新华社兰州电　记者从省扶贫办获悉，去年全省减少贫困人口六十七万人。"
SENTENCES = [
    "全县贫困人口由六千六百万人减少到三千二百万人，贫困发生率降至百分之十二点五。",
    "二〇一八年全市共投入扶贫资金六千六百万元，带动贫困户三万二千户脱贫，易地搬迁四千五百人。",
    "今年该县计划减少贫困人口一万二千人，贫困发生率下降到百分之三点二，新修道路八百公里。",
    "截至去年底，全省建档立卡贫困人口减少到七十八万人，贫困村退出一千二百个。",
]


def damaged_inputs():
    lead = len(LEAD.encode("gbk"))
    for a, first in enumerate(SENTENCES):
        text = LEAD + first + SENTENCES[(a + 1) % len(SENTENCES)]
        for drop in range(lead + 1, lead + 25, 4):
            yield misaligned_gbk(text, drop)


def utf8_chars(b: bytes) -> int:
    return sum(1 for x in b if x & 0xC0 != 0x80)


def normalized_span(norm, text: str, start: int, end: int):
    """The normalized bytes of a record: where its text occurs in the
    normalized text with the record's input range as its source."""
    needle = text.encode("utf-8")
    hay = norm.text_bytes
    at = hay.find(needle)
    while at >= 0:
        if norm.source_range(at, at + len(needle)) == (start, end):
            return at, at + len(needle)
        at = hay.find(needle, at + 1)
    raise AssertionError(f"{text!r} [{start}, {end}) not found in the normalized text")


def overlaps(ranges, span):
    return any(g0 < span[1] and span[0] < g1 for g0, g1 in ranges)


def test_flags_follow_the_guessed_ranges(engine):
    counts = {"inputs": 0, "q_flagged": 0, "q_clear": 0, "m_flagged": 0, "m_clear": 0}
    for data in damaged_inputs():
        norm = engine.normalize(data)
        ranges = []
        for r in norm.repairs:
            assert isinstance(r.guessed, tuple)
            prev = r.out_start
            for g0, g1 in r.guessed:
                assert prev <= g0 < g1 <= r.out_end
                prev = g1 + 1  # apart, not only in order
            assert sum(utf8_chars(norm.text_bytes[g0:g1]) for g0, g1 in r.guessed) == r.guessed_chars
            ranges.extend(r.guessed)
        if ranges:
            counts["inputs"] += 1
        # The document JSON's repairs name the same ranges, only when non-empty.
        doc = json.loads(engine.extract_json(data, "2019"))
        assert [tuple(map(tuple, r.get("guessed", []))) for r in doc["repairs"]] == \
            [r.guessed for r in norm.repairs]
        assert all(r["guessed"] for r in doc["repairs"] if "guessed" in r)

        for q, qj in zip(engine.quantities(data), doc["quantities"]):
            expect = overlaps(ranges, normalized_span(norm, q.text, q.start, q.end))
            assert q.guessed is expect, (data, q)
            assert qj.get("guessed", False) is expect and (qj.get("guessed") is not False)
            counts["q_flagged" if expect else "q_clear"] += 1
        metrics = engine.extract(data, "2019")
        assert len(metrics) == len(doc["metrics"])
        for m, mj in zip(metrics, doc["metrics"]):
            expect = overlaps(ranges, normalized_span(norm, m.text, m.start, m.end))
            assert m.guessed is expect, (data, m)
            assert mj.get("guessed", False) is expect
            counts["m_flagged" if expect else "m_clear"] += 1
    # Not vacuous: guesses were made, and both flags were seen on both kinds.
    assert counts["inputs"] >= 8, counts
    assert min(counts.values()) > 0, counts


def test_clean_text_guesses_nothing(engine):
    text = LEAD + "".join(SENTENCES)
    assert all(not r.guessed for r in engine.normalize(text).repairs)
    assert engine.quantities(text) and not any(q.guessed for q in engine.quantities(text))
    metrics = engine.extract(text, "2019")
    assert metrics and not any(m.guessed for m in metrics)
    assert '"guessed"' not in engine.extract_json(text, "2019")


def test_repair_guessed_c_abi_misuse():
    lib = ctypes.CDLL(os.environ["AIDTEXT_LIBRARY"])
    fn = lib.aidtext_result_repair_guessed
    fn.restype = ctypes.c_int
    fn.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_void_p, ctypes.c_size_t,
                   ctypes.POINTER(ctypes.c_size_t)]
    count = lib.aidtext_result_repair_guessed_count
    count.restype = ctypes.c_size_t
    count.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    written = ctypes.c_size_t(99)
    assert fn(None, 0, 0, None, 0, ctypes.byref(written)) == aidtext.Status.INVALID_HANDLE
    assert written.value == 0
    assert count(None, 0) == 0
    # A real result: a repair index past the end is out of range.
    eng, res = ctypes.c_void_p(), ctypes.c_void_p()
    lib.aidtext_engine_new.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.aidtext_normalize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
                                      ctypes.POINTER(ctypes.c_void_p)]
    lib.aidtext_result_free.argtypes = [ctypes.c_void_p]
    lib.aidtext_engine_free.argtypes = [ctypes.c_void_p]
    assert lib.aidtext_engine_new(None, ctypes.byref(eng)) == 0
    try:
        data = next(damaged_inputs()).encode("utf-8")
        assert lib.aidtext_normalize(eng, data, len(data), ctypes.byref(res)) == 0
        assert fn(res, 10**6, 0, None, 0, ctypes.byref(written)) == aidtext.Status.OUT_OF_RANGE
        assert count(res, 10**6) == 0
        assert fn(res, 0, 0, None, 0, None) == aidtext.Status.INVALID_ARGUMENT
        assert fn(res, 0, 0, None, 1, ctypes.byref(written)) == aidtext.Status.INVALID_ARGUMENT
    finally:
        lib.aidtext_result_free(res)
        lib.aidtext_engine_free(eng)
