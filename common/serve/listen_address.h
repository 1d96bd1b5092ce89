// Where `newssearch serve` listens, as given by --listen, and which Host headers name it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsarchive {

struct ListenAddress {
  std::string host;  // an IPv4 or IPv6 literal (no brackets), or "localhost"
  int port = 0;      // 0: any free port, chosen when the server binds
};

// The default: loopback only. Another address must be asked for.
inline constexpr std::string_view kDefaultListen = "127.0.0.1:8080";

// Parses "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080", "0.0.0.0:80", "localhost:8080"). Throws
// UserError naming what is wrong. Host names other than localhost are refused: the server binds
// an address, and a name would hide which one.
ListenAddress parse_listen_address(const std::string& text);

// Whether the address accepts connections from this machine only.
bool is_loopback(const ListenAddress& address);

// Whether a request's Host header names this server, listening on `address` at `port` (the
// port actually bound). A defence against DNS rebinding, where a page from another site reaches
// a loopback server through a name of the attacker's that resolves to 127.0.0.1: accepted are
// IP literals and "localhost" (no attacker controls those), and the names in `extra_names`
// (--host-name, for a server reached by a name), each with the bound port (or no port when that
// is 80). Case is ignored in names.
bool host_header_names_server(std::string_view host_header, int port,
                              const std::vector<std::string>& extra_names);

}  // namespace newsarchive
