"""NormalizeResult.source_range(): the Python copy of the provenance map must
answer exactly as the library does while its result is alive."""
import random

import pytest

import aidtext
from aidtext import engine as engine_module
from aidtext._provenance import SourceMap
from conftest import SAMPLE, dev_articles

DIRTY_INPUTS = {
    "plain": SAMPLE.encode("utf-8"),
    "traditional": "截至2018年底，渭源縣貧困人口減至2.89萬人。".encode("utf-8"),
    "full width": "贫困人口减至２.８９万人，ＡＢＣ　共计１２３户。".encode("utf-8"),
    "html": "贫困人口&nbsp;减至2.89&#x4E07;人&amp;户&lt;b&gt;".encode("utf-8"),
    "crlf": "第一段贫困人口2万人。\r\n\r\n第二段脱贫3000户。\r\n".encode("utf-8"),
    "pinyin": "扶贫协(xié)作资金6686万元".encode("utf-8"),
    "gbk": SAMPLE.encode("gb18030"),
    "big5": "渭源縣貧困人口減至2.89萬人".encode("big5"),
    "utf16": "\ufeff渭源县贫困人口减至2.89万人".encode("utf-16-le"),
    "mojibake": SAMPLE.encode("utf-8").decode("latin-1").encode("utf-8"),
    "invalid bytes": b"\xff\xfe\x80 \xe8\xb4\xab\xe5 2.89\xe4\xb8\x87\xe4\xba\xba",
    "repeated": ("甲县贫困人口减至2万人。\n\n" * 3).encode("utf-8"),
}


def _char_bounds(text: bytes):
    return [i for i in range(len(text) + 1) if i == len(text) or (text[i] & 0xC0) != 0x80]


def compare_with_library(engine, raw: bytes, samples: int = 400) -> int:
    """Checks the copied map against live library answers; returns its piece count.
    The copy holds the library's own pieces, so it must agree on every range,
    character boundaries or not."""

    def read(lib, res):
        text = engine_module._result_text(lib, res)
        query = engine_module._source_query(lib, res)
        copy = SourceMap.from_result(lib, res, len(text), lambda st: engine_module._check(lib, st))
        n = len(text)
        assert copy.pieces == lib.aidtext_result_map_piece_count(res)
        assert (copy.pieces == 0) == (n == 0)
        rng = random.Random(len(raw))
        if n <= 60:
            pairs = [(a, b) for a in range(n + 1) for b in range(a, n + 1)]  # every range
        else:
            bounds = _char_bounds(text)
            pairs = list(zip(bounds, bounds[1:]))[:3000]               # every character
            pairs += [(b, b) for b in range(min(n, 500))]                # empty ranges
            pairs += [tuple(sorted(rng.sample(range(n + 1), 2))) for _ in range(samples)]
            pairs += [(n, n), (0, n)]
        for a, b in pairs:
            assert copy.source_range(a, b) == query(a, b), (a, b, text[a:b])
        return copy.pieces

    return engine._call(engine._lib.aidtext_normalize, raw, (), read)


@pytest.mark.parametrize("name", sorted(DIRTY_INPUTS))
def test_copied_map_matches_the_library_on_dirty_input(engine, name):
    compare_with_library(engine, DIRTY_INPUTS[name])


def test_copied_map_matches_the_library_on_the_dev_corpus(engine):
    for name, raw in dev_articles():
        compare_with_library(engine, raw, samples=200)


def test_unchanged_text_costs_one_piece(engine):
    raw = ("渭源县贫困人口减至2.89万人，贫困发生率降至9.05%。" * 50).encode("utf-8")
    r = engine.normalize(raw)
    if r.text_bytes == raw:
        assert r._map.pieces == 1
        assert r.source_range(3, 9) == (3, 9)


def test_source_range_contract(engine):
    for name, raw in DIRTY_INPUTS.items():
        r = engine.normalize(raw)
        n = len(r.text_bytes)
        whole = r.source_range(0, n)
        assert 0 <= whole[0] <= whole[1] <= len(raw), name
        previous = (0, 0)
        for a, b in zip(_char_bounds(r.text_bytes), _char_bounds(r.text_bytes)[1:]):
            s, e = r.source_range(a, b)
            assert whole[0] <= s <= e <= whole[1], name
            assert s >= previous[0], f"{name}: provenance goes backwards at {a}"
            previous = (s, e)
        with pytest.raises(aidtext.Error) as info:
            r.source_range(0, n + 1)
        assert info.value.status == aidtext.Status.OUT_OF_RANGE
        with pytest.raises(aidtext.Error):
            r.source_range(2, 1)


def test_source_bytes_of_a_word_are_the_original_word(engine):
    raw = "截至2018年底，渭源縣貧困人口減至2.89萬人。".encode("utf-8")
    r = engine.normalize(raw)
    start = r.text_bytes.find("贫困人口".encode("utf-8"))
    assert start >= 0
    end = start + len("贫困人口".encode("utf-8"))
    assert r.source_bytes(start, end).decode("utf-8") == "貧困人口"


def test_copied_map_matches_the_library_on_random_mixtures(engine):
    rng = random.Random(99)
    parts = list(DIRTY_INPUTS.values())
    for _ in range(150):
        if rng.random() < 0.3:
            raw = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 60)))
        else:
            raw = b"".join(rng.choice(parts)[rng.randrange(0, 8):][: rng.randrange(1, 30)]
                           for _ in range(rng.randrange(1, 5)))
        compare_with_library(engine, raw, samples=60)


def test_provenance_can_be_skipped(engine):
    r = engine.normalize(DIRTY_INPUTS["full width"], provenance=False)
    assert r.text == engine.normalize(DIRTY_INPUTS["full width"]).text
    with pytest.raises(aidtext.Error) as info:
        r.source_range(0, 1)
    assert info.value.status == aidtext.Status.NOT_AVAILABLE
