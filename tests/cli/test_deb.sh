#!/usr/bin/env bash
# The Debian packages: `cpack -G DEB` on this build makes three, split as
# Debian splits a library: kg (the tool, man pages, completion), libkg0
# (libkg.so.0, declared in shlibs, ldconfig run) and libkg-dev (headers,
# libkg.so, libkg.a, kg.pc, CMake files). No file is in two packages. The
# Depends of kg and libkg0 name the package of every library their binaries
# need (computed by dpkg-shlibdeps); libkg-dev depends on libkg0 of the same
# version and on the -dev package of every module kg.pc requires. Unpacked
# into a scratch root, kg runs and a program builds against libkg through
# the packaged kg.pc; dpkg installs and removes all three in another root.
. "$(dirname "$0")/lib.sh"

build=${KG_BUILD_DIR:-$(dirname "$KG")}
version=$("$KG" --version | sed 's/^kg //')
arch=$(dpkg --print-architecture)
command -v dpkg-shlibdeps >/dev/null || { fail "dpkg-shlibdeps (package dpkg-dev) is not installed"; finish; }

if ! cpack -G DEB -B "$scratch/pkg" --config "$build/CPackConfig.cmake" >"$scratch/cpack.log" 2>&1; then
  fail "cpack -G DEB: $(tail -8 "$scratch/cpack.log")"
  finish
fi
packages="kg libkg0 libkg-dev"
for p in $packages; do
  [ -f "$scratch/pkg/${p}_${version}_$arch.deb" ] || { fail "no ${p}_${version}_$arch.deb; made: $(ls "$scratch/pkg")"; finish; }
done
deb_of() { echo "$scratch/pkg/${1}_${version}_$arch.deb"; }
field() { dpkg-deb -f "$(deb_of "$1")" "$2"; }
for p in $packages; do
  [ "$(field "$p" Package)" = "$p" ] || fail "$p: Package: $(field "$p" Package)"
  [ "$(field "$p" Version)" = "$version" ] || fail "$p: Version: $(field "$p" Version), expected $version"
  [ "$(field "$p" Architecture)" = "$arch" ] || fail "$p: Architecture: $(field "$p" Architecture)"
  [ -n "$(field "$p" Maintainer)" ] || fail "$p: no Maintainer"
  dpkg-deb -c "$(deb_of "$p")" | awk '$1 !~ /^d/ { print $6 }' | sed 's|^\./|/|' >"$scratch/files.$p"
  grep -qvE '^/usr/' "$scratch/files.$p" && fail "$p: files outside /usr: $(grep -vE '^/usr/' "$scratch/files.$p" | head -3)"
  grep -qxF "/usr/share/doc/$p/copyright" "$scratch/files.$p" || fail "$p: no /usr/share/doc/$p/copyright"
done
# The synopsis differs per package (cpack would otherwise repeat one).
[ "$(field kg Description | head -1)" != "$(field libkg0 Description | head -1)" ] ||
  fail "kg and libkg0 share the synopsis '$(field kg Description | head -1)'"

# --- contents: each file where Debian expects it, none twice ---------------
expect_files() { # PACKAGE PATTERN...
  local p=$1; shift
  for pattern in "$@"; do
    grep -qE "$pattern" "$scratch/files.$p" || fail "$p has no file matching $pattern"
  done
}
expect_files kg '^/usr/bin/kg$' '^/usr/share/man/man1/kg\.1\.gz$' '^/usr/share/man/man1/kg-build\.1\.gz$' \
  '^/usr/share/bash-completion/completions/kg$' '^/usr/share/zsh/vendor-completions/_kg$'
expect_files libkg0 '^/usr/lib/(.*/)?libkg\.so\.0$' "^/usr/lib/(.*/)?libkg\\.so\\.$version\$"
expect_files libkg-dev '^/usr/lib/(.*/)?libkg\.so$' '^/usr/lib/(.*/)?libkg\.a$' '^/usr/lib/(.*/)?pkgconfig/kg\.pc$' \
  '^/usr/lib/(.*/)?cmake/kg/kgConfig\.cmake$' '^/usr/include/kg/kg\.h$'
[ "$(grep -cvE '^/usr/share/doc/' "$scratch/files.libkg0")" = 2 ] ||
  fail "libkg0 holds more than the library: $(grep -vE '^/usr/share/doc/|libkg\.so\.' "$scratch/files.libkg0" | head -3)"
grep -qE '/man/.*\.1$' "$scratch/files.kg" && fail "man pages not gzipped: $(grep -E '/man/.*\.1$' "$scratch/files.kg" | head -2)"
twice=$(cat "$scratch"/files.* | sort | uniq -d)
[ -z "$twice" ] || fail "files in two packages: $(head -3 <<<"$twice")"

# --- unpack, then Depends against what the binaries really link --------
root=$scratch/root
for p in $packages; do
  dpkg-deb -x "$(deb_of "$p")" "$root" || fail "dpkg-deb -x $p failed"
  dpkg-deb -e "$(deb_of "$p")" "$scratch/control.$p" || fail "dpkg-deb -e $p failed"
done
lib=$(find "$root/usr/lib" -name "libkg.so.$version")
check_depends() { # PACKAGE BINARY: every NEEDED library's package is in Depends
  local depends soname owners p found
  depends=$(field "$1" Depends)
  for soname in $(readelf -d "$2" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    # The Debian packages that ship this library (dpkg -S), without :arch.
    owners=$(dpkg -S "*/$soname" 2>/dev/null | sed 's/: .*//; s/, /\n/g' | cut -d: -f1 | sort -u)
    [ -n "$owners" ] || { fail "no installed package ships $soname"; continue; }
    found=no
    for p in $owners; do
      grep -qE "(^|, )$p( |,|$)" <<<"$depends" && found=yes
    done
    [ "$found" = yes ] || fail "$1: Depends lacks the package of $soname ($owners): $depends"
  done
}
check_depends kg "$root/usr/bin/kg"
check_depends libkg0 "$lib"
dev_depends=$(field libkg-dev Depends)
grep -qF "libkg0 (= $version)" <<<"$dev_depends" || fail "libkg-dev does not depend on libkg0 (= $version): $dev_depends"
# Every module kg.pc requires: the package that ships its .pc must be a Depends.
pc=$(find "$root/usr/lib" -name kg.pc)
for module in $(sed -n 's/^Requires.private: *//p' "$pc" | tr ',' ' '); do
  owner=$(dpkg -S "$(pkg-config --path "$module")" 2>/dev/null | sed 's/:.*//' | head -1)
  [ -n "$owner" ] || { fail "no installed package ships $module.pc"; continue; }
  grep -qE "(^|, )$owner( |,|$)" <<<"$dev_depends" || fail "libkg-dev Depends lacks $owner ($module.pc): $dev_depends"
done
grep -qxF "libkg 0 libkg0 (>= $version)" "$scratch/control.libkg0/shlibs" 2>/dev/null ||
  fail "shlibs does not declare libkg 0: $(cat "$scratch/control.libkg0/shlibs" 2>&1)"
grep -qs ldconfig "$scratch/control.libkg0/postinst" "$scratch/control.libkg0/triggers" ||
  fail "libkg0 does not run ldconfig after installing libkg.so.0"
cmp -s "$root/usr/share/doc/kg/copyright" "$KG_SOURCE_DIR/LICENSE" || fail "copyright is not the LICENSE"

# --- the unpacked tree works ---------------------------------------------
LC_ALL=C MANWIDTH=200 man -l "$root/usr/share/man/man1/kg-build.1.gz" 2>&1 | grep -qF -- '--output DIR' ||
  fail "man cannot read the packaged kg-build.1.gz"
out=$("$root/usr/bin/kg" --version) || fail "unpacked kg --version: exit $?"
[ "$out" = "kg $version" ] || fail "unpacked kg --version: '$out'"
"$root/usr/bin/kg" validate -q "$KG_TEST_DATA/small.kg.json" || fail "unpacked kg validate: exit $?"
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
debs=()
for p in $packages; do debs+=("$(deb_of "$p")"); done
if dpkg_root -i "${debs[@]}"; then
  for p in $packages; do
    status=$(dpkg --root="$droot" -s "$p" 2>/dev/null | sed -n 's/^Status: //p')
    [ "$status" = "install ok installed" ] || fail "dpkg -i: $p status '$status'"
  done
  [ -x "$droot/usr/bin/kg" ] || fail "dpkg -i did not install /usr/bin/kg"
  grep -q "libigraph3" "$scratch/dpkg.log" || fail "dpkg did not see libigraph3 among the Depends"
  [ "$(grep -c ldconfig "$stub/calls" 2>/dev/null)" = 1 ] || fail "postinst did not run ldconfig once"
  # libkg0 cannot go while libkg-dev needs it (without --force-depends).
  PATH=$stub:$PATH dpkg --root="$droot" --force-not-root --force-script-chrootless -r libkg0 \
    >>"$scratch/dpkg.log" 2>&1 && fail "dpkg removed libkg0 although libkg-dev depends on it"
  if dpkg_root -r libkg-dev libkg0 kg; then
    [ -e "$droot/usr/bin/kg" ] && fail "dpkg -r left /usr/bin/kg"
    [ -n "$(find "$droot/usr" -type f 2>/dev/null)" ] && fail "dpkg -r left files: $(find "$droot/usr" -type f | head -3)"
    [ "$(grep -c ldconfig "$stub/calls")" = 2 ] || fail "postrm did not run ldconfig"
  else
    fail "dpkg -r: $(tail -5 "$scratch/dpkg.log")"
  fi
else
  fail "dpkg -i into a scratch root: $(tail -8 "$scratch/dpkg.log")"
fi

finish
