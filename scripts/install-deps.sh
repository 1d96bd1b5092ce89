#!/usr/bin/env bash
# Installs the Debian 12 packages newsarchive builds, tests and benchmarks with. Run as root.
# clang and libclang-rt-14-dev (libFuzzer and clang's sanitizer runtimes) build the fuzzers; llvm
# provides llvm-symbolizer, which puts function names and lines into sanitizer reports. GCC's
# sanitizer runtimes (libasan8, libubsan1) come with g++. clang-tidy runs in CI (scripts/tidy.sh).
# groff-base and man-db check and show the man pages, zsh loads the zsh completions in their test,
# dpkg-dev (dpkg-shlibdeps) and file let `cpack -G DEB` find the package's Depends, chromium,
# chromium-driver and python3-selenium run the search page's browser test, and hey and curl drive
# `newssearch serve` in its load bench (bench/serve_load.sh).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  ca-certificates cmake g++ make pkg-config python3 gzip \
  libxapian-dev xapian-tools libcli11-dev libspdlog-dev libgtest-dev \
  nlohmann-json3-dev zlib1g-dev libxxhash-dev libxml2-dev libarchive-dev \
  clang libclang-rt-14-dev llvm clang-tidy \
  groff-base man-db zsh dpkg-dev file curl \
  libcpp-httplib-dev chromium chromium-driver python3-selenium hey >/dev/null
