"""Finding, loading and declaring the C library (include/aidtext/aidtext.h).

The library is looked for, in this order:
  1. the file named by the AIDTEXT_LIBRARY environment variable (when set,
     it is the only place tried: a wrong path is an error, not a fallback);
  2. a copy inside this package (aidtext/libaidtext.so.0 or libaidtext.so),
     as staged by the CMake target `python_package`;
  3. the system's library path: ctypes.util.find_library("aidtext"), then
     "libaidtext.so.0" as the dynamic loader resolves it (LD_LIBRARY_PATH,
     ld.so.cache, RUNPATH).
If none loads, aidtext.Error names every place tried and why it failed.

Loading is lazy (first use) and done once per process under a lock.
ctypes.CDLL releases the GIL for the duration of every call, so threads
sharing one engine run in parallel inside the library.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from ctypes import POINTER, Structure, c_char_p, c_double, c_int, c_size_t, c_uint, c_void_p

from ._errors import LIBRARY_UNAVAILABLE, Error

ENV_VAR = "AIDTEXT_LIBRARY"
# The SONAME: its number changes only when the C ABI breaks (CMake AIDTEXT_ABI_VERSION).
SONAME = "libaidtext.so.0"
# Library major versions this package was written against (aidtext_version_number() // 10000).
SUPPORTED_MAJOR = 0

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))

# Item kinds (aidtext_item).
ITEM_QUANTITY = 1
ITEM_METRIC = 2
ITEM_REPAIR = 3
ITEM_REPEAT = 4


class QuantityStruct(Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("kind", c_char_p),
        ("text", c_char_p),
        ("start", c_size_t),
        ("end", c_size_t),
        ("value", c_double),
        ("value_text", c_char_p),
        ("has_value_high", c_int),
        ("value_high", c_double),
        ("value_high_text", c_char_p),
        ("unit", c_char_p),
        ("classifier", c_char_p),
        ("approx", c_char_p),
        ("date", c_char_p),
        ("error", c_char_p),  # appended: "out_of_range" (no value) or NULL
        ("guessed", c_int),  # appended (0.3): 1 when the text overlaps a guessed character or a cut number
    ]


class MetricStruct(Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("metric", c_char_p),
        ("value", c_double),
        ("value_text", c_char_p),
        ("unit", c_char_p),
        ("approx", c_char_p),
        ("change", c_char_p),
        ("time", c_char_p),
        ("place", c_char_p),
        ("text", c_char_p),
        ("start", c_size_t),
        ("end", c_size_t),
        ("sentence", c_char_p),
        ("guessed", c_int),  # appended (0.3): 1 when the text overlaps a guessed character or a cut number
    ]


class RepairStruct(Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("kind", c_char_p),
        ("in_start", c_size_t),
        ("in_end", c_size_t),
        ("out_start", c_size_t),
        ("out_end", c_size_t),
        ("confidence", c_double),
        ("guessed_chars", c_size_t),
        ("repaired", c_int),
    ]


class RepeatStruct(Structure):
    _fields_ = [
        ("struct_size", c_size_t),
        ("start", c_size_t),
        ("end", c_size_t),
        ("first_start", c_size_t),
        ("first_end", c_size_t),
    ]


class MapPieceStruct(Structure):
    """aidtext_map_piece: one piece of the provenance map."""
    _fields_ = [
        ("struct_size", c_size_t),
        ("out_start", c_size_t),
        ("out_end", c_size_t),
        ("in_start", c_size_t),
        ("in_end", c_size_t),
        ("linear", c_int),
    ]


class RangeStruct(Structure):
    """aidtext_range: normalized text bytes [start, end) (not size-tagged)."""
    _fields_ = [
        ("start", c_size_t),
        ("end", c_size_t),
    ]


_status = c_int  # aidtext_status is a C enum: int-sized
_handle = c_void_p
_out_handle = POINTER(c_void_p)
_out_str = POINTER(c_char_p)
_out_size = POINTER(c_size_t)

# name -> (restype, argtypes), as in aidtext.h.
_PROTOTYPES = {
    "aidtext_version": (c_char_p, []),
    "aidtext_version_number": (c_uint, []),
    "aidtext_status_message": (c_char_p, [c_int]),
    "aidtext_last_error": (c_char_p, []),
    "aidtext_options_new": (_status, [_out_handle]),
    "aidtext_options_free": (None, [_handle]),
    "aidtext_options_set": (_status, [_handle, c_char_p, c_char_p]),
    "aidtext_options_set_rules": (_status, [_handle, c_char_p, c_size_t]),
    "aidtext_options_set_rules_file": (_status, [_handle, c_char_p]),
    "aidtext_engine_new": (_status, [_handle, _out_handle]),
    "aidtext_engine_free": (None, [_handle]),
    "aidtext_normalize": (_status, [_handle, c_char_p, c_size_t, _out_handle]),
    "aidtext_quantities": (_status, [_handle, c_char_p, c_size_t, _out_handle]),
    "aidtext_extract": (_status, [_handle, c_char_p, c_size_t, c_char_p, _out_handle]),
    "aidtext_result_free": (None, [_handle]),
    "aidtext_result_text": (_status, [_handle, _out_str, _out_size]),
    "aidtext_result_encoding": (_status, [_handle, _out_str]),
    "aidtext_result_source_range": (_status, [_handle, c_size_t, c_size_t, _out_size, _out_size]),
    "aidtext_result_count": (c_size_t, [_handle, c_int]),
    "aidtext_result_item_json": (_status, [_handle, c_int, c_size_t, _out_str, _out_size]),
    "aidtext_result_json": (_status, [_handle, _out_str, _out_size]),
    "aidtext_result_quantity": (_status, [_handle, c_size_t, POINTER(QuantityStruct)]),
    "aidtext_result_metric": (_status, [_handle, c_size_t, POINTER(MetricStruct)]),
    "aidtext_result_repair": (_status, [_handle, c_size_t, POINTER(RepairStruct)]),
    "aidtext_result_repeat": (_status, [_handle, c_size_t, POINTER(RepeatStruct)]),
    "aidtext_result_map_piece_count": (c_size_t, [_handle]),
    "aidtext_result_map_pieces": (_status, [_handle, c_size_t, POINTER(MapPieceStruct), c_size_t,
                                            _out_size]),
    "aidtext_result_repair_guessed_count": (c_size_t, [_handle, c_size_t]),
    "aidtext_result_repair_guessed": (_status, [_handle, c_size_t, c_size_t, POINTER(RangeStruct),
                                                c_size_t, _out_size]),
}


class Library:
    """The loaded shared library: its path and its declared functions.

    A function the library does not export (an older or unfinished build) is
    replaced by one that raises aidtext.Error naming it, so the rest of the
    package keeps working.
    """

    def __init__(self, cdll: ctypes.CDLL, path: str):
        self.cdll = cdll
        self.path = path
        self.missing = []
        for name, (restype, argtypes) in _PROTOTYPES.items():
            try:
                fn = getattr(cdll, name)
            except AttributeError:
                self.missing.append(name)
                setattr(self, name, _missing_function(name, path))
                continue
            fn.restype = restype
            fn.argtypes = argtypes
            setattr(self, name, fn)

    def error(self, status: int) -> Error:
        """The Error for a failed call; reads the thread's last_error at once."""
        detail = b""
        if "aidtext_last_error" not in self.missing:
            detail = self.aidtext_last_error() or b""
        if not detail and "aidtext_status_message" not in self.missing:
            detail = self.aidtext_status_message(status) or b""
        return Error(status, detail.decode("utf-8", "replace") or f"status {status}")


def _missing_function(name: str, path: str):
    def missing(*_args):
        raise Error(LIBRARY_UNAVAILABLE,
                    f"{path} does not export {name}(): the library is older than, "
                    f"or incomplete for, this Python package")
    missing.__name__ = name
    return missing


def _candidates():
    """(description, path-or-name) pairs in search order."""
    env = os.environ.get(ENV_VAR)
    if env:
        return [(f"${ENV_VAR}", env)]
    found = []
    for name in (SONAME, "libaidtext.so"):
        found.append(("next to the package", os.path.join(_PACKAGE_DIR, name)))
    lib = ctypes.util.find_library("aidtext")
    if lib:
        found.append(("ctypes.util.find_library('aidtext')", lib))
    found.append(("the dynamic loader's search path", SONAME))
    return found


def _load() -> Library:
    tried = []
    for where, path in _candidates():
        is_file_path = os.sep in path
        if is_file_path and not os.path.exists(path):
            tried.append(f"  {where}: {path}: no such file")
            continue
        try:
            cdll = ctypes.CDLL(path)
        except OSError as e:
            tried.append(f"  {where}: {path}: {e}")
            continue
        if not hasattr(cdll, "aidtext_version"):
            tried.append(f"  {where}: {path}: not an aidtext library (no aidtext_version)")
            continue
        lib = Library(cdll, path)
        major = lib.aidtext_version_number() // 10000
        if major != SUPPORTED_MAJOR:
            raise Error(LIBRARY_UNAVAILABLE,
                        f"{path} is aidtext {lib.aidtext_version().decode()}, but this "
                        f"package needs major version {SUPPORTED_MAJOR}")
        return lib
    raise Error(LIBRARY_UNAVAILABLE,
                "cannot load the aidtext shared library; looked in:\n" + "\n".join(tried) +
                f"\nSet {ENV_VAR} to the path of libaidtext.so, install the package with the "
                "library inside it (CMake target python_package), or install libaidtext.")


_lock = threading.Lock()
_library = None


def library() -> Library:
    """The process's Library, loaded on first use."""
    global _library
    lib = _library
    if lib is None:
        with _lock:
            if _library is None:
                _library = _load()
            lib = _library
    return lib
