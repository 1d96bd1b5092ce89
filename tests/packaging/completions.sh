#!/usr/bin/env bash
# Checks the shell completions: drives the bash completion functions as bash would (COMP_WORDS,
# COMP_CWORD, then COMPREPLY), checks that every long option of the programs' --help is
# completed by the bash and the zsh files, and that zsh parses the zsh files and that compinit
# registers them for the two programs.
#
# Usage: completions.sh NEWSINDEX NEWSSEARCH COMPLETIONS_DIR
set -u
newsindex=$1 newssearch=$2 dir=$3
status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "FAIL: $*"
  status=1
}

# shellcheck source=/dev/null
source "$dir/newssearch.bash"
# shellcheck source=/dev/null
source "$dir/newsindex.bash"

# expect "WANTED" PROGRAM WORD... : completes the last WORD (the one under the cursor) of the
# command line PROGRAM WORD... and compares the candidates, sorted, joined by spaces.
expect() {
  local wanted=$1 got
  shift
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  "_$1"
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd' ')
  [[ $got == "$wanted" ]] || fail "completing '${COMP_WORDS[*]}': wanted '$wanted', got '$got'"
}

expect "--format" newssearch --for
expect "--facet --facet-size --fields --format --from" newssearch --f
expect "csv json text" newssearch --format ""
expect "newest" newssearch --sort n
expect "and or" newssearch --op ""
expect "always auto never" newssearch --color ""
expect "month org person place year" newssearch --facet ""
expect "collapse show" newssearch --duplicates ""
expect "--db --duplicates" newssearch --d
expect "score snippet source" newssearch --fields s
expect "id,date" newssearch --fields id,d
expect "rank,id,headline" newssearch --fields rank,id,h
expect "" newssearch --person ""
expect "" newssearch troops
expect "serve" newssearch se
expect "--listen --log-file" newssearch serve --l
expect "" newssearch serve --threads ""
expect "--host-name" newssearch serve --host
mkdir -p "$work/a" "$work/b"
touch "$work/c"
expect "$work/a $work/b" newssearch --db "$work/"
expect "$work/a $work/b" newssearch --db = "$work/"
expect "$work/a" newssearch --limit 5 --db "$work/a"

expect "--help --version entities index parse stats" newsindex ""
expect "stats" newsindex st
expect "--db --format --help" newsindex stats --
expect "json text" newsindex stats --format ""
expect "auto dateline headers headline" newsindex index --layout ""
expect "auto mtime" newsindex parse --date-from ""
expect "french" newsindex index --language fr
expect "--mentions" newsindex entities --m
expect "--rebuild --root" newsindex index --r
expect "$work/a $work/b" newsindex index --root "$work/"
expect "$work/a $work/b $work/c" newsindex index "$work/"

# Every long option of --help (newsindex: of every subcommand) is in both completion files.
for program in "$newsindex" "$newssearch"; do
  name=$(basename "$program")
  subcommands=()
  [[ $name == newsindex ]] && subcommands=(index stats parse entities)
  [[ $name == newssearch ]] && subcommands=(serve)
  options=$({
    "$program" --help
    for subcommand in "${subcommands[@]}"; do "$program" "$subcommand" --help; done
  } | grep -oE -- '--[a-z][a-z-]*' | sort -u)
  for option in $options; do
    for file in "$dir/$name.bash" "$dir/_$name"; do
      grep -qE -- "${option}([^a-z-]|\$)" "$file" || fail "$file: $option of $name --help is missing"
    done
  done
done

if command -v zsh >/dev/null; then
  for file in "$dir/_newssearch" "$dir/_newsindex"; do
    zsh -n "$file" || fail "zsh cannot parse $file"
  done
  registered=$(zsh -f -c "fpath=('$dir' \$fpath); autoload -U compinit; compinit -u -d '$work/zcompdump';
    print -r -- \${_comps[newssearch]} \${_comps[newsindex]}")
  [[ $registered == "_newssearch _newsindex" ]] || fail "zsh compinit registered '$registered'"
else
  fail "zsh is not installed (scripts/install-deps.sh installs it)"
fi

[[ $status == 0 ]] && echo "completions: bash candidates, every option, zsh loads"
exit $status
