#!/usr/bin/env bash
# Hostile input: each case asserts the exit code, the message, and that the
# outputs already in the target folder are untouched, with no temporary
# file left behind. Large inputs are generated here, not stored.
. "$(dirname "$0")/../cli/lib.sh"

work="$scratch/work"
out="$scratch/out"
mkdir -p "$work" "$out"
cp "$KG_TEST_DATA/schema.json" "$work/"

# The outputs a failed build must leave exactly as they were.
for ext in dot graphml json svg; do
  echo "previous good $ext" >"$out/case.$ext"
done

outputs_untouched() { # outputs_untouched CASE
  for ext in dot graphml json svg; do
    [ "$(cat "$out/case.$ext")" = "previous good $ext" ] || fail "$1: out/case.$ext was changed"
  done
  leftovers=$(find "$out" -name '.*tmp*' | head -3)
  [ -z "$leftovers" ] || fail "$1: temporary files left: $leftovers"
}

# build_fails CASE RC MESSAGE [KG OPTIONS...]: builds $work/case.kg.json into
# $out and expects failure with RC and MESSAGE on stderr.
build_fails() {
  local name=$1 want_rc=$2 message=$3
  shift 3
  run build -q "$@" -o "$out" "$work/case.kg.json"
  expect_rc "$want_rc" "$name"
  expect_stderr "$message" "$name"
  outputs_untouched "$name"
}

write_case() { # write_case PYTHON-EXPRESSION-FOR-THE-FILE-TEXT
  "$PY" -c "
import json, sys
head = {'kg': 1, 'name': 'case', 'schema': 'schema.json',
        'sources': [{'id': 's', 'title': 'S', 'url': 'https://example.org/s'}]}
def ent(i, t='place', **kw): return dict({'id': i, 'type': t, 'label': i}, **kw)
def rel(s, t, tgt, **kw): return dict({'source': s, 'type': t, 'target': tgt,
        'evidence': [{'source': 's', 'quote': 'q'}]}, **kw)
def doc(entities, relations): return json.dumps(dict(head, entities=entities, relations=relations))
sys.stdout.write($1)" >"$work/case.kg.json"
}

# ---- syntax and encoding -------------------------------------------------
: >"$work/case.kg.json"
build_fails "empty file" 2 "case.kg.json:1:1: JSON syntax error: '[' or '{' expected"

printf '{"kg": 1, "name": "caf\xe9"}' >"$work/case.kg.json"
build_fails "invalid UTF-8" 2 "case.kg.json:1:22: JSON syntax error: unable to decode byte 0xe9"

printf '{"kg": 1, "name": "nul\\u0000inside"}' >"$work/case.kg.json"
build_fails "NUL in a string" 2 "case.kg.json:1:35: JSON syntax error: \\u0000 is not allowed"

write_case "'{\"kg\": 1, \"kg\": 1}'"
build_fails "duplicate keys" 2 "duplicate object key"

"$PY" -c "print('[' * 200000 + ']' * 200000)" >"$work/case.kg.json"
build_fails "deep nesting" 3 "nesting deeper than the limit of 64"

write_case "doc([ent('a', attributes={'n': 1e400})], [])"
sed -i 's/Infinity/1e400/' "$work/case.kg.json"
build_fails "real out of range" 2 "real number overflow"

write_case "doc([ent('a', attributes={'n': 10**30})], [])"
build_fails "integer out of range" 2 "too big integer"

# ---- structure --------------------------------------------------------
write_case "doc([ent('a'), ent('a')], [])"
build_fails "duplicate ids" 2 "/entities/1/id: duplicate entity id 'a'"

write_case "doc([ent('a')], [rel('a', 'located_at', 'nowhere')])"
build_fails "dangling endpoint" 2 "/relations/0/target: unknown entity 'nowhere'"

write_case "doc([ent('a', label='x' * 2_000_000)], [])"
build_fails "huge string over --max-input-size" 3 "over the limit" --max-input-size 1M

write_case "doc([ent('e%d' % i) for i in range(101)], [])"
build_fails "too many entities" 3 "/entities: 101 entities, over the limit of 100" --max-nodes 100
[ "$(wc -l <"$scratch/stderr")" -eq 1 ] || fail "too many entities: more than one message"

write_case "doc([ent('a'), ent('b')], [rel('a', 'located_at', 'b')] * 11)"
build_fails "too many relations" 3 "over the limit of 10" --max-edges 10

# ---- accepted oddities: built, and read back by NetworkX ----------------
write_case "doc([ent('a', t='organisation'), ent('b', t='organisation')],
  [rel('a', 'cooperates_with', 'a')] + [rel('a', 'cooperates_with', 'b')] * 5000)"
run build -q -o "$scratch/ok" "$work/case.kg.json"
expect_rc 0 "self-loop and 5000 parallel edges"
"$PY" -c "
import json, networkx as nx, sys
g = nx.node_link_graph(json.load(open(sys.argv[1])))
ids = {d['id'] for _, _, d in g.edges(data=True)}
assert g.number_of_edges() == 5001 and len(ids) == 5001, (g.number_of_edges(), len(ids))
assert g.has_edge('a', 'a')
g2 = nx.read_graphml(sys.argv[2])
assert g2.number_of_edges() == 5001, g2.number_of_edges()
" "$scratch/ok/case.json" "$scratch/ok/case.graphml" || fail "parallel edges not kept apart"

write_case "doc([ent('a', label='x' * 200_000 + ' </script> \" \\\\ ]]>')], [])"
run build -q -o "$scratch/big" "$work/case.kg.json"
expect_rc 0 "200 kB label"
xmllint --noout "$scratch/big/case.graphml" "$scratch/big/case.svg" 2>/dev/null ||
  fail "200 kB label: XML not well-formed"

# ---- files and folders ---------------------------------------------------
mkdir "$work/folder.kg.json"
run build -q -o "$out" "$work/folder.kg.json"
expect_rc 3 "directory as input"
expect_stderr "is a directory" "directory as input"
outputs_untouched "directory as input"

run build -q -o "$out" "$work/missing.kg.json"
expect_rc 3 "missing input"
expect_stderr "missing.kg.json: cannot open: No such file or directory" "missing input"

if [ "$(id -u)" -ne 0 ]; then # root reads and writes regardless of modes
  cp "$KG_TEST_DATA/small.kg.json" "$work/unreadable.kg.json"
  chmod 000 "$work/unreadable.kg.json"
  run build -q -o "$out" "$work/unreadable.kg.json"
  expect_rc 3 "unreadable input"
  expect_stderr "Permission denied" "unreadable input"
fi

run build -q -o "$scratch/no/such/parent" "$KG_TEST_DATA/small.kg.json"
expect_rc 3 "output parent missing"
expect_stderr "no/such/parent" "output parent missing"

touch "$scratch/a-file"
run build -q -o "$scratch/a-file" "$KG_TEST_DATA/small.kg.json"
expect_rc 3 "output is a file"
expect_stderr "a-file" "output is a file"

run build -q -o /proc/kg-cannot-write-here "$KG_TEST_DATA/small.kg.json"
expect_rc 3 "unwritable output folder"

# Disk full: a file-size limit makes the SVG write fail part-way (EFBIG).
cp "$KG_TEST_DATA/small.kg.json" "$work/case.kg.json"
cp -r "$KG_TEST_DATA/sources" "$work/"
(
  trap '' XFSZ
  ulimit -f 8 # 8 blocks of 1 KiB: the first outputs fit, the SVG does not
  "$KG" build -q -o "$out" "$work/case.kg.json" >"$scratch/stdout" 2>"$scratch/stderr"
  echo $? >"$scratch/rc"
)
rc=$(cat "$scratch/rc")
expect_rc 3 "disk full"
expect_stderr "File too large" "disk full"
outputs_untouched "disk full"

# ---- concurrent builds into one folder ------------------------------------
run build -q -o "$scratch/single" "$KG_TEST_DATA/hostile.kg.json"
pids=()
for i in 1 2 3 4; do
  "$KG" build -q -o "$scratch/shared" "$KG_TEST_DATA/hostile.kg.json" 2>"$scratch/par$i.err" &
  pids+=($!)
done
for pid in "${pids[@]}"; do
  wait "$pid" || fail "a concurrent build failed: $(cat "$scratch"/par*.err | head -c 300)"
done
for ext in dot graphml json svg; do
  cmp -s "$scratch/single/hostile.$ext" "$scratch/shared/hostile.$ext" ||
    fail "concurrent builds corrupted hostile.$ext"
done
[ -z "$(find "$scratch/shared" -name '.*tmp*')" ] || fail "concurrent builds left temporary files"

finish
