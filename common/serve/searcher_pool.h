// Searchers for the web server's threads. A Xapian::Database may be used by one thread at a
// time, so each request borrows a Searcher of its own; they are made on demand (at most one per
// concurrent request) and kept for the next request.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "query/search.h"

namespace newsarchive {

class SearcherPool {
 public:
  // Opens one Searcher at once, so a missing or unreadable database is an error at start-up
  // (the constructor throws what Searcher's does) rather than on the first request.
  explicit SearcherPool(std::vector<std::string> database_paths);

  // A borrowed Searcher, moved to the databases' latest revision; returned to the pool when
  // the lease ends.
  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher);
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }

   private:
    SearcherPool& pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  Lease borrow();

  const std::vector<std::string>& database_paths() const { return paths_; }

 private:
  void give_back(std::unique_ptr<Searcher> searcher);

  std::vector<std::string> paths_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Searcher>> idle_;
};

}  // namespace newsarchive
