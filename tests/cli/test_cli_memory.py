"""The CLI's peak resident memory stays flat on a document of any size.

A text file is read in sections (--section-bytes, 512 KiB by default), so
its peak does not grow with the file: here an 80 MB UTF-8 file and the
same text in GB18030 (about 55 MB), each larger than the bound itself, stay
within the 64 MB of the project's goal with --jobs 1 and --jobs 2, for
normalize and extract.

A JSON Lines record is still one document held whole (its text is one JSON
string): on a 20 MB one-line record (line breaks every 4000 bytes, so that
the JSON forms carry escapes), peak before -> after session 11: normalize
108 -> 49 MB, extract 60 -> 49 MB; bound 3x the document (60 MB), which
holds the process itself (about 7 MB) and allocator slack. No timing.

usage: test_cli_memory.py AIDTEXT
"""
import json
import os
import subprocess
import sys
import tempfile

JSONL_BYTES = 20_000_000
JSONL_BOUND_FACTOR = 3
TEXT_BYTES = 80_000_000
TEXT_BOUND_KIB = 64 * 1000 * 1000 // 1024  # 64 MB
ARTICLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "metrics", "articles")


def peak_kib(argv, stdin_path=None):
    """Runs argv (stdout discarded) and returns (exit code, its peak RSS in KiB)."""
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(argv, stdout=null, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss


def articles_text():
    """The UTF-8 test articles, joined: real text for the library to work on."""
    parts = []
    for name in sorted(os.listdir(ARTICLES)):
        if name.endswith(".txt"):
            with open(os.path.join(ARTICLES, name), "rb") as f:
                data = f.read()
            try:
                parts.append(data.decode("utf-8"))
            except UnicodeDecodeError:
                pass
    return "\n\n".join(parts) + "\n\n"


def check(cli, args, label, bound_kib, failures):
    code, kib = peak_kib([cli] + args)
    verdict = "ok" if code == 0 and kib <= bound_kib else "FAIL"
    print(f"{verdict}: aidtext {' '.join(args[:-1])} <{label}>: exit {code}, peak {kib} KiB "
          f"(bound {bound_kib} KiB)")
    if verdict != "ok":
        failures.append(args)


def main():
    cli = sys.argv[1]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        # Written a piece at a time: this process must stay small, since a
        # child started by vfork and exec is charged with its parent's peak.
        text = articles_text()
        for encoding in ("utf-8", "gb18030"):
            data = text.encode(encoding)
            path = os.path.join(tmp, encoding + ".txt")
            with open(path, "wb") as f:
                for _ in range(TEXT_BYTES // len(text.encode("utf-8")) + 1):
                    f.write(data)
            del data
            size_mb = os.path.getsize(path) / 1e6
            for command in ("normalize", "extract"):
                for jobs in ("1", "2"):
                    check(cli, [command, "--jobs", jobs, path], f"{size_mb:.0f} MB {encoding}", TEXT_BOUND_KIB,
                          failures)
            os.remove(path)

        line = "a" * 3999 + "\n"
        lines = JSONL_BYTES // len(line)
        jsonl_path = os.path.join(tmp, "one.jsonl")
        with open(jsonl_path, "w", encoding="utf-8") as f:
            f.write('{"id":"one","text":"')
            escaped = json.dumps(line)[1:-1]
            for _ in range(lines):
                f.write(escaped)
            f.write('"}\n')
        bound_kib = JSONL_BOUND_FACTOR * JSONL_BYTES // 1024
        for command in ("normalize", "extract"):
            check(cli, [command, "--input-format", "jsonl", jsonl_path], "20 MB JSON line", bound_kib, failures)
    if failures:
        print(f"{len(failures)} run(s) over the bound or failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
