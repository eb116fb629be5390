#!/usr/bin/env bash
# kg extract -> validate -> verify -> merge, and the inputs extract must
# refuse or bound (binary, bad UTF-8, NUL, a long line without a full stop).
. "$(dirname "$0")/lib.sh"
schema="$KG_SOURCE_DIR/data/schema.json"
data="$KG_TEST_DATA/extract"
cp "$data/arctic.txt" "$data/interpol.txt" "$scratch/"

run extract "$scratch/arctic.txt" --schema "$schema" -o "$scratch/arctic.cand.kg.json"
expect_rc 0 "extract"
expect_stderr "candidate entities" "extract summary"
run validate "$scratch/arctic.cand.kg.json"
expect_rc 0 "validate candidates"
run verify "$scratch/arctic.cand.kg.json"
expect_rc 0 "verify candidates"
expect_stdout "quotes found in their sources" "verify report"

# every candidate: status, rule, confidence in [0,1], quote at its offsets
$PY - "$scratch/arctic.cand.kg.json" "$scratch/arctic.txt" <<'PY' || fail "candidate keys"
import json, sys
d = json.load(open(sys.argv[1])); raw = open(sys.argv[2], "rb").read()
ents = {e["id"]: e for e in d["entities"]}
assert ents["arctic-council"]["type"] == "body", ents.get("arctic-council")  # head word "Council"
assert "AC" in ents["arctic-council"].get("aliases", []), "acronym alias"
assert ents["ottawa-declaration"]["type"] == "treaty"
assert ents["tromsø"]["type"] == "place" if "tromsø" in ents else ents["tromso"]["type"] == "place"
rels = {(r["source"], r["type"], r["target"]) for r in d["relations"]}
assert ("arctic-council", "established_by", "ottawa-declaration") in rels, rels
assert ("sustainable-development-working-group", "supports", "arctic-council") in rels, rels
for item in d["entities"] + d["relations"]:
    assert item["status"] == "candidate" and item["rule"] and 0 <= item["confidence"] <= 1
    for ev in item["evidence"]:
        span = raw[ev["offset"]:ev["offset"] + ev["length"]].decode()
        assert span == ev["quote"], (span, ev["quote"])
est = [r for r in d["relations"] if r["type"] == "established_by"][0]
assert est.get("start") == "1996-09", est
PY

# deterministic: same inputs, same bytes
run extract "$scratch/arctic.txt" --schema "$schema" -o "$scratch/again.kg.json"
cmp -s "$scratch/arctic.cand.kg.json" "$scratch/again.kg.json" || fail "extract is not deterministic"

# review: accept the Ottawa relation and its ends, reject the rest; merge
$PY - "$scratch/arctic.cand.kg.json" "$scratch/reviewed.kg.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
keep = {"arctic-council", "ottawa-declaration"}
for e in d["entities"]:
    e["status"] = "accepted" if e["id"] in keep else "rejected"
for r in d["relations"]:
    r["status"] = "accepted" if r["source"] in keep and r["target"] in keep else "rejected"
json.dump(d, open(sys.argv[2], "w"), indent=2)
PY
cat >"$scratch/base.kg.json" <<EOF2
{"kg": 1, "schema": "$schema",
 "sources": [{"id": "arctic", "title": "The Arctic Council", "file": "arctic.txt"}],
 "entities": [{"id": "ac", "type": "body", "label": "Arctic Council"}],
 "relations": []}
EOF2
run merge "$scratch/base.kg.json" "$scratch/reviewed.kg.json" -o "$scratch/merged.kg.json"
expect_rc 0 "merge"
run validate "$scratch/merged.kg.json"
expect_rc 0 "validate merged"
run verify "$scratch/merged.kg.json"
expect_rc 0 "verify merged"
$PY - "$scratch/merged.kg.json" <<'PY' || fail "merged content"
import json, sys
d = json.load(open(sys.argv[1]))
ids = sorted(e["id"] for e in d["entities"])
assert ids == ["ac", "ottawa-declaration"], ids  # deduplicated by label, base id kept
rel = d["relations"][0]
assert (rel["source"], rel["type"], rel["target"]) == ("ac", "established_by", "ottawa-declaration")
assert "status" not in rel and rel["evidence"]
assert "AC" in d["entities"][0].get("aliases", [])
PY

# a conflict: the base types the Arctic Council differently -> exit 2 + pointer
sed 's/"body"/"organisation"/' "$scratch/base.kg.json" >"$scratch/base2.kg.json"
run merge "$scratch/base2.kg.json" "$scratch/reviewed.kg.json" -o "$scratch/m2.kg.json"
expect_rc 2 "merge conflict"
expect_stderr "/type" "conflict pointer"
[ ! -e "$scratch/m2.kg.json" ] || fail "a failed merge left its output"

# HTML: the main text (no script, style, nav, footer) is written beside the
# output and cited, so verify finds every quote
mkdir -p "$scratch/html"
cat >"$scratch/page.html" <<'EOF2'
<!DOCTYPE html><html><head><title>Arctic &ndash; overview</title>
<script>var s = "The Hidden Agency supports the Secret Council.";</script><style>p{}</style></head>
<body><nav>Menu Agency</nav><h1>The Arctic Council</h1>
<p>The Arctic Council (AC) was established by the Ottawa Declaration in September&nbsp;1996.</p>
<footer>Footer Agency</footer></body></html>
EOF2
run extract "$scratch/page.html" --schema "$schema" -o "$scratch/html/page.kg.json"
expect_rc 0 "extract HTML"
[ -f "$scratch/html/page.txt" ] || fail "the page's text was not written beside the output"
run verify "$scratch/html/page.kg.json"
expect_rc 0 "verify HTML candidates"
grep -q "Hidden\|Menu\|Footer" "$scratch/html/page.kg.json" && fail "script, nav or footer text was extracted"
grep -q '"title": "Arctic – overview"' "$scratch/html/page.kg.json" || fail "the page title is not the source title"
grep -q '"start": "1996-09"' "$scratch/html/page.kg.json" || fail "date across &nbsp; not found"

# refused or bounded inputs
printf 'abc\0def' >"$scratch/nul.txt"
run extract "$scratch/nul.txt" --schema "$schema" -o "$scratch/x.kg.json"
expect_rc 2 "NUL byte"
expect_stderr "NUL byte" "NUL message"
printf 'caf\xe9 au lait\n' >"$scratch/latin1.txt"
run extract "$scratch/latin1.txt" --schema "$schema" -o "$scratch/x.kg.json"
expect_rc 2 "bad UTF-8"
expect_stderr "malformed UTF-8" "UTF-8 message"
: >"$scratch/empty.txt"
run extract "$scratch/empty.txt" --schema "$schema" -o "$scratch/empty.kg.json"
expect_rc 0 "empty text"
run validate "$scratch/empty.kg.json"
expect_rc 0 "empty output valid"
$PY -c "
import sys
sys.stdout.write(('The European Defence Agency works with Operation Sea Guardian and ' * 40000))" >"$scratch/long.txt"
run extract "$scratch/long.txt" --schema "$schema" -o "$scratch/long.kg.json"
expect_rc 0 "a long line without a full stop"
run validate "$scratch/long.kg.json"
expect_rc 0 "long output valid"
run extract --max-input-size 100 "$scratch/arctic.txt" --schema "$schema" -o "$scratch/x.kg.json"
expect_rc 3 "a text over the size limit"
expect_stderr "over the limit" "limit message"
run extract "/bin/sh" --schema "$schema" -o "$scratch/x.kg.json"
expect_rc 2 "a binary file"
run extract "$scratch/arctic.txt"
expect_rc 1 "no schema"
finish
