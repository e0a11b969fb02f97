"""A Python copy of a result's provenance map, so it outlives the C result.

The C ABI answers "which input bytes did normalized bytes [a, b) come from"
(aidtext_result_source_range) only while the result lives, and a result is
freed before normalize() returns. So normalize() copies the map out, as the
pieces lib/core/offset_map.h describes:
  - linear pieces: output byte o+k came from input byte i+k;
  - block pieces: the output span as a whole came from an input span.

The copy asks the library about every character of the normalized text once
(plus once per character boundary inside a multi-character block) and merges
the answers into pieces. Fewer queries cannot be exact: a range's answer
depends only on the pieces at its two ends, so a stretch that shrinks and
then grows back (a full-width digit folded, then an invalid byte widened to
U+FFFD) is invisible from outside it. Text returned unchanged, the common
case for clean UTF-8, is recognized at once and costs two queries.

The copy therefore answers exactly like the library for every range whose
ends are character boundaries. Inside a character it answers as the piece's
shape says (exact bytes for a linear piece, the whole span for a block); a
one-character block whose input and output lengths agree looks linear from
its boundaries, so a range splitting such a character may differ.
"""
from __future__ import annotations

import bisect
import re
from typing import Callable, List, Optional, Tuple

Query = Callable[[int, int], Tuple[int, int]]

# A byte that starts a UTF-8 character (anything but a continuation byte).
_CHARACTER_START = re.compile(rb"[^\x80-\xbf]")


class SourceMap:
    __slots__ = ("_size", "_out_begin", "_in_begin", "_in_end", "_linear", "_empty", "_at_end")

    def __init__(self, text: bytes, query: Query, original: Optional[bytes] = None):
        n = len(text)
        self._size = n
        self._out_begin: List[int] = []
        self._in_begin: List[int] = []
        self._in_end: List[int] = []
        self._linear: List[bool] = []
        # The empty range at the end of the text: past any input deleted at the end.
        self._at_end = query(n, n)
        self._empty = self._at_end if n == 0 else None
        if n == 0:
            return
        if text == original and query(0, n) == (0, n):
            self._append(0, 0, n, True)  # returned unchanged: the identity
            return
        self._discover(text, query)

    def _append(self, out_begin: int, in_begin: int, in_end: int, linear: bool) -> None:
        self._out_begin.append(out_begin)
        self._in_begin.append(in_begin)
        self._in_end.append(in_end)
        self._linear.append(linear)

    def _discover(self, text: bytes, query: Query) -> None:
        starts = [m.start() for m in _CHARACTER_START.finditer(text)]
        starts.append(len(text))
        # The piece being grown: output start, input span, kind.
        cur_out = cur_in = cur_in_end = -1
        cur_linear = False
        for k in range(len(starts) - 1):
            a, b = starts[k], starts[k + 1]
            s, e = query(a, b)
            if e - s == b - a:
                if cur_linear and s == cur_in_end:
                    cur_in_end = e  # continues the linear piece
                    continue
                linear = True
            else:
                if (not cur_linear and cur_out >= 0 and (s, e) == (cur_in, cur_in_end)
                        and query(a, a) != (s, s)):
                    continue  # the same block goes on (a new slice would map to its start)
                linear = False
            if cur_out >= 0:
                self._append(cur_out, cur_in, cur_in_end, cur_linear)
            cur_out, cur_in, cur_in_end, cur_linear = a, s, e, linear
        self._append(cur_out, cur_in, cur_in_end, cur_linear)

    @property
    def pieces(self) -> int:
        return len(self._out_begin)

    def _piece(self, pos: int) -> int:
        return bisect.bisect_right(self._out_begin, pos) - 1

    def source_range(self, start: int, end: int) -> Tuple[int, int]:
        """Input range [s, e) that normalized bytes [start, end) came from.
        Raises ValueError when the range is not inside the text."""
        if not 0 <= start <= end <= self._size:
            raise ValueError(f"range [{start}, {end}) is not inside the normalized text "
                             f"of {self._size} bytes")
        if self._empty is not None:
            return self._empty
        if start == self._size:
            return self._at_end
        p = self._piece(start)
        if self._linear[p]:
            begin = self._in_begin[p] + (start - self._out_begin[p])
        elif start == end and start != self._out_begin[p]:
            begin = self._in_end[p]  # an empty range inside a block: after its input
        else:
            begin = self._in_begin[p]
        if start == end:
            return (begin, begin)
        q = self._piece(end - 1)
        if self._linear[q]:
            stop = self._in_begin[q] + (end - self._out_begin[q])
        else:
            stop = self._in_end[q]
        return (begin, stop) if begin <= stop else (stop, begin)
