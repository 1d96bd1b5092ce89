#!/usr/bin/env python3
"""Plain Xapian 1.4 BM25 on one IR collection: the baseline of bench/ir_ranking.sh.

  ir_plain_xapian.py DOCS.jsonl QUERIES.tsv DB_DIR > RUN.tsv

Indexes each JSON line's title and body with a TermGenerator (english stemmer, its default
STEM_SOME, no stopper), then runs each query of QUERIES.tsv ("query_id<TAB>text", punctuation
already removed) through a QueryParser with the same stemmer, STEM_SOME, default operator OR,
default flags and no stopper, ranked by Xapian's default BM25. Prints the top 1000 of each as
"query_id<TAB>doc_id" lines, best first. Needs python3-xapian (Debian package).
"""

import json
import sys

import xapian


def index(docs_path, db_path):
    database = xapian.WritableDatabase(db_path, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_stemmer(xapian.Stem("english"))
    with open(docs_path, encoding="utf-8") as docs:
        for line in docs:
            article = json.loads(line)
            document = xapian.Document()
            generator.set_document(document)
            generator.index_text(article.get("title", ""))
            generator.increase_termpos()
            generator.index_text(article["body"])
            document.set_data(article["id"])
            database.add_document(document)
    database.commit()
    return database


def main(argv):
    if len(argv) != 4:
        sys.exit(f"usage: {argv[0]} DOCS.jsonl QUERIES.tsv DB_DIR")
    database = index(argv[1], argv[3])
    parser = xapian.QueryParser()
    parser.set_stemmer(xapian.Stem("english"))
    parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    parser.set_default_op(xapian.Query.OP_OR)
    parser.set_database(database)
    enquire = xapian.Enquire(database)
    with open(argv[2], encoding="utf-8") as queries:
        for line in queries:
            query_id, text = line.rstrip("\n").split("\t", 1)
            enquire.set_query(parser.parse_query(text))
            for match in enquire.get_mset(0, 1000):
                sys.stdout.write(f"{query_id}\t{match.document.get_data().decode()}\n")


if __name__ == "__main__":
    main(sys.argv)
