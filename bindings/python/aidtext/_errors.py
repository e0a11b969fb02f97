"""The one exception type of the package, and the C ABI's status codes."""
from __future__ import annotations

import enum


class Status(enum.IntEnum):
    """aidtext_status from aidtext.h (AIDTEXT_OK is 0)."""

    OK = 0
    INVALID_ARGUMENT = 1
    INVALID_HANDLE = 2
    UNKNOWN_OPTION = 3
    OUT_OF_MEMORY = 4
    INPUT_TOO_LARGE = 5
    RULES = 6
    IO = 7
    OUT_OF_RANGE = 8
    NOT_AVAILABLE = 9
    INTERNAL = 10


class Error(Exception):
    """A failure reported by the aidtext library (or while loading it).

    .status  the aidtext_status as a Status (or a plain int for a status this
             package does not know; -1 when the library could not be loaded)
    .message the library's detailed text (aidtext_last_error()), or the
             status's name when the library gave no detail
    """

    def __init__(self, status: int, message: str):
        try:
            status = Status(status)
        except ValueError:
            pass
        self.status = status
        self.message = message
        super().__init__(f"{message} (aidtext status {int(status)})")


# Status of an Error raised because the shared library could not be used at all.
LIBRARY_UNAVAILABLE = -1
