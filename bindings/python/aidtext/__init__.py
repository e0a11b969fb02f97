"""aidtext: messy Chinese news text -> clean simplified UTF-8 -> quantities ->
poverty-alleviation metrics, through the C library libaidtext (ctypes).

    import aidtext
    engine = aidtext.Engine()                      # or Engine(convert="tw2s", repair=False)
    r = engine.normalize(raw_bytes)                # .text .encoding .repairs .repeats
    r.source_range(0, 6)                           # -> original input bytes
    for m in engine.extract(raw_bytes, doc_date="2019-05-28"):
        print(m.metric, m.value, m.unit, m.time, m.place, raw_bytes[m.start:m.end])

One Engine serves any number of threads. Failures raise aidtext.Error
(.status, .message). The shared library is found as aidtext._library explains
(AIDTEXT_LIBRARY, a copy in the package, the system's library path).
"""
from ._errors import Error, Status
from ._library import library as _load_library
from ._process import process_engine
from .engine import Engine, NormalizeResult
from .records import Metric, Quantity, Repair, Repeat

__version__ = "0.4.0"

__all__ = ["Engine", "Error", "Metric", "NormalizeResult", "Quantity", "Repair", "Repeat",
           "Status", "library_path", "library_version", "process_engine", "__version__"]


def library_version() -> str:
    """The version of the loaded shared library (aidtext_version())."""
    return _load_library().aidtext_version().decode()


def library_path() -> str:
    """Where the loaded shared library was found."""
    return _load_library().path
