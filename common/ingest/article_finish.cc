// The shared finishing step; see article_finish.h.
#include "ingest/article_finish.h"

#include <chrono>
#include <tuple>

#include "ingest/path_date.h"
#include "text/headline.h"
#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

// Valid UTF-8 without control characters; one warning per article however many fields needed it.
void clean_field(std::string& value, bool& repaired) {
  if (!is_valid_utf8(value)) {
    value = transcode_invalid_utf8(value);
    repaired = true;
  }
  strip_control_characters_in_place(value);
}

// Runs of whitespace (newlines included) become one space; ends trimmed.
std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool is_plausible(const Date& date, const std::string& from, const SourceLocation& where,
                  ArticleSink& sink) {
  if (date <= latest_plausible_date(today_utc())) return true;
  sink.warn(where, "date " + date.iso() + " (" + from + ") is more than a year in the future; " +
                       "not used");
  return false;
}

// Picks the article's date by the documented order.
void choose_date(const DraftArticle& draft, const EntryFacts& entry, const FinishOptions& options,
                 const SourceLocation& where, ArticleSink& sink, Article& article) {
  auto offer = [&](const std::optional<Date>& date, const std::string& from) {
    if (article.date || !date || !is_plausible(*date, from, where, sink)) return;
    article.date = date;
    article.date_from = from;
  };
  offer(draft.date, draft.date_from.empty() ? "text" : draft.date_from);
  if (!article.date && !entry.path.empty()) offer(date_from_path(entry.path), "path");
  offer(draft.fallback_date, draft.fallback_date_from);
  if (!article.date && options.dates_from_mtime && entry.mtime)
    offer(date_of_time(*entry.mtime), "mtime");
}

}  // namespace

std::optional<Date> date_of_time(std::int64_t seconds) {
  using namespace std::chrono;
  year_month_day day{floor<days>(sys_seconds{std::chrono::seconds{seconds}})};
  return make_date(static_cast<int>(day.year()), static_cast<int>(unsigned(day.month())),
                   static_cast<int>(unsigned(day.day())));
}

void finish_article(DraftArticle draft, const EntryFacts& entry, const FinishOptions& options,
                    const SourceLocation& where, ArticleSink& sink) {
  Article article;
  if (draft.id.empty())
    article.id = entry.id;
  else
    article.id = std::move(draft.id);
  bool repaired = false;
  clean_field(article.id, repaired);
  if (!draft.clean)
    for (std::string* field :
         {&draft.title, &draft.body, &draft.author, &draft.source, &draft.url, &draft.place})
      clean_field(*field, repaired);
  if (repaired) sink.warn(where, "invalid UTF-8; bytes read as Windows-1252");
  article.title = std::move(draft.title);
  article.title_from_body = draft.title_from_body;
  article.body = std::move(draft.body);
  article.author = std::move(draft.author);
  article.source = std::move(draft.source);
  article.url = std::move(draft.url);
  article.place = std::move(draft.place);
  for (auto [field, name, limit] : {std::tuple{&article.title, "title", kMaxFieldBytes},
                                    {&article.body, "body", kMaxBodyBytes},
                                    {&article.source, "source", kMaxFieldBytes},
                                    {&article.url, "url", kMaxFieldBytes},
                                    {&article.author, "author", kMaxFieldBytes},
                                    {&article.place, "place", kMaxFieldBytes}}) {
    if (auto warning = limit_field(*field, name, limit)) sink.warn(where, *warning);
  }
  // Single-line fields: a headline or name broken over lines by its source reads as one line.
  for (std::string* field :
       {&article.title, &article.author, &article.source, &article.url, &article.place})
    *field = collapse_whitespace(*field);
  if (article.id.empty()) return sink.skip(where, "no id");
  if (article.title.empty() && article.body.empty()) return sink.skip(where, "no article text");
  if (article.title.empty()) {
    article.title = first_sentence(article.body);
    article.title_from_body = true;
  }
  choose_date(draft, entry, options, where, sink, article);
  article.format = std::move(draft.format);
  article.layout = std::move(draft.layout);
  sink.accept(std::move(article), where);
}

}  // namespace newsarchive
