// Choosing and opening an indexing run's target; see index_target.h.
#include "index/index_target.h"

#include <algorithm>

#include "index/direct_writer.h"
#include "index/sharded_load.h"
#include "store/analyzer.h"
#include "store/database_open.h"
#include "store/metadata.h"
#include "store/revision_retry.h"
#include "store/schema.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

// An existing database keeps the language it was built with.
std::string resolve_language(Xapian::WritableDatabase& database, const std::string& requested) {
  std::string stored = database.get_metadata(std::string(schema::kLanguageKey));
  if (stored.empty()) return requested.empty() ? kDefaultLanguage : requested;
  if (!requested.empty() && requested != stored)
    throw UserError("database was built with language " + quote_value(stored) + ", not " +
                    quote_value(requested) + "; use a new --db to change language");
  return stored;
}

// The language of a rebuild: the one asked for, else the old database's if it can still be
// read, else the default.
std::string rebuild_language(const IndexOptions& options) {
  if (!options.language.empty()) return options.language;
  try {
    std::string stored = retry_on_revision_change(nullptr, [&] {
      return Xapian::Database(options.database.string())
          .get_metadata(std::string(schema::kLanguageKey));
    });
    if (!stored.empty()) return stored;
  } catch (const Xapian::Error&) {  // damaged or gone: what a rebuild is for
  }
  return kDefaultLanguage;
}

// How many staging shards this run loads through, 0 to write directly: only into an empty
// database (merging into a full one would rewrite it all), resuming an earlier load's shards.
size_t staging_shards(const Xapian::WritableDatabase& database, const IndexOptions& options,
                      StagingArea& staging, size_t left_by_earlier_run, spdlog::logger& log) {
  if (database.get_doccount() == 0) {
    if (left_by_earlier_run > 0) {
      log.info("resuming the bulk load in {} ({} shards)", staging.directory().string(),
               left_by_earlier_run);
      return left_by_earlier_run;
    }
    return options.writers > 1 ? options.writers : 0;
  }
  if (left_by_earlier_run > 0) {
    log.warn("{}: discarding an unfinished bulk load; the database already holds articles",
             staging.directory().string());
    staging.remove();
  }
  return 0;
}

ShardedLoadOptions sharded_load_options(const IndexOptions& options, size_t shards,
                                        const std::string& language) {
  return ShardedLoadOptions{options.database,       shards,         language, options.commit_every,
                            options.commit_seconds, options.rebuild};
}

}  // namespace

IndexTarget open_index_target(const IndexOptions& options, StagingArea& staging,
                              spdlog::logger& log) {
  size_t left_by_earlier_run = staging.recover(log, options.rebuild);
  IndexTarget target;
  if (options.rebuild) {
    // A rebuild starts from nothing (shards left by an earlier run may be what is damaged) and
    // loads everything into staging shards, exchanged with the database at the end, so a
    // damaged database stays readable until that moment.
    if (left_by_earlier_run > 0) staging.remove();
    target.language = rebuild_language(options);
    log.info("rebuilding {} from the archive", options.database.string());
    target.sink = std::make_unique<ShardedLoad>(
        sharded_load_options(options, std::max<size_t>(1, options.writers), target.language),
        Xapian::WritableDatabase(), staging, log);
    return target;
  }
  Xapian::WritableDatabase database = open_writable_database(options.database);
  target.language = resolve_language(database, options.language);
  write_schema_metadata(database, target.language);
  // The snapshot the analysis thread reads needs a committed revision to open.
  database.commit();
  size_t shards = staging_shards(database, options, staging, left_by_earlier_run, log);
  if (shards == 0)
    target.sink =
        std::make_unique<DirectWriter>(std::move(database), options.database,
                                       CommitPolicy(options.commit_every, options.commit_seconds));
  else
    target.sink = std::make_unique<ShardedLoad>(
        sharded_load_options(options, shards, target.language), std::move(database), staging, log);
  return target;
}

}  // namespace newsarchive
