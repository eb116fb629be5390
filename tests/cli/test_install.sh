#!/usr/bin/env bash
# libkg as a C programmer meets it: `cmake --install` of this build into a
# temporary prefix, then a small program (tests/install/consumer.c) built
# against that prefix through pkg-config and through find_package(kg),
# linking libkg shared and static, and run. The shared library must have its
# SONAME and export exactly the functions the installed headers declare.
. "$(dirname "$0")/lib.sh"

build=${KG_BUILD_DIR:-$(dirname "$KG")}
prefix=$scratch/prefix
data=$KG_TEST_DATA/small.kg.json
version=$("$KG" --version | sed 's/^kg //')
want="kg $version: 10 nodes, 12 edges, 1 components"
consumer=$KG_SOURCE_DIR/tests/install/consumer.c

if ! cmake --install "$build" --prefix "$prefix" >"$scratch/install.log" 2>&1; then
  fail "cmake --install: $(tail -5 "$scratch/install.log")"
  finish
fi
pc=$(find "$prefix" -name kg.pc)
[ -n "$pc" ] || { fail "no kg.pc installed"; finish; }
libdir=$(dirname "$(dirname "$pc")")
export PKG_CONFIG_PATH=$libdir/pkgconfig

# --- the files ----------------------------------------------------------
for f in "$libdir/libkg.a" "$libdir/libkg.so" "$prefix/include/kg/kg.h" "$prefix/bin/kg" \
  "$libdir/cmake/kg/kgConfig.cmake" "$libdir/cmake/kg/kgConfigVersion.cmake"; do
  [ -e "$f" ] || fail "not installed: ${f#"$prefix"/}"
done
real=$(readlink -f "$libdir/libkg.so")
[ "$(basename "$real")" = "libkg.so.$version" ] ||
  fail "libkg.so resolves to $(basename "$real"), expected libkg.so.VERSION"
soname=$(readelf -d "$real" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = libkg.so.0 ] || fail "SONAME is '$soname', expected libkg.so.0"
[ "$(readlink "$libdir/libkg.so.0")" = "$(basename "$real")" ] || fail "libkg.so.0 is not a link to $real"
grep -q "$prefix" "$pc" && fail "kg.pc names the install prefix; it should be relative (\${pcfiledir})"
[ "$(pkg-config --variable=includedir kg | xargs realpath)" = "$(realpath "$prefix/include")" ] ||
  fail "kg.pc includedir $(pkg-config --variable=includedir kg) is not $prefix/include"

# --- exported symbols: exactly the public API ---------------------------
# The public functions, as the compiler reads the installed headers
# (GCC's -aux-info lists every prototype; static inline ones are not API).
echo '#include <kg/kg.h>' >"$scratch/api.c"
gcc -fsyntax-only -aux-info "$scratch/protos" -I"$prefix/include" "$scratch/api.c" ||
  fail "the installed <kg/kg.h> does not compile on its own"
grep -F "$prefix/include/kg/" "$scratch/protos" | grep -vF '*/ static ' |
  sed -E 's/.*[ *](kg_[a-z0-9_]+) \(.*/\1/' | sort -u >"$scratch/api"
nm -D --defined-only "$real" | awk '$2 != "A" { sub(/@.*/, "", $3); print $3 }' | sort >"$scratch/exported"
[ "$(wc -l <"$scratch/api")" -gt 50 ] || fail "found only $(wc -l <"$scratch/api") public functions"
other=$(grep -v '^kg_' "$scratch/exported" | head -5)
[ -z "$other" ] || fail "libkg.so exports symbols outside the kg_ API: $other"
extra=$(comm -13 "$scratch/api" "$scratch/exported" | head -5)
[ -z "$extra" ] || fail "libkg.so exports internals no header declares: $extra"
missing=$(comm -23 "$scratch/api" "$scratch/exported" | head -5)
[ -z "$missing" ] || fail "public functions missing from libkg.so: $missing"

# --- pkg-config ---------------------------------------------------------
# check_program NAME FILE LINKS-LIBKG-SO: runs FILE and checks its output
# and whether it needs libkg.so.0 at run time.
check_program() {
  local name=$1 exe=$2 shared=$3 out
  [ -x "$exe" ] || { fail "$name: not built"; return; }
  out=$("$exe" "$data" 2>&1) || fail "$name: exit $?: $out"
  [ "$out" = "$want" ] || fail "$name: printed '$out', expected '$want'"
  if readelf -d "$exe" | grep -q 'NEEDED.*libkg\.so\.0'; then
    [ "$shared" = yes ] || fail "$name: needs libkg.so.0, expected libkg.a linked in"
  else
    [ "$shared" = no ] || fail "$name: does not need libkg.so.0"
  fi
}
# shellcheck disable=SC2046 # pkg-config output is meant to split
cc -o "$scratch/pc_shared" "$consumer" $(pkg-config --cflags --libs kg) \
  -Wl,-rpath,"$libdir" 2>"$scratch/cc.log" || fail "pkg-config shared build: $(head -c 600 "$scratch/cc.log")"
check_program "pkg-config, shared" "$scratch/pc_shared" yes
# Static libkg, shared system libraries: the README's command.
# shellcheck disable=SC2046
cc -o "$scratch/pc_static" "$consumer" $(pkg-config --cflags kg) -Wl,--as-needed \
  -Wl,-Bstatic -lkg -Wl,-Bdynamic $(pkg-config --static --libs kg) 2>"$scratch/cc.log" ||
  fail "pkg-config --static build: $(head -c 600 "$scratch/cc.log")"
check_program "pkg-config --static" "$scratch/pc_static" no

# --- man pages and completion, where man and bash-completion look -------
page=$(MANPATH=$prefix/share/man man -w kg-build 2>&1)
[ "$page" = "$prefix/share/man/man1/kg-build.1" ] || fail "man -w kg-build: $page"
LC_ALL=C MANPATH=$prefix/share/man MANPAGER=cat man kg 2>&1 | grep -qF "kg-subgraph(1)" ||
  fail "man kg does not show kg(1) with its SEE ALSO list"
[ -s "$prefix/share/bash-completion/completions/kg" ] || fail "no bash completion installed"
[ -s "$prefix/share/zsh/vendor-completions/_kg" ] || fail "no zsh completion installed"

# --- CMake: find_package(kg) ---------------------------------------------
if cmake -S "$KG_SOURCE_DIR/tests/install" -B "$scratch/cmake" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release >"$scratch/cmake.log" 2>&1 &&
  cmake --build "$scratch/cmake" >>"$scratch/cmake.log" 2>&1; then
  check_program "CMake kg::kg" "$scratch/cmake/consumer_shared" yes
  check_program "CMake kg::kg_static" "$scratch/cmake/consumer_static" no
else
  fail "find_package(kg) consumer: $(tail -15 "$scratch/cmake.log")"
fi
# The tree still works once moved: kg.pc locates itself (${pcfiledir}).
moved=$scratch/moved
mv "$prefix" "$moved"
mlibdir=$moved${libdir#"$prefix"}
# shellcheck disable=SC2046
PKG_CONFIG_PATH=$mlibdir/pkgconfig cc -o "$scratch/pc_moved" "$consumer" \
  $(PKG_CONFIG_PATH=$mlibdir/pkgconfig pkg-config --cflags --libs kg) -Wl,-rpath,"$mlibdir" \
  2>"$scratch/cc.log" || fail "pkg-config build against the moved prefix: $(head -c 600 "$scratch/cc.log")"
check_program "pkg-config, moved prefix" "$scratch/pc_moved" yes
mv "$moved" "$prefix"

# A version the package is not compatible with is refused.
mkdir -p "$scratch/v"
printf 'cmake_minimum_required(VERSION 3.18)\nproject(v C)\nfind_package(kg 1 REQUIRED)\n' \
  >"$scratch/v/CMakeLists.txt"
cmake -S "$scratch/v" -B "$scratch/v/b" -DCMAKE_PREFIX_PATH="$prefix" >"$scratch/v.log" 2>&1 &&
  fail "find_package(kg 1) accepted kg 0.x"
grep -q "kgConfigVersion\|version" "$scratch/v.log" || fail "find_package(kg 1): $(tail -5 "$scratch/v.log")"

finish
