#!/usr/bin/env python3
"""Turn a folder of article files (*.txt, any encoding) into JSON Lines shards
for extract_shards.py: one object per article, {"id", "text"} when the file
is valid UTF-8, else {"id", "text_b64"} with its raw bytes.

    make_shards.py ARTICLES_DIR OUT_DIR [--shards 4] [--copies 1]

--copies repeats the whole set (ids get a #k suffix), to make a corpus big
enough to measure throughput.
"""
import argparse
import base64
import json
import os
import sys


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("articles_dir")
    p.add_argument("out_dir")
    p.add_argument("--shards", type=int, default=4)
    p.add_argument("--copies", type=int, default=1)
    p.add_argument("--pattern", default=".txt", help="file name ending (default .txt)")
    args = p.parse_args(argv)
    names = sorted(n for n in os.listdir(args.articles_dir) if n.endswith(args.pattern))
    if not names or args.shards < 1 or args.copies < 1:
        print("nothing to do", file=sys.stderr)
        return 2
    os.makedirs(args.out_dir, exist_ok=True)
    outs = [open(os.path.join(args.out_dir, f"shard-{i:04d}.jsonl"), "w", encoding="utf-8")
            for i in range(args.shards)]
    try:
        k = 0
        for copy in range(args.copies):
            for name in names:
                with open(os.path.join(args.articles_dir, name), "rb") as f:
                    raw = f.read()
                doc = {"id": name if args.copies == 1 else f"{name}#{copy}"}
                try:
                    doc["text"] = raw.decode("utf-8")
                except UnicodeDecodeError:
                    doc["text_b64"] = base64.b64encode(raw).decode("ascii")
                outs[k % args.shards].write(json.dumps(doc, ensure_ascii=False) + "\n")
                k += 1
    finally:
        for f in outs:
            f.close()
    print(f"{k} articles in {args.shards} shards in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
