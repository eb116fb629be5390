# test_load.sh - the one loading door: every command that takes a graph
# reads kg's own GraphML, node-link JSON and DOT exports of the shipped data
# set (and copies without an extension, told apart by content) and answers
# exactly as it does on the data set; other tools' edge lists; --from; and
# "cannot tell the format" for a file no rule identifies.
. "$(dirname "$0")/lib.sh"
data=$KG_SOURCE_DIR/data/nato-eu.kg.json
b=$scratch/b
"$KG" build -q "$data" -o "$b" -f graphml,json,dot || fail "build of the shipped data set"
# Copies without an extension: the content decides.
for ext in graphml json dot; do cp "$b/nato-eu.$ext" "$scratch/bare-$ext"; done
cp "$data" "$scratch/dataset-copy"
cp "$KG_SOURCE_DIR/data/schema.json" "$scratch/schema.json"

# kg CMD DATASET ARGS... on the data set, then on each other input: the
# same stdout (DOT carries no graph description or sources, so the
# "graph" line of a JSON subgraph is left out of the comparison).
same_answer() {
  "$KG" "$@" 2>"$scratch/want.err" | grep -v '^  "graph": ' >"$scratch/want"
  [ -s "$scratch/want" ] || fail "$*: no output on the data set: $(head -c 300 "$scratch/want.err")"
  cmd=$1
  shift 2
  for input in "$b/nato-eu.graphml" "$b/nato-eu.json" "$b/nato-eu.dot" \
               "$scratch/bare-graphml" "$scratch/bare-json" "$scratch/bare-dot" \
               "$scratch/dataset-copy"; do
    "$KG" "$cmd" "$input" "$@" >"$scratch/got.raw" 2>"$scratch/got.err"
    got_rc=$?
    [ "$got_rc" -eq 0 ] ||
      { fail "$cmd on $(basename "$input"): exit $got_rc: $(head -c 300 "$scratch/got.err")"; continue; }
    grep -v '^  "graph": ' "$scratch/got.raw" >"$scratch/got"
    cmp -s "$scratch/want" "$scratch/got" ||
      fail "$cmd on $(basename "$input") differs from the data set: $(diff "$scratch/want" "$scratch/got" | head -5)"
  done
}

same_answer centrality "$data" -m degree,betweenness,closeness,pagerank --top 15
# Directed views follow symmetric relation types both ways: that is the
# schema's knowledge, which an exported file carries only with --schema.
schema=$KG_SOURCE_DIR/data/schema.json
same_answer centrality "$data" -m pagerank,hub --directed -f csv --schema "$schema"
same_answer centrality "$data" --node-type organisation --as-of 2010 -f json
same_answer path "$data" nato "European Union" --all
same_answer path "$data" nato eu --directed --exclude-edge-type part_of --schema "$schema"
same_answer neighbours "$data" nato --depth 2 -f csv
same_answer neighbours "$data" "European Union" --direction in
same_answer components "$data"
same_answer components "$data" --edge-type part_of -f json
same_answer communities "$data" --seed 7
same_answer subgraph "$data" nato --depth 1 -o - -f json

# validate reads them too, naming each input.
for input in "$b/nato-eu.graphml" "$b/nato-eu.json" "$b/nato-eu.dot" "$scratch/bare-dot"; do
  run validate "$input"
  expect_rc 0 "validate $(basename "$input")"
  expect_stdout "$input: valid (279 entities, 600 relations)" "validate $(basename "$input") counts"
done

# Edge lists other tools write: a TSV table and a CSV table.
printf 'source\ttarget\tweight\na\tb\t1\nb\tc\t2\nd\te\t3\n' >"$scratch/e.tsv"
run components "$scratch/e.tsv"
expect_rc 0 "components on a TSV edge list"
expect_stdout "components: 2" "TSV edge list: two components"
printf 'source,target\na,b\nb,c\n' >"$scratch/plain"
run centrality "$scratch/plain" -m degree
expect_rc 0 "a CSV edge list without an extension"
expect_stdout "3  c" "CSV edge list without extension read by its header"

# --from overrides the rule; an unknown name is a usage error.
cp "$b/nato-eu.dot" "$scratch/graph.txt"
run components "$scratch/graph.txt"
expect_rc 0 "a DOT file named .txt, told by its content"
run components "$scratch/e.tsv" --from csv
expect_rc 2 "--from csv on a TSV file reads it as CSV (and fails)"
run components "$scratch/graph.txt" --from dot
expect_rc 0 "--from dot"
run components "$scratch/graph.txt" --from xls
expect_rc 1 "--from unknown"
expect_stderr "unknown input format 'xls'" "--from unknown message"
run build --from dot "$scratch/graph.txt" -o "$scratch/fromdot" -f json
expect_rc 0 "build --from dot"

# Standard input is a data set unless --from names another format; read
# either way it answers the same.
# (its schema is found from the current folder, as for a file there).
(cd "$KG_SOURCE_DIR/data" && "$KG" components - --from kg <nato-eu.kg.json) \
  >"$scratch/stdin.out" 2>"$scratch/stderr" ||
  fail "components - --from kg: $(head -c 300 "$scratch/stderr")"
"$KG" components "$data" | cmp -s - "$scratch/stdin.out" || fail "components on stdin differs"
(cd "$KG_SOURCE_DIR/data" && "$KG" components - <nato-eu.kg.json) \
  >"$scratch/stdin2.out" 2>"$scratch/stderr" ||
  fail "components - (no --from): $(head -c 300 "$scratch/stderr")"
cmp -s "$scratch/stdin.out" "$scratch/stdin2.out" || fail "components on stdin without --from differs"
"$KG" components - --from graphml <"$b/nato-eu.graphml" >/dev/null 2>"$scratch/stderr" ||
  fail "components - --from graphml: $(head -c 300 "$scratch/stderr")"

# A file nothing identifies.
printf 'hello world\n' >"$scratch/mystery"
run components "$scratch/mystery"
expect_rc 2 "unidentifiable file"
expect_stderr "cannot tell the format of $scratch/mystery; use --from FORMAT" "unidentifiable message"
run convert "$scratch/mystery" "$scratch/m.json"
expect_rc 2 "convert: unidentifiable file"
run validate --schema "$schema" "$b/nato-eu.graphml"
expect_rc 0 "validate a GraphML export against the schema"

# Every command answers -h/--help from the command table, before parsing.
for c in build validate verify convert ingest centrality path neighbours subgraph components communities; do
  run "$c" --bogus-option --help
  expect_rc 0 "$c --help"
  expect_stdout "Usage: kg $c" "$c --help prints its usage"
done
# build -o - is refused, not a folder named '-'.
(cd "$scratch" && "$KG" build "$data" -o - >stdout 2>stderr); rc=$?
expect_rc 1 "build -o -"
expect_stderr "-o takes a folder" "build -o - message"
[ -e "$scratch/-" ] && fail "build -o - created a folder named '-'"
# build and ingest parse format lists alike.
run ingest -f json,nosuch "$scratch/e.tsv"
expect_rc 1 "ingest unknown format"
expect_stderr "unknown format 'nosuch' (known: dot, graphml, json" "ingest lists the known formats"
finish
