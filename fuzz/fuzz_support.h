// Shared by the fuzz targets: a contract check that crashes, and an ArticleSink that discards
// what readers produce after checking the promises article.h and the readers' headers make.
//
// A broken contract must stop the fuzzer like a memory error does, so checks call abort()
// (which libFuzzer reports as a crash and saves the input) rather than throwing.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "ingest/article.h"
#include "text/date.h"
#include "text/text_cleanup.h"

namespace newsarchive::fuzz {

[[noreturn]] inline void contract_broken(const char* what) {
  std::fprintf(stderr, "fuzz contract broken: %s\n", what);
  std::abort();
}

inline void check(bool holds, const char* what) {
  if (!holds) contract_broken(what);
}

// Counts verdicts (accept or skip) and checks every accepted article: a title (article.h: "never
// empty once a reader hands the article on"), text repaired to valid UTF-8, and a date that
// make_date accepts.
class CheckingSink : public ArticleSink {
 public:
  void accept(Article article, const SourceLocation& /*where*/) override {
    ++verdicts_;
    check(!article.title.empty(), "accepted an article with an empty title");
    check(is_valid_utf8(article.title) && is_valid_utf8(article.body),
          "accepted an article whose text is not valid UTF-8");
    if (article.date)
      check(make_date(article.date->year, article.date->month, article.date->day) == article.date,
            "accepted an article with an impossible date");
  }
  void warn(const SourceLocation& /*where*/, const std::string& /*message*/) override {}
  void skip(const SourceLocation& /*where*/, const std::string& /*reason*/) override {
    ++verdicts_;
  }

  size_t verdicts() const { return verdicts_; }

 private:
  size_t verdicts_ = 0;
};

}  // namespace newsarchive::fuzz
