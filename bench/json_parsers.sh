#!/usr/bin/env bash
# bench/json_parsers.sh [SIZES] - tokenise-only: kg's JSON pull parser
# against yajl 2 on the node-link JSON (and kg data set) of bench/readers.sh,
# time and peak RSS, the minimum of 3 runs each, and the ratio. Both must
# succeed and count the same number of events, or the row says FAIL.
#
# yajl is NOT a dependency of kg: this benchmark alone needs it. Install it
# for the run with `apt-get install libyajl-dev` (Debian, ISC licence); it
# is deliberately not in scripts/deps.sh.
#
#   SIZES   any of 100k, 1m (default 100k); the inputs are made by
#           bench/readers.sh (READERS="json dataset") if missing
#   env     KG_BUILD, BENCH_DIR as for bench/readers.sh (a Release build:
#           cmake -S . -B build-scale -DCMAKE_BUILD_TYPE=Release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${KG_BUILD:-$root/build-scale}
[ -f "$build/libkg.a" ] || build=$root/build
bench=${BENCH_DIR:-/tmp/kg-bench}
sizes=${*:-100k}
[ -f "$build/libkg.a" ] || { echo "json_parsers.sh: no libkg.a in $build; build kg first" >&2; exit 1; }
[ -f /usr/include/yajl/yajl_parse.h ] || {
  echo "json_parsers.sh: needs yajl for the comparison only: apt-get install libyajl-dev" >&2; exit 1; }
mkdir -p "$bench/bin"
cc -O2 -std=c11 -Wall -Wextra -I"$root/src/lib/read" -I"$root/src/lib/base" -I"$root/include" \
  -o "$bench/bin/json_parsers" "$here/json_parsers.c" "$build/libkg.a" -lyajl -lm
for size in $sizes; do
  in=$bench/$size/readers/in
  if [ ! -s "$in/g.json" ] || [ ! -s "$in/g.kg.json" ]; then
    READERS="json dataset" BENCH_DIR=$bench KG_BUILD=$build bash "$here/readers.sh" "$size" >/dev/null
  fi
  echo "## JSON tokenising, $size ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "Tokenise only (every event, numbers converted, strings unescaped, UTF-8 checked),"
  echo "64 KiB reads; minimum of 3 runs."
  echo
  echo "| input | size | kg pull parser | yajl 2 | pull / yajl | RSS pull | RSS yajl | check |"
  echo "|---|---|---|---|---|---|---|---|"
  for f in g.json g.kg.json; do
    declare -A best=() mem=() count=()
    ok=ok
    for parser in pull yajl; do
      best[$parser]=; mem[$parser]=
      for _ in 1 2 3; do
        if ! /usr/bin/time -f "%e %M" -o "$bench/bin/time.txt" "$bench/bin/json_parsers" $parser "$in/$f" \
          >"$bench/bin/out.txt"; then ok="FAIL ($parser)"; fi
        read -r t m <"$bench/bin/time.txt"
        count[$parser]=$(cat "$bench/bin/out.txt")
        if [ -z "${best[$parser]}" ] || awk -v a="$t" -v b="${best[$parser]}" 'BEGIN {exit !(a < b)}'; then
          best[$parser]=$t
        fi
        mem[$parser]=$m
      done
    done
    [ "${count[pull]}" = "${count[yajl]}" ] || ok="FAIL (${count[pull]} vs ${count[yajl]})"
    awk -v f="$f" -v s="$(du -m "$in/$f" | cut -f1)" -v tp="${best[pull]}" -v ty="${best[yajl]}" \
      -v mp="${mem[pull]}" -v my="${mem[yajl]}" -v ok="$ok" 'BEGIN {
      printf "| %s | %d MB | %.2f s | %.2f s | %.2f | %.0f MB | %.0f MB | %s |\n",
        f, s, tp, ty, tp / ty, mp / 1024, my / 1024, ok }'
  done
  echo
done
