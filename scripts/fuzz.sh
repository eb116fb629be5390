#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, -fsanitize=fuzzer,address,undefined)
# and runs each for SECONDS (default 60), seeded from the test fixtures and
# the shared corpora. New crashes are kept in build-fuzz/crash-* and make the
# script fail. Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(dataset schema)

command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 3; }
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DKG_TESTS=OFF -DKG_WERROR=ON \
  -DKG_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build build-fuzz --target kg -j"$(nproc)" >/dev/null

pc_flags=$(pkg-config --cflags --libs igraph libcgraph libgvc jansson)
status=0
for h in "${harnesses[@]}"; do
  bin=build-fuzz/fuzz_$h
  # shellcheck disable=SC2086
  clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude \
    -DKG_FUZZ_SCHEMA="\"$PWD/tests/data/schema.json\"" \
    "tests/fuzz/fuzz_$h.c" build-fuzz/libkg.a $pc_flags -lm -o "$bin"
  corpus=build-fuzz/corpus-$h
  mkdir -p "$corpus"
  seeds=(tests/data)
  [ -d ../shared/corpora/jsontestsuite ] && seeds+=(../shared/corpora/jsontestsuite)
  [ -d tests/hostile ] && seeds+=(tests/hostile)
  echo "fuzz: $h for ${seconds}s"
  if ! (cd build-fuzz && "./fuzz_$h" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 "corpus-$h" "${seeds[@]/#/../}" \
        >"fuzz-$h.log" 2>&1); then
    echo "fuzz: $h FAILED; see build-fuzz/fuzz-$h.log and build-fuzz/crash-*" >&2
    tail -30 "build-fuzz/fuzz-$h.log" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build-fuzz/fuzz-$h.log" | sed "s/^/fuzz: $h /"
done
exit $status
