#!/usr/bin/env bash
# test_import_cytoscape.sh - reading Cytoscape JSON: a file in the form
# Cytoscape desktop 3.x exports (tests/data/import/desktop.cyjs, with
# positions and Cytoscape's own columns), the element lists Cytoscape.js
# takes, files NetworkX's cytoscape_data writes at test time (compared with
# NetworkX's graph), detection by extension and by content, standard input,
# and errors by JSON Pointer or line:column. kg's own .cyjs round trip is
# in test_roundtrip.sh.
. "$(dirname "$0")/lib.sh"

desktop=$KG_TEST_DATA/import/desktop.cyjs
# json FILE EXPR: evaluates EXPR (Python) over the node-link JSON in FILE as g.
check() {
  $PY - "$1" "$2" <<'EOF'
import json, sys
g = json.load(open(sys.argv[1], encoding="utf-8"))
nodes = {n["id"]: n for n in g["nodes"]}
links = g["links"]
ok = eval(sys.argv[2])
sys.exit(0 if ok else 1)
EOF
}

# ---- Cytoscape desktop's export ----------------------------------------------
run convert "$desktop" "$scratch/desktop.json" --node-type-attr kind
expect_rc 0 "desktop .cyjs"
out=$scratch/desktop.json
check "$out" 'len(nodes) == 3 and len(links) == 3' || fail "desktop: 3 nodes, 3 edges"
check "$out" 'g["graph"]["name"] == "treaties"' || fail "desktop: the network's name"
check "$out" 'nodes["128"]["label"] == "NATO" and nodes["132"]["type"] == "treaty"' ||
  fail "desktop: 'name' is the label, --node-type-attr the type"
check "$out" '[l["type"] for l in links] == ["cooperates_with", "signed_by", "signed_by"]' ||
  fail "desktop: 'interaction' is the edge type"
check "$out" 'nodes["128"]["founded"] == 1949 and nodes["128"]["score"] == 0.75 and nodes["130"]["is_alliance"] is False' ||
  fail "desktop: integer, real and boolean columns keep their types"
check "$out" 'json.loads(nodes["128"]["members"]) == ["Belgium", "Canada"]' ||
  fail "desktop: a list column is kept as its JSON text"
check "$out" '"score" not in nodes["132"]' || fail "desktop: a null value is no value"
check "$out" 'all(k not in e for e in list(nodes.values()) + links for k in ("SUID", "selected", "shared_name", "shared_interaction", "interaction", "x", "y", "position"))' ||
  fail "desktop: Cytoscape's bookkeeping columns and positions are not kept"
check "$out" '"name" not in nodes["128"] and links[0]["name"] == "NATO (cooperates_with) EU"' ||
  fail "desktop: a node's name is its label; an edge's name is kept"
check "$out" '[l["source"] for l in links] == ["128", "132", "132"] and links[0]["id"] == "140"' ||
  fail "desktop: edge ids and ends"

# By content: the same file named .json, and --from.
cp "$desktop" "$scratch/desktop-named.json"
run convert "$scratch/desktop-named.json" "$scratch/by-content.json"
expect_rc 0 "a .json file holding Cytoscape elements"
check "$scratch/by-content.json" 'len(nodes) == 3 and len(links) == 3' ||
  fail "content sniffing: Cytoscape elements in a .json file"
cp "$desktop" "$scratch/desktop.txt"
run convert "$scratch/desktop.txt" "$scratch/by-from.json" --from cyjs
expect_rc 0 "--from cyjs"
run convert - "$scratch/stdin.json" --from cyjs <"$desktop"
expect_rc 0 "--from cyjs on standard input"
check "$scratch/stdin.json" 'len(nodes) == 3' || fail "standard input"

# ---- Cytoscape.js element lists ------------------------------------------------
cat >"$scratch/list.json" <<'EOF'
[
  {"data": {"id": "a", "label": "A"}, "position": {"x": 1, "y": 2}, "classes": "big"},
  {"data": {"id": "ab", "source": "a", "target": "b", "type": "knows"}},
  {"group": "nodes", "data": {"id": "b"}, "locked": true}
]
EOF
run convert "$scratch/list.json" "$scratch/list.out.json"
expect_rc 0 "a bare Cytoscape.js element list"
check "$scratch/list.out.json" 'len(nodes) == 2 and links[0]["type"] == "knows" and links[0]["source"] == "a"' ||
  fail "element list: an element with source and target is an edge, before its nodes"
cat >"$scratch/grouped.cyjs" <<'EOF'
{"elements": [{"group": "edges", "data": {"source": "x", "target": "y", "interaction": "pp"}},
              {"group": "nodes", "data": {"id": "x", "name": "Ex"}},
              {"group": "nodes", "data": {"id": "y"}}],
 "style": [{"selector": "node", "style": {"label": "data(name)"}}], "zoom": 1.5}
EOF
run convert "$scratch/grouped.cyjs" "$scratch/grouped.json"
expect_rc 0 "{\"elements\": [...]} with groups"
check "$scratch/grouped.json" 'nodes["x"]["label"] == "Ex" and links[0]["type"] == "pp"' ||
  fail "grouped element list"

# ---- NetworkX's cytoscape_data --------------------------------------------------
$PY - "$scratch" <<'EOF' || fail "NetworkX could not write the Cytoscape test file"
import json, sys, networkx as nx
G = nx.MultiDiGraph()
G.add_node("a", kind="org", size=3, ratio=0.5)
G.add_node("b", kind="org", size=4, ratio=1.25)
G.add_node("c", kind="person")
G.add_edge("a", "b", weight=1.5, rel="x")
G.add_edge("a", "b", weight=2.0, rel="y")
G.add_edge("b", "c", weight=3.0, rel="x")
json.dump(nx.cytoscape_data(G), open(sys.argv[1] + "/nx-cy.json", "w"))
EOF
run convert "$scratch/nx-cy.json" "$scratch/nx-cy.out.json" --node-type-attr kind --edge-type-attr rel
expect_rc 0 "NetworkX cytoscape_data (a .json file: told by its content)"
$PY - "$scratch/nx-cy.json" "$scratch/nx-cy.out.json" <<'EOF' || fail "kg's graph differs from NetworkX's"
import json, sys, networkx as nx
G = nx.cytoscape_graph(json.load(open(sys.argv[1])))
g = json.load(open(sys.argv[2]))
assert len(g["nodes"]) == G.number_of_nodes() and len(g["links"]) == G.number_of_edges()
for n in g["nodes"]:
    want = G.nodes[n["id"]]
    assert n["type"] == want["kind"] and n.get("size") == want.get("size"), n
    assert n.get("ratio") == want.get("ratio"), n
got = sorted((l["source"], l["target"], l["type"], l["weight"]) for l in g["links"])
want = sorted((u, v, d["rel"], d["weight"]) for u, v, d in G.edges(data=True))
assert got == want, (got, want)
EOF

# ---- errors ---------------------------------------------------------------------
printf '{"elements": {"nodes": [{"data": {"id": "a"}}],\n "edges": [{"data": {"source": "a"}}]}}' \
  >"$scratch/bad-edge.cyjs"
run convert "$scratch/bad-edge.cyjs" "$scratch/x.json"
expect_rc 2 "an edge without a target"
expect_stderr "bad-edge.cyjs: /elements/edges/0/data: an edge needs a \"source\" and a \"target\"" \
  "an edge without a target, by JSON Pointer"
printf '{"elements": {"nodes": [{"data": {"id": "a"}}],\n "edges": [{"data": {"source": "a", "target": "zz"}}]}}' \
  >"$scratch/dangling.cyjs"
run convert "$scratch/dangling.cyjs" "$scratch/x.json"
expect_rc 2 "an edge to a node that is not there"
expect_stderr "zz" "the missing node is named"
printf '{"elements": [{"group": "edge", "data": {"id": "a"}}]}' >"$scratch/group.cyjs"
run convert "$scratch/group.cyjs" "$scratch/x.json"
expect_rc 2 "a wrong group"
expect_stderr "/elements/0/group: an element's \"group\" is \"nodes\" or \"edges\"" "a wrong group"
printf '{"elements": {"nodes": [{"data": {"id": "a"}},\n  {"data": {"id": "b"}]}}' >"$scratch/syntax.cyjs"
run convert "$scratch/syntax.cyjs" "$scratch/x.json"
expect_rc 2 "a syntax error"
expect_stderr "syntax.cyjs:2:23: JSON syntax error: '}' expected" "a syntax error at line:column"
printf '{"nodes": []}' >"$scratch/nodes.cyjs"
run convert "$scratch/nodes.cyjs" "$scratch/x.json"
expect_rc 2 "no elements"
expect_stderr "expected Cytoscape \"elements\"" "no elements"
[ ! -e "$scratch/x.json" ] || fail "an output was written for a bad input"

finish
