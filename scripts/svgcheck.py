#!/usr/bin/python3
"""svgcheck.py - measure a Graphviz SVG the way a reader meets it.

For each SVG given, shown WIDTH pixels wide (default 1600):
  smallest_label_px  the height of the smallest drawn label, in pixels
  overlaps           pairs of label boxes that overlap
  nodes              drawn nodes (<g class="node">)
Label boxes are estimated from each <text>: its font-size, its length in
characters times AVERAGE_ADVANCE em, and its text-anchor; the box spans
0.75 em above the baseline and 0.2 em below, so the lines of one label
(Graphviz spaces them 1.2 em apart) never overlap each other.

With --check, exits 1 when a file misses a target (--min-px, default 9;
--max-overlaps, default 0; --max-nodes, default 60) and says which.
Usage: svgcheck.py [--width PX] [--check] [--json] FILE.svg...
"""
import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
AVERAGE_ADVANCE = 0.5  # em per character, Helvetica/DejaVu Sans lower case
ASCENT, DESCENT = 0.75, 0.2
DEFAULT_FONT_SIZE = 14.0  # Graphviz's default


def number(text, default=0.0):
    match = re.match(r"\s*(-?[0-9.]+)", text or "")
    return float(match.group(1)) if match else default


def graph_scale(root):
    """The scale Graphviz puts on its top <g> (the size attribute)."""
    for g in root.iter(SVG + "g"):
        match = re.search(r"scale\(\s*([0-9.]+)", g.get("transform", ""))
        return float(match.group(1)) if match else 1.0
    return 1.0


def view_width(root):
    box = root.get("viewBox")
    if box:
        return float(box.split()[2])
    return number(root.get("width"), 1.0)


def label_boxes(root):
    """(x0, y0, x1, y1, font_size, text) of every non-blank <text>."""
    boxes = []
    for t in root.iter(SVG + "text"):
        text = "".join(t.itertext())
        if not text.strip():
            continue
        size = number(t.get("font-size"), DEFAULT_FONT_SIZE)
        x, y = number(t.get("x")), number(t.get("y"))
        width = AVERAGE_ADVANCE * size * len(text.strip())
        anchor = t.get("text-anchor", "start")
        x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
        boxes.append((x0, y - ASCENT * size, x0 + width, y + DESCENT * size, size, text))
    return boxes


def count_overlaps(boxes, tolerance=0.5):
    """Pairs of boxes whose interiors meet by more than tolerance units."""
    ordered = sorted(boxes)
    overlaps = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b[0] >= a[2] - tolerance:
                break
            if min(a[3], b[3]) - max(a[1], b[1]) > tolerance and \
               min(a[2], b[2]) - max(a[0], b[0]) > tolerance:
                overlaps.append((a[5], b[5]))
    return overlaps


def measure(path, width):
    root = ET.parse(path).getroot()
    boxes = label_boxes(root)
    pixels_per_unit = graph_scale(root) * width / view_width(root)
    smallest = min((b[4] for b in boxes), default=0.0) * pixels_per_unit
    nodes = sum(1 for g in root.iter(SVG + "g") if g.get("class") == "node")
    overlaps = count_overlaps(boxes)
    return {"file": path, "smallest_label_px": round(smallest, 2),
            "overlaps": len(overlaps), "overlapping": overlaps[:5], "nodes": nodes,
            "labels": len(boxes)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--width", type=float, default=1600)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--min-px", type=float, default=9)
    parser.add_argument("--max-overlaps", type=int, default=0)
    parser.add_argument("--max-nodes", type=int, default=60)
    args = parser.parse_args()
    failed = False
    for path in args.files:
        m = measure(path, args.width)
        if args.json:
            print(json.dumps(m, ensure_ascii=False))
        else:
            print("%s: smallest label %.1f px at %d px wide, %d overlapping label pairs, "
                  "%d nodes" % (path, m["smallest_label_px"], args.width, m["overlaps"],
                                m["nodes"]))
        if not args.check:
            continue
        problems = []
        if m["smallest_label_px"] < args.min_px:
            problems.append("smallest label %.1f px < %g" % (m["smallest_label_px"], args.min_px))
        if m["overlaps"] > args.max_overlaps:
            problems.append("%d overlapping label pairs, e.g. %r" % (m["overlaps"],
                                                                     m["overlapping"][:3]))
        if m["nodes"] > args.max_nodes:
            problems.append("%d nodes > %d" % (m["nodes"], args.max_nodes))
        for p in problems:
            print("%s: %s" % (path, p), file=sys.stderr)
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
