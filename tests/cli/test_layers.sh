# test_layers.sh - the include rule of libkg's stage folders
# (docs/architecture.md): base <- model <- {read, analysis, export}. Each
# `#include "x.h"` in src/lib is resolved to the stage that holds x.h (a
# private header's folder; for a public kg/x.h, the stage that defines it,
# from the table below) and must be the file's own stage or one it may use:
# base includes nothing above it, model only base, and read, analysis and
# export (and extract, text -> candidates) never include one another.
. "$(dirname "$0")/lib.sh"
$PY - "$KG_SOURCE_DIR" <<'EOF_PY' || fail "include rule broken (see above)"
import os, re, sys
root = sys.argv[1]
lib = os.path.join(root, "src", "lib")
stages = ["base", "model", "read", "analysis", "export", "extract"]
may_use = {"base": {"base"}, "model": {"base", "model"},
           "read": {"base", "model", "read"}, "analysis": {"base", "model", "analysis"},
           "export": {"base", "model", "export"},
           "extract": {"base", "model", "extract"}}
public = {"error.h": "base", "text.h": "base", "writer.h": "base", "file.h": "base",
          "version.h": "base", "graph.h": "model", "schema.h": "model", "diagram.h": "model",
          "dataset.h": "read", "import.h": "read", "ingest.h": "read",
          "analysis.h": "analysis", "resolve.h": "analysis", "stats.h": "analysis",
          "verify.h": "analysis", "view.h": "analysis",
          "export.h": "export", "draw.h": "export", "extract.h": "extract"}
problems = []
for h in sorted(os.listdir(os.path.join(root, "include", "kg"))):
    if h != "kg.h" and h not in public:
        problems.append("include/kg/%s: no stage in test_layers.sh's table" % h)
private = {}
for stage in stages:
    for name in os.listdir(os.path.join(lib, stage)):
        if name.endswith(".h"):
            private.setdefault(name, []).append(stage)
for name, where in private.items():
    if len(where) > 1:
        problems.append("%s is in more than one stage: %s" % (name, ", ".join(where)))
checked = 0
for stage in stages:
    folder = os.path.join(lib, stage)
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".c", ".h")):
            continue
        path = os.path.join(folder, name)
        for number, line in enumerate(open(path, encoding="utf-8"), 1):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if not m:
                continue
            checked += 1
            target = m.group(1)
            if target.startswith("kg/"):
                if target == "kg/kg.h":
                    problems.append("src/lib/%s/%s:%d: includes kg/kg.h (everything)" % (stage, name, number))
                    continue
                used = public.get(target[3:])
            else:
                used = (private.get(target) or [None])[0]
            if used is None:
                problems.append("src/lib/%s/%s:%d: cannot resolve \"%s\"" % (stage, name, number, target))
                continue
            if used not in may_use[stage]:
                problems.append("src/lib/%s/%s:%d: %s includes \"%s\" of %s" % (stage, name, number, stage, target, used))
for p in problems:
    print(p)
if checked < 100:
    print("only %d includes found: is src/lib laid out by stage?" % checked)
    sys.exit(1)
sys.exit(1 if problems else 0)
EOF_PY
finish
