#!/usr/bin/python3
"""Fails when libaidtext.so exports anything but the names in
lib/capi/exported_symbols.txt, or drops one of them.

Also checks the list against the functions the header declares with
AIDTEXT_API, so a function added to the header without being listed (or
the other way round) fails too.

usage: check_exported_symbols.py LIBRARY EXPECTED_LIST [HEADER]
"""
import re
import subprocess
import sys


def exported(library):
    out = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                         capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        kind, name = parts[1], parts[2]
        if kind == "A":  # the version node (AIDTEXT_0) itself, not a symbol
            continue
        names.add(name.split("@")[0])
    return names


def main():
    library, listing = sys.argv[1], sys.argv[2]
    with open(listing, encoding="utf-8") as f:
        expected = {l.strip() for l in f if l.strip() and not l.startswith("#")}
    got = exported(library)
    status = 0
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as f:
            declared = set(re.findall(r"^AIDTEXT_API\b[^;]*?\b(aidtext_\w+)\s*\(", f.read(), re.M | re.S))
        for name in sorted(declared - expected):
            print(f"declared in the header but not listed: {name}")
        for name in sorted(expected - declared):
            print(f"listed but not declared in the header: {name}")
        if declared != expected:
            status = 1
    extra, missing = sorted(got - expected), sorted(expected - got)
    for name in extra:
        print(f"exported but not in {listing}: {name}")
    for name in missing:
        print(f"listed but not exported: {name}")
    print(f"{len(got)} symbols exported, {len(expected)} listed")
    return 1 if extra or missing or status else 0


if __name__ == "__main__":
    sys.exit(main())
