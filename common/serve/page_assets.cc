// The assets are embedded with the assembler's .incbin, as the entity model is; CMake passes
// each file's path and rebuilds this object when one changes.
#include "serve/page_assets.h"

#include <array>

#if !defined(NEWSARCHIVE_PAGE_HTML) || !defined(NEWSARCHIVE_PAGE_JS) || \
    !defined(NEWSARCHIVE_PAGE_CSS) || !defined(NEWSARCHIVE_OPENAPI_JSON)
#error "CMake must pass the paths of the page files and of openapi.json"
#endif

// Defines NAME_begin and NAME_end around the bytes of FILE, in read-only data.
#define NEWSARCHIVE_EMBED(NAME, FILE)   \
  asm(".pushsection .rodata\n"          \
      ".globl " #NAME "_begin\n"        \
      ".hidden " #NAME "_begin\n" #NAME \
      "_begin:\n"                       \
      ".incbin \"" FILE                 \
      "\"\n"                            \
      ".globl " #NAME "_end\n"          \
      ".hidden " #NAME "_end\n" #NAME   \
      "_end:\n"                         \
      ".popsection\n");                 \
  extern "C" const char NAME##_begin[]; \
  extern "C" const char NAME##_end[];

NEWSARCHIVE_EMBED(newsarchive_page_html, NEWSARCHIVE_PAGE_HTML)
NEWSARCHIVE_EMBED(newsarchive_page_js, NEWSARCHIVE_PAGE_JS)
NEWSARCHIVE_EMBED(newsarchive_page_css, NEWSARCHIVE_PAGE_CSS)
NEWSARCHIVE_EMBED(newsarchive_openapi_json, NEWSARCHIVE_OPENAPI_JSON)

namespace newsarchive {
namespace {

std::string_view bytes(const char* begin, const char* end) {
  return std::string_view(begin, static_cast<size_t>(end - begin));
}

}  // namespace

const PageAsset* find_page_asset(std::string_view path) {
  static const std::array<PageAsset, 4> assets = {{
      {"/", "text/html; charset=utf-8", bytes(newsarchive_page_html_begin, newsarchive_page_html_end)},
      {"/assets/app.js", "text/javascript; charset=utf-8",
       bytes(newsarchive_page_js_begin, newsarchive_page_js_end)},
      {"/assets/app.css", "text/css; charset=utf-8",
       bytes(newsarchive_page_css_begin, newsarchive_page_css_end)},
      {"/api/openapi.json", "application/json",
       bytes(newsarchive_openapi_json_begin, newsarchive_openapi_json_end)},
  }};
  for (const PageAsset& asset : assets)
    if (asset.path == path) return &asset;
  return nullptr;
}

}  // namespace newsarchive
