#!/usr/bin/env bash
# bench/readers.sh [SIZES] - each importer against `kg ingest` of the same
# graph's TSV: time and peak RSS (/usr/bin/time -v) of
#
#   kg ingest --nodes nodes.tsv --edges edges.tsv -f dot      (the baseline)
#   kg convert g.FORMAT out.dot                                (each reader)
#
# for FORMAT node-link JSON, GraphML, yEd GraphML and DOT as kg itself
# writes them from the TSV (so every input is the same graph), reported as
# ratios to the baseline. The kg data set (READERS=dataset: g.kg.json with
# its schema.json) is written by bench/gen.c from the same seed, so it is
# the same graph too (kg writes no data sets). Every run's exit code is checked and its DOT
# output must hold the graph's node and edge counts, or the row says FAIL.
#
#   SIZES   any of 100k (100,000 nodes / 500,000 edges), 1m (1,000,000 /
#           5,000,000); default 100k
#   env     KG_BUILD   build folder with kg (default: build-scale, else build)
#           BENCH_DIR  where data and outputs go (default /tmp/kg-bench)
#           READERS    which inputs (default "json graphml yed dot"; also
#                      "dataset")
#           KG_BEFORE  another kg binary (an earlier build) to run on the
#                      same inputs, for before/after rows
#
# Writes BENCH_DIR/SIZE/readers.md and prints it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${KG_BUILD:-$root/build-scale}
[ -x "$build/kg" ] || build=$root/build
kg=$build/kg
bench=${BENCH_DIR:-/tmp/kg-bench}
readers=${READERS:-json graphml yed dot}
before=${KG_BEFORE:-}
sizes=${*:-100k}
[ -x "$kg" ] || { echo "readers.sh: no kg in $build; build kg first" >&2; exit 1; }
mkdir -p "$bench/bin"
cc -O2 -std=c11 -Wall -Wextra -o "$bench/bin/gen" "$here/gen.c"

# shellcheck source=bench/time_v.sh
. "$here/time_v.sh"

for size in $sizes; do
  case $size in
    100k) n=100000 m=500000 ;;
    1m) n=1000000 m=5000000 ;;
    *) echo "readers.sh: unknown size '$size' (100k, 1m)" >&2; exit 1 ;;
  esac
  dir=$bench/$size
  mkdir -p "$dir/readers"
  if [ ! -s "$dir/edges.tsv" ]; then
    echo "== $size: generating $n nodes, $m edges" >&2
    "$bench/bin/gen" $n $m 1 "$dir" tsv
  fi
  in=$dir/readers/in
  declare -A file=([json]=g.json [graphml]=g.graphml [yed]=g.yed.graphml [dot]=g.dot
    [dataset]=g.kg.json)
  missing=
  for r in $readers; do
    if [ "$r" = dataset ]; then
      mkdir -p "$in"
      [ -s "$in/g.kg.json" ] || { echo "== $size: generating the data set" >&2
        "$bench/bin/gen" $n $m 1 "$in" kgjson; }
      continue
    fi
    [ -s "$in/${file[$r]}" ] || missing=$missing${missing:+,}$r
  done
  if [ -n "$missing" ]; then
    echo "== $size: writing the inputs ($missing) with kg ingest" >&2
    "$kg" ingest --nodes "$dir/nodes.tsv" --edges "$dir/edges.tsv" -o "$in" -n g -f "$missing" -q
  fi
  declare -A label=([json]="node-link JSON" [graphml]=GraphML [yed]="yEd GraphML" [dot]=DOT
    [dataset]="kg data set")
  out=$dir/readers/out
  rm -rf "$out"
  mkdir -p "$out"
  # one run: NAME COMMAND...; leaves NAME.time, NAME.rc, NAME.counts
  run() {
    local name=$1
    shift
    echo "== $size: $name" >&2
    local rc=0
    /usr/bin/time -v "$@" 2>"$out/$name.time" >/dev/null || rc=$?
    echo $rc >"$out/$name.rc"
  }
  run ingest "$kg" ingest --nodes "$dir/nodes.tsv" --edges "$dir/edges.tsv" -o "$out/ingest" \
    -n g -f dot -q
  want=$(dot_counts "$out/ingest/g.dot")
  for r in $readers; do
    run "$r" "$kg" convert "$in/${file[$r]}" "$out/$r.dot"
    if [ -n "$before" ]; then
      run "$r.before" "$before" convert "$in/${file[$r]}" "$out/$r.before.dot" \
        --max-input-size 64G
    fi
  done
  base_t=$(wall "$out/ingest.time")
  base_m=$(rss "$out/ingest.time")
  row() { # NAME LABEL INPUT COUNTS_FILE
    local name=$1 what=$2 input=$3 dotfile=$4 ok
    local t m
    t=$(wall "$out/$name.time")
    m=$(rss "$out/$name.time")
    if [ "$(cat "$out/$name.rc")" = 0 ] && [ -s "$dotfile" ] && [ "$(dot_counts "$dotfile")" = "$want" ]; then
      ok=ok
    else
      ok="FAIL (exit $(cat "$out/$name.rc"))"
    fi
    # shellcheck disable=SC2086
    awk -v w="$what" -v s="$(du -cm $input | tail -1 | cut -f1)" -v t="$t" -v m="$m" -v bt="$base_t" \
      -v bm="$base_m" -v ok="$ok" 'BEGIN {printf "| %s | %d MB | %.1f s | %.0f MB | %.2f | %.2f | %s |\n",
      w, s, t, m / 1024, t / bt, m / bm, ok}'
  }
  {
    echo "## readers, $size: $n nodes, $m edges ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
    echo
    echo "Each reader: \`kg convert INPUT out.dot\`; baseline: \`kg ingest\` of the TSV to DOT."
    echo "Ratios are to the baseline (time, peak RSS); check: exit 0 and the DOT output has"
    echo "the graph's $want (nodes edges)."
    echo
    echo "| input | size | time | peak RSS | time / ingest | RSS / ingest | check |"
    echo "|---|---|---|---|---|---|---|"
    row ingest "TSV (\`kg ingest\`)" "$dir/nodes.tsv $dir/edges.tsv" "$out/ingest/g.dot"
    for r in $readers; do
      row "$r" "${label[$r]}" "$in/${file[$r]}" "$out/$r.dot"
      [ -z "$before" ] || row "$r.before" "${label[$r]}, before" "$in/${file[$r]}" "$out/$r.before.dot"
    done
  } >"$dir/readers.md"
  cat "$dir/readers.md"
done
