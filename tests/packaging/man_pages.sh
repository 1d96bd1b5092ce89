#!/usr/bin/env bash
# Checks the man pages: groff renders them without a single warning, every long option the
# programs' --help lists (newsindex: of every subcommand) is described in the program's page, and
# the page's header names the version the program reports. So options and pages cannot drift.
#
# Usage: man_pages.sh NEWSINDEX NEWSSEARCH MAN_DIR
set -u
newsindex=$1 newssearch=$2 man_dir=$3
status=0

fail() {
  echo "FAIL: $*"
  status=1
}

# Long options in the help texts of: program [subcommand...].
long_options() {
  local program=$1 subcommand
  shift
  "$program" --help | grep -oE -- '--[a-z][a-z-]*'
  for subcommand in "$@"; do "$program" "$subcommand" --help | grep -oE -- '--[a-z][a-z-]*'; done
}

check_page() {
  local page=$1 program=$2 name warnings text option version
  shift 2
  name=$(basename "$program")
  warnings=$(groff -man -ww -z "$page" 2>&1)
  [[ -z $warnings ]] || fail "$page: groff warns: $warnings"
  # The page's text with roff's escaped hyphens as typed on a command line.
  text=$(sed -e 's/\\-/-/g' "$page")
  for option in $(long_options "$program" "$@" | sort -u); do
    grep -qE -- "${option}([^a-z-]|\$)" <<<"$text" || fail "$page: $option of $name --help is missing"
  done
  version=$("$program" --version | awk '{print $2}')
  grep -qE "^\.TH .*\"newsarchive ${version//./\\.}\"" "$page" ||
    fail "$page: .TH does not name newsarchive $version"
}

check_page "$man_dir/newsindex.1" "$newsindex" index stats parse entities
check_page "$man_dir/newssearch.1" "$newssearch" serve
[[ $status == 0 ]] && echo "man pages: no warnings, every option documented"
exit $status
