#!/bin/bash
# formats.sh - write throughput of each of kg's one-file text formats on a
# benchmark graph, against copying the same file with cp:
#
#   bash bench/formats.sh SIZE [FORMAT...]     (after bench/run.sh SIZE)
#
# reads BENCH_DIR/SIZE/{nodes,edges}.tsv (BENCH_DIR as in run.sh). kg
# writes each format three times (bench/kg_writes.c), cp copies each file
# three times, each after a sync; the table gives both medians and their
# ratio, on the wall clock and per second of CPU time (user and system, of
# both of kg's threads; cp's is the kernel's copy), which a machine shared
# with other jobs inflates less. Writes BENCH_DIR/SIZE/formats.md and prints it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bench=${BENCH_DIR:-/tmp/kg-bench}
build=${KG_BUILD:-$root/build-scale}
[ -f "$build/libkg.a" ] || build=$root/build
size=${1:?usage: formats.sh SIZE [FORMAT...]}
shift
formats=${*:-dot graphml json gexf cytoscape yed cypher ntriples turtle}
dir=$bench/$size
[ -s "$dir/edges.tsv" ] || { echo "formats.sh: no $dir/edges.tsv; run bench/run.sh $size first" >&2; exit 1; }
mkdir -p "$bench/bin" "$dir/formats"
libs=$(pkg-config --libs igraph libgvc libcgraph jansson libxml-2.0 libutf8proc)
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -I"$root/include" \
  -o "$bench/bin/kg_writes" "$here/kg_writes.c" "$build/libkg.a" $libs -pthread -lm

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
{
  echo "| format | size | kg writes | cp copies | kg / cp | kg per CPU s | cp per CPU s | kg / cp, CPU |"
  echo "|---|---|---|---|---|---|---|---|"
  for f in $formats; do
    rm -f "$dir"/formats/*
    out=$("$bench/bin/kg_writes" "$dir/nodes.tsv" "$dir/edges.tsv" "$dir/formats" 3 "$f")
    bytes=$(echo "$out" | awk 'NR == 1 {print $3}')
    kg=$(echo "$out" | awk '{print $4}' | median)
    kg_cpu=$(echo "$out" | awk '{print $5}' | median)
    file=$(ls "$dir"/formats/kg.*)
    cat "$file" >/dev/null
    cps="" cp_cpus=""
    for rep in 1 2 3; do
      sync
      # bash's time: wall, user and system seconds of cp, to the millisecond
      times=$( { TIMEFORMAT='%3R %3U %3S'; time cp "$file" "$dir/formats/copy"; } 2>&1)
      cps="$cps $(echo "$times" | awk '{print $1}')"
      cp_cpus="$cp_cpus $(echo "$times" | awk '{print $2 + $3}')"
      rm -f "$dir/formats/copy"
    done
    cp_secs=$(echo $cps | tr ' ' '\n' | median)
    cp_cpu=$(echo $cp_cpus | tr ' ' '\n' | median)
    awk -v f="$f" -v b="$bytes" -v k="$kg" -v c="$cp_secs" -v kc="$kg_cpu" -v cc="$cp_cpu" 'BEGIN {
      printf "| %s | %.0f MB | %.0f MB/s | %.0f MB/s | %.2f | %.0f MB/s | %.0f MB/s | %.2f |\n",
        f, b / 1e6, b / k / 1e6, b / c / 1e6, c / k, b / kc / 1e6, (cc > 0 ? b / cc / 1e6 : 0),
        cc / kc }'
  done
  rm -rf "$dir/formats"
} | tee "$dir/formats.md"
