"""The export half of the benchmark pipeline in python3-igraph, for
bench/build_vs_igraph.sh: load the TSV node and edge lists into a directed
igraph Graph with typed attributes (as bench/ig_pipeline.py does), then
write GraphML (igraph's writer), node-link JSON (built from the attributes,
json.dump) and DOT (igraph's writer) into OUTDIR, nothing else:

    /usr/bin/python3 ig_export.py NODES.tsv EDGES.tsv OUTDIR

Prints "nodes N" and "edges M"."""
import json
import sys

from ig_pipeline import load, node_link


def main():
    nodes_path, edges_path, out = sys.argv[1:4]
    g = load(nodes_path, edges_path)
    print(f"nodes {g.vcount()}\nedges {g.ecount()}")
    g.write_graphml(f"{out}/ig.graphml")
    with open(f"{out}/ig.json", "w", encoding="utf-8") as f:
        json.dump(node_link(g), f)
    g.write_dot(f"{out}/ig.dot")


if __name__ == "__main__":
    main()
