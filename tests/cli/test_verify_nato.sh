#!/usr/bin/env bash
# kg verify on the shipped NATO-EU data set: every quote is found and every
# relation has evidence; a copy with one quote falsified is refused (exit 2)
# with that quote's JSON Pointer and the true sentence as closest passage.
. "$(dirname "$0")/lib.sh"

data="$KG_SOURCE_DIR/data/nato-eu.kg.json"
[ -f "$data" ] || { fail "missing $data"; finish; }

# Counts from the data set itself, by an independent reader (python json).
read -r quotes relations < <("$PY" - "$data" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
def n(ev): return 1 if isinstance(ev, dict) else len(ev)
q = sum(n(x["evidence"]) for x in d["relations"]) + sum(n(x["evidence"]) for x in d["entities"] if "evidence" in x)
print(q, len(d["relations"]))
EOF
)

run verify "$data"
expect_rc 0 "shipped data set"
expect_stdout "$quotes of $quotes quotes found in their sources" "all quotes found"
expect_stdout "relations: $relations; with evidence $relations (100.0%)" "every relation has evidence"
expect_stdout "member_of" "relations by type listed"

run validate "$data"
expect_rc 0 "shipped data set validates"

# Falsify one fact: EULEX works with KFOR, not with SFOR.
mkdir -p "$scratch/nato"
cp -r "$KG_SOURCE_DIR/data/schema.json" "$KG_SOURCE_DIR/data/sources" "$scratch/nato/"
sed 's/EULEX works closely with KFOR in the field\./EULEX works closely with SFOR in the field./' \
  "$data" >"$scratch/nato/nato-eu.kg.json"
pointer=$("$PY" - "$scratch/nato/nato-eu.kg.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for i, r in enumerate(d["relations"]):
    ev = r["evidence"] if isinstance(r["evidence"], list) else [r["evidence"]]
    for j, e in enumerate(ev):
        if "with SFOR in the field" in e["quote"]:
            print(f"/relations/{i}/evidence/{j}/quote")
            sys.exit(0)
EOF
)
[ -n "$pointer" ] || fail "fixture edit did not apply"
run verify "$scratch/nato/nato-eu.kg.json"
expect_rc 2 "falsified quote"
expect_stderr "nato-eu.kg.json: $pointer: quote not found in its source" "falsified quote pointer"
expect_stderr 'closest passage: "EULEX works closely with KFOR' "closest passage"
expect_stdout "$((quotes - 1)) of $quotes quotes found" "falsified quote counts"

finish
