#!/usr/bin/env python3
"""The web API of `newssearch serve` against the real programs.

Usage: api_test.py NEWSINDEX NEWSSEARCH CORPUS_DIR

Indexes CORPUS_DIR into a temporary database, starts `newssearch serve` on a free loopback
port, and checks:
  - /api/search answers byte for byte what `newssearch --format json` prints for the same
    options (the JSON holds no timing field, so nothing is removed before comparing);
  - bad requests answer 400 with {"error"}, as the CLI's error line says; unknown articles 404;
  - only GET and HEAD: other methods get 405 before any body is read;
  - the Host header must name the server (403 otherwise); targets over 4 KiB get 414;
  - with one worker and no waiting line, a second connection gets 503;
  - every response has the Content-Security-Policy and no CORS header;
  - one access-log line per request; SIGTERM stops the server with exit 0.
Exits 0 when every check passes, 1 with the failures listed otherwise.
"""
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

NEWSINDEX, NEWSSEARCH, CORPUS = sys.argv[1:4]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL: " + what, file=sys.stderr)


class Server:
    def __init__(self, db, *extra, log=None):
        self.log = log or tempfile.NamedTemporaryFile(mode="w+", suffix=".err", delete=False).name
        self.stderr = open(self.log, "w")
        self.process = subprocess.Popen(
            [NEWSSEARCH, "serve", "--db", db, "--listen", "127.0.0.1:0", *extra],
            stdout=subprocess.DEVNULL, stderr=self.stderr)
        deadline = time.time() + 10
        self.port = None
        while time.time() < deadline and self.port is None:
            with open(self.log) as f:
                match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", f.read())
            if match:
                self.port = int(match.group(1))
            elif self.process.poll() is not None:
                break
            else:
                time.sleep(0.05)
        if self.port is None:
            raise SystemExit("the server did not start: " + open(self.log).read())

    def get(self, path, method="GET", headers=None, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, dict(response.getheaders()), data

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=15)
        self.stderr.close()
        return code, open(self.log).read()


def cli_json(db, args):
    run = subprocess.run([NEWSSEARCH, "--db", db, "--format", "json", *args],
                         capture_output=True, env=dict(os.environ, NEWSARCHIVE_TODAY="2020-02-05"))
    return run.returncode, run.stdout, run.stderr.decode()


def main():
    work = tempfile.mkdtemp()
    db = os.path.join(work, "db")
    subprocess.run([NEWSINDEX, "index", "--quiet", "--db", db, CORPUS], check=True)
    os.environ["NEWSARCHIVE_TODAY"] = "2020-02-05"
    server = Server(db)

    # Same options, same bytes: (API parameters, CLI arguments).
    cases = [
        ([("q", "troops")], ["troops"]),
        ([("q", "Esper troops"), ("limit", "3"), ("offset", "1")],
         ["--limit", "3", "--offset", "1", "Esper troops"]),
        ([("q", "iraq"), ("facet", "person"), ("facet", "year"), ("facet", "month"),
          ("facet", "place"), ("facet", "org"), ("facet_size", "4")],
         ["--facet", "person", "--facet", "year", "--facet", "month", "--facet", "place",
          "--facet", "org", "--facet-size", "4", "iraq"]),
        ([("q", "trade"), ("sort", "newest"), ("from", "2017"), ("to", "2020-01")],
         ["--sort", "newest", "--from", "2017", "--to", "2020-01", "trade"]),
        ([("q", "trade OR troops"), ("op", "or"), ("duplicates", "show"), ("exact", "1")],
         ["--op", "or", "--duplicates", "show", "--exact", "trade OR troops"]),
        ([("person", "Esper")], ["--person", "Esper"]),
        ([("q", "goverment")], ["goverment"]),
        ([("q", "zzqx nothing")], ["zzqx nothing"]),
        ([("q", "troops"), ("from", "last year"), ("to", "this year")],
         ["--from", "last year", "--to", "this year", "troops"]),
        ([("q", "title:troops"), ("place", "Iraq")], ["--place", "Iraq", "title:troops"]),
        ([], []),
    ]
    for parameters, args in cases:
        status, headers, body = server.get("/api/search?" + urllib.parse.urlencode(parameters))
        code, expected, error = cli_json(db, args)
        check(status == 200, f"{parameters}: status {status}")
        check(body == expected, f"{parameters}: API and CLI differ:\n{body[:300]}\n{expected[:300]}")
        check(code in (0, 1), f"{args}: CLI exit {code} {error}")

    # Bad requests: 400 and the CLI's message.
    for parameters, args in [([("q", "troops AND")], ["troops AND"]),
                             ([("from", "soon")], ["--from", "soon"])]:
        status, headers, body = server.get("/api/search?" + urllib.parse.urlencode(parameters))
        _, _, error = cli_json(db, args)
        check(status == 400, f"{parameters}: status {status}, not 400")
        message = json.loads(body)["error"]
        cli_message = error.strip().removeprefix("newssearch: error: ")
        check(message == cli_message.replace("--from", "from"),
              f"{parameters}: API says {message!r}, CLI {cli_message!r}")
    for path, expected in [("/api/search?sort=best",
                            "sort must be one of relevance, newest, oldest, not 'best'"),
                           ("/api/search?colour=red", "unknown parameter 'colour'"),
                           ("/api/search?limit=10001", "limit must be at most 10000, not 10001"),
                           ("/api/search?like=no-such-id",
                            "no article with id 'no-such-id' (--like takes an id as printed "
                            "under each result)"),
                           ("/api/article", "id is required: /api/article?id=ID"),
                           ("/api/stats?x=1", "unknown parameter 'x'")]:
        status, headers, body = server.get(path)
        check(status == 400 and json.loads(body) == {"error": expected},
              f"{path}: {status} {body[:200]!r}")

    # Articles.
    first = json.loads(server.get("/api/search?q=Esper&limit=1")[2])["results"][0]
    status, headers, body = server.get("/api/article?" + urllib.parse.urlencode({"id": first["id"]}))
    article = json.loads(body)
    check(status == 200 and article["id"] == first["id"] and article["title"] == first["title"],
          f"article: {status} {body[:200]!r}")
    check("Esper" in article["body"] and article["date"] == first["date"], "article body and date")
    check(list(article) == ["id", "title", "date", "source", "url", "author", "persons", "places",
                            "organizations", "body"], f"article keys {list(article)}")
    status, headers, body = server.get("/api/article?id=nope")
    check(status == 404 and json.loads(body) == {"error": "no article with id 'nope'"},
          f"unknown article: {status} {body!r}")

    # Stats, the page, its assets, the OpenAPI description, unknown paths.
    stats = json.loads(server.get("/api/stats")[2])
    cli_stats = json.loads(subprocess.run([NEWSINDEX, "stats", "--db", db, "--format", "json"],
                                          capture_output=True, check=True).stdout)
    check(stats["articles"] == cli_stats["articles"] and len(stats["databases"]) == 1,
          f"stats {stats.get('articles')} vs {cli_stats['articles']}")
    check("database" not in stats["databases"][0], "stats shows the server's path")
    for path, kind in [("/", "text/html"), ("/assets/app.js", "text/javascript"),
                       ("/assets/app.css", "text/css"), ("/api/openapi.json", "application/json")]:
        status, headers, body = server.get(path)
        check(status == 200 and headers["Content-Type"].startswith(kind) and body,
              f"{path}: {status} {headers.get('Content-Type')}")
    openapi = json.loads(server.get("/api/openapi.json")[2])
    check(set(openapi["paths"]) >= {"/api/search", "/api/article", "/api/stats"}, "openapi paths")
    status, headers, body = server.get("/etc/passwd")
    check(status == 404 and json.loads(body)["error"] == "not found: /etc/passwd", f"404: {status}")
    status, headers, body = server.get("/", method="HEAD")
    check(status == 200 and body == b"", f"HEAD: {status} {len(body)} bytes")

    # Headers on every response, errors included.
    for path in ["/", "/api/search?q=troops", "/api/search?sort=best", "/nothing"]:
        status, headers, body = server.get(path, headers={"Origin": "http://evil.example"})
        check(headers.get("Content-Security-Policy", "").startswith("default-src 'none'; "
                                                                    "script-src 'self'"),
              f"{path}: CSP {headers.get('Content-Security-Policy')}")
        check(not any(name.lower().startswith("access-control") for name in headers),
              f"{path}: CORS header in {list(headers)}")
        check(headers.get("X-Content-Type-Options") == "nosniff", f"{path}: nosniff")

    # Methods: 405 at once, even with a body announced that never comes.
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]:
        status, headers, body = server.get("/api/search", method=method)
        check(status == 405 and headers.get("Allow") == "GET, HEAD", f"{method}: {status}")
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as raw:
        started = time.time()
        raw.sendall(b"POST /api/search HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                    b"Content-Length: 1000000000\r\n\r\n" % server.port)
        reply = raw.recv(4096)
        check(reply.startswith(b"HTTP/1.1 405") and time.time() - started < 2,
              f"POST with an unsent body: {reply[:40]!r} after {time.time() - started:.1f}s")

    # Host: IP literals and localhost with the bound port; nothing else.
    for host, expected in [(f"127.0.0.1:{server.port}", 200), (f"localhost:{server.port}", 200),
                           (f"evil.example:{server.port}", 403), ("127.0.0.1:1", 403)]:
        status, headers, body = server.get("/api/stats", headers={"Host": host})
        check(status == expected, f"Host {host}: {status}, not {expected}")
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as raw:
        raw.sendall(b"GET /api/stats HTTP/1.0\r\n\r\n")
        check(raw.recv(4096).startswith(b"HTTP/1.1 403"), "no Host header is refused")

    # Size: the target.
    status, headers, body = server.get("/api/search?q=" + "a" * 4100)
    check(status == 414, f"long target: {status}")
    # (cpp-httplib drops a repeated name=value pair, so the values differ.)
    status, headers, body = server.get("/api/search?" + "&".join(f"person=p{i}" for i in range(65)))
    check(status == 400 and "too many parameters" in json.loads(body)["error"], f"many: {status}")

    code, log = server.stop()
    check(code == 0, f"SIGTERM: exit {code}")
    check(log.rstrip().endswith("newssearch: stopped"), "no 'stopped' line")
    check(re.search(r"^newssearch: GET /api/search 200 \d+\.\dms$", log, re.M) is not None,
          "access log line")
    check(re.search(r"^newssearch: POST /api/search 405 \d+\.\dms$", log, re.M) is not None,
          "405 access log line")
    lines = [line for line in log.splitlines() if re.match(r"newssearch: [A-Z]+ /", line)]
    check(len(lines) >= 40, f"only {len(lines)} access log lines")

    # --log-file takes the access log off stderr.
    log_file = os.path.join(work, "access.log")
    server = Server(db, "--log-file", log_file)
    server.get("/api/stats")
    code, stderr = server.stop()
    check("GET /api/stats" not in stderr, "access line on stderr despite --log-file")
    check(re.search(r"newssearch: GET /api/stats 200 \d+\.\dms", open(log_file).read()),
          "access line missing from --log-file")

    # One worker, no line: a second connection while the first is held gets 503.
    server = Server(db, "--threads", "1", "--max-waiting", "0")
    held = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    time.sleep(0.2)
    status, headers, body = server.get("/api/stats")
    check(status == 503 and json.loads(body)["error"] == "the server is busy; try again",
          f"over the limit: {status}")
    held.close()
    time.sleep(0.2)
    deadline = time.time() + 8
    status = None
    while time.time() < deadline and status != 200:
        status = server.get("/api/stats")[0]
    check(status == 200, f"after the held connection closed: {status}")
    server.stop()

    # A missing database is an error at start, with the CLI's message and exit code.
    run = subprocess.run([NEWSSEARCH, "serve", "--db", os.path.join(work, "none"),
                          "--listen", "127.0.0.1:0"], capture_output=True, text=True, timeout=10)
    check(run.returncode == 2 and "no database at" in run.stderr, f"missing db: {run.returncode}")
    run = subprocess.run([NEWSSEARCH, "serve", "--db", db, "--listen", "example.com:80"],
                         capture_output=True, text=True, timeout=10)
    check(run.returncode == 2 and "the host must be an IP address or localhost" in run.stderr,
          f"bad --listen: {run.returncode} {run.stderr}")

    if failures:
        print(f"{len(failures)} checks failed", file=sys.stderr)
        return 1
    print("api_test: every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
