#!/usr/bin/env bash
# Installs the Debian packages kg needs to build and test, skipping the ones
# already present (so a second run needs no network). Run as root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config           # toolchain
  libigraph-dev libgraphviz-dev graphviz     # graph library, layout and rendering
  libjansson-dev libcmocka-dev               # JSON parsing, unit tests
  libxml2-dev                                # GraphML import
  libutf8proc-dev iso-codes                  # Unicode folding (names, kg extract); country names
  libglpk-dev libarpack2-dev libplfit-dev    # igraph's private libraries: static linking of libkg
  man-db bsdextrautils zsh                   # man pages (man, col) and zsh completion in the tests
  dpkg-dev                                   # dpkg-shlibdeps: Depends of the .deb (cpack -G DEB)
  python3 python3-networkx python3-igraph    # independent consumers in the tests
  python3-rdflib                             # reads the N-Triples and Turtle exports in the tests
  libxml2-utils                              # xmllint
  jing                                       # GEXF 1.3 RELAX NG schema in the tests
  clang libclang-rt-14-dev                   # libFuzzer harnesses (scripts/fuzz.sh)
  valgrind                                   # scripts/valgrind.sh
  chromium                                   # browser test of the HTML viewer
)
# Node.js runs the browser test; many machines already have it outside apt.
command -v npm >/dev/null || packages+=(nodejs npm)

# The browser test's npm packages (playwright-core, pinned by its lock
# file); it drives the Debian chromium above and never downloads a browser.
browser_test_packages() {
  local dir
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/browser"
  [ -d "$dir/node_modules" ] && { cypher_test_packages; return 0; }
  echo "deps: npm ci --prefix tests/browser"
  npm ci --prefix "$dir" --no-audit --no-fund ||
    echo "deps: warning: npm ci failed; tests/cli/test_viewer.sh fails until it succeeds" >&2
  cypher_test_packages
}

# Neo4j's ANTLR Cypher grammar (@neo4j-cypher/antlr4, pinned by its lock
# file), which tests/cli/check_more_exports.py parses the Cypher export with.
cypher_test_packages() {
  local dir
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/cypher"
  [ -d "$dir/node_modules" ] && return 0
  echo "deps: npm ci --prefix tests/cypher"
  npm ci --prefix "$dir" --no-audit --no-fund ||
    echo "deps: warning: npm ci failed; tests/cli/test_export_more.sh fails until it succeeds" >&2
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#packages[@]} packages present"
  browser_test_packages
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 3; }
  SUDO="sudo"
fi
echo "deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
browser_test_packages
