#!/usr/bin/env bash
# Measures kg extract as issue 15 asks: extract the NATO-EU page WITHOUT
# --known, score against data/nato-eu.kg.json (bench/extract_score.py), check
# every quote with kg verify, and do the same for the hand-made texts in
# tests/data/extract/. Then times a 1 MB text (the page repeated).
# usage: bench/extract.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kg="$root/${1:-build}/kg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

score() { # TEXT REFERENCE NAME
  local out="$work/$3.kg.json"
  "$kg" extract -q "$1" --schema "$root/data/schema.json" -o "$out"
  "$kg" validate "$out" >/dev/null
  local found
  found="$("$kg" verify "$out" | head -1)"
  echo "== $3: $found"
  /usr/bin/python3 "$root/bench/extract_score.py" "$out" "$2" "$1"
}

score "$root/data/sources/nato-eu-relations.txt" "$root/data/nato-eu.kg.json" nato-eu
for ref in "$root"/tests/data/extract/*.kg.json; do
  name="$(basename "$ref" .kg.json)"
  score "$root/tests/data/extract/$name.txt" "$ref" "$name"
done

# 1 MB of text: the page repeated; one run, wall-clock seconds.
big="$work/big.txt"
: >"$big"
while [ "$(stat -c %s "$big")" -lt 1048576 ]; do cat "$root/data/sources/nato-eu-relations.txt" >>"$big"; done
start=$(date +%s.%N)
"$kg" extract -q "$big" --schema "$root/data/schema.json" -o "$work/big.kg.json"
end=$(date +%s.%N)
echo "== 1 MB: $(stat -c %s "$big") bytes in $(echo "$end - $start" | bc) s"
"$kg" validate "$work/big.kg.json" >/dev/null && echo "   output valid"
