// Plain-text article reading; see text_article.h. The layouts are read in text_layout.cc.
#include "ingest/text_article.h"

#include <vector>

#include "ingest/byte_stream.h"
#include "ingest/text_layout.h"
#include "ingest/text_lines.h"
#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

// Releases the memory of `text`. (Assigning an empty string would not: libstdc++ keeps the
// buffer when it moves a short string in.)
void release(std::string& text) {
  std::string().swap(text);
}

// Decodes and cleans `text` in place: UTF-16 decoded, invalid UTF-8 read as Windows-1252,
// control characters removed; each repair with a warning. Returns false after skipping a binary
// file. At most one extra copy of the text exists at a time, and only while it is transcoded.
bool clean_text(std::string& text, const SourceLocation& where, ArticleSink& sink) {
  if (auto order = utf16_byte_order(text)) {
    // Checked before the NUL test: UTF-16 text is full of NUL bytes.
    sink.warn(where, std::string(utf16_name(*order)) + " text; transcoded to UTF-8");
    std::string decoded = transcode_utf16(std::string_view(text).substr(2), *order);
    text.swap(decoded);
  }
  if (size_t nul = text.find('\0'); nul != std::string::npos) {
    sink.skip(where, "binary file (NUL byte at offset " + std::to_string(nul) + ")");
    return false;
  }
  if (!is_valid_utf8(text)) {
    sink.warn(where, "invalid UTF-8; bytes read as Windows-1252");
    std::string repaired = transcode_invalid_utf8(text);
    text.swap(repaired);
  }
  strip_control_characters_in_place(text);
  return true;
}

}  // namespace

void parse_text_article(std::string content, const EntryFacts& entry, const ReadOptions& options,
                        const SourceLocation& where, ArticleSink& sink) {
  if (!clean_text(content, where, sink)) return;
  // Empty means nothing but whitespace once a byte-order mark and control characters are gone.
  if (is_blank_line(content)) return sink.skip(where, "empty file");
  std::vector<std::string> warnings;
  DraftArticle draft = read_text_layout(content, options.layout, warnings);
  draft.clean = true;  // read from the cleaned text
  release(content);  // the whole cleaned file is not needed while the article is indexed
  for (const std::string& warning : warnings) sink.warn(where, warning);
  finish_article(std::move(draft), entry, options.finish, where, sink);
}

void parse_text_article(std::string_view content, const std::string& id,
                        const SourceLocation& where, ArticleSink& sink) {
  parse_text_article(std::string(content), EntryFacts{id, id, std::nullopt}, ReadOptions{}, where,
                     sink);
}

bool read_text_article(const std::filesystem::path& path, const std::string& id,
                       const SourceLocation& where, ArticleSink& sink) {
  std::string content;
  try {
    std::unique_ptr<FileStream> file = FileStream::open(path);
    size_t size_hint = file->size_known() ? static_cast<size_t>(file->size()) : 0;
    if (file->size_known() && file->size() > kMaxTextArticleBytes) {
      sink.skip(where, "file larger than " + describe_bytes(kMaxTextArticleBytes));
      return true;
    }
    // Reads up to one byte past the limit, so a file that grew after it was opened (or a pipe,
    // which has no size) is caught too.
    if (!read_up_to(*file, kMaxTextArticleBytes, content, size_hint)) {
      sink.skip(where, "file larger than " + describe_bytes(kMaxTextArticleBytes));
      return true;
    }
  } catch (const StreamError& error) {
    sink.skip(where, error.what());
    return false;
  }
  parse_text_article(std::move(content), EntryFacts{id, id, std::nullopt}, ReadOptions{}, where,
                     sink);
  return true;
}

}  // namespace newsarchive
