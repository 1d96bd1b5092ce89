// Input dispatch; see input_reader.h.
#include "ingest/input_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "ingest/bundle.h"
#include "ingest/byte_stream.h"
#include "ingest/feed_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/text_article.h"
#include "ingest/warc_reader.h"
#include "ingest/web_page.h"
#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

// One readable unit: a file, or a member of a bundle.
struct Entry {
  std::string id;       // path id
  std::string display;  // for messages
  std::string name;     // file or member name, for its kind
  std::optional<std::int64_t> mtime;
};

// A stream whose first bytes were read ahead to sniff its kind, and are replayed.
class PeekedStream : public ByteStream {
 public:
  explicit PeekedStream(ByteStream& inner) : inner_(inner) {
    head_.resize(4096);
    size_t filled = 0;
    while (filled < head_.size()) {
      size_t got = inner_.read(head_.data() + filled, head_.size() - filled);
      if (got == 0) break;
      filled += got;
    }
    head_.resize(filled);
  }
  const std::string& head() const { return head_; }
  size_t read(char* buffer, size_t size) override {
    if (offset_ < head_.size()) {
      size_t take = std::min(size, head_.size() - offset_);
      std::memcpy(buffer, head_.data() + offset_, take);
      offset_ += take;
      return take;
    }
    return inner_.read(buffer, size);
  }
  std::uint64_t position_on_disk() const override { return inner_.position_on_disk(); }

 private:
  ByteStream& inner_;
  std::string head_;
  size_t offset_ = 0;
};

class InputReader {
 public:
  InputReader(const ReadOptions& options, ArticleSink& sink, std::uint64_t* bytes_on_disk)
      : options_(options), sink_(sink), bytes_on_disk_(bytes_on_disk) {}

  // Reads `stream` as `kind`. Throws StreamError when it cannot be read on.
  void read(const Entry& entry, ByteStream& stream, NamedKind kind) {
    if (kind.compressed) {
      std::unique_ptr<ByteStream> plain = decompressing(stream);
      return read(entry, *plain, NamedKind{kind.kind, false});
    }
    switch (kind.kind) {
      case InputKind::kBundle:
        return read_bundle(entry, stream);
      case InputKind::kJsonLines:
        read_jsonl(entry, stream);
        return;
      case InputKind::kWarc:
        return read_warc_file(entry, stream);
      case InputKind::kText:
      case InputKind::kWebPage:
      case InputKind::kFeed:
      case InputKind::kXml:
        return read_whole(entry, stream, kind.kind);
      case InputKind::kUnknown: {
        PeekedStream peeked(stream);
        return read(entry, peeked, NamedKind{sniff_kind(peeked.head()), false});
      }
    }
  }

  // False once any part of the input could not be read to its end.
  bool complete() const { return complete_; }

 private:
  SourceLocation where(const Entry& entry) const { return SourceLocation{entry.display, 0}; }
  EntryFacts facts(const Entry& entry) const { return EntryFacts{entry.id, entry.id, entry.mtime}; }

  void publish_progress(ByteStream& stream) {
    if (bytes_on_disk_) *bytes_on_disk_ = stream.position_on_disk();
  }

  void read_bundle(const Entry& bundle, ByteStream& stream) {
    size_t members = 0;
    for_each_member(stream, [&](const BundleMember& member, ByteStream& content) {
      ++members;
      std::string name = member.path.substr(member.path.rfind('/') + 1);
      Entry entry{bundle.id + ":" + member.path, bundle.display + ":" + member.path, name,
                  member.mtime};
      NamedKind kind = kind_of_name(name);
      if (kind.kind == InputKind::kUnknown)
        return sink_.pass_over(where(bundle), "bundle member " + extension_label(name), 1);
      try {
        read(entry, content, kind);
      } catch (const StreamError& error) {
        // The member's own data is damaged (a corrupt compressed member); the bundle may be
        // fine, and if it is not, for_each_member says so on the next member.
        sink_.skip(where(entry), error.what());
        complete_ = false;
      }
      publish_progress(stream);
    });
    if (members == 0) sink_.warn(where(bundle), "bundle holds no files");
  }

  void read_jsonl(const Entry& entry, ByteStream& stream) {
    if (!read_jsonl_stream(stream, facts(entry), options_.finish, entry.display, sink_,
                           bytes_on_disk_))
      complete_ = false;
  }

  void read_warc_file(const Entry& entry, ByteStream& stream) {
    WarcSummary summary =
        read_warc(stream, kMaxWholeInputBytes, [&](DraftArticle draft, std::uint64_t record) {
          SourceLocation at{entry.display, static_cast<long>(record), "record"};
          // A page's own path is its URL, which the web-page reader already read for a date.
          finish_article(std::move(draft), EntryFacts{entry.id, "", entry.mtime}, options_.finish,
                         at, sink_);
          publish_progress(stream);
        });
    for (const auto& [reason, count] : summary.skipped)
      sink_.pass_over(where(entry), "WARC " + reason, count);
  }

  void read_whole(const Entry& entry, ByteStream& stream, InputKind kind) {
    std::string content;
    if (!read_up_to(stream, kMaxWholeInputBytes, content))
      return sink_.skip(where(entry), "larger than " + describe_bytes(kMaxWholeInputBytes));
    publish_progress(stream);
    switch (kind) {
      case InputKind::kText:
        return parse_text_article(std::move(content), facts(entry), options_, where(entry), sink_);
      case InputKind::kWebPage:
        return finish_article(parse_web_page(content, WebPageHints{}), facts(entry),
                              options_.finish, where(entry), sink_);
      default:
        return read_feed(entry, content, kind);
    }
  }

  void read_feed(const Entry& entry, const std::string& document, InputKind kind) {
    if (kind == InputKind::kXml && !looks_like_feed(std::string_view(document).substr(0, 4096)))
      return sink_.pass_over(where(entry), "XML that is not a feed", 1);
    long item = 0;
    std::string error = parse_feed(document, [&](DraftArticle draft) {
      ++item;
      if (draft.id.empty()) draft.id = entry.id + "#" + std::to_string(item);
      finish_article(std::move(draft), EntryFacts{entry.id, entry.id, entry.mtime}, options_.finish,
                     SourceLocation{entry.display, item, "item"}, sink_);
    });
    if (!error.empty()) {
      sink_.skip(where(entry),
                 item == 0 ? "not a feed: " + error
                           : "feed damaged after item " + std::to_string(item) + ": " + error);
    }
  }

  const ReadOptions& options_;
  ArticleSink& sink_;
  std::uint64_t* bytes_on_disk_;
  bool complete_ = true;
};

std::optional<std::int64_t> modification_time(const std::filesystem::path& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return std::nullopt;
  return static_cast<std::int64_t>(status.st_mtime);
}

}  // namespace

bool read_input(const InputFile& file, const ReadOptions& options, ArticleSink& sink,
                std::uint64_t* bytes_on_disk) {
  Entry entry{file.relative_id, file.display_path, file.path.filename().string(),
              options.finish.dates_from_mtime ? modification_time(file.path) : std::nullopt};
  InputReader reader(options, sink, bytes_on_disk);
  try {
    std::unique_ptr<FileStream> stream = FileStream::open(file.path);
    reader.read(entry, *stream, file.kind);
  } catch (const StreamError& error) {
    sink.skip(SourceLocation{file.display_path, 0}, error.what());
    return false;
  }
  return reader.complete();
}

bool read_named_stream(ByteStream& stream, const std::string& name, const std::string& id,
                       const std::string& display, const ReadOptions& options, ArticleSink& sink) {
  InputReader reader(options, sink, nullptr);
  try {
    reader.read(Entry{id, display, name, std::nullopt}, stream, kind_of_name(name));
  } catch (const StreamError& error) {
    sink.skip(SourceLocation{display}, error.what());
    return false;
  }
  return reader.complete();
}

}  // namespace newsarchive
