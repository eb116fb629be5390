"""Compares two node-link JSON files kg wrote: same graph fields, same nodes
and edges (by id) with the same attributes and values.

usage: compare_graphs.py EXPECTED ACTUAL [--via graphml|yed|dot|json|neo4j]

--via names the format the graph went through, to allow only what that
format's exporter is documented to lose (docs/exports.md): GraphML (and
yEd's GraphML) turns control characters into U+FFFD; DOT turns them into
spaces, has no types (so "1993" and 1993 compare equal, as do 0 and 0.0)
and no sources; neo4j-admin CSV files carry no graph name, title or
sources. Otherwise numbers keep their type: an integer is not a real,
except that GraphML, yEd and neo4j type a column whose values mix
integers and reals as reals (so 1 may come back as 1.0 there), and
neo4j-admin cannot escape its array delimiter, so an alias holding ';'
comes back split there.
Values inside aliases and evidence always survive exactly.
"""
import json
import sys

CONTROL = {c for c in range(0x20) if c != 0x0A} | {0x7F}


def written(text, via):
    """text as the exporter for `via` writes it."""
    out = []
    for ch in text:
        cp = ord(ch)
        if via == "dot" and (cp in CONTROL):
            out.append(" ")
        elif via in ("graphml", "yed") and cp in CONTROL and ch not in "\t\r\x7f":
            out.append("\ufffd")
        elif via in ("dot", "graphml", "yed") and cp in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def scalar(value, via):
    if isinstance(value, bool):
        return ("bool", value) if via != "dot" else ("text", "true" if value else "false")
    if isinstance(value, (int, float)) and via == "dot":
        return ("number", float(value))
    if isinstance(value, int):
        return ("integer", value)
    if isinstance(value, float):
        return ("real", value)
    if isinstance(value, str):
        if via == "dot":
            try:
                return ("number", float(value)) if value.strip() == value else ("text", value)
            except ValueError:
                return ("text", value)
        return ("text", value)
    return ("json", json.dumps(value, sort_keys=True))


def normal(element, via, lossy):
    out = {}
    for key, value in element.items():
        if key == "aliases" and via == "neo4j":
            out[key] = ";".join(value)
        elif key in ("aliases", "evidence"):
            out[key] = json.dumps(value, sort_keys=True)
        elif isinstance(value, str) and lossy:
            out[key] = scalar(written(value, via), via)
        else:
            out[key] = scalar(value, via)
    return out


def same_value(want, got, via):
    if want == got:
        return True
    mixed = via in ("graphml", "yed", "neo4j")
    return (mixed and isinstance(want, tuple) and isinstance(got, tuple) and
            want[0] == "integer" and got == ("real", float(want[1])))


def same_element(want, got, via):
    return set(want) == set(got) and all(same_value(want[k], got[k], via) for k in want)


def main():
    expected_path, actual_path = sys.argv[1], sys.argv[2]
    via = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--via" else "json"
    expected = json.load(open(expected_path, encoding="utf-8"))
    actual = json.load(open(actual_path, encoding="utf-8"))
    problems = []
    for key in ("name", "title") if via != "neo4j" else ():
        if expected["graph"].get(key, "") != actual["graph"].get(key, ""):
            problems.append(f"graph {key}: {expected['graph'].get(key)!r} != {actual['graph'].get(key)!r}")
    if via not in ("dot", "neo4j") and expected["graph"].get("sources") != actual["graph"].get("sources"):
        problems.append("graph sources differ")
    for kind, id_key in (("nodes", "id"), ("links", "id")):
        exp = {e[id_key]: normal(e, via, True) for e in expected[kind]}
        act = {e[id_key]: normal(e, via, False) for e in actual[kind]}
        if set(exp) != set(act):
            problems.append(f"{kind}: ids only expected {sorted(set(exp) - set(act))}, "
                            f"only actual {sorted(set(act) - set(exp))}")
        for i in sorted(set(exp) & set(act)):
            if not same_element(exp[i], act[i], via):
                keys = sorted(k for k in set(exp[i]) | set(act[i])
                              if not same_value(exp[i].get(k), act[i].get(k), via))
                problems.append(f"{kind} {i!r}: " + "; ".join(
                    f"{k}: {exp[i].get(k)!r} != {act[i].get(k)!r}" for k in keys))
    if problems:
        print(f"{actual_path} differs from {expected_path} (via {via}):", file=sys.stderr)
        for p in problems[:20]:
            print("  " + p, file=sys.stderr)
        sys.exit(1)
    print(f"same graph: {len(expected['nodes'])} nodes, {len(expected['links'])} edges (via {via})")


main()
