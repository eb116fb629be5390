# test_import.sh - kg convert and kg build on imported graphs: round trips
# through GraphML, DOT and JSON compared by Python; files written by
# NetworkX and python-igraph at test time; the real GraphML and DOT files
# in ../shared/corpora (never copied or edited); yEd; malformed inputs.
. "$(dirname "$0")/lib.sh"
HERE=$(dirname "$0")
CORPORA="$KG_SOURCE_DIR/../shared/corpora"
COMPARE="$PY $HERE/compare_graphs.py"

# ---- round trips: JSON -> GraphML/DOT/JSON -> JSON -------------------------
run build "$KG_TEST_DATA/small.kg.json" "$KG_TEST_DATA/hostile.kg.json" -o "$scratch/b" \
  -f dot,graphml,json -q
expect_rc 0 "build the fixtures"
for name in small hostile; do
  for via in graphml dot json; do
    run convert "$scratch/b/$name.$via" "$scratch/$name.from-$via.json"
    expect_rc 0 "convert $name.$via"
    $COMPARE "$scratch/b/$name.json" "$scratch/$name.from-$via.json" --via $via >/dev/null ||
      fail "$name: JSON -> $via -> JSON is not the same graph"
  done
  # The same through kg convert only (no schema: no styles, no legend).
  for via in graphml dot; do
    run convert "$scratch/b/$name.json" "$scratch/$name.c.$via"
    expect_rc 0 "convert $name.json to $via"
    run convert "$scratch/$name.c.$via" "$scratch/$name.c.$via.json"
    expect_rc 0 "convert $name.c.$via back"
    $COMPARE "$scratch/b/$name.json" "$scratch/$name.c.$via.json" --via $via >/dev/null ||
      fail "$name: kg convert JSON -> $via -> JSON is not the same graph"
  done
done
# With the schema, the DOT types are checked and its styles dropped as derived.
run convert "$scratch/b/small.dot" "$scratch/small.schema.json" --schema "$KG_TEST_DATA/schema.json"
expect_rc 0 "DOT with --schema"
$COMPARE "$scratch/b/small.json" "$scratch/small.schema.json" --via dot >/dev/null ||
  fail "DOT with --schema is not the same graph"
# kg build takes imported files as data sets.
run build "$scratch/b/small.graphml" -o "$scratch/rebuilt" -f json,svg
expect_rc 0 "kg build small.graphml"
expect_stdout "10 nodes, 12 edges" "kg build small.graphml summary"
$COMPARE "$scratch/b/small.json" "$scratch/rebuilt/small.json" --via graphml >/dev/null ||
  fail "kg build of GraphML is not the same graph"
# Standard input and output.
"$KG" convert - - --from dot --to json <"$scratch/b/small.dot" >"$scratch/stdio.json" 2>"$scratch/stderr" ||
  fail "convert - - from standard input"
$COMPARE "$scratch/b/small.json" "$scratch/stdio.json" --via dot >/dev/null || fail "stdin/stdout"

# ---- files written by NetworkX and python-igraph ---------------------------
$PY - "$scratch" <<'EOF' || fail "NetworkX/igraph could not write the test files"
import json, sys, networkx as nx, igraph as ig
d = sys.argv[1]
G = nx.MultiDiGraph(name="nx")
G.add_node("a", kind="org", size=3, ratio=0.5, ok=True, label="Alpha")
G.add_node("b", kind="org", size=4, ratio=1.25, ok=False)
G.add_node(7, kind="person")
G.add_edge("a", "b", weight=1.5, rel="x")
G.add_edge("a", "b", weight=2.0, rel="y")   # parallel edge
G.add_edge("b", 7, weight=3.0, rel="x")
nx.write_graphml(G, f"{d}/nx.graphml")
data = nx.node_link_data(G)
json.dump(data, open(f"{d}/nx.json", "w"))
data["edges"] = data.pop("links")           # NetworkX 3.6+ spelling
json.dump(data, open(f"{d}/nx-edges.json", "w"))
g = ig.Graph(directed=True)
g.add_vertices(3)
g.vs["name"] = ["p", "q", "r"]
g.vs["age"] = [30, 41, 52]
g.vs["score"] = [0.5, 1.5, 2.5]
g.add_edges([(0, 1), (0, 1), (1, 2)])
g.es["kind"] = ["knows", "knows", "likes"]
g.write_graphml(f"{d}/igraph.graphml")
EOF
for f in nx.graphml nx.json nx-edges.json; do
  run convert "$scratch/$f" "$scratch/$f.kg.json" --node-type-attr kind --edge-type-attr rel
  expect_rc 0 "import NetworkX $f"
  $PY - "$scratch/$f.kg.json" "$f" <<'EOF' || fail "NetworkX $f imported wrongly"
import json, sys
g = json.load(open(sys.argv[1]))
nodes = {n["id"]: n for n in g["nodes"]}
assert set(nodes) == {"a", "b", "7"}, nodes
assert nodes["a"]["type"] == "org" and nodes["7"]["type"] == "person", nodes
assert nodes["a"]["size"] == 3 and isinstance(nodes["a"]["size"], int), nodes["a"]
assert nodes["a"]["ratio"] == 0.5 and nodes["a"]["ok"] is True and nodes["b"]["ok"] is False
assert nodes["a"]["label"] == "Alpha" and nodes["b"]["label"] == "b"
edges = sorted((e["source"], e["target"], e["type"], e["weight"]) for e in g["links"])
assert edges == [("a", "b", "x", 1.5), ("a", "b", "y", 2.0), ("b", "7", "x", 3.0)], edges
assert all(isinstance(e["weight"], float) for e in g["links"])
EOF
done
run convert "$scratch/igraph.graphml" "$scratch/igraph.kg.json" --edge-type-attr kind
expect_rc 0 "import python-igraph GraphML"
$PY - "$scratch/igraph.kg.json" <<'EOF' || fail "python-igraph GraphML imported wrongly"
import json, sys
g = json.load(open(sys.argv[1]))
nodes = {n["id"]: n for n in g["nodes"]}
assert [nodes[i]["name"] for i in ("n0", "n1", "n2")] == ["p", "q", "r"], nodes
assert nodes["n1"]["age"] == 41 and nodes["n2"]["score"] == 2.5, nodes
edges = sorted((e["source"], e["target"], e["type"]) for e in g["links"])
assert edges == [("n0", "n1", "knows"), ("n0", "n1", "knows"), ("n1", "n2", "likes")], edges
EOF
# ...and NetworkX reads back what kg wrote from them.
run convert "$scratch/nx.json" "$scratch/nx.back.graphml"
expect_rc 0 "NetworkX JSON to GraphML"
$PY -c "import networkx as nx,sys; G=nx.read_graphml(sys.argv[1]); assert (G.number_of_nodes(), G.number_of_edges()) == (3, 3)" \
  "$scratch/nx.back.graphml" || fail "NetworkX cannot read kg's GraphML of its own graph"

# ---- real files from other tools: ../shared/corpora -------------------------
# Files that must import; every one is compared with an independent reader
# (NetworkX for GraphML where it can read the file, Graphviz's gc for DOT).
# The corpora sit beside the clone (../shared); a clone on its own skips them.
if [ -d "$CORPORA/graphml" ] && [ -d "$CORPORA/dot" ]; then
  ok=0 rejected=0
  for f in "$CORPORA"/graphml/*.graphml; do
    base=$(basename "$f" .graphml)
    case "$base" in
      bug_1970|bug_2506_1|invalid2) want="is declared twice" ;;
      invalid1) want="XML error: Input is not proper UTF-8" ;;
      invalid3) want="empty file" ;;
      invalid4) want="XML error: input conversion failed" ;;
      invalid5) want="<data> without a key" ;;
      invalid6) want="XML error: Couldn't find end of Start Tag" ;;
      tinkerpop-graph-types-bad) want="key 'id-d' (d): expected a number, found ''" ;;
      *) want="" ;;
    esac
    run convert "$f" "$scratch/corpus.json"
    if [ -n "$want" ]; then
      expect_rc 2 "corpus $base is invalid"
      expect_stderr "$want" "corpus $base"
      grep -qE "^kg: $f:[0-9]+:[0-9]+: " "$scratch/stderr" || fail "corpus $base: no FILE:LINE:COL"
      rejected=$((rejected + 1))
      continue
    fi
    expect_rc 0 "corpus $base imports"
    $PY - "$f" "$scratch/corpus.json" <<'EOF' || fail "corpus $base: counts differ from NetworkX"
import json, sys, networkx as nx
g = json.load(open(sys.argv[2]))
try:
    G = nx.read_graphml(sys.argv[1], force_multigraph=True)
except Exception:
    sys.exit(0)  # NetworkX cannot read it (yFiles, undeclared keys): nothing to compare
assert G.number_of_nodes() == len(g["nodes"]), (G.number_of_nodes(), len(g["nodes"]))
assert G.number_of_edges() == len(g["links"]), (G.number_of_edges(), len(g["links"]))
EOF
    ok=$((ok + 1))
  done
  for f in "$CORPORA"/dot/*.gv "$CORPORA"/dot/*.dot; do
    base=$(basename "$f")
    run convert "$f" "$scratch/corpus.json"
    [ "$base" != multi.gv ] || expect_stderr "warning: more graphs follow 'G'" "corpus multi.gv"
    if [ "$base" = boost-graphviz_test.dot ]; then  # Boost extension Graphviz rejects too
      expect_rc 2 "corpus $base is invalid DOT"
      expect_stderr "$f:14:25: DOT syntax error in line 14 near ';'" "corpus $base"
      rejected=$((rejected + 1))
      continue
    fi
    expect_rc 0 "corpus $base imports"
    counts=$(gc -n -e "$f" 2>/dev/null | head -n 1 | awk '{print $1, $2}') # kg reads the first graph
    mine=$($PY -c "import json,sys; g=json.load(open(sys.argv[1])); print(len(g['nodes']), len(g['links']))" "$scratch/corpus.json")
    [ "$counts" = "$mine" ] || fail "corpus $base: gc counts '$counts', kg '$mine'"
    ok=$((ok + 1))
  done
  echo "corpus: $ok files imported, $rejected rejected with a clear error"
  [ "$ok" -ge 45 ] && [ "$rejected" -ge 10 ] || fail "corpus: expected 45+ imported, 10+ rejected"
else
  echo "corpus: skipped, $CORPORA not found"
fi

# ---- yEd ------------------------------------------------------------------
run convert "$KG_TEST_DATA/import/yed.graphml" "$scratch/yed.json" --node-type-attr kind \
  --edge-type-attr label
expect_rc 0 "yEd file"
expect_stderr "warning: graph nested in 'n1' flattened" "yEd group node"
$PY - "$scratch/yed.json" <<'EOF' || fail "yEd file imported wrongly"
import json, sys
g = json.load(open(sys.argv[1]))
labels = {n["id"]: (n["label"], n["type"]) for n in g["nodes"]}
assert labels == {"n0": ("NATO", "organisation"), "n1": ("European Union", "organisation"),
                  "n1::n0": ("EU Military\nStaff", "body")}, labels
assert sorted(e["type"] for e in g["links"]) == ["cooperates_with", "part_of"]
assert [e["weight"] for e in sorted(g["links"], key=lambda e: e["id"])] == [1.0, 2.5]
EOF

# ---- malformed inputs: FILE:LINE:COL and exit 2 -----------------------------
printf '<graphml><graph>\n<node id="a">\n</graph></graphml>\n' >"$scratch/bad.graphml"
printf 'digraph {\n  a -> b;\n  c -> ;\n}\n' >"$scratch/bad.dot"
printf '{"nodes": [\n  {"id": "a",}\n]}\n' >"$scratch/bad.json"
printf 'source,target\na,b\n"c"d,e\n' >"$scratch/bad.csv"
printf 'source\ttarget\na\tb\tc\n' >"$scratch/bad.tsv"
printf '<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n<graphml><graph><node id="&b;"/></graph></graphml>\n' \
  >"$scratch/entities.graphml"
for spec in "bad.graphml:3:9: XML error: Opening and ending tag mismatch" \
            "bad.dot:3:8: DOT syntax error in line 3 near ';'" \
            "bad.json:2:14: JSON syntax error" \
            "bad.csv:3:4: unexpected text after a quoted field" \
            "bad.tsv:2:1: row has 3 fields, the header 2" \
            "entities.graphml:2:37: the document declares entities"; do
  file=${spec%%:*}
  run convert "$scratch/$file" "$scratch/out.json"
  expect_rc 2 "malformed $file"
  expect_stderr "kg: $scratch/$spec" "malformed $file"
  [ ! -e "$scratch/out.json" ] || fail "malformed $file: an output was written"
done
run convert "$scratch/b/small.json" "$scratch/x.unknown"
expect_rc 1 "unknown output extension"
run convert "$scratch/x.unknown" "$scratch/x.json"
expect_rc 1 "unknown input extension"
expect_stderr "cannot tell the format" "unknown input extension"
# Streaming readers: no size limit by default, the one given otherwise.
for f in small.json small.graphml; do
  run convert "$scratch/b/$f" "$scratch/limit.dot" --max-input-size 100
  expect_rc 3 "$f over --max-input-size"
  expect_stderr "over the limit of 100" "$f over --max-input-size"
done
run convert "$scratch/b/small.graphml" "$scratch/limit.json" --max-nodes 3
expect_rc 3 "node limit"
expect_stderr "more than 3 nodes" "node limit"
# A folder format written by convert: the folder is made, one CSV per type.
run convert "$scratch/b/small.graphml" "$scratch/small.neo4j"
expect_rc 0 "convert to neo4j"
for f in nodes_organisation.csv relationships_succeeded_by.csv; do
  [ -s "$scratch/small.neo4j/$f" ] || fail "convert to neo4j: $f missing"
done
run convert "$scratch/b/small.graphml" - --to neo4j
expect_rc 1 "neo4j to stdout"
expect_stderr "writes a folder of files" "neo4j to stdout"
run build "$scratch/bad.dot" -o "$scratch/never"
expect_rc 2 "kg build of a malformed DOT file"
[ ! -e "$scratch/never" ] || fail "kg build wrote output for a malformed input"

finish
