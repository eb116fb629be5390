#!/usr/bin/env bash
# No success without output: every command whose standard output cannot be
# written (a full disk: /dev/full; a closed descriptor: >&-) exits 3 with
# "kg: <stdout>: ...", once; a command that writes nothing to standard
# output is not disturbed by either; a reader that leaves early (| head -1)
# is not an error; and an output file never takes the place of a closed
# standard output.
. "$(dirname "$0")/lib.sh"

D="$KG_TEST_DATA/small.kg.json"
A="$KG_TEST_DATA/analysis.kg.json"
printf 'id\ttype\tlabel\nx\tbody\tX\ny\tbody\tY\n' >"$scratch/nodes.tsv"
printf 'source\ttype\ttarget\nx\tpart_of\ty\n' >"$scratch/edges.tsv"
first_a=$("$KG" centrality "$A" --format csv 2>/dev/null | sed -n 2p | cut -d, -f2)
[ -n "$first_a" ] || fail "centrality printed no row for $A"
second_a=$("$KG" centrality "$A" --format csv 2>/dev/null | sed -n 3p | cut -d, -f2)

# Each line: a command that prints to standard output (fields split on |).
cases=(
  "--help"
  "-h"
  "--version"
  "version"
  "help"
  "help build"
  "build --help"
  "validate --help"
  "build|$D|-o|@OUT"
  "validate|$D"
  "verify|$D"
  "ingest|--nodes|$scratch/nodes.tsv|--edges|$scratch/edges.tsv|-o|@OUT"
  "convert|$D|-|--to|json"
  "centrality|$A"
  "path|$A|$first_a|$second_a"
  "neighbours|$A|$first_a"
  "subgraph|$A|-o|-|-f|json"
  "components|$A"
  "communities|$A"
)

for spec in "${cases[@]}"; do
  case "$spec" in *"|"*) IFS='|' read -r -a args <<<"$spec" ;; *) read -r -a args <<<"$spec" ;; esac
  n=0
  for how in full closed; do
    n=$((n + 1))
    out="$scratch/out-$n"
    rm -rf "$out"
    call=()
    for a in "${args[@]}"; do call+=("${a//@OUT/$out}"); done
    # the same command succeeds with a working standard output
    "$KG" "${call[@]}" >"$scratch/good" 2>"$scratch/good.err"
    good=$?
    [ "$good" -eq 0 ] || { fail "kg ${call[*]}: exit $good with a working stdout: $(head -c 300 "$scratch/good.err")"; continue; }
    [ -s "$scratch/good" ] || fail "kg ${call[*]}: printed nothing, so this case tests nothing"
    rm -rf "$out"
    if [ "$how" = full ]; then
      "$KG" "${call[@]}" >/dev/full 2>"$scratch/stderr"
    else
      "$KG" "${call[@]}" >&- 2>"$scratch/stderr"
    fi
    rc=$?
    expect_rc 3 "kg ${call[*]} with stdout $how"
    if [ "$how" = full ]; then
      why="No space left on device"
    else
      why="Bad file descriptor"
    fi
    grep -q "^kg: <stdout>: \(error while writing: \)\?$why\$" "$scratch/stderr" ||
      fail "kg ${call[*]} ($how): no 'kg: <stdout>: $why' in: $(head -c 300 "$scratch/stderr")"
    [ "$(grep -c '<stdout>' "$scratch/stderr")" -eq 1 ] ||
      fail "kg ${call[*]} ($how): the stdout error is not reported exactly once: $(cat "$scratch/stderr")"
  done
done

# Nothing on standard output: a full or closed one does not matter.
for how in full closed; do
  rm -rf "$scratch/q"
  if [ "$how" = full ]; then
    "$KG" build -q -f json -o "$scratch/q" "$D" >/dev/full 2>"$scratch/stderr"
  else
    "$KG" build -q -f json -o "$scratch/q" "$D" >&- 2>"$scratch/stderr"
  fi
  rc=$?
  expect_rc 0 "build -q with stdout $how"
  /usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$scratch/q/small.json" ||
    fail "build -q with stdout $how: small.json is not JSON"
done

# With standard output closed, the export file is opened as descriptor 1
# unless kg fills the slot: the file must hold the export only.
"$KG" convert "$D" "$scratch/conv.json" >&- 2>/dev/null
/usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$scratch/conv.json" ||
  fail "convert with stdout closed wrote something else into its output file"

# A reader that leaves early is not an error (SIGPIPE or a quiet EPIPE).
"$KG" --help | head -1 >/dev/null
rc=${PIPESTATUS[0]}
[ "$rc" -eq 0 ] || [ "$rc" -eq 141 ] || fail "kg --help | head -1: exit $rc"
( trap '' PIPE; "$KG" convert "$D" - --to json 2>"$scratch/pipe.err" | head -c 10 >/dev/null )
[ "$(grep -c '<stdout>' "$scratch/pipe.err")" -le 1 ] ||
  fail "EPIPE reported more than once: $(cat "$scratch/pipe.err")"

finish
