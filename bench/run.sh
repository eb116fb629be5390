#!/usr/bin/env bash
# bench/run.sh [SIZES] - the scale benchmark: the same pipeline (load,
# PageRank, weak components, one shortest path, write GraphML, JSON and
# DOT) in kg (libkg, bench/kg_pipeline.c), NetworkX and python3-igraph on
# the same generated TSV files, each under /usr/bin/time -v, plus the
# `kg ingest` command and a file copy of each export for write throughput.
#
#   SIZES   any of 1k (1,000 nodes / 5,000 edges), 100k (100,000 / 500,000),
#           1m (1,000,000 / 5,000,000); default: 1k 100k
#   env     KG_BUILD   build folder with libkg.a and kg (default: build-scale,
#                      else build)
#           BENCH_DIR  where data and outputs go (default /tmp/kg-bench)
#           PEERS      which peers to run (default: "nx ig")
#
# Writes BENCH_DIR/SIZE/report.md and prints it. Needs gcc, pkg-config and
# the libraries kg links; /usr/bin/python3 with python3-networkx and
# python3-igraph (the Debian packages; a python3 earlier on PATH may lack
# them). NetworkX at 1m needs ~10 GB and many minutes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${KG_BUILD:-$root/build-scale}
[ -f "$build/libkg.a" ] || build=$root/build
bench=${BENCH_DIR:-/tmp/kg-bench}
peers=${PEERS:-nx ig}
py=/usr/bin/python3
sizes=${*:-1k 100k}
mkdir -p "$bench/bin"

[ -f "$build/libkg.a" ] && [ -x "$build/kg" ] || {
  echo "run.sh: no libkg.a and kg in $build; build kg first (cmake --build)" >&2; exit 1; }
libs=$(pkg-config --libs igraph libgvc libcgraph jansson libxml-2.0 libutf8proc)
cc -O2 -std=c11 -Wall -Wextra -o "$bench/bin/gen" "$here/gen.c"
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -I"$root/include" \
  -o "$bench/bin/kg_pipeline" "$here/kg_pipeline.c" "$build/libkg.a" $libs -pthread -lm

# /usr/bin/time -v fields: wall clock (m:ss or h:mm:ss) in seconds, peak RSS.
# shellcheck source=bench/time_v.sh
. "$here/time_v.sh"

for size in $sizes; do
  case $size in
    1k) n=1000 m=5000 ;;
    100k) n=100000 m=500000 ;;
    1m) n=1000000 m=5000000 ;;
    *) echo "run.sh: unknown size '$size' (1k, 100k, 1m)" >&2; exit 1 ;;
  esac
  dir=$bench/$size
  mkdir -p "$dir/out"
  if [ ! -s "$dir/edges.tsv" ]; then
    echo "== $size: generating $n nodes, $m edges" >&2
    "$bench/bin/gen" $n $m 1 "$dir" tsv
  fi
  from=Q0 to=Q$((n - 1))
  # Every tool writes new files, as cp does below: replacing a file by
  # rename makes ext4 start writing the new one back at once, a cost a
  # fresh file does not pay.
  rm -f "$dir"/out/*
  echo "== $size: kg" >&2
  /usr/bin/time -v "$bench/bin/kg_pipeline" "$dir/nodes.tsv" "$dir/edges.tsv" "$dir/out" \
    $from $to >"$dir/kg.out" 2>"$dir/kg.time"
  for peer in $peers; do
    echo "== $size: $peer" >&2
    /usr/bin/time -v $py "$here/${peer}_pipeline.py" "$dir/nodes.tsv" "$dir/edges.tsv" \
      "$dir/out" $from $to >"$dir/$peer.out" 2>"$dir/$peer.time" ||
      echo "run.sh: $peer failed, see $dir/$peer.time" >&2
  done
  echo "== $size: kg ingest (the command)" >&2
  /usr/bin/time -v "$build/kg" ingest --nodes "$dir/nodes.tsv" --edges "$dir/edges.tsv" \
    -o "$dir/out" -n cli -f graphml,json,dot -q --progress 2>"$dir/cli.time"
  # Write throughput against copying a file of the same size: formats.sh
  # writes each export three times and copies it three times with cp, each
  # time after a sync and after deleting the previous output, the same
  # for both (formats.md; the report takes it in).
  echo "== $size: write throughput against cp" >&2
  BENCH_DIR=$bench KG_BUILD=$build bash "$here/formats.sh" "$size" graphml json dot >/dev/null
  {
    echo "## $size: $n nodes, $m edges ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
    echo
    for tool in kg $peers; do
      [ -s "$dir/$tool.time" ] && echo "wall_$tool $(wall "$dir/$tool.time")" && echo "rss_$tool $(rss "$dir/$tool.time")"
    done >"$dir/summary.txt"
    echo "wall_cli $(wall "$dir/cli.time")" >>"$dir/summary.txt"
    echo "rss_cli $(rss "$dir/cli.time")" >>"$dir/summary.txt"
    $py "$here/report.py" "$dir" kg $peers
  } >"$dir/report.md"
  cat "$dir/report.md"
done
