"""The benchmark pipeline in NetworkX, phase by phase, timed with its own
clock (bench/kg_pipeline.c does the same in libkg):

    /usr/bin/python3 nx_pipeline.py NODES.tsv EDGES.tsv OUTDIR FROM TO

load the TSV node and edge lists into a MultiDiGraph (values typed as kg
types them: integer, real, boolean or text), PageRank (directed, damping
0.85), weakly connected components, one shortest path FROM -> TO ignoring
direction, then GraphML, node-link JSON and DOT into OUTDIR. Prints
"phase NAME SECONDS" and "rss NAME KB" (peak so far) lines.

Debian's python3-networkx has no SciPy here, so PageRank is NetworkX's
pure-Python power iteration (_pagerank_python, same definition), and DOT is
written by a plain loop because neither pydot nor pygraphviz is installed."""
import csv
import json
import resource
import sys
import time

import networkx as nx


def typed(text):
    if text in ("true", "false"):
        return text == "true"
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


def start():
    """When a phase started: wall clock and CPU time of the process."""
    return time.perf_counter(), time.process_time()


def phase(name, started):
    print(f"phase {name} {time.perf_counter() - started[0]:.3f}")
    print(f"cpu {name} {time.process_time() - started[1]:.3f}")
    print(f"rss {name} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)


def load(nodes_path, edges_path):
    g = nx.MultiDiGraph(name="bench")
    with open(nodes_path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        keys = ["type" if k == "category" else "label" if k == "name" else k for k in header]
        for row in rows:
            g.add_node(row[0], **{k: typed(v) for k, v in zip(keys[1:], row[1:]) if v})
    with open(edges_path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        s, p, o = header.index("subject"), header.index("predicate"), header.index("object")
        rest = [i for i in range(len(header)) if i not in (s, p, o)]
        for row in rows:
            attrs = {header[i]: typed(row[i]) for i in rest if row[i]}
            g.add_edge(row[s], row[o], type=row[p], **attrs)
    return g


def dot_string(value):
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_dot(g, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("digraph bench {\n")
        for n, d in g.nodes(data=True):
            attrs = ", ".join(f"{dot_string(k)}={dot_string(v)}" for k, v in d.items())
            f.write(f"  {dot_string(n)} [{attrs}];\n")
        for u, v, d in g.edges(data=True):
            attrs = ", ".join(f"{dot_string(k)}={dot_string(x)}" for k, x in d.items())
            f.write(f"  {dot_string(u)} -> {dot_string(v)} [{attrs}];\n")
        f.write("}\n")


def main():
    nodes_path, edges_path, out, source, target = sys.argv[1:6]
    t0 = t = start()
    g = load(nodes_path, edges_path)
    phase("load", t)
    print(f"nodes {g.number_of_nodes()}\nedges {g.number_of_edges()}")

    t = start()
    try:
        rank = nx.pagerank(g, alpha=0.85)
    except ImportError:  # no SciPy: the pure-Python power iteration
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        rank = _pagerank_python(g, alpha=0.85)
    best = max(rank, key=rank.get)
    phase("pagerank", t)
    print(f"top_pagerank {best} {rank[best]:.6g}")
    del rank

    t = start()
    sizes = sorted((len(c) for c in nx.weakly_connected_components(g)), reverse=True)
    phase("components", t)
    print(f"components {len(sizes)}\nlargest_component {sizes[0] if sizes else 0}")

    t = start()
    try:
        length = len(nx.shortest_path(g.to_undirected(as_view=True), source, target)) - 1
    except nx.NetworkXNoPath:
        length = -1
    phase("path", t)
    print(f"path_length {length}")

    t = start()
    nx.write_graphml(g, f"{out}/nx.graphml")
    phase("write_graphml", t)
    t = start()
    with open(f"{out}/nx.json", "w", encoding="utf-8") as f:
        json.dump(nx.node_link_data(g), f)
    phase("write_json", t)
    t = start()
    write_dot(g, f"{out}/nx.dot")
    phase("write_dot", t)
    phase("total", t0)


if __name__ == "__main__":
    main()
