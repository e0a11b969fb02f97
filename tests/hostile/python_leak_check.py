#!/usr/bin/python3
"""LeakSanitizer over the Python binding's call loop (AddressSanitizer builds).

usage: python_leak_check.py SHARED_DIR    (ctest sets the environment below)

The interpreter is not instrumented, so the sanitizer runtime is preloaded
(LD_PRELOAD=libasan.so) and the check cannot run at exit: CPython does not
free everything it holds when it exits, and LeakSanitizer would report that.
Instead the loop runs, everything is released and collected, and then
__lsan_do_recoverable_leak_check() is called while the interpreter is alive:
everything Python still holds is reachable from its globals, so what is
reported is memory that nothing points to any more: a leak of the library or
of the binding. PYTHONMALLOC=malloc is required: blocks inside pymalloc's own
arenas are not seen by the sanitizer, and pointers stored in them would not
be found. A few blocks of CPython's own look unreachable as well; a report
counts only when its allocation stack leaves the interpreter (cpythons_own).

First a self-test: one options handle is hidden from the scan, and the check
must report it; otherwise the check is blind and the test fails.

Environment: AIDTEXT_LIBRARY, PYTHONPATH (bindings/python), LD_PRELOAD (the
ASan runtime), PYTHONMALLOC=malloc, ASAN_OPTIONS with detect_leaks=1 and
leak_check_at_exit=0.
"""
import ctypes
import gc
import glob
import os
import sys
import tempfile

import aidtext
from aidtext import _library

# Calls are ~30x slower under the sanitizer; a leak on any path shows after one
# call, so a few rounds over the inputs are enough.
ROUNDS = 20


def leak_blocks(report):
    """The leak reports (one per allocation stack) in a LeakSanitizer report."""
    blocks, current = [], None
    for line in report.splitlines():
        if line.startswith(("Direct leak of", "Indirect leak of")):
            current = [line]
            blocks.append(current)
        elif current is not None and line.strip().startswith("#"):
            current.append(line)
        else:
            current = None
    return blocks


def cpythons_own(block):
    """Whether an allocation stack lies wholly inside the interpreter.

    CPython, which is not instrumented, keeps a few blocks that look
    unreachable to the scan (it stores some pointers in ways the scan does not
    follow). Their stacks are the interpreter's alone. Any other stack
    (aidtext, the binding's ctypes calls, ICU, RE2, or one the unwinder could
    not follow) counts as a leak: the check errs on the side of failing."""
    interpreter = os.path.realpath(sys.executable)
    frames = block[1:]
    return bool(frames) and all(interpreter in frame or "libc_start" in frame or "_start " in frame
                                or "asan_" in frame or "sanitizer" in frame for frame in frames)


def leak_check(what):
    """Leak reports (stacks) of aidtext's memory unreachable now; prints them."""
    gc.collect()
    lsan = ctypes.CDLL(None).__lsan_do_recoverable_leak_check
    lsan.restype = ctypes.c_int
    # The sanitizer writes its report to fd 2: catch it to read it.
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile(mode="w+b") as report_file:
        os.dup2(report_file.fileno(), 2)
        try:
            lsan()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        report_file.seek(0)
        report = report_file.read().decode("utf-8", "replace")
    blocks = leak_blocks(report)
    found = [b for b in blocks if not cpythons_own(b)]
    for block in found:
        print("\n".join(block), file=sys.stderr)
    print(f"python_leak_check: {what}: {len(found)} leaks of aidtext; "
          f"{len(blocks) - len(found)} unreachable blocks of CPython's own, ignored", flush=True)
    return found


def self_test():
    """Hides one options handle from the check; the check must report it.

    The handle's address is kept only XOR-ed with a mask, which no scan can
    recognize as a pointer; it is freed after the check, so the later check
    starts clean."""
    lib = _library.library()
    handle = ctypes.c_void_p()
    if lib.aidtext_options_new(ctypes.byref(handle)) != 0:
        raise SystemExit("python_leak_check: aidtext_options_new failed")
    mask = 0x5A5A5A5A5A5A5A5A
    hidden = handle.value ^ mask
    handle.value = None
    del handle
    found = leak_check("self-test (one options handle hidden on purpose)")
    lib.aidtext_options_free(ctypes.c_void_p(hidden ^ mask))
    return found


def inputs(shared):
    docs = [
        "2018年底，全县贫困人口减至2.89万人，贫困发生率降至1.2%，落实帮扶资金6686万元。",
        "貧困戶3戶，協(xié)調(diào)資金2800餘萬元".encode("utf-8"),
        "扶贫资金".encode("gbk") + b" 5%",
        "扶貧".encode("big5"),
        "全县".encode("utf-8").decode("latin-1").encode("utf-8"),  # mojibake
        b"abc\0\0\xff\xfe\xe4\xb8 \x81",
        b"",
        "一" * 5000,
    ]
    for path in sorted(glob.glob(os.path.join(shared, "corpus", "dev", "*.txt")))[:3]:
        with open(path, "rb") as f:
            docs.append(f.read())
    return docs


def loop(docs):
    rules = "use default\nmetric relocated_population person total\n" \
            "group RELOCATE 易地扶贫搬迁\nrule relocated_population person RELOCATE\n"
    for round_number in range(ROUNDS):
        with aidtext.Engine(rules=rules if round_number % 2 else None) as engine:
            for doc in docs:
                engine.normalize(doc).source_range(0, 0)
                engine.quantities(doc)
                engine.extract(doc, doc_date="2019-05-31")
                engine.extract_json(doc)
        for bad in ({"no_such_option": "x"}, {"encoding": "no-such-encoding"},
                    {"rules": "metric x person nonsense\n"}):
            try:
                aidtext.Engine(**bad)
            except aidtext.Error:
                pass
        # An engine never closed: freed by the garbage collector.
        aidtext.Engine().extract(docs[0])


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else ""
    if not self_test():
        print("python_leak_check: the self-test's leak was not reported: the check is blind")
        return 1
    docs = inputs(shared)
    loop(docs)
    if leak_check(f"{ROUNDS} rounds of normalize/quantities/extract over {len(docs)} inputs"):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
