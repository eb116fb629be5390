#!/usr/bin/env bash
# kg build as a user runs it: default data discovery, the summary, byte-
# identical output across runs, atomic replacement, unwritable targets, and
# the help and version texts.
. "$(dirname "$0")/lib.sh"

# Default: every data/*.kg.json of the current folder into out/.
work="$scratch/project"
mkdir -p "$work/data"
cp -r "$KG_TEST_DATA/small.kg.json" "$KG_TEST_DATA/schema.json" "$KG_TEST_DATA/sources" "$work/data/"
(cd "$work" && "$KG" build >"$scratch/stdout" 2>"$scratch/stderr"); rc=$?
expect_rc 0 "default build"
for ext in dot graphml json svg; do
  [ -s "$work/out/small.$ext" ] || fail "default build did not write out/small.$ext"
done
expect_stdout "data/small.kg.json: 10 nodes, 12 edges" "summary counts"
expect_stdout "nodes by type: body 2, operation 4, organisation 2, place 1, treaty 1" "summary node types"
expect_stdout "weakly connected components: 1 (largest: 10 nodes)" "summary components"
expect_stdout "isolated nodes: 0, self-loops: 1" "summary isolated"
[ -z "$(ls -A "$work/out" | grep '^\.')" ] || fail "temporary files left in out/: $(ls -A "$work/out")"

# Same input, byte-identical output.
run build "$KG_TEST_DATA/small.kg.json" -o "$scratch/second" -q
expect_rc 0 "second build"
[ ! -s "$scratch/stdout" ] || fail "--quiet printed: $(cat "$scratch/stdout")"
for ext in dot graphml json svg; do
  cmp -s "$work/out/small.$ext" "$scratch/second/small.$ext" || fail "small.$ext differs between two builds"
done

# Only the formats asked for.
run build "$KG_TEST_DATA/small.kg.json" -o "$scratch/only" -f json,dot -q
expect_rc 0 "format selection"
[ "$(ls "$scratch/only" | tr '\n' ' ')" = "small.dot small.json " ] || fail "-f json,dot wrote: $(ls "$scratch/only")"

# An output folder that cannot be written: exit 3, nothing left behind.
if [ "$(id -u)" -ne 0 ]; then
  mkdir -p "$scratch/ro" && chmod 555 "$scratch/ro"
  run build "$KG_TEST_DATA/small.kg.json" -o "$scratch/ro"
  expect_rc 3 "read-only output folder"
  expect_stderr "cannot create output" "read-only output folder"
fi
printf 'x' >"$scratch/not-a-dir"
run build "$KG_TEST_DATA/small.kg.json" -o "$scratch/not-a-dir"
expect_rc 3 "output path is a file"
expect_stderr "not a folder" "output path is a file"
run build "$KG_TEST_DATA/small.kg.json" -o "$scratch/missing/deeper"
expect_rc 3 "output parent missing"
expect_stderr "cannot create output folder" "output parent missing"

# Help and version.
run --help
expect_rc 0 "--help"
expect_stdout "Exit codes:" "--help"
expect_stdout "build" "--help lists build"
run help build
expect_rc 0 "help build"
expect_stdout "Usage: kg build" "help build"
run build --help
expect_rc 0 "build --help"
expect_stdout "--format LIST" "build --help"
run --version
expect_rc 0 "--version"
expect_stdout "kg 0." "--version"
run build --bogus
expect_rc 1 "unknown option"
expect_stderr "unknown option '--bogus'" "unknown option"
run build -o
expect_rc 1 "missing option value"
expect_stderr "needs a value" "missing option value"

# A format's bytes do not depend on the other formats of the run: Graphviz
# layouts draw from the C library's random generators, which an earlier
# layout in the same process would otherwise have moved on.
nato="$KG_SOURCE_DIR/data/nato-eu.kg.json"
run build "$nato" -q -o "$scratch/all"
expect_rc 0 "build nato-eu, default formats"
run build "$nato" -q -f html -o "$scratch/html-only"
expect_rc 0 "build nato-eu -f html"
run build "$nato" -q -f svg -o "$scratch/svg-only"
expect_rc 0 "build nato-eu -f svg"
cmp -s "$scratch/all/nato-eu.html" "$scratch/html-only/nato-eu.html" ||
  fail "the viewer's layout depends on the SVG drawn before it in the same run"
cmp -s "$scratch/all/nato-eu.svg" "$scratch/svg-only/nato-eu.svg" ||
  fail "the SVG differs when built alone"

finish
