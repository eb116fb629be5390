#!/usr/bin/env bash
# Runs every unit test and a tour of the CLI under valgrind --leak-check=full
# and fails on any memory error or definite/indirect leak. Slower than the
# sanitizer run (minutes), so it is not part of scripts/test.sh; see
# docs/reliability.md. Usage: scripts/valgrind.sh [BUILD_DIR] (default build-test)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-test}
[ -x "$build/kg" ] || { echo "valgrind: build first (bash scripts/test.sh or cmake)" >&2; exit 3; }
command -v valgrind >/dev/null || { echo "valgrind: apt-get install valgrind" >&2; exit 3; }
vg=(valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99
    --suppressions=tests/valgrind.supp)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
check() { # check NAME CMD...: runs under valgrind; exit 99 means valgrind found something
  local name=$1
  shift
  "${vg[@]}" "$@" >"$scratch/out" 2>"$scratch/err" && rc=0 || rc=$?
  if [ "$rc" -eq 99 ]; then
    echo "valgrind: $name: memory errors or leaks" >&2
    cat "$scratch/err" >&2
    failed=$((failed + 1))
  else
    echo "valgrind: $name: clean (exit $rc)"
  fi
}
for t in "$build"/tests/test_*; do
  case $t in *test_alloc) continue ;; esac # wraps malloc itself
  [ -x "$t" ] && check "$(basename "$t")" "$t"
done
kg=$build/kg
d=data/nato-eu.kg.json
check "build (all default formats)" "$kg" build -q -o "$scratch/out1" $d
check "build (every other format)" "$kg" build -q -o "$scratch/out2" \
  -f gexf,cytoscape,cytoscape-style,cytoscape-vizmap,yed,cypher,neo4j,nt,ttl,png tests/data/hostile.kg.json
check "validate (invalid)" "$kg" validate tests/data/analysis.kg.json --max-nodes 2
check "verify" "$kg" verify -q $d
check "convert graphml to dot" "$kg" convert "$scratch/out1/nato-eu.graphml" "$scratch/c.dot"
check "convert dot to json" "$kg" convert "$scratch/c.dot" "$scratch/c.json"
check "centrality" "$kg" centrality $d -m all --top 5
check "path" "$kg" path $d "Operation Althea" "Berlin Plus" --all
check "neighbours" "$kg" neighbours $d nato --depth 2
check "communities" "$kg" communities $d -m leiden
check "components" "$kg" components $d --strong
check "unknown name" "$kg" path $d "Operation Altea" nato
echo "valgrind: $failed failure(s)"
[ "$failed" -eq 0 ]
