/* styles.js - the schema's Graphviz styles mapped onto Cytoscape.js:
 * node shapes, colours, line styles, arrowheads, label wrapping and node
 * sizes, the legend swatches (SVG), and the Cytoscape style sheet.
 * Uses svgEl (dom.js). */

var LABEL_WIDTH = 150; /* px; longer labels wrap */
/* Cytoscape accepts double quotes in font-family, not single ones. */
var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
var LINE_HEIGHT = 1.2;

/* ---- schema styles (Graphviz attributes) -> Cytoscape -------------- */

var NODE_SHAPES = {
  box: "rectangle", rect: "rectangle", rectangle: "rectangle", square: "rectangle",
  box3d: "rectangle", component: "bottom-round-rectangle", note: "cut-rectangle",
  tab: "cut-rectangle", folder: "barrel", cylinder: "barrel", hexagon: "hexagon",
  octagon: "octagon", doubleoctagon: "octagon", tripleoctagon: "octagon",
  septagon: "heptagon", pentagon: "pentagon", house: "pentagon", invhouse: "pentagon",
  parallelogram: "rhomboid", trapezium: "bottom-round-rectangle",
  invtrapezium: "bottom-round-rectangle", cds: "tag", rarrow: "tag", larrow: "tag",
  rpromoter: "tag", lpromoter: "tag", diamond: "diamond", Mdiamond: "diamond",
  Msquare: "rectangle", triangle: "triangle", invtriangle: "vee", star: "star",
  ellipse: "ellipse", oval: "ellipse", circle: "ellipse", doublecircle: "ellipse",
  Mcircle: "ellipse", egg: "ellipse", point: "ellipse",
  plaintext: "rectangle", plain: "rectangle", none: "rectangle", underline: "rectangle"
};

var ARROWS = {
  normal: ["triangle", "filled"], onormal: ["triangle", "hollow"], empty: ["triangle", "hollow"],
  inv: ["triangle-backcurve", "filled"], diamond: ["diamond", "filled"],
  odiamond: ["diamond", "hollow"], ediamond: ["diamond", "hollow"], dot: ["circle", "filled"],
  odot: ["circle", "hollow"], vee: ["vee", "filled"], tee: ["tee", "filled"],
  box: ["square", "filled"], obox: ["square", "hollow"], crow: ["triangle-cross", "filled"],
  none: ["none", "filled"]
};

var colourCheck = null;
/* A colour Cytoscape understands, or `fallback`. Graphviz also accepts
 * names and #rrggbbaa that CSS or Cytoscape would reject with a warning. */
function colour(value, fallback) {
  if (typeof value !== "string" || value === "") return fallback;
  var v = value.trim();
  if (/^#[0-9a-f]{8}$/i.test(v)) v = v.slice(0, 7);
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v)) return v;
  if (!/^[a-z]+$/i.test(v)) return fallback;
  if (!colourCheck) colourCheck = document.createElement("canvas").getContext("2d");
  colourCheck.fillStyle = "#010203";
  colourCheck.fillStyle = v;
  return colourCheck.fillStyle === "#010203" ? fallback : colourCheck.fillStyle;
}

function styleWords(style) {
  var words = {};
  String((style && style.style) || "").split(",").forEach(function (w) {
    w = w.trim();
    if (w) words[w] = true;
  });
  return words;
}

/* Drawing of a node type: what the Cytoscape style reads from data(). */
function nodeLook(type) {
  var s = (type && type.style) || {};
  var words = styleWords(s);
  var gvShape = s.shape || "ellipse";
  var shape = NODE_SHAPES[gvShape] || "ellipse";
  if (shape === "rectangle" && words.rounded) shape = "round-rectangle";
  var bare = gvShape === "plaintext" || gvShape === "plain" || gvShape === "none" ||
             gvShape === "underline";
  var filled = words.filled || words.radial || words.striped;
  var border = colour(s.color, "#000000");
  return {
    shape: shape,
    bg: filled ? colour(s.fillcolor, colour(s.color, "#d3d3d3")) : "#ffffff",
    bgOpacity: bare ? 0 : 1,
    border: border,
    bw: bare ? 0 : (words.bold ? 3 : (gvShape === "box3d" ? 4 : 1.5)),
    bs: words.dashed ? "dashed" : (words.dotted ? "dotted" :
        (gvShape === "box3d" && !words.bold ? "double" : "solid")),
    fg: colour(s.fontcolor, "#000000")
  };
}

function edgeLook(type) {
  var s = (type && type.style) || {};
  var words = styleWords(s);
  var head = ARROWS[s.arrowhead || "normal"] || ARROWS.normal;
  var dir = (type && type.symmetric) ? "none" : (s.dir || "forward");
  return {
    color: colour(s.color, "#000000"),
    ls: words.dashed ? "dashed" : (words.dotted ? "dotted" : "solid"),
    width: words.bold ? 3 : (words.invis ? 0 : 1.5),
    ta: dir === "forward" || dir === "both" ? head[0] : "none",
    sa: dir === "back" || dir === "both" ? head[0] : "none",
    af: head[1]
  };
}

/* Outline of a Cytoscape node shape in a box of w x h centred on 0,0, as
 * SVG path data; used for the legend and the SVG export. Approximate for
 * the curved shapes. */
var POLYGONS = {
  "cut-rectangle": [-1, -0.6, -0.6, -1, 0.6, -1, 1, -0.6, 1, 0.6, 0.6, 1, -0.6, 1, -1, 0.6],
  hexagon: [-1, 0, -0.5, -1, 0.5, -1, 1, 0, 0.5, 1, -0.5, 1],
  octagon: [-1, -0.41, -0.41, -1, 0.41, -1, 1, -0.41, 1, 0.41, 0.41, 1, -0.41, 1, -1, 0.41],
  heptagon: [0, -1, 0.78, -0.62, 0.97, 0.22, 0.43, 0.9, -0.43, 0.9, -0.97, 0.22, -0.78, -0.62],
  pentagon: [0, -1, 0.95, -0.31, 0.59, 0.81, -0.59, 0.81, -0.95, -0.31],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  tag: [-1, -1, 0.5, -1, 1, 0, 0.5, 1, -1, 1],
  diamond: [0, -1, 1, 0, 0, 1, -1, 0],
  triangle: [0, -1, 1, 1, -1, 1],
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  star: [0, -1, 0.22, -0.31, 0.95, -0.31, 0.36, 0.12, 0.59, 0.81, 0, 0.38, -0.59, 0.81,
         -0.36, 0.12, -0.95, -0.31, -0.22, -0.31]
};

function f2(x) { return (Math.round(x * 100) / 100).toString(); }

function shapePath(shape, w, h) {
  var hw = w / 2, hh = h / 2, r, p, i, d;
  if (shape === "ellipse") {
    return "M" + f2(-hw) + ",0A" + f2(hw) + "," + f2(hh) + " 0 1,0 " + f2(hw) + ",0A" +
           f2(hw) + "," + f2(hh) + " 0 1,0 " + f2(-hw) + ",0Z";
  }
  p = POLYGONS[shape];
  if (p) {
    d = "";
    for (i = 0; i < p.length; i += 2) d += (i ? "L" : "M") + f2(p[i] * hw) + "," + f2(p[i + 1] * hh);
    return d + "Z";
  }
  r = 0;
  if (shape === "round-rectangle" || shape === "barrel") r = Math.min(hw, hh) * 0.5;
  if (shape === "bottom-round-rectangle") {
    r = Math.min(hw, hh) * 0.5;
    return "M" + f2(-hw) + "," + f2(-hh) + "H" + f2(hw) + "V" + f2(hh - r) + "Q" + f2(hw) + "," +
           f2(hh) + " " + f2(hw - r) + "," + f2(hh) + "H" + f2(-hw + r) + "Q" + f2(-hw) + "," +
           f2(hh) + " " + f2(-hw) + "," + f2(hh - r) + "Z";
  }
  if (r === 0) return "M" + f2(-hw) + "," + f2(-hh) + "H" + f2(hw) + "V" + f2(hh) + "H" + f2(-hw) + "Z";
  return "M" + f2(-hw + r) + "," + f2(-hh) + "H" + f2(hw - r) + "Q" + f2(hw) + "," + f2(-hh) + " " +
         f2(hw) + "," + f2(-hh + r) + "V" + f2(hh - r) + "Q" + f2(hw) + "," + f2(hh) + " " +
         f2(hw - r) + "," + f2(hh) + "H" + f2(-hw + r) + "Q" + f2(-hw) + "," + f2(hh) + " " +
         f2(-hw) + "," + f2(hh - r) + "V" + f2(-hh + r) + "Q" + f2(-hw) + "," + f2(-hh) + " " +
         f2(-hw + r) + "," + f2(-hh) + "Z";
}

function dash(lineStyle, width) {
  if (lineStyle === "dashed") return (3 * width + 2) + " " + (2 * width + 2);
  if (lineStyle === "dotted") return width + " " + (width + 2);
  return null;
}

function nodeSwatch(look) {
  var svg = svgEl("svg", {width: 26, height: 18, viewBox: "-13 -9 26 18", "class": "swatch",
                          "aria-hidden": "true"});
  svg.appendChild(svgEl("path", {
    d: shapePath(look.shape, 22, 14), fill: look.bg, "fill-opacity": look.bgOpacity,
    stroke: look.border, "stroke-width": Math.min(look.bw, 2.5),
    "stroke-dasharray": dash(look.bs, 1.5)
  }));
  return svg;
}

function edgeSwatch(look) {
  var svg = svgEl("svg", {width: 26, height: 18, viewBox: "0 0 26 18", "class": "swatch",
                          "aria-hidden": "true"});
  var w = Math.max(look.width, 1);
  svg.appendChild(svgEl("line", {x1: 1, y1: 9, x2: look.ta === "none" ? 25 : 19, y2: 9,
                                 stroke: look.color, "stroke-width": w,
                                 "stroke-dasharray": dash(look.ls, w)}));
  if (look.ta !== "none") {
    svg.appendChild(svgEl("path", {d: "M18,4L25,9L18,14Z",
                                   fill: look.af === "hollow" ? "#ffffff" : look.color,
                                   stroke: look.color}));
  }
  return svg;
}

var measure = null;
/* Splits a label into lines of at most LABEL_WIDTH px, as Cytoscape's
 * "text-wrap: wrap" does (at spaces; a longer word stays whole). */
function wrapLines(text, fontSize) {
  if (!measure) measure = document.createElement("canvas").getContext("2d");
  measure.font = fontSize + "px " + FONT;
  var lines = [];
  String(text).split("\n").forEach(function (para) {
    var line = "";
    para.split(/ +/).forEach(function (word) {
      var next = line ? line + " " + word : word;
      if (line && measure.measureText(next).width > LABEL_WIDTH) {
        lines.push(line);
        line = word;
      } else {
        line = next;
      }
    });
    lines.push(line);
  });
  return lines;
}

/* How much larger than the text box each shape must be to hold it. */
var SHAPE_ROOM = {
  ellipse: [1.3, 1.4], hexagon: [1.35, 1.1], octagon: [1.25, 1.25], heptagon: [1.4, 1.4],
  pentagon: [1.5, 1.5], rhomboid: [1.5, 1.05], tag: [1.3, 1.05], diamond: [1.8, 1.8],
  triangle: [2, 2], vee: [2, 2], star: [2.4, 2.4], "cut-rectangle": [1.12, 1.15],
  barrel: [1.15, 1.1]
};

/* Drawn labels are cut after LABEL_MAX characters, with an ellipsis, at a
 * space when one is near; the details panel, the tooltip and search use
 * the whole label. Kept equal to KG_VIEWER_LABEL_MAX in kg's C code
 * (export_html_layout.h), which sizes the boxes it lays out. */
var LABEL_MAX = 40;
function shortLabel(text) {
  var chars = Array.from(String(text));
  if (chars.length <= LABEL_MAX) return String(text);
  var cut = chars.slice(0, LABEL_MAX - 1).join("");
  var space = cut.lastIndexOf(" ");
  if (space >= LABEL_MAX / 2) cut = cut.slice(0, space);
  return cut.replace(/[ ,;:.\-]+$/, "") + "\u2026";
}

/* Node width and height from its wrapped label, font size and padding
 * (Cytoscape's width: "label" is deprecated); also the label as drawn
 * (lines joined by newlines, so Cytoscape breaks it there at any font
 * size) and its box at that size (lw x lh), for placing labels. */
function nodeSize(d, pad, fs) {
  var lines = wrapLines(d.short, fs), w = 0;
  lines.forEach(function (l) { w = Math.max(w, measure.measureText(l).width); });
  var room = SHAPE_ROOM[d.shape] || [1, 1];
  var h = lines.length * fs * LINE_HEIGHT;
  return {w: Math.ceil(w * room[0] + 2 * pad), h: Math.ceil(h * room[1] + 2 * pad),
          lbl: lines.join("\n"), lw: Math.ceil(w), lh: Math.ceil(h)};
}

/* A self-loop's control points must lie outside its node, or Cytoscape
 * cannot draw it: step further out for a larger node. */
function loopStep(d) {
  return Math.round(Math.max(40, Math.max(d.w, d.h) * 0.6 + 20));
}

/* One style rule per entity or relation type, selected by a class
 * ("n0", "e3": types are named by index, as a type name need not be a
 * valid class). Cytoscape then parses each look once, instead of mapping
 * a dozen data fields for every element, which was most of its start-up
 * (docs/viewer.md). A rule sets only what differs from Cytoscape's
 * defaults (ellipses, solid lines and borders, opaque fill, black text, no
 * source arrow, filled arrowheads): Cytoscape applies every property of every
 * rule to each element it matches, one by one, with checks after each.
 * `nodeLooks` and `edgeLooks` map class to look. */
function typeRules(nodeLooks, edgeLooks, isLarge) {
  var rules = [];
  function unless(look, name, value, dflt) {
    if (value !== dflt) look[name] = value;
  }
  Object.keys(nodeLooks).forEach(function (cls) {
    var k = nodeLooks[cls];
    var look = {"background-color": k.bg, "border-color": k.border, "border-width": k.bw};
    unless(look, "shape", k.shape, "ellipse");
    unless(look, "background-opacity", k.bgOpacity, 1);
    unless(look, "border-style", k.bs, "solid");
    unless(look, "color", k.fg, "#000000");
    rules.push({selector: "node." + cls, style: look});
  });
  Object.keys(edgeLooks).forEach(function (cls) {
    var k = edgeLooks[cls];
    var look = {width: k.width, "line-color": k.color};
    unless(look, "line-style", k.ls, "solid");
    if (!isLarge) {
      if (k.ta !== "none") look["target-arrow-shape"] = k.ta;
      if (k.sa !== "none") look["source-arrow-shape"] = k.sa;
      if (k.ta !== "none") look["target-arrow-color"] = k.color;
      if (k.sa !== "none") look["source-arrow-color"] = k.color;
      if (k.ta !== "none") unless(look, "target-arrow-fill", k.af, "filled");
      if (k.sa !== "none") unless(look, "source-arrow-fill", k.af, "filled");
    }
    rules.push({selector: "edge." + cls, style: look});
  });
  return rules;
}

/* The Cytoscape style sheet: the types' looks by class (typeRules), each
 * node's size and font size from its data; classes mark the filters' and
 * the highlights' state. Cytoscape applies every property of every rule
 * an element matches, one by one, so what only labelled elements need
 * is in the rules for labels, not in those for every node and edge. */
function graphStyle(isLarge, nodeLooks, edgeLooks) {
  /* A large graph draws its edges as straight "haystack" lines without
   * arrowheads, Cytoscape's fastest edges (docs/viewer.md). */
  var fast = isLarge ? [{selector: "edge", style: {
    "curve-style": "haystack", "haystack-radius": 0, display: "none"}},
    /* ... and only the relations near the view or highlighted (app.js,
     * showEdgesNearView); ".hidden" below still wins. */
    {selector: "edge.near, edge.focus, edge.path", style: {display: "element"}}] : [];
  return [
    {selector: "node", style: {width: "data(w)", height: "data(h)"}},
    /* Straight lines, except where two relations join the same two
     * entities or one entity to itself ("bz", set in app.js): Cytoscape
     * draws a lone bezier edge straight anyway, but looks for its
     * parallel edges first, at every change. */
    {selector: "edge", style: {"curve-style": "straight", "arrow-scale": 1.2}},
    {selector: "edge.bz", style: {"curve-style": "bezier"}}
  ].concat(typeRules(nodeLooks, edgeLooks, isLarge), fast, [
    /* Only the labels placeLabels() chose are drawn (no two overlap). */
    {selector: "node.lab", style: {
      label: "data(lbl)", "font-size": "data(fs)", "font-family": FONT, "text-wrap": "wrap",
      "text-max-width": 100000, "text-valign": "center", "text-halign": "center",
      "line-height": LINE_HEIGHT
    }},
    /* Zoomed out, a chosen label keeps MIN_LABEL_PX on screen, outlined so
     * it reads over the lines behind it, like a town's name on a map. */
    {selector: "node.lab.big", style: {
      "font-size": "data(lfs)", color: "#000000", "text-outline-color": "#ffffff",
      "text-outline-width": "data(low)", "z-index": 20
    }},
    {selector: "edge:loop", style: {"control-point-step-size": "data(loop)",
                                    "loop-direction": "-45deg", "loop-sweep": "-90deg"}},
    {selector: "edge.labelled, edge.focus, edge.path", style: {
      label: "data(tl)", "font-size": 10, "font-family": FONT, color: "#333333",
      "text-rotation": "autorotate", "text-background-color": "#ffffff",
      "text-background-opacity": 0.85, "text-background-padding": 1
    }},
    {selector: ".hidden", style: {display: "none"}},
    {selector: ".faded", style: {opacity: 0.15}},
    {selector: "node.focus", style: {"underlay-color": "#ffbf00", "underlay-opacity": 0.55,
                                     "underlay-padding": 6}},
    {selector: "node.centre", style: {"underlay-color": "#ff7f00", "underlay-opacity": 0.8,
                                      "underlay-padding": 8}},
    {selector: "edge.focus", style: {"underlay-color": "#ffbf00", "underlay-opacity": 0.45,
                                     "underlay-padding": 3}},
    {selector: ".path", style: {"underlay-color": "#00b050", "underlay-opacity": 0.6,
                                "underlay-padding": 6}},
    {selector: ":selected", style: {"overlay-color": "#2e75b6", "overlay-opacity": 0.2,
                                    "overlay-padding": 4}}
  ]);
}
