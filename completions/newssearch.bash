# bash completion for newssearch(1): options, the choices of the options that have a fixed set,
# directories for --db and the column names of --fields (after each comma).
_newssearch() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  # "--db=DIR" reaches us as "--db" "=" "DIR" (= is a word break).
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi
  COMPREPLY=()
  if [[ ${COMP_WORDS[1]-} == serve ]] && ((COMP_CWORD > 1)); then
    _newssearch_serve "$cur" "$prev"
    return
  fi
  case $prev in
    --db)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      return
      ;;
    --sort) mapfile -t COMPREPLY < <(compgen -W "relevance newest oldest" -- "$cur") ;;
    --op) mapfile -t COMPREPLY < <(compgen -W "and or" -- "$cur") ;;
    --format) mapfile -t COMPREPLY < <(compgen -W "text json csv" -- "$cur") ;;
    --color) mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur") ;;
    --duplicates) mapfile -t COMPREPLY < <(compgen -W "collapse show" -- "$cur") ;;
    --facet) mapfile -t COMPREPLY < <(compgen -W "person place org year month" -- "$cur") ;;
    --fields)
      # Complete the name after the last comma, keeping the names before it.
      local done=${cur%,*} name
      [[ $cur == *,* ]] && done+=, || done=
      for name in $(compgen -W "rank id date score headline source persons snippet" \
        -- "${cur##*,}"); do
        COMPREPLY+=("$done$name")
      done
      compopt -o nospace 2>/dev/null
      ;;
    --from | --to | -n | --limit | --offset | --person | --place | --org | --facet-size | --like) ;;
    *)
      if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "--help --version --db --from --to --sort --op
          --limit --offset --format --fields --color --person --place --org --facet
          --facet-size --exact --like --duplicates" -- "$cur")
      elif ((COMP_CWORD == 1)) && [[ -n $cur ]]; then
        mapfile -t COMPREPLY < <(compgen -W "serve" -- "$cur")
      fi
      ;;
  esac
}
# `newssearch serve`: CUR PREV as above.
_newssearch_serve() {
  local cur=$1 prev=$2
  case $prev in
    --db)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      ;;
    --log-file)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      ;;
    --listen | --threads | --max-waiting | --host-name) ;;
    *)
      [[ $cur == -* ]] && mapfile -t COMPREPLY < <(compgen -W "--help --version --db --listen
        --threads --max-waiting --host-name --log-file" -- "$cur")
      ;;
  esac
}
complete -F _newssearch newssearch
