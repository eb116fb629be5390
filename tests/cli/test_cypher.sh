#!/usr/bin/env bash
# The Cypher script as Neo4j reads it: its own parser and semantic checks
# (@neo4j-cypher/language-support, pinned in tests/cypher/, installed by
# scripts/deps.sh) report no error and no warning (the old MATCH (a), (b)
# form drew a cartesian-product warning per relationship), and the rows come
# in UNWIND batches of at most 1000. The contents are checked against the
# data by tests/cli/check_more_exports.py.
. "$(dirname "$0")/lib.sh"
LINT="$KG_SOURCE_DIR/tests/cypher/lint.mjs"
if [ ! -d "$KG_SOURCE_DIR/tests/cypher/node_modules/@neo4j-cypher/language-support" ]; then
  fail "tests/cypher/node_modules is missing: run scripts/deps.sh (npm ci --prefix tests/cypher)"
  finish
fi

files=()
for f in "$KG_TEST_DATA/small.kg.json" "$KG_TEST_DATA/hostile.kg.json" "$KG_SOURCE_DIR"/data/*.kg.json; do
  [ -e "$f" ] || continue
  run build -q -f cypher -o "$scratch/out" "$f"
  expect_rc 0 "build -f cypher $(basename "$f")"
  files+=("$scratch/out/$(basename "$f" .kg.json).cypher")
done
# 2,500 relationships of one type and 1,200 nodes: several batches per type.
"$PY" - "$scratch/big.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("source,target,type\n")
    for i in range(2500):
        f.write("n%d,n%d,links\n" % (i % 1200, (i * 7 + 1) % 1200))
PY
run convert "$scratch/big.csv" "$scratch/big.cypher"
expect_rc 0 "convert a large edge list to Cypher"
files+=("$scratch/big.cypher")

node "$LINT" "${files[@]}" >"$scratch/lint.out" 2>&1 ||
  fail "Neo4j's Cypher linter reports: $(head -c 2000 "$scratch/lint.out")"
[ "$(grep -c '^UNWIND \[' "$scratch/big.cypher")" -eq 5 ] ||
  fail "big.cypher: $(grep -c '^UNWIND \[' "$scratch/big.cypher") batches, want 2 of nodes and 3 of edges"
"$PY" - "$scratch/big.cypher" <<'PY' || fail "big.cypher: batches are not at most 1000 rows, every row once"
import re, sys
text = open(sys.argv[1]).read()
batches = re.findall(r"^UNWIND \[\n(.*?)\n\] AS row\n", text, re.S | re.M)
sizes = [len(b.split("\n")) for b in batches]
assert sizes == [1000, 200, 1000, 1000, 500], sizes
PY
grep -q '}), (b' "${files[@]}" && fail "a script still matches both ends in one MATCH"

# The linter does fail on what Neo4j warns about (so the check above can fail).
printf "MATCH (a:Entity {id: 'x'}), (b:Entity {id: 'y'}) MERGE (a)-[:t]->(b);\n" >"$scratch/old.cypher"
node "$LINT" "$scratch/old.cypher" >"$scratch/lint.out" 2>&1 && fail "the linter accepts a cartesian product"
grep -q "cartesian product" "$scratch/lint.out" || fail "no cartesian-product warning: $(head -c 400 "$scratch/lint.out")"

finish
