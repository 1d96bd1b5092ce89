#!/usr/bin/env python3
"""MAP and P@10 of a ranked run against a collection's relevance judgements.

  ir_score.py NAME FOLDER RUN.tsv   prints "MAP P@10 QUERIES"

RUN.tsv holds "query_id<TAB>doc_id" lines, each query's documents best first. Average precision
is the standard non-interpolated one: the sum, over the relevant documents retrieved, of the
precision at the rank of each, divided by the number of relevant documents judged (so relevant
documents never retrieved count as zero). P@10 is the share of the first ten ranks (fewer
retrieved still divides by ten) that are relevant. Both are averaged over the queries with at
least one relevant document; a query with no line in RUN.tsv counts as zero for both.
"""

import sys

import ir_collections


def average_precision(ranked, relevant):
    found = 0
    total = 0.0
    for rank, doc in enumerate(ranked, start=1):
        if doc in relevant:
            found += 1
            total += found / rank
    return total / len(relevant)


def precision_at(ranked, relevant, k):
    return sum(1 for doc in ranked[:k] if doc in relevant) / k


def read_run(path):
    run = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            query_id, doc_id = line.split()
            run.setdefault(query_id, []).append(doc_id)
    return run


def main(argv):
    if len(argv) != 4:
        sys.exit(f"usage: {argv[0]} NAME FOLDER RUN.tsv")
    judged = {q: docs for q, docs in ir_collections.judgements(argv[1], argv[2]).items() if docs}
    run = read_run(argv[3])
    aps = [average_precision(run.get(q, []), docs) for q, docs in judged.items()]
    p10 = [precision_at(run.get(q, []), docs, 10) for q, docs in judged.items()]
    print(f"{sum(aps) / len(aps):.3f} {sum(p10) / len(p10):.3f} {len(judged)}")


if __name__ == "__main__":
    main(sys.argv)
