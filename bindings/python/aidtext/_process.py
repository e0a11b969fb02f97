"""One engine per process, created on first use: for worker pools (Dask,
multiprocessing) where an engine must not be pickled and shipped, but built
where it is used. A forked child builds its own instead of inheriting its
parent's."""
from __future__ import annotations

import os
import threading

from .engine import Engine

_lock = threading.Lock()
_engines = {}  # (pid, options key) -> Engine


def process_engine(rules=None, convert: str = "t2s", **options) -> Engine:
    """The process's Engine for these settings, created on the first call.
    Settings must be hashable (rules: None, str, bytes or a path)."""
    key = (os.getpid(), rules if rules is None or isinstance(rules, (str, bytes))
           else ("path", os.fspath(rules)), convert, tuple(sorted(options.items())))
    engine = _engines.get(key)
    if engine is None:
        with _lock:
            engine = _engines.get(key)
            if engine is None:
                pid = os.getpid()
                for stale in [k for k in _engines if k[0] != pid]:
                    # Inherited through fork: the parent owns that C engine.
                    del _engines[stale]
                engine = Engine(rules=rules, convert=convert, **options)
                _engines[key] = engine
    return engine
