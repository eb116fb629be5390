/* viewer.js - the kg viewer: reads the graph kg build embedded in
 * script element "kg-data", draws it with Cytoscape.js and wires the legend,
 * filters, date slider, search, shortest path, details panel, centrality
 * sizing and PNG/SVG export. Data is only ever put into the page as text
 * (textContent, value, setAttribute of non-URL attributes): never as HTML.
 * Inlined into every out/NAME.html by kg build; format in docs/viewer.md. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var LABEL_WIDTH = 150; /* px; longer labels wrap */
  /* Cytoscape accepts double quotes in font-family, not single ones. */
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
  var LINE_HEIGHT = 1.2;
  /* The elements of `eles` the filters leave shown. Not ":visible":
   * Cytoscape updates that lazily, after a class change has been drawn. */
  function shown(eles) {
    return eles.filter(function (e) { return !e.hasClass("hidden"); });
  }

  /* ---- small DOM helpers (text only) --------------------------------- */

  function $(id) { return document.getElementById(id); }

  /* el("p", {className: "x"}, "text", childNode...): children that are
   * strings become text nodes, so data can never become markup. */
  function el(tag, props) {
    var node = document.createElement(tag);
    var key;
    for (key in props || {}) {
      if (Object.prototype.hasOwnProperty.call(props, key)) node[key] = props[key];
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined) return;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function humanType(name) { return String(name).replace(/_/g, " "); }

  /* Lower case without accents, for matching names typed by a reader. */
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  /* Only http(s) links are made clickable: a data set could hold a
   * "javascript:" URL. */
  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  /* A seeded generator (mulberry32), so the layout is the same at every
   * load: Cytoscape's cose layout draws from Math.random. */
  function seededRandom(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* ---- dates: YYYYMMDD integers as kg writes them -------------------- */

  function dayToTime(yyyymmdd) {
    var y = Math.floor(yyyymmdd / 10000), m = Math.floor(yyyymmdd / 100) % 100, d = yyyymmdd % 100;
    var t = new Date(0);
    t.setUTCFullYear(y, m - 1, d);
    return Math.floor(t.getTime() / 86400000);
  }

  function timeToDay(days) {
    var t = new Date(days * 86400000);
    return t.getUTCFullYear() * 10000 + (t.getUTCMonth() + 1) * 100 + t.getUTCDate();
  }

  function dayText(yyyymmdd) {
    var s = String(yyyymmdd);
    while (s.length < 8) s = "0" + s;
    return s.slice(0, 4) + "-" + s.slice(4, 6) + "-" + s.slice(6, 8);
  }

  /* An element (node or edge data) holds on `day` when its [start, end]
   * span, each end taken at its precision, includes that day. */
  function holdsOn(d, day) {
    if (day === null) return true;
    if (typeof d.start_day === "number" && d.start_day > day) return false;
    if (typeof d.end_day === "number" && d.end_day < day) return false;
    return true;
  }

  function datesText(d) {
    if (d.start && d.end) return d.start + " \u2013 " + d.end;
    if (d.start) return "from " + d.start;
    if (d.end) return "until " + d.end;
    return null;
  }

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

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    for (var key in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, key) && attrs[key] !== null) {
        node.setAttribute(key, String(attrs[key]));
      }
    }
    return node;
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

  /* ---- the model --------------------------------------------------- */

  var data = JSON.parse($("kg-data").textContent);
  var nodeTypes = {}, edgeTypes = {}, sources = {};
  (data.node_types || []).forEach(function (t) { nodeTypes[t.name] = t; });
  (data.edge_types || []).forEach(function (t) { edgeTypes[t.name] = t; });
  (data.sources || []).forEach(function (s) { sources[s.id] = s; });

  var nodeLooks = {}, edgeLooks = {};
  function lookOfNodeType(name) {
    if (!nodeLooks[name]) nodeLooks[name] = nodeLook(nodeTypes[name]);
    return nodeLooks[name];
  }
  function lookOfEdgeType(name) {
    if (!edgeLooks[name]) edgeLooks[name] = edgeLook(edgeTypes[name]);
    return edgeLooks[name];
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

  /* Node width and height from its wrapped label, font size and padding
   * (Cytoscape's width: "label" is deprecated). */
  function nodeSize(d, pad, fs) {
    var lines = wrapLines(d.label, fs), w = 0;
    lines.forEach(function (l) { w = Math.max(w, measure.measureText(l).width); });
    var room = SHAPE_ROOM[d.shape] || [1, 1];
    return {w: Math.ceil(w * room[0] + 2 * pad), h: Math.ceil(lines.length * fs * LINE_HEIGHT * room[1] + 2 * pad)};
  }

  var elements = [];
  data.nodes.forEach(function (n) {
    var look = lookOfNodeType(n.type);
    var d = Object.assign({}, n, {
      shape: look.shape, bg: look.bg, bgo: look.bgOpacity, border: look.border, bw: look.bw,
      bs: look.bs, fg: look.fg, pad: 6, fs: 12, score: null
    });
    var size = nodeSize(d, d.pad, d.fs);
    d.w = size.w;
    d.h = size.h;
    elements.push({group: "nodes", data: d});
  });
  var sizeOf = {};
  elements.forEach(function (x) { sizeOf[x.data.id] = x.data; });
  data.edges.forEach(function (e) {
    var look = lookOfEdgeType(e.type);
    elements.push({group: "edges", data: Object.assign({}, e, {
      color: look.color, ls: look.ls, width: look.width, ta: look.ta, sa: look.sa, af: look.af,
      tl: humanType(e.type), loop: e.source === e.target ? loopStep(sizeOf[e.source]) : 40
    })});
  });

  /* A self-loop's control points must lie outside its node, or Cytoscape
   * cannot draw it: step further out for a larger node. */
  function loopStep(d) {
    return Math.round(Math.max(40, Math.max(d.w, d.h) * 0.6 + 20));
  }

  var cy = cytoscape({
    container: $("cy"),
    elements: elements,
    minZoom: 0.05,
    maxZoom: 6,
    boxSelectionEnabled: false,
    style: [
      {selector: "node", style: {
        shape: "data(shape)", "background-color": "data(bg)", "background-opacity": "data(bgo)",
        "border-color": "data(border)", "border-width": "data(bw)", "border-style": "data(bs)",
        label: "data(label)", color: "data(fg)", "font-size": "data(fs)", "font-family": FONT,
        "text-wrap": "wrap", "text-max-width": LABEL_WIDTH, "text-valign": "center",
        "text-halign": "center", "line-height": LINE_HEIGHT, width: "data(w)", height: "data(h)",
        "min-zoomed-font-size": 5
      }},
      {selector: "node.landmark", style: {
        "font-size": "data(lfs)", color: "#000000", "text-outline-color": "#ffffff",
        "text-outline-width": "data(low)", "text-wrap": "none", "min-zoomed-font-size": 0,
        "z-index": 20
      }},
      {selector: "edge", style: {
        "curve-style": "bezier", width: "data(width)", "line-color": "data(color)",
        "line-style": "data(ls)", "target-arrow-shape": "data(ta)",
        "source-arrow-shape": "data(sa)", "target-arrow-color": "data(color)",
        "source-arrow-color": "data(color)", "target-arrow-fill": "data(af)",
        "source-arrow-fill": "data(af)", "arrow-scale": 1.2, "font-size": 10,
        "font-family": FONT, color: "#333333", "text-rotation": "autorotate",
        "text-background-color": "#ffffff", "text-background-opacity": 0.85,
        "text-background-padding": 1, "loop-direction": "-45deg", "loop-sweep": "-90deg"
      }},
      {selector: "edge:loop", style: {"control-point-step-size": "data(loop)"}},
      {selector: "edge.labelled, edge.focus, edge.path", style: {label: "data(tl)"}},
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
    ]
  });

  /* ---- layout ------------------------------------------------------ */

  /* cose (force-directed, built into Cytoscape) from a fixed spiral start
   * with a seeded Math.random: the same page draws the same picture. It
   * separates connected components, so clusters stand apart. */
  function layout(eles) {
    var nodes = eles.nodes();
    nodes.forEach(function (n, i) {
      var r = 60 * Math.sqrt(i), a = i * 2.399963;
      n.position({x: r * Math.cos(a), y: r * Math.sin(a)});
    });
    var saved = Math.random;
    Math.random = seededRandom(20240611);
    try {
      eles.layout({
        name: "cose", animate: false, randomize: false, fit: true, padding: 30,
        nodeDimensionsIncludeLabels: true, idealEdgeLength: function () { return 60; },
        nodeRepulsion: function () { return 8000000; }, edgeElasticity: function () { return 32; },
        nodeOverlap: 4, gravity: 0.25, componentSpacing: 80, numIter: 1000
      }).run();
    } finally {
      Math.random = saved;
    }
  }

  /* ---- state: filters and date --------------------------------------- */

  var nodeTypeOn = {}, edgeTypeOn = {};
  data.nodes.forEach(function (n) { nodeTypeOn[n.type] = true; });
  data.edges.forEach(function (e) { edgeTypeOn[e.type] = true; });

  var dateDomain = null; /* [first, last] in days since 1970 */
  (function () {
    var lo = Infinity, hi = -Infinity;
    function see(v) {
      if (typeof v !== "number") return;
      var t = dayToTime(v);
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    }
    data.nodes.concat(data.edges).forEach(function (d) { see(d.start_day); see(d.end_day); });
    if (lo <= hi) dateDomain = [lo - 31, hi + 31];
  })();

  function currentDay() {
    if (!dateDomain || !$("date-on").checked) return null;
    return timeToDay(Number($("date").value));
  }

  function applyFilters() {
    var day = currentDay();
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        n.toggleClass("hidden", !(nodeTypeOn[n.data("type")] && holdsOn(n.data(), day)));
      });
      cy.edges().forEach(function (e) {
        var show = edgeTypeOn[e.data("type")] && holdsOn(e.data(), day) &&
                   !e.source().hasClass("hidden") && !e.target().hasClass("hidden");
        e.toggleClass("hidden", !show);
      });
    });
    $("date-label").value = day === null ? (dateDomain ? "(all dates)" : "") : dayText(day);
    updateCounts();
    applyCentrality();
    if (focused && focused.hasClass("hidden")) unfocus();
  }

  function updateCounts() {
    var vn = shown(cy.nodes()).length, ve = shown(cy.edges()).length;
    $("count-nodes").textContent = vn === cy.nodes().length ? String(vn) : vn + " of " + cy.nodes().length;
    $("count-edges").textContent = ve === cy.edges().length ? String(ve) : ve + " of " + cy.edges().length;
    $("counts").dataset.nodes = String(vn);
    $("counts").dataset.edges = String(ve);
  }

  /* ---- centrality -------------------------------------------------- */

  var centralityName = {none: null, degree: "degree", betweenness: "betweenness",
                        pagerank: "PageRank"};

  function applyCentrality() {
    var kind = $("centrality").value;
    var eles = shown(cy.elements());
    var score = null, max = 0;
    if (kind === "degree") {
      var dc = eles.degreeCentralityNormalized({directed: false});
      score = function (n) { return dc.degree(n); };
    } else if (kind === "betweenness") {
      var bc = eles.betweennessCentrality({directed: false});
      score = function (n) { return bc.betweennessNormalized(n); };
    } else if (kind === "pagerank") {
      var pr = eles.pageRank();
      score = function (n) { return pr.rank(n); };
    }
    var visible = eles.nodes();
    var values = {};
    if (score) {
      visible.forEach(function (n) {
        var v = score(n);
        v = isFinite(v) ? v : 0;
        values[n.id()] = v;
        if (v > max) max = v;
      });
    }
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        var has = score && Object.prototype.hasOwnProperty.call(values, n.id());
        var v = has ? values[n.id()] : null;
        var k = has && max > 0 ? v / max : 0;
        var pad = score ? 4 + 26 * k : 6, fs = score ? 11 + 8 * k : 12;
        var size = nodeSize(n.data(), pad, fs);
        n.data({score: v, pad: pad, fs: fs, w: size.w, h: size.h});
        n.connectedEdges(":loop").data("loop", loopStep(n.data()));
      });
    });
    if (inPanel && inPanel.isNode()) showNode(inPanel);
  }

  /* ---- focus: neighbourhood highlight ------------------------------ */

  var focused = null; /* the element whose neighbourhood is highlighted */
  var inPanel = null; /* the element in the details panel */

  function unfocus() {
    focused = null;
    cy.elements().removeClass("faded focus centre path");
  }

  function focusNode(n) {
    unfocus();
    focused = n;
    var hood = shown(n.closedNeighborhood());
    cy.batch(function () {
      cy.elements().not(hood).addClass("faded");
      hood.addClass("focus");
      n.addClass("centre");
    });
  }

  function focusEdge(e) {
    unfocus();
    focused = e;
    var hood = e.union(e.connectedNodes());
    cy.batch(function () {
      cy.elements().not(hood).addClass("faded");
      hood.addClass("focus");
    });
  }

  /* ---- names: search, autocomplete, path ends ---------------------- */

  var names = []; /* {key: folded name, node: id, text: name as written} */
  data.nodes.forEach(function (n) {
    names.push({key: fold(n.label), node: n.id, text: n.label});
    (n.aliases || []).forEach(function (a) { names.push({key: fold(a), node: n.id, text: a}); });
    names.push({key: fold(n.id), node: n.id, text: n.id});
  });

  (function fillDatalist() {
    var list = $("names"), seen = {};
    data.nodes.forEach(function (n) {
      [n.label].concat(n.aliases || []).forEach(function (name, i) {
        if (seen[name]) return;
        seen[name] = true;
        var opt = document.createElement("option");
        opt.value = name;
        opt.label = i === 0 ? humanType(n.type) : "alias of " + n.label;
        list.appendChild(opt);
      });
    });
  })();

  /* The node a reader means by `query`: an exact name or alias first,
   * then one that starts with it, then one that contains it. */
  function resolve(query) {
    var q = fold(query), i;
    if (!q) return null;
    var tests = [
      function (k) { return k === q; },
      function (k) { return k.indexOf(q) === 0; },
      function (k) { return k.indexOf(q) >= 0; }
    ];
    for (var t = 0; t < tests.length; t++) {
      for (i = 0; i < names.length; i++) {
        if (tests[t](names[i].key)) return {node: cy.getElementById(names[i].node), via: names[i].text};
      }
    }
    return null;
  }

  function search(query) {
    var status = $("search-status");
    var hit = resolve(query);
    status.classList.toggle("miss", !hit);
    if (!hit) {
      status.value = "no entity matches \u201c" + query + "\u201d";
      return null;
    }
    var n = hit.node;
    var via = hit.via === n.data("label") ? "" : " (as \u201c" + hit.via + "\u201d)";
    status.value = "found " + n.data("label") + via +
                   (n.hasClass("hidden") ? " \u2014 hidden by the filters" : "");
    select(n);
    if (!n.hasClass("hidden")) glideTo(shown(n.closedNeighborhood()), 80);
    return n;
  }

  /* Moves the view to show eles. A new move replaces one under way rather
   * than queueing behind it, so the view ends where the last action put it. */
  function glideTo(eles, padding) {
    cy.stop(true, true);
    cy.animate({fit: {eles: eles, padding: padding}}, {duration: 250});
  }

  function select(ele) {
    cy.elements().unselect();
    if (ele.isNode()) {
      if (!ele.hasClass("hidden")) focusNode(ele);
      showNode(ele);
    } else {
      if (!ele.hasClass("hidden")) focusEdge(ele);
      showEdge(ele);
    }
    if (!ele.hasClass("hidden")) ele.select();
  }

  /* ---- shortest path ----------------------------------------------- */

  function findPath() {
    var out = $("path-result");
    clear(out);
    var a = resolve($("path-from").value), b = resolve($("path-to").value);
    if (!a || !b) {
      out.appendChild(el("p", {className: "error"}, !a ? "Choose where the path starts."
                                                          : "Choose where the path ends."));
      return;
    }
    a = a.node;
    b = b.node;
    var eles = shown(cy.elements());
    if (a.hasClass("hidden") || b.hasClass("hidden")) {
      out.appendChild(el("p", {className: "error"}, "An end is hidden by the filters."));
      return;
    }
    var directed = $("path-directed").checked;
    var dj = eles.dijkstra({root: a, directed: directed});
    if (!isFinite(dj.distanceTo(b))) {
      out.appendChild(el("p", {className: "error"},
                         "No path from " + a.data("label") + " to " + b.data("label") +
                         (directed ? " following the arrows" : "") + " in the visible graph."));
      unfocus();
      return;
    }
    var path = dj.pathTo(b);
    unfocus();
    cy.batch(function () {
      cy.elements().not(path).addClass("faded");
      path.addClass("path");
    });
    var steps = path.edges().length;
    out.appendChild(el("p", null, steps + (steps === 1 ? " step:" : " steps:")));
    var list = el("ol");
    var prev = a;
    path.forEach(function (ele) {
      if (!ele.isEdge()) return;
      var forward = ele.source().same(prev);
      var next = forward ? ele.target() : ele.source();
      list.appendChild(el("li", null, prev.data("label") + " ", relationLink(ele, forward), " " +
                          next.data("label")));
      prev = next;
    });
    out.appendChild(list);
    glideTo(path, 60);
  }

  function relationLink(e, forward) {
    var t = edgeTypes[e.data("type")] || {};
    var text = forward || t.symmetric ? humanType(e.data("type")) :
               (t.inverse ? humanType(t.inverse) : "\u2190 " + humanType(e.data("type")));
    return el("button", {className: "link", type: "button", onclick: function () { select(e); }},
              text);
  }

  function nodeLink(n) {
    return el("button", {className: "link", type: "button", onclick: function () { select(n); }},
              n.data("label"));
  }

  /* ---- details panel ----------------------------------------------- */

  function definitions(rows) {
    var dl = el("dl");
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "") return;
      dl.appendChild(el("dt", null, r[0]));
      dl.appendChild(el("dd", null, r[1]));
    });
    return dl;
  }

  function attributeRows(attrs) {
    return Object.keys(attrs || {}).sort().map(function (k) { return [k, String(attrs[k])]; });
  }

  function evidenceBlock(evidence) {
    var box = el("div", {className: "evidence"});
    if (!evidence || evidence.length === 0) return box;
    box.appendChild(el("h2", null, evidence.length === 1 ? "Evidence" : "Evidence (" + evidence.length + ")"));
    evidence.forEach(function (ev) {
      var src = sources[ev.source] || {id: ev.source};
      box.appendChild(el("blockquote", {className: "quote"}, ev.quote));
      var cite = el("p", {className: "cite"}, "\u2014 ");
      var title = src.title || src.id;
      var url = safeUrl(src.url);
      if (url) {
        var a = el("a", {target: "_blank", rel: "noopener noreferrer"}, title);
        a.setAttribute("href", url);
        cite.appendChild(a);
      } else {
        cite.appendChild(document.createTextNode(title));
      }
      if (src.file) cite.appendChild(document.createTextNode(" (" + src.file + ")"));
      box.appendChild(cite);
    });
    return box;
  }

  function kindLine(swatch, typeName, description) {
    return el("p", {className: "kind"}, swatch, el("strong", null, humanType(typeName)),
              description ? el("span", {className: "muted"}, "\u2014 " + description) : null);
  }

  function showNode(n) {
    inPanel = n;
    var d = n.data(), panel = $("panel"), t = nodeTypes[d.type] || {};
    clear(panel);
    panel.dataset.showing = d.id;
    panel.appendChild(el("h2", {className: "title"}, d.label));
    panel.appendChild(kindLine(nodeSwatch(lookOfNodeType(d.type)), d.type, t.description));
    var kind = $("centrality").value;
    panel.appendChild(definitions([
      ["id", d.id],
      ["also called", (d.aliases || []).join("; ")],
      ["dates", datesText(d)],
      ["description", d.description],
      [centralityName[kind] || "", d.score === null || !centralityName[kind] ? null :
                                   Number(d.score).toPrecision(3)]
    ].concat(attributeRows(d.attributes))));
    panel.appendChild(evidenceBlock(d.evidence));
    var rel = n.connectedEdges();
    if (rel.length) {
      panel.appendChild(el("h2", null, "Relations (" + rel.length + ")"));
      var list = el("ul", {className: "relations"});
      rel.forEach(function (e) {
        var forward = e.source().same(n);
        var other = forward ? e.target() : e.source();
        list.appendChild(el("li", {className: e.hasClass("hidden") ? "muted" : ""},
                            relationLink(e, forward), " ", nodeLink(other)));
      });
      panel.appendChild(list);
    }
  }

  function showEdge(e) {
    inPanel = e;
    var d = e.data(), panel = $("panel"), t = edgeTypes[d.type] || {};
    clear(panel);
    panel.dataset.showing = d.id;
    panel.appendChild(el("h2", {className: "title"}, nodeLink(e.source()), " ",
                         humanType(d.type), " ", nodeLink(e.target())));
    panel.appendChild(kindLine(edgeSwatch(lookOfEdgeType(d.type)), d.type, t.description));
    panel.appendChild(definitions([
      ["id", d.id],
      ["reads back", t.inverse ? e.target().data("label") + " " + humanType(t.inverse) + " " +
                                 e.source().data("label") : null],
      ["dates", datesText(d)]
    ].concat(attributeRows(d.attributes))));
    panel.appendChild(evidenceBlock(d.evidence));
  }

  function showAbout() {
    inPanel = null;
    var panel = $("panel");
    clear(panel);
    delete panel.dataset.showing;
    panel.appendChild(el("h2", {className: "title"}, data.title || data.name || "Graph"));
    if (data.description) panel.appendChild(el("p", null, data.description));
    panel.appendChild(el("p", {className: "muted"},
      "Click an entity or a relation to see its attributes, dates and evidence. " +
      "Drag to pan, scroll to zoom; Escape clears the highlight."));
    if ((data.sources || []).length) {
      panel.appendChild(el("h2", null, "Sources"));
      var list = el("ul");
      data.sources.forEach(function (s) {
        var url = safeUrl(s.url), li = el("li");
        if (url) {
          var a = el("a", {target: "_blank", rel: "noopener noreferrer"}, s.title || s.id);
          a.setAttribute("href", url);
          li.appendChild(a);
        } else {
          li.appendChild(document.createTextNode(s.title || s.id));
        }
        if (s.retrieved) li.appendChild(document.createTextNode(" (retrieved " + s.retrieved + ")"));
        list.appendChild(li);
      });
      panel.appendChild(list);
    }
  }

  /* ---- legend and filters ------------------------------------------ */

  function legend(listId, counts, types, swatchOf, on) {
    var list = $(listId);
    Object.keys(counts).sort().forEach(function (name) {
      var box = el("input", {type: "checkbox", checked: true});
      box.dataset.type = name;
      box.addEventListener("change", function () {
        on[name] = box.checked;
        applyFilters();
      });
      var t = types[name] || {};
      var label = el("label", {title: t.description || ""}, box, swatchOf(name),
                     el("span", {className: "name"}, humanType(name)),
                     el("span", {className: "count"}, String(counts[name])));
      list.appendChild(el("li", null, label));
    });
  }

  function countBy(items) {
    var c = {};
    items.forEach(function (x) { c[x.type] = (c[x.type] || 0) + 1; });
    return c;
  }

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
      var d = e.data();
      var g = svgEl("g", {"class": "edge", opacity: e.hasClass("faded") ? 0.15 : null});
      var t = svgEl("title", {});
      t.textContent = e.source().data("label") + " " + humanType(d.type) + " " + e.target().data("label");
      g.appendChild(t);
      g.appendChild(svgEl("path", {
        d: edgePathData(e), fill: "none", stroke: d.color, "stroke-width": d.width,
        "stroke-dasharray": dash(d.ls, d.width),
        "marker-end": d.ta === "none" ? null : marker(d.ta, d.af, d.color),
        "marker-start": d.sa === "none" ? null : marker(d.sa, d.af, d.color)
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
      var d = n.data(), p = n.position();
      var w = d.w, h = d.h;
      var g = svgEl("g", {"class": "node", transform: "translate(" + f2(p.x) + "," + f2(p.y) + ")",
                          opacity: n.hasClass("faded") ? 0.15 : null});
      g.appendChild(svgEl("path", {d: shapePath(d.shape, w, h), fill: d.bg, "fill-opacity": d.bgo,
                                   stroke: d.border, "stroke-width": d.bw === 4 ? 2 : d.bw,
                                   "stroke-dasharray": dash(d.bs, d.bw)}));
      var lines = wrapLines(d.label, d.fs);
      var text = svgEl("text", {"font-size": f2(d.fs), "font-family": FONT, fill: d.fg,
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

  /* ---- wiring ------------------------------------------------------ */

  function init() {
    var title = data.title || data.name || "Graph";
    $("title").textContent = title;
    document.title = title;
    legend("node-types", countBy(data.nodes), nodeTypes,
           function (name) { return nodeSwatch(lookOfNodeType(name)); }, nodeTypeOn);
    legend("edge-types", countBy(data.edges), edgeTypes,
           function (name) { return edgeSwatch(lookOfEdgeType(name)); }, edgeTypeOn);

    if (dateDomain) {
      var slider = $("date");
      slider.min = String(dateDomain[0]);
      slider.max = String(dateDomain[1]);
      slider.value = String(dateDomain[1]);
      slider.addEventListener("input", function () {
        $("date-on").checked = true;
        applyFilters();
      });
      $("date-on").addEventListener("change", applyFilters);
    } else {
      $("date-section").hidden = true;
    }

    $("search-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      search($("search").value);
    });
    $("search").addEventListener("input", function (ev) {
      /* Picking a suggestion from the list: go there at once. */
      if (ev.inputType === "insertReplacementText" || ev.inputType === undefined) {
        if ($("search").value) search($("search").value);
      }
    });
    $("centrality").addEventListener("change", applyCentrality);
    $("edge-labels").addEventListener("change", function () {
      cy.edges().toggleClass("labelled", $("edge-labels").checked);
    });
    $("fit").addEventListener("click", function () {
      cy.stop(true, true);
      cy.fit(shown(cy.elements()), 30);
    });
    $("zoom-in").addEventListener("click", function () { zoomBy(1.25); });
    $("zoom-out").addEventListener("click", function () { zoomBy(0.8); });
    $("relayout").addEventListener("click", function () { layout(shown(cy.elements())); });
    $("export-png").addEventListener("click", exportPng);
    $("export-svg").addEventListener("click", exportSvg);
    $("path-find").addEventListener("click", findPath);
    $("path-clear").addEventListener("click", function () {
      clear($("path-result"));
      unfocus();
    });

    cy.on("tap", "node, edge", function (ev) { select(ev.target); });
    /* A label at the pointer, readable however far the view is zoomed out. */
    var tip = $("tip");
    cy.on("mouseover", "node, edge", function (ev) {
      var d = ev.target.data();
      tip.textContent = ev.target.isNode() ? d.label + " (" + humanType(d.type) + ")" :
        ev.target.source().data("label") + " " + humanType(d.type) + " " + ev.target.target().data("label");
      tip.hidden = false;
    });
    cy.on("mousemove", function (ev) {
      if (tip.hidden || !ev.renderedPosition) return;
      tip.style.left = ev.renderedPosition.x + 14 + "px";
      tip.style.top = ev.renderedPosition.y + 14 + "px";
    });
    cy.on("mouseout viewport", function () { tip.hidden = true; });
    cy.on("zoom", function () {
      if (!landmarkFrame) landmarkFrame = requestAnimationFrame(updateLandmarks);
    });
    cy.on("tap", function (ev) {
      if (ev.target === cy) {
        unfocus();
        showAbout();
      }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") {
        unfocus();
        cy.elements().unselect();
      }
    });

    /* Cytoscape measures its container only on window resizes; the tool
     * bar can change height (a long search result wraps), so watch it. */
    if (window.ResizeObserver) new ResizeObserver(function () { cy.resize(); }).observe($("cy"));

    layout(cy.elements());
    updateLandmarks();
    applyFilters();
    showAbout();
    document.body.dataset.ready = "true";
  }

  /* Zoomed out on a large graph, labels become specks (and are not drawn
   * below 5 px). The best-connected entities then keep a label of about
   * 12 px on screen, like the towns on a map, so the overview reads. */
  var landmarks = null, landmarkFrame = 0;
  function updateLandmarks() {
    landmarkFrame = 0;
    if (!landmarks) {
      var ranked = cy.nodes().sort(function (a, b) {
        return b.degree(false) - a.degree(false) || (a.id() < b.id() ? -1 : 1);
      });
      landmarks = ranked.slice(0, Math.min(10, Math.ceil(ranked.length / 10)));
    }
    var z = cy.zoom();
    cy.batch(function () {
      if (z * 12 >= 9) {
        landmarks.removeClass("landmark");
      } else {
        landmarks.data({lfs: Math.round(12 / z), low: Math.round(20 / z) / 10});
        landmarks.addClass("landmark");
      }
    });
  }

  function zoomBy(factor) {
    cy.stop(true, true);
    cy.zoom({level: cy.zoom() * factor, renderedPosition: {x: cy.width() / 2, y: cy.height() / 2}});
  }

  /* For scripts and tests: the Cytoscape instance, the data and the
   * actions the page's controls perform. */
  window.kgViewer = {
    cy: cy, data: data, search: search, select: select, applyFilters: applyFilters,
    svgString: svgString, layout: layout, holdsOn: holdsOn
  };

  init();
})();
