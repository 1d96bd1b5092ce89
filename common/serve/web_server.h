// `newssearch serve`: the search page and the JSON API over HTTP (cpp-httplib), read-only.
//
// Every request, before it is routed and before any body is read, must be GET or HEAD (405
// otherwise), name this server in its Host header (403), fit kMaxTargetBytes (414), and find a
// free worker or a place in the line (503). Every response carries a Content-Security-Policy
// that allows no inline script and no other origin, and no CORS header. One access-log line per
// request: method, path, status, milliseconds.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "serve/listen_address.h"

namespace newsarchive {

struct ServeOptions {
  std::vector<std::string> databases;
  ListenAddress listen;
  size_t threads = 16;       // workers; each holds its own Searcher
  size_t max_waiting = 64;   // accepted connections waiting for a worker; more get 503
  std::string log_file;      // the access log; empty: stderr
  std::vector<std::string> host_names;  // names the Host header may give besides IP literals
};

// Longest request target (path and query) accepted.
inline constexpr size_t kMaxTargetBytes = 4096;

inline constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// Serves until SIGTERM or SIGINT, then finishes the requests under way and returns 0. Prints
// "listening on http://HOST:PORT" on stderr once bound (the chosen port when 0 was asked
// for). Throws UserError when the databases cannot be opened or the address cannot be bound.
int run_web_server(const ServeOptions& options);

}  // namespace newsarchive
