// The cluster pass and its marks; see story_clusters.h.
#include "index/story_clusters.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "store/schema.h"
#include "store/story_signature.h"

namespace newsarchive {
namespace {

const std::string kMark(schema::kReclusterTerm);

bool has_term(const Xapian::Document& document, const std::string& term) {
  Xapian::TermIterator it = document.termlist_begin();
  it.skip_to(term);
  return it != document.termlist_end() && *it == term;
}

// The article's id without its prefix: the id term is the only term starting with kIdPrefix.
std::string story_key_of(const Xapian::Document& document) {
  const std::string prefix(schema::kIdPrefix);
  Xapian::TermIterator it = document.termlist_begin();
  it.skip_to(prefix);
  if (it == document.termlist_end() || !(*it).starts_with(prefix)) return "";
  return (*it).substr(prefix.size());
}

class ClusterPass {
 public:
  explicit ClusterPass(Xapian::WritableDatabase& database) : database_(database) {}

  ClusterPassCounts run() {
    bool all = !database_.get_metadata(std::string(schema::kReclusterAllKey)).empty();
    for (auto it = database_.postlist_begin(kMark); it != database_.postlist_end(kMark); ++it)
      marked_.insert(*it);
    std::vector<Xapian::docid> seeds;
    const std::string every = all ? std::string() : kMark;
    for (auto it = database_.postlist_begin(every); it != database_.postlist_end(every); ++it)
      seeds.push_back(*it);
    // Every group is found before any is written: the walk reads band postlists and signatures,
    // which writing keys leaves alone, but it is simpler to reason about a pass that reads first.
    std::vector<std::vector<Xapian::docid>> groups;
    for (Xapian::docid seed : seeds)
      if (!placed_.contains(seed)) groups.push_back(group_of(seed));
    for (const auto& group : groups) write_keys(group);
    if (all) database_.set_metadata(std::string(schema::kReclusterAllKey), "");
    return counts_;
  }

 private:
  std::string signature(Xapian::docid docid) {
    return database_.get_document(docid, Xapian::DOC_ASSUME_VALID)
        .get_value(schema::kSignatureSlot);
  }

  // The connected group of confirmed pairs that holds `seed`, walked breadth first.
  std::vector<Xapian::docid> group_of(Xapian::docid seed) {
    std::vector<Xapian::docid> members{seed};
    placed_.insert(seed);
    for (size_t next = 0; next < members.size(); ++next) {
      std::string own = signature(members[next]);
      for (const std::string& term : band_terms(own)) {
        for (auto it = database_.postlist_begin(term); it != database_.postlist_end(term); ++it) {
          if (placed_.contains(*it) || !same_story(own, signature(*it))) continue;
          placed_.insert(*it);
          members.push_back(*it);
        }
      }
    }
    return members;
  }

  void write_keys(const std::vector<Xapian::docid>& group) {
    counts_.examined += group.size();
    std::vector<Xapian::Document> documents;
    std::string key;
    for (Xapian::docid docid : group) {
      documents.push_back(database_.get_document(docid));
      std::string own = story_key_of(documents.back());
      if (key.empty() || own < key) key = own;
    }
    if (group.size() < 2)
      key.clear();
    else
      ++counts_.stories;
    for (size_t k = 0; k < group.size(); ++k) write_key(group[k], documents[k], key);
  }

  void write_key(Xapian::docid docid, Xapian::Document& document, const std::string& key) {
    std::string old = document.get_value(schema::kStorySlot);
    bool marked = marked_.contains(docid);
    if (old == key && !marked) return;
    const std::string prefix(schema::kStoryPrefix);
    if (!old.empty() && has_term(document, prefix + old)) document.remove_term(prefix + old);
    if (key.empty()) {
      if (!old.empty()) document.remove_value(schema::kStorySlot);
    } else {
      document.add_value(schema::kStorySlot, key);
      document.add_boolean_term(prefix + key);
    }
    if (marked) document.remove_term(kMark);
    database_.replace_document(docid, document);
    ++counts_.rewritten;
  }

  Xapian::WritableDatabase& database_;
  std::unordered_set<Xapian::docid> marked_;
  std::unordered_set<Xapian::docid> placed_;
  ClusterPassCounts counts_;
};

}  // namespace

void mark_for_clustering(Xapian::Document& document) {
  document.add_boolean_term(kMark);
}

void mark_story_mates(Xapian::WritableDatabase& database, const std::string& id_term) {
  Xapian::PostingIterator own = database.postlist_begin(id_term);
  if (own == database.postlist_end(id_term)) return;
  std::string key = database.get_document(*own).get_value(schema::kStorySlot);
  if (key.empty()) return;
  const std::string story = std::string(schema::kStoryPrefix) + key;
  std::vector<Xapian::docid> mates;
  for (auto it = database.postlist_begin(story); it != database.postlist_end(story); ++it)
    if (*it != *own) mates.push_back(*it);
  for (Xapian::docid mate : mates) {
    Xapian::Document document = database.get_document(mate);
    if (has_term(document, kMark)) continue;
    mark_for_clustering(document);
    database.replace_document(mate, document);
  }
}

ClusterPassCounts run_cluster_pass(Xapian::WritableDatabase& database) {
  return ClusterPass(database).run();
}

}  // namespace newsarchive
