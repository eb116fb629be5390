"""The benchmark pipeline in python3-igraph, phase by phase, timed with its
own clock (bench/kg_pipeline.c does the same in libkg):

    /usr/bin/python3 ig_pipeline.py NODES.tsv EDGES.tsv OUTDIR FROM TO

load the TSV node and edge lists (values typed as kg types them) into a
directed igraph Graph with vertex and edge attributes, PageRank (PRPACK,
directed, damping 0.85), weakly connected components, one shortest path
FROM -> TO ignoring direction, then GraphML (igraph's writer), node-link
JSON (igraph has no writer: built from the attributes and json.dump) and
DOT (igraph's writer) into OUTDIR. Prints "phase NAME SECONDS" and
"rss NAME KB" (peak so far) lines."""
import csv
import json
import resource
import sys
import time

import igraph as ig


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


def read_columns(path):
    """The header and one list per column, values typed, missing as None."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        columns = [[] for _ in header]
        appends = [c.append for c in columns]
        for row in rows:
            for append, v in zip(appends, row):
                append(typed(v) if v else None)
    return header, columns


def load(nodes_path, edges_path):
    header, columns = read_columns(nodes_path)
    names = columns[header.index("id")]
    index = {name: i for i, name in enumerate(names)}
    vattrs = {"name": names}
    for k, col in zip(header, columns):
        if k != "id":
            vattrs["type" if k == "category" else "label" if k == "name" else k] = col
    header, columns = read_columns(edges_path)
    s, o = columns[header.index("subject")], columns[header.index("object")]
    edges = [(index[a], index[b]) for a, b in zip(s, o)]
    eattrs = {"type" if k == "predicate" else k: col for k, col in zip(header, columns)
              if k not in ("subject", "object")}
    return ig.Graph(n=len(names), edges=edges, directed=True, vertex_attrs=vattrs,
                    edge_attrs=eattrs)


def node_link(g):
    vnames = g.vs.attribute_names()
    enames = g.es.attribute_names()
    ids = g.vs["name"]
    nodes = [{"id": v["name"], **{k: v[k] for k in vnames if k != "name" and v[k] is not None}}
             for v in g.vs]
    links = [{"source": ids[e.source], "target": ids[e.target],
              **{k: e[k] for k in enames if e[k] is not None}} for e in g.es]
    return {"directed": True, "multigraph": True, "graph": {"name": "bench"},
            "nodes": nodes, "links": links}


def main():
    nodes_path, edges_path, out, source, target = sys.argv[1:6]
    t0 = t = start()
    g = load(nodes_path, edges_path)
    phase("load", t)
    print(f"nodes {g.vcount()}\nedges {g.ecount()}")

    t = start()
    rank = g.pagerank(directed=True, damping=0.85)
    best = max(range(len(rank)), key=rank.__getitem__)
    phase("pagerank", t)
    print(f"top_pagerank {g.vs[best]['name']} {rank[best]:.6g}")
    del rank

    t = start()
    comps = g.connected_components(mode="weak")
    sizes = sorted(comps.sizes(), reverse=True)
    phase("components", t)
    print(f"components {len(sizes)}\nlargest_component {sizes[0] if sizes else 0}")

    t = start()
    path = g.get_shortest_paths(source, to=target, mode="all", output="vpath")[0]
    phase("path", t)
    print(f"path_length {len(path) - 1 if path else -1}")

    t = start()
    g.write_graphml(f"{out}/ig.graphml")
    phase("write_graphml", t)
    t = start()
    with open(f"{out}/ig.json", "w", encoding="utf-8") as f:
        json.dump(node_link(g), f)
    phase("write_json", t)
    t = start()
    g.write_dot(f"{out}/ig.dot")
    phase("write_dot", t)
    phase("total", t0)


if __name__ == "__main__":
    main()
