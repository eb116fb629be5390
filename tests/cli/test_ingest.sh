# test_ingest.sh - `kg ingest` as a user runs it: KGX and kg TSV headers,
# JSON Lines, schema errors with file:line:column, --check, limits, the
# analysis commands reading bulk inputs, generated graphs (one past the
# size at which exports run in two threads) compared with NetworkX reading
# the same TSV, and the generator's determinism.
. "$(dirname "$0")/lib.sh"
schema=$KG_TEST_DATA/schema.json
d=$scratch/in
mkdir -p "$d"

printf 'id\tcategory\tname\tfounded\n' >"$d/nodes.tsv"
printf 'nato\torganisation\tNATO\t1949\n' >>"$d/nodes.tsv"
printf 'brussels\tplace\tBrussels\t\n' >>"$d/nodes.tsv"
printf 'eu\tbiolink:Organisation\tEuropean Union\t1993\n' >>"$d/nodes.tsv"
printf 'subject\tpredicate\tobject\tstart\tweight\n' >"$d/edges.tsv"
printf 'nato\tlocated_at\tbrussels\t1967\t2.5\n' >>"$d/edges.tsv"
printf 'eu\tcooperates_with\tnato\t2001-01-24\t1\n' >>"$d/edges.tsv"

# KGX headers, with the schema (biolink:Organisation is organisation).
run ingest --nodes "$d/nodes.tsv" --edges "$d/edges.tsv" --schema "$schema" -o "$scratch/out"
expect_rc 0 "KGX ingest"
expect_stdout "in: 3 nodes, 2 edges" "summary names the folder"
for ext in dot graphml json; do
  [ -s "$scratch/out/in.$ext" ] || fail "KGX ingest: no in.$ext"
done
[ -e "$scratch/out/in.svg" ] && fail "KGX ingest: svg written though not asked for"
$PY - "$scratch/out/in.json" <<'EOF' || fail "NetworkX cannot read the ingested graph's JSON"
import json, sys
import networkx as nx
g = nx.node_link_graph(json.load(open(sys.argv[1])))
assert g.number_of_nodes() == 3 and g.number_of_edges() == 2, g
assert g.nodes["eu"]["type"] == "organisation", g.nodes["eu"]
assert g.nodes["nato"]["founded"] == 1949
assert "founded" not in g.nodes["brussels"]
EOF
xmllint --noout "$scratch/out/in.graphml" 2>/dev/null || fail "GraphML is not well-formed"

# kg's own headers and JSON Lines; --check writes nothing; --name.
printf 'id\ttype\tlabel\na\tbody\tA\nb\tbody\tB\n' >"$d/own_nodes.tsv"
printf 'source\ttype\ttarget\tid\na\tpart_of\tb\tr1\n' >"$d/own_edges.tsv"
run ingest --nodes "$d/own_nodes.tsv" --edges "$d/own_edges.tsv" --check
expect_rc 0 "own headers"
expect_stdout "own: 2 nodes, 1 edges" "name from x_nodes.tsv"
[ -e out ] && fail "--check wrote out/"
cat >"$d/g.jsonl" <<'EOF'
{"id": "a", "category": ["body"], "name": "A", "size": 3}
{"subject": "a", "predicate": "part_of", "object": "b", "start": "2001-05"}
{"id": "b", "type": "body", "label": "B"}
EOF
run ingest "$d/g.jsonl" --schema "$schema" -o "$scratch/jl" -n lines -f json
expect_rc 0 "JSON Lines"
expect_stdout "lines: 2 nodes, 1 edges" "JSON Lines summary"
grep -q '"size": 3' "$scratch/jl/lines.json" || fail "JSON Lines: typed attribute lost"

# Schema errors: every one, with line and column, and a hint.
printf 'id\tcategory\tname\nnato\torganization\tNATO\nparis\tplace\tParis\n' >"$d/bad_nodes.tsv"
printf 'subject\tpredicate\tobject\nparis\tlocatd_at\tparis\nparis\tlocated_at\tpariss\n' \
  >"$d/bad_edges.tsv"
run ingest --nodes "$d/bad_nodes.tsv" --edges "$d/bad_edges.tsv" --schema "$schema" -o "$scratch/bad"
expect_rc 2 "schema errors"
expect_stderr "bad_nodes.tsv:2:6: unknown node type 'organization'; did you mean 'organisation'?" "type typo"
expect_stderr "bad_edges.tsv:2:7: unknown edge type 'locatd_at'; did you mean 'located_at'?" "edge type typo"
expect_stderr "bad_edges.tsv:3:18: edge target 'pariss' is not a node; did you mean 'paris'?" "unknown node"
[ -e "$scratch/bad" ] && fail "a failed ingest wrote output"
printf '{"id": "x"\n' >"$d/broken.jsonl"
run ingest "$d/broken.jsonl" --check
expect_rc 2 "JSON syntax"
expect_stderr "broken.jsonl:1:" "JSON syntax error has a position"

# Limits, usage, drawings of large graphs.
run ingest --max-nodes 2 --nodes "$d/nodes.tsv" --check
expect_rc 3 "--max-nodes"
expect_stderr "more than 2 nodes" "limit message"
run ingest
expect_rc 1 "no input"
run ingest "$d/nodes.tsv" --bogus
expect_rc 1 "unknown option"

# The analysis commands read bulk inputs too: a folder or an edge list.
run centrality "$d" -m pagerank --top 2 --schema "$schema"
expect_rc 0 "centrality on a folder"
expect_stdout "nato" "centrality ranks nato"
run components "$d/edges.tsv"
expect_rc 0 "components on an edge list with nodes.tsv beside it"

# The generator: same seed, same bytes; another seed, other bytes.
cc -O2 -std=c11 -o "$scratch/gen" "$KG_SOURCE_DIR/bench/gen.c" || fail "bench/gen.c does not compile"
mkdir -p "$scratch/g1" "$scratch/g2" "$scratch/g3"
"$scratch/gen" 300 1500 7 "$scratch/g1" tsv jsonl
"$scratch/gen" 300 1500 7 "$scratch/g2" tsv jsonl
"$scratch/gen" 300 1500 8 "$scratch/g3" tsv
for f in nodes.tsv edges.tsv nodes.jsonl edges.jsonl; do
  cmp -s "$scratch/g1/$f" "$scratch/g2/$f" || fail "generator: $f differs for the same seed"
done
cmp -s "$scratch/g1/edges.tsv" "$scratch/g3/edges.tsv" && fail "generator: seed ignored"

# A generated graph: kg's reading of the TSV (TSV and JSONL alike) equals
# NetworkX's reading of the same TSV. A second one, of 20,000 nodes and
# 60,000 edges, is past the size at which exports run in two threads
# (16,384 records): its JSON and GraphML must read back the same, and
# Graphviz must count the same in its DOT.
run ingest --nodes "$scratch/g1/nodes.tsv" --edges "$scratch/g1/edges.tsv" -o "$scratch/gk" -n tsv -f json
expect_rc 0 "generated TSV"
run ingest --nodes "$scratch/g1/nodes.jsonl" --edges "$scratch/g1/edges.jsonl" -o "$scratch/gk" -n jsonl -f json
expect_rc 0 "generated JSONL"
mkdir -p "$scratch/g4"
"$scratch/gen" 20000 60000 3 "$scratch/g4" tsv
run ingest --nodes "$scratch/g4/nodes.tsv" --edges "$scratch/g4/edges.tsv" -o "$scratch/gk4" -n big \
  -f json,graphml,dot
expect_rc 0 "generated TSV past the two-thread size"
counts=$(gvpr 'BEG_G { print(nNodes($G), " ", nEdges($G)); }' "$scratch/gk4/big.dot")
[ "$counts" = "20000 60000" ] || fail "Graphviz counts '$counts' in the large DOT, not 20000 60000"
$PY - "$scratch/g1" "$scratch/gk" "$scratch/g4" "$scratch/gk4" <<'EOF' || fail "kg and NetworkX disagree on the generated graph"
import collections, csv, json, sys
import networkx as nx
src, out = sys.argv[1], sys.argv[2]

def typed(v):
    for t in (int, float):
        try:
            return t(v)
        except ValueError:
            pass
    return v

def reference(folder):
    ref = nx.MultiDiGraph()
    with open(f"{folder}/nodes.tsv", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        for r in rows:
            ref.add_node(r["id"], type=r["category"], label=r["name"],
                         **{k: typed(r[k]) for k in ("founded", "score") if r[k]})
    with open(f"{folder}/edges.tsv", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            ref.add_edge(r["subject"], r["object"], type=r["predicate"],
                         **{k: r[k] for k in ("start", "end") if r[k]},
                         weight=float(r["weight"]))
    return ref

def edges(g):
    return collections.Counter((u, v, d["type"], d.get("start"), d.get("end"), d["weight"])
                               for u, v, d in g.edges(data=True))

def check(name, ref, g):
    assert g.number_of_nodes() == ref.number_of_nodes(), name
    assert g.number_of_edges() == ref.number_of_edges(), name
    for n, d in ref.nodes(data=True):
        mine = {k: v for k, v in g.nodes[n].items() if k != "id"}
        assert mine == d, (name, n, mine, d)
    assert edges(g) == edges(ref), name
    assert dict(g.degree()) == dict(ref.degree()), name
    assert sorted(map(len, nx.weakly_connected_components(g))) == \
        sorted(map(len, nx.weakly_connected_components(ref))), name

ref = reference(src)
for name in ("tsv", "jsonl"):
    check(name, ref, nx.node_link_graph(json.load(open(f"{out}/{name}.json"))))
big = reference(sys.argv[3])
check("big json", big, nx.node_link_graph(json.load(open(f"{sys.argv[4]}/big.json"))))
check("big graphml", big, nx.read_graphml(f"{sys.argv[4]}/big.graphml", force_multigraph=True))
EOF
finish
