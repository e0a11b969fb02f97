"""A Python copy of a result's provenance map, so it outlives the C result.

The C ABI answers "which input bytes did normalized bytes [a, b) come from"
(aidtext_result_source_range) only while the result lives, and a result is
freed before normalize() returns. So normalize() copies the map out in one
call (aidtext_result_map_pieces), as the pieces lib/core/offset_map.h
describes:
  - linear pieces: output byte o+k came from input byte i+k;
  - block pieces: the output span as a whole came from an input span.

The pieces are the library's own, so the copy answers exactly like the
library for every range, inside characters too; source_range() follows the
rule aidtext.h documents for aidtext_result_map_pieces(). Copying costs one
library call and a few array copies at C speed; a lookup costs two binary
searches. The map is held in arrays of machine words (three words and an
int per piece), not in Python objects per piece.
"""
from __future__ import annotations

import bisect
from array import array
from ctypes import byref, c_size_t, sizeof
from typing import Tuple

# The array type code of a size_t.
_SIZE_T_CODE = next(code for code in "QLI" if array(code).itemsize == sizeof(c_size_t))


class SourceMap:
    __slots__ = ("_size", "_out_begin", "_in_begin", "_in_end", "_linear", "_at_end")

    def __init__(self, size: int, out_begin: array, in_begin: array, in_end: array,
                 linear: array, at_end: Tuple[int, int]):
        """The map of a normalized text of `size` bytes from its pieces (in
        output order, covering the text); at_end is the answer for the empty
        range at the end of the text (past any input deleted at the end)."""
        self._size = size
        self._out_begin = out_begin
        self._in_begin = in_begin
        self._in_end = in_end
        self._linear = linear
        self._at_end = at_end

    @classmethod
    def from_result(cls, lib, res, size: int, check) -> "SourceMap":
        """Copies the map of a live C result whose text is `size` bytes.
        check(status) raises for a failed call."""
        from ._library import MapPieceStruct  # the struct aidtext.h declares

        s, e = c_size_t(), c_size_t()
        check(lib.aidtext_result_source_range(res, size, size, byref(s), byref(e)))
        at_end = (s.value, e.value)
        count = lib.aidtext_result_map_piece_count(res)
        pieces = (MapPieceStruct * max(count, 1))()
        pieces[0].struct_size = sizeof(MapPieceStruct)
        written = c_size_t()
        check(lib.aidtext_result_map_pieces(res, 0, pieces, count, byref(written)))
        n = written.value
        raw = memoryview(pieces).cast("B")[: n * sizeof(MapPieceStruct)]
        words = array(_SIZE_T_CODE)
        words.frombytes(raw)  # one contiguous copy; the columns are strided slices of it
        stride = sizeof(MapPieceStruct) // sizeof(c_size_t)

        def column(field: str) -> array:
            return words[getattr(MapPieceStruct, field).offset // sizeof(c_size_t)::stride]

        ints = array("i")
        ints.frombytes(raw)
        linear = ints[MapPieceStruct.linear.offset // ints.itemsize::sizeof(MapPieceStruct) // ints.itemsize]
        return cls(size, column("out_start"), column("in_start"), column("in_end"), linear, at_end)

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
