#!/usr/bin/env bash
# bench/viewer.sh [RUNS] - the HTML viewer's first screen, in Debian's
# Chromium (headless, through tests/browser/first-draw.mjs): for the
# shipped nato-eu graph and a generated graph of 10,000 entities and
# 20,000 relations (bench/gen.c, written by `kg ingest -f html`), RUNS
# loads each (default 3) reporting the time to the first drawn frame
# (performance.now() at Cytoscape's first render), the load event, the
# labels drawn on the first screen and how many overlap, their smallest
# size, the slowest of four pan/zoom steps (to the second frame after), when
# every element is in (a large graph adds its relations after the first
# frame), and the median and slowest frame during 2 s of continuous
# panning and zooming, and the page's main-thread CPU time until every
# element is in (Chromium's ThreadTime; the work done, which other jobs on
# the machine disturb less than the wall-clock times), also up to the first
# frame (from a second load of each page, traced: each task's thread time;
# the other figures come from loads without a trace, which slows the page). The continuous motion
# is measured twice: by cy.panBy/cy.zoom calls at every frame, and by real
# input (a mouse drag on the background, then wheel steps), which is what a
# reader does and what Cytoscape.js's viewport shortcuts (textureOnViewport
# on large graphs) answer.
# Also how long kg takes to write each page (the layout is computed then).
#
#   env  KG_BUILD   build folder with kg (default: build)
#        BENCH_DIR  where pages go (default /tmp/kg-bench-viewer)
#        BASELINE   an older viewer page of nato-eu to load alongside, for a
#                   ratio under the same load (e.g. from
#                   git show REV:out/nato-eu.html); pages without
#                   kgViewer.firstDraw count their load event
#        BASELINE_LARGE an older viewer page of the same 10k graph (e.g.
#                   kept from an earlier run's BENCH_DIR/g10k.html)
#        LARGE=0    leave out the 10k graph (writing it takes sfdp 30-60 s)
#
# Timings depend on the machine's load: the report starts with it. Needs
# what tests/cli/test_viewer.sh needs (chromium, node, npm ci in
# tests/browser).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
kg=${KG_BUILD:-$root/build}/kg
bench=${BENCH_DIR:-/tmp/kg-bench-viewer}
runs=${1:-3}
mkdir -p "$bench/bin" "$bench/10k"
[ -x "$kg" ] || { echo "viewer.sh: no kg at $kg; build kg first" >&2; exit 1; }

large=${LARGE:-1}

secs() { local t0 t1; t0=$(date +%s.%N); "$@"; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}'; }
t_small=$(secs "$kg" build "$root/data/nato-eu.kg.json" -f html -q -o "$bench")
pages=("$bench/nato-eu.html")
t_large=-
if [ "$large" != 0 ]; then
  cc -O2 -std=c11 -Wall -Wextra -o "$bench/bin/gen" "$here/gen.c"
  "$bench/bin/gen" 10000 20000 1 "$bench/10k" tsv
  t_large=$(secs "$kg" ingest --nodes "$bench/10k/nodes.tsv" --edges "$bench/10k/edges.tsv" \
    -f html -n g10k -q -o "$bench")
  pages+=("$bench/g10k.html")
fi
if [ -n "${BASELINE:-}" ]; then
  cp "$BASELINE" "$bench/baseline.html"
  pages=("$bench/baseline.html" "${pages[@]}")
fi
if [ -n "${BASELINE_LARGE:-}" ] && [ "$large" != 0 ]; then
  cp "$BASELINE_LARGE" "$bench/baseline-10k.html"
  pages+=("$bench/baseline-10k.html")
fi
for page in "${pages[@]}"; do
  [ -s "$page" ] || { echo "viewer.sh: $page was not written" >&2; exit 1; }
done

echo "# Viewer first screen ($(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
echo
if [ "$large" != 0 ]; then
  echo "kg writes nato-eu.html in ${t_small} s, g10k.html in ${t_large} s (wall)."
else
  echo "kg writes nato-eu.html in ${t_small} s (wall)."
fi
echo
echo "| page | entities | first draw ms | load event ms | labels | overlapping | smallest label px | slowest pan/zoom step ms | WebGL | all in ms | frames in 2 s | median frame ms | slowest frame ms | CPU ms to all in | frames, drag+wheel | median frame ms, drag+wheel | slowest frame ms, drag+wheel | CPU ms to first draw |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
node "$root/tests/browser/first-draw.mjs" --runs "$runs" "${pages[@]}" |
  tee "$bench/first-draw.tsv" | awk -F'\t' '{printf "| %s |", $1; for (i = 2; i <= NF; i++) printf " %s |", $i; print ""}'
awk -F'\t' '{n[$1]++; s[$1] += $3; c[$1] += $14; f[$1] += $18} END {
  a = s["nato-eu.html"] / n["nato-eu.html"]
  if (n["g10k.html"]) {
    b = s["g10k.html"] / n["g10k.html"]
    printf "\nMean first draw: nato-eu %.0f ms, 10k %.0f ms (%.1fx for %dx the entities).\n", a, b, b / a, 10000 / 279
  } else printf "\nMean first draw: nato-eu %.0f ms.\n", a
  if (n["baseline.html"]) printf "Baseline page: %.0f ms; nato-eu now draws in %.2f of its time (main-thread CPU to first draw: %.0f ms against %.0f, %.2f; to all in: %.2f).\n", s["baseline.html"] / n["baseline.html"], a / (s["baseline.html"] / n["baseline.html"]), f["nato-eu.html"] / n["nato-eu.html"], f["baseline.html"] / n["baseline.html"], f["nato-eu.html"] / f["baseline.html"] * n["baseline.html"] / n["nato-eu.html"], c["nato-eu.html"] / c["baseline.html"] * n["baseline.html"] / n["nato-eu.html"]
  if (n["baseline-10k.html"]) printf "Baseline 10k page: %.0f ms; the 10k page now draws in %.2f of its time (main-thread CPU to all in: %.2f).\n", s["baseline-10k.html"] / n["baseline-10k.html"], b / (s["baseline-10k.html"] / n["baseline-10k.html"]), c["g10k.html"] / c["baseline-10k.html"] * n["baseline-10k.html"] / n["g10k.html"] }' "$bench/first-draw.tsv"
