/* panel.js - the details panel on the right: an entity's or a relation's
 * type, dates, attributes, evidence quotes with their source, and links to
 * its relations; the data set's description and sources when nothing is
 * selected. Reads the app's state (data, sources, nodeTypes, edgeTypes,
 * inPanel, select) from app.js. */

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
