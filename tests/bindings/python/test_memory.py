"""Results are freed by every call: 100,000 calls leave RSS nearly unchanged."""
import os

import aidtext

# The sanitizer build runs fewer (its calls are ~30x slower); ctest sets this there.
CALLS = int(os.environ.get("AIDTEXT_MEMORY_TEST_CALLS", "100000"))
# Allowed growth of the resident set over the loop. A leak of even one small
# result (a few hundred bytes) per call would be tens of megabytes.
MAX_GROWTH_BYTES = 8 * 1024 * 1024


def _rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_hundred_thousand_calls_do_not_grow_memory():
    inputs = ["贫困人口2.89万人", "貧困户3户".encode("utf-8"), b"\xb7\xf6\xc6\xb6 5%", ""]
    with aidtext.Engine() as engine:
        for i in range(2000):  # warm up allocators and caches
            engine.extract(inputs[i % len(inputs)])
        before = _rss_bytes()
        for i in range(CALLS):
            doc = inputs[i % len(inputs)]
            if i % 3 == 0:
                engine.normalize(doc)
            elif i % 3 == 1:
                engine.quantities(doc)
            else:
                engine.extract(doc, doc_date="2019")
        growth = _rss_bytes() - before
    assert growth < MAX_GROWTH_BYTES, f"RSS grew by {growth} bytes over {CALLS} calls"


def test_errors_do_not_leak_either():
    before = None
    for i in range(20_000):
        if i == 2000:
            before = _rss_bytes()
        try:
            aidtext.Engine(no_such_option="x")
        except aidtext.Error:
            pass
    assert _rss_bytes() - before < MAX_GROWTH_BYTES
