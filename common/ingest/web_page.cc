#include "ingest/web_page.h"

#include <exception>
#include <utility>

#include "ingest/article_body.h"
#include "ingest/html_document.h"
#include "ingest/web_page_metadata.h"

namespace newsarchive {

DraftArticle parse_web_page(std::string_view bytes, const WebPageHints& hints) {
  DraftArticle draft;
  draft.format = "html";
  // The readers below throw nothing of their own; memory running out on a monstrous page gives
  // an empty draft (skipped by the finishing step) rather than ending the run.
  try {
    HtmlDocument page = HtmlDocument::parse(bytes, hints.charset);
    PageMetadata metadata = read_page_metadata(page, hints);
    draft.title = std::move(metadata.title);
    draft.author = std::move(metadata.author);
    draft.source = std::move(metadata.source);
    draft.url = std::move(metadata.url);
    draft.date = metadata.date;
    draft.date_from = std::move(metadata.date_from);
    draft.body = extract_article_body(page);
  } catch (const std::exception&) {
    draft = DraftArticle{};
    draft.format = "html";
  }
  return draft;
}

}  // namespace newsarchive
