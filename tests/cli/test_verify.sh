#!/usr/bin/env bash
# kg verify: grounded quotes pass with coverage figures; a wrong quote is
# reported with its JSON Pointer and the closest passage, exit 2.
. "$(dirname "$0")/lib.sh"

run verify "$KG_TEST_DATA/small.kg.json"
expect_rc 0 "verify fixture"
expect_stdout "12 of 12 quotes found in their sources" "verify counts"
expect_stdout "with evidence 12 (100.0%)" "verify coverage"

# One quote with a typo ("Concordai") in a copy of the fixture.
mkdir -p "$scratch/bad"
cp -r "$KG_TEST_DATA/schema.json" "$KG_TEST_DATA/sources" "$scratch/bad/"
sed 's/Operation Concordia operated under/Operation Concordai operated under/' \
  "$KG_TEST_DATA/small.kg.json" >"$scratch/bad/bad.kg.json"
grep -q Concordai "$scratch/bad/bad.kg.json" || fail "fixture edit did not apply"
run verify "$scratch/bad/bad.kg.json"
expect_rc 2 "wrong quote"
expect_stderr "bad.kg.json: /relations/2/evidence/0/quote: quote not found in its source" "wrong quote pointer"
expect_stderr 'closest passage: "Operation Concordia operated under the Berlin Plus' "closest passage"
expect_stdout "11 of 12 quotes found" "wrong quote counts"

# A source file that is missing: exit 3 naming it.
rm "$scratch/bad/sources/small.txt"
run verify "$scratch/bad/bad.kg.json"
expect_rc 3 "missing source file"
expect_stderr "sources/small.txt: cannot open" "missing source file"

# The shipped data set is grounded.
if [ -f "$KG_SOURCE_DIR/data/nato-eu.kg.json" ]; then
  run verify "$KG_SOURCE_DIR/data/nato-eu.kg.json"
  expect_rc 0 "shipped data set"
  expect_stdout "with evidence" "shipped data set"
  # The same on standard input, from the data set's folder (its sources).
  (cd "$KG_SOURCE_DIR/data" && "$KG" verify - <nato-eu.kg.json) >"$scratch/stdout" 2>"$scratch/stderr"
  rc=$?
  expect_rc 0 "verify - (standard input)"
  expect_stdout "<stdin>: " "verify - names standard input"
  expect_stdout "quotes found in their sources" "verify - reports the quotes"
fi

finish
