#!/usr/bin/env bash
# Installs the Debian packages kg needs to build and test, skipping the ones
# already present (so a second run needs no network). Run as root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config           # toolchain
  libigraph-dev libgraphviz-dev graphviz     # graph library, layout and rendering
  libjansson-dev libcmocka-dev               # JSON parsing, unit tests
  libxml2-dev                                # GraphML import
  libutf8proc-dev iso-codes tzdata           # Unicode folding (names, kg extract); country names, cities
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

# The npm packages of the tests, each folder pinned by its lock file: the
# browser test's playwright-core (it drives the Debian chromium above and
# never downloads a browser), and Neo4j's Cypher parser for the Cypher test.
npm_test_packages() {
  local root dir
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  for dir in tests/browser tests/cypher; do
    [ -d "$root/$dir/node_modules" ] && continue
    echo "deps: npm ci --prefix $dir"
    npm ci --prefix "$root/$dir" --no-audit --no-fund ||
      echo "deps: warning: npm ci failed in $dir; its tests fail until it succeeds" >&2
  done
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#packages[@]} packages present"
  npm_test_packages
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
npm_test_packages
