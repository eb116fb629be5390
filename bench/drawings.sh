#!/usr/bin/env bash
# drawings.sh - what drawing with one layout per run, and choosing the
# engine by size, save. Run after building build/ (or set KG):
#
#   bash bench/drawings.sh
#
# 1. the shipped graph: `kg build -f svg,png,pdf` (one layout) against
#    three runs of one format each, with `--layout dot` (the engine before
#    the automatic choice) and with the automatic choice (sfdp here);
# 2. a generated graph of 1,000 entities and 2,000 relations (bench/gen.c):
#    `kg ingest -f svg,png` with the automatic choice, and with
#    `--layout dot` through kg build under a 60 s timeout.
# Each figure counts only if the run exited 0 and wrote an SVG, a PNG and
# (where asked) a PDF that `file` recognises; prints a Markdown table.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
kg=${KG:-$root/build/kg}
data=$root/data/nato-eu.kg.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
# seconds CMD...: runs CMD, prints its wall time, fails if it fails
seconds() {
  local t0 t1
  t0=$(now)
  "$@" >/dev/null 2>"$work/err" || { echo "drawings.sh: failed: $* ($(head -c 300 "$work/err"))" >&2; return 1; }
  t1=$(now)
  echo "$t1 - $t0" | bc -l
}
checked() { # DIR STEM EXT...: every file exists and is what it says
  local dir=$1 stem=$2 ext
  shift 2
  for ext in "$@"; do
    case $ext in
      svg) xmllint --noout "$dir/$stem.svg" ;;
      png) file "$dir/$stem.png" | grep -q 'PNG image' ;;
      pdf) head -c 5 "$dir/$stem.pdf" | grep -q '%PDF-' ;;
    esac || { echo "drawings.sh: $dir/$stem.$ext is not a valid $ext" >&2; exit 1; }
  done
}

echo "| graph | engine | one run, -f svg,png,pdf | three runs, one format each | three / one |"
echo "|---|---|---|---|---|"
for layout in dot auto; do
  opt=()
  [ "$layout" = dot ] && opt=(--layout dot)
  one=$(seconds "$kg" build -q "${opt[@]}" -f svg,png,pdf -o "$work/one" "$data")
  checked "$work/one" nato-eu svg png pdf
  three=0
  for f in svg png pdf; do
    t=$(seconds "$kg" build -q "${opt[@]}" -f $f -o "$work/three" "$data")
    three=$(echo "$three + $t" | bc -l)
  done
  checked "$work/three" nato-eu svg png pdf
  printf '| nato-eu (279, 600) | %s | %.2f s | %.2f s | %.2f |\n' "$layout" "$one" "$three" \
    "$(echo "$three / $one" | bc -l)"
done
png=$(file "$work/one/nato-eu.png" | grep -o '[0-9]* x [0-9]*')
echo
echo "PNG of the shipped graph with the default --max-size: $png px"

cc -O2 -std=c11 -o "$work/gen" "$here/gen.c"
mkdir -p "$work/gen1k"
"$work/gen" 1000 2000 1 "$work/gen1k" tsv >/dev/null
auto=$(seconds "$kg" ingest -q --nodes "$work/gen1k/nodes.tsv" --edges "$work/gen1k/edges.tsv" \
  -n g -f svg,png -o "$work/ingest")
checked "$work/ingest" g svg png
"$kg" ingest -q --nodes "$work/gen1k/nodes.tsv" --edges "$work/gen1k/edges.tsv" -n g \
  -f json -o "$work/ingest"
t0=$(now)
if timeout 60 "$kg" build -q --layout dot -f svg -o "$work/dot" "$work/ingest/g.json" \
    >/dev/null 2>&1; then
  dot_time=$(printf '%.1f s' "$(echo "$(now) - $t0" | bc -l)")
else
  dot_time="not finished after 60 s"
fi
echo
echo "| generated graph (1,000, 2,000) | automatic (sfdp), kg ingest -f svg,png | dot, kg build -f svg |"
echo "|---|---|---|"
printf '| | %.2f s | %s |\n' "$auto" "$dot_time"
