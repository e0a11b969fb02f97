"""Finding and loading the SQLite extension for the tests."""
import os
import sqlite3

import pytest

FIELDS = ["metric", "value", "unit", "approx", "change", "time", "place", "text", "start",
          "end", "sentence"]


def extension_path() -> str:
    path = os.environ.get("AIDTEXT_SQLITE_EXTENSION")
    if not path:
        pytest.fail("AIDTEXT_SQLITE_EXTENSION is not set: the extension was not built "
                    "(libsqlite3-dev missing?)")
    return path


def connect(path=":memory:") -> sqlite3.Connection:
    conn = sqlite3.connect(path, check_same_thread=False)
    conn.enable_load_extension(True)
    conn.load_extension(extension_path())
    conn.enable_load_extension(False)
    return conn
