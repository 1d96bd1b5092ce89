// The files `newssearch serve` sends as they are: the search page (page/index.html, its
// page/app.js and page/app.css) and the OpenAPI description (openapi.json), compiled into the
// program so that it needs nothing beside it and works offline.
#pragma once

#include <string_view>

namespace newsarchive {

struct PageAsset {
  std::string_view path;          // the URL path it is served at
  std::string_view content_type;  // with its charset
  std::string_view body;
};

// The asset served at `path`, or nullptr.
const PageAsset* find_page_asset(std::string_view path);

}  // namespace newsarchive
