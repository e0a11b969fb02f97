"""A Python copy of a result's provenance map, so it outlives the C result.

The C ABI answers "which input bytes did normalized bytes [a, b) come from"
(aidtext_result_source_range) only while the result lives, and a result is
freed before normalize() returns. So normalize() copies the map out, as the
pieces lib/core/offset_map.h describes:
  - linear pieces: output byte o+k came from input byte i+k;
  - block pieces: the output span as a whole came from an input span.
It discovers them with a few queries instead of one per byte: from a
character start, a run is extended by galloping (doubling, then bisecting)
for as long as the library's answers agree with the run's shape. Plain text
(one linear piece) costs O(log n) queries; text decoded from a two-byte
encoding (each character a block) about two per character.

Queries are made at character boundaries only. Inside a character the copy
answers as the piece's shape says: exact bytes for a linear piece, the whole
span for a block. A block whose input and output lengths agree and that
continues its neighbours exactly is indistinguishable from linear text at
character boundaries and is treated as such (this only changes answers for
ranges that split a character).
"""
from __future__ import annotations

import bisect
from typing import Callable, List, Tuple

Query = Callable[[int, int], Tuple[int, int]]


def _is_continuation(byte: int) -> bool:
    return (byte & 0xC0) == 0x80


class SourceMap:
    __slots__ = ("_size", "_out_begin", "_out_end", "_in_begin", "_in_end", "_linear",
                 "_empty", "_at_end")

    def __init__(self, text: bytes, query: Query):
        self._size = len(text)
        self._out_begin: List[int] = []
        self._out_end: List[int] = []
        self._in_begin: List[int] = []
        self._in_end: List[int] = []
        self._linear: List[bool] = []
        self._empty = query(0, 0) if not text else None
        # The empty range at the end of the text: past any input deleted at the end.
        self._at_end = query(len(text), len(text))
        _Discovery(text, query, self).run()

    def _append(self, out_begin, out_end, in_begin, in_end, linear):
        self._out_begin.append(out_begin)
        self._out_end.append(out_end)
        self._in_begin.append(in_begin)
        self._in_end.append(in_end)
        self._linear.append(linear)

    @property
    def pieces(self) -> int:
        return len(self._out_begin)

    def _piece(self, pos: int) -> int:
        return bisect.bisect_right(self._out_begin, pos) - 1

    def _begin_at(self, pos: int) -> int:
        p = self._piece(pos)
        if self._linear[p]:
            return self._in_begin[p] + (pos - self._out_begin[p])
        return self._in_begin[p]

    def _end_before(self, pos: int) -> int:
        p = self._piece(pos - 1)
        if self._linear[p]:
            return self._in_begin[p] + (pos - self._out_begin[p])
        return self._in_end[p]

    def source_range(self, start: int, end: int) -> Tuple[int, int]:
        """Input range [s, e) that normalized bytes [start, end) came from.
        Raises ValueError when the range is not inside the text."""
        if not 0 <= start <= end <= self._size:
            raise ValueError(f"range [{start}, {end}) is not inside the normalized text "
                             f"of {self._size} bytes")
        if self._empty is not None:
            return self._empty
        if start == end:
            if start == self._size:
                return self._at_end
            p = self._piece(start)
            if self._linear[p]:
                b = self._in_begin[p] + (start - self._out_begin[p])
            elif start == self._out_begin[p]:
                b = self._in_begin[p]
            else:  # inside a block: after the block's input
                b = self._in_end[p]
            return (b, b)
        return (self._begin_at(start), self._end_before(end))


class _Discovery:
    """Finds the pieces of a map by querying it (see the module comment)."""

    def __init__(self, text: bytes, query: Query, out: SourceMap):
        self.text = text
        self.n = len(text)
        self.query = query
        self.out = out

    def next_start(self, pos: int) -> int:
        """The character start after the one at pos (or n)."""
        pos += 1
        while pos < self.n and _is_continuation(self.text[pos]):
            pos += 1
        return pos

    def snap(self, pos: int) -> int:
        """The first character start at or after pos (or n)."""
        if pos >= self.n:
            return self.n
        while pos < self.n and _is_continuation(self.text[pos]):
            pos += 1
        return pos

    def prev_start(self, pos: int) -> int:
        """The start of the character that ends at pos."""
        pos -= 1
        while pos > 0 and _is_continuation(self.text[pos]):
            pos -= 1
        return pos

    def gallop(self, first_end: int, holds: Callable[[int], bool]) -> int:
        """The largest character boundary p >= first_end for which holds(p),
        given that holds(first_end) and that holds is true up to some point
        and false after it."""
        good = first_end
        step = 1  # bytes; snap() rounds up to the next character start
        while good < self.n:
            cand = self.snap(good + step)
            if holds(cand):
                good = cand
                step *= 2
                continue
            hi = cand
            while True:
                mid = self.snap((good + hi) // 2)
                if mid <= good or mid >= hi:  # rounding left no boundary between them
                    mid = self.next_start(good)
                if mid >= hi:
                    return good
                if holds(mid):
                    good = mid
                else:
                    hi = mid
        return good

    def run(self):
        q = self.query
        a = 0
        while a < self.n:
            c1 = self.next_start(a)
            s, e = q(a, c1)
            # A multi-byte character is linear only if its first byte maps
            # alone (a block maps each of its bytes to the whole span).
            if e - s == c1 - a and (c1 - a == 1 or q(a, a + 1) == (s, s + 1)):
                def linear(p, a=a, s=s):
                    if q(a, p) != (s, s + (p - a)):
                        return False
                    ps = self.prev_start(p)
                    if q(ps, p) != (s + (ps - a), s + (p - a)):
                        return False
                    return p - ps == 1 or q(ps, ps + 1) == (s + (ps - a), s + (ps - a) + 1)
                end = self.gallop(c1, linear)
                self.out._append(a, end, s, s + (end - a), True)
            else:
                def same_block(p, s=s, e=e):
                    return q(self.prev_start(p), p) == (s, e)
                end = self.gallop(c1, same_block)
                # Where a later stage split one block, the library keeps the
                # slices as blocks of the same input; an empty range maps to
                # the input's start at a slice's start, its end elsewhere.
                piece_start = a
                pos = c1
                while pos < end:
                    if q(pos, pos) == (s, s):
                        self.out._append(piece_start, pos, s, e, False)
                        piece_start = pos
                    pos = self.next_start(pos)
                self.out._append(piece_start, end, s, e, False)
            a = end
