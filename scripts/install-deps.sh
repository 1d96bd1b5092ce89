#!/usr/bin/env bash
# Installs the Debian 12 packages newsarchive builds, tests and benchmarks with. Run as root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  ca-certificates cmake g++ make pkg-config python3 gzip \
  libxapian-dev xapian-tools libcli11-dev libspdlog-dev libgtest-dev \
  nlohmann-json3-dev zlib1g-dev libxxhash-dev >/dev/null
