#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this):
#   1. a warnings-as-errors build and every unit and CLI test (ctest);
#   2. the same suite again under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. every libFuzzer harness for KG_FUZZ_SECONDS (default 10) each;
#   4. valgrind --leak-check=full on the unit tests and a tour of the CLI;
#   5. the shipped data set verified against its source text, and out/
#      rebuilt (kg build and scripts/gallery.sh) to check that the committed
#      files are byte-identical.
# Set KG_SKIP_SANITIZE=1, KG_SKIP_FUZZ=1 or KG_SKIP_VALGRIND=1 to skip
# step 2, 3 or 4 during development.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

bash scripts/deps.sh

echo "== build (warnings are errors)"
cmake -S . -B build-test -DKG_WERROR=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-test -j"$jobs"
ctest --test-dir build-test --output-on-failure -j"$jobs"

if [ "${KG_SKIP_SANITIZE:-0}" != 1 ]; then
  echo "== build with ASan + UBSan"
  cmake -S . -B build-asan -DKG_WERROR=ON -DKG_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
  cmake --build build-asan -j"$jobs"
  # ASAN/UBSAN/LSAN options are set per test in tests/CMakeLists.txt.
  ctest --test-dir build-asan --output-on-failure -j"$jobs"
fi

if [ "${KG_SKIP_FUZZ:-0}" != 1 ]; then
  echo "== fuzz each reader briefly (scripts/fuzz.sh; longer runs: docs/reliability.md)"
  bash scripts/fuzz.sh "${KG_FUZZ_SECONDS:-10}"
fi

if [ "${KG_SKIP_VALGRIND:-0}" != 1 ]; then
  echo "== valgrind --leak-check=full: unit tests and a tour of the CLI"
  bash scripts/valgrind.sh build-test
fi

echo "== shipped data: grounded and reproducible"
./build-test/kg verify -q data/*.kg.json
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
./build-test/kg build -q -o "$scratch"
bash scripts/gallery.sh build-test/kg "$scratch"
for f in "$scratch"/*; do
  name=$(basename "$f")
  if ! cmp -s "$f" "out/$name"; then
    echo "out/$name differs from a fresh build: run 'build/kg build' and" \
      "'scripts/gallery.sh', and commit out/" >&2
    exit 1
  fi
done
for f in out/*; do # and nothing in out/ that neither writes
  [ -e "$scratch/$(basename "$f")" ] || { echo "$f is not built by kg build or scripts/gallery.sh" >&2; exit 1; }
done
echo "out/: $(ls "$scratch" | wc -l) files byte-identical to a fresh build and gallery"
