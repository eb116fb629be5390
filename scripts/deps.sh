#!/usr/bin/env bash
# Installs the Debian packages kg needs to build and test, skipping the ones
# already present (so a second run needs no network). Run as root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config           # toolchain
  libigraph-dev libgraphviz-dev graphviz     # graph library, layout and rendering
  libjansson-dev libcmocka-dev               # JSON parsing, unit tests
  python3 python3-networkx python3-igraph    # independent consumers in the tests
  libxml2-utils                              # xmllint
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#packages[@]} packages present"
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
