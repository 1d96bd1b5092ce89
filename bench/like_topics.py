#!/usr/bin/env python3
"""How often `newssearch --like ID` finds articles on the same subject, on Reuters-21578.

For a fixed sample of articles with exactly one TOPICS category, runs --like on each and
counts the top-10 hits that share a category with it (precision at 10). Usage:
  bench/like_topics.py NEWSSEARCH DB REUTERS_DIR [SAMPLE]
where DB holds the Reuters-21578 JSON Lines (ids "reuters-NEWID") indexed by newsindex.
"""
import glob
import json
import random
import re
import subprocess
import sys


def topics_by_id(reuters_dir):
    topics = {}
    for path in sorted(glob.glob(reuters_dir + "/reut2-*.sgm")):
        text = open(path, encoding="latin-1").read()
        for match in re.finditer(r'NEWID="(\d+)">(.*?)</REUTERS>', text, re.S):
            block = re.search(r"<TOPICS>(.*?)</TOPICS>", match.group(2), re.S)
            names = re.findall(r"<D>(.*?)</D>", block.group(1)) if block else []
            topics["reuters-" + match.group(1)] = set(names)
    return topics


def main():
    newssearch, db, reuters_dir = sys.argv[1:4]
    sample_size = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    topics = topics_by_id(reuters_dir)
    single = sorted(i for i, t in topics.items() if len(t) == 1)
    sample = random.Random(1987).sample(single, sample_size)
    shared = total = 0
    for article in sample:
        out = subprocess.run([newssearch, "--db", db, "--format", "json", "-n", "10",
                              "--like", article], capture_output=True, text=True)
        if out.returncode not in (0, 1):
            continue
        for hit in json.loads(out.stdout)["results"]:
            total += 1
            shared += bool(topics.get(hit["id"], set()) & topics[article])
    print(f"articles {sample_size}, hits {total}, "
          f"sharing a topic {shared} (P@10 {shared / max(total, 1):.3f})")


if __name__ == "__main__":
    main()
