"""The SQLite extension through Debian's sqlite3 command-line shell (.load)."""
import json
import shutil
import subprocess

import pytest

from conftest import SAMPLE
from sqlite_helpers import extension_path


def _sqlite3(*commands, db=":memory:"):
    exe = shutil.which("sqlite3")
    if exe is None:
        pytest.skip("the sqlite3 CLI is not installed (Debian package sqlite3)")
    out = subprocess.run([exe, "-batch", "-bail", db, f".load {extension_path()}", *commands],
                         capture_output=True, text=True, timeout=60)
    return out


def test_cli_loads_the_extension_and_extracts():
    sample = SAMPLE.replace("'", "''")
    out = _sqlite3(".mode json",
                   f"SELECT metric, value, unit, text FROM aidtext_metrics('{sample}') "
                   "WHERE metric = 'poor_population';")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [
        {"metric": "poor_population", "value": 28900, "unit": "person", "text": "2.89万人"}]


def test_cli_scalar_functions_and_json_each():
    out = _sqlite3(".mode list",
                   "SELECT aidtext_normalize('貧困人口減至2.89萬人');",
                   f"SELECT count(*) FROM json_each(aidtext_extract('{SAMPLE}'));",
                   f"SELECT count(*) FROM aidtext_metrics('{SAMPLE}');")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "贫困人口减至2.89万人"
    assert lines[1] == lines[2] and int(lines[1]) >= 1


def test_cli_reports_errors():
    out = _sqlite3("SELECT * FROM aidtext_metrics;")
    assert out.returncode != 0
    assert "needs its input" in out.stderr
