// The document data stored with each article: one versioned JSON object.
//
//   {"v": 1, "id": "...", "date": "2020-01-06" | null, "title": "...", "body": "...",
//    "source": "...", "url": "...", "author": "...",
//    "persons": [...], "places": [...], "organizations": [...]}
// Empty optional fields are left out.
//
// The body is stored whole because snippets are cut from it at search time.
#pragma once

#include <string>
#include <string_view>

#include "ingest/article.h"

namespace newsarchive {

inline constexpr int kDocumentDataVersion = 1;

std::string encode_document_data(const Article& article);

// Throws std::runtime_error when the data is not a JSON object, has an unknown version, or holds
// a field of the wrong type.
Article decode_document_data(std::string_view data);

}  // namespace newsarchive
