# bash completion for newsindex(1): the subcommands, then each one's options, the choices of
# the options that have a fixed set, directories for --db and --root, and files for inputs.
_newsindex() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev= command= i
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  # "--db=DIR" reaches us as "--db" "=" "DIR" (= is a word break).
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      index | stats | parse | entities)
        command=${COMP_WORDS[i]}
        break
        ;;
    esac
  done
  COMPREPLY=()
  if [[ -z $command ]]; then
    mapfile -t COMPREPLY < <(compgen -W "index stats parse entities --help --version" -- "$cur")
    return
  fi
  local read_options="--layout --date-from --root"
  case $prev in
    --db | --root)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      return
      ;;
    --log-file)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return
      ;;
    --layout)
      mapfile -t COMPREPLY < <(compgen -W "auto dateline headline headers" -- "$cur")
      return
      ;;
    --date-from)
      mapfile -t COMPREPLY < <(compgen -W "auto mtime" -- "$cur")
      return
      ;;
    --format)
      mapfile -t COMPREPLY < <(compgen -W "text json" -- "$cur")
      return
      ;;
    --language)
      mapfile -t COMPREPLY < <(compgen -W "arabic armenian basque catalan danish dutch english
        finnish french german hungarian indonesian irish italian lithuanian nepali norwegian
        portuguese romanian russian spanish swedish tamil turkish" -- "$cur")
      return
      ;;
    --commit-every | --commit-seconds | --writers) return ;;
  esac
  local options
  case $command in
    index)
      options="--help --db --language --commit-every --commit-seconds --writers --rebuild
        --force --prune --quiet --log-file $read_options"
      ;;
    stats) options="--help --db --format" ;;
    parse) options="--help $read_options" ;;
    entities) options="--help $read_options --mentions --text" ;;
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
  elif [[ $command != stats ]]; then
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}
complete -F _newsindex newsindex
