// dump_db: prints a newsarchive database as canonical text, for comparing two databases with diff.
//
// Usage: dump_db DB_DIR > OUT
//
// Two databases with the same content give byte-identical dumps, however their documents were
// loaded: docids (which depend on load order, writer threads and shard merges) never appear, and
// documents are ordered by their unique id term (prefix "Q") compared bytewise. The format is
// line-oriented text, one record per line, fields separated by tabs:
//
//   # dump_db v1 ...                  a comment saying what the dump leaves out
//   documents  N                      the number of documents
//   document   ID-TERM                starts a document (the Q term, or empty if it has none)
//   term       TERM  WDF  POSITIONS   every term in term order; positions space-separated, the
//                                     field empty (the line ends in a tab) when it has none
//   value      SLOT  VALUE            every value slot in slot order
//   data       DATA                   the document data
//   metadata   KEY  VALUE             the user metadata, in key order, after all documents
//
// Every term, value, data and metadata string is escaped (see escape()), so no field holds a tab
// or a newline and the dump is safe to diff, grep and paste.
//
// Built with the project (target dump_db) or alone:
//   g++ -std=c++20 -O2 -o dump_db dump_db.cc $(pkg-config --cflags --libs xapian-core)
// It links nothing but Xapian, so that a dump of a database made by one version of newsarchive
// can be compared with a dump made by another without either build's code being involved.
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The prefix of the unique id term (newsarchive::schema::kIdPrefix, repeated here so that this
// program needs nothing from the project).
constexpr std::string_view kIdPrefix = "Q";

// Metadata left out of the dump because its value differs from run to run for the same content.
// Every other key in newsarchive's schema.h (schema, language, person-slots, checkpoint) depends
// only on the archive and the options it was indexed with, so a change in it is worth seeing.
const std::set<std::string, std::less<>> kVolatileMetadata = {
    "newsarchive:last-run",  // the report of the last run: timings in seconds
};

// Makes `bytes` line-safe: C-style escapes for backslash, the control bytes below 0x20 and DEL
// (\t \n \r by name, the others as \xHH with exactly two hex digits). Bytes from 0x80 up pass
// through unchanged, so UTF-8 text stays readable; the escaping is reversible.
std::string escape(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte == 0x7f) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02x", byte);
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

// The document's key: its first id term in term order. Empty when it has none (the indexer always
// writes one; an empty key sorts such documents first instead of failing the dump).
std::string id_term(const Xapian::Document& document) {
  Xapian::TermIterator term = document.termlist_begin();
  term.skip_to(std::string(kIdPrefix));
  if (term == document.termlist_end()) return "";
  std::string name = *term;
  return name.starts_with(kIdPrefix) ? name : "";
}

// One document's records, from the "document" line to its data.
std::string render(const Xapian::Document& document, const std::string& id) {
  std::ostringstream out;
  out << "document\t" << escape(id) << '\n';
  for (Xapian::TermIterator term = document.termlist_begin(); term != document.termlist_end();
       ++term) {
    out << "term\t" << escape(*term) << '\t' << term.get_wdf() << '\t';
    // Positions come in ascending order from Xapian; space-separated they stay one field.
    const char* separator = "";
    for (Xapian::PositionIterator position = term.positionlist_begin();
         position != term.positionlist_end(); ++position) {
      out << separator << *position;
      separator = " ";
    }
    out << '\n';
  }
  for (Xapian::ValueIterator value = document.values_begin(); value != document.values_end();
       ++value)
    out << "value\t" << value.get_valueno() << '\t' << escape(*value) << '\n';
  out << "data\t" << escape(document.get_data()) << '\n';
  return out.str();
}

struct Entry {
  std::string id;
  Xapian::docid docid;  // only to fetch the document again; never printed
};

void dump(const Xapian::Database& database, std::ostream& out) {
  out << "# dump_db v1: documents by id term, docids omitted; metadata omitted:";
  for (const std::string& key : kVolatileMetadata) out << ' ' << escape(key);
  out << '\n';
  out << "documents\t" << database.get_doccount() << '\n';

  // Keys first, documents second: holding the keys of a large archive is cheap, holding every
  // rendered document is not.
  std::vector<Entry> entries;
  entries.reserve(database.get_doccount());
  for (Xapian::PostingIterator posting = database.postlist_begin("");
       posting != database.postlist_end(""); ++posting)
    entries.push_back({id_term(database.get_document(*posting)), *posting});
  // std::string compares as unsigned bytes, which is Xapian's term order too.
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.id < b.id; });

  for (auto group = entries.begin(); group != entries.end();) {
    auto group_end = std::find_if(group, entries.end(),
                                  [&](const Entry& entry) { return entry.id != group->id; });
    // Ids are unique unless the database is broken. When they are not, the documents sharing
    // one are ordered by their rendering, which is still independent of docids.
    std::vector<std::string> rendered;
    for (auto entry = group; entry != group_end; ++entry)
      rendered.push_back(render(database.get_document(entry->docid), entry->id));
    if (rendered.size() > 1 || group->id.empty()) {
      if (group->id.empty())
        std::cerr << "dump_db: warning: " << rendered.size() << " document(s) without an id term\n";
      else
        std::cerr << "dump_db: warning: " << rendered.size() << " documents share the id term '"
                  << escape(group->id) << "'\n";
      std::sort(rendered.begin(), rendered.end());
    }
    for (const std::string& text : rendered) out << text;
    group = group_end;
  }

  for (Xapian::TermIterator key = database.metadata_keys_begin();
       key != database.metadata_keys_end(); ++key) {
    if (kVolatileMetadata.contains(*key)) continue;
    out << "metadata\t" << escape(*key) << '\t' << escape(database.get_metadata(*key)) << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  constexpr std::string_view kUsage =
      "usage: dump_db DB_DIR > OUT\n"
      "Prints the database as canonical text: documents by unique id term, no docids.\n";
  if (argc == 2 && (std::string_view(argv[1]) == "-h" || std::string_view(argv[1]) == "--help")) {
    std::cout << kUsage;
    return 0;
  }
  if (argc != 2 || std::string_view(argv[1]).starts_with('-')) {
    std::cerr << kUsage;
    return 2;
  }
  std::ios::sync_with_stdio(false);
  try {
    dump(Xapian::Database(argv[1]), std::cout);
  } catch (const Xapian::Error& error) {
    std::cerr << "dump_db: " << argv[1] << ": " << error.get_description() << '\n';
    return 1;
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "dump_db: error writing the dump\n";
    return 1;
  }
  return 0;
}
