// The document sink that writes straight into the database, on the run's calling thread: every
// run but a bulk load into an empty database.
#pragma once

#include <xapian.h>

#include <filesystem>

#include "index/commit_policy.h"
#include "index/document_sink.h"

namespace newsarchive {

class DirectWriter : public DocumentSink {
 public:
  // Writes into `database` (open, with a committed revision for the snapshot) at `path`.
  DirectWriter(Xapian::WritableDatabase database, const std::filesystem::path& path,
               CommitPolicy policy);

  std::vector<std::string> snapshot_paths() const override { return {path_.string()}; }
  bool builds_documents() const override { return false; }
  void store(WorkItem& item) override;
  void after_article(const Checkpoint& checkpoint) override;
  void finish() override {}
  size_t prune(const std::unordered_set<std::string>& keep) override;
  void close(const std::string& last_run, const Checkpoint& checkpoint) override;
  size_t added() const override { return added_; }
  size_t changed() const override { return changed_; }

 private:
  void commit(const Checkpoint& checkpoint);

  Xapian::WritableDatabase database_;
  std::filesystem::path path_;
  CommitPolicy policy_;
  EntitySlotCounts slots_;  // the most any article uses of each kind, this run or earlier ones
  size_t added_ = 0;
  size_t changed_ = 0;
};

}  // namespace newsarchive
