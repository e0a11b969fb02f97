"""Test helper shared by the Python tests (tests/cli, tests/bindings/python):
mojibake made the way careless software makes it, with Python's own codecs
(independent of the repairer's tables), as tests/repair/mojibake_maker.h
does with ICU for the C++ tests."""


def misaligned_gbk(text: str, drop: int) -> str:
    """`text` encoded as GBK, the byte at `drop` lost, then read pair by
    pair: a pair GBK does not map (or maps to a user-defined area, which
    decodes to private use) prints '?', a lead byte before a byte that
    cannot trail prints '?' and that byte is read again. The '?' holes lose
    bytes the repairer has to guess."""
    data = bytearray(text.encode("gbk"))
    del data[drop]
    out, i = [], 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        t = data[i + 1] if i + 1 < len(data) else 0
        if t >= 0x40 and t not in (0x7F, 0xFF):
            try:
                ch = bytes(data[i:i + 2]).decode("gbk")
                out.append("?" if 0xE000 <= ord(ch) <= 0xF8FF else ch)
            except UnicodeDecodeError:
                out.append("?")
            i += 2
        else:
            out.append("?")
            i += 1
    return "".join(out)
