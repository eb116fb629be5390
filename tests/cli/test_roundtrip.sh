#!/usr/bin/env bash
# Every format kg both writes and reads comes back as the graph it wrote:
# kg build -> FORMAT -> kg convert -> node-link JSON, compared with the JSON
# kg build wrote (compare_graphs.py: ids, types, labels, aliases, dates,
# evidence, attributes with their types; only what a format is documented
# to lose is allowed). Formats: GraphML, yEd GraphML, DOT, node-link JSON,
# Cytoscape JSON (.cyjs) and the neo4j-admin CSV folder.
. "$(dirname "$0")/lib.sh"
COMPARE="$PY $(dirname "$0")/compare_graphs.py"

datasets=("$KG_TEST_DATA/small.kg.json" "$KG_TEST_DATA/hostile.kg.json")
for f in "$KG_SOURCE_DIR"/data/*.kg.json; do
  [ -e "$f" ] && datasets+=("$f")
done
for f in "${datasets[@]}"; do
  name=$(basename "$f" .kg.json)
  run build -q -f json,graphml,yed,dot,neo4j,cytoscape -o "$scratch/$name" "$f"
  expect_rc 0 "build $name"
  for via in graphml yed dot json neo4j cyjs; do
    case $via in
    yed) written="$scratch/$name/$name.yed.graphml" ;;
    *) written="$scratch/$name/$name.$via" ;;
    esac
    back="$scratch/$name.from-$via.json"
    run convert "$written" "$back"
    expect_rc 0 "convert $name.$via back"
    [ "$rc" -eq 0 ] || continue
    $COMPARE "$scratch/$name/$name.json" "$back" --via "$via" >"$scratch/compare.out" 2>&1 ||
      fail "$name: $via does not read back as the graph written: $(head -c 1500 "$scratch/compare.out")"
  done
done

# The specific losses the readers used to have.
grep -q '"attr_label"' "$scratch/small.from-yed.json" && fail "yEd edge labels (the types) became attributes"
grep -q 'Entity;' "$scratch/small.from-neo4j.json" && fail "Neo4j labels became types"
grep -q 'string\[\]' "$scratch/small.from-neo4j.json" && fail "a Neo4j array column kept its header suffix"
# One file of the folder with its node list, as the convert help describes.
run convert "$scratch/small/small.neo4j/relationships_part_of.csv" \
  --nodes "$scratch/small/small.neo4j/nodes_body.csv" "$scratch/one.json"
[ "$rc" -eq 2 ] && expect_stderr "is not a node" "one relationships file needs every node file"
run convert "$scratch" "$scratch/none.json"
expect_rc 3 "a folder without nodes_*.csv"
expect_stderr "nodes_*.csv files of kg's neo4j export" "a folder without nodes_*.csv"

finish
