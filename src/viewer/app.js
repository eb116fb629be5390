/* app.js - the kg viewer's start-up: reads the graph kg build embedded in
 * script element "kg-data", draws it with Cytoscape.js and wires the legend,
 * filters, date slider, search, shortest path, details panel, centrality
 * sizing and export. Data is only ever put into the page as text
 * (textContent, value, setAttribute of non-URL attributes): never as HTML.
 * Runs last; the other files only define functions and constants. */

/* The elements of `eles` the filters leave shown. Not ":visible":
 * Cytoscape updates that lazily, after a class change has been drawn. */
function shown(eles) {
  return eles.filter(function (e) { return !e.hasClass("hidden"); });
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

/* Each type's look is one style rule, selected by a class per type
 * (typeRules in styles.js); the elements carry only what differs per
 * element: size, font size, the label as drawn. */
var nodeClassOf = {}, edgeClassOf = {}, nodeClassLooks = {}, edgeClassLooks = {};
function nodeClass(name) {
  if (!nodeClassOf[name]) {
    nodeClassOf[name] = "n" + Object.keys(nodeClassOf).length;
    nodeClassLooks[nodeClassOf[name]] = lookOfNodeType(name);
  }
  return nodeClassOf[name];
}
function edgeClass(name) {
  if (!edgeClassOf[name]) {
    edgeClassOf[name] = "e" + Object.keys(edgeClassOf).length;
    edgeClassLooks[edgeClassOf[name]] = lookOfEdgeType(name);
  }
  return edgeClassOf[name];
}

var elements = [];
data.nodes.forEach(function (n) {
  var d = Object.assign({}, n, {
    shape: lookOfNodeType(n.type).shape, pad: 6, fs: 12, score: null, short: shortLabel(n.label)
  });
  Object.assign(d, nodeSize(d, d.pad, d.fs));
  /* Where kg build placed the node (Graphviz sfdp); the page does not lay
   * the graph out before drawing it. */
  var at = typeof n.x === "number" ? {x: n.x, y: n.y} : undefined;
  elements.push({group: "nodes", data: d, position: at, classes: nodeClass(n.type)});
});
var hasPositions = data.nodes.length > 0 && typeof data.nodes[0].x === "number";
/* Large graphs: Cytoscape's WebGL renderer where the browser has WebGL
 * in hardware, and no edges while the view moves. */
var LARGE = 2000;
var isLarge = data.nodes.length + data.edges.length > LARGE;
var sizeOf = {};
elements.forEach(function (x) { sizeOf[x.data.id] = x.data; });
/* A large graph's first screen shows the entities and their labels; its
 * relations follow in chunks after that first frame (addLaterEdges):
 * styling 20,000 of them was most of the wait, and zoomed out they are
 * not drawn anyway (showEdgesNearView). */
var laterEdges = [], laterAt = 0;
/* Relations between the same two entities, and self-loops, are drawn
 * as curves (class "bz"), the others as straight lines (styles.js); a
 * large graph draws every relation as a straight "haystack" line. */
var pairCount = {};
function pairKey(e) { return e.source < e.target ? e.source + "\n" + e.target : e.target + "\n" + e.source; }
if (!isLarge) data.edges.forEach(function (e) { pairCount[pairKey(e)] = (pairCount[pairKey(e)] || 0) + 1; });
data.edges.forEach(function (e) {
  var loop = e.source === e.target, bz = !isLarge && (loop || pairCount[pairKey(e)] > 1);
  (isLarge ? laterEdges : elements).push({group: "edges", classes: edgeClass(e.type) + (bz ? " bz" : ""),
    data: Object.assign({}, e, {tl: humanType(e.type), loop: loop ? loopStep(sizeOf[e.source]) : 40})});
});
/* Relations per entity, not counting self-loops (Cytoscape's
 * degree(false)), from the data: the labels are ranked by it before a
 * large graph's relations are in. */
var degreeOf = {};
data.edges.forEach(function (e) {
  if (e.source === e.target) return;
  degreeOf[e.source] = (degreeOf[e.source] || 0) + 1;
  degreeOf[e.target] = (degreeOf[e.target] || 0) + 1;
});

/* The view that fits every node's box, with `padding` px around, in the
 * drawing area: what cy.fit() gives, computed from the positions and
 * sizes before Cytoscape exists, so it need not measure every element
 * (and a default grid layout need not run) before its first frame. */
function fitView(padding) {
  var box = $("cy"), W = box.clientWidth, H = box.clientHeight;
  var x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  elements.forEach(function (x) {
    if (!x.position) return;
    var d = x.data;
    x1 = Math.min(x1, x.position.x - d.w / 2);
    x2 = Math.max(x2, x.position.x + d.w / 2);
    y1 = Math.min(y1, x.position.y - d.h / 2);
    y2 = Math.max(y2, x.position.y + d.h / 2);
  });
  if (!(x1 < x2) || W <= 2 * padding || H <= 2 * padding) return {zoom: 1, pan: {x: 0, y: 0}};
  var zoom = Math.min((W - 2 * padding) / (x2 - x1), (H - 2 * padding) / (y2 - y1), 6);
  zoom = Math.max(zoom, 0.01);
  return {zoom: zoom, pan: {x: (W - zoom * (x1 + x2)) / 2, y: (H - zoom * (y1 + y2)) / 2}};
}
var view = hasPositions ? fitView(30) : {zoom: 1, pan: {x: 0, y: 0}};

var cy = cytoscape({
  container: $("cy"),
  elements: elements,
  /* kg build's positions as they are: without a layout Cytoscape would
   * run its default grid layout over them. */
  layout: {name: "preset", fit: false},
  zoom: view.zoom,
  pan: view.pan,
  minZoom: 0.01,
  maxZoom: 6,
  boxSelectionEnabled: false,
  hideEdgesOnViewport: isLarge,
  pixelRatio: isLarge ? 1 : "auto",
  textureOnViewport: isLarge,
  renderer: isLarge && hasWebgl() ? {name: "canvas", webgl: true} : undefined,
  style: graphStyle(isLarge, nodeClassLooks, edgeClassLooks)
});
/* The size of the drawing area Cytoscape measured (see init). */
var cySize = $("cy").clientWidth + "x" + $("cy").clientHeight;

/* The first frame drawn directly. Cytoscape.js's canvas renderer draws
 * each frame from caches: each entity into a texture of its own, then
 * every element into one layer canvas per zoom level, then the layer
 * onto the screen. That pays from the second frame on (a pan redraws
 * the layer); on the first, which fills every cache, it was about half
 * the frame (tests/browser/profile.mjs: the layers, each element's
 * texture and its bounding boxes, one per label), where drawing the
 * elements one by one, as Cytoscape.js itself does for an element it does
 * not cache, takes much less. So the first frame draws directly and the
 * caches take over after it (init asks for that frame at once); the layers
 * then fill in the background as they do after any change (at their first
 * use they would draw every element into the layer at once). Cytoscape.js's internals (3.34,
 * src/extensions/renderer/canvas): where they are not found, nothing is
 * changed. */
function drawFirstFrameDirectly() {
  var r = cy.renderer(), layers = r && r.data && r.data.lyrTxrCache;
  if (!layers || layers.firstGet !== true || typeof r.drawLayeredElements !== "function" ||
      typeof r.drawElements !== "function") {
    return;
  }
  r.drawLayeredElements = function (context, eles) { r.drawElements(context, eles); };
  cy.one("render", function () {
    delete r.drawLayeredElements; /* back to the prototype's */
    layers.firstGet = false;
  });
}
if (!isLarge) drawFirstFrameDirectly();

/* WebGL drawn by the graphics card: a software WebGL (SwiftShader,
 * llvmpipe; headless Chromium) draws a large graph slower than the
 * canvas renderer (bench/viewer.sh). */
function hasWebgl() {
  try {
    var gl = document.createElement("canvas").getContext("webgl");
    if (!gl) return false;
    var info = gl.getExtension("WEBGL_debug_renderer_info");
    var name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "";
    return !/swiftshader|llvmpipe|softpipe|software/i.test(name);
  } catch (e) {
    return false;
  }
}

/* ---- layout ------------------------------------------------------ */

/* The page opens on kg build's positions. Re-layout runs cose
 * (force-directed, built into Cytoscape) on what the filters leave shown,
 * from a fixed spiral start with a seeded Math.random: the same page
 * draws the same picture. It separates connected components, so clusters
 * stand apart. On a large graph, where cose would hold the page for
 * seconds, it puts the shown entities back where kg build placed them. */
function layout(eles) {
  var nodes = eles.nodes();
  if (hasPositions && nodes.length > LARGE / 2) {
    nodes.forEach(function (n) { n.position({x: n.data("x"), y: n.data("y")}); });
    cy.fit(eles, 30);
    placeLabels();
    return;
  }
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
  placeLabels();
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
  /* One class change per collection, not per element: on a large graph
   * Cytoscape's per-element calls cost seconds; and only for the elements
   * whose state changes (none at start-up), as each restyles. */
  var hide = [], show = [], gone = {};
  cy.nodes().forEach(function (n) {
    var d = n.data(), on = nodeTypeOn[d.type] && holdsOn(d, day);
    if (on === n.hasClass("hidden")) (on ? show : hide).push(n);
    if (!on) gone[d.id] = true;
  });
  cy.edges().forEach(function (e) {
    var d = e.data();
    var on = edgeTypeOn[d.type] && holdsOn(d, day) && !gone[d.source] && !gone[d.target];
    if (on === e.hasClass("hidden")) (on ? show : hide).push(e);
  });
  cy.batch(function () {
    cy.collection(hide).addClass("hidden");
    cy.collection(show).removeClass("hidden");
  });
  $("date-label").value = day === null ? (dateDomain ? "(all dates)" : "") : dayText(day);
  updateCounts();
  applyCentrality();
  if (focused && focused.hasClass("hidden")) unfocus();
}

function updateCounts() {
  var pending = laterEdges.length - laterAt; /* a large graph's relations still coming */
  var vn = shown(cy.nodes()).length, ve = shown(cy.edges()).length + pending;
  var ne = cy.edges().length + pending;
  $("count-nodes").textContent = vn === cy.nodes().length ? String(vn) : vn + " of " + cy.nodes().length;
  $("count-edges").textContent = ve === ne ? String(ve) : ve + " of " + ne;
  $("counts").dataset.nodes = String(vn);
  $("counts").dataset.edges = String(ve);
}

/* ---- centrality -------------------------------------------------- */

var centralityName = {none: null, degree: "degree", betweenness: "betweenness",
                      pagerank: "PageRank"};

var sizedBy = "none"; /* what the node sizes were last computed for */
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
  if (!score && sizedBy === "none") { /* nothing to redo (at start-up) */
    placeLabels();
    return;
  }
  sizedBy = kind;
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
      n.data({score: v, pad: pad, fs: fs, w: size.w, h: size.h, lbl: size.lbl, lw: size.lw,
              lh: size.lh});
      n.connectedEdges(":loop").data("loop", loopStep(n.data()));
    });
  });
  placeLabels();
  if (inPanel && inPanel.isNode()) showNode(inPanel);
}

/* ---- focus: neighbourhood highlight ------------------------------ */

var focused = null; /* the element whose neighbourhood is highlighted */
var inPanel = null; /* the element in the details panel */

function unfocus() {
  focused = null;
  cy.elements().removeClass("faded focus centre path");
  labelsSoon();
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
  placeLabels();
}

function focusEdge(e) {
  unfocus();
  focused = e;
  var hood = e.union(e.connectedNodes());
  cy.batch(function () {
    cy.elements().not(hood).addClass("faded");
    hood.addClass("focus");
  });
  placeLabels();
}

/* ---- names: search, autocomplete, path ends ---------------------- */

var names = []; /* {key: folded name, node: id, text: name as written} */
data.nodes.forEach(function (n) {
  names.push({key: fold(n.label), node: n.id, text: n.label});
  (n.aliases || []).forEach(function (a) { names.push({key: fold(a), node: n.id, text: a}); });
  names.push({key: fold(n.id), node: n.id, text: n.id});
});

function fillDatalist() {
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
}
/* The suggestions wait until the first frame is drawn (fillDatalist in
 * init), a large graph's 10,000 until its relations are in. */

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
  placeLabels();
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
  cy.on("viewport", labelsSoon);
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
   * bar can change height (a long search result wraps), so watch it, and
   * resize when the box differs from what Cytoscape measured (the
   * observer's first call comes at once, and resize() redraws every
   * element: on a large graph, a second of work after the first frame). */
  if (window.ResizeObserver) {
    var box = $("cy");
    new ResizeObserver(function () {
      var now = box.clientWidth + "x" + box.clientHeight;
      if (now !== cySize) cy.resize();
      cySize = now;
    }).observe(box);
  }

  if (!hasPositions) layout(cy.elements());
  /* Nothing is filtered yet: only the counts and the labels to set. */
  $("date-label").value = dateDomain ? "(all dates)" : "";
  updateCounts();
  placeLabels();
  showAbout();
  /* firstDraw: when Cytoscape drew the first frame, in performance.now()
   * (since navigation began), for bench/viewer.sh; ready (data-ready on
   * <body>) and complete: when every element is in, the renderer's caches
   * are filled and the search suggestions are in, two frames after
   * firstDraw (on a large graph, once its relations, which follow the
   * first frame, are in). */
  var ready = function () {
    if (document.body.dataset.ready) return;
    window.kgViewer.complete = performance.now();
    document.body.dataset.ready = "true";
  };
  var first = function () {
    if (window.kgViewer.firstDraw) return;
    window.kgViewer.firstDraw = performance.now();
    if (isLarge) {
      addLaterEdges(ready);
    } else {
      /* The next frame fills the renderer's caches (see
       * drawFirstFrameDirectly), at once rather than when Cytoscape gets
       * to it; the page is ready after it. */
      cy.one("render", function () {
        afterFrame(function () {
          fillDatalist();
          ready();
        });
      });
      cy.forceRender();
    }
  };
  cy.one("render", first);
  setTimeout(first, 2000); /* a page with nothing to draw */
}

/* ---- labels: only those that fit ------------------------------------

 * A label is drawn only where it does not overlap one already chosen;
 * highlighted entities choose first, then the best connected (degree),
 * so zoomed out the overview names its hubs, and zooming in makes room
 * for more. A chosen label is never smaller than MIN_LABEL_PX on screen:
 * below that it is drawn larger than its box, outlined (class "big").
 * Runs after each move of the view, at most every 100 ms while it moves
 * (150 ms on a large graph): choosing at every frame doubled the time a
 * frame took while zooming (docs/viewer.md); and after every filter or
 * highlight change. */
var MIN_LABEL_PX = 12, LABEL_GAP = 6, MAX_LABELS = 500, GRID = 64;
var ranked = null, labelled = {}, labelTimer = 0; /* labelled: id -> {n, big, fs} */

function labelsSoon() {
  if (labelTimer) return;
  labelTimer = setTimeout(placeLabels, isLarge ? 150 : 100);
}

function rankedNodes() {
  if (!ranked) {
    ranked = cy.nodes().toArray().map(function (n) { return {n: n, k: degreeOf[n.id()] || 0, id: n.id()}; });
    ranked.sort(function (a, b) { return b.k - a.k || (a.id < b.id ? -1 : 1); });
    ranked = ranked.map(function (r) { return r.n; });
  }
  return ranked;
}

/* Screen boxes already taken, in a grid of GRID px cells. */
function labelGrid() {
  var cells = {};
  function each(b, fn) {
    for (var gx = Math.floor(b[0] / GRID); gx <= Math.floor(b[2] / GRID); gx++) {
      for (var gy = Math.floor(b[1] / GRID); gy <= Math.floor(b[3] / GRID); gy++) {
        if (fn(gx + "," + gy)) return true;
      }
    }
    return false;
  }
  return {
    hits: function (b) {
      return each(b, function (key) {
        return (cells[key] || []).some(function (o) {
          return b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3];
        });
      });
    },
    add: function (b) {
      each(b, function (key) { (cells[key] = cells[key] || []).push(b); });
    }
  };
}

function placeLabels() {
  if (labelTimer) clearTimeout(labelTimer);
  labelTimer = 0;
  showEdgesNearView();
  var z = cy.zoom(), pan = cy.pan(), W = cy.width(), H = cy.height();
  var grid = labelGrid(), chosen = [], seen = {};
  var first = cy.nodes(".centre, .path, .focus").toArray();
  first.concat(rankedNodes()).forEach(function (n) {
    if (chosen.length >= MAX_LABELS || seen[n.id()] || n.hasClass("hidden")) return;
    seen[n.id()] = true;
    var d = n.data(), p = n.position();
    var scale = Math.max(z, MIN_LABEL_PX / d.fs);
    var x = p.x * z + pan.x, y = p.y * z + pan.y;
    var hw = d.lw * scale / 2 + LABEL_GAP / 2, hh = d.lh * scale / 2 + LABEL_GAP / 2;
    var box = [x - hw, y - hh, x + hw, y + hh];
    if (box[0] < 0 || box[2] > W || box[1] < 0 || box[3] > H || grid.hits(box)) return;
    grid.add(box);
    chosen.push({n: n, big: scale > z, fs: d.fs * scale / z});
  });
  /* Only the nodes whose label changes are touched: each change makes
   * Cytoscape redraw the node, and on a large graph its cached layers. */
  var next = {};
  chosen.forEach(function (c) { next[c.n.id()] = c; });
  cy.batch(function () {
    Object.keys(labelled).forEach(function (id) {
      if (!next[id]) labelled[id].n.removeClass("lab big");
    });
    chosen.forEach(function (c) {
      var was = labelled[c.n.id()];
      if (was && was.big === c.big && (!c.big || was.fs === c.fs)) return;
      if (c.big) c.n.data({lfs: c.fs, low: 2 / z});
      c.n.addClass("lab").toggleClass("big", c.big);
    });
  });
  labelled = next;
}

/* ---- large graphs: relations near the view only ---------------------

 * Cytoscape.js draws every element in view at every frame: zoomed out on
 * 10,000 entities and 20,000 relations that took about a second a frame
 * (docs/viewer.md), and the relations were a grey mass anyway. So a large
 * graph draws its relations only where at most EDGE_BUDGET of them touch
 * an entity in view (class "near"), besides those of a highlight, and
 * updates that set when the view rests (placeLabels). The filters, the
 * counts, search, paths and centrality still see every relation. */
var EDGE_BUDGET = 3000;
var edgesOfNode = null, nearEdges = {};

function showEdgesNearView() {
  if (!isLarge) return;
  if (!edgesOfNode) {
    edgesOfNode = {};
    cy.edges().forEach(function (e) {
      var d = e.data();
      (edgesOfNode[d.source] = edgesOfNode[d.source] || []).push(e);
      if (d.target !== d.source) (edgesOfNode[d.target] = edgesOfNode[d.target] || []).push(e);
    });
  }
  var ext = cy.extent(), want = {}, count = 0;
  var inView = cy.nodes().toArray().filter(function (n) {
    var p = n.position();
    return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
  });
  for (var i = 0; i < inView.length && count <= EDGE_BUDGET; i++) {
    (edgesOfNode[inView[i].id()] || []).forEach(function (e) {
      if (!want[e.id()]) {
        want[e.id()] = e;
        count++;
      }
    });
  }
  if (count > EDGE_BUDGET) want = {};
  var add = [], drop = [];
  Object.keys(want).forEach(function (id) { if (!nearEdges[id]) add.push(want[id]); });
  Object.keys(nearEdges).forEach(function (id) { if (!want[id]) drop.push(nearEdges[id]); });
  if (add.length || drop.length) {
    cy.batch(function () {
      cy.collection(drop).removeClass("near");
      cy.collection(add).addClass("near");
    });
  }
  nearEdges = want;
}

/* Adds a large graph's relations after its first frame, CHUNK at a time
 * with a frame in between, so the page answers while they come; then
 * applies any filter the reader set meanwhile, and calls done. */
var EDGE_CHUNK = 4000;
function addLaterEdges(done) {
  function next() {
    if (laterAt >= laterEdges.length) {
      laterEdges = [];
      laterAt = 0;
      edgesOfNode = null;
      var filtered = currentDay() !== null ||
        Object.keys(nodeTypeOn).some(function (t) { return !nodeTypeOn[t]; }) ||
        Object.keys(edgeTypeOn).some(function (t) { return !edgeTypeOn[t]; });
      if (filtered) applyFilters();
      else updateCounts();
      fillDatalist();
      showEdgesNearView();
      afterFrame(done);
      return;
    }
    cy.add(laterEdges.slice(laterAt, laterAt + EDGE_CHUNK));
    laterAt = Math.min(laterAt + EDGE_CHUNK, laterEdges.length);
    afterFrame(next);
  }
  afterFrame(next);
}

/* Calls fn once the browser has drawn the next frame (Cytoscape draws in
 * requestAnimationFrame; a frame where nothing changed fires no "render"). */
function afterFrame(fn) {
  requestAnimationFrame(function () { setTimeout(fn, 0); });
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
