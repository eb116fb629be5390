#!/usr/bin/env bash
# The exports beyond the default four (GEXF, Cytoscape and its style, yEd
# GraphML, Cytoscape desktop style, Neo4j CSV and Cypher, N-Triples, Turtle, PNG, PDF), read back by
# independent consumers (tests/cli/check_more_exports.py: NetworkX, rdflib,
# Python's csv and json; xmllint against the XSDs and jing against the GEXF
# RELAX NG schema in tests/schemas/; file)
# for the small fixture, the hostile-label fixture and the shipped data
# sets. Also: the default formats are unchanged, repeated builds are
# byte-identical, and the format list in messages comes from the table.
. "$(dirname "$0")/lib.sh"

MORE=gexf,cytoscape,cytoscape-style,cytoscape-vizmap,yed,cypher,neo4j,nt,ttl,png,pdf
SCHEMAS="$KG_SOURCE_DIR/tests/schemas"

# Validates FILE against XSD; with ONLY_NMTOKEN, the only errors allowed are
# attribute names that are not XML NMTOKENs (GraphML's XSD types attr.name
# as NMTOKEN; kg keeps the data set's names, e.g. 'weird key "<&>').
validate() { # validate XSD FILE [ONLY_NMTOKEN]
  if xmllint --noout --nonet --schema "$SCHEMAS/$1" "$2" 2>"$scratch/xsd.err"; then
    return
  fi
  if [ "${3:-}" = ONLY_NMTOKEN ] &&
    ! grep 'error' "$scratch/xsd.err" | grep -qv "attribute 'attr.name'.*key.name.type"; then
    return
  fi
  fail "xmllint --schema $1 rejects $2: $(head -c 600 "$scratch/xsd.err")"
}

check_dataset() { # check_dataset FILE NAME
  local dir="$scratch/$2" strict="${3:-}"
  run build -q -f "$MORE" -o "$dir" "$1"
  expect_rc 0 "build -f $MORE $2"
  "$PY" "$KG_SOURCE_DIR/tests/cli/check_more_exports.py" "$1" "$dir" "$2" >"$scratch/check.out" 2>&1 ||
    fail "consumers disagree on $2: $(head -c 3000 "$scratch/check.out")"
  validate graphml+yfiles.xsd "$dir/$2.yed.graphml" $strict
  # The whole GEXF, viz elements included, against the official RELAX NG schema.
  jing "$SCHEMAS/gexf.rng" "$dir/$2.gexf" >"$scratch/rng.out" 2>&1 ||
    fail "jing gexf.rng rejects $2.gexf: $(grep -v '^\[warning\]' "$scratch/rng.out" | head -c 600)"
  [ "$(head -c 8 "$dir/$2.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "$2.png does not start with the PNG signature"
  file -b "$dir/$2.png" | grep -q '^PNG image data' || fail "file: $2.png is $(file -b "$dir/$2.png")"
  [ "$(head -c 5 "$dir/$2.pdf")" = "%PDF-" ] || fail "$2.pdf does not start with %PDF-"
  file -b "$dir/$2.pdf" | grep -q '^PDF document' || fail "file: $2.pdf is $(file -b "$dir/$2.pdf")"
  tail -c 8 "$dir/$2.pdf" | grep -q '%%EOF' || fail "$2.pdf is truncated"
  # The plain GraphML against the GraphML XSD too.
  run build -q -f graphml -o "$dir/plain" "$1"
  validate graphml.xsd "$dir/plain/$2.graphml" $strict
}

check_dataset "$KG_TEST_DATA/small.kg.json" small
check_dataset "$KG_TEST_DATA/hostile.kg.json" hostile ONLY_NMTOKEN
for f in "$KG_SOURCE_DIR"/data/*.kg.json; do
  [ -e "$f" ] || continue
  check_dataset "$f" "$(basename "$f" .kg.json)"
done

# jing does reject what the schema forbids: GEXF's <meta> holds one
# <description> (kg puts the title and the description in it).
grep -c '<description>' "$scratch/small/small.gexf" | grep -qx 1 || fail "small.gexf: not one <description>"
sed 's|<creator>kg</creator>|&<description>two</description>|' "$scratch/small/small.gexf" >"$scratch/two.gexf"
jing "$SCHEMAS/gexf.rng" "$scratch/two.gexf" >/dev/null 2>&1 && fail "jing accepts two <description> elements"
sed 's|<viz:color |<viz:colour |' "$scratch/small/small.gexf" >"$scratch/badviz.gexf"
jing "$SCHEMAS/gexf.rng" "$scratch/badviz.gexf" >/dev/null 2>&1 && fail "jing accepts an unknown viz element"

# The hostile label that closes a <script> stays text everywhere.
for ext in gexf yed.graphml; do
  grep -q '<script' "$scratch/hostile/hostile.$ext" && fail "hostile.$ext holds a <script> element"
done

# Deterministic: a second build is byte-identical (not the PDF: cairo writes
# its creation time into it).
run build -q -f "$MORE" -o "$scratch/again" "$KG_TEST_DATA/hostile.kg.json"
for f in hostile.gexf hostile.cyjs hostile.style.json hostile.vizmap.xml hostile.yed.graphml hostile.cypher \
  hostile.nt hostile.ttl hostile.png hostile.neo4j/nodes_body.csv \
  hostile.neo4j/relationships_cooperates_with.csv; do
  cmp -s "$scratch/hostile/$f" "$scratch/again/$f" || fail "$f differs between two builds"
done

# yEd GraphML is plain GraphML plus graphics: the same keys and data once
# the prologue, the two graphics keys and the graphics values are removed.
strip_yed() {
  sed -e '1,/^<graphml /d' -e '/xmlns:y=/d' -e '/xsi:schemaLocation=/d' -e '/yfiles.type=/d' \
    -e '/<data key="\(node\|edge\)_graphics">/,/<\/data>/d' "$1"
}
strip_yed "$scratch/small/small.yed.graphml" >"$scratch/yed.stripped"
sed -e '1,/^<graphml /d' -e '/xsi:schemaLocation=/d' "$scratch/small/plain/small.graphml" >"$scratch/plain.stripped"
cmp -s "$scratch/yed.stripped" "$scratch/plain.stripped" ||
  fail "yEd GraphML differs from plain GraphML beyond the graphics: $(diff "$scratch/yed.stripped" "$scratch/plain.stripped" | head -c 400)"

# The Neo4j folder has one file per type used, named after it.
[ "$(ls "$scratch/small/small.neo4j" | tr '\n' ' ')" = "nodes_body.csv nodes_operation.csv \
nodes_organisation.csv nodes_place.csv nodes_treaty.csv relationships_cooperates_with.csv \
relationships_located_at.csv relationships_operates_under.csv relationships_part_of.csv \
relationships_signed_by.csv relationships_succeeded_by.csv relationships_supports.csv " ] ||
  fail "small.neo4j holds: $(ls "$scratch/small/small.neo4j" | tr '\n' ' ')"

# A failed run leaves no Neo4j folder behind: small.gexf cannot replace a
# folder of that name, so the run fails and the CSV files are never committed.
mkdir -p "$scratch/blocked/small.gexf/inside"
run build -q -f gexf,neo4j -o "$scratch/blocked" "$KG_TEST_DATA/small.kg.json"
expect_rc 3 "build onto a folder named small.gexf"
[ ! -e "$scratch/blocked/small.neo4j" ] || fail "a failed build left small.neo4j: $(ls -R "$scratch/blocked/small.neo4j" | head -5)"

# Without -f, kg build writes the default formats only.
run build -q -o "$scratch/defaults" "$KG_TEST_DATA/small.kg.json"
expect_rc 0 "build with default formats"
[ "$(ls "$scratch/defaults" | tr '\n' ' ')" = "small.dot small.graphml small.html small.json small.svg " ] ||
  fail "default build wrote: $(ls "$scratch/defaults" | tr '\n' ' ')"

# Names and extensions both select a format; the unknown-format message lists
# every format from the table.
run build -q -f ttl,turtle,ntriples,cyjs,style.json,yed.graphml -o "$scratch/aliases" "$KG_TEST_DATA/small.kg.json"
expect_rc 0 "format aliases"
[ "$(ls "$scratch/aliases" | tr '\n' ' ')" = "small.cyjs small.nt small.style.json small.ttl small.yed.graphml " ] ||
  fail "aliases wrote: $(ls "$scratch/aliases" | tr '\n' ' ')"
run build -q -f gexf,nosuch -o "$scratch/nosuch" "$KG_TEST_DATA/small.kg.json"
expect_rc 1 "unknown format"
expect_stderr "unknown format 'nosuch' (known: dot, graphml, json, svg, html, gexf, cytoscape, cytoscape-style, cytoscape-vizmap, yed, cypher, neo4j, nt, ttl, png, pdf)" "format list from the table"
[ ! -e "$scratch/nosuch" ] || fail "a usage error created the output folder"
run build --help
for name in gexf cytoscape-style cytoscape-vizmap yed cypher neo4j nt ttl png pdf; do
  expect_stdout "$name" "build --help lists $name"
done

finish
