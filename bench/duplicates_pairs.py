#!/usr/bin/env python3
"""Builds the labelled pairs of bench/duplicates.sh from the Reuters-21578 JSON Lines.

make: writes the archive to index (every Reuters article plus edited versions of a sample) and
the pairs, one a line: LABEL KIND ID_A ID_B (LABEL 1: one story, 0: two stories).
score: reads the pairs and id<TAB>story-key lines, prints precision and recall per kind.

Positives: copies of sampled articles edited the ways a wire story is reissued (exact copy, one
sentence replaced by a sentence of another article, a middle paragraph replaced by a paragraph
of another article, a trailer added, the last paragraph dropped), and real pairs of the
collection: articles with the same body under two ids, and a "CORRECTED" article with the
original of the same headline and day. Then the pairs of articles of one day with different
headlines and bodies that have the most words in common, split by the exact Jaccard index of
their 5-word shingles: at 0.5 or more they are one story filed twice under two headlines (the
first 60 were read and were, bar one pair of two quarters' results of one company) and count as
positives ("real-rewrite"); under 0.3 they are different stories that share their vocabulary, the
hard negatives ("same-day-overlap"); pairs in between are left out, and counted.
"""
import collections
import json
import random
import re
import sys

TRAILER = ("\n    Reporting by the New York bureau; editing by the commodities desk. "
           "For corrections to this story telephone the news desk or send an email.")


def words(body):
    return re.findall(r"[a-z0-9]+", body.lower())


def paragraphs(body):
    return [p for p in re.split(r"\n {4}", body) if p.strip()]


def sentences(body):
    return [s for s in re.split(r"(?<=\.)\s+", body) if s.strip()]


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def variants(article, donor, rng):
    body = article["body"]
    paras = paragraphs(body)
    out = {"copy": body, "trailer-added": body + TRAILER}
    sents = sentences(body)
    donor_sents = sentences(donor["body"])
    if len(sents) >= 4 and donor_sents:
        k = rng.randrange(1, len(sents) - 1)
        out["sentence-changed"] = " ".join(sents[:k] + [rng.choice(donor_sents)] + sents[k + 1:])
    donor_paras = paragraphs(donor["body"])
    if len(paras) >= 4 and donor_paras:
        k = rng.randrange(1, len(paras) - 1)
        out["paragraph-replaced"] = "\n    ".join(paras[:k] + [rng.choice(donor_paras)] +
                                                paras[k + 1:])
    if len(paras) >= 4:
        out["trailer-dropped"] = "\n    ".join(paras[:-1])
    return out


def real_pairs(articles):
    by_body = collections.defaultdict(list)
    for a in articles:
        if len(words(a["body"])) >= 25:
            by_body[" ".join(a["body"].split())].append(a["id"])
    pairs = []
    for ids in by_body.values():
        for other in ids[1:]:
            pairs.append(("real-same-body", ids[0], other))
    by_title = collections.defaultdict(list)
    for a in articles:
        by_title[(a["date"][:10], a["title"].strip().upper())].append(a)
    for a in articles:
        m = re.match(r"^\(?CORRECTED\)?\s*-\s*(.*)$", a["title"].strip().upper())
        if not m or len(words(a["body"])) < 25:
            continue
        for original in by_title.get((a["date"][:10], m.group(1).strip()), []):
            if original["id"] != a["id"] and len(words(original["body"])) >= 25:
                pairs.append(("real-correction", original["id"], a["id"]))
    return pairs


def shingles(article):
    w = words(article["body"])
    return {tuple(w[i:i + 5]) for i in range(len(w) - 4)}


def jaccard(a, b):
    return len(a & b) / len(a | b) if a | b else 0.0


def same_day_pairs(articles, same, per_day, left_out):
    articles_by_id = {a["id"]: a for a in articles}
    by_day = collections.defaultdict(list)
    for a in articles:
        if len(words(a["body"])) >= 25 and a.get("date"):
            by_day[a["date"][:10]].append(a)
    pairs = []
    for day in sorted(by_day):
        day_articles = by_day[day][:300]
        sets = [set(words(a["body"])) for a in day_articles]
        scored = []
        for i in range(len(day_articles)):
            for j in range(i + 1, len(day_articles)):
                a, b = day_articles[i], day_articles[j]
                if a["title"].strip().upper() == b["title"].strip().upper():
                    continue
                if " ".join(a["body"].split()) == " ".join(b["body"].split()):
                    continue
                if (a["id"], b["id"]) in same or "CORRECTED" in (a["title"] + b["title"]).upper():
                    continue
                overlap = len(sets[i] & sets[j]) / len(sets[i] | sets[j])
                scored.append((overlap, a["id"], b["id"]))
        scored.sort(reverse=True)
        kept = 0
        for _, x, y in scored:
            if kept == per_day:
                break
            resemblance = jaccard(shingles(articles_by_id[x]), shingles(articles_by_id[y]))
            if resemblance >= 0.5:
                pairs.append((1, "real-rewrite", x, y))
            elif resemblance < 0.3:
                pairs.append((0, "same-day-overlap", x, y))
                kept += 1
            else:
                left_out[0] += 1
    return pairs


def make(jsonl, archive_out, pairs_out, sample):
    articles = load(jsonl)
    rng = random.Random(1987)
    eligible = [a for a in articles if len(words(a["body"])) >= 80]
    chosen = rng.sample(eligible, min(sample, len(eligible)))
    pairs = []
    with open(archive_out, "w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps(a) + "\n")
        for a in chosen:
            donor = rng.choice(eligible)
            while donor["id"] == a["id"]:
                donor = rng.choice(eligible)
            for kind, body in variants(a, donor, rng).items():
                copy = dict(a, id=a["id"] + "-" + kind, body=body)
                out.write(json.dumps(copy) + "\n")
                pairs.append((1, kind, a["id"], copy["id"]))
    real = real_pairs(articles)
    pairs.extend((1, kind, x, y) for kind, x, y in real)
    same = {(x, y) for _, x, y in real} | {(y, x) for _, x, y in real}
    left_out = [0]
    pairs.extend(same_day_pairs(articles, same, 5, left_out))
    print(f"left out {left_out[0]} same-day pairs whose shingles' Jaccard index is in [0.3, 0.5)")
    with open(pairs_out, "w", encoding="utf-8") as out:
        for label, kind, x, y in pairs:
            out.write(f"{label}\t{kind}\t{x}\t{y}\n")


def score(pairs_path, stories_path, show_errors):
    story = {}
    with open(stories_path, encoding="utf-8") as f:
        for line in f:
            ident, _, key = line.rstrip("\n").partition("\t")
            story[ident] = key
    counts = collections.defaultdict(lambda: [0, 0])  # kind -> [pairs, judged one story]
    tp = fp = positives = 0
    errors = []
    with open(pairs_path, encoding="utf-8") as f:
        for line in f:
            label, kind, x, y = line.rstrip("\n").split("\t")
            together = bool(story.get(x)) and story.get(x) == story.get(y)
            counts[(label, kind)][0] += 1
            counts[(label, kind)][1] += together
            if label == "1":
                positives += 1
                tp += together
                if not together:
                    errors.append(("missed", kind, x, y))
            elif together:
                fp += 1
                errors.append(("merged", kind, x, y))
    for (label, kind), (n, together) in sorted(counts.items()):
        what = "detected" if label == "1" else "merged (false)"
        print(f"  {'positive' if label == '1' else 'negative'} {kind:20s} {n:5d} pairs, "
              f"{together:5d} {what}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / positives if positives else 0.0
    print(f"precision {precision:.3f} ({tp} of {tp + fp} pairs judged one story are), "
          f"recall {recall:.3f} ({tp} of {positives} positive pairs found)")
    for error in errors[:show_errors]:
        print("  " + " ".join(error))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        score(sys.argv[2], sys.argv[3], int(sys.argv[4]))
