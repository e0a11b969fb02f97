"""One Engine shared by many threads gives the same answers as one thread."""
import concurrent.futures
import threading

import aidtext
from conftest import SAMPLE

DOCS = [
    SAMPLE,
    "截至2018年底，渭源縣貧困人口減至2.89萬人。".encode("utf-8"),
    SAMPLE.encode("gb18030"),
    "落实帮扶资金6686万元，实施扶贫项目46项，带动贫困人口16709人。",
    "举办培训班84期，培训贫困人口6538人次，实现就业共2677人。",
    b"\xff\xfe garbage \x00\x01 2.89\xe4\xb8\x87",
    "",
] * 6


def _snapshot(engine, doc):
    r = engine.normalize(doc)
    return (r.text, r.encoding, r.repairs, r.repeats, tuple(engine.quantities(doc)),
            tuple(engine.extract(doc, doc_date="2019")))


def test_threads_share_one_engine():
    with aidtext.Engine() as engine:
        expected = [_snapshot(engine, d) for d in DOCS]
        start = threading.Barrier(8)

        def work(offset):
            start.wait()
            out = []
            for k in range(len(DOCS)):
                i = (k + offset) % len(DOCS)
                out.append((i, _snapshot(engine, DOCS[i])))
            return out

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            for results in pool.map(work, range(8)):
                for i, snap in results:
                    assert snap == expected[i]


def test_close_waits_for_running_calls():
    engine = aidtext.Engine()
    stop = threading.Event()
    errors = []

    def hammer():
        while not stop.is_set():
            try:
                engine.extract(SAMPLE)
            except aidtext.Error as e:
                if e.status != aidtext.Status.INVALID_HANDLE:
                    errors.append(e)
                return

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for t in threads:
        t.start()
    engine.close()  # must not free the C engine under a running call
    stop.set()
    for t in threads:
        t.join()
    assert errors == []
