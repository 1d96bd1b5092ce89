#include "serve/listen_address.h"

#include <arpa/inet.h>

#include <charconv>

#include "text/ascii.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

bool is_ipv4_literal(const std::string& host) {
  in_addr address{};
  return inet_pton(AF_INET, host.c_str(), &address) == 1;
}

bool is_ipv6_literal(const std::string& host) {
  in6_addr address{};
  return inet_pton(AF_INET6, host.c_str(), &address) == 1;
}

// The port of "…:PORT", or -1 when it is not a whole number from 0 to 65535.
int parse_port(std::string_view text) {
  int port = -1;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (error != std::errc() || end != text.data() + text.size() || text.empty() || port < 0 ||
      port > 65535)
    return -1;
  return port;
}

// Splits "host:port" and "[v6]:port"; `port_text` is empty when there is no port.
bool split_host_port(std::string_view text, std::string& host, std::string_view& port_text) {
  if (text.starts_with('[')) {
    size_t close = text.find(']');
    if (close == std::string_view::npos) return false;
    host = std::string(text.substr(1, close - 1));
    std::string_view rest = text.substr(close + 1);
    if (!rest.empty() && !rest.starts_with(':')) return false;
    port_text = rest.empty() ? rest : rest.substr(1);
    return is_ipv6_literal(host);
  }
  size_t colon = text.rfind(':');
  if (colon != std::string_view::npos && text.find(':') != colon) return false;  // bare v6
  host = std::string(text.substr(0, colon));
  port_text = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  return true;
}

}  // namespace

ListenAddress parse_listen_address(const std::string& text) {
  std::string host;
  std::string_view port_text;
  auto fail = [&](const std::string& why) -> ListenAddress {
    throw UserError("invalid --listen " + quote_value(text) + ": " + why +
                    " (give HOST:PORT, such as 127.0.0.1:8080 or [::1]:8080)");
  };
  if (!split_host_port(text, host, port_text)) return fail("not HOST:PORT");
  if (port_text.empty()) return fail("no port");
  int port = parse_port(port_text);
  if (port < 0) return fail("the port must be 0 to 65535");
  if (host != "localhost" && !is_ipv4_literal(host) && !is_ipv6_literal(host))
    return fail("the host must be an IP address or localhost");
  return ListenAddress{host, port};
}

bool is_loopback(const ListenAddress& address) {
  if (address.host == "localhost" || address.host == "::1") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, address.host.c_str(), &v4) == 1)
    return (ntohl(v4.s_addr) >> 24) == 127;
  return false;
}

bool host_header_names_server(std::string_view host_header, int port,
                              const std::vector<std::string>& extra_names) {
  std::string host;
  std::string_view port_text;
  if (host_header.empty() || !split_host_port(host_header, host, port_text)) return false;
  int given_port = port_text.empty() ? 80 : parse_port(port_text);
  if (given_port != port) return false;
  std::string name = ascii_lower(host);
  if (name == "localhost" || is_ipv4_literal(name) || is_ipv6_literal(name)) return true;
  for (const std::string& extra : extra_names)
    if (ascii_lower(extra) == name) return true;
  return false;
}

}  // namespace newsarchive
