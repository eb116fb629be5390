#!/usr/bin/env bash
# Every export is read back by an independent consumer (NetworkX, igraph,
# Graphviz's dot, xmllint) and compared with the data set as Python's json
# module reads it: the small fixture, the hostile-label fixture and the
# shipped data sets. Also: repeated builds are byte-identical, -f and
# --no-legend do what they say, and hostile labels stay inside their strings.
. "$(dirname "$0")/lib.sh"

check_dataset() { # check_dataset FILE NAME
  local dir="$scratch/$2"
  run build -q -o "$dir" "$1"
  expect_rc 0 "build $2"
  "$PY" "$KG_SOURCE_DIR/tests/cli/check_exports.py" "$1" "$dir" "$2" >"$scratch/check.out" 2>&1 ||
    fail "consumers disagree on $2: $(head -c 2000 "$scratch/check.out")"
  xmllint --noout --nonet "$dir/$2.graphml" 2>"$scratch/xml.err" ||
    fail "xmllint rejects $2.graphml: $(head -c 400 "$scratch/xml.err")"
  xmllint --noout --nonet "$dir/$2.svg" 2>"$scratch/xml.err" ||
    fail "xmllint rejects $2.svg: $(head -c 400 "$scratch/xml.err")"
  dot -Tsvg "$dir/$2.dot" -o /dev/null 2>"$scratch/dot.err" ||
    fail "dot rejects $2.dot: $(head -c 400 "$scratch/dot.err")"
}

check_dataset "$KG_TEST_DATA/small.kg.json" small
check_dataset "$KG_TEST_DATA/hostile.kg.json" hostile
for f in "$KG_SOURCE_DIR"/data/*.kg.json; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .kg.json)
  check_dataset "$f" "$name"
done

# A label holding </script> is text in the SVG, never an element.
if grep -q '<script' "$scratch/hostile/hostile.svg"; then
  fail "hostile label became a <script> element in the SVG"
fi
grep -qF '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;' "$scratch/hostile/hostile.svg" ||
  fail "hostile label not shown escaped in the SVG"

# Deterministic: a second build is byte-identical.
run build -q -o "$scratch/again" "$KG_TEST_DATA/hostile.kg.json"
for ext in dot graphml json svg; do
  cmp -s "$scratch/hostile/hostile.$ext" "$scratch/again/hostile.$ext" ||
    fail "hostile.$ext differs between two builds"
done

# -f writes only the formats asked for; the DOT file holds the data's nodes
# only unless --dot-legend asks for the legend's (pygraphviz counts every node).
run build -q -f dot,json --dot-legend -o "$scratch/some" "$KG_TEST_DATA/small.kg.json"
expect_rc 0 "build -f dot,json"
[ "$(ls "$scratch/some" | tr '\n' ' ')" = "small.dot small.json " ] ||
  fail "-f dot,json wrote: $(ls "$scratch/some" | tr '\n' ' ')"
grep -q cluster_legend "$scratch/some/small.dot" || fail "--dot-legend wrote no legend in the DOT"
grep -q cluster_legend "$scratch/small/small.dot" && fail "the default DOT has legend nodes"
nodes=$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["entities"]))' \
  "$KG_TEST_DATA/small.kg.json")
dot_nodes=$(gvpr 'BEG_G{printf("%d\n", nNodes($G))}' "$scratch/small/small.dot") # as pygraphviz counts
[ "$dot_nodes" = "$nodes" ] || fail "the default DOT has $dot_nodes nodes for $nodes entities"
# the drawings' legend is an HTML-like table in the graph label, not nodes
grep -q '<TABLE' "$scratch/small/small.svg" && fail "the SVG's legend table was not rendered"
grep -q '>operation<' "$scratch/small/small.svg" || fail "the SVG has no legend entry for 'operation'"
run build -q -f svg --no-legend -o "$scratch/nolegend" "$KG_TEST_DATA/small.kg.json"
grep -q '>operation<' "$scratch/nolegend/small.svg" && fail "--no-legend left a legend in the SVG"

# Other Graphviz engines lay out the same DOT; an unknown one is a usage error.
run build -q -f svg --layout neato -o "$scratch/neato" "$KG_TEST_DATA/small.kg.json"
expect_rc 0 "--layout neato"
xmllint --noout "$scratch/neato/small.svg" 2>/dev/null || fail "neato SVG is not XML"
run build -q -f svg --layout nosuch -o "$scratch/nosuch" "$KG_TEST_DATA/small.kg.json"
expect_rc 1 "--layout nosuch"
expect_stderr "unknown layout 'nosuch'" "unknown layout named"
expect_stderr "use one of dot, neato" "layout choices listed"
[ ! -e "$scratch/nosuch/small.svg" ] || fail "a failed build left small.svg"

finish
