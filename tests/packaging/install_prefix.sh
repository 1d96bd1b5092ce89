#!/usr/bin/env bash
# Installs a build into a temporary prefix with `cmake --install` and checks what lands there:
# the programs in bin/ (and that they run), the man pages where man finds them, and the bash
# and zsh completions in the directories those shells read.
#
# Usage: install_prefix.sh BUILD_DIR
set -u
build=$1
status=0
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

fail() {
  echo "FAIL: $*"
  status=1
}

cmake --install "$build" --prefix "$prefix" >/dev/null || { echo "FAIL: cmake --install"; exit 1; }

for file in bin/newsindex bin/newssearch share/man/man1/newsindex.1 share/man/man1/newssearch.1 \
  share/bash-completion/completions/newsindex share/bash-completion/completions/newssearch \
  share/zsh/vendor-completions/_newsindex share/zsh/vendor-completions/_newssearch; do
  [[ -f $prefix/$file ]] || fail "$file was not installed"
done
for program in newsindex newssearch; do
  [[ -x $prefix/bin/$program ]] || fail "bin/$program is not executable"
  line=$("$prefix/bin/$program" --version)
  code=$?
  [[ $code == 0 ]] || fail "$program --version exited $code"
  [[ $line =~ ^$program\ [0-9]+\.[0-9]+\.[0-9]+\ \(Xapian\ [0-9]+\.[0-9]+\.[0-9]+\)$ ]] ||
    fail "$program --version printed '$line'"
  found=$(MANPATH=$prefix/share/man man -w "$program")
  [[ $found == "$prefix/share/man/man1/$program.1" ]] || fail "man -w $program found '$found'"
done
# The installed bash completion is the one bash-completion would load for the program.
# shellcheck source=/dev/null
source "$prefix/share/bash-completion/completions/newssearch"
COMP_WORDS=(newssearch --format "")
COMP_CWORD=2
_newssearch
[[ "${COMPREPLY[*]}" == "text json csv" ]] || fail "installed completion gave '${COMPREPLY[*]}'"

[[ $status == 0 ]] && echo "install: programs, man pages and completions under the prefix"
exit $status
