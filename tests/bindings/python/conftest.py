"""Shared fixtures for the binding tests (run by ctest: see ../CMakeLists.txt).

The environment names what the build made: AIDTEXT_LIBRARY (libaidtext.so),
AIDTEXT_SQLITE_EXTENSION, AIDTEXT_PYTHON_PACKAGE_DIR, AIDTEXT_SHARED_DIR
(../shared beside the checkout: dev corpus; tests needing it skip when absent).
"""
import os
import pathlib

import pytest

import aidtext

# A sentence of the kind the extractor exists for: its figures are in the
# spec's examples (spec/metrics.md).
SAMPLE = "截至2018年底，渭源县贫困人口减至2.89万人，贫困发生率降至9.05%。"

ALLOWED_UNITS = {"person", "person_time", "household", "count", "CNY", "percent"}
ALLOWED_APPROX = {None, "over", "about", "under"}
ALLOWED_CHANGE = {"level", "total", "target"}


def shared_dir():
    path = os.environ.get("AIDTEXT_SHARED_DIR")
    if not path or not os.path.isdir(path):
        pytest.skip(f"shared folder not present ({path!r}): dev corpus tests skipped")
    return pathlib.Path(path)


def dev_articles():
    """(name, raw bytes) of every dev corpus article."""
    folder = shared_dir() / "corpus" / "dev"
    files = sorted(folder.glob("*.txt"))
    if not files:
        pytest.skip(f"no dev articles in {folder}")
    return [(f.name, f.read_bytes()) for f in files]


@pytest.fixture(scope="session")
def engine():
    with aidtext.Engine() as e:
        yield e


@pytest.fixture(scope="session")
def sample():
    return SAMPLE
