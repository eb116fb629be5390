"""kg_expect.py - what the export checkers share: the data set read with
Python's json module (the source of truth), kg's documented field naming,
escaping losses and value comparison, and the list of problems found.
Imported by check_exports.py and check_more_exports.py."""
import json
import os

RESERVED = {"aliases", "description", "edge_id", "end", "evidence", "id", "key",
            "label", "quote", "source", "start", "target", "type"}
problems = []


def check(ok, what):
    if not ok:
        problems.append(what)


def exported_name(key):
    return "attr_" + key if key in RESERVED else key


def as_list(evidence):
    return evidence if isinstance(evidence, list) else [evidence]


def expected_graph(path):
    """(data, nodes by id, relations by edge id, schema). Default edge ids
    as the format documents them: SOURCE:TYPE:TARGET, then :2, :3 ... for
    parallel edges in input order."""
    data = json.load(open(path, encoding="utf-8"))
    nodes = {e["id"]: e for e in data["entities"]}
    edges, seen = {}, {}
    for r in data["relations"]:
        base = "%s:%s:%s" % (r["source"], r["type"], r["target"])
        if "id" in r:
            eid = r["id"]
        else:
            seen[base] = seen.get(base, 0) + 1
            eid = base if seen[base] == 1 else "%s:%d" % (base, seen[base])
        edges[eid] = r
    schema = json.load(open(os.path.join(os.path.dirname(path), data["schema"]), encoding="utf-8"))
    return data, nodes, edges, schema


def xml_expected(text):
    """XML 1.0 cannot carry control characters other than tab, LF and CR, nor
    U+FFFE/U+FFFF: kg's documented replacement is U+FFFD. Lists and evidence
    travel as JSON text, which escapes them, so only plain strings change."""
    if not isinstance(text, str):
        return text
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or ord(c) in (0xFFFE, 0xFFFF)
                   else c for c in text)


def same_value(got, want):
    if isinstance(want, bool) or isinstance(got, bool):
        return bool(got) == want and isinstance(got, (bool, int))
    if isinstance(want, (int, float)):
        return isinstance(got, (int, float)) and abs(got - want) <= 1e-12 * max(1, abs(want))
    return got == want


def check_sources(tool, got, data):
    """The data set's sources (id, title, url...) in an export's graph data,
    a list of objects or JSON text of one."""
    if isinstance(got, str):
        got = json.loads(got)
    want = data.get("sources", [])
    check(isinstance(got, list) and len(got) == len(want), "%s: %r sources" % (tool, got))
    for g, w in zip(got or [], want):
        for key, value in w.items():
            check(g.get(key) == value, "%s: source %s %s %r" % (tool, w.get("id"), key, g.get(key)))
