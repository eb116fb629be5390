"""check_exports.py DATASET.kg.json OUTDIR NAME

Reads the data set with Python's json module (the source of truth) and checks
that kg's exports in OUTDIR, as read by independent consumers, say the same:
  - NAME.graphml through NetworkX read_graphml and python-igraph Read_GraphML
  - NAME.json    through NetworkX node_link_graph
  - NAME.dot     through Graphviz itself (`dot -Tjson0`)
Every node's id, type, label, aliases, description, dates and free attributes
(with their types) and every edge's id, endpoints, type, dates and evidence
must survive. Exits 1 listing each difference.

Run with /usr/bin/python3 (Debian's networkx and igraph).
"""
import json
import subprocess
import sys

import igraph
import networkx as nx

from kg_expect import (as_list, check, check_sources, expected_graph, exported_name, problems, same_value,
                       xml_expected)


def plain(tool, text):
    return xml_expected(text) if "graphml" in tool or tool == "igraph" else text


def check_node(tool, nid, got, want):
    where = "%s node %s" % (tool, nid)
    check(got.get("type") == want["type"], where + ": type %r" % got.get("type"))
    check(got.get("label") == plain(tool, want["label"]),
          where + ": label %r != %r" % (got.get("label"), want["label"]))
    check(got.get("description") == plain(tool, want.get("description")), where + ": description")
    for d in ("start", "end"):
        check(got.get(d) == want.get(d), where + ": %s %r" % (d, got.get(d)))
    aliases = got.get("aliases") or []
    if isinstance(aliases, str):
        aliases = json.loads(aliases)
    check(aliases == want.get("aliases", []), where + ": aliases %r" % (aliases,))
    for key, value in want.get("attributes", {}).items():
        name = exported_name(key)
        check(name in got and same_value(got[name], plain(tool, value)),
              where + ": attribute %r = %r, want %r" % (name, got.get(name), value))


def check_edge(tool, eid, got, want, nodes_of):
    where = "%s edge %s" % (tool, eid)
    check(nodes_of == (want["source"], want["target"]), where + ": endpoints %r" % (nodes_of,))
    check(got.get("type") == want["type"], where + ": type")
    for d in ("start", "end"):
        check(got.get(d) == want.get(d), where + ": %s" % d)
    evidence = got.get("evidence")
    if isinstance(evidence, str):
        evidence = json.loads(evidence)
    check(evidence == as_list(want["evidence"]), where + ": evidence %r" % (evidence,))
    for key, value in want.get("attributes", {}).items():
        name = exported_name(key)
        check(name in got and same_value(got[name], plain(tool, value)),
              where + ": attribute %r" % name)


def check_networkx(tool, g, nodes, edges):
    check(g.is_directed() and g.is_multigraph(), tool + ": not a directed multigraph")
    check(set(g.nodes) == set(nodes), tool + ": node ids differ: %r" % (set(g.nodes) ^ set(nodes)))
    check(g.number_of_edges() == len(edges), tool + ": %d edges, want %d" % (g.number_of_edges(), len(edges)))
    for nid, attrs in g.nodes(data=True):
        if nid in nodes:
            check_node(tool, nid, attrs, nodes[nid])
    for u, v, key, attrs in g.edges(keys=True, data=True):
        eid = attrs.get("edge_id", attrs.get("id", key))
        check(key == eid, tool + ": edge key %r is not its id %r" % (key, eid))
        if eid in edges:
            check_edge(tool, eid, attrs, edges[eid], (u, v))
        else:
            check(False, tool + ": unexpected edge %r" % eid)


def check_igraph(path, nodes, edges):
    g = igraph.Graph.Read_GraphML(path)
    check(g.is_directed(), "igraph: not directed")
    check(g.vcount() == len(nodes) and g.ecount() == len(edges),
          "igraph: %d nodes / %d edges" % (g.vcount(), g.ecount()))
    names = g.vs["id"]
    # igraph 0.10 returns '&' in attribute *names* as the text "&#38;".
    def attrs_of(element):
        return {k.replace("&#38;", "&"): x for k, x in element.attributes().items()
                if x not in ("", None)}
    for v in g.vs:
        check_node("igraph", v["id"], attrs_of(v), nodes[v["id"]])
    for e in g.es:
        attrs = attrs_of(e)
        check_edge("igraph", attrs["edge_id"], attrs, edges[attrs["edge_id"]],
                   (names[e.source], names[e.target]))


def dot_unescape(text):
    """What Graphviz shows for a DOT string: \\\\ is one backslash, \\n a newline."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in "\\n":
            out.append("\\" if text[i + 1] == "\\" else "\n")
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def dot_expected_label(label):
    """Our DOT escaper's documented loss: control characters other than
    newline become spaces, U+FFFE/U+FFFF become U+FFFD."""
    out = []
    for ch in label:
        if ch == "\n":
            out.append(ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(" ")
        elif ord(ch) in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def check_dot_fields(where, got, want):
    """description, aliases (JSON text) and free attributes, as text."""
    if "description" in want:
        check(dot_unescape(got.get("description", "")) == dot_expected_label(want["description"]),
              where + ": description")
    if "aliases" in want:
        check(json.loads(dot_unescape(got.get("aliases", "[]"))) == want["aliases"], where + ": aliases")
    for key, value in want.get("attributes", {}).items():
        text = dot_unescape(got.get(exported_name(key), ""))
        if isinstance(value, bool):
            ok = text == ("true" if value else "false")
        elif isinstance(value, (int, float)):
            ok = same_value(float(text), value) if text else False
        else:
            ok = text == dot_expected_label(value)
        check(ok, "%s: attribute %r = %r" % (where, key, text[:80]))


def check_dot(path, data, nodes, edges):
    result = subprocess.run(["dot", "-Tjson0", path], capture_output=True, check=False)
    check(result.returncode == 0, "dot: exit %d: %s" % (result.returncode, result.stderr[:300]))
    if result.returncode != 0:
        return
    g = json.loads(result.stdout)
    objects = [o for o in g.get("objects", []) if "nodes" not in o and o.get("kg_legend") != "true"]
    ids = {o["name"] for o in objects}
    check(ids == set(nodes), "dot: node ids differ: %r" % (ids ^ set(nodes)))
    for o in objects:
        want = nodes.get(o["name"])
        if want:
            check(dot_unescape(o.get("label", "")) == dot_expected_label(want["label"]),
                  "dot: label of %s: %r" % (o["name"], o.get("label")))
            check(o.get("type") == want["type"], "dot: type of %s" % o["name"])
            check_dot_fields("dot node " + o["name"], o, want)
    legend = {o["_gvid"] for o in g.get("objects", []) if o.get("kg_legend") == "true"}
    real = [e for e in g.get("edges", []) if e["tail"] not in legend]
    check(len(real) == len(edges), "dot: %d edges, want %d" % (len(real), len(edges)))
    for e in real:
        check(e.get("id") in edges, "dot: unknown edge id %r" % e.get("id"))
        want = edges.get(e.get("id"))
        if want:
            check(json.loads(dot_unescape(e.get("evidence", "null"))) == as_list(want["evidence"]),
                  "dot: evidence of %s" % e["id"])
            check_dot_fields("dot edge " + e["id"], e, want)
    if data.get("title"):
        check(dot_unescape(g.get("label", "")) == dot_expected_label(data["title"]),
              "dot: graph label %r" % g.get("label", "")[:80])


def main():
    dataset, outdir, name = sys.argv[1:4]
    data, nodes, edges, _ = expected_graph(dataset)
    graphml = "%s/%s.graphml" % (outdir, name)
    check_networkx("networkx-graphml", nx.read_graphml(graphml), nodes, edges)
    link_data = json.load(open("%s/%s.json" % (outdir, name), encoding="utf-8"))
    check("links" in link_data and "edges" not in link_data, "json: no 'links' key")
    check(link_data["graph"].get("name") == data.get("name"), "json: graph name")
    check(link_data["graph"].get("title") == data.get("title"), "json: graph title")
    check_sources("json", link_data["graph"].get("sources"), data)
    graph_data = nx.read_graphml(graphml).graph
    check(graph_data.get("title") == xml_expected(data.get("title")), "graphml: graph title")
    check_sources("graphml", graph_data.get("sources"), data)
    check_networkx("networkx-json", nx.node_link_graph(link_data), nodes, edges)
    check_igraph(graphml, nodes, edges)
    check_dot("%s/%s.dot" % (outdir, name), data, nodes, edges)
    for p in problems:
        print("FAIL:", p)
    print("%s: %d nodes, %d edges checked by NetworkX %s, igraph %s and dot; %d problem(s)"
          % (name, len(nodes), len(edges), nx.__version__, igraph.__version__, len(problems)))
    sys.exit(1 if problems else 0)


main()
