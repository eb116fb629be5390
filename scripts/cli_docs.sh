#!/bin/sh
# cli_docs.sh KG OUTDIR - writes the man pages OUTDIR/man/kg.1 and
# kg-COMMAND.1, and the shell completions OUTDIR/completion/kg.bash and _kg,
# from the help text of the kg binary KG: `kg --help` lists the commands
# (the command table in src/cli/commands.c) and `kg help COMMAND` prints
# each command's usage string. The build runs it, so the pages and the
# completions cannot say something --help does not.
set -eu
kg=$1
out=$2
man=$out/man
comp=$out/completion
mkdir -p "$man" "$comp"
rm -f "$man"/*.1

help=$("$kg" --help)
version=$("$kg" --version | sed 's/^kg //')
# The "Commands:" block: "  NAME  summary" lines up to the next blank line.
commands=$(printf '%s\n' "$help" | awk '/^Commands:$/ { on = 1; next }
  on && /^$/ { exit }
  on { print $1 }')
[ -n "$commands" ] || { echo "cli_docs.sh: no Commands: list in kg --help" >&2; exit 1; }
command_list=$(printf '%s\n' "$commands" | tr '\n' ' ' | sed 's/ $//')

# roff NAME SUMMARY SEEALSO [INTRO] < help text > page. The text layout
# --help uses: a "Usage:" synopsis up to the first blank line; paragraphs;
# a paragraph ending in ":" before indented "  TERM  description" items
# (whose description may continue on deeper-indented lines) heads a
# section named by its first words ("Options:" -> OPTIONS). INTRO, when
# given, is the DESCRIPTION of a page whose help text starts with a section.
roff() {
  awk -v name="$1" -v summary="$2" -v seealso="$3" -v intro="${4:-}" -v version="$version" '
  function esc(s) { gsub(/\\/, "\\e", s); return s }
  function dash(s) { gsub(/-/, "\\-", s); return s }
  function text(s) {
    s = esc(s)
    if (s ~ /^[.\047]/) s = "\\&" s
    print s
  }
  function indent(s) { match(s, /^ */); return RLENGTH }
  function section(title) {
    title = toupper(title)
    if (title == "EXIT CODES") title = "EXIT STATUS"
    print ".SH \"" esc(title) "\""
  }
  { line[NR] = $0 }
  END {
    printf ".TH %s 1 \"\" \"kg %s\" \"kg manual\"\n", toupper(name), version
    print ".nh"
    print ".ad l"
    print ".SH NAME"
    print dash(esc(name)) " \\- " esc(summary)
    i = 1
    while (i <= NR && line[i] !~ /^Usage: /) i++
    print ".SH SYNOPSIS"
    print ".nf"
    for (; i <= NR && line[i] != ""; i++) {
      s = line[i]
      sub(/^Usage: /, "", s)
      if (indent(s) > 0) { sub(/^ +/, "", s); s = "    " s }
      print ".B " dash(esc(s))
    }
    print ".fi"
    print ".SH DESCRIPTION"
    if (intro != "") text(intro)
    para = 0; item = 0; start = 1
    for (; i <= NR; i++) {
      s = line[i]
      if (s == "") { para = 1; item = 0; start = 1; continue }
      n = indent(s)
      if (n == 0 && start) {
        # A paragraph: a section heading when it ends in ":" before items.
        for (j = i; j <= NR && line[j] != "" && indent(line[j]) == 0; j++);
        if (line[j - 1] ~ /:$/ && j <= NR && line[j] ~ /^ /) {
          title = s
          sub(/[,(:].*/, "", title)
          sub(/ +$/, "", title)
          section(title)
          if (j - i > 1 || s !~ /^[A-Za-z ]+:$/)
            for (k = i; k < j; k++) text(line[k])
          i = j - 1; para = 0; item = 0; start = 0
          continue
        }
        if (s ~ /^Exit codes: /) { section("Exit codes"); para = 0; item = 0 }
      }
      start = 0
      if (n == 0) {
        if (para || item) print ".PP"
        para = 0; item = 0
        text(s)
        continue
      }
      if (n <= 8) {
        rest = substr(s, n + 1)
        gap = index(rest, "  ")
        term = gap ? substr(rest, 1, gap - 1) : rest
        desc = gap ? substr(rest, gap) : ""
        sub(/^ +/, "", desc)
        print ".TP"
        print ".B " dash(esc(term))
        if (desc != "") text(desc)
        para = 0; item = 1
        continue
      }
      sub(/^ +/, "", s)
      text(s)
    }
    print ".SH \"SEE ALSO\""
    print seealso
  }'
}

see_commands=""
for c in $commands; do
  see_commands="$see_commands${see_commands:+,
}.BR kg\\-$c (1)"
done

summary=$(printf '%s\n' "$help" | sed -n '1s/^kg [^ ]* - //p')
printf '%s\n' "$help" | roff kg "$summary" "$see_commands" \
  "kg runs one of the commands below on data sets and graph files. Each command has its own page, kg-COMMAND(1), with the text of kg help COMMAND." >"$man/kg.1"

# Options of a usage text: the -x and --long names of its items (lines
# indented at most 8 columns that start with "-"; deeper ones continue a
# description).
options_of() {
  awk 'match($0, /^ +-/) && RLENGTH <= 9 {
      term = substr($0, RLENGTH)
      gap = index(term, "  ")
      if (gap) term = substr(term, 1, gap - 1)
      m = split(term, names, /, */)
      for (k = 1; k <= m; k++) { split(names[k], w, " "); if (w[1] ~ /^-/) print w[1] } }'
}
global_options=$(printf '%s\n' "$help" | options_of | tr '\n' ' ')

bash_cases=""
zsh_cases=""
for c in $commands; do
  usage=$("$kg" help "$c")
  csum=$(printf '%s\n' "$help" | awk -v c="$c" '$1 == c { sub(/^ *[^ ]+ +/, ""); print; exit }')
  printf '%s\n' "$usage" | roff "kg-$c" "$csum" ".BR kg (1)" >"$man/kg-$c.1"
  opts=$(printf '%s\n' "$usage" | options_of | sort -u | tr '\n' ' ')
  bash_cases="$bash_cases    $c) opts=\"$opts\" ;;
"
  zsh_cases="$zsh_cases    $c) opts=($opts) ;;
"
done

{
  cat <<HEAD
# bash completion for kg $version. Generated by scripts/cli_docs.sh from
# kg --help and kg help COMMAND; do not edit.
_kg() {
  local cur=\${COMP_WORDS[COMP_CWORD]} opts=""
  local commands="$command_list"
  if [ "\$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=(\$(compgen -W "\$commands help --help --version" -- "\$cur"))
    return
  fi
  case \${COMP_WORDS[1]} in
    help)
      [ "\$COMP_CWORD" -eq 2 ] && COMPREPLY=(\$(compgen -W "\$commands" -- "\$cur"))
      return ;;
$bash_cases  esac
  # Options after a dash; anything else falls back to file names (-o default).
  case \$cur in
    -*) COMPREPLY=(\$(compgen -W "\$opts $global_options" -- "\$cur")) ;;
    *) COMPREPLY=() ;;
  esac
}
complete -o default -F _kg kg
HEAD
} >"$comp/kg.bash"

{
  cat <<HEAD
#compdef kg
# zsh completion for kg $version. Generated by scripts/cli_docs.sh from
# kg --help and kg help COMMAND; do not edit.
_kg() {
  local -a commands opts
  commands=($command_list)
  if (( CURRENT == 2 )); then
    compadd -- \$commands help --help --version
    return
  fi
  case \$words[2] in
    help) (( CURRENT == 3 )) && compadd -- \$commands; return ;;
$zsh_cases  esac
  if [[ \$PREFIX == -* ]]; then
    compadd -- \$opts $global_options
  else
    _files
  fi
}
_kg "\$@"
HEAD
} >"$comp/_kg"
