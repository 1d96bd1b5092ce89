// Tests for listen_address: --listen values, loopback, and which Host headers name the server.
#include "serve/listen_address.h"

#include <gtest/gtest.h>

#include "text/errors.h"

namespace newsarchive {
namespace {

TEST(ParseListenAddress, TakesIpv4Ipv6AndLocalhostWithAPort) {
  ListenAddress v4 = parse_listen_address("127.0.0.1:8080");
  EXPECT_EQ(v4.host, "127.0.0.1");
  EXPECT_EQ(v4.port, 8080);
  ListenAddress v6 = parse_listen_address("[::1]:9000");
  EXPECT_EQ(v6.host, "::1");
  EXPECT_EQ(v6.port, 9000);
  EXPECT_EQ(parse_listen_address("localhost:0").port, 0);
  EXPECT_EQ(parse_listen_address("0.0.0.0:80").host, "0.0.0.0");
}

TEST(ParseListenAddress, RefusesWhatIsNotHostAndPort) {
  for (const char* bad : {"8080", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1",
                          "127.0.0.1:80x", "example.com:80", "::1:80", "[::1:80", "[::1]x80",
                          "300.1.1.1:80", ""})
    EXPECT_THROW(parse_listen_address(bad), UserError) << bad;
}

TEST(ParseListenAddress, SaysWhatIsWrong) {
  try {
    parse_listen_address("127.0.0.1:99999");
    FAIL() << "no error";
  } catch (const UserError& error) {
    EXPECT_STREQ(error.what(),
                 "invalid --listen '127.0.0.1:99999': the port must be 0 to 65535 (give "
                 "HOST:PORT, such as 127.0.0.1:8080 or [::1]:8080)");
  }
}

TEST(IsLoopback, KnowsTheLoopbackAddresses) {
  EXPECT_TRUE(is_loopback({"127.0.0.1", 1}));
  EXPECT_TRUE(is_loopback({"127.5.6.7", 1}));
  EXPECT_TRUE(is_loopback({"::1", 1}));
  EXPECT_TRUE(is_loopback({"localhost", 1}));
  EXPECT_FALSE(is_loopback({"0.0.0.0", 1}));
  EXPECT_FALSE(is_loopback({"192.168.1.2", 1}));
  EXPECT_FALSE(is_loopback({"::", 1}));
}

TEST(HostHeader, IpLiteralsAndLocalhostWithTheBoundPortNameTheServer) {
  EXPECT_TRUE(host_header_names_server("127.0.0.1:8080", 8080, {}));
  EXPECT_TRUE(host_header_names_server("localhost:8080", 8080, {}));
  EXPECT_TRUE(host_header_names_server("LOCALHOST:8080", 8080, {}));
  EXPECT_TRUE(host_header_names_server("[::1]:8080", 8080, {}));
  EXPECT_TRUE(host_header_names_server("192.168.1.2:8080", 8080, {}));
}

TEST(HostHeader, ANameOfSomeoneElsesIsRefused) {
  // DNS rebinding: evil.example resolves to 127.0.0.1, and the browser sends its name.
  EXPECT_FALSE(host_header_names_server("evil.example:8080", 8080, {}));
  EXPECT_FALSE(host_header_names_server("localhost.evil.example:8080", 8080, {}));
  EXPECT_FALSE(host_header_names_server("", 8080, {}));
}

TEST(HostHeader, ThePortMustBeTheBoundOne) {
  EXPECT_FALSE(host_header_names_server("127.0.0.1:8081", 8080, {}));
  EXPECT_FALSE(host_header_names_server("127.0.0.1", 8080, {}));
  EXPECT_TRUE(host_header_names_server("127.0.0.1", 80, {}));
  EXPECT_FALSE(host_header_names_server("127.0.0.1:x", 8080, {}));
}

TEST(HostHeader, GivenNamesAreAccepted) {
  std::vector<std::string> names = {"archive.newsroom.lan"};
  EXPECT_TRUE(host_header_names_server("archive.newsroom.lan:8080", 8080, names));
  EXPECT_TRUE(host_header_names_server("Archive.Newsroom.LAN:8080", 8080, names));
  EXPECT_FALSE(host_header_names_server("other.newsroom.lan:8080", 8080, names));
}

}  // namespace
}  // namespace newsarchive
