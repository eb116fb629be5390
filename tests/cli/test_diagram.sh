#!/usr/bin/env bash
# test_diagram.sh - `kg diagram` as a reader meets it: each view holds the
# entities the analysis commands name (read back from its DOT by Graphviz's
# gvpr), every DOT it writes is read by `dot`, every gallery diagram meets
# the legibility targets of scripts/svgcheck.py, a crowded view warns, and
# a huge label is drawn cut (bounded by construction, not by a timer).
. "$(dirname "$0")/lib.sh"
DATA="$KG_SOURCE_DIR/data/nato-eu.kg.json"
CHECK="$KG_SOURCE_DIR/scripts/svgcheck.py"

# names FILE.dot: the entities drawn, sorted (the drawing's own nodes,
# named kg:..., left out)
names() {
  gvpr 'N{print($.name)}' "$1" | grep -v '^kg:' | sort
}

# csv_ids FILE COLUMN: the ids in one column of a CSV file, sorted, unique
csv_ids() {
  "$PY" -c 'import csv,sys
print("\n".join(sorted({r[sys.argv[2]] for r in csv.DictReader(open(sys.argv[1]))})))' "$1" "$2"
}

# draw NAME VIEW...: the view as DOT, which dot must read
draw() {
  local name=$1
  shift
  run diagram -q "$DATA" "$@" -o "$scratch/$name.dot"
  expect_rc 0 "diagram $*"
  dot -Tsvg "$scratch/$name.dot" -o /dev/null 2>"$scratch/dot.err" ||
    fail "dot cannot read the DOT of '$*': $(head -c 300 "$scratch/dot.err")"
}

# ---- views hold what the analysis commands say ------------------------------
draw ego ego operation-althea
"$KG" neighbours "$DATA" operation-althea -f csv >"$scratch/n.csv"
[ "$(names "$scratch/ego.dot")" = "$(csv_ids "$scratch/n.csv" id)" ] ||
  fail "ego view: $(names "$scratch/ego.dot" | tr '\n' ' ') is not the neighbourhood"
grep -q 'operation-althea" \[label="Operation Althea".*penwidth' "$scratch/ego.dot" ||
  fail "ego view: the centre is not drawn bold"

draw path path operation-althea eulex
"$KG" path "$DATA" operation-althea eulex --all -f csv >"$scratch/p.csv"
[ "$(names "$scratch/path.dot")" = "$( (csv_ids "$scratch/p.csv" from; csv_ids "$scratch/p.csv" to) | sort -u)" ] ||
  fail "path view: $(names "$scratch/path.dot" | tr '\n' ' ')"

draw top top --top 7 --measure pagerank
"$KG" centrality "$DATA" -m pagerank --top 7 -f csv >"$scratch/c.csv"
[ "$(names "$scratch/top.dot")" = "$(csv_ids "$scratch/c.csv" id)" ] ||
  fail "top view: $(names "$scratch/top.dot" | tr '\n' ' ')"

draw chain chain signed_by
expected=$("$PY" -c 'import json,sys
d=json.load(open(sys.argv[1]))
print("\n".join(sorted({e for r in d["relations"] if r["type"]=="signed_by" for e in (r["source"],r["target"])})))' "$DATA")
[ "$(names "$scratch/chain.dot")" = "$expected" ] ||
  fail "chain view: $(names "$scratch/chain.dot" | tr '\n' ' ')"
# in date order: the timeline's dates, left to right, are sorted
gvpr 'N[name=="kg:date:*"]{print(label)}' "$scratch/chain.dot" >"$scratch/dates"
sort -c "$scratch/dates" 2>/dev/null || fail "chain view: timeline dates out of order: $(tr '\n' ' ' <"$scratch/dates")"
grep -q '2016-07' "$scratch/dates" || fail "chain view: no date 2016-07 on the timeline"
dot -Tplain "$scratch/chain.dot" >"$scratch/chain.plain"
"$PY" - "$scratch/chain.plain" <<'EOF' || fail "chain view: a declaration is not placed at its date"
import sys
x = {}
for line in open(sys.argv[1]):
    f = line.split()
    if f and f[0] == "node":
        x[f[1].strip('"')] = float(f[2])
# left to right: 2016 before 2018 before 2023
order = [x["joint-declaration-2016"], x["joint-declaration-2018"], x["joint-declaration-2023"]]
sys.exit(0 if order == sorted(order) and len(set(order)) == 3 else 1)
EOF

draw select select --node-type operation --as-of 2010
"$KG" subgraph -q "$DATA" --node-type operation --as-of 2010 -o "$scratch/sel.json"
expected=$("$PY" -c 'import json,sys; print("\n".join(sorted(n["id"] for n in json.load(open(sys.argv[1]))["nodes"])))' "$scratch/sel.json")
[ "$(names "$scratch/select.dot")" = "$expected" ] ||
  fail "select view: $(names "$scratch/select.dot" | tr '\n' ' ')"

draw connected select --connected --edge-type signed_by
[ "$(names "$scratch/connected.dot" | wc -l)" -eq 8 ] ||
  fail "select --connected kept $(names "$scratch/connected.dot" | wc -l) entities, not the 8 joined by signed_by"

draw overview overview
types=$("$PY" -c 'import json,sys; print(len({e["type"] for e in json.load(open(sys.argv[1]))["entities"]}))' "$DATA")
[ "$(gvpr 'N[name=="kg:group:*"]{print(name)}' "$scratch/overview.dot" | wc -l)" -eq "$types" ] ||
  fail "overview: not one group per type ($types)"
grep -q '<B>country</B> (35)' "$scratch/overview.dot" || fail "overview: no 'country (35)' group"

# ---- the legend: types present only, no legend nodes -----------------------
grep -q '>treaty</TD>' "$scratch/chain.dot" || fail "chain legend lacks 'treaty'"
grep -q '>operation</TD>' "$scratch/chain.dot" && fail "chain legend lists 'operation', which it does not draw"
gvpr 'N[kg_legend=="true"]{print(name)}' "$scratch/chain.dot" 2>/dev/null | grep -q . && fail "legend drawn as nodes"

# ---- crowded views warn, readable ones do not --------------------------------
run diagram "$DATA" ego nato -o "$scratch/nato.svg"
expect_rc 0 "diagram ego nato still draws"
expect_stderr "warning: this view draws 90 entities" "the >60 warning"
expect_stderr "narrow it with" "the warning suggests a narrower view"
run diagram "$DATA" ego operation-althea -o "$scratch/althea.svg"
grep -q warning "$scratch/stderr" && fail "a 10-entity view warned: $(cat "$scratch/stderr")"

# ---- several formats from one run; usage and input errors ------------------
run diagram -q "$DATA" chain succeeded_by -f svg,png,pdf,dot -o "$scratch/multi/s.svg"
expect_rc 3 "diagram into a missing folder"
mkdir -p "$scratch/multi"
run diagram -q "$DATA" chain succeeded_by -f svg,png,pdf,dot -o "$scratch/multi/s.svg"
expect_rc 0 "diagram -f svg,png,pdf,dot"
[ "$(ls "$scratch/multi" | tr '\n' ' ')" = "s.dot s.pdf s.png s.svg " ] ||
  fail "-f svg,png,pdf,dot wrote: $(ls "$scratch/multi" | tr '\n' ' ')"
file "$scratch/multi/s.png" | grep -q 'PNG image' || fail "s.png is not a PNG"
head -c 5 "$scratch/multi/s.pdf" | grep -q '%PDF-' || fail "s.pdf is not a PDF"
xmllint --noout "$scratch/multi/s.svg" 2>/dev/null || fail "s.svg is not XML"
"$KG" diagram -q "$DATA" chain signed_by -f dot -o - | dot -Tsvg >"$scratch/stdout.svg" ||
  fail "diagram -o - -f dot | dot"
grep -q 'NATO Secretary General' "$scratch/stdout.svg" || fail "diagram to stdout lost an entity"
run diagram "$DATA" chain signed_by -f svg,png -o -
expect_rc 1 "two formats to stdout"
run diagram "$DATA" nosuch -o "$scratch/x.svg"
expect_rc 1 "unknown view"
run diagram "$DATA" chain signedby -o "$scratch/x.svg"
expect_rc 2 "unknown relation type"
expect_stderr "did you mean 'signed_by'" "chain type suggestion"
run diagram "$DATA" ego nosuch-entity -o "$scratch/x.svg"
expect_rc 2 "unknown entity"
run diagram "$DATA" top -o "$scratch/x.json"
expect_rc 1 "a diagram is not JSON"
run diagram "$DATA" top --max-size big -o "$scratch/x.svg"
expect_rc 1 "--max-size big"

# ---- --layout and --max-size on build, convert, ingest and subgraph ---------
printf 'id\ttype\tlabel\na\tthing\tA\nb\tthing\tB\n' >"$scratch/n.tsv"
printf 'source\ttype\ttarget\na\trel\tb\n' >"$scratch/e.tsv"
run ingest -q --nodes "$scratch/n.tsv" --edges "$scratch/e.tsv" -n t -f svg --layout neato \
  -o "$scratch/ing"
expect_rc 0 "ingest --layout neato"
xmllint --noout "$scratch/ing/t.svg" 2>/dev/null || fail "ingest --layout neato wrote no SVG"
for cmd in "ingest --nodes $scratch/n.tsv -o $scratch/ing" \
           "convert $KG_TEST_DATA/small.kg.json $scratch/c.svg" \
           "build -o $scratch/b $KG_TEST_DATA/small.kg.json" \
           "subgraph $KG_TEST_DATA/small.kg.json -o $scratch/sg.svg"; do
  # shellcheck disable=SC2086
  run $cmd --layout nosuch
  expect_rc 1 "$cmd --layout nosuch"
done
run build -q -f svg,png --max-size 480 -o "$scratch/small480" "$KG_TEST_DATA/small.kg.json"
expect_rc 0 "build --max-size 480"
"$PY" - "$scratch/small480" <<'EOF' || fail "--max-size 480 did not bound the drawing"
import re, struct, sys
d = sys.argv[1]
svg = open(d + "/small.svg").read()
w, h = (float(x) for x in re.search(r'width="([0-9.]+)pt" height="([0-9.]+)pt"', svg).groups())
assert max(w, h) <= 480 * 72 / 96 + 1, (w, h)          # 5 inches
png = open(d + "/small.png", "rb").read(24)
pw, ph = struct.unpack(">II", png[16:24])
assert max(pw, ph) <= 481, (pw, ph)
EOF

run subgraph "$KG_TEST_DATA/small.kg.json" -q -o "$scratch/sg480.svg" --layout neato --max-size 480
expect_rc 0 "subgraph --layout neato --max-size 480"
"$PY" - "$scratch/sg480.svg" <<'EOF' || fail "subgraph --max-size 480 did not bound the drawing"
import re, sys
svg = open(sys.argv[1]).read()
w, h = (float(x) for x in re.search(r'width="([0-9.]+)pt" height="([0-9.]+)pt"', svg).groups())
assert max(w, h) <= 480 * 72 / 96 + 1, (w, h)
EOF

# ---- ingest draws SVG, PNG and PDF from one layout -------------------------
# 600 entities is past the size at which the layout is announced, so stderr
# says how many formats one layout drew.
"$PY" - "$scratch/big" <<'EOF'
import os, sys
os.makedirs(sys.argv[1], exist_ok=True)
with open(sys.argv[1] + "/n.tsv", "w") as f:
    f.write("id\ttype\tlabel\n")
    for i in range(600):
        f.write("n%d\tthing\tN%d\n" % (i, i))
with open(sys.argv[1] + "/e.tsv", "w") as f:
    f.write("source\ttype\ttarget\n")
    for i in range(600):
        f.write("n%d\trel\tn%d\n" % (i, (i * 7 + 1) % 600))
EOF
run ingest --no-progress --nodes "$scratch/big/n.tsv" --edges "$scratch/big/e.tsv" -n big \
  -f svg,png,pdf --layout sfdp -o "$scratch/big/out"
expect_rc 0 "ingest -f svg,png,pdf"
[ "$(grep -c 'laying out' "$scratch/stderr")" -eq 1 ] ||
  fail "ingest -f svg,png,pdf laid out more than once: $(cat "$scratch/stderr")"
expect_stderr "laid out and drew 3 formats" "ingest: one layout for three formats"
xmllint --noout "$scratch/big/out/big.svg" 2>/dev/null || fail "ingest: big.svg is not XML"
[ "$(head -c 4 "$scratch/big/out/big.png" | tail -c 3)" = "PNG" ] || fail "ingest: big.png is not a PNG"
[ "$(head -c 5 "$scratch/big/out/big.pdf")" = "%PDF-" ] || fail "ingest: big.pdf is not a PDF"

# ---- every gallery diagram meets the targets, and out/ holds the same ------
bash "$KG_SOURCE_DIR/scripts/gallery.sh" "$KG" "$scratch/gallery" ||
  fail "scripts/gallery.sh failed"
count=0
for svg in "$scratch/gallery"/*.svg; do
  count=$((count + 1))
  "$PY" "$CHECK" --check "$svg" >"$scratch/check.out" 2>&1 ||
    fail "$(basename "$svg") misses a legibility target: $(cat "$scratch/check.out")"
  cmp -s "$svg" "$KG_SOURCE_DIR/out/$(basename "$svg")" ||
    fail "out/$(basename "$svg") differs from scripts/gallery.sh's: rebuild and commit out/"
  grep -q "out/$(basename "$svg")" "$KG_SOURCE_DIR/README.md" ||
    fail "README does not show out/$(basename "$svg")"
done
[ "$count" -ge 3 ] && [ "$count" -le 5 ] || fail "the gallery has $count diagrams, not 3 to 5"
# the checker itself fails a drawing that misses the targets
"$PY" "$CHECK" --check "$scratch/nato.svg" >/dev/null 2>&1 &&
  fail "svgcheck.py passed the 90-entity drawing"

# ---- a huge label is drawn cut, kept whole in the data -----------------------
mkdir -p "$scratch/long"
cp "$KG_TEST_DATA/schema.json" "$scratch/long/"
cp -r "$KG_TEST_DATA/sources" "$scratch/long/"
"$PY" - "$KG_TEST_DATA/small.kg.json" "$scratch/long/long.kg.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["entities"][0]["label"] = "Alliance " + "word " * 400000  # 2 MB
json.dump(d, open(sys.argv[2], "w"))
EOF
run build -q "$scratch/long/long.kg.json" -f svg,dot,json -o "$scratch/long/out"
expect_rc 0 "build with a 2 MB label"
"$PY" - "$scratch/long/out" <<'EOF' || fail "the long label is not cut in the SVG or not whole in the data"
import json, sys, xml.etree.ElementTree as ET
out = sys.argv[1]
svg = ET.parse(out + "/long.svg").getroot()
texts = ["".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text")]
drawn = " ".join(t for t in texts if "word" in t or t.startswith("Alliance"))
assert drawn.endswith("\u2026"), drawn[-40:]
assert len(drawn) < 100, len(drawn)                      # KG_DRAW_LABEL (66) and line breaks
assert max(len(t) for t in texts) <= 22 + 1, max(texts, key=len)  # KG_DRAW_LINE per line
titles = [a.get("{http://www.w3.org/1999/xlink}title", "") for a in svg.iter("{http://www.w3.org/2000/svg}a")]
assert max(len(t) for t in titles) <= 4100, "tooltip not bounded"
assert any(t.startswith("Alliance word word") for t in titles), "no tooltip with the label"
data = json.load(open(out + "/long.json"))
assert max(len(n.get("label", "")) for n in data["nodes"]) > 2000000, "label cut in the data"
EOF
finish
