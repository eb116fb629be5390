#!/usr/bin/env bash
# Shell completion (generated at build time by scripts/cli_docs.sh from
# kg --help and kg help COMMAND): sourced into bash, `kg b<TAB>` offers
# build, `kg build --f<TAB>` its options, and every command and option
# --help lists is offered; the zsh function, driven with stand-ins for
# compadd and _files, offers the same.
. "$(dirname "$0")/lib.sh"

build=${KG_BUILD_DIR:-$(dirname "$KG")}
bash_file=$build/completion/kg.bash
zsh_file=$build/completion/_kg
[ -s "$bash_file" ] || { fail "no bash completion $bash_file"; finish; }

# shellcheck source=/dev/null
. "$bash_file"
complete -p kg >/dev/null 2>&1 || fail "sourcing kg.bash did not register a completion for kg"

# complete WORD...: what <TAB> offers after the words (the last is the
# one being completed), sorted, space-separated.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _kg kg "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

expect_completion() {
  local want=$1 got
  shift
  got=$(complete_words "$@")
  [ "$got" = "$want" ] || fail "'$*<TAB>' offers '$got', expected '$want'"
}

# options_of COMMAND: the options `kg help COMMAND` lists as items (an
# indented line starting with "-", up to the gap before its description),
# sorted, space-separated.
options_of() {
  "$KG" help "$1" | sed -nE 's/^ {1,8}(-[^ ].*)$/\1/p' | sed -E 's/  .*//' |
    grep -oE -- '(^|, )--?[a-z][a-z0-9-]*' | sed 's/^, //' | sort -u | tr '\n' ' ' | sed 's/ $//'
}
build_f=$(tr ' ' '\n' <<<"$(options_of build)" | grep -- '^--f' | tr '\n' ' ' | sed 's/ $//')
[[ " $build_f " == *" --format "* ]] || fail "kg help build lists no --format: '$(options_of build)'"

expect_completion "build" kg b
expect_completion "centrality communities components convert" kg c
expect_completion "neighbours" kg help ne
expect_completion "$build_f" kg build --f
expect_completion "--as-of" kg subgraph --as
expect_completion "--max-depth --max-edges --max-input-size --max-nodes --max-size" kg build --max-
expect_completion "" kg build da     # not an option: bash falls back to file names

commands=$("$KG" --help | sed -n '/^Commands:$/,/^$/p' | awk 'NF > 1 { print $1 }')
offered=" $(complete_words kg '') "
for c in $commands; do
  [[ $offered == *" $c "* ]] || fail "'kg <TAB>' does not offer $c"
  offered_opts=" $(complete_words kg "$c" -) "
  for opt in $(options_of "$c"); do
    [[ $offered_opts == *" $opt "* ]] || fail "'kg $c -<TAB>' does not offer $opt"
  done
done

# zsh: the completion file, run as zsh runs an autoloaded one (its last
# line calls _kg), with compadd and _files replaced by functions that print
# what they were given.
if command -v zsh >/dev/null; then
  zsh -n "$zsh_file" || fail "_kg is not valid zsh"
  zsh_offers() {
    # shellcheck disable=SC2016 # expanded by zsh
    zsh -f -c 'compadd() { [[ $1 == -- ]] && shift; print -rl -- "$@" }
      _files() { print _files }
      file=$1; shift
      words=("$@"); CURRENT=$#; PREFIX=${words[-1]}
      source "$file"' zsh "$zsh_file" "$@" | grep -E "^(${*: -1}|_files$)" | sort | tr '\n' ' ' | sed 's/ $//'
  }
  got=$(zsh_offers kg c)
  [ "$got" = "centrality communities components convert" ] || fail "zsh: 'kg c<TAB>' offers '$got'"
  got=$(zsh_offers kg build --f)
  [ "$got" = "$build_f" ] || fail "zsh: 'kg build --f<TAB>' offers '$got'"
  got=$(zsh_offers kg build da)
  [ "$got" = "_files" ] || fail "zsh: 'kg build da<TAB>' offers '$got', expected file names"
else
  echo "zsh not installed: zsh completion not checked (scripts/deps.sh installs it)"
fi

finish
