#!/usr/bin/env bash
# Builds the Debian package from a build directory with cpack, installs it with apt-get (so the
# Depends that dpkg-shlibdeps found must resolve to Debian packages), checks that the installed
# programs run and that man finds their page under /usr/share/man, and removes the package
# again, also when a check fails. Run as root on Debian 12 (scripts/test.sh runs it in CI).
#
# Usage: scripts/check-deb.sh BUILD_DIR
set -euo pipefail
build=$(realpath "$1")
(cd "$build" && rm -f newsarchive_*.deb && cpack -G DEB >/dev/null)
deb=$(echo "$build"/newsarchive_*.deb)
dpkg-deb -f "$deb" Package Version Depends
trap 'apt-get remove -y -qq newsarchive >/dev/null' EXIT
apt-get install -y -qq "$deb" >/dev/null
# Explicit paths: a `cmake --install` into /usr/local (scripts/demo.sh) may come first in PATH.
/usr/bin/newssearch --version
/usr/bin/newsindex --version
man -aw newssearch | grep -x /usr/share/man/man1/newssearch.1
man -aw newsindex | grep -x /usr/share/man/man1/newsindex.1
