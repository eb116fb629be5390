#!/usr/bin/env bash
# kg build -f html, checked in a real browser: builds the viewer page for the
# small test data set, a hostile one and every shipped data set, checks what
# can be checked in the file, then drives Debian's Chromium through the pages
# with tests/browser/viewer.test.mjs (playwright-core). Screenshots and
# exports are kept in BUILD_DIR/test-artifacts/viewer/ (not committed).
# A missing browser or npm package fails the test with the command to run.
. "$(dirname "$0")/lib.sh"

browser_dir="$KG_SOURCE_DIR/tests/browser"
chromium="${KG_CHROMIUM:-/usr/bin/chromium}"
artifacts="${KG_ARTIFACTS:-$(dirname "$KG")/test-artifacts/viewer}"

# What the browser test needs; fail (not skip) when it is missing.
if [ ! -x "$KG" ]; then
  echo "FAIL: no kg binary at $KG; build it first" >&2
  exit 1
fi
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

# Build the pages.
run build "$KG_TEST_DATA/small.kg.json" "$KG_TEST_DATA/hostile.kg.json" -o "$artifacts" -f html -q
expect_rc 0 "build html"
for name in small hostile; do
  [ -s "$artifacts/$name.html" ] || fail "kg build -f html did not write $name.html"
done

# Deterministic: a second build is byte-identical.
run build "$KG_TEST_DATA/small.kg.json" -o "$scratch/again" -f html -q
expect_rc 0 "second html build"
cmp -s "$artifacts/small.html" "$scratch/again/small.html" || fail "small.html differs between two builds"

# The format is also chosen by name among the defaults, and listed in help.
run build "$KG_TEST_DATA/small.kg.json" -o "$scratch/default" -q
expect_rc 0 "default build"
[ -s "$scratch/default/small.html" ] || fail "a default build wrote no small.html: $(ls "$scratch/default")"
run build --help
expect_stdout "html" "build --help lists html"

# In the file: no data can end the data element, and nothing is fetched.
"$PY" - "$artifacts/small.html" "$artifacts/hostile.html" <<'EOF' || fail "page structure (see above)"
import json, re, sys
for path in sys.argv[1:]:
    page = open(path, encoding="utf-8").read()
    start = page.index('<script type="application/json" id="kg-data">') + len('<script type="application/json" id="kg-data">')
    end = page.index("</script>", start)
    blob = page[start:end]
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in blob, f"{path}: raw {bad!r} in the embedded JSON"
    data = json.loads(blob)
    assert data["kg_viewer"] == 1, path
    assert page.count("<script") == 3, f"{path}: {page.count('<script')} script elements"
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', page[:start]), f"{path}: loads something from the network"
    if "hostile" in path:
        labels = {n["id"]: n["label"] for n in data["nodes"]}
        assert labels["graph"] == "</script><script>alert(1)</script>", labels["graph"]
        assert "\u2028" in labels["ctl"], "U+2028 survives the round trip"
EOF

# The shipped data sets, if any: screenshots as test artefacts.
shipped=()
for dataset in "$KG_SOURCE_DIR"/data/*.kg.json; do
  [ -e "$dataset" ] || continue
  name=$(basename "$dataset" .kg.json)
  run build "$dataset" -o "$artifacts" -f html -q
  expect_rc 0 "build html for $name"
  shipped+=(--shipped "$artifacts/$name.html" "$dataset")
done

# The browser test proper.
KG_CHROMIUM="$chromium" \
  node "$browser_dir/viewer.test.mjs" --artifacts "$artifacts" \
    --small "$artifacts/small.html" "$KG_TEST_DATA/small.kg.json" \
    --hostile "$artifacts/hostile.html" "$KG_TEST_DATA/hostile.kg.json" \
    "${shipped[@]}" || fail "browser test (see the 'not ok' lines above)"

# The SVG the page exported is XML another tool reads.
if [ -s "$artifacts/small-view.svg" ]; then
  xmllint --noout "$artifacts/small-view.svg" 2>"$scratch/xmllint" ||
    fail "exported SVG is not well-formed: $(head -c 400 "$scratch/xmllint")"
fi

finish
