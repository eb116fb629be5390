#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, -fsanitize=fuzzer,address,undefined)
# and runs each for SECONDS (default 60), seeded from the test fixtures and
# the shared corpora. New crashes are kept in build-fuzz/crash-* and make the
# script fail. Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]
# Harnesses: dataset dataset_stream schema graphml dot nodelink cytoscape csv tsv resolve
# nodelink_file graphml_file extract dot_readers graphml_readers (default all).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(dataset dataset_stream schema graphml dot nodelink cytoscape csv tsv resolve
  nodelink_file graphml_file extract dot_readers graphml_readers)

command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 3; }
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DKG_TESTS=OFF -DKG_WERROR="${KG_WERROR:-ON}" \
  -DKG_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
cmake --build build-fuzz --target kg -j"$(nproc)" >/dev/null

pc_flags=$(pkg-config --cflags --libs igraph libcgraph libgvc jansson libxml-2.0 libutf8proc)

# harness name -> source file, extra definitions and seed folders
harness_source() {
  case $1 in
    graphml|dot|nodelink|cytoscape|csv|tsv) echo tests/fuzz/fuzz_import.c ;;
    nodelink_file|graphml_file) echo tests/fuzz/fuzz_import_file.c ;;
    *) echo "tests/fuzz/fuzz_$1.c" ;;
  esac
}
harness_seeds() {
  local shared=../shared/corpora
  case $1 in
    graphml|graphml_file) echo tests/data "$shared/graphml" ;;
    graphml_readers) echo tests/data tests/data/import "$shared/graphml" ;;
    dot|dot_readers) echo tests/data "$shared/dot" ;;
    dataset|dataset_stream|schema|nodelink|nodelink_file) echo tests/data "$shared/jsontestsuite" tests/hostile ;;
    cytoscape) echo tests/data tests/data/import "$shared/jsontestsuite" ;;
    extract) echo tests/data/extract data/sources ;;
    *) echo tests/data ;;
  esac
}
status=0
for h in "${harnesses[@]}"; do
  bin=build-fuzz/fuzz_$h
  defines=(-DKG_FUZZ_SCHEMA="\"$PWD/tests/data/schema.json\"")
  case $h in
    graphml) defines+=(-DKG_FUZZ_FORMAT=KG_IMPORT_GRAPHML) ;;
    dot) defines+=(-DKG_FUZZ_FORMAT=KG_IMPORT_DOT) ;;
    nodelink|nodelink_file) defines+=(-DKG_FUZZ_FORMAT=KG_IMPORT_JSON) ;;
    cytoscape) defines+=(-DKG_FUZZ_FORMAT=KG_IMPORT_CYTOSCAPE) ;;
    graphml_file) defines+=(-DKG_FUZZ_FORMAT=KG_IMPORT_GRAPHML) ;;
    csv) defines+=(-DKG_FUZZ_FORMAT=KG_IMPORT_CSV) ;;
    tsv) defines+=(-DKG_FUZZ_FORMAT=KG_IMPORT_TSV) ;;
    resolve) defines+=(-DKG_FUZZ_DATASET="\"$PWD/tests/data/small.kg.json\"") ;;
    extract) defines=(-DKG_FUZZ_SCHEMA="\"$PWD/data/schema.json\""
                      -DKG_FUZZ_DATASET="\"$PWD/tests/data/extract/arctic.kg.json\"") ;;
  esac
  # shellcheck disable=SC2086
  clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude "${defines[@]}" \
    "$(harness_source "$h")" build-fuzz/libkg.a $pc_flags -lm -o "$bin"
  corpus=build-fuzz/corpus-$h
  mkdir -p "$corpus"
  seeds=()
  for d in $(harness_seeds "$h"); do
    [ -d "$d" ] && seeds+=("$d")
  done
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
