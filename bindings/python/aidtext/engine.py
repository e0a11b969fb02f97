"""Engine: the Pythonic face of aidtext_engine, and what its calls return.

Every call copies what it needs out of the C result and frees that result
in a `finally` before returning, so no C memory outlives a call and nothing
depends on garbage collection. The engine itself is immutable on the C side;
one Engine may be used by any number of threads at once (ctypes releases the
GIL during each call, so they really run in parallel).
"""
from __future__ import annotations

import dataclasses
import datetime
import os
import threading
from ctypes import byref, c_char_p, c_size_t, c_void_p, sizeof, string_at
from dataclasses import dataclass
from typing import Callable, List, Optional, Tuple, Union

from . import _library as L
from ._errors import Error, Status
from ._provenance import SourceMap
from .records import Metric, Quantity, Repair, Repeat, number_from_text

Input = Union[bytes, bytearray, memoryview, str]
DocDate = Union[None, str, datetime.date]


def _as_bytes(data: Input) -> bytes:
    """The bytes to hand to the library. str is encoded as UTF-8; lone
    surrogates are passed through as the bytes they stand for (the library
    then flags them as invalid input) rather than raising here."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode("utf-8", "surrogatepass")
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    raise TypeError(f"aidtext needs bytes or str, not {type(data).__name__}")


def _opt_str(raw: Optional[bytes]) -> Optional[str]:
    return None if raw is None else raw.decode("utf-8", "replace")


def _option_value(key: str, value) -> bytes:
    if isinstance(value, bool):
        return b"on" if value else b"off"
    if isinstance(value, str):
        return value.encode("utf-8")
    raise TypeError(f"option {key!r} takes a str or a bool, not {type(value).__name__}")


def _doc_date(doc_date: DocDate) -> Optional[bytes]:
    if doc_date is None:
        return None
    if isinstance(doc_date, datetime.datetime):
        doc_date = doc_date.date()
    if isinstance(doc_date, datetime.date):
        return doc_date.isoformat().encode()
    if isinstance(doc_date, str):
        return doc_date.encode("utf-8")
    raise TypeError(f"doc_date takes a str or a datetime.date, not {type(doc_date).__name__}")


@dataclass(frozen=True)
class NormalizeResult:
    """What Engine.normalize() returns: the clean text and its report."""

    text: str                     # normalized, simplified text
    text_bytes: bytes             # the same as UTF-8: the offsets of this result count these
    encoding: str                 # detected (or forced) input encoding
    repairs: Tuple[Repair, ...]
    repeats: Tuple[Repeat, ...]
    input: bytes                  # the bytes given to the library (str input: UTF-8)
    _map: Optional[SourceMap]

    def source_range(self, start: int, end: int) -> Tuple[int, int]:
        """The ORIGINAL input byte range [s, e) that normalized text bytes
        [start, end) came from. Raises aidtext.Error(OUT_OF_RANGE) for a
        range outside the text."""
        if self._map is None:
            raise Error(Status.NOT_AVAILABLE, "normalize() was called with provenance=False")
        try:
            return self._map.source_range(start, end)
        except ValueError as e:
            raise Error(Status.OUT_OF_RANGE, str(e)) from None

    def source_bytes(self, start: int, end: int) -> bytes:
        """The original input bytes that normalized bytes [start, end) came from."""
        s, e = self.source_range(start, end)
        return self.input[s:e]


class Engine:
    """An aidtext engine.

    Engine(rules=None, convert="t2s", **options)
      rules    None for the built-in rule pack; str or bytes: the text of a
               rule pack; os.PathLike (pathlib.Path): a rule-pack file
      convert  "t2s", "hk2s", "tw2s" or "none"
      options  the other keys of aidtext_options_set(): encoding="auto"|"GBK"|...,
               repair, strip_pinyin, fold_width, html, markup, join_wraps, cjk_spacing,
               cjk_punctuation, repeats
               (True/False or "on"/"off")
    Raises aidtext.Error: UNKNOWN_OPTION, INVALID_ARGUMENT, RULES (the
    message names the bad line), IO.

    Use it from any number of threads. close() (or a with-block) frees the C
    engine at once; otherwise it is freed when the Engine is collected. A
    close() while calls are running takes effect when the last one returns.
    """

    def __init__(self, rules: Union[None, str, bytes, os.PathLike] = None, convert: str = "t2s",
                 **options):
        lib = L.library()
        self._lib = lib
        self._handle = None
        self._settings = (rules, convert, dict(options))
        self._active = 0
        self._closing = False
        self._state = threading.Lock()
        settings = {"convert": convert, **options}
        opt = c_void_p()
        _check(lib, lib.aidtext_options_new(byref(opt)))
        try:
            for key, value in settings.items():
                _check(lib, lib.aidtext_options_set(opt, key.encode("utf-8"),
                                                    _option_value(key, value)))
            if isinstance(rules, os.PathLike):
                _check(lib, lib.aidtext_options_set_rules_file(opt, os.fsencode(rules)))
            elif rules is not None:
                pack = rules.encode("utf-8") if isinstance(rules, str) else bytes(rules)
                _check(lib, lib.aidtext_options_set_rules(opt, pack, len(pack)))
            eng = c_void_p()
            _check(lib, lib.aidtext_engine_new(opt, byref(eng)))
            self._handle = eng
        finally:
            lib.aidtext_options_free(opt)

    # ---- lifetime -------------------------------------------------------

    def close(self) -> None:
        with self._state:
            self._closing = True
            handle, free_now = self._handle, self._active == 0
            if free_now:
                self._handle = None
        if free_now and handle is not None:
            self._lib.aidtext_engine_free(handle)

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle is not None:
            self._handle = None
            self._lib.aidtext_engine_free(handle)

    def __reduce__(self):
        """Pickling sends the settings, not the C engine: unpickled in another
        process, it is that process's engine for the same settings
        (aidtext.process_engine), made there on first use."""
        rules, convert, options = self._settings
        return (_process_engine, (rules, convert, tuple(sorted(options.items()))))

    def _acquire(self):
        with self._state:
            if self._closing or self._handle is None:
                raise Error(Status.INVALID_HANDLE, "the engine is closed")
            self._active += 1
            return self._handle

    def _release(self):
        handle = None
        with self._state:
            self._active -= 1
            if self._closing and self._active == 0 and self._handle is not None:
                handle, self._handle = self._handle, None
        if handle is not None:
            self._lib.aidtext_engine_free(handle)

    def _call(self, function: Callable, data: bytes, extra: tuple, read: Callable):
        """Runs one aidtext call on data and returns read(lib, result); the
        result is freed whatever happens."""
        lib = self._lib
        handle = self._acquire()
        res = c_void_p()
        try:
            status = function(handle, data, len(data), *extra, byref(res))
            if status != 0:
                raise lib.error(status)
            return read(lib, res)
        finally:
            lib.aidtext_result_free(res)  # NULL (a failed call) is a no-op
            self._release()

    # ---- calls ------------------------------------------------------------

    def normalize(self, data: Input, provenance: bool = True) -> NormalizeResult:
        """Decodes, repairs, cleans and converts data to simplified UTF-8.
        The result keeps a copy of the provenance map for source_range(),
        taken in one library call (aidtext_result_map_pieces);
        provenance=False skips it (source_range() then raises NOT_AVAILABLE)."""
        raw = _as_bytes(data)

        def read(lib, res):
            text = _result_text(lib, res)
            return NormalizeResult(
                text=text.decode("utf-8", "surrogateescape"),
                text_bytes=text,
                encoding=_result_encoding(lib, res),
                repairs=tuple(_repairs(lib, res)),
                repeats=tuple(_repeats(lib, res)),
                input=raw,
                _map=SourceMap.from_result(lib, res, len(text), lambda st: _check(lib, st))
                if provenance else None)

        return self._call(self._lib.aidtext_normalize, raw, (), read)

    def quantities(self, data: Input) -> List[Quantity]:
        """Every quantity, date and ordinal in data, in text order."""
        raw = _as_bytes(data)
        return self._call(self._lib.aidtext_quantities, raw, (),
                          lambda lib, res: _quantities(lib, res))

    def extract(self, data: Input, doc_date: DocDate = None) -> List[Metric]:
        """The poverty-alleviation metric records of data. doc_date ("2019",
        "2019-05", "2019-05-28" or a date) resolves 今年/去年."""
        raw = _as_bytes(data)
        return self._call(self._lib.aidtext_extract, raw, (_doc_date(doc_date),),
                          lambda lib, res: _metrics(lib, res))

    def extract_json(self, data: Input, doc_date: DocDate = None) -> str:
        """The library's own JSON for the whole extract result: {"text",
        "encoding", "report", "quantities", "metrics"}."""
        raw = _as_bytes(data)
        return self._call(self._lib.aidtext_extract, raw, (_doc_date(doc_date),),
                          lambda lib, res: _result_json(lib, res))

    def _items_json(self, data: Input, item: int, doc_date: DocDate = None) -> List[str]:
        """Each item's JSON as the library writes it (for tests and tools)."""
        raw = _as_bytes(data)

        def read(lib, res):
            out = []
            for i in range(lib.aidtext_result_count(res, item)):
                ptr, size = c_char_p(), c_size_t()
                _check(lib, lib.aidtext_result_item_json(res, item, i, byref(ptr), byref(size)))
                out.append(_borrowed(ptr, size).decode("utf-8"))
            return out

        return self._call(self._lib.aidtext_extract, raw, (_doc_date(doc_date),), read)


def _process_engine(rules, convert, options):
    from ._process import process_engine
    return process_engine(rules=rules, convert=convert, **dict(options))


# ---- reading a C result ------------------------------------------------------

def _check(lib, status: int) -> None:
    if status != 0:
        raise lib.error(status)


def _borrowed(ptr: c_char_p, size: c_size_t) -> bytes:
    """Copies size bytes from a borrowed pointer (the data may hold NULs)."""
    if size.value == 0:
        return b""
    return string_at(ptr, size.value)


def _result_text(lib, res) -> bytes:
    ptr, size = c_char_p(), c_size_t()
    _check(lib, lib.aidtext_result_text(res, byref(ptr), byref(size)))
    return _borrowed(ptr, size)


def _result_json(lib, res) -> str:
    ptr, size = c_char_p(), c_size_t()
    _check(lib, lib.aidtext_result_json(res, byref(ptr), byref(size)))
    return _borrowed(ptr, size).decode("utf-8")


def _result_encoding(lib, res) -> str:
    ptr = c_char_p()
    _check(lib, lib.aidtext_result_encoding(res, byref(ptr)))
    return _opt_str(ptr.value) or ""


def _source_query(lib, res):
    s, e = c_size_t(), c_size_t()
    fn = lib.aidtext_result_source_range

    def query(a: int, b: int) -> Tuple[int, int]:
        _check(lib, fn(res, a, b, byref(s), byref(e)))
        return (s.value, e.value)

    return query


def _items(lib, res, item: int, struct_type, getter, convert):
    n = lib.aidtext_result_count(res, item)
    out = []
    for i in range(n):
        st = struct_type()
        st.struct_size = sizeof(struct_type)
        _check(lib, getter(res, i, byref(st)))
        out.append(convert(st))
    return out


def _quantity(q: L.QuantityStruct) -> Quantity:
    value_text = _opt_str(q.value_text)
    high_text = _opt_str(q.value_high_text) if q.has_value_high else None
    error = _opt_str(q.error)
    return Quantity(
        kind=_opt_str(q.kind), text=_opt_str(q.text), start=q.start, end=q.end,
        value=None if error else number_from_text(value_text, q.value),
        value_high=number_from_text(high_text, q.value_high) if q.has_value_high else None,
        unit=_opt_str(q.unit), classifier=_opt_str(q.classifier), approx=_opt_str(q.approx),
        date=_opt_str(q.date), value_text=value_text, value_high_text=high_text, error=error,
        guessed=bool(q.guessed))


def _metric(m: L.MetricStruct) -> Metric:
    value_text = _opt_str(m.value_text)
    return Metric(
        metric=_opt_str(m.metric), value=number_from_text(value_text, m.value),
        unit=_opt_str(m.unit), approx=_opt_str(m.approx), change=_opt_str(m.change),
        time=_opt_str(m.time), place=_opt_str(m.place), text=_opt_str(m.text),
        start=m.start, end=m.end, sentence=_opt_str(m.sentence), value_text=value_text,
        guessed=bool(m.guessed))


def _repair(r: L.RepairStruct) -> Repair:
    return Repair(kind=_opt_str(r.kind), in_start=r.in_start, in_end=r.in_end,
                  out_start=r.out_start, out_end=r.out_end, confidence=r.confidence,
                  guessed_chars=r.guessed_chars, repaired=bool(r.repaired))


def _repeat(r: L.RepeatStruct) -> Repeat:
    return Repeat(start=r.start, end=r.end, first_start=r.first_start, first_end=r.first_end)


def _quantities(lib, res) -> List[Quantity]:
    return _items(lib, res, L.ITEM_QUANTITY, L.QuantityStruct, lib.aidtext_result_quantity,
                  _quantity)


def _metrics(lib, res) -> List[Metric]:
    return _items(lib, res, L.ITEM_METRIC, L.MetricStruct, lib.aidtext_result_metric, _metric)


def _repairs(lib, res) -> List[Repair]:
    repairs = _items(lib, res, L.ITEM_REPAIR, L.RepairStruct, lib.aidtext_result_repair, _repair)
    if "aidtext_result_repair_guessed" in lib.missing:  # a library older than 0.3
        return repairs
    return [dataclasses.replace(r, guessed=_repair_guessed(lib, res, i)) for i, r in enumerate(repairs)]


def _repair_guessed(lib, res, index: int) -> Tuple[Tuple[int, int], ...]:
    """Repair index's guessed ranges, copied in one call."""
    n = lib.aidtext_result_repair_guessed_count(res, index)
    if n == 0:
        return ()
    ranges = (L.RangeStruct * n)()
    written = c_size_t()
    _check(lib, lib.aidtext_result_repair_guessed(res, index, 0, ranges, n, byref(written)))
    return tuple((ranges[k].start, ranges[k].end) for k in range(written.value))


def _repeats(lib, res) -> List[Repeat]:
    return _items(lib, res, L.ITEM_REPEAT, L.RepeatStruct, lib.aidtext_result_repeat, _repeat)
