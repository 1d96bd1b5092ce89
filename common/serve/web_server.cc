#include "serve/web_server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "present/cli_support.h"
#include "serve/api.h"
#include "serve/connection_queue.h"
#include "serve/page_assets.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

// When the request on this thread began: set before routing, read by the access log.
thread_local std::chrono::steady_clock::time_point request_started;

constexpr const char* kJson = "application/json";

void send_error(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  response.set_content(error_body(message), kJson);
}

std::string url_of(const ListenAddress& address, int port) {
  bool v6 = address.host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + address.host + "]" : address.host) + ":" + std::to_string(port);
}

// Blocks SIGTERM, SIGINT and SIGUSR1 in this thread and in every thread started after, so that only
// the waiter below receives them.
sigset_t block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGUSR1);  // the server's own wake-up, see serve_until_signalled()
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

void add_routes(httplib::Server& server, SearchApi& api) {
  auto json_route = [&server](const char* path, auto call) {
    server.Get(path, [call](const httplib::Request& request, httplib::Response& response) {
      ApiReply reply = call(request.params);
      response.status = reply.status;
      response.set_header("Cache-Control", "no-store");
      response.set_content(reply.body, kJson);
    });
  };
  json_route("/api/search", [&api](const QueryParameters& p) { return api.search(p); });
  json_route("/api/article", [&api](const QueryParameters& p) { return api.article(p); });
  json_route("/api/stats", [&api](const QueryParameters& p) { return api.stats(p); });
  server.Get(".*", [](const httplib::Request& request, httplib::Response& response) {
    const PageAsset* asset = find_page_asset(request.path);
    if (!asset) return send_error(response, 404, "not found: " + request.path);
    response.set_content(std::string(asset->body), std::string(asset->content_type));
  });
}

// The checks every request passes before routing (see web_server.h); `port` is read when a
// request comes, after binding has set it.
httplib::Server::HandlerResponse check_request(const httplib::Request& request,
                                               httplib::Response& response, int port,
                                               const std::vector<std::string>& host_names) {
  request_started = std::chrono::steady_clock::now();
  auto refuse = [&](int status, const std::string& message) {
    response.set_header("Connection", "close");  // an unread body must not become a request
    send_error(response, status, message);
    return httplib::Server::HandlerResponse::Handled;
  };
  if (ConnectionQueue::refusing()) return refuse(503, "the server is busy; try again");
  if (request.method != "GET" && request.method != "HEAD") {
    response.set_header("Allow", "GET, HEAD");
    return refuse(405, "method " + request.method + " is not allowed (only GET and HEAD)");
  }
  if (request.target.size() > kMaxTargetBytes)
    return refuse(414, "request target longer than " + std::to_string(kMaxTargetBytes) + " bytes");
  if (!host_header_names_server(request.get_header_value("Host"), port, host_names))
    return refuse(403, "the Host header does not name this server");
  return httplib::Server::HandlerResponse::Unhandled;
}

// Everything but the routes: threads, timeouts, headers, the checks, errors, the access log.
void configure(httplib::Server& server, const ServeOptions& options, const int& port,
               const std::shared_ptr<spdlog::logger>& access) {
  const size_t threads = options.threads;
  const size_t waiting = options.max_waiting;
  server.new_task_queue = [threads, waiting] { return new ConnectionQueue(threads, waiting); };
  // Without it a response's last segment waits for the client's delayed ACK: 42 ms on every
  // request on loopback (bench/serve_load.sh: p50 48 ms against 5.6 ms in the server).
  server.set_tcp_nodelay(true);
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  // A kept-alive connection holds its worker: short idle times and a bounded request count let
  // connections take turns.
  server.set_keep_alive_timeout(2);
  server.set_keep_alive_max_count(10);
  server.set_payload_max_length(0);
  server.set_default_headers({{"Content-Security-Policy", kContentSecurityPolicy},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"}});
  const std::vector<std::string>& host_names = options.host_names;
  server.set_pre_routing_handler(
      [&port, &host_names](const httplib::Request& request, httplib::Response& response) {
        return check_request(request, response, port, host_names);
      });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, const std::exception_ptr&) {
        send_error(response, 500, "internal error");
      });
  server.set_logger([access](const httplib::Request& request, const httplib::Response& response) {
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                          request_started)
                    .count();
    access->info("{} {} {} {:.1f}ms", request.method, one_line(request.path), response.status, ms);
  });
}

// Binds the address; returns the port bound (the chosen one for port 0).
int bind(httplib::Server& server, const ListenAddress& listen) {
  if (listen.port == 0) {
    int port = server.bind_to_any_port(listen.host);
    if (port < 0) throw UserError("cannot listen on " + listen.host + " (any port)");
    return port;
  }
  if (!server.bind_to_port(listen.host, listen.port))
    throw UserError("cannot listen on " + url_of(listen, listen.port) +
                    " (in use, or not an address of this machine)");
  return listen.port;
}

// Serves until one of `signals` (blocked in every thread) arrives; false when the socket failed.
bool serve_until_signalled(httplib::Server& server, const sigset_t& signals) {
  std::atomic<bool> stop_asked = false;
  std::thread stopper([&server, &stop_asked, &signals] {
    int received = 0;
    sigwait(&signals, &received);
    stop_asked = true;
    server.stop();
  });
  bool served = server.listen_after_bind();
  // listen_after_bind() returns once stop() ran, or when the socket failed: then the waiter is
  // still waiting, and is woken with SIGUSR1, one of the signals it waits for.
  if (!stop_asked) pthread_kill(stopper.native_handle(), SIGUSR1);
  stopper.join();
  return served;
}

}  // namespace

int run_web_server(const ServeOptions& options) {
  SearcherPool pool(options.databases);  // throws now for a missing database
  SearchApi api(pool, [] { return reference_today(); });
  auto messages = make_stderr_logger("newssearch");
  auto access = options.log_file.empty()
                    ? messages
                    : make_stderr_logger("newssearch", options.log_file, spdlog::level::off);
  sigset_t stop_signals = block_stop_signals();
  httplib::Server server;
  int port = 0;
  configure(server, options, port, access);
  add_routes(server, api);
  port = bind(server, options.listen);
  messages->info("listening on {}", url_of(options.listen, port));
  bool served = serve_until_signalled(server, stop_signals);
  messages->info("stopped");
  return served ? kOk : kUsage;
}

}  // namespace newsarchive
