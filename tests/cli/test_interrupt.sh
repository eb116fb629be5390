#!/usr/bin/env bash
# Interrupted runs: `kg build` and `kg ingest` stopped by SIGINT, SIGTERM
# and SIGKILL while writing a large export leave every earlier output
# byte-for-byte as it was and no partial file under a final name; SIGINT
# and SIGTERM remove the run's temporaries at once, and after SIGKILL the
# next run into the same folder removes them (so they never accumulate),
# sparing those of a run still going. `--fsync` syncs each file before
# its rename and the folder after it (strace).
. "$(dirname "$0")/lib.sh"
set -m # background jobs keep the default SIGINT (not ignored) to be interrupted

# 40,000 nodes and 160,000 edges: a few seconds of writing JSON, GraphML
# and DOT, enough to be caught in the middle.
awk 'BEGIN { print "id\ttype\tlabel"
  for (i = 0; i < 40000; i++) printf "n%d\tbody\tNode %d \"quoted\" <&> label\n", i, i }' \
  >"$scratch/big_nodes.tsv"
awk 'BEGIN { print "source\ttype\ttarget"; srand(7)
  for (i = 0; i < 160000; i++) printf "n%d\tpart_of\tn%d\n", int(rand() * 40000), int(rand() * 40000) }' \
  >"$scratch/big_edges.tsv"
cp "$scratch/big_edges.tsv" "$scratch/big.tsv"

command_for() { # command_for build|ingest DIR: the kg arguments
  if [ "$1" = build ]; then
    echo "build -q -f json,graphml,dot -o $2 $scratch/big.tsv"
  else
    echo "ingest -q -n big -f json,graphml,dot -o $2 --nodes $scratch/big_nodes.tsv --edges $scratch/big_edges.tsv"
  fi
}

snapshot() { # the names and checksums of every file in DIR, hidden ones too
  (cd "$1" && find . -type f | LC_ALL=C sort | xargs md5sum)
}

temporaries() { # temporaries DIR: kg's temporary files in DIR
  find "$1" -maxdepth 1 -name '.big.*.tmp' | LC_ALL=C sort
}

for what in build ingest; do
  dir="$scratch/$what"
  mkdir -p "$dir"
  echo "an earlier output of another tool" >"$dir/keep.txt"
  "$KG" $(command_for "$what" "$dir") 2>"$scratch/err"
  rc=$?
  expect_rc 0 "$what, first complete run"
  before=$(snapshot "$dir")
  [ "$(echo "$before" | wc -l)" -eq 4 ] || fail "$what wrote: $before"
  for sig in INT TERM KILL; do
    "$KG" $(command_for "$what" "$dir") 2>"$scratch/err" &
    pid=$!
    caught=no
    for _ in $(seq 1 1200); do # up to 60 s for a temporary with data in it
      if [ -n "$(find "$dir" -maxdepth 1 -name '.big.*.tmp' -size +64k)" ]; then
        kill -s "$sig" "$pid" && caught=yes
        break
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    wait "$pid"
    rc=$?
    [ "$caught" = yes ] || { fail "$what: the run ended (exit $rc) before SIG$sig could be sent"; continue; }
    want=$((128 + $(kill -l "$sig")))
    [ "$rc" -eq "$want" ] || fail "$what SIG$sig: exit $rc, expected $want (killed by the signal)"
    left=$(temporaries "$dir")
    after=$(snapshot "$dir" | grep -v '/\.big\..*\.tmp$')
    [ "$after" = "$before" ] || fail "$what SIG$sig changed the earlier outputs: $(diff <(echo "$before") <(echo "$after") | head -5)"
    if [ "$sig" = KILL ]; then
      [ -n "$left" ] || fail "$what SIGKILL: no temporary left, so the kill missed the writing"
      # a temporary of a run still going (this shell's PID) must survive
      live="$dir/.big.json.$$.1.tmp"
      echo "another run's data" >"$live"
      "$KG" $(command_for "$what" "$dir") 2>"$scratch/err"
      rc=$?
      expect_rc 0 "$what, the run after SIGKILL"
      [ -z "$(temporaries "$dir" | grep -vF "$live")" ] ||
        fail "$what: the run after SIGKILL left temporaries: $(temporaries "$dir")"
      [ -e "$live" ] || fail "$what: the run after SIGKILL removed a live run's temporary"
      rm -f "$live"
      [ "$(snapshot "$dir")" = "$before" ] || fail "$what: the run after SIGKILL wrote different outputs"
    else
      [ -z "$left" ] || fail "$what SIG$sig left temporaries: $left"
    fi
  done
done

# --fsync: each temporary is synced, renamed, then its folder synced.
if command -v strace >/dev/null && strace -o /dev/null true 2>/dev/null; then
  strace -f -y -o "$scratch/trace" -e trace=fsync,rename,renameat,renameat2 \
    "$KG" build -q --fsync -f json,dot -o "$scratch/fs" "$KG_TEST_DATA/small.kg.json"
  /usr/bin/python3 - "$scratch/trace" "$scratch/fs" <<'PY' || fail "--fsync order: $(cat "$scratch/trace" | head -20)"
import re, sys
lines = [l.split(None, 1)[1] if l[0].isdigit() else l for l in open(sys.argv[1])]
folder = sys.argv[2]
for name in ("small.json", "small.dot"):
    synced = [i for i, l in enumerate(lines) if re.match(r"fsync\(\d+<.*/\.%s\.\d+\.\w+\.tmp>\) = 0" % re.escape(name), l)]
    renamed = [i for i, l in enumerate(lines) if l.startswith("rename") and ('/%s") = 0' % name) in l]
    assert synced and renamed and synced[0] < renamed[0], name
    after = [i for i, l in enumerate(lines) if i > renamed[0] and l.startswith("fsync(") and l.find("<%s>)" % folder) > 0]
    assert after, name + ": folder not synced after the rename"
PY
else
  echo "strace cannot trace here: --fsync order not checked"
fi

finish
