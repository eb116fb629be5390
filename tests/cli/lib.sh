# lib.sh - shared by the CLI tests: where things are, and assertions that
# say what was expected when they fail.
set -u
: "${KG:?KG must point to the kg binary}"
: "${KG_SOURCE_DIR:?}"
: "${KG_TEST_DATA:?}"
PY=/usr/bin/python3
failures=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# run CMD...: runs kg, capturing stdout, stderr and the exit code.
run() {
  "$KG" "$@" >"$scratch/stdout" 2>"$scratch/stderr"
  rc=$?
}

expect_rc() {
  [ "$rc" -eq "$1" ] || fail "$2: exit code $rc, expected $1; stderr: $(head -c 600 "$scratch/stderr")"
}

expect_stderr() {
  grep -qF -- "$1" "$scratch/stderr" || fail "$2: stderr lacks '$1'; got: $(head -c 600 "$scratch/stderr")"
}

expect_stdout() {
  grep -qF -- "$1" "$scratch/stdout" || fail "$2: stdout lacks '$1'; got: $(head -c 600 "$scratch/stdout")"
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
}
