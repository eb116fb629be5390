#!/usr/bin/python3
"""Scores a kg extract candidate set against a hand-made reference data set,
as issue 15's "How it is measured" says: only reference entities whose label
or an alias occurs verbatim in the text count, and only reference relations
between two such entities.

usage: extract_score.py CANDIDATES REFERENCE TEXT [--misses]
(--misses lists missed and wrongly typed entities, missed relations with why,
and wrong relation candidates on stderr)
"""
import json
import re
import sys


def norm(name):
    name = name.replace("\u2019", "'").replace("\u2013", "-").casefold()
    name = re.sub(r"\s+", " ", name).strip()
    return name[4:] if name.startswith("the ") else name


def names(e):
    return [e["label"]] + e.get("aliases", [])


def occurs(name, text):
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


def main():
    cand_path, ref_path, text_path = sys.argv[1:4]
    cand = json.load(open(cand_path, encoding="utf-8"))
    ref = json.load(open(ref_path, encoding="utf-8"))
    schema = json.load(open(re.sub(r"[^/]*$", "", ref_path) + ref.get("schema", "schema.json")))
    symmetric = {k for k, v in schema["edge_types"].items() if v.get("symmetric")}
    text = open(text_path, encoding="utf-8").read()
    counted = {e["id"]: e for e in ref["entities"] if any(occurs(n, text) for n in names(e))}
    by_name = {}
    for e in counted.values():
        for n in names(e):
            by_name.setdefault(norm(n), []).append(e["id"])
    # candidate entity -> reference entity (a typed match preferred)
    cmap, found, typed = {}, set(), set()
    for c in cand["entities"]:
        refs = sorted({r for n in names(c) for r in by_name.get(norm(n), [])})
        if not refs:
            continue
        same = [r for r in refs if counted[r]["type"] == c["type"]]
        cmap[c["id"]] = same[0] if same else refs[0]
        found.update(refs)
        typed.update(same)
    rels = [r for r in ref["relations"] if r["source"] in counted and r["target"] in counted
            and r["source"] != r["target"]]
    ends = {frozenset((r["source"], r["target"])) for r in rels}
    directed = set()
    for r in rels:
        directed.add((r["source"], r["type"], r["target"]))
        if r["type"] in symmetric:
            directed.add((r["target"], r["type"], r["source"]))
    cand_ends, cand_directed, between, correct, correct_ends = set(), set(), 0, 0, 0
    for r in cand["relations"]:
        s, t = cmap.get(r["source"]), cmap.get(r["target"])
        if not s or not t or s == t:
            continue
        between += 1
        key = (s, r["type"], t)
        cand_ends.add(frozenset((s, t)))
        cand_directed.add(key)
        if r["type"] in symmetric:
            cand_directed.add((t, r["type"], s))
        correct += key in directed
        correct_ends += frozenset((s, t)) in ends
    joined = sum(1 for r in rels if frozenset((r["source"], r["target"])) in cand_ends)
    right = sum(1 for r in rels if (r["source"], r["type"], r["target"]) in cand_directed)
    pct = lambda a, b: round(100.0 * a / b, 1) if b else 0.0
    out = {
        "reference_entities_counted": len(counted),
        "entity_recall": pct(len(found), len(counted)),
        "entity_recall_typed": pct(len(typed), len(counted)),
        "reference_relations_counted": len(rels),
        "relation_recall_joined": pct(joined, len(rels)),
        "relation_recall_typed_directed": pct(right, len(rels)),
        "candidate_relations": len(cand["relations"]),
        "candidates_between_reference_entities": between,
        "relation_precision_typed_directed": pct(correct, between),
        "relation_precision_ends": pct(correct_ends, between),
        "candidate_entities": len(cand["entities"]),
    }
    if "--misses" in sys.argv:
        for e in counted.values():
            if e["id"] not in found:
                print("missed entity:", e["type"], "|", e["label"], file=sys.stderr)
            elif e["id"] not in typed:
                print("wrong type:", e["type"], "|", e["label"], file=sys.stderr)
        rev = {v: k for k, v in cmap.items()}
        for r in rels:
            if (r["source"], r["type"], r["target"]) in cand_directed:
                continue
            why = ("wrong type/direction" if frozenset((r["source"], r["target"])) in cand_ends
                   else "ends not found" if r["source"] not in rev or r["target"] not in rev
                   else "not joined")
            print("missed relation:", why, "|", counted[r["source"]]["label"], "|", r["type"],
                  "|", counted[r["target"]]["label"], file=sys.stderr)
        for r in cand["relations"]:
            s, t = cmap.get(r["source"]), cmap.get(r["target"])
            if s and t and s != t and (s, r["type"], t) not in directed:
                print("wrong relation:", r.get("rule", ""), "|", counted[s]["label"], "|",
                      r["type"], "|", counted[t]["label"], file=sys.stderr)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
