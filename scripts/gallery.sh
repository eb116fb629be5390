#!/usr/bin/env bash
# gallery.sh [KG] [OUT] - the README's diagrams of data/nato-eu.kg.json,
# each one `kg diagram` command (the README shows the same lines beside
# each picture). setup.sh runs it into out/; test.sh runs it into a scratch
# folder and checks that out/ holds the same bytes; tests/cli/test_diagram.sh
# measures every SVG it writes with scripts/svgcheck.py.
set -euo pipefail
cd "$(dirname "$0")/.."
kg=${1:-build/kg}
out=${2:-out}
data=data/nato-eu.kg.json
mkdir -p "$out"

"$kg" diagram -q "$data" chain signed_by -o "$out/nato-eu-signatories.svg" \
  --title "Who signed the NATO-EU declarations, and when"
"$kg" diagram -q "$data" chain succeeded_by,led_by --node-type operation,organisation \
  --rankdir TB -o "$out/nato-eu-operations.svg" \
  --title "Operations, who led them, and the handovers from NATO to the EU"
"$kg" diagram -q "$data" select --connected --edge-type located_at \
  --node-type operation,place,country -o "$out/nato-eu-places.svg" \
  --title "Where the operations take place"
"$kg" diagram -q "$data" select --connected --node-type body,liaison_body,agency \
  --edge-type cooperates_with,located_at -o "$out/nato-eu-bodies.svg" \
  --title "The NATO and EU bodies that work with each other"
"$kg" diagram -q "$data" overview -o "$out/nato-eu-overview.svg" \
  --title "The whole graph by type: entities, and relations between types"
