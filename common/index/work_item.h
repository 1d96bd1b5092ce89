// What the analysis thread of an indexing run hands the thread that stores articles, in input
// order (analysis.h produces them, run_ledger.h consumes them).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ingest/article.h"
#include "store/document_builder.h"

namespace newsarchive {

// Thrown out of the readers and the writer loop when a signal asks the run to stop; not a
// std::exception, so no reader's error handling can swallow it.
struct StopRequested {};

struct WorkItem {
  enum class Kind {
    kDocument,
    kUnchanged,
    kWarning,
    kSkip,
    kUnreadable,
    kUnreadableNote,
    kCollision,   // a second article with an id already read in this run; not stored
    kPassedOver,  // `count` parts of an input that hold no article by design
  };
  Kind kind = Kind::kDocument;
  // kDocument: the article's keys; kUnchanged: id_term unset.
  DocumentKeys keys;
  std::string id;                  // kDocument; kUnchanged: the last of the run
  Xapian::Document document;       // kDocument, unless the sink builds documents:
  std::optional<Article> article;  // then the analysed article instead
  size_t bytes = 0;                // the article's text, for the queues' memory bounds
  bool undated = false;
  EntitySlotCounts slots;  // kDocument: the facet slots its document uses (entity_slots_used)
  // kUnchanged: a run of consecutive unchanged articles.
  size_t unchanged = 0;
  std::vector<std::string> unchanged_id_terms;  // kept only for --prune
  std::string message;      // kWarning, kSkip, kUnreadable, kCollision: "location: reason";
                            // kPassedOver: what was passed over; kDocument: where, when undated
  std::uint64_t count = 0;  // kPassedOver
};

// What an article weighs in the queues: its text, plus a little for the rest of it.
inline size_t article_bytes(const Article& article) {
  return 1024 + article.title.size() + article.body.size();
}

}  // namespace newsarchive
