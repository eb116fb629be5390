/* picture.js - saving the current view as PNG (Cytoscape's own) or SVG
 * (built here from Cytoscape's positions; text as text nodes, so
 * XMLSerializer escapes it). */

/* ---- export ------------------------------------------------------ */

function fileStem() {
  return String(data.name || "graph").replace(/[^A-Za-z0-9._-]+/g, "_") || "graph";
}

function download(blob, filename) {
  var a = document.createElement("a");
  var url = URL.createObjectURL(blob);
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
}

function edgePathData(e) {
  var s = e.sourceEndpoint(), t = e.targetEndpoint();
  var cps = e.controlPoints() || [];
  var d = "M" + f2(s.x) + "," + f2(s.y);
  if (cps.length === 0) return d + "L" + f2(t.x) + "," + f2(t.y);
  for (var i = 0; i < cps.length; i++) {
    var end = i + 1 < cps.length ? {x: (cps[i].x + cps[i + 1].x) / 2, y: (cps[i].y + cps[i + 1].y) / 2} : t;
    d += "Q" + f2(cps[i].x) + "," + f2(cps[i].y) + " " + f2(end.x) + "," + f2(end.y);
  }
  return d;
}

/* The current view (visible elements, viewport) as an SVG document,
 * built from Cytoscape's positions; text goes in as text nodes, so
 * XMLSerializer escapes it. */
function svgString() {
  var ext = cy.extent();
  var svg = svgEl("svg", {xmlns: SVG_NS, width: cy.width(), height: cy.height(),
                          viewBox: [f2(ext.x1), f2(ext.y1), f2(ext.w), f2(ext.h)].join(" ")});
  var title = svgEl("title", {});
  title.textContent = data.title || data.name || "graph";
  svg.appendChild(title);
  var defs = svgEl("defs", {}), markers = {};
  svg.appendChild(defs);
  svg.appendChild(svgEl("rect", {x: f2(ext.x1), y: f2(ext.y1), width: f2(ext.w), height: f2(ext.h),
                                 fill: "#ffffff"}));
  function marker(shape, fill, color) {
    var id = "arrow-" + shape + "-" + fill + "-" + color.replace(/[^0-9a-z]/gi, "");
    if (markers[id]) return "url(#" + id + ")";
    markers[id] = true;
    var m = svgEl("marker", {id: id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7,
                             markerHeight: 7, orient: "auto-start-reverse"});
    var d = shape === "diamond" ? "M0,5L5,1L10,5L5,9Z" : shape === "circle" ?
            "M5,1A4,4 0 1,0 5,9A4,4 0 1,0 5,1Z" : shape === "tee" ? "M8,0H10V10H8Z" :
            shape === "square" ? "M2,2H10V8H2Z" : shape === "vee" ? "M0,0L10,5L0,10L3,5Z" :
            "M0,0L10,5L0,10Z";
    m.appendChild(svgEl("path", {d: d, fill: fill === "hollow" ? "#ffffff" : color, stroke: color}));
    defs.appendChild(m);
    return "url(#" + id + ")";
  }
  var edges = svgEl("g", {"class": "edges"});
  shown(cy.edges()).forEach(function (e) {
    var d = e.data(), k = lookOfEdgeType(d.type);
    var g = svgEl("g", {"class": "edge", opacity: e.hasClass("faded") ? 0.15 : null});
    var t = svgEl("title", {});
    t.textContent = e.source().data("label") + " " + humanType(d.type) + " " + e.target().data("label");
    g.appendChild(t);
    g.appendChild(svgEl("path", {
      d: edgePathData(e), fill: "none", stroke: k.color, "stroke-width": k.width,
      "stroke-dasharray": dash(k.ls, k.width),
      "marker-end": k.ta === "none" ? null : marker(k.ta, k.af, k.color),
      "marker-start": k.sa === "none" ? null : marker(k.sa, k.af, k.color)
    }));
    if (e.hasClass("labelled") || e.hasClass("focus") || e.hasClass("path")) {
      var mid = e.midpoint();
      var label = svgEl("text", {x: f2(mid.x), y: f2(mid.y), "font-size": 10, "font-family": FONT,
                                 "text-anchor": "middle", fill: "#333333"});
      label.textContent = d.tl;
      g.appendChild(label);
    }
    edges.appendChild(g);
  });
  svg.appendChild(edges);
  var nodes = svgEl("g", {"class": "nodes"});
  shown(cy.nodes()).forEach(function (n) {
    var d = n.data(), p = n.position(), k = lookOfNodeType(d.type);
    var w = d.w, h = d.h;
    var g = svgEl("g", {"class": "node", transform: "translate(" + f2(p.x) + "," + f2(p.y) + ")",
                        opacity: n.hasClass("faded") ? 0.15 : null});
    g.appendChild(svgEl("path", {d: shapePath(k.shape, w, h), fill: k.bg, "fill-opacity": k.bgOpacity,
                                 stroke: k.border, "stroke-width": k.bw === 4 ? 2 : k.bw,
                                 "stroke-dasharray": dash(k.bs, k.bw)}));
    var lines = d.lbl.split("\n");
    var text = svgEl("text", {"font-size": f2(d.fs), "font-family": FONT, fill: k.fg,
                              "text-anchor": "middle"});
    lines.forEach(function (line, i) {
      var span = svgEl("tspan", {x: 0, y: f2((i - (lines.length - 1) / 2) * d.fs * LINE_HEIGHT + d.fs * 0.35)});
      span.textContent = line;
      text.appendChild(span);
    });
    g.appendChild(text);
    nodes.appendChild(g);
  });
  svg.appendChild(nodes);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg) + "\n";
}

function exportPng() {
  var blob = cy.png({output: "blob", bg: "#ffffff", full: false, scale: 2});
  download(blob, fileStem() + ".png");
}

function exportSvg() {
  download(new Blob([svgString()], {type: "image/svg+xml"}), fileStem() + ".svg");
}
