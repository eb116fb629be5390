#!/usr/bin/env bash
# bench/build_vs_igraph.sh [SIZES] - `kg build` of a node-link JSON file
# to GraphML, DOT and JSON against python3-igraph doing the same export
# from the same graph's TSV (bench/ig_export.py: csv into a Graph with
# typed attributes, write_graphml, json.dump of a node-link dict,
# write_dot), each under /usr/bin/time -v:
#
#   kg build g.json -o OUT -f graphml,dot,json -q
#   /usr/bin/python3 bench/ig_export.py nodes.tsv edges.tsv OUT
#
# g.json is what `kg ingest` writes from the TSV (the same file
# bench/readers.sh reads). The two run one after the other, RUNS times;
# the report gives each run's wall and CPU times and peaks, the ratios of
# each run, and the ratios of the best times (minimum) and of kg's highest
# peak to igraph's lowest. A run counts only if it exited 0 and its outputs hold
# the graph's node and edge counts (kg: its DOT file; igraph: the counts
# it printed and three non-empty files), else the row says FAIL.
#
#   SIZES   any of 100k (100,000 nodes / 500,000 edges), 1m (1,000,000 /
#           5,000,000); default 100k
#   env     KG_BUILD   build folder with kg (default: build-scale, else build)
#           BENCH_DIR  where data and outputs go (default /tmp/kg-bench)
#           RUNS       runs of each tool (default 3)
#
# Writes BENCH_DIR/SIZE/build_vs_igraph.md and prints it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${KG_BUILD:-$root/build-scale}
[ -x "$build/kg" ] || build=$root/build
kg=$build/kg
bench=${BENCH_DIR:-/tmp/kg-bench}
runs=${RUNS:-3}
py=/usr/bin/python3
sizes=${*:-100k}
[ -x "$kg" ] || { echo "build_vs_igraph.sh: no kg in $build; build kg first" >&2; exit 1; }
mkdir -p "$bench/bin"
cc -O2 -std=c11 -Wall -Wextra -o "$bench/bin/gen" "$here/gen.c"

# shellcheck source=bench/time_v.sh
. "$here/time_v.sh"

for size in $sizes; do
  case $size in
    100k) n=100000 m=500000 ;;
    1m) n=1000000 m=5000000 ;;
    *) echo "build_vs_igraph.sh: unknown size '$size' (100k, 1m)" >&2; exit 1 ;;
  esac
  dir=$bench/$size
  if [ ! -s "$dir/edges.tsv" ]; then
    echo "== $size: generating $n nodes, $m edges" >&2
    mkdir -p "$dir"
    "$bench/bin/gen" $n $m 1 "$dir" tsv
  fi
  in=$dir/readers/in
  if [ ! -s "$in/g.json" ]; then
    echo "== $size: writing the node-link JSON input with kg ingest" >&2
    mkdir -p "$in"
    "$kg" ingest --nodes "$dir/nodes.tsv" --edges "$dir/edges.tsv" -o "$in" -n g -f json -q
  fi
  work=$dir/build_vs_igraph
  rm -rf "$work"
  mkdir -p "$work"
  rows=
  for r in $(seq 1 "$runs"); do
    rm -rf "$work/kg" "$work/ig"
    mkdir -p "$work/kg" "$work/ig"
    echo "== $size: run $r: kg build" >&2
    rc=0
    /usr/bin/time -v "$kg" build "$in/g.json" -o "$work/kg" -f graphml,dot,json -q \
      >/dev/null 2>"$work/kg.$r.time" || rc=$?
    kg_ok=ok
    if [ $rc != 0 ] || [ "$(dot_counts "$work/kg/g.dot")" != "$n $m" ] ||
       [ ! -s "$work/kg/g.graphml" ] || [ ! -s "$work/kg/g.json" ]; then
      kg_ok="FAIL (exit $rc)"
    fi
    echo "== $size: run $r: python3-igraph" >&2
    rc=0
    /usr/bin/time -v $py "$here/ig_export.py" "$dir/nodes.tsv" "$dir/edges.tsv" "$work/ig" \
      >"$work/ig.$r.out" 2>"$work/ig.$r.time" || rc=$?
    ig_ok=ok
    if [ $rc != 0 ] || [ "$(awk '{print $2}' "$work/ig.$r.out" | paste -sd' ')" != "$n $m" ] ||
       [ ! -s "$work/ig/ig.graphml" ] || [ ! -s "$work/ig/ig.dot" ] || [ ! -s "$work/ig/ig.json" ]; then
      ig_ok="FAIL (exit $rc)"
    fi
    rows="$rows$r $(wall "$work/kg.$r.time") $(rss "$work/kg.$r.time") $(wall "$work/ig.$r.time") $(rss "$work/ig.$r.time") ${kg_ok// /_} ${ig_ok// /_} $(cpu "$work/kg.$r.time") $(cpu "$work/ig.$r.time")
"
  done
  {
    echo "## kg build against python3-igraph, $size: $n nodes, $m edges ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
    echo
    echo "kg: \`kg build g.json -f graphml,dot,json\` ($(du -m "$in/g.json" | cut -f1) MB node-link JSON);"
    echo "python3-igraph: the TSV ($(du -cm "$dir/nodes.tsv" "$dir/edges.tsv" | tail -1 | cut -f1) MB) into a Graph, write_graphml, json.dump, write_dot."
    echo
    echo "| run | kg time | kg CPU | kg peak | igraph time | igraph CPU | igraph peak | kg faster | kg faster, CPU | kg peak / igraph's | check |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
    printf '%s' "$rows" | awk '{ check = $6 == "ok" && $7 == "ok" ? "ok" : "kg " $6 ", igraph " $7
      printf "| %d | %.2f s | %.2f s | %.0f MiB | %.2f s | %.2f s | %.0f MiB | %.2fx | %.2fx | %.2f | %s |\n",
        $1, $2, $8, $3 / 1024, $4, $9, $5 / 1024, $4 / $2, $9 / $8, $3 / $5, check }' | tr _ ' '
    printf '%s' "$rows" | awk '$6 == "ok" && $7 == "ok" {
      if (!k || $2 < kt) kt = $2; if (!k || $3 > km) km = $3; if (!k || $8 < kc) kc = $8
      if (!k || $4 < it) it = $4; if (!k || $5 < im) im = $5; if (!k || $9 < ic) ic = $9
      k++ }
      END { if (k) printf "| best of %d | %.2f s | %.2f s | %.0f MiB (highest) | %.2f s | %.2f s | %.0f MiB (lowest) | **%.2fx** | **%.2fx** | **%.2f** | |\n",
        k, kt, kc, km / 1024, it, ic, im / 1024, it / kt, ic / kc, km / im
        else print "| best | - | - | - | - | - | - | - | - | - | no run passed |" }'
    echo
    echo "Time: wall clock; CPU: user + system (kg writes with two threads). The best row"
    echo "compares the minimum times and kg's highest peak with igraph's lowest."
  } >"$dir/build_vs_igraph.md"
  cat "$dir/build_vs_igraph.md"
done
