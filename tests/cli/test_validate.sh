#!/usr/bin/env bash
# kg validate / kg build on invalid data sets: one case per kind of problem,
# each asserting exit code 2, the file and JSON Pointer in the message, the
# hint, and that no output file appeared (not even a temporary one).
. "$(dirname "$0")/lib.sh"

head='"kg": 1, "sources": [{"id": "s", "title": "t", "url": "u"}]'
ev='"evidence": {"source": "s", "quote": "q"}'
orgs='"entities": [{"id": "alliance", "type": "organisation", "label": "A"}, {"id": "union", "type": "organisation", "label": "U"}]'

# case NAME JSON EXPECTED-STDERR-TEXT...
case_invalid() {
  local name=$1 json=$2
  shift 2
  local file="$scratch/$name.kg.json" out="$scratch/out-$name"
  mkdir -p "$out"
  printf '%s\n' "$json" >"$file"
  run build "$file" --schema "$KG_TEST_DATA/schema.json" -o "$out"
  expect_rc 2 "$name (build)"
  for text in "$@"; do expect_stderr "$text" "$name (build)"; done
  [ -z "$(ls -A "$out")" ] || fail "$name: build left files: $(ls -A "$out")"
  run validate --schema "$KG_TEST_DATA/schema.json" "$file"
  expect_rc 2 "$name (validate)"
  for text in "$@"; do expect_stderr "$text" "$name (validate)"; done
}

case_invalid unknown-node-type \
  "{$head, \"entities\": [{\"id\": \"a\", \"type\": \"organization\", \"label\": \"A\"}], \"relations\": []}" \
  "unknown-node-type.kg.json: /entities/0/type: unknown node type 'organization'; did you mean 'organisation'?"
case_invalid unknown-edge-type \
  "{$head, $orgs, \"relations\": [{\"source\": \"alliance\", \"type\": \"suports\", \"target\": \"union\", $ev}]}" \
  "/relations/0/type: unknown edge type 'suports'; did you mean 'supports'?"
case_invalid unknown-endpoint \
  "{$head, $orgs, \"relations\": [{\"source\": \"alliance\", \"type\": \"supports\", \"target\": \"unoin\", $ev}]}" \
  "/relations/0/target: unknown entity 'unoin'; did you mean 'union'?"
case_invalid type-not-allowed \
  "{$head, $orgs, \"relations\": [{\"source\": \"alliance\", \"type\": \"signed_by\", \"target\": \"union\", $ev}]}" \
  "/relations/0/source: edge type 'signed_by' does not allow a source of type 'organisation'" "allowed: treaty"
case_invalid duplicate-id \
  "{$head, \"entities\": [{\"id\": \"a\", \"type\": \"place\", \"label\": \"A\"}, {\"id\": \"a\", \"type\": \"place\", \"label\": \"B\"}], \"relations\": []}" \
  "/entities/1/id: duplicate entity id 'a' (first at /entities/0)"
case_invalid alias-clash \
  "{$head, \"entities\": [{\"id\": \"a\", \"type\": \"place\", \"label\": \"A\", \"aliases\": [\"X\"]}, {\"id\": \"b\", \"type\": \"place\", \"label\": \"B\", \"aliases\": [\"X\"]}], \"relations\": []}" \
  "/entities/1/aliases/0: alias 'X' is also claimed by /entities/0"
case_invalid bad-date \
  "{$head, \"entities\": [{\"id\": \"a\", \"type\": \"place\", \"label\": \"A\", \"start\": \"2003-13\"}], \"relations\": []}" \
  "/entities/0/start: invalid date '2003-13'"
case_invalid end-before-start \
  "{$head, $orgs, \"relations\": [{\"source\": \"alliance\", \"type\": \"supports\", \"target\": \"union\", \"start\": \"2005\", \"end\": \"2004-06\", $ev}]}" \
  "/relations/0/end: end 2004-06 is before start 2005"
case_invalid missing-evidence \
  "{$head, $orgs, \"relations\": [{\"source\": \"alliance\", \"type\": \"supports\", \"target\": \"union\"}]}" \
  "/relations/0: missing evidence"
case_invalid unknown-evidence-source \
  "{$head, $orgs, \"relations\": [{\"source\": \"alliance\", \"type\": \"supports\", \"target\": \"union\", \"evidence\": {\"source\": \"x\", \"quote\": \"q\"}}]}" \
  "/relations/0/evidence/source: unknown source 'x'"
case_invalid unknown-key \
  "{$head, \"entities\": [{\"id\": \"a\", \"type\": \"place\", \"lable\": \"A\"}], \"relations\": []}" \
  "/entities/0/lable: unknown key 'lable'; did you mean 'label'?" "/entities/0: missing required key 'label'"
case_invalid syntax-error \
  "{$head,
  \"entities\": [,
}" \
  "syntax-error.kg.json:2:16: JSON syntax error"
case_invalid duplicate-key \
  "{$head, \"kg\": 1, \"entities\": [], \"relations\": []}" \
  "duplicate-key.kg.json:1:" "duplicate object key"

# Several problems are all reported in one run.
printf '%s\n' "{$head, \"entities\": [{\"id\": \"a\", \"type\": \"nope\", \"label\": \"A\"}, {\"id\": \"b\", \"type\": \"place\", \"label\": \"B\", \"end\": \"x\"}], \"relations\": []}" >"$scratch/many.kg.json"
run validate --schema "$KG_TEST_DATA/schema.json" "$scratch/many.kg.json"
expect_rc 2 "many problems"
[ "$(grep -c '^kg: ' "$scratch/stderr")" -eq 2 ] || fail "many problems: expected 2 messages, got: $(cat "$scratch/stderr")"

# A failed build leaves earlier outputs untouched.
good="$scratch/good"
mkdir -p "$good"
run build "$KG_TEST_DATA/small.kg.json" -o "$good" -f json
expect_rc 0 "good build"
before=$(sha256sum "$good/small.json")
cp "$scratch/unknown-key.kg.json" "$scratch/small.kg.json"
run build "$scratch/small.kg.json" --schema "$KG_TEST_DATA/schema.json" -o "$good" -f json
expect_rc 2 "bad build over good output"
[ "$(sha256sum "$good/small.json")" = "$before" ] || fail "a failed build changed an earlier output"
[ "$(ls -A "$good")" = "small.json" ] || fail "a failed build left files: $(ls -A "$good")"

# Files that cannot be read: exit 3 and the file named.
run validate "$scratch/does-not-exist.kg.json"
expect_rc 3 "missing file"
expect_stderr "does-not-exist.kg.json: cannot open" "missing file"
run validate "$scratch"
expect_rc 3 "directory as data set"
expect_stderr "is a directory" "directory as data set"

# '-' reads standard input, like other tools; relative paths in it (the
# schema) resolve against the current directory; errors name <stdin>.
(cd "$KG_TEST_DATA" && "$KG" validate - <small.kg.json) >"$scratch/stdout" 2>"$scratch/stderr"
rc=$?
expect_rc 0 "validate - from the data set's folder"
expect_stdout "<stdin>: valid (" "validate - names standard input"
printf '{"kg": 1,\n' >"$scratch/cut.json"
"$KG" validate - <"$scratch/cut.json" >"$scratch/stdout" 2>"$scratch/stderr"
rc=$?
expect_rc 2 "validate - with broken JSON"
expect_stderr "<stdin>:2:1: JSON syntax error" "validate - reports <stdin>:LINE:COL"
"$KG" validate -q -- - <"$KG_TEST_DATA/small.kg.json" >"$scratch/stdout" 2>"$scratch/stderr"
rc=$?
expect_rc 2 "validate - from elsewhere cannot find the relative schema"
expect_stderr "<stdin>: /schema: cannot use schema" "validate - from elsewhere"

# Usage errors: exit 1.
run validate
expect_rc 1 "validate without arguments"
run build --format xlsx "$KG_TEST_DATA/small.kg.json"
expect_rc 1 "unknown format"
expect_stderr "unknown format 'xlsx'" "unknown format"
run biuld
expect_rc 1 "unknown command"
expect_stderr "did you mean 'build'?" "unknown command"

finish
