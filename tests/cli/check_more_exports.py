"""check_more_exports.py DATASET.kg.json OUTDIR NAME

Reads the data set with Python's json module (the source of truth) and checks
kg's other exports in OUTDIR with independent readers:
  - NAME.gexf         NetworkX read_gexf (ids, labels, typed attributes, the
                      dynamic start/end days, viz colours), and xmllint against
                      the vendored GEXF 1.3 XSD (tests/schemas/)
  - NAME.yed.graphml  NetworkX read_graphml (which also reads yFiles labels),
                      ElementTree for the y:ShapeNode/y:PolyLineEdge graphics,
                      xmllint against graphml.xsd extended for yFiles data
  - NAME.cyjs, NAME.style.json   Python's json module; the evidence also as
                      the text columns Cytoscape desktop keeps (quote,
                      evidence_source)
  - NAME.vizmap.xml   ElementTree: Cytoscape desktop's style XML, a discrete
                      mapping on "type" for each schema style, in the values
                      Cytoscape's visual lexicon knows
  - NAME.neo4j/*.csv  read by the rules of `neo4j-admin database import`
                      (neo4j_rows below) and by Python's csv module, which
                      must agree: headers, labels, counts, values
  - NAME.cypher       a small tokenizer: strings, names, brackets balanced,
                      every UNWIND batch's rows decoded back to the data
                      (Neo4j's own parser checks the syntax: test_cypher.sh)
  - NAME.nt, NAME.ttl rdflib: both parse, are the same graph, and say what
                      the data set says
Exits 1 listing each difference. Run with /usr/bin/python3 (Debian packages).
"""
import calendar
import csv
import glob
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import rdflib
from kg_expect import (as_list, check, check_sources, expected_graph, exported_name, problems, same_value,
                       xml_expected)
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS, XSD

SCHEMAS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schemas")
KG = rdflib.Namespace("https://kg.example/ns#")
KGT = rdflib.Namespace("https://kg.example/ns/type#")
KGR = rdflib.Namespace("https://kg.example/ns/relation#")
KGD = "https://kg.example/id/"
WDT = rdflib.Namespace("http://www.wikidata.org/prop/direct/")
Y = "{http://www.yworks.com/xml/graphml}"
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


def first_day(text):
    return None if text is None else text + ("-01-01" if len(text) == 4 else "-01" if len(text) == 7 else "")


def last_day(text):
    if text is None or len(text) == 10:
        return text
    if len(text) == 4:
        return text + "-12-31"
    year, month = int(text[:4]), int(text[5:7])
    return "%s-%02d" % (text, calendar.monthrange(year, month)[1])


def rgb(color):
    if not color or not color.startswith("#") or len(color) not in (7, 9):
        return None
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


def check_fields(tool, where, got, want, xml):
    """type, label, description, aliases, evidence and free attributes."""
    fix = xml_expected if xml else (lambda t: t)
    check(got.get("type") == want["type"], "%s %s: type %r" % (tool, where, got.get("type")))
    if "label" in want:
        check(got.get("label") == fix(want["label"]),
              "%s %s: label %r != %r" % (tool, where, got.get("label"), want["label"]))
        check(got.get("description") == fix(want.get("description")), "%s %s: description" % (tool, where))
        aliases = got.get("aliases") or []
        if isinstance(aliases, str):
            aliases = json.loads(aliases)
        check(aliases == want.get("aliases", []), "%s %s: aliases %r" % (tool, where, aliases))
    if "evidence" in want:
        evidence = got.get("evidence")
        if isinstance(evidence, str):
            evidence = json.loads(evidence)
        check(evidence == as_list(want["evidence"]), "%s %s: evidence %r" % (tool, where, evidence))
    for key, value in want.get("attributes", {}).items():
        name = exported_name(key)
        check(name in got and same_value(got[name], fix(value)),
              "%s %s: attribute %r = %r, want %r" % (tool, where, name, got.get(name), value))


# ---- GEXF ------------------------------------------------------------------

def register_gexf_13():
    """NetworkX (through 3.x) knows GEXF 1.1draft and 1.2draft; 1.3 reads
    the same once its namespaces are registered."""
    nx.readwrite.gexf.GEXF.versions.setdefault("1.3", {
        "NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "VERSION": "1.3"})


def check_gexf(path, nodes, edges, schema, scratch):
    register_gexf_13()
    g = nx.read_gexf(path, version="1.3")
    check(g.is_directed(), "gexf: not directed")
    check(set(g.nodes) == set(nodes), "gexf: node ids differ: %r" % (set(g.nodes) ^ set(nodes)))
    check(g.number_of_edges() == len(edges), "gexf: %d edges, want %d" % (g.number_of_edges(), len(edges)))
    node_styles = {k: v.get("style", {}) for k, v in schema["node_types"].items()}
    for nid, got in g.nodes(data=True):
        want = nodes.get(nid)
        if not want:
            continue
        check_fields("gexf", "node " + nid, got, want, True)
        # NetworkX puts the node's interval bounds into start/end.
        check(got.get("start") == first_day(want.get("start")), "gexf node %s: start %r" % (nid, got.get("start")))
        check(got.get("end") == last_day(want.get("end")), "gexf node %s: end %r" % (nid, got.get("end")))
        style = node_styles.get(want["type"], {})
        color = rgb(style.get("fillcolor") or style.get("color"))
        if color:
            c = got.get("viz", {}).get("color", {})
            check((c.get("r"), c.get("g"), c.get("b")) == color, "gexf node %s: viz colour %r" % (nid, c))
    for u, v, got in g.edges(data=True):
        eid = got.get("id")
        want = edges.get(eid)
        check(want is not None, "gexf: unexpected edge %r" % eid)
        if want:
            check((u, v) == (want["source"], want["target"]), "gexf edge %s: endpoints" % eid)
            check_fields("gexf", "edge " + eid, got, want, True)
            check(got.get("start") == first_day(want.get("start")), "gexf edge %s: start" % eid)
            check(got.get("end") == last_day(want.get("end")), "gexf edge %s: end" % eid)
    # The dates as the data set gives them are the start/end attvalues.
    root = ET.parse(path).getroot()
    titles = {a.get("id"): a.get("title") for a in root.iter(GEXF + "attribute")}
    ids = [e.get("id") for e in root.iter(GEXF + "edge")]
    check(len(ids) == len(set(ids)), "gexf: edge ids are not unique")
    for node in root.iter(GEXF + "node"):
        values = {titles[a.get("for")]: a.get("value") for a in node.iter(GEXF + "attvalue")}
        want = nodes[node.get("id")]
        for d in ("start", "end"):
            check(values.get(d) == want.get(d), "gexf node %s: %s text %r" % (node.get("id"), d, values.get(d)))
    # The GEXF 1.3 XSD (as published) declares the viz elements in the gexf
    # namespace, while Gephi and NetworkX use http://gexf.net/1.3/viz; the
    # structure is validated without them and the viz values were checked above.
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag.startswith(VIZ):
                parent.remove(child)
    stripped = os.path.join(scratch, os.path.basename(path) + ".noviz.gexf")
    ET.register_namespace("", "http://gexf.net/1.3")
    ET.ElementTree(root).write(stripped, encoding="UTF-8", xml_declaration=True)
    result = subprocess.run(["xmllint", "--noout", "--nonet", "--schema",
                             os.path.join(SCHEMAS, "gexf.xsd"), stripped],
                            capture_output=True, text=True, check=False)
    check(result.returncode == 0, "gexf: xmllint --schema gexf.xsd: %s" % result.stderr[-600:])


# ---- yEd GraphML -------------------------------------------------------------

def check_yed(path, nodes, edges, schema):
    g = nx.read_graphml(path)
    check(set(g.nodes) == set(nodes), "yed: node ids differ")
    check(g.number_of_edges() == len(edges), "yed: %d edges, want %d" % (g.number_of_edges(), len(edges)))
    for nid, got in g.nodes(data=True):
        if nid in nodes:
            check_fields("yed", "node " + nid, got, nodes[nid], True)
            check(got.get("shape_type") is not None, "yed node %s: no y:Shape" % nid)
    for u, v, key, got in g.edges(keys=True, data=True):
        want = edges.get(key)
        check(want is not None and got.get("edge_id") == key, "yed: unexpected edge %r" % key)
        if want:
            check((u, v) == (want["source"], want["target"]), "yed edge %s: endpoints" % key)
            check_fields("yed", "edge " + key, got, want, True)
            check(got.get("label") == want["type"], "yed edge %s: y:EdgeLabel %r" % (key, got.get("label")))
    root = ET.parse(path).getroot()
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    styles = {k: v.get("style", {}) for k, v in schema["node_types"].items()}
    for node in root.iter(ns + "node"):
        want = nodes[node.get("id")]
        shape = node.find(".//%sShapeNode" % Y)
        check(shape is not None, "yed node %s: no y:ShapeNode" % node.get("id"))
        if shape is None:
            continue
        label = shape.find(Y + "NodeLabel")
        check(label is not None and label.text == xml_expected(want["label"]),
              "yed node %s: y:NodeLabel %r" % (node.get("id"), label is not None and label.text))
        style = styles.get(want["type"], {})
        if "filled" in style.get("style", "") and rgb(style.get("fillcolor")):
            fill = shape.find(Y + "Fill").get("color")
            check(rgb(fill) == rgb(style["fillcolor"]), "yed node %s: fill %s" % (node.get("id"), fill))
    for edge in root.iter(ns + "edge"):
        check(edge.find(".//%sPolyLineEdge/%sLineStyle" % (Y, Y)) is not None,
              "yed edge %s: no y:PolyLineEdge" % edge.get("id"))


# ---- Cytoscape ---------------------------------------------------------------

def check_cytoscape(path, style_path, nodes, edges, schema, dataset):
    data = json.load(open(path, encoding="utf-8"))
    check(data["data"].get("title") == dataset.get("title"), "cytoscape: graph title")
    check_sources("cytoscape", data["data"].get("sources"), dataset)
    elements = data["elements"]
    got_nodes = {n["data"]["id"]: n["data"] for n in elements["nodes"]}
    got_edges = {e["data"]["id"]: e["data"] for e in elements["edges"]}
    check(set(got_nodes) == set(nodes), "cytoscape: node ids differ")
    check(set(got_edges) == set(edges) and len(elements["edges"]) == len(edges), "cytoscape: edge ids differ")
    check(not set(got_nodes) & set(got_edges), "cytoscape: a node and an edge share an id")
    for nid, got in got_nodes.items():
        if nid in nodes:
            check_fields("cytoscape", "node " + nid, got, nodes[nid], False)
            check(got.get("name") == nodes[nid]["label"], "cytoscape node %s: name" % nid)
            for d in ("start", "end"):
                check(got.get(d) == nodes[nid].get(d), "cytoscape node %s: %s" % (nid, d))
    # Cytoscape desktop turns a list of objects into a list of empty strings:
    # the evidence must also be there as text, one item a line.
    for where, got, want in ([("node " + k, v, nodes.get(k)) for k, v in got_nodes.items()] +
                             [("edge " + k, v, edges.get(k)) for k, v in got_edges.items()]):
        evidence = (want or {}).get("evidence")
        evidence = as_list(evidence) if evidence else []
        check(got.get("quote") == ("\n".join(e["quote"] for e in evidence) if evidence else None),
              "cytoscape %s: quote column %r" % (where, got.get("quote")))
        check(got.get("evidence_source") ==
              ("\n".join(e["source"] for e in evidence) if evidence else None),
              "cytoscape %s: evidence_source column %r" % (where, got.get("evidence_source")))
        for key, value in got.items():
            check(key == "evidence" or not (isinstance(value, list) and
                                            any(isinstance(v, (dict, list)) for v in value)),
                  "cytoscape %s: %s is a list of structures desktop cannot read" % (where, key))
    for eid, got in got_edges.items():
        want = edges.get(eid)
        if want:
            check((got["source"], got["target"]) == (want["source"], want["target"]), "cytoscape edge %s: ends" % eid)
            check_fields("cytoscape", "edge " + eid, got, want, False)
            check(got.get("interaction") == want["type"], "cytoscape edge %s: interaction" % eid)
    sheet = json.load(open(style_path, encoding="utf-8"))
    check(isinstance(sheet, list) and all(set(r) == {"selector", "style"} for r in sheet),
          "cytoscape style: not a list of {selector, style}")
    rules = {r["selector"]: r["style"] for r in sheet}
    for kind, types in (("node", schema["node_types"]), ("edge", schema["edge_types"])):
        for name, spec in types.items():
            selector = '%s[type = "%s"]' % (kind, name.replace("\\", "\\\\").replace('"', '\\"'))
            check(selector in rules, "cytoscape style: no rule %s" % selector)
            style = spec.get("style", {})
            if kind == "node" and "filled" in style.get("style", "") and "fillcolor" in style:
                check(rules.get(selector, {}).get("background-color") == style["fillcolor"],
                      "cytoscape style %s: background-color" % selector)
            if kind == "edge" and "color" in style:
                check(rules.get(selector, {}).get("line-color") == style["color"],
                      "cytoscape style %s: line-color" % selector)


# Cytoscape 3's visual lexicon: the values kg may write for each property.
VIZMAP_VALUES = {
    "NODE_SHAPE": {"RECTANGLE", "ROUND_RECTANGLE", "ELLIPSE", "HEXAGON", "OCTAGON",
                   "DIAMOND", "TRIANGLE", "PARALLELOGRAM"},
    "NODE_BORDER_STROKE": {"SOLID", "EQUAL_DASH", "DOT"},
    "EDGE_LINE_TYPE": {"SOLID", "EQUAL_DASH", "DOT"},
    "EDGE_TARGET_ARROW_SHAPE": {"NONE", "DELTA", "CIRCLE", "DIAMOND", "T", "ARROW", "SQUARE"},
    "EDGE_SOURCE_ARROW_SHAPE": {"NONE", "DELTA", "CIRCLE", "DIAMOND", "T", "ARROW", "SQUARE"},
}
COLOR_PROPERTIES = {"NODE_FILL_COLOR", "NODE_BORDER_PAINT", "NODE_LABEL_COLOR",
                    "EDGE_STROKE_UNSELECTED_PAINT", "EDGE_LABEL_COLOR", "NETWORK_BACKGROUND_PAINT"}


def check_vizmap(path, schema):
    root = ET.parse(path).getroot()
    check(root.tag == "vizmap" and root.get("documentVersion") == "3.1", "vizmap: root %r" % root.tag)
    styles = root.findall("visualStyle")
    check(len(styles) == 1 and re.fullmatch(r"[A-Za-z_][\w.-]*", styles[0].get("name", "")),
          "vizmap: not one visualStyle with an NCName")
    for section, types in (("node", schema["node_types"]), ("edge", schema["edge_types"])):
        element = styles[0].find(section)
        check(element is not None, "vizmap: no <%s>" % section)
        if element is None:
            continue
        properties = {p.get("name"): p for p in element.findall("visualProperty")}
        for name, prop in properties.items():
            values = [prop.get("default")] + [e.get("value") for e in prop.iter("discreteMappingEntry")]
            if name in VIZMAP_VALUES:
                check(set(values) <= VIZMAP_VALUES[name], "vizmap %s: values %r" % (name, values))
            if name in COLOR_PROPERTIES:
                check(all(re.fullmatch(r"#[0-9A-F]{6}", v) for v in values), "vizmap %s: colours %r" % (name, values))
            for mapping in prop.findall("discreteMapping"):
                check(mapping.get("attributeName") == "type" and mapping.get("attributeType") == "string"
                      and len(mapping) > 0, "vizmap %s: mapping" % name)
                check(all(e.get("attributeValue") in types for e in mapping), "vizmap %s: unknown type" % name)
        label = properties.get("%s_LABEL" % section.upper())
        column = "label" if section == "node" else "interaction"
        check(label is not None and label.find("passthroughMapping").get("attributeName") == column,
              "vizmap: %s label is not the %s column" % (section, column))
        colours = {e.get("attributeValue"): e.get("value") for e in
                   properties["NODE_FILL_COLOR" if section == "node" else "EDGE_STROKE_UNSELECTED_PAINT"]
                   .iter("discreteMappingEntry")}
        for name, spec in types.items():
            style = spec.get("style", {})
            want = (style.get("fillcolor") if "filled" in style.get("style", "") else None) \
                if section == "node" else style.get("color")
            if rgb(want):
                check(colours.get(name) == "#%02X%02X%02X" % rgb(want),
                      "vizmap %s %s: colour %r, want %r" % (section, name, colours.get(name), want))


# ---- Neo4j CSV and Cypher ------------------------------------------------------

NEO4J_TYPES = {"ID", "START_ID", "END_ID", "TYPE", "LABEL", "IGNORE", "int", "long", "float",
               "double", "boolean", "byte", "short", "char", "string", "point", "date",
               "localtime", "time", "localdatetime", "datetime", "duration"}


def neo4j_rows(where, text):
    """The records neo4j-admin database import reads from text with its
    defaults (--delimiter=, --quote=\" --legacy-style-quoting=false
    --trim-strings=false) and --multiline-fields=true, as kg's docs say:
    a field that starts with a quote runs to the next lone quote, "" being
    one quote, and may hold delimiters and line breaks; a backslash means
    nothing; after the closing quote comes a delimiter or the end of the
    line; an unquoted field cannot hold a quote. Each problem is reported."""
    rows, row, i, n = [], [], 0, len(text)
    while i < n:
        if text[i] == '"':
            value, i = [], i + 1
            while True:
                j = text.find('"', i)
                if j < 0:
                    check(False, "%s: a quoted field never ends" % where)
                    return rows
                value.append(text[i:j])
                if text.startswith('""', j):
                    value.append('"')
                    i = j + 2
                else:
                    i = j + 1
                    break
            row.append("".join(value))
            check(i == n or text[i] in ",\n", "%s: %r after a closing quote" % (where, text[i:i + 10]))
        else:
            j = i
            while j < n and text[j] not in ",\n":
                j += 1
            check('"' not in text[i:j], "%s: a quote inside an unquoted field %r" % (where, text[i:j][:40]))
            row.append(text[i:j])
            i = j
        if i < n and text[i] == ",":
            i += 1
            if i == n or text[i] == "\n":
                row.append("")
        if i == n or text[i] == "\n":
            rows.append(row)
            row, i = [], i + 1
    return rows


def check_neo4j_header(where, header):
    for column in header:
        name, colon, kind = column.rpartition(":")
        kind = kind[:-2] if kind.endswith("[]") else kind
        if colon:
            check(kind in NEO4J_TYPES, "%s: column %r has the unknown type %r" % (where, column, kind))
            check(":" not in name, "%s: column %r: a ':' in a name is ambiguous to neo4j-admin" % (where, column))


def check_neo4j(folder, nodes, edges):
    seen_nodes, seen_edges = {}, {}
    files = sorted(glob.glob(os.path.join(folder, "*.csv")))
    check(files, "neo4j: no CSV files in %s" % folder)
    for path in files:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        base = os.path.basename(path)
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        admin = neo4j_rows("neo4j-admin " + base, text)
        check(admin == rows, "neo4j %s: neo4j-admin's rules and Python's csv disagree" % base)
        check_neo4j_header("neo4j-admin " + base, admin[0] if admin else [])
        header, rows = rows[0], rows[1:]
        if base.startswith("nodes_"):
            check(header[:9] == ["id:ID", ":LABEL", "label", "description", "aliases:string[]",
                                 "start", "end", "evidence", "quote"], "neo4j %s: header %r" % (base, header))
            for row in rows:
                check(len(row) == len(header), "neo4j %s: row length" % base)
                want = nodes.get(row[0])
                seen_nodes[row[0]] = True
                check(want is not None, "neo4j %s: unknown node %r" % (base, row[0]))
                if not want:
                    continue
                check(base == "nodes_%s.csv" % want["type"], "neo4j: node %s in %s" % (row[0], base))
                check(row[1] == "Entity;" + want["type"], "neo4j node %s: labels %r" % (row[0], row[1]))
                check(row[2] == want["label"], "neo4j node %s: label %r" % (row[0], row[2]))
                # neo4j-admin has no escape for the array delimiter (documented).
                check(row[4] == ";".join(want.get("aliases", [])), "neo4j node %s: aliases" % row[0])
                check(row[5] == want.get("start", "") and row[6] == want.get("end", ""), "neo4j node %s: dates" % row[0])
                typed_values("neo4j node " + row[0], header[9:], row[9:], want.get("attributes", {}))
        else:
            check(base.startswith("relationships_"), "neo4j: unexpected file %s" % base)
            check(header[:8] == [":START_ID", ":END_ID", ":TYPE", "id", "start", "end", "evidence", "quote"],
                  "neo4j %s: header %r" % (base, header))
            for row in rows:
                want = edges.get(row[3])
                seen_edges[row[3]] = True
                check(want is not None, "neo4j %s: unknown edge %r" % (base, row[3]))
                if not want:
                    continue
                check(row[:3] == [want["source"], want["target"], want["type"]], "neo4j edge %s: ends/type" % row[3])
                check(json.loads(row[6]) == as_list(want["evidence"]), "neo4j edge %s: evidence" % row[3])
                typed_values("neo4j edge " + row[3], header[8:], row[8:], want.get("attributes", {}))
    check(set(seen_nodes) == set(nodes), "neo4j: nodes differ")
    check(set(seen_edges) == set(edges), "neo4j: edges differ")


def typed_values(where, header, values, attributes):
    convert = {"long": int, "double": float, "boolean": lambda t: t == "true"}
    columns = {}
    for name, text in zip(header, values):
        prop, _, kind = name.rpartition(":") if ":" in name else (name, "", "")
        columns[prop] = (kind, text)
    for key, value in attributes.items():
        kind, text = columns.get(exported_name(key), (None, None))
        check(text is not None, "%s: no column for %r" % (where, key))
        if text is None:
            continue
        got = convert[kind](text) if kind in convert else text
        check(same_value(got, value), "%s: %r = %r, want %r" % (where, key, got, value))


CYPHER_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", "'": "'", '"': '"', "\\": "\\"}


def cypher_statements(text):
    """Splits a Cypher script into statements of (kind, value) tokens,
    checking quotes, backquotes and brackets as it goes."""
    statements, tokens, stack, i = [], [], [], 0
    pairs = {")": "(", "]": "[", "}": "{"}
    while i < len(text):
        c = text[i]
        if text.startswith("//", i):
            i = text.index("\n", i) + 1
        elif c == "'":
            value, i = [], i + 1
            while text[i] != "'":
                check(text[i] != "\n", "cypher: raw newline in a string")
                if text[i] == "\\":
                    if text[i + 1] == "u":
                        value.append(chr(int(text[i + 2:i + 6], 16)))
                        i += 6
                        continue
                    check(text[i + 1] in CYPHER_ESCAPES, "cypher: bad escape \\%s" % text[i + 1])
                    value.append(CYPHER_ESCAPES.get(text[i + 1], ""))
                    i += 2
                else:
                    value.append(text[i])
                    i += 1
            tokens.append(("string", "".join(value)))
            i += 1
        elif c == "`":
            end = i + 1
            while not (text[end] == "`" and text[end + 1:end + 2] != "`"):
                end += 2 if text[end:end + 2] == "``" else 1
            tokens.append(("name", text[i + 1:end].replace("``", "`")))
            i = end + 1
        elif c in "([{":
            stack.append(c)
            tokens.append(("punct", c))
            i += 1
        elif c in ")]}":
            check(stack and stack.pop() == pairs[c], "cypher: unbalanced %s" % c)
            tokens.append(("punct", c))
            i += 1
        elif c == ";":
            check(not stack, "cypher: statement ends inside brackets")
            statements.append(tokens)
            tokens, i = [], i + 1
        elif c.isspace():
            i += 1
        else:
            m = re.match(r"[A-Za-z_][A-Za-z0-9_]*|-?[0-9][0-9.eE+-]*|->|<-|[-:,.=+]", text[i:])
            check(m is not None, "cypher: unexpected %r" % text[i:i + 20])
            tokens.append(("word", m.group(0)))
            i += len(m.group(0))
    check(not tokens and not stack, "cypher: text after the last ';'")
    return statements


def cypher_value(tokens, i):
    """The Cypher literal (map, list, string, number, boolean) at tokens[i]
    as a Python value, and the index after it."""
    kind, value = tokens[i]
    if (kind, value) == ("punct", "{"):
        out, i = {}, i + 1
        while tokens[i] != ("punct", "}"):
            key = tokens[i][1]
            check(tokens[i + 1] == ("word", ":"), "cypher: no ':' after key %r" % key)
            out[key], i = cypher_value(tokens, i + 2)
            if tokens[i] == ("word", ","):
                i += 1
        return out, i + 1
    if (kind, value) == ("punct", "["):
        out, i = [], i + 1
        while tokens[i] != ("punct", "]"):
            item, i = cypher_value(tokens, i)
            out.append(item)
            if tokens[i] == ("word", ","):
                i += 1
        return out, i + 1
    if kind == "string":
        return value, i + 1
    check(kind == "word", "cypher: unexpected %r" % (tokens[i],))
    if value in ("true", "false"):
        return value == "true", i + 1
    return (float(value) if re.search(r"[.eE]", value) else int(value)), i + 1


def check_cypher(path, nodes, edges):
    """Neo4j's recommended load form: per type, UNWIND [rows] AS row, then
    one MERGE per node, or one MATCH per relationship end and a MERGE."""
    statements = cypher_statements(open(path, encoding="utf-8").read())
    check(statements and statements[0][0] == ("word", "CREATE"), "cypher: no constraint first")
    merged_nodes, merged_edges = {}, {}
    for s in statements[1:]:
        check(s[:2] == [("word", "UNWIND"), ("punct", "[")], "cypher: not an UNWIND batch: %r" % (s[:3],))
        rows, i = cypher_value(s, 1)
        check(0 < len(rows) <= 1000, "cypher: a batch of %d rows" % len(rows))
        tail = s[i:]
        words = [v for k, v in tail if k == "word"]
        names = [v for k, v in tail if k == "name"]
        check(words[:3] == ["AS", "row", "MERGE"] or words[:3] == ["AS", "row", "MATCH"],
              "cypher: after the rows: %r" % words[:6])
        if words[2] == "MERGE":
            check(len(names) == 1, "cypher: node batch labels %r" % names)
            for row in rows:
                nid, props = row["id"], row["props"]
                merged_nodes[nid] = True
                want = nodes.get(nid)
                check(want is not None, "cypher: unknown node %r" % nid)
                if want:
                    check(names[0] == want["type"], "cypher node %s: label %r" % (nid, names[0]))
                    check(props.get("label") == want["label"], "cypher node %s: label %r" % (nid, props.get("label")))
                    check(props.get("aliases", []) == want.get("aliases", []), "cypher node %s: aliases" % nid)
                    for key, value in want.get("attributes", {}).items():
                        got = props.get(exported_name(key))
                        check(got == value and type(got) is type(value),
                              "cypher node %s: %s = %r, want %r" % (nid, key, got, value))
        else:
            check(words.count("MATCH") == 2 and "," not in words[:words.index("MERGE")],
                  "cypher: not one MATCH per end: %r" % words)
            check(len(names) == 1, "cypher: edge batch types %r" % names)
            for row in rows:
                eid = row["id"]
                merged_edges[eid] = True
                want = edges.get(eid)
                check(want is not None, "cypher: unknown edge %r" % eid)
                if want:
                    check([row["source"], row["target"], names[0]] ==
                          [want["source"], want["target"], want["type"]], "cypher edge %s: ends/type" % eid)
                    check(json.loads(row["props"]["evidence"]) == as_list(want["evidence"]),
                          "cypher edge %s: evidence" % eid)
    check(set(merged_nodes) == set(nodes), "cypher: nodes differ")
    check(set(merged_edges) == set(edges), "cypher: edges differ")


# ---- RDF -------------------------------------------------------------------------

def quote_id(text):
    return "".join(chr(b) if chr(b).isascii() and (chr(b).isalnum() or chr(b) in "-._~") else "%%%02X" % b
                   for b in text.encode("utf-8"))


def check_rdf(nt_path, ttl_path, nodes, edges, schema, dataset):
    nt = rdflib.Graph().parse(nt_path, format="nt")
    ttl = rdflib.Graph().parse(ttl_path, format="turtle")
    check(isomorphic(nt, ttl), "rdf: N-Triples and Turtle differ")
    labels = set(str(o) for o in ttl.objects(None, RDFS.label))
    for source in dataset.get("sources", []):
        if "title" in source:
            check(source["title"] in labels, "rdf: source %s title %r" % (source["id"], source["title"][:60]))
    date_types = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}
    for nid, want in nodes.items():
        s = rdflib.URIRef(KGD + quote_id(nid))
        check((s, RDF.type, KGT[quote_id(want["type"])]) in ttl, "rdf node %s: rdf:type" % nid)
        labels = list(ttl.objects(s, RDFS.label))
        check([str(x) for x in labels] == [want["label"]], "rdf node %s: label %r" % (nid, labels))
        check(sorted(str(x) for x in ttl.objects(s, SKOS.altLabel)) == sorted(want.get("aliases", [])),
              "rdf node %s: altLabels" % nid)
        for d in ("start", "end"):
            got = list(ttl.objects(s, KG[d]))
            if d in want:
                check(len(got) == 1 and str(got[0]) == want[d] and got[0].datatype == date_types[len(want[d])],
                      "rdf node %s: %s %r" % (nid, d, got))
    wikidata = {k: v.get("wikidata", []) for k, v in schema["edge_types"].items()}
    statements = set(ttl.subjects(RDF.type, RDF.Statement))
    check(len(statements) == len(edges), "rdf: %d statements, want %d" % (len(statements), len(edges)))
    for st in statements:
        eid = str(ttl.value(st, KG.id))
        want = edges.get(eid)
        check(want is not None, "rdf: unknown statement %s" % st)
        if not want:
            continue
        p = WDT[wikidata[want["type"]][0]] if wikidata.get(want["type"]) else KGR[quote_id(want["type"])]
        s = rdflib.URIRef(KGD + quote_id(want["source"]))
        o = rdflib.URIRef(KGD + quote_id(want["target"]))
        check(ttl.value(st, RDF.predicate) == p and (s, p, o) in ttl, "rdf edge %s: predicate" % eid)
        check(ttl.value(st, RDF.subject) == s and ttl.value(st, RDF.object) == o, "rdf edge %s: ends" % eid)
        quotes = sorted(str(ttl.value(ev, KG.quote)) for ev in ttl.objects(st, KG.evidence))
        check(quotes == sorted(e["quote"] for e in as_list(want["evidence"])), "rdf edge %s: evidence" % eid)


def main():
    dataset, outdir, name = sys.argv[1:4]
    data, nodes, edges, schema = expected_graph(dataset)
    base = os.path.join(outdir, name)
    check_gexf(base + ".gexf", nodes, edges, schema, outdir)
    check_yed(base + ".yed.graphml", nodes, edges, schema)
    check_cytoscape(base + ".cyjs", base + ".style.json", nodes, edges, schema, data)
    check_vizmap(base + ".vizmap.xml", schema)
    check_neo4j(base + ".neo4j", nodes, edges)
    check_cypher(base + ".cypher", nodes, edges)
    check_rdf(base + ".nt", base + ".ttl", nodes, edges, schema, data)
    for p in problems:
        print("FAIL:", p)
    print("%s: %d nodes, %d edges checked by NetworkX %s, rdflib %s, csv, json, xmllint; %d problem(s)"
          % (name, len(nodes), len(edges), nx.__version__, rdflib.__version__, len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
