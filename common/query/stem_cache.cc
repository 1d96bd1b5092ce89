// See stem_cache.h.
#include "query/stem_cache.h"

#include <string>
#include <unordered_map>

namespace newsarchive {
namespace {

class CachingStemmer : public Xapian::StemImplementation {
 public:
  explicit CachingStemmer(const Xapian::Stem& stemmer) : stemmer_(stemmer) {}

  std::string operator()(const std::string& word) override {
    if (auto it = stems_.find(word); it != stems_.end()) return it->second;
    std::string stem = stemmer_(word);
    stems_.emplace(word, stem);
    return stem;
  }

  std::string get_description() const override { return "caching " + stemmer_.get_description(); }

 private:
  Xapian::Stem stemmer_;
  std::unordered_map<std::string, std::string> stems_;
};

}  // namespace

Xapian::Stem make_caching_stemmer(const Xapian::Stem& stemmer) {
  // "No stemming" must stay recognisable as such to Xapian (snippets then skip stem lookups).
  if (stemmer.is_none()) return stemmer;
  return Xapian::Stem(new CachingStemmer(stemmer));
}

}  // namespace newsarchive
