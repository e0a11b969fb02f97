#!/usr/bin/python3
"""Generates the damage scan's character sets (lib/repair/damage_scan.cc,
damage_watch.cc) at build time.

  make_rare_chars.py REPAIR_LM.bin OUT.bin

Reads the character language model written by make_repair_tables.py `lm`
(made from jieba's dict.txt, Debian python3-jieba, MIT licence, and OpenCC's
TSCharacters, Debian libopencc-data, Apache-2.0) and writes two bitsets of
0x10000 bits (8 KiB each, u64 words, little-endian), one bit per BMP code
point:

  rare:    CharLm::unigram_cost(c, script_vote(c) > 0) > kRareCost for
           U+0080..U+FFFF (ASCII is never rare) that some reading's source
           view can produce (producible()), plus 锟 (U+951F), less the
           typography of Chinese text and the capital numerals of amounts
           listed in common_ranges();
  watched: rare, plus U+FFFD, 锟 and private use (U+E000..U+F8FF).

These were built from the model at first use (3.9M instructions and the
model's id and fact pages faulted in); the rules below mirror char_lm.h
(unigram_cost, variant_cost, script_vote), char_lm.cc (class_cost),
core/utf8.h (is_han) and damage_scan.h (kRareCost), and the repair tests
check the result against a runtime computation.
"""
import struct
import sys

sys.dont_write_bytecode = True  # the import below must not write into the source tree
from repair_lm_file import Lm, f32  # noqa: E402
from make_repair_tables import two_byte_table  # noqa: E402

RARE_COST = 10.0  # damage_scan.h kRareCost


def is_han(c):  # core/utf8.h, BMP part
    return 0x4E00 <= c <= 0x9FFF or 0x3400 <= c <= 0x4DBF or 0xF900 <= c <= 0xFAFF


def class_cost_is_rare(c):
    """class_cost(c) > kRareCost for c >= 0x80 (char_lm.cc)."""
    if c < 0xA0:
        return True  # C1 controls: 16
    if c <= 0xFF:
        return False  # Latin-1: 9
    # Punctuation of running text (3 .. 7) and other CJK symbols and dashes (9).
    if 0x3000 <= c <= 0x303F or 0x2010 <= c <= 0x2027:
        return False
    if c in (0xFF0C, 0x3002, 0x3001, 0x201C, 0x201D, 0xFF1A, 0xFF08, 0xFF09, 0x300A, 0x300B, 0xFF1B, 0xFF1F,
             0xFF01, 0x2014, 0x2026, 0x00B7, 0x300C, 0x300D, 0x2018, 0x2019):
        return False
    return True  # U+FFFD, private use: 18; everything else: 11


def producible():
    """The characters mojibake can be made of: what a reading's source view
    gives for some bytes (the two-byte tables of GBK, GB18030 and Big5 as
    the repairer's codec tables hold them, Latin-1 and cp1252). Any other
    character, rare or not (❤, an emoji's variation selector, Hangul), is no
    debris of any damage the repairer undoes, and a run of them is no sign
    of it."""
    out = [False] * 0x10000
    for codec in ('gbk', 'gb18030', 'big5'):
        for c in two_byte_table(codec):
            out[c] = True  # (0: unmapped; U+0000 is ASCII anyway)
    for b in range(0x80, 0x100):
        out[b] = True  # Latin-1
        try:
            out[ord(bytes([b]).decode('cp1252'))] = True
        except UnicodeDecodeError:
            pass
    return out


# Typography of Chinese text that the model never saw (damage_scan.cc),
# and the capital numerals of amounts (壹仟贰佰叁拾万元整), rare in running
# text but the rule in notices, contracts and invoices: a notice's amount
# made a rare run that was decoded under five readings for nothing.
CAPITAL_NUMERALS = '壹贰貳叁肆伍柒捌玖拾佰仟'


def common_ranges():
    return [(0xFF01, 0xFF5E), (0x2460, 0x24FF), (0x2160, 0x217F), (0x3380, 0x33FF), (0x25A0, 0x25FF),
            (0x2605, 0x2606), (0x2103, 0x2103), (0x203B, 0x203B)] + [(ord(c), ord(c)) for c in CAPITAL_NUMERALS]


def main():
    lm_path, out_path = sys.argv[1], sys.argv[2]
    lm = Lm(lm_path)
    id_of, unigram, unknown_cost = lm.id_of, lm.unigram, lm.unknown_cost
    rare = [False] * 0x10000
    for c in range(0x80, 0x10000):
        i = id_of[c]
        if i:
            # script_vote(c) > 0 exactly when c is a folded traditional form,
            # and then variant_cost(c, i, true) is 0; otherwise c is its id's
            # own code point and variant_cost(c, i, false) is 0 too.
            cost = unigram[i]
        elif is_han(c):
            cost = unknown_cost
        else:
            rare[c] = class_cost_is_rare(c)
            continue
        rare[c] = f32(cost) > RARE_COST
    made = producible()
    for c in range(0x80, 0x10000):
        rare[c] = rare[c] and made[c]
    rare[0x951F] = True
    for lo, hi in common_ranges():
        for c in range(lo, hi + 1):
            rare[c] = False
    watched = list(rare)
    for c in range(0x800, 0x10000):
        if c == 0xFFFD or c == 0x951F or 0xE000 <= c <= 0xF8FF:
            watched[c] = True

    def words(bits):
        out = []
        for w in range(0x10000 // 64):
            v = 0
            for b in range(64):
                if bits[w * 64 + b]:
                    v |= 1 << b
            out.append(v)
        return out

    with open(out_path, 'wb') as f:
        f.write(struct.pack('<1024Q', *words(rare)))
        f.write(struct.pack('<1024Q', *words(watched)))


if __name__ == '__main__':
    main()
