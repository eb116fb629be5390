#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` on this build makes kg_VERSION_ARCH.deb
# whose Depends name the package of every library its binaries need
# (computed by dpkg-shlibdeps), which declares libkg.so.0 (shlibs) and runs
# ldconfig, and holds the tool, libraries, headers, pkg-config and CMake
# files, gzipped man pages, completion and the copyright. Unpacked into a
# scratch root, its kg runs and a program builds against its libkg through
# its kg.pc; dpkg installs and removes it in another scratch root.
. "$(dirname "$0")/lib.sh"

build=${KG_BUILD_DIR:-$(dirname "$KG")}
version=$("$KG" --version | sed 's/^kg //')
arch=$(dpkg --print-architecture)
command -v dpkg-shlibdeps >/dev/null || { fail "dpkg-shlibdeps (package dpkg-dev) is not installed"; finish; }

if ! cpack -G DEB -B "$scratch/pkg" --config "$build/CPackConfig.cmake" >"$scratch/cpack.log" 2>&1; then
  fail "cpack -G DEB: $(tail -8 "$scratch/cpack.log")"
  finish
fi
deb=$scratch/pkg/kg_${version}_$arch.deb
[ -f "$deb" ] || { fail "no $(basename "$deb"); made: $(ls "$scratch/pkg")"; finish; }

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = kg ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), expected $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"

# --- contents ------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$scratch/files"
for pattern in '^/usr/bin/kg$' '^/usr/lib/(.*/)?libkg\.so\.0$' "^/usr/lib/(.*/)?libkg\\.so\\.$version\$" \
  '^/usr/lib/(.*/)?libkg\.a$' '^/usr/lib/(.*/)?pkgconfig/kg\.pc$' '^/usr/lib/(.*/)?cmake/kg/kgConfig\.cmake$' \
  '^/usr/include/kg/kg\.h$' '^/usr/share/man/man1/kg\.1\.gz$' '^/usr/share/man/man1/kg-build\.1\.gz$' \
  '^/usr/share/doc/kg/copyright$' \
  '^/usr/share/bash-completion/completions/kg$' '^/usr/share/zsh/vendor-completions/_kg$'; do
  grep -qE "$pattern" "$scratch/files" || fail "the package has no file matching $pattern"
done
grep -qvE '^/usr(/|$)' "$scratch/files" && fail "files outside /usr: $(grep -vE '^/usr(/|$)' "$scratch/files" | head -3)"

# --- unpack, then Depends against what the binaries really link --------
root=$scratch/root
dpkg-deb -x "$deb" "$root" || { fail "dpkg-deb -x failed"; finish; }
dpkg-deb -e "$deb" "$scratch/control" || fail "dpkg-deb -e failed"
depends=$(field Depends)
lib=$(find "$root/usr/lib" -name "libkg.so.$version")
for binary in "$root/usr/bin/kg" "$lib"; do
  for soname in $(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    [ "$soname" = libkg.so.0 ] && continue
    # The Debian packages that ship this library (dpkg -S), without :arch.
    owners=$(dpkg -S "*/$soname" 2>/dev/null | sed 's/: .*//; s/, /\n/g' | cut -d: -f1 | sort -u)
    [ -n "$owners" ] || { fail "no installed package ships $soname"; continue; }
    found=no
    for p in $owners; do
      grep -qE "(^|, )$p( |,|$)" <<<"$depends" && found=yes
    done
    [ "$found" = yes ] || fail "Depends lacks the package of $soname ($owners): $depends"
  done
done
grep -qxF "libkg 0 kg (>= $version)" "$scratch/control/shlibs" 2>/dev/null ||
  fail "shlibs does not declare libkg 0: $(cat "$scratch/control/shlibs" 2>&1)"
grep -qs ldconfig "$scratch/control/postinst" "$scratch/control/triggers" ||
  fail "the package does not run ldconfig after installing libkg.so.0"

grep -qE '/man/.*\.1$' "$scratch/files" && fail "man pages not gzipped: $(grep -E '/man/.*\.1$' "$scratch/files" | head -2)"
cmp -s "$root/usr/share/doc/kg/copyright" "$KG_SOURCE_DIR/LICENSE" || fail "copyright is not the LICENSE"

# --- the unpacked tree works ---------------------------------------------
LC_ALL=C MANWIDTH=200 man -l "$root/usr/share/man/man1/kg-build.1.gz" 2>&1 | grep -qF -- '--output DIR' ||
  fail "man cannot read the packaged kg-build.1.gz"
out=$("$root/usr/bin/kg" --version) || fail "unpacked kg --version: exit $?"
[ "$out" = "kg $version" ] || fail "unpacked kg --version: '$out'"
"$root/usr/bin/kg" validate -q "$KG_TEST_DATA/small.kg.json" || fail "unpacked kg validate: exit $?"
pc=$(find "$root/usr/lib" -name kg.pc)
# shellcheck disable=SC2046 # pkg-config output is meant to split
if PKG_CONFIG_PATH=$(dirname "$pc") cc -o "$scratch/consumer" "$KG_SOURCE_DIR/tests/install/consumer.c" \
  $(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs kg) 2>"$scratch/cc.log"; then
  out=$(LD_LIBRARY_PATH=$(dirname "$lib") "$scratch/consumer" "$KG_TEST_DATA/small.kg.json" 2>&1) ||
    fail "consumer against the package: exit $?: $out"
  [ "$out" = "kg $version: 10 nodes, 12 edges, 1 components" ] || fail "consumer printed '$out'"
else
  fail "building against the package's kg.pc: $(head -c 600 "$scratch/cc.log")"
fi

# --- dpkg installs and removes it (in a scratch root) ----------------------
# --force-script-chrootless runs the maintainer scripts outside a chroot;
# the ldconfig they call is a stand-in on PATH that records the call, so
# nothing touches this machine's linker cache. The scratch root has no
# libc6 etc.: --force-depends, and dpkg's complaint lists the Depends.
droot=$scratch/droot
stub=$scratch/stub
mkdir -p "$droot/var/lib/dpkg/info" "$droot/var/lib/dpkg/updates" "$stub"
: >"$droot/var/lib/dpkg/status"
printf '#!/bin/sh\necho ldconfig >>"%s/calls"\n' "$stub" >"$stub/ldconfig"
chmod +x "$stub/ldconfig"
dpkg_root() {
  PATH=$stub:$PATH dpkg --root="$droot" --force-not-root --force-depends \
    --force-script-chrootless "$@" >>"$scratch/dpkg.log" 2>&1
}
if dpkg_root -i "$deb"; then
  status=$(dpkg --root="$droot" -s kg 2>/dev/null | sed -n 's/^Status: //p')
  [ "$status" = "install ok installed" ] || fail "dpkg -i: status '$status'"
  [ -x "$droot/usr/bin/kg" ] || fail "dpkg -i did not install /usr/bin/kg"
  grep -q "libigraph3" "$scratch/dpkg.log" || fail "dpkg did not see libigraph3 among the Depends"
  [ "$(grep -c ldconfig "$stub/calls" 2>/dev/null)" = 1 ] || fail "postinst did not run ldconfig once"
  if dpkg_root -r kg; then
    [ -e "$droot/usr/bin/kg" ] && fail "dpkg -r left /usr/bin/kg"
    [ -n "$(find "$droot/usr" -type f 2>/dev/null)" ] && fail "dpkg -r left files: $(find "$droot/usr" -type f | head -3)"
    [ "$(grep -c ldconfig "$stub/calls")" = 2 ] || fail "postrm did not run ldconfig"
  else
    fail "dpkg -r kg: $(tail -5 "$scratch/dpkg.log")"
  fi
else
  fail "dpkg -i into a scratch root: $(tail -8 "$scratch/dpkg.log")"
fi

finish
