"""Formats one size's benchmark results (bench/run.sh) as Markdown:
per-phase times (wall clock and CPU) from each tool's own clock, wall time and peak RSS from
/usr/bin/time -v, kg's ratios against each peer, results that should
agree, and kg's write throughput against copying a file of the same size.

    /usr/bin/python3 report.py DIR kg nx ig"""
import sys

NAMES = {"kg": "kg (libkg)", "nx": "NetworkX", "ig": "python3-igraph"}
PHASES = ["load", "view", "pagerank", "components", "path", "write_graphml", "write_json",
          "write_dot", "total"]


def read(path):
    phases, rss, facts, cpu = {}, {}, {}, {}
    try:
        lines = open(path, encoding="utf-8").read().split("\n")
    except OSError:
        return phases, rss, facts, cpu
    for line in lines:
        parts = line.split()
        if len(parts) == 3 and parts[0] == "phase":
            phases[parts[1]] = float(parts[2])
        elif len(parts) == 3 and parts[0] == "cpu":
            cpu[parts[1]] = float(parts[2])
        elif len(parts) == 3 and parts[0] == "rss":
            rss[parts[1]] = int(parts[2])
        elif len(parts) >= 2:
            facts[parts[0]] = " ".join(parts[1:])
    return phases, rss, facts, cpu


def phase_table(runs, tools, which):
    """Rows of one phase table: which is 0 (wall clock) or 3 (CPU time)."""
    print("| phase | " + " | ".join(NAMES[t] for t in tools) + " | "
          + " | ".join(f"kg vs {NAMES[t]}" for t in tools if t != "kg") + " |")
    print("|---" * (1 + 2 * len(tools) - 1) + "|")
    for p in PHASES:
        cells = [f"{runs[t][which][p]:.2f} s" if p in runs[t][which] else "-" for t in tools]
        ratios = []
        for t in tools:
            if t == "kg":
                continue
            a, b = runs["kg"][which].get(p), runs[t][which].get(p)
            ratios.append(f"{b / a:.1f}x faster" if a and b else "-")
        print(f"| {p} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")


def main():
    folder, tools = sys.argv[1], sys.argv[2:]
    runs = {t: read(f"{folder}/{t}.out") for t in tools}
    summary = {}
    for line in open(f"{folder}/summary.txt", encoding="utf-8"):
        k, v = line.split()
        summary[k] = float(v)
    tools = [t for t in tools if runs[t][0]]
    phase_table(runs, tools, 0)
    wall = [f"{summary.get('wall_' + t, 0):.1f} s" for t in tools]
    rss = [f"{summary.get('rss_' + t, 0) / 1024:.0f} MiB" for t in tools]
    wall_ratio, rss_ratio = [], []
    for t in tools:
        if t == "kg":
            continue
        a, b = summary.get("wall_kg"), summary.get("wall_" + t)
        wall_ratio.append(f"{b / a:.1f}x faster" if a and b else "-")
        a, b = summary.get("rss_kg"), summary.get("rss_" + t)
        rss_ratio.append(f"{a / b:.2f} of it" if a and b else "-")
    print("| **wall, end to end** (time -v) | " + " | ".join(wall) + " | "
          + " | ".join(wall_ratio) + " |")
    print("| **peak RSS** (time -v) | " + " | ".join(rss) + " | " + " | ".join(rss_ratio) + " |")
    print()
    if all(runs[t][3] for t in tools):
        print("CPU time of each phase (user + system, every thread: kg writes with two; "
              "less inflated than the wall clock on a shared machine):")
        print()
        phase_table(runs, tools, 3)
        print()
    print("Peak RSS after each phase (KiB, getrusage): "
          + "; ".join(f"{NAMES[t]}: " + ", ".join(f"{p} {v}" for p, v in runs[t][1].items())
                      for t in tools))
    print()
    print("Results (should agree; PageRank differs slightly because kg drops self-loops "
          "for spectral measures):")
    for key in ["nodes", "edges", "top_pagerank", "components", "largest_component",
                "path_length"]:
        print(f"- {key}: " + "; ".join(f"{NAMES[t]} {runs[t][2].get(key, '-')}" for t in tools))
    print()
    print(f"`kg ingest` command (load + write GraphML, JSON, DOT): "
          f"{summary.get('wall_cli', 0):.1f} s, {summary.get('rss_cli', 0) / 1024:.0f} MiB peak")
    print()
    print("Writing in the pipeline above: " + ", ".join(
        f"{ext} {runs['kg'][0]['write_' + ext]:.2f} s" for ext in ("graphml", "json", "dot")
        if runs["kg"][0].get("write_" + ext)) + ".")
    print()
    try:
        table = open(f"{folder}/formats.md", encoding="utf-8").read()
    except OSError:
        return
    print("Against copying a file of the same size (`bench/formats.sh`: kg writes each "
          "export three times, cp copies it three times, each after `sync` and after "
          "deleting the previous output; medians):")
    print()
    print(table, end="")

if __name__ == "__main__":
    main()
