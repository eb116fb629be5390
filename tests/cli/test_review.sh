#!/usr/bin/env bash
# kg extract -> kg review -> (a reviewer in Chromium) -> kg validate ->
# kg merge. Checks the review page in the file (data safely embedded,
# deterministic, nothing fetched), then drives Debian's Chromium through it
# with tests/browser/review.test.mjs (playwright-core): accept two entities,
# reject one, save; the saved file must validate and merge into a base
# data set with the two accepted and without the rejected one.
# A missing browser or npm package fails the test with the command to run.
. "$(dirname "$0")/lib.sh"

browser_dir="$KG_SOURCE_DIR/tests/browser"
chromium="${KG_CHROMIUM:-/usr/bin/chromium}"
artifacts="${KG_ARTIFACTS:-$(dirname "$KG")/test-artifacts/review}"
schema="$KG_SOURCE_DIR/data/schema.json"

if [ ! -x "$chromium" ]; then
  echo "FAIL: no Chromium at $chromium; install it with: bash scripts/deps.sh (Debian package chromium)" >&2
  exit 1
fi
if ! command -v node >/dev/null; then
  echo "FAIL: node not found; install it with: bash scripts/deps.sh (Debian packages nodejs npm)" >&2
  exit 1
fi
if [ ! -f "$browser_dir/node_modules/playwright-core/package.json" ]; then
  echo "FAIL: $browser_dir/node_modules is missing; run: npm ci --prefix tests/browser (scripts/deps.sh does it)" >&2
  exit 1
fi
rm -rf "$artifacts"
mkdir -p "$artifacts"

# A short text, with a line that would end a <script> element if the page
# embedded it carelessly.
cp "$KG_TEST_DATA/extract/arctic.txt" "$scratch/arctic.txt"
printf '\nA note for the page: </script><script>alert(1)</script> and <!-- end.\n' >>"$scratch/arctic.txt"
run extract "$scratch/arctic.txt" --schema "$schema" -o "$scratch/arctic.cand.kg.json"
expect_rc 0 "extract"

# The page: default name beside the candidates, deterministic, given -o.
run review "$scratch/arctic.cand.kg.json"
expect_rc 0 "review"
[ -s "$scratch/arctic.cand.review.html" ] || fail "kg review wrote no arctic.cand.review.html: $(ls "$scratch")"
run review "$scratch/arctic.cand.kg.json" -o "$scratch/again.html"
expect_rc 0 "review -o"
cmp -s "$scratch/arctic.cand.review.html" "$scratch/again.html" || fail "kg review is not deterministic"
cp "$scratch/again.html" "$artifacts/review.html"

# In the file: the data cannot end its element, the source text and the
# data set survive byte for byte, nothing is fetched.
"$PY" - "$scratch/again.html" "$scratch/arctic.cand.kg.json" "$scratch/arctic.txt" <<'PY' || fail "page structure (see above)"
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
tag = '<script type="application/json" id="kg-review">'
start = page.index(tag) + len(tag)
end = page.index("</script>", start)
blob = page[start:end]
for bad in ("<", ">", "&", "\u2028", "\u2029"):
    assert bad not in blob, f"raw {bad!r} in the embedded JSON"
data = json.loads(blob)
assert data["kg_review"] == 1
assert data["dataset"] == open(sys.argv[2], encoding="utf-8").read(), "data set not embedded as written"
assert data["sources"][0]["text"] == open(sys.argv[3], encoding="utf-8").read(), "source text changed"
assert "body" in data["node_types"] and any(t["name"] == "member_of" for t in data["edge_types"])
assert page.count("<script") == 2, page.count("<script")
assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', page), "loads something from the network"
PY

# Errors: a missing source is a warning (quotes shown alone); bad usage.
sed 's/"arctic.txt"/"missing.txt"/' "$scratch/arctic.cand.kg.json" >"$scratch/nosource.kg.json"
run review "$scratch/nosource.kg.json" -o "$scratch/nosource.html"
expect_rc 0 "review with a missing source"
expect_stderr "missing.txt" "missing source warning names the file"
run review
expect_rc 1 "review without a data set"
run review "$scratch/arctic.cand.kg.json" --bogus
expect_rc 1 "review with an unknown option"
run review "$scratch/nothere.kg.json"
expect_rc 3 "review of a missing file"
run review --help
expect_stdout "Save accepted" "review --help"

# The reviewer: accept two, reject one, save (the download lands beside the
# candidates, where its schema and source paths resolve).
KG_CHROMIUM="$chromium" \
  node "$browser_dir/review.test.mjs" --page "$scratch/again.html" \
    --candidates "$scratch/arctic.cand.kg.json" --saved "$scratch/saved.kg.json" \
    --saved-relation "$scratch/saved-relation.kg.json" \
    --artifacts "$artifacts" --accept "Ottawa Declaration" \
    --accept "World Meteorological Organization" \
    --reject "Sustainable Development Working Group" ||
  fail "browser test (see the 'not ok' lines above)"
[ -s "$scratch/saved.kg.json" ] || { fail "no saved data set"; finish; }
cp "$scratch/saved.kg.json" "$artifacts/"

run validate "$scratch/saved.kg.json"
expect_rc 0 "validate the saved data set"
run verify "$scratch/saved.kg.json"
expect_rc 0 "verify the saved data set"

cat >"$scratch/base.kg.json" <<EOF2
{"kg": 1, "schema": "$schema",
 "sources": [{"id": "arctic", "title": "The Arctic Council", "file": "arctic.txt"}],
 "entities": [{"id": "ac", "type": "body", "label": "Arctic Council"}],
 "relations": []}
EOF2
run merge "$scratch/base.kg.json" "$scratch/saved.kg.json" -o "$scratch/merged.kg.json"
expect_rc 0 "merge the saved data set"
run validate "$scratch/merged.kg.json"
expect_rc 0 "validate the merged data set"
"$PY" - "$scratch/merged.kg.json" <<'PY' || fail "merged result"
import json, sys
d = json.load(open(sys.argv[1]))
labels = {e["label"] for e in d["entities"]}
assert {"Ottawa Declaration", "World Meteorological Organization"} <= labels, labels
assert "Sustainable Development Working Group" not in labels, labels
assert "Arctic Council" in labels, "base entity kept"
assert len(d["entities"]) == 3, labels
PY

# With an accepted relation: its ends come along; the base's "Arctic
# Council" takes the candidate by label, and the relation points to it.
run merge "$scratch/base.kg.json" "$scratch/saved-relation.kg.json" -o "$scratch/merged2.kg.json"
expect_rc 0 "merge the saved data set with a relation"
run validate "$scratch/merged2.kg.json"
expect_rc 0 "validate the merged data set with a relation"
"$PY" - "$scratch/merged2.kg.json" <<'PY' || fail "merged result with a relation"
import json, sys
d = json.load(open(sys.argv[1]))
rels = {(r["source"], r["type"], r["target"]) for r in d["relations"]}
assert rels == {("ac", "established_by", "ottawa-declaration")}, rels
PY

finish
