"""Typed records: the same fields, names and values as the library's JSON records.

Offsets are byte offsets, half-open [start, end). `start`/`end` of a Quantity
or Metric and `in_start`/`in_end` of a Repair point into the ORIGINAL input
bytes (for str input: its UTF-8 encoding); `out_*` and Repeat offsets point
into the normalized text's UTF-8 bytes.

`value` is what the JSON record holds: an int when the exact decimal is a
whole number (0.81万户 -> 8100), else a float (9.05); `value_text` keeps the
exact decimal, and `.exact_value` gives it as a decimal.Decimal.
"""
from __future__ import annotations

import decimal
from dataclasses import dataclass
from typing import Optional, Tuple, Union

Number = Union[int, float]


def number_from_text(text: Optional[str], fallback: float) -> Optional[Number]:
    """The JSON number for an exact decimal string: int if whole, else float."""
    if text is None:
        return fallback
    try:
        return int(text)
    except ValueError:
        pass
    try:
        exact = decimal.Decimal(text)
    except decimal.InvalidOperation:
        return fallback
    if exact.is_finite() and exact == exact.to_integral_value():
        return int(exact)
    return float(exact)


def _exact(text: Optional[str], value: Optional[Number]) -> Optional[decimal.Decimal]:
    if text is not None:
        try:
            return decimal.Decimal(text)
        except decimal.InvalidOperation:
            pass
    return None if value is None else decimal.Decimal(repr(value))


@dataclass(frozen=True)
class Quantity:
    """A numeric expression: a quantity, a date or an ordinal (spec/quantities.md)."""

    kind: str                      # "quantity", "date", "ordinal"
    text: str                      # the expression in the normalized text
    start: int                     # ORIGINAL input bytes
    end: int
    value: Optional[Number]
    value_high: Optional[Number]   # upper end of a range (3至5万人), else None
    unit: Optional[str]            # canonical unit id
    classifier: Optional[str]      # counting classifier (个, 项, 期)
    approx: Optional[str]          # "over", "about", "under"
    date: Optional[str]            # "2018", "2018-12", "2017-05-22T14:50" for dates
    value_text: Optional[str] = None
    value_high_text: Optional[str] = None
    # "out_of_range": the number is too large or too precise to hold exactly,
    # so value, value_text and value_high are None; else None.
    error: Optional[str] = None
    # True when the expression overlaps a character the mojibake repairer
    # guessed from context (Repair.guessed), or a number cut by a lost
    # character (1\ufffd200人: since 0.3.1): a best-effort reading whose
    # value may be wrong (a guessed 万 or numeral, 200 of 1\ufffd200).
    guessed: bool = False

    @property
    def exact_value(self) -> Optional[decimal.Decimal]:
        return _exact(self.value_text, self.value)


@dataclass(frozen=True)
class Metric:
    """A poverty-alleviation metric record (spec/metrics.md)."""

    metric: str                    # e.g. "poor_population"
    value: Number
    unit: str                      # person, person_time, household, count, CNY, percent
    approx: Optional[str]          # "over", "about", "under", or None if exact
    change: str                    # "level", "total", "target"
    time: Optional[str]            # "2018", "2019-05"
    place: Optional[str]           # "渭源县"
    text: str                      # the quantity in the normalized text
    start: int                     # ORIGINAL input bytes
    end: int
    sentence: str                  # the normalized sentence holding it
    value_text: Optional[str] = None
    guessed: bool = False          # text overlaps a guessed character (as Quantity.guessed)

    @property
    def exact_value(self) -> Optional[decimal.Decimal]:
        return _exact(self.value_text, self.value)


@dataclass(frozen=True)
class Repair:
    """A mojibake repair, or damage flagged and left as it was (repaired=False)."""

    kind: str                      # "utf8-as-latin1", "gbk-misaligned", "unrecoverable", ...
    in_start: int                  # ORIGINAL input bytes
    in_end: int
    out_start: int                 # normalized text bytes
    out_end: int
    confidence: float              # 0..1
    guessed_chars: int             # characters chosen from context
    repaired: bool
    # Where those characters are: (start, end) normalized text bytes, sorted,
    # apart, inside [out_start, out_end); () when guessed_chars is 0.
    guessed: Tuple[Tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Repeat:
    """A passage repeating an earlier one; offsets in normalized text bytes."""

    start: int                     # the later copy
    end: int
    first_start: int               # its first appearance
    first_end: int
