#!/usr/bin/env bash
# The analysis commands checked against independent implementations: every
# centrality measure (normalised and raw, undirected and directed), sampled
# and cut-off betweenness, path lengths and path counts, neighbourhood
# distances, components and community modularity, compared with NetworkX
# and python3-igraph on the hand-computed fixture (tests/data/analysis.kg.json)
# and on every shipped data set (data/*.kg.json; no figures of those are
# hard-coded: the peers are the reference). The peers read kg's own JSON
# export (kg subgraph -o x.json), so the graph they see is the graph kg saw.
#
# Tolerances (absolute below 1, relative above, as raw values run high):
#   degree, betweenness, closeness, harmonic (exact arithmetic)   1e-9
#   PageRank, eigenvector, hub, authority (iterative solvers)     1e-6
#   community modularity (recomputed by both peers)               1e-9
#   community quality: kg's modularity >= python-igraph's best Louvain over
#   5 seeds minus 0.02 (heuristics; seeds differ between the two RNGs)
. "$(dirname "$0")/lib.sh"

# Messages and exit codes first: names, ambiguity, suggestions, filters.
fixture="$KG_TEST_DATA/analysis.kg.json"
run path "$fixture" mercury alpha
expect_rc 2 "ambiguous name"
expect_stderr "name 'mercury' is ambiguous: 2 entities match; use an id: 'india' (Mercury), 'juliet' (Mercury)" "ambiguous name"
run neighbours "$fixture" "Operation Delt"
expect_rc 2 "unknown name"
expect_stderr "unknown entity 'Operation Delt'; did you mean 'Operation Delta'?" "unknown name"
run path "$fixture" TÜRKIYE "charlie council" -f csv
expect_rc 0 "accents and case"
expect_stdout "bravo,Bravo,supports,->,charlie,Charlie Council,bravo:supports:charlie" "accents and case"
run path "$fixture" alpha hotel
expect_rc 0 "no path"
expect_stderr "no undirected path from 'alpha' to 'hotel'" "no path"
run path "$fixture" alpha foxtrot --edge-type supports,part_of
expect_rc 0 "edge types"
expect_stderr "no undirected path" "edge types: succeeded_by and located_at left out"
run path "$fixture" alpha foxtrot --exclude-edge-type supports
expect_rc 0 "excluded edge types"
expect_stderr "no undirected path" "excluded edge types"
run path "$fixture" delta echo --as-of 2003-06
expect_rc 2 "--as-of leaves echo out"
expect_stderr "entity 'echo' (Operation Echo, operation) is not in the selection" "--as-of"
run components "$fixture" --as-of 1995 -f json
expect_rc 0 "--as-of within"
expect_stdout '"members": ["hotel", "juliet"]' "--as-of within hotel's interval"
run components "$fixture" --as-of 2000 -f json
expect_stdout '"members": ["juliet"]' "--as-of after hotel's interval"
run centrality "$fixture" --node-type organization
expect_rc 2 "unknown node type"
expect_stderr "unknown node type 'organization'; did you mean 'organisation'?" "unknown node type"
run centrality "$fixture" --cutoff 2 --samples 3
expect_rc 1 "cutoff and samples"
run centrality "$fixture" -m betweeness
expect_rc 1 "unknown measure"
expect_stderr "did you mean 'betweenness'?" "unknown measure"
run centrality "$fixture" --top 3 -m degree
expect_rc 0 "--top"
[ "$(grep -c '^ *[0-9]' "$scratch/stdout")" -eq 3 ] || fail "--top 3 printed: $(cat "$scratch/stdout")"
run centrality "$fixture" -m pagerank,degree -f csv
expect_rc 0 "csv"
head -1 "$scratch/stdout" | grep -q '^rank,id,label,type,pagerank,degree' || fail "csv header: $(head -1 "$scratch/stdout")"
run subgraph "$fixture" delta -o "$scratch/ego.graphml" -q
expect_rc 0 "subgraph graphml"
grep -q '<node id="charlie"' "$scratch/ego.graphml" || fail "ego network lacks charlie"
grep -q '<node id="alpha"' "$scratch/ego.graphml" && fail "ego network of depth 1 has alpha"
run subgraph "$fixture" -o "$scratch/ego.unknown"
expect_rc 1 "subgraph unknown extension"
[ -z "$(ls -A "$scratch" | grep '^\.')" ] || fail "temporary files left: $(ls -A "$scratch")"
for cmd in centrality path neighbours subgraph components communities; do
  run help "$cmd"
  expect_rc 0 "help $cmd"
  expect_stdout "Usage: kg $cmd" "help $cmd"
done

# The comparisons.
datasets=("$fixture")
for f in "$KG_SOURCE_DIR"/data/*.kg.json; do
  [ -e "$f" ] && datasets+=("$f")
done
"$PY" - "$KG" "$scratch" "${datasets[@]}" <<'PYEOF' || fail "comparison with NetworkX and python-igraph"
import json, math, os, random, subprocess, sys
import networkx as nx
import igraph as ig

KG, SCRATCH, DATASETS = sys.argv[1], sys.argv[2], sys.argv[3:]
EXACT, ITERATIVE = 1e-9, 1e-6
problems = []

def kg(*args):
    p = subprocess.run([KG, *args], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"kg {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p.stdout

def kg_json(*args):
    return json.loads(kg(*args, "-f", "json"))

class Graphs:
    """The views kg documents, built by the peers from kg's own export."""
    def __init__(self, path):
        out = os.path.join(SCRATCH, os.path.basename(path) + ".export.json")
        kg("subgraph", path, "-o", out, "-q")
        data = json.load(open(out))
        raw = json.load(open(path))
        schema = json.load(open(os.path.join(os.path.dirname(path), raw.get("schema", "schema.json"))))
        symmetric = {t for t, d in schema["edge_types"].items() if d.get("symmetric")}
        self.ids = sorted(n["id"] for n in data["nodes"])
        self.n = len(self.ids)
        links = [(l["source"], l["target"], l["type"]) for l in data["links"]]
        self.multi = nx.MultiGraph(); self.multi.add_nodes_from(self.ids)
        self.multi_d = nx.MultiDiGraph(); self.multi_d.add_nodes_from(self.ids)
        for s, t, ty in links:
            self.multi.add_edge(s, t)
            self.multi_d.add_edge(s, t)
            if ty in symmetric and s != t:
                self.multi_d.add_edge(t, s)
        self.noloop = nx.MultiGraph(self.multi); self.noloop.remove_edges_from(list(nx.selfloop_edges(self.noloop)))
        self.noloop_d = nx.MultiDiGraph(self.multi_d); self.noloop_d.remove_edges_from(list(nx.selfloop_edges(self.noloop_d)))
        self.simple = nx.Graph(self.noloop)
        self.simple_d = nx.DiGraph(self.noloop_d)
        index = {v: i for i, v in enumerate(self.ids)}
        def to_ig(g, directed):
            return ig.Graph(n=self.n, edges=[(index[s], index[t]) for s, t in g.edges()], directed=directed)
        self.ig_simple = {False: to_ig(self.simple, False), True: to_ig(self.simple_d, True)}
        self.ig_noloop = {False: to_ig(self.noloop, False), True: to_ig(self.noloop_d, True)}

def compare(name, got, want, tol, stats):
    worst = 0.0
    for v in want:
        d = abs(got[v] - want[v]) / max(1.0, abs(want[v]))  # raw values run to thousands
        worst = max(worst, d)
        if not d <= tol:
            problems.append(f"{name}: {v}: kg {got[v]!r}, peer {want[v]!r}")
            break
    stats[name] = worst

from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python as pagerank_python
from networkx.algorithms.link_analysis.hits_alg import _hits_python as hits_python

def weighted(multi, directed):
    w = nx.DiGraph() if directed else nx.Graph()
    w.add_nodes_from(multi.nodes())
    for s, t in multi.edges():
        if w.has_edge(s, t):
            w[s][t]["weight"] += 1
        else:
            w.add_edge(s, t, weight=1)
    return w

def by_id(g, values):
    return {g.ids[i]: float(x) for i, x in enumerate(values)}

def unit(values, norm):
    s = norm(list(values.values()))
    return {k: (v / s if s else 0.0) for k, v in values.items()}

def check_centrality(path, g, stats):
    for directed in (False, True):
        view = "directed" if directed else "undirected"
        args = ["--directed"] if directed else []
        norm = {r["id"]: r for r in kg_json("centrality", path, "-m", "all", *args)["results"]}
        raw = {r["id"]: r for r in kg_json("centrality", path, "-m", "all", "--raw", *args)["results"]}
        col = lambda table, m: {v: table[v][m] for v in g.ids}
        s, sd = g.simple_d if directed else g.simple, g.ig_simple[directed]
        nl, il = g.noloop_d if directed else g.noloop, g.ig_noloop[directed]
        n = g.n
        if not directed:
            compare("degree/nx", col(norm, "degree"), nx.degree_centrality(g.multi), EXACT, stats)
            compare("degree raw/nx", col(raw, "degree"), dict(g.multi.degree()), EXACT, stats)
            compare("in-degree/nx", col(norm, "in-degree"), nx.in_degree_centrality(g.multi_d), EXACT, stats)
            compare("out-degree/nx", col(norm, "out-degree"), nx.out_degree_centrality(g.multi_d), EXACT, stats)
            compare("in-degree raw/nx", col(raw, "in-degree"), dict(g.multi_d.in_degree()), EXACT, stats)
        # betweenness
        compare(f"betweenness {view}/nx", col(norm, "betweenness"), nx.betweenness_centrality(s), EXACT, stats)
        compare(f"betweenness {view} raw/nx", col(raw, "betweenness"),
                nx.betweenness_centrality(s, normalized=False), EXACT, stats)
        compare(f"betweenness {view} raw/igraph", col(raw, "betweenness"),
                by_id(g, sd.betweenness(directed=directed)), EXACT, stats)
        # closeness and harmonic follow relations out of a node: NetworkX
        # measures distances into it, so it gets the reversed graph
        rs = s.reverse() if directed else s
        compare(f"closeness {view}/nx", col(norm, "closeness"), nx.closeness_centrality(rs), EXACT, stats)
        ig_close = [0.0 if math.isnan(x) else x for x in sd.closeness(mode="out", normalized=False)]
        compare(f"closeness {view} raw/igraph", col(raw, "closeness"), by_id(g, ig_close), EXACT, stats)
        compare(f"harmonic {view} raw/nx", col(raw, "harmonic"), nx.harmonic_centrality(rs), EXACT, stats)
        compare(f"harmonic {view}/igraph", col(norm, "harmonic"),
                by_id(g, sd.harmonic_centrality(mode="out", normalized=True)) if n > 1 else {}, EXACT, stats)
        # numpy is not among the test dependencies: NetworkX's pure-Python
        # solvers, on the multigraph collapsed to weights (parallel = +1)
        w = weighted(nl, directed)
        compare(f"pagerank {view}/nx", col(norm, "pagerank"),
                pagerank_python(w, alpha=0.85, tol=1e-15, max_iter=100000), ITERATIVE, stats)
        compare(f"pagerank {view}/igraph", col(norm, "pagerank"),
                by_id(g, il.pagerank(directed=directed, damping=0.85)), ITERATIVE, stats)
        if nl.number_of_edges():
            compare(f"eigenvector {view} raw/nx", col(raw, "eigenvector"),
                    nx.eigenvector_centrality(w, max_iter=100000, tol=1e-15, weight="weight"), ITERATIVE, stats)
            compare(f"eigenvector {view}/igraph", col(norm, "eigenvector"),
                    by_id(g, il.eigenvector_centrality(directed=directed, scale=True)), ITERATIVE, stats)
        if directed and nl.number_of_edges():
            try:
                hubs, auths = hits_python(w, max_iter=20000, tol=1e-13)
                compare("hub raw/nx", col(raw, "hub"), hubs, ITERATIVE, stats)
                compare("authority raw/nx", col(raw, "authority"), auths, ITERATIVE, stats)
            except nx.PowerIterationFailedConvergence:
                # a leading eigenvalue of A^T A that is not simple: power
                # iteration oscillates and the scores are not unique
                stats["hub, authority/nx"] = "skipped: NetworkX's power iteration did not converge"
            compare("hub/igraph", col(norm, "hub"), by_id(g, il.hub_score(scale=True)), ITERATIVE, stats)
            compare("authority/igraph", col(norm, "authority"), by_id(g, il.authority_score(scale=True)), ITERATIVE, stats)
        # approximate betweenness: a cutoff, then a seeded sample of sources
        cut = {r["id"]: r["betweenness"] for r in kg_json("centrality", path, "-m", "betweenness", "--raw", "--cutoff", "2", *args)["results"]}
        compare(f"betweenness {view} cutoff 2/igraph", cut,
                by_id(g, sd.betweenness(directed=directed, cutoff=2)), EXACT, stats)
        if n >= 4:
            k = max(2, n // 3)
            out = kg_json("centrality", path, "-m", "betweenness", "--raw", "--samples", str(k), "--seed", "7", *args)
            sources = out["sources"].split(" ")
            subset = nx.betweenness_centrality_subset(s, sources, g.ids, normalized=False)
            compare(f"betweenness {view} sampled/nx", {r["id"]: r["betweenness"] for r in out["results"]},
                    {v: x * n / k for v, x in subset.items()}, EXACT, stats)
            again = kg_json("centrality", path, "-m", "betweenness", "--raw", "--samples", str(k), "--seed", "7", *args)
            if again != out:
                problems.append("sampled betweenness differs between two runs with one seed")

def check_paths(path, g, stats):
    rng = random.Random(1)
    worst = 0
    for directed, view in ((False, "undirected"), (True, "directed")):
        s = g.simple_d if directed else g.simple
        args = ["--direction", "out"] if directed else []
        # every node's distances (neighbours --depth all) against BFS
        for v in (g.ids if g.n <= 60 else rng.sample(g.ids, 60)):
            out = kg_json("neighbours", path, v, "--depth", "all", *args)
            got = {r["id"]: r["distance"] for r in out["results"]}
            want = nx.single_source_shortest_path_length(s, v)
            if got != want:
                problems.append(f"neighbours {view} {v}: kg {got}, nx {want}")
                break
        # path lengths and the number of shortest paths for sampled pairs
        pairs = [(a, b) for a in g.ids for b in g.ids]
        for a, b in (pairs if len(pairs) <= 120 else rng.sample(pairs, 80)):
            out = kg_json("path", path, a, b, "--all", *(["--directed"] if directed else []))
            if not nx.has_path(s, a, b):
                if out["paths"] != 0:
                    problems.append(f"path {view} {a} {b}: kg found one, nx none")
                continue
            want_len = nx.shortest_path_length(s, a, b)
            want_count = sum(1 for _ in nx.all_shortest_paths(s, a, b))
            if out.get("length") != want_len or out["paths"] != min(want_count, 1000):
                problems.append(f"path {view} {a} {b}: kg length {out.get('length')} x{out['paths']}, nx {want_len} x{want_count}")
            steps = [r for r in out["results"] if r["path"] == 1]
            if len(steps) != want_len or any(not r["evidence"] for r in steps):
                problems.append(f"path {view} {a} {b}: steps or evidence missing")
            worst = max(worst, abs((out.get("length") or 0) - want_len))
    stats["path lengths"] = worst

def check_groups(path, g, stats):
    for kind, peer in (("weak", nx.connected_components(g.simple)),
                       ("strong", nx.strongly_connected_components(g.simple_d))):
        out = kg_json("components", path, *(["--strong"] if kind == "strong" else []))
        got = sorted(sorted(r["members"]) for r in out["results"])
        want = sorted(sorted(c) for c in peer)
        if got != want:
            problems.append(f"{kind} components differ: kg {got[:3]}..., nx {want[:3]}...")
    index = {v: i for i, v in enumerate(g.ids)}
    best = 0.0
    for seed in range(5):  # python-igraph draws from Python's random module
        random.seed(seed)
        if g.simple.number_of_edges():
            best = max(best, g.ig_simple[False].community_multilevel().modularity)
    for method in ("louvain", "leiden"):
        out = kg_json("communities", path, "-m", method, "--seed", "3")
        if kg_json("communities", path, "-m", method, "--seed", "3") != out:
            problems.append(f"{method}: two runs with one seed differ")
        communities = [set(r["members"]) for r in out["results"]]
        if g.simple.number_of_edges():
            q_nx = nx.algorithms.community.modularity(g.simple, communities)
            membership = [0] * g.n
            for c, members in enumerate(communities):
                for v in members:
                    membership[index[v]] = c
            q_ig = g.ig_simple[False].modularity(membership)
            stats[f"{method} modularity/nx"] = abs(out["modularity"] - q_nx)
            stats[f"{method} modularity/igraph"] = abs(out["modularity"] - q_ig)
            if abs(out["modularity"] - q_nx) > EXACT or abs(out["modularity"] - q_ig) > EXACT:
                problems.append(f"{method}: modularity kg {out['modularity']}, nx {q_nx}, igraph {q_ig}")
            if out["modularity"] < best - 0.02:
                problems.append(f"{method}: modularity {out['modularity']} well below igraph's Louvain {best}")
            stats[f"{method} modularity"] = f"{out['modularity']:.4f} (python-igraph Louvain best of 5: {best:.4f})"

for path in DATASETS:
    g = Graphs(path)
    stats = {}
    check_centrality(path, g, stats)
    check_paths(path, g, stats)
    check_groups(path, g, stats)
    print(f"{os.path.basename(path)}: {g.n} nodes, {g.multi.number_of_edges()} relations; max |kg - peer| / max(1, |peer|):")
    for k, v in stats.items():
        print(f"  {k}: {v:.3g}" if isinstance(v, float) else f"  {k}: {v}")
for p in problems:
    print("MISMATCH:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PYEOF

finish
