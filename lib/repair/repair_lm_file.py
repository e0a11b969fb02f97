"""Reads the repair stage's character language model file (repair_lm.bin,
written by make_repair_tables.py `lm`; layout in char_lm.cc) for the
generators that derive tables from it at build time (make_rare_chars.py,
make_guess_chars.py): the header, the code point -> id table and each id's
facts. The bigram buckets are not read."""
import struct
import sys

LM_MAGIC = 0x354D4C41  # "ALM5"
VARIANT_COST = 2.5  # char_lm.h kVariantCost


def f32(x):
    """x rounded to a 32-bit float, as the library computes costs."""
    return struct.unpack('<f', struct.pack('<f', x))[0]


class Lm:
    def __init__(self, path):
        with open(path, 'rb') as f:
            blob = f.read()
        magic, self.n_ids, _n_buckets, self.unknown_cost = struct.unpack_from('<IIIf', blob, 0)
        if magic != LM_MAGIC:
            sys.exit('%s is not an ALM5 model' % path)
        self.id_of = struct.unpack_from('<65536H', blob, 16)
        facts_at = 16 + 65536 * 2
        self.unigram, self.cp, self.flags = [], [], []
        for i in range(self.n_ids):
            u, _s, _e, _fb, cp, flags, _nb = struct.unpack_from('<fffIHBB', blob, facts_at + 20 * i)
            self.unigram.append(u)
            self.cp.append(cp)
            self.flags.append(flags)

    def id(self, c):
        return self.id_of[c] if c < 0x10000 else 0

    def variant_cost(self, c, i, traditional):
        """char_lm.h CharLm::variant_cost."""
        if self.cp[i] != c:
            return 0.0 if traditional else VARIANT_COST
        return VARIANT_COST if traditional and self.flags[i] & 1 else 0.0
