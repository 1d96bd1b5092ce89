#include "serve/searcher_pool.h"

namespace newsarchive {

SearcherPool::SearcherPool(std::vector<std::string> database_paths)
    : paths_(std::move(database_paths)) {
  idle_.push_back(std::make_unique<Searcher>(paths_));
}

SearcherPool::Lease::Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher)
    : pool_(pool), searcher_(std::move(searcher)) {}

SearcherPool::Lease::~Lease() {
  pool_.give_back(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::borrow() {
  std::unique_ptr<Searcher> searcher;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (searcher) {
    searcher->refresh();
  } else {
    searcher = std::make_unique<Searcher>(paths_);  // opened now: already the latest revision
  }
  return Lease(*this, std::move(searcher));
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(searcher));
}

}  // namespace newsarchive
