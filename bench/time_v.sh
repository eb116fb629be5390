# bench/time_v.sh - sourced by the bench scripts: figures from a
# `/usr/bin/time -v` report FILE, and the counts of a DOT file kg wrote.
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
  for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1"; }       # seconds
rss() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }   # KiB
cpu() { awk -F': ' '/(User|System) time/ {s += $2} END {print s}' "$1"; } # seconds
# "nodes edges" of a DOT file kg wrote: one statement per line.
dot_counts() { awk '/^  "/ { if ($0 ~ /^  "([^"\\]|\\.)*" -> "/) e++; else n++ }
  END {print n + 0, e + 0}' "$1"; }
