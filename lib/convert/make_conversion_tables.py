#!/usr/bin/python3
"""Builds aidtext's traditional -> simplified tables from OpenCC dictionaries.

Run by CMake at build time (lib/convert/CMakeLists.txt). Inputs are text
exports of Debian's OpenCC dictionaries (`opencc_dict -f ocd2 -t text`, one
"key<TAB>value [value...]" a line; the first value is OpenCC's default) and
lib/convert/corrections.tsv. Output: one binary table per dictionary group,
laid out as lib/convert/conversion_table.h describes. Data: OpenCC
(https://github.com/BYVoid/OpenCC), Apache-2.0, as packaged by Debian.

usage: make_conversion_tables.py --group NAME OUT.bin CHARS.txt PHRASES.txt
                                 --corrections corrections.tsv [--watched SETS.bin]

With --watched (the traditional group), the table also carries a watched
set (the repair stage's, whose characters the conversion pass shows the
normalize pipeline's damage watch: repair/damage_watch.h) and a second run
table that sends its characters to the pass's full path, so that a pass
with that watch needs no run table of its own (converter.cc).
"""
import argparse
import struct
import sys

MAGIC = b"AIDCNV03"
HEADER_SIZE = 128
BMP_SIZE = 0x10000
UNCHANGED = 0x0000  # bmp[] value: the character is left as it is
SEE_SUPPLEMENTARY = 0xFFFF  # bmp[] value: the mapping is in the supplementary list
FLAG_CORRECTION = 1  # phrase flag: comes from corrections.tsv, not OpenCC
FLAG_SPLIT_LINEAR = 2  # phrase flag: every character keeps its UTF-8 length
HEADER_FLAG_SUPPLEMENTARY_START = 1  # some phrase starts outside the BMP
HEADER_FLAG_NO_BMP = 2  # no bmp array: every character mapping is in the pair list
HEADER_FLAG_FAST_TABLES = 4  # the active and run sections are present (groups with a bmp array)
HEADER_FLAG_WATCHED = 8  # the watched set and its run table are present
# Below this many character mappings (the HK/TW variant groups have ~70) a
# 128 KiB direct array is not worth its size: the pairs are binary-searched.
MIN_MAPPINGS_FOR_BMP = 1024
PAIR_BITS = 1 << 16  # size of the two-character filter (8 KiB)
FULL_PATH = 0xFFFFFFFF  # run-table entry: the pass's full path (char_runs.h kFullPath)
PHRASE_CHECK = 0x01000000  # run-table entry bit: ask the pair filter (char_runs.h kPhraseCheck)
# The repair stage's character sets file (repair/make_rare_chars.py): the
# rare set, then the watched set, 0x10000 bits each.
WATCHED_SET_OFFSET = BMP_SIZE // 8
SLOT_MULTIPLIER = 0xC900440000063055  # core/char_slot.h kSlotMultiplier


def pair_slot(first, second):
    """Bit of the pair filter for a phrase starting with code points first,
    second (second = 0 for one-character keys). Same formula as
    ConversionTable::pair_slot()."""
    h = ((first * 0x9E3779B1) ^ (second * 0x85EBCA77)) & 0xFFFFFFFF
    return (h >> 16) & (PAIR_BITS - 1)


def utf8_word(c):
    """The UTF-8 bytes of three-byte character c as a little-endian word
    (core/char_slot.h utf8_word)."""
    return (0xE0 | (c >> 12)) | ((0x80 | ((c >> 6) & 0x3F)) << 8) | ((0x80 | (c & 0x3F)) << 16)


def slot_of_char(c):
    """core/char_slot.h slot_of_char: the run table's index of c."""
    return ((utf8_word(c) & 0x3F3F0F) * SLOT_MULTIPLIER & 0xFFFFFFFFFFFFFFFF) >> 48


def fast_tables(bmp, supplementary, start_bits, pair_bits):
    """The active bits and the run table of a group with a bmp array
    (conversion_table.h), as ConversionTable derived them from the other
    sections at first use (4.1M instructions: conversion_table.cc,
    derive_fast_tables(), which still does so for the small groups and which
    the convert test compares with these):
      active: bit c set when map_char(c) != c or a phrase starts with c;
      runs:   at slot_of_char(c), what a conversion run does with the
              three-byte character c (char_runs.h): the XOR of its UTF-8
              word with that of the three-byte character it becomes, with
              PHRASE_CHECK when a phrase may start with it, or FULL_PATH
              (also when the pair filter's bit for c alone is set: then
              every check of c with the character after it would say
              FULL_PATH, and the run's check asks only the pair's bit).
    """
    supplementary_map = dict(supplementary)
    active = bytearray(BMP_SIZE // 8)
    runs = [FULL_PATH] * BMP_SIZE
    for c in range(BMP_SIZE):
        starts = (start_bits[c >> 3] >> (c & 7)) & 1
        v = bmp[c]
        if v != UNCHANGED or starts:
            active[c >> 3] |= 1 << (c & 7)
        three_bytes = c >= 0x800 and not 0xD800 <= c <= 0xDFFF
        simple_value = v == UNCHANGED or 0x800 <= v < 0xD800 or (v > 0xDFFF and v != SEE_SUPPLEMENTARY)
        if three_bytes and not starts and simple_value:
            runs[slot_of_char(c)] = utf8_word(c) ^ utf8_word(v if v else c)
        elif three_bytes and starts:
            # Simple but for the phrases it may start: decided with the
            # character after it (converter.cc, phrase_start_only).
            m = c if v == UNCHANGED else (supplementary_map.get(c, c) if v == SEE_SUPPLEMENTARY else v)
            alone = pair_slot(c, 0)
            if 0x800 <= m < BMP_SIZE and not (pair_bits[alone >> 3] >> (alone & 7)) & 1:
                runs[slot_of_char(c)] = (utf8_word(c) ^ utf8_word(m)) | PHRASE_CHECK
    return bytes(active), runs


def watched_runs(runs, watched):
    """The run table of a pass whose watch has the set `watched` (bytes, one
    bit per BMP code point): `runs` with FULL_PATH for every c of the set,
    where the pass shows the watch c (converter.cc, run_table())."""
    out = list(runs)
    for c in range(BMP_SIZE):
        if (watched[c >> 3] >> (c & 7)) & 1:
            out[slot_of_char(c)] = FULL_PATH
    return out


def pack_runs(runs):
    return struct.pack(f"<{BMP_SIZE}I", *runs)


def read_dictionary(path):
    entries = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            key, sep, values = line.partition("\t")
            if not sep or not key or not values:
                sys.exit(f"{path}:{number}: not 'key<TAB>values': {line!r}")
            entries[key] = values.split(" ")[0]
    return entries


def read_corrections(path, group):
    chars, phrases = {}, {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 4:
                sys.exit(f"{path}:{number}: want table<TAB>from<TAB>to<TAB>reason")
            table, source, target, _reason = fields
            if table != group:
                continue
            if len(source) != len(target):
                sys.exit(f"{path}:{number}: corrections keep the character count")
            phrases[source] = target
    return chars, phrases


def build(group, chars_path, phrases_path, corrections_path, watched_path=None):
    chars = read_dictionary(chars_path)
    opencc_phrases = read_dictionary(phrases_path)
    _, corrections = read_corrections(corrections_path, group)
    for key, value in list(chars.items()) + list(opencc_phrases.items()):
        if len(key) != len(value):
            sys.exit(f"{group}: {key}->{value} changes the character count")

    bmp = [UNCHANGED] * BMP_SIZE
    use_bmp = len(chars) >= MIN_MAPPINGS_FOR_BMP
    supplementary = []
    for key, value in sorted(chars.items()):
        if len(key) != 1:
            sys.exit(f"{group}: character table key {key!r} is not one character")
        k, v = ord(key), ord(value)
        if k == v:
            continue
        if not use_bmp:
            supplementary.append((k, v))
        elif k < BMP_SIZE and v < BMP_SIZE and v not in (UNCHANGED, SEE_SUPPLEMENTARY):
            bmp[k] = v
        else:
            if k < BMP_SIZE:
                bmp[k] = SEE_SUPPLEMENTARY
            supplementary.append((k, v))
    supplementary.sort()

    phrases = [(key, value, 0) for key, value in opencc_phrases.items()]
    phrases += [(key, value, FLAG_CORRECTION) for key, value in corrections.items()]
    phrases.sort(key=lambda p: (p[0].encode("utf-8"), p[2]))

    start_bits = bytearray(BMP_SIZE // 8)
    pair_bits = bytearray(PAIR_BITS // 8)
    header_flags = 0 if use_bmp else HEADER_FLAG_NO_BMP
    for key, _, _ in phrases:
        slot = pair_slot(ord(key[0]), ord(key[1]) if len(key) > 1 else 0)
        pair_bits[slot >> 3] |= 1 << (slot & 7)
        first = ord(key[0])
        if first < BMP_SIZE:
            start_bits[first >> 3] |= 1 << (first & 7)
        else:
            header_flags |= HEADER_FLAG_SUPPLEMENTARY_START

    string_bytes = bytearray()
    index = bytearray()
    max_key_bytes = 0
    for key, value, flags in phrases:
        kb, vb = key.encode("utf-8"), value.encode("utf-8")
        if all(len(a.encode()) == len(b.encode()) for a, b in zip(key, value)):
            flags |= FLAG_SPLIT_LINEAR
        key_off = len(string_bytes)
        string_bytes += kb
        value_off = len(string_bytes)
        string_bytes += vb
        max_key_bytes = max(max_key_bytes, len(kb))
        index += struct.pack("<IIHHHH", key_off, value_off, len(kb), len(vb), flags,
                             len(key))

    def align(buf, n=16):
        while len(buf) % n:
            buf.append(0)

    watched = None
    if watched_path:
        if not use_bmp:
            sys.exit(f"{group}: --watched needs a group with a bmp array")
        with open(watched_path, "rb") as f:
            watched = f.read()[WATCHED_SET_OFFSET:WATCHED_SET_OFFSET + BMP_SIZE // 8]
        if len(watched) != BMP_SIZE // 8:
            sys.exit(f"{watched_path}: too short for a watched set")
        header_flags |= HEADER_FLAG_WATCHED

    body = bytearray(HEADER_SIZE)
    active_offset = runs_offset = watched_offset = watched_runs_offset = 0
    if use_bmp:
        # The derived tables lead, the run table on a cache line (the
        # table is embedded 64-byte aligned).
        header_flags |= HEADER_FLAG_FAST_TABLES
        active, runs = fast_tables(bmp, supplementary, start_bits, pair_bits)
        align(body, 64)
        runs_offset = len(body)
        body += pack_runs(runs)
        if watched:
            watched_runs_offset = len(body)
            body += pack_runs(watched_runs(runs, watched))
        active_offset = len(body)
        body += active
    bmp_offset = 0
    if use_bmp:
        bmp_offset = len(body)
        body += struct.pack(f"<{BMP_SIZE}H", *bmp)
    if watched:
        align(body, 8)
        watched_offset = len(body)
        body += watched
    start_offset = len(body)
    body += start_bits
    pair_offset = len(body)
    body += pair_bits
    align(body)
    supp_offset = len(body)
    for k, v in supplementary:
        body += struct.pack("<II", k, v)
    align(body)
    index_offset = len(body)
    body += index
    align(body)
    strings_offset = len(body)
    body += string_bytes
    align(body)
    header = MAGIC + struct.pack(
        "<IIIIIIIIIIIIIIII", len(body), header_flags, bmp_offset, start_offset, supp_offset,
        len(supplementary), index_offset, len(phrases), strings_offset, len(string_bytes),
        max_key_bytes, pair_offset, active_offset, runs_offset, watched_offset, watched_runs_offset)
    body[:len(header)] = header
    return bytes(body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--group", required=True, help="ts, hk or tw (corrections.tsv column 1)")
    parser.add_argument("--corrections", required=True)
    parser.add_argument("--watched", help="character sets file whose second bitset is the watched set")
    parser.add_argument("out")
    parser.add_argument("characters")
    parser.add_argument("phrases")
    args = parser.parse_args()
    data = build(args.group, args.characters, args.phrases, args.corrections, args.watched)
    with open(args.out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
