#!/usr/bin/python3
"""Generates the binary tables of the mojibake repairer (lib/repair) at build time.

  make_repair_tables.py lm     OUT.bin  JIEBA_DICT [TS_CHARACTERS.txt]
  make_repair_tables.py codecs OUT.bin

`lm`: a character unigram + bigram language model from jieba's word-frequency
dictionary (Debian package python3-jieba, dict.txt, MIT licence). Each word
line "word freq pos" adds `freq` to the count of every Han character of the
word and of every adjacent character pair inside the word. Traditional
characters (OpenCC's TSCharacters, Debian libopencc-data, Apache-2.0) share the
id of their simplified form, so traditional text scores like simplified.

`codecs`: the two-byte tables of GBK, GB18030 (two-byte part) and Big5 and the
C1 row of cp1252, taken from Python's standard codecs, which are the codecs
that produce the mojibake the repairer inverts; and what the repairer derives
from them: each codec's reverse table (code point -> pair), cp1252's byte of
a character, and the lattice decoder's byte sets per source codec (which pairs
the codec cannot map, which bytes it would have rejected before a byte). These
were built in each process at first use (lib/repair/legacy_codecs.cc,
lattice_tables.h); tests/repair/lattice_tables_test.cc builds them that way
again and compares.

Layouts are described in lib/repair/char_lm.cc and lib/repair/legacy_codecs.cc;
both files read these blobs, little-endian.
"""
import math
import struct
import sys
from collections import Counter, defaultdict

LM_MAGIC = 0x354D4C41  # "ALM5"
CODECS_MAGIC = 0x32544341  # "ACT2"
HASH_MULT = 0x9E3779B1
# A bigram cost is stored in one byte in units of 0.1 nat: 0..25.5 nats, which
# covers every probability above e^-25 (rarer pairs fall back to the unigram).
COST_SCALE = 10.0
# Share of the bigram probability given to the plain unigram (see build_lm).
LAMBDA = 0.05
# Stored pairs per bucket (a cache line: 21 x (2-byte id + 1-byte cost) + a
# flag) and how full the buckets of a row are made (see build_lm). Fuller
# rows are fewer lines but overflow more: at 85 %, 7.5 % of the look-ups of
# dev article 001's repair go on to a second bucket (at 80 %, 4.4 %), for
# 2 % fewer lines touched.
BUCKET_SLOTS = 21
BUCKET_LOAD = 0.8


def is_han_bmp(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def read_jieba(path):
    """Character counts by position in words, and pairs inside words."""
    uni = Counter()
    starts = Counter()
    ends = Counter()
    inner = Counter()
    words = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            if freq <= 0 or not all(is_han_bmp(c) for c in word):
                continue
            words += freq
            for c in word:
                uni[c] += freq
            starts[word[0]] += freq
            ends[word[-1]] += freq
            for a, b in zip(word, word[1:]):
                inner[(a, b)] += freq
    return uni, starts, ends, inner, words


def read_ts(path):
    pairs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) != 2:
                continue
            trad, simps = parts[0], parts[1].split(' ')
            if len(trad) == 1 and simps and len(simps[0]) == 1:
                pairs.append((trad, simps[0]))
    return pairs


def build_lm(out_path, dict_path, ts_path):
    uni, starts, ends, inner, words = read_jieba(dict_path)
    # Ids in order of falling frequency: id 1 is the most frequent character,
    # so "the N most frequent characters" is the id range 1..N. Id 0: unknown.
    chars = sorted(uni, key=lambda c: (-uni[c], ord(c)))
    id_of = {c: i + 1 for i, c in enumerate(chars)}
    n_ids = len(chars) + 1
    total = sum(uni.values())
    vocab = len(chars)
    p_uni = [0.0] * n_ids
    unigram = [0.0] * n_ids
    for c, i in id_of.items():
        p_uni[i] = (uni[c] + 0.5) / (total + 0.5 * vocab)
        unigram[i] = -math.log(p_uni[i])
    unknown_cost = max(unigram[1:]) + 2.0
    unigram[0] = unknown_cost

    # Text is a sequence of words drawn by frequency. After character a,
    # either a's word ends (probability e(a)) and the next word starts with b
    # (s(b)), or the word goes on with b (P_in(b|a), from pairs inside words):
    #   P(b|a) = (1 - LAMBDA) (e(a) s(b) + (1 - e(a)) P_in(b|a)) + LAMBDA P(b)
    # The LAMBDA share of the unigram keeps every pair possible.
    end_cost = [0.0] * n_ids
    start_cost = [0.0] * n_ids
    e = [0.0] * n_ids
    s_ = [0.0] * n_ids
    for c, i in id_of.items():
        e[i] = (ends[c] + 0.5) / (uni[c] + 1.0)
        s_[i] = (starts[c] + 0.5) / (words + 0.5 * vocab)
        end_cost[i] = -math.log(e[i] * (1 - LAMBDA))
        start_cost[i] = -math.log(s_[i])
    entries = []
    for (a, b), n in inner.items():
        ia, ib = id_of[a], id_of[b]
        cont = max(1.0, uni[a] - ends[a])
        p_in = n / cont
        p = (1 - LAMBDA) * (e[ia] * s_[ib] + (1 - e[ia]) * p_in) + LAMBDA * p_uni[ib]
        q = min(255, max(0, int(round(-math.log(p) * COST_SCALE))))
        entries.append(((ia << 16) | ib, q))

    # Pairs are stored row by row: the pairs that start with character a form
    # one small hash table of b, its row, made of buckets of one cache line
    # each (BUCKET_SLOTS pairs: 21 ids of 2 bytes, then 21 costs of 1 byte,
    # then an overflow flag), so that a look-up reads one line, rarely two,
    # and the lattice decoder, which looks up many characters after the same
    # few predecessors, touches few lines per row. A row has as many buckets
    # as keep it BUCKET_LOAD full; b's home bucket is
    # ((b * HASH_MULT mod 2^32) * n_buckets) >> 32, and a pair that finds its
    # home full goes to the next bucket with room (wrapping around), marking
    # every full bucket it passed (overflow = 1): a look-up that does not
    # find b in a bucket without the mark is over.
    rows = defaultdict(list)
    for key, q in entries:
        rows[key >> 16].append((key & 0xFFFF, q))
    first_bucket = [0] * n_ids
    n_buckets = [0] * n_ids
    buckets = []  # per bucket: [pairs (b, q)], overflow
    for a in range(n_ids):
        row = rows.get(a)
        if not row:
            continue
        nb = max(1, math.ceil(len(row) / (BUCKET_SLOTS * BUCKET_LOAD)))
        if nb > 255:
            sys.exit('a row of %d pairs needs more than 255 buckets' % len(row))
        table = [[[], 0] for _ in range(nb)]
        # Likeliest pairs first: they keep to their home bucket.
        for b, q in sorted(row, key=lambda p: (p[1], p[0])):
            h = (((b * HASH_MULT) & 0xFFFFFFFF) * nb) >> 32
            while len(table[h][0]) == BUCKET_SLOTS:
                table[h][1] = 1
                h = (h + 1) % nb
            table[h][0].append((b, q))
        first_bucket[a] = len(buckets)
        n_buckets[a] = nb
        buckets.extend(table)

    id_table = [0] * 65536
    for c, i in id_of.items():
        id_table[ord(c)] = i
    # Bit 0: a simplified character with a distinct traditional form.
    flags = [0] * n_ids
    if ts_path:
        for trad, simp in read_ts(ts_path):
            if ord(trad) < 0x10000 and simp in id_of and uni.get(trad, 0) < uni[simp]:
                id_table[ord(trad)] = id_of[simp]
                if trad != simp:
                    flags[id_of[simp]] |= 1

    cp_of_id = [0] + [ord(c) for c in chars]
    with open(out_path, 'wb') as f:
        f.write(struct.pack('<IIIf', LM_MAGIC, n_ids, len(buckets), unknown_cost))
        f.write(struct.pack('<65536H', *id_table))
        for i in range(n_ids):  # CharLm::IdFacts
            f.write(struct.pack('<fffIHBB', unigram[i], start_cost[i], end_cost[i], first_bucket[i], cp_of_id[i],
                                flags[i], n_buckets[i]))
        f.write(bytes(-f.tell() % 64))  # buckets start on a cache line
        for pairs, overflow in buckets:  # CharLm::Bucket
            ids = [b for b, _ in pairs] + [0] * (BUCKET_SLOTS - len(pairs))
            costs = [q for _, q in pairs] + [0] * (BUCKET_SLOTS - len(pairs))
            f.write(struct.pack('<%dH%dBB' % (BUCKET_SLOTS, BUCKET_SLOTS), *ids, *costs, overflow))


def two_byte_table(codec):
    table = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                s = bytes([lead, trail]).decode(codec)
            except UnicodeDecodeError:
                s = ''
            table.append(ord(s) if len(s) == 1 and ord(s) < 0x10000 else 0)
    return table


def valid_trail(b, big5):
    """DoubleByteCodec::valid_trail (legacy_codecs.h)."""
    if big5:
        return 0x40 <= b <= 0x7E or 0xA1 <= b <= 0xFE
    return 0x40 <= b <= 0xFE and b != 0x7F


def decode_pair(table, lead, trail):
    """DoubleByteCodec::decode: 0 for an unmapped pair."""
    if lead < 0x81 or lead == 0xFF or trail < 0x40 or trail == 0xFF:
        return 0
    return table[(lead - 0x81) * 191 + (trail - 0x40)]


def byte_set(members):
    """A lattice_graph.h ByteSet: 4 u64 words, bit b of word b / 64."""
    words = [0] * 4
    for b in members:
        words[b >> 6] |= 1 << (b & 63)
    return struct.pack('<4Q', *words)


def view_tables(table, big5):
    """lattice_tables.h's tables of one source codec, in their struct layouts:
    UnmappedPairBytes (first, second), UnmappedPairTable (rows[256]),
    RejectedBytes (before[257], by next byte + 1)."""
    unmapped = [[b for b in range(256) if valid_trail(b, big5) and decode_pair(table, a, b) == 0]
                if a >= 0x81 else [] for a in range(256)]
    first = [a for a in range(0x81, 0xFF) if any(0x40 <= b <= 0xFE for b in unmapped[a])]
    second = sorted({b for a in range(0x81, 0xFF) for b in unmapped[a] if 0x40 <= b <= 0xFE})
    out = byte_set(first) + byte_set(second)
    out += b''.join(byte_set(unmapped[a]) for a in range(256))
    for n in range(-1, 256):
        rejected = [0x80, 0xFF] + [b for b in range(0x81, 0xFF)
                                   if n < 0 or not valid_trail(n, big5) or decode_pair(table, b, n) == 0]
        out += byte_set(rejected)
    return out


CP1252_FIRST, CP1252_LAST = 0x100, 0x2122  # legacy_codecs.cc Cp1252Reverse


def build_codecs(out_path):
    tables = {codec: two_byte_table(codec) for codec in ('gbk', 'gb18030', 'big5')}
    c1 = []
    for b in range(0x80, 0xA0):
        try:
            c1.append(ord(bytes([b]).decode('cp1252')))
        except UnicodeDecodeError:
            c1.append(b)  # "sloppy" cp1252: undefined bytes stay U+0081...
    blob = bytearray(struct.pack('<I', CODECS_MAGIC))
    for t in tables.values():
        blob += struct.pack('<%dH' % len(t), *t)
    blob += struct.pack('<32H', *c1)
    # cp1252's byte of U+0100..U+2122 (0: none); the first byte of a
    # character wins.
    byte_of = [0] * (CP1252_LAST - CP1252_FIRST + 1)
    for i, c in enumerate(c1):
        if CP1252_FIRST <= c <= CP1252_LAST and not byte_of[c - CP1252_FIRST]:
            byte_of[c - CP1252_FIRST] = 0x80 + i
    blob += bytes(byte_of)
    blob += bytes(-len(blob) % 64)
    # Reverse tables: the first pair of a character (lead, then trail order) wins.
    for t in tables.values():
        reverse = [0] * 0x10000
        for k, c in enumerate(t):
            if c and not reverse[c]:
                reverse[c] = (0x81 + k // 191) << 8 | (0x40 + k % 191)
        blob += struct.pack('<65536H', *reverse)
    for codec, t in tables.items():
        blob += view_tables(t, codec == 'big5')
    with open(out_path, 'wb') as f:
        f.write(blob)


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == 'lm':
        build_lm(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    elif len(sys.argv) == 3 and sys.argv[1] == 'codecs':
        build_codecs(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
