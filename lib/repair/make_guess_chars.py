#!/usr/bin/python3
"""Generates the lattice decoder's guess characters (lib/repair/lattice_tables.h
guess_chars, guess_index) at build time.

  make_guess_chars.py REPAIR_LM.bin REPAIR_CODECS.bin OUT.bin

Reads the character language model written by make_repair_tables.py `lm`
(made from jieba's dict.txt, Debian python3-jieba, MIT licence, and OpenCC's
TSCharacters, Debian libopencc-data, Apache-2.0) and the codec tables written
by make_repair_tables.py `codecs` (Python's standard codecs), and writes, per
target codec (UTF-8, GBK, Big5), the kMaxGuessChars most frequent characters
the codec spells, with their bytes and what a candidate takes from them
(lattice_tables.h GuessChar, CharFacts), and the list by byte (GuessIndex).

  u32 magic "AGC1"
  per target (utf8, gbk, big5): u32 chars_at, u32 count, u32 index_at
  (padding to 64 bytes)
  per target: GuessChar chars[count] (44 bytes each, see lattice_tables.h),
              u16 begin[4 * 256 + 1], u16 entries[begin[1024]]: the guesses
              whose byte i is v are entries[begin[i * 256 + v] ..
              begin[i * 256 + v + 1]], in guess order; padding to 64 bytes.

These were built at first use (1.8M instructions and 27 page faults of heap
per codec, plus a 24 KiB index); the rules below mirror lattice_tables.h
(the old guess_chars build, char_facts, usable_candidate, utf8_encode) and
char_lm.h (unigram_cost, variant_cost, is_cjk_punctuation), and
tests/repair/lattice_tables_test.cc checks the result against the old
runtime computation.
"""
import struct
import sys

sys.dont_write_bytecode = True  # the import below must not write into the source tree
import repair_lm_file  # noqa: E402
from repair_lm_file import f32  # noqa: E402

CODECS_MAGIC = 0x32544341  # "ACT2"
MAGIC = 0x31434741  # "AGC1"
MAX_GUESS_CHARS = 2500  # lattice_graph.h kMaxGuessChars
TABLE_ENTRIES = 126 * 191


class Lm(repair_lm_file.Lm):
    def unigram_cost(self, c, traditional):
        i = self.id(c)
        if not i:  # only modelled characters are guessed (see char_facts)
            sys.exit('make_guess_chars.py: U+%04X has no model id' % c)
        return f32(self.unigram[i] + self.variant_cost(c, i, traditional))


def usable_candidate(c):
    return not (c == 0 or (c < 0x20 and c != 0x0A) or (c >= 0xFFE0 and c != 0xFFE5) or 0xE000 <= c <= 0xF8FF)


def char_facts(lm, c, traditional):
    """lattice_tables.h CharFacts: ch, lm_id, general, own_cost, variant."""
    if not usable_candidate(c):
        return (0, 0, False, 0.0, 0.0)
    i = lm.id(c)
    if not i:
        sys.exit('make_guess_chars.py: U+%04X has no model id' % c)
    # general (!id && punctuation or '?') is false for a modelled character.
    return (c, i, False, lm.unigram_cost(c, traditional), lm.variant_cost(c, i, traditional))


def utf8_bytes(c):
    return list(chr(c).encode('utf-8'))


def guesses_of(lm, codec_table):
    """(ch, bytes) of the old guess_chars build, in guess order."""
    if codec_table is None:  # UTF-8: the most frequent ids
        return [(lm.cp[i], utf8_bytes(lm.cp[i])) for i in range(1, min(lm.n_ids, MAX_GUESS_CHARS + 1))]
    keyed = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            c = codec_table[(lead - 0x81) * 191 + (trail - 0x40)]
            if c and lm.id(c):
                # By unigram cost in simplified text, ties in pair order.
                keyed.append((lm.unigram_cost(c, False), lead, trail, c))
    keyed.sort()
    return [(c, [lead, trail]) for _cost, lead, trail, c in keyed[:MAX_GUESS_CHARS]]


def pack_guess(lm, c, b):
    out = struct.pack('<I4Bi', c, *(b + [0] * (4 - len(b))), len(b))
    for traditional in (False, True):
        ch, lm_id, general, own, variant = char_facts(lm, c, traditional)
        out += struct.pack('<IHBxff', ch, lm_id, 1 if general else 0, own, variant)
    return out


def main():
    lm_path, codecs_path, out_path = sys.argv[1], sys.argv[2], sys.argv[3]
    lm = Lm(lm_path)
    with open(codecs_path, 'rb') as f:
        codecs = f.read()
    if struct.unpack_from('<I', codecs, 0)[0] != CODECS_MAGIC:
        sys.exit('make_guess_chars.py: %s is not an ACT2 codec blob' % codecs_path)
    gbk = struct.unpack_from('<%dH' % TABLE_ENTRIES, codecs, 4)
    big5 = struct.unpack_from('<%dH' % TABLE_ENTRIES, codecs, 4 + 2 * 2 * TABLE_ENTRIES)

    header = [MAGIC]
    body = bytearray()
    body_at = 64
    for table in (None, gbk, big5):  # TargetCodec order: kUtf8, kGbk, kBig5
        guesses = guesses_of(lm, table)
        chars_at = body_at + len(body)
        for c, b in guesses:
            body += pack_guess(lm, c, b)
        at = [[[] for _ in range(256)] for _ in range(4)]
        for k, (_c, b) in enumerate(guesses):
            for i, v in enumerate(b):
                at[i][v].append(k)
        begin, entries = [0], []
        for i in range(4):
            for v in range(256):
                entries += at[i][v]
                begin.append(len(entries))
        if len(entries) > 0xFFFF:
            sys.exit('make_guess_chars.py: the index outgrows u16 offsets')
        index_at = body_at + len(body)
        body += struct.pack('<%dH' % len(begin), *begin)
        body += struct.pack('<%dH' % len(entries), *entries)
        body += bytes(-(body_at + len(body)) % 64)
        header += [chars_at, len(guesses), index_at]
    blob = struct.pack('<%dI' % len(header), *header)
    blob += bytes(body_at - len(blob)) + body
    with open(out_path, 'wb') as f:
        f.write(blob)


if __name__ == '__main__':
    main()
