#!/usr/bin/env bash
# Man pages (generated at build time by scripts/cli_docs.sh from kg --help
# and kg help COMMAND): kg(1) and one kg-COMMAND(1) per command of
# `kg --help`; each renders with man(1) without warnings and names every
# option its --help lists, so the pages cannot drift from --help.
. "$(dirname "$0")/lib.sh"

build=${KG_BUILD_DIR:-$(dirname "$KG")}
man_dir=$build/man
command -v man >/dev/null || { fail "man (package man-db) is not installed"; finish; }

# render PAGE: the page as man shows it, plain ASCII, one long line per paragraph.
render() {
  LC_ALL=C MANWIDTH=250 man --warnings -l "$1" 2>"$scratch/man.err" | col -bx
}

commands=$("$KG" --help | sed -n '/^Commands:$/,/^$/p' | awk 'NF > 1 { print $1 }')
[ "$(echo "$commands" | wc -l)" -ge 10 ] || fail "kg --help lists only: $commands"

check_page() {
  local page=$1 help=$2 what=$3 text opt
  [ -s "$page" ] || { fail "$what: no man page $(basename "$page")"; return; }
  text=$(render "$page")
  [ -s "$scratch/man.err" ] && fail "$what: man warns: $(head -c 400 "$scratch/man.err")"
  for section in NAME SYNOPSIS DESCRIPTION; do
    grep -q "^$section" <<<"$text" || fail "$what: no $section section"
  done
  # Every option --help names (long and short) appears in the page.
  for opt in $(grep -oE -- '(^|[ ,])--?[a-z][a-z0-9-]*' <<<"$help" | tr -d ' ,' | sort -u); do
    [[ $text == *"$opt"* ]] || fail "$what: page lacks option $opt"
  done
  # So does the rest of the text, reflowed: each paragraph line, and each
  # item's term and description, except the synopsis (checked by its
  # options), the title line of kg --help (the NAME) and the one-word
  # headings that became section names.
  local flat piece
  flat=$(tr -s ' \n' '  ' <<<"$text")
  while IFS= read -r line; do
    while IFS= read -r piece; do
      [ -n "$piece" ] || continue
      [[ $flat == *"$piece"* ]] || fail "$what: page lacks the help text '$piece'"
    done < <(sed -E 's/^ +//; s/ +$//; s/ {2,}/\n/g' <<<"$line")
  done < <(sed '/^Usage:/,/^$/d' <<<"$help" | grep -vE '^kg [^ ]+ - |^[A-Za-z ]+:$')
}

check_page "$man_dir/kg.1" "$("$KG" --help)" "kg(1)"
kg_page=$(render "$man_dir/kg.1")
for c in $commands; do
  check_page "$man_dir/kg-$c.1" "$("$KG" help "$c")" "kg-$c(1)"
  # kg(1) points to each command's page.
  [[ $kg_page == *"kg-$c(1)"* ]] || fail "kg(1) does not refer to kg-$c(1)"
done
# No page for a command that no longer exists.
for page in "$man_dir"/kg-*.1; do
  c=$(basename "$page" .1)
  grep -qx "${c#kg-}" <<<"$commands" || fail "stale page $c.1: kg --help has no command ${c#kg-}"
done

finish
