"""Formats one size's benchmark results (bench/run.sh) as Markdown:
per-phase times from each tool's own clock, wall time and peak RSS from
/usr/bin/time -v, kg's ratios against each peer, results that should
agree, and kg's write throughput against copying a file of the same size.

    /usr/bin/python3 report.py DIR kg nx ig"""
import statistics
import sys

NAMES = {"kg": "kg (libkg)", "nx": "NetworkX", "ig": "python3-igraph"}
PHASES = ["load", "pagerank", "components", "path", "write_graphml", "write_json",
          "write_dot", "total"]


def read(path):
    phases, rss, facts = {}, {}, {}
    try:
        lines = open(path, encoding="utf-8").read().split("\n")
    except OSError:
        return phases, rss, facts
    for line in lines:
        parts = line.split()
        if len(parts) == 3 and parts[0] == "phase":
            phases[parts[1]] = float(parts[2])
        elif len(parts) == 3 and parts[0] == "rss":
            rss[parts[1]] = int(parts[2])
        elif len(parts) >= 2:
            facts[parts[0]] = " ".join(parts[1:])
    return phases, rss, facts


def main():
    folder, tools = sys.argv[1], sys.argv[2:]
    runs = {t: read(f"{folder}/{t}.out") for t in tools}
    summary = {}
    for line in open(f"{folder}/summary.txt", encoding="utf-8"):
        k, v = line.split()
        summary[k] = float(v)
    tools = [t for t in tools if runs[t][0]]
    print("| phase | " + " | ".join(NAMES[t] for t in tools) + " | "
          + " | ".join(f"kg vs {NAMES[t]}" for t in tools if t != "kg") + " |")
    print("|---" * (1 + 2 * len(tools) - 1) + "|")
    for p in PHASES:
        cells = [f"{runs[t][0][p]:.2f} s" if p in runs[t][0] else "-" for t in tools]
        ratios = []
        for t in tools:
            if t == "kg":
                continue
            a, b = runs["kg"][0].get(p), runs[t][0].get(p)
            ratios.append(f"{b / a:.1f}x faster" if a and b else "-")
        print(f"| {p} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
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
    synced = [read(f"{folder}/kg-sync{rep}.out")[0] for rep in (1, 2, 3)]
    copies = {}
    for line in open(f"{folder}/copy.txt", encoding="utf-8"):
        ext, size, secs = line.split()
        copies.setdefault(ext, (int(size), []))[1].append(float(secs))
    print("Writing against copying: `cp` and kg's exports each start after `sync`, three "
          "times each (median, and the range); kg's run in the pipeline above also paid "
          "for the dirty pages of the exports before it.")
    print()
    print("| export | size | kg writes, after sync | cp copies, after sync | kg / cp "
          "| kg writes, in the pipeline |")
    print("|---|---|---|---|---|---|")
    for ext, (size, cp_secs) in copies.items():
        kg_secs = [s.get("write_" + ext) for s in synced if s.get("write_" + ext)]
        piped_secs = runs["kg"][0].get("write_" + ext)
        if not kg_secs or not cp_secs or not piped_secs:
            continue
        kg_rates = sorted(size / t / 1e6 for t in kg_secs)
        cp_rates = sorted(size / t / 1e6 for t in cp_secs)
        kg_rate, cp_rate = statistics.median(kg_rates), statistics.median(cp_rates)
        piped = size / piped_secs / 1e6
        print(f"| {ext} | {size / 1e6:.0f} MB | {kg_rate:.0f} MB/s ({kg_rates[0]:.0f}–"
              f"{kg_rates[-1]:.0f}) | {cp_rate:.0f} MB/s ({cp_rates[0]:.0f}–{cp_rates[-1]:.0f}) "
              f"| {kg_rate / cp_rate:.2f} | {piped:.0f} MB/s ({piped / cp_rate:.2f} of cp) |")

if __name__ == "__main__":
    main()
