#!/usr/bin/python3
"""Builds the seed corpora of the fuzz targets at run time (scripts/fuzz.sh).

usage: make_seeds.py SOURCE_DIR SHARED_DIR OUT_DIR

For each target, OUT_DIR/<target>/ receives the small committed seeds of
tests/fuzz/seeds/<target>/, the saved crash inputs of regressions/<target>/,
and, when SHARED_DIR (../shared) is there, inputs made from the dev corpus
(as UTF-8, GB18030, Big5 and mojibake) and from the peer suites' test strings.
Each target reads its input in its own layout (see fuzz_<target>.cc), so the
text is wrapped to match: a leading options byte, a date, a selector bit.
"""
import glob
import hashlib
import json
import os
import sys

TARGETS = ["normalize", "repair", "quantities", "extract", "rule_pack", "capi", "sections", "decode"]


def write(out_dir, target, data):
    folder = os.path.join(out_dir, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def encodings(text):
    """The same text as the byte forms the decoder meets in the wild."""
    forms = [text.encode("utf-8")]
    for codec in ("gb18030", "big5", "utf-16"):
        forms.append(text.encode(codec, errors="ignore"))
    forms.append(text.encode("utf-8").decode("latin-1").encode("utf-8"))  # mojibake
    return forms


def wrap(target, data):
    if target == "normalize":
        return b" " + data  # default options
    if target == "extract":
        return b"\x0a2019-05-31" + data
    if target == "quantities":
        return b"\x00" + data  # selector 0: the recognizer
    return data


def peer_strings(shared):
    peer = os.path.join(shared, "peer")
    out = {"repair": [], "quantities": [], "normalize": []}

    def load(rel):
        path = os.path.join(peer, rel)
        if not os.path.exists(path):
            return []
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    for case in load("mojibake/cases.json"):
        out["repair"].append(case["garbled"])
    for case in load("jionlp/money_cases.json"):
        if isinstance(case.get("input"), str):
            out["quantities"].append(case["input"])
    # cn2an's cases are whole-string numerals: selector byte 2, the numeral parser.
    out["numerals"] = [case["input"] for case in load("cn2an/cases.json")
                       if isinstance(case.get("input"), str)]
    for path in glob.glob(os.path.join(peer, "recognizers-zh", "*.json")):
        with open(path, encoding="utf-8") as f:
            for case in json.load(f):
                if isinstance(case.get("Input"), str):
                    out["quantities"].append(case["Input"])
    for path in glob.glob(os.path.join(peer, "opencc", "*.json")):
        with open(path, encoding="utf-8") as f:
            for case in json.load(f):
                if isinstance(case.get("input"), str):
                    out["normalize"].append(case["input"])
    return out


def main():
    source, shared, out_dir = sys.argv[1:4]
    fuzz_dir = os.path.join(source, "tests", "fuzz")
    for target in TARGETS:
        for sub in ("seeds", "regressions"):
            for path in glob.glob(os.path.join(fuzz_dir, sub, target, "*")):
                with open(path, "rb") as f:
                    write(out_dir, target, f.read())
    # The default rule pack, wherever the metrics stage keeps it.
    for path in glob.glob(os.path.join(source, "lib", "metrics", "*rules*")):
        if not path.endswith((".cc", ".h", ".txt~")):
            with open(path, "rb") as f:
                write(out_dir, "rule_pack", f.read())
    if not os.path.isdir(shared):
        print(f"make_seeds: {shared} absent, committed seeds only")
        return
    articles = sorted(glob.glob(os.path.join(shared, "corpus", "dev", "*.txt")))
    for path in articles:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for target in ("normalize", "extract"):
            for form in encodings(text):
                write(out_dir, target, wrap(target, form))
        for form in encodings(text[:1500]):  # the decoders' own target: no option bytes
            write(out_dir, "decode", form)
        write(out_dir, "quantities", wrap("quantities", text.encode("utf-8")))
        write(out_dir, "repair", text.encode("utf-8"))
        for form in encodings(text[:600]):  # selector 0: cuts; layout and size bytes
            write(out_dir, "sections", b"\x00\x00\x40" + form)
        # One seed per sentence with a digit keeps the recognizer's seeds short.
        for sentence in text.replace("\n", "。").split("。"):
            if any(c.isdigit() for c in sentence):
                write(out_dir, "quantities", wrap("quantities", sentence.encode("utf-8")))
    for target, strings in peer_strings(shared).items():
        for s in strings:
            if target == "numerals":
                write(out_dir, "quantities", b"\x02" + s.encode("utf-8"))
            else:
                write(out_dir, target, wrap(target, s.encode("utf-8")))
    for target in TARGETS:
        folder = os.path.join(out_dir, target)
        count = len(os.listdir(folder)) if os.path.isdir(folder) else 0
        print(f"make_seeds: {target}: {count} seeds")


if __name__ == "__main__":
    main()
