#!/usr/bin/env python3
"""Readers for the classic IR test collections in ../shared/corpora/ir (MED, CISI, CRAN, NPL).

Each collection gives documents, queries and relevance judgements in its own layout; this module
turns them into one shape so the ranking bench treats all four alike:

  documents(name, folder) -> [(doc_id, title, text)]   title is "" where the collection has none
  queries(name, folder)   -> [(query_id, text)]        ids as the judgements number them
  judgements(name, folder) -> {query_id: {doc_id, ...}}  relevant documents only

Command line (what bench/ir_ranking.sh calls):
  ir_collections.py jsonl NAME FOLDER    documents as JSON Lines for `newsindex index`
  ir_collections.py queries NAME FOLDER  one "query_id<TAB>query text" line per query, the text
                                         with punctuation replaced by spaces (query_text())
"""

import json
import re
import sys

NAMES = ("med", "cisi", "cran", "npl")

FILES = {
    "med": ("MED.ALL", "MED.QRY", "MED.REL"),
    "cisi": ("CISI.ALL", "CISI.QRY", "CISI.REL"),
    "cran": ("cran.all.1400", "cran.qry", "cranqrel"),
    "npl": ("doc-text", "query-text", "rlv-ass"),
}


def read(folder, filename):
    with open(f"{folder}/{filename}", encoding="utf-8", errors="replace") as f:
        return f.read()


def smart_records(content):
    """SMART records: '.I n' opens a record, '.X' (a one-letter field name) opens a field.

    Returns [(n, {field_letter: text})]; text keeps its line breaks.
    """
    records = []
    field = None
    for line in content.splitlines():
        marker = re.match(r"^\.([A-Z])(?:\s+(\S+))?\s*$", line)
        if marker and marker.group(1) == "I":
            records.append((marker.group(2), {}))
            field = None
        elif marker:
            field = marker.group(1)
            records[-1][1].setdefault(field, "")
        elif field is not None and records:
            records[-1][1][field] += line + "\n"
    return records


def slash_records(content):
    """NPL records: a number line, text lines, then a line that is (or ends with) '/'."""
    records = []
    number = None
    lines = []
    for line in content.splitlines():
        stripped = line.strip()
        if number is None:
            if stripped:
                number = stripped
            continue
        ends = stripped.endswith("/")
        if ends:
            stripped = stripped[:-1]
        if stripped:
            lines.append(stripped)
        if ends:
            records.append((number, "\n".join(lines)))
            number = None
            lines = []
    return records


def documents(name, folder):
    content = read(folder, FILES[name][0])
    if name == "npl":
        return [(n, "", text) for n, text in slash_records(content)]
    # Only CISI and CRAN have real titles (.T); MED has none. .A (authors), .B (where it was
    # published) and .X (CISI's cross-references) are not the document's text.
    return [(str(int(n)), fields.get("T", "").strip(), fields.get("W", "").strip())
            for n, fields in smart_records(content)]


def queries(name, folder):
    content = read(folder, FILES[name][1])
    if name == "npl":
        return [(n, text) for n, text in slash_records(content)]
    records = smart_records(content)
    if name == "cran":
        # cran.qry's .I numbers skip values; the judgements number queries 1..225 in file order.
        return [(str(k + 1), fields.get("W", "")) for k, (_, fields) in enumerate(records)]
    return [(str(int(n)), fields.get("W", "")) for n, fields in records]


def judgements(name, folder):
    content = read(folder, FILES[name][2])
    relevant = {}
    if name == "npl":
        for n, text in slash_records(content):
            relevant.setdefault(n, set()).update(text.split())
        return relevant
    for line in content.splitlines():
        fields = line.split()
        if not fields:
            continue
        if name == "med":  # "query 0 doc 1"
            query, doc = fields[0], fields[2]
        else:  # CISI "query doc 0 0.0", CRAN "query doc grade": every listed pair is relevant
            query, doc = fields[0], fields[1]
        relevant.setdefault(str(int(query)), set()).add(str(int(doc)))
    return relevant


def query_text(text):
    """The query as the bench types it: every character that is neither a letter, a digit nor
    whitespace becomes a space, so no punctuation can act as query syntax (quotes, brackets,
    +/-, field colons, wildcards, hyphen and dot phrases), and runs of whitespace one space."""
    return " ".join("".join(c if c.isalnum() or c.isspace() else " " for c in text).split())


def main(argv):
    if len(argv) != 4 or argv[1] not in ("jsonl", "queries") or argv[2] not in NAMES:
        sys.exit(f"usage: {argv[0]} jsonl|queries {'|'.join(NAMES)} FOLDER")
    command, name, folder = argv[1:]
    out = sys.stdout
    if command == "jsonl":
        for doc_id, title, text in documents(name, folder):
            article = {"id": doc_id, "body": text}
            if title:
                article["title"] = title
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    else:
        for query_id, text in queries(name, folder):
            out.write(f"{query_id}\t{query_text(text)}\n")


if __name__ == "__main__":
    main(sys.argv)
