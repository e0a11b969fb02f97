#!/usr/bin/python3
"""Builds the character-frequency classes the encoding detector scores with.

Run by CMake at build time (lib/encoding/CMakeLists.txt). Inputs:
  - jieba's dictionary (Debian python3-jieba, /usr/lib/python3/dist-packages/
    jieba/dict.txt, MIT/Expat): "word frequency tag" a line. A character's
    frequency is the sum of the frequencies of the words it occurs in.
  - OpenCC's TSCharacters exported as text (Debian opencc, Apache-2.0), so the
    traditional forms of common characters count as common too (Big5 text).
Output: 65536 bytes, one per BMP code point: 0 = not common, 1 = among the
TOP_VERY most frequent characters, 2 = among the TOP_COMMON most frequent.

usage: make_common_chars.py OUT.bin JIEBA_DICT TSCHARACTERS.txt
"""
import sys

# ~700 characters make up about 80% of running Chinese text and ~3000 about
# 99%: random characters (text decoded with the wrong encoding) hit these
# sets far less often than real text does.
TOP_VERY = 700
TOP_COMMON = 3000


def is_han(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF


def main():
    out_path, jieba_path, ts_path = sys.argv[1:4]
    freq = {}
    with open(jieba_path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or not parts[1].isdigit():
                continue
            n = int(parts[1])
            for c in parts[0]:
                if is_han(c):
                    freq[c] = freq.get(c, 0) + n
    ranked = sorted(freq, key=lambda c: (-freq[c], c))
    classes = bytearray(0x10000)
    for rank, c in enumerate(ranked[:TOP_COMMON]):
        classes[ord(c)] = 1 if rank < TOP_VERY else 2
    with open(ts_path, encoding="utf-8") as f:
        for line in f:
            key, _, values = line.rstrip("\n").partition("\t")
            if len(key) != 1 or ord(key) >= 0x10000:
                continue
            best = 0
            for v in values.split(" "):
                if len(v) == 1 and ord(v) < 0x10000 and classes[ord(v)]:
                    cls = classes[ord(v)]
                    best = cls if best == 0 else min(best, cls)
            if best and (classes[ord(key)] == 0 or best < classes[ord(key)]):
                classes[ord(key)] = best
    with open(out_path, "wb") as f:
        f.write(classes)


if __name__ == "__main__":
    main()
