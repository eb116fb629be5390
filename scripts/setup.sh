#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a filled out/: installs what
# is missing, builds kg into build/, and builds every data/*.kg.json into out/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
./build/kg build -o out
bash scripts/gallery.sh build/kg out   # the README's diagrams (docs/diagrams.md)
echo "setup: done; open out/nato-eu.html (interactive) or out/nato-eu-*.svg; the tool is build/kg"
