/* review.js - the review page of kg review: lists the candidates of a data
 * set written by kg extract, shows each with its quotes highlighted in
 * their sentences, and lets a person accept, reject, retype and merge them
 * from the keyboard, then download the accepted ones as a data set.
 * All data becomes text nodes (never markup). Runs inside one function
 * scope (review.html); the embedded data: docs/extract.md, "Review". */

var MAX_EVIDENCE_SHOWN = 8;
var MAX_CONTEXT = 500; /* characters of sentence either side of a quote */
var MAX_UNDO = 500;

function $(id) { return document.getElementById(id); }

function el(tag, className) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  for (var i = 2; i < arguments.length; i++) {
    var child = arguments[i];
    if (child === null || child === undefined) continue;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function fold(s) {
  return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}

/* ---- the data ------------------------------------------------------- */

var page = JSON.parse($("kg-review").textContent);
var dataset = JSON.parse(page.dataset);
var sources = {};
(page.sources || []).forEach(function (s) { sources[s.id] = s; });

/* One row per candidate: entities first, then relations, in file order.
 * status: "open", "accepted", "rejected" or "merged" (into another). */
var items = [];
var entityById = {};
function initialStatus(x) {
  return x.status === "accepted" || x.status === "rejected" ? x.status : "open";
}
(dataset.entities || []).forEach(function (e) {
  var item = { kind: "entity", data: e, status: initialStatus(e), originalType: e.type };
  items.push(item);
  entityById[e.id] = item;
});
(dataset.relations || []).forEach(function (r) {
  items.push({ kind: "relation", data: r, status: initialStatus(r), originalType: r.type });
});

var current = items.length ? 0 : -1;
var undoStack = [];

function entityName(id) {
  var item = entityById[id];
  return item ? item.data.label || id : id;
}

function itemTitle(item) {
  var d = item.data;
  if (item.kind === "entity") return d.label || d.id;
  return entityName(d.source) + " \u2014" + d.type + "\u2192 " + entityName(d.target);
}

function itemKey(item) {
  var d = item.data;
  if (item.kind === "entity") return "entity:" + d.id;
  return "relation:" + d.source + "|" + d.type + "|" + d.target;
}

/* ---- quotes in their sentences ------------------------------------- */

/* UTF-8 byte offset -> UTF-16 index, built once per source: kg extract
 * writes byte offsets; JavaScript strings count UTF-16 code units. */
function byteIndex(source) {
  if (source.byteIndex) return source.byteIndex;
  var text = source.text, bytes = 0, i, cp;
  for (i = 0; i < text.length; i++) {
    cp = text.codePointAt(i);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (cp > 0xffff) i++;
  }
  var map = new Uint32Array(bytes + 1), b = 0, n, k;
  for (i = 0; i < text.length; i++) {
    cp = text.codePointAt(i);
    n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (k = 0; k < n; k++) map[b + k] = i;
    b += n;
    if (cp > 0xffff) i++;
  }
  map[b] = text.length;
  source.byteIndex = map;
  return map;
}

function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

/* Where the quote is in the source text: at its offsets when they hold it,
 * else its first occurrence, else with any run of white space matching. */
function locate(source, ev) {
  var text = source.text, quote = ev.quote || "";
  if (!quote) return null;
  if (typeof ev.offset === "number" && typeof ev.length === "number") {
    var map = byteIndex(source);
    if (ev.offset + ev.length < map.length) {
      var a = map[ev.offset], b = map[ev.offset + ev.length];
      if (text.slice(a, b) === quote) return [a, b];
    }
  }
  var at = text.indexOf(quote);
  if (at >= 0) return [at, at + quote.length];
  var words = quote.trim().split(/\s+/).map(escapeRegExp);
  var m = new RegExp(words.join("\\s+")).exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

/* Whether the text is hard-wrapped (no line over 100 characters): then a
 * single line break is not the end of a sentence; otherwise each line is a
 * paragraph, heading or list item, and ends one. */
function isWrapped(source) {
  if (source.isWrapped === undefined) {
    source.isWrapped = !source.text.split("\n").some(function (line) { return line.length > 100; });
  }
  return source.isWrapped;
}

/* The sentence around [a, b): back to the previous full stop or break,
 * on to the next. */
function sentence(source, a, b) {
  var text = source.text, s = a, e = b;
  var lineEnds = !isWrapped(source);
  while (s > 0 && a - s < MAX_CONTEXT) {
    var c = text[s - 1];
    if (c === "\n" && (lineEnds || text[s - 2] === "\n")) break;
    if (/\s/.test(c) && /[.!?]/.test(text[s - 2] || "")) break;
    s--;
  }
  while (e < text.length && e - b < MAX_CONTEXT) {
    var d = text[e];
    if (d === "\n" && (lineEnds || text[e + 1] === "\n")) break;
    e++;
    if (/[.!?]/.test(d) && (e >= text.length || /\s/.test(text[e]))) break;
  }
  return {
    before: (s > 0 && a - s >= MAX_CONTEXT ? "\u2026" : "") + text.slice(s, a).replace(/^\s+/, ""),
    quote: text.slice(a, b),
    after: text.slice(b, e).replace(/\s+$/, "") + (e < text.length && e - b >= MAX_CONTEXT ? "\u2026" : "")
  };
}

function evidenceBlock(ev) {
  var source = sources[ev.source];
  var where = "source " + ev.source + (source && source.title ? " (" + source.title + ")" : "");
  var block = el("blockquote", "evidence");
  var range = source && source.text !== null ? locate(source, ev) : null;
  if (range) {
    var parts = sentence(source, range[0], range[1]);
    block.appendChild(el("p", null, parts.before, el("mark", null, parts.quote), parts.after));
  } else {
    block.appendChild(el("p", null, el("mark", null, ev.quote || "")));
    where += source && source.text !== null ? "; quote not found in the source text"
                                            : "; source text not available";
  }
  if (typeof ev.offset === "number") where += "; byte " + ev.offset;
  block.appendChild(el("p", "where", where));
  return block;
}

/* ---- rendering ------------------------------------------------------ */

var MARKS = { open: "\u00b7", accepted: "\u2713", rejected: "\u2717", merged: "\u21aa" };

function isShown(item) {
  var f = $("filter").value;
  if (f === "all") return true;
  if (f === "rejected") return item.status === "rejected" || item.status === "merged";
  return item.status === f;
}

/* One list row per candidate, made once; render() updates them in place,
 * so an action costs a pass over the rows, not a rebuilt list. */
var rows = [];

function makeRows() {
  var list = $("list");
  items.forEach(function (item, i) {
    var li = el("li", null, el("span", "mark"), el("span", "name"), el("span", "kind"));
    li.dataset.index = String(i);
    li.dataset.key = itemKey(item);
    li.setAttribute("role", "option");
    li.addEventListener("click", function () { select(i); });
    list.appendChild(li);
    rows.push(li);
  });
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function renderList() {
  items.forEach(function (item, i) {
    var li = rows[i];
    var className = item.status + (i === current ? " current" : "");
    if (li.className !== className) li.className = className;
    li.hidden = !isShown(item) && i !== current;
    setText(li.childNodes[0], MARKS[item.status]);
    setText(li.childNodes[1], itemTitle(item));
    setText(li.childNodes[2], item.data.type);
    li.dataset.key = itemKey(item);
    li.setAttribute("aria-selected", i === current ? "true" : "false");
  });
  var cur = rows[current];
  if (cur && cur.scrollIntoView) cur.scrollIntoView({ block: "nearest" });
}

function renderProgress() {
  var counts = { open: 0, accepted: 0, rejected: 0, merged: 0 };
  items.forEach(function (item) { counts[item.status]++; });
  var reviewed = items.length - counts.open;
  $("progress").textContent = reviewed + " of " + items.length + " reviewed (" +
    counts.accepted + " accepted, " + counts.rejected + " rejected" +
    (counts.merged ? ", " + counts.merged + " merged" : "") + ")";
}

function row(dl, name, value) {
  if (value === undefined || value === null || value === "") return;
  dl.appendChild(el("dt", null, name));
  dl.appendChild(typeof value === "string" ? el("dd", null, value) : value);
}

function renderDetail() {
  var detail = $("detail");
  clear(detail);
  if (current < 0) {
    detail.appendChild(el("p", null, "This data set has no candidates."));
    return;
  }
  var item = items[current], d = item.data;
  detail.appendChild(el("h2", null, itemTitle(item)));
  var dl = el("dl");
  row(dl, "kind", item.kind);
  row(dl, "type", d.type + (d.type !== item.originalType ? " (was " + item.originalType + ")" : ""));
  row(dl, "status", el("dd", "status-" + item.status, item.status === "merged"
      ? "merged into " + entityName(item.mergedInto) : item.status === "open" ? "not reviewed" : item.status));
  row(dl, "confidence", typeof d.confidence === "number" ? d.confidence.toFixed(2) : "");
  row(dl, "rule", d.rule);
  if (item.kind === "entity") {
    row(dl, "id", d.id);
    row(dl, "aliases", (d.aliases || []).join(", "));
  } else {
    row(dl, "from", entityName(d.source) + " (" + d.source + ")");
    row(dl, "to", entityName(d.target) + " (" + d.target + ")");
  }
  row(dl, "start", d.start);
  row(dl, "end", d.end);
  detail.appendChild(dl);
  var evidence = d.evidence || [];
  evidence.slice(0, MAX_EVIDENCE_SHOWN).forEach(function (ev) {
    detail.appendChild(evidenceBlock(ev));
  });
  if (evidence.length > MAX_EVIDENCE_SHOWN)
    detail.appendChild(el("p", null, "and " + (evidence.length - MAX_EVIDENCE_SHOWN) + " more quotes"));
  $("merge").disabled = item.kind !== "entity" || item.status === "merged";
}

function render() {
  renderList();
  renderProgress();
  renderDetail();
  $("undo").disabled = undoStack.length === 0;
}

function say(text) { $("message").textContent = text; }

function select(i) {
  if (i < 0 || i >= items.length) return;
  current = i;
  render();
}

/* The next (step 1) or previous (-1) candidate the filter shows. */
function move(step) {
  for (var i = current + step; i >= 0 && i < items.length; i += step) {
    if (isShown(items[i])) {
      select(i);
      return;
    }
  }
}

/* ---- actions, each undoable ---------------------------------------- */

/* Saves the state of the given items before an action changes them. */
function remember(label, touched) {
  undoStack.push({
    label: label,
    current: current,
    saved: touched.map(function (item) {
      return { item: item, status: item.status, mergedInto: item.mergedInto,
               json: JSON.stringify(item.data) };
    })
  });
  if (undoStack.length > MAX_UNDO) undoStack.shift();
}

function undo() {
  var step = undoStack.pop();
  if (!step) {
    say("Nothing to undo.");
    return;
  }
  step.saved.forEach(function (s) {
    s.item.status = s.status;
    s.item.mergedInto = s.mergedInto;
    var data = JSON.parse(s.json);
    Object.keys(s.item.data).forEach(function (k) { delete s.item.data[k]; });
    Object.keys(data).forEach(function (k) { s.item.data[k] = data[k]; });
  });
  current = step.current;
  say("Undid: " + step.label + ".");
  render();
}

function setStatus(status) {
  if (current < 0) return;
  var item = items[current];
  if (item.status === "merged") {
    say("This entity was merged into " + entityName(item.mergedInto) + "; undo (u) to restore it.");
    return;
  }
  var touched = [item], note = "";
  if (status === "accepted" && item.kind === "relation") {
    /* A relation needs its ends: accept the ends not reviewed yet. */
    [item.data.source, item.data.target].forEach(function (id) {
      var end = entityById[id];
      if (end && end.status === "open" && touched.indexOf(end) < 0) touched.push(end);
      else if (end && end.status !== "accepted")
        note = " Its end " + entityName(id) + " is " + end.status + ": the relation is left out when saving.";
    });
  }
  remember((status === "accepted" ? "accept " : "reject ") + itemTitle(item), touched);
  touched.forEach(function (t) { t.status = status; });
  if (touched.length > 1)
    note = " Also accepted its end(s): " + touched.slice(1).map(itemTitle).join(", ") + "." + note;
  say((status === "accepted" ? "Accepted " : "Rejected ") + itemTitle(item) + "." + note);
  var was = current;
  move(1);
  if (current === was) render();
}

/* ---- the dialog (change type, merge) -------------------------------- */

var dialogAction = null;

function openDialog(label, options, useSelect, onOk) {
  var select = $("dialog-select"), input = $("dialog-input");
  $("dialog-label").textContent = label;
  $("dialog-error").textContent = "";
  select.hidden = !useSelect;
  input.hidden = useSelect;
  clear(select);
  clear($("dialog-names"));
  options.forEach(function (o) {
    if (useSelect) select.appendChild(el("option", null, o));
    else {
      var opt = el("option");
      opt.value = o;
      $("dialog-names").appendChild(opt);
    }
  });
  input.value = "";
  dialogAction = onOk;
  $("dialog").hidden = false;
  (useSelect ? select : input).focus();
}

function closeDialog() {
  $("dialog").hidden = true;
  dialogAction = null;
  $("list").focus();
}

/* Types the schema allows here, else the types the data set uses. */
function typeChoices(item) {
  var d = item.data, names = [];
  if (item.kind === "entity") {
    names = (page.node_types || []).slice();
  } else {
    var fromType = entityById[d.source] && entityById[d.source].data.type;
    var toType = entityById[d.target] && entityById[d.target].data.type;
    (page.edge_types || []).forEach(function (t) {
      var okFrom = !t.source_types || !fromType || t.source_types.indexOf(fromType) >= 0;
      var okTo = !t.target_types || !toType || t.target_types.indexOf(toType) >= 0;
      if (okFrom && okTo) names.push(t.name);
    });
  }
  if (!names.length || (page.node_types || []).length === 0) {
    items.forEach(function (other) {
      if (other.kind === item.kind && names.indexOf(other.data.type) < 0) names.push(other.data.type);
    });
    names.sort();
  }
  if (names.indexOf(d.type) < 0) names.unshift(d.type);
  return names;
}

function changeType() {
  if (current < 0) return;
  var item = items[current];
  var choices = typeChoices(item);
  openDialog("New type for " + itemTitle(item), choices, true, function () {
    var type = $("dialog-select").value;
    if (type === item.data.type) return true;
    remember("retype " + itemTitle(item), [item]);
    var old = item.data.type;
    item.data.type = type;
    say("Changed the type of " + itemTitle(item) + " from " + old + " to " + type + ".");
    return true;
  });
  $("dialog-select").value = item.data.type;
}

/* Finds an entity by what the reader typed: "Label (id)", an id, a label
 * or an alias (case and accents folded). */
function findEntity(text) {
  var m = /\(([^()]*)\)\s*$/.exec(text);
  if (m && entityById[m[1]]) return entityById[m[1]];
  if (entityById[text.trim()]) return entityById[text.trim()];
  var want = fold(text), found = null;
  items.forEach(function (item) {
    if (found || item.kind !== "entity" || item.status === "merged") return;
    var names = [item.data.label || ""].concat(item.data.aliases || []);
    if (names.some(function (n) { return fold(n) === want; })) found = item;
  });
  return found;
}

/* Entity `from` becomes an alias of `into`: its names and quotes move
 * there and its relations point there; a relation that would join `into`
 * to itself is rejected. */
function mergeEntities(from, into) {
  var touched = [from, into];
  items.forEach(function (item) {
    if (item.kind === "relation" &&
        (item.data.source === from.data.id || item.data.target === from.data.id)) touched.push(item);
  });
  remember("merge " + itemTitle(from) + " into " + itemTitle(into), touched);
  var d = into.data, aliases = (d.aliases || []).slice();
  [from.data.label].concat(from.data.aliases || []).forEach(function (name) {
    if (!name || fold(name) === fold(d.label || "")) return;
    if (aliases.some(function (a) { return fold(a) === fold(name); })) return;
    aliases.push(name);
  });
  if (aliases.length) d.aliases = aliases;
  var seen = {};
  d.evidence = (d.evidence || []).concat(from.data.evidence || []).filter(function (ev) {
    var key = ev.source + "\u0000" + ev.quote + "\u0000" + ev.offset;
    if (seen[key]) return false;
    seen[key] = true;
    return true;
  });
  var loops = 0;
  touched.slice(2).forEach(function (rel) {
    if (rel.data.source === from.data.id) rel.data.source = d.id;
    if (rel.data.target === from.data.id) rel.data.target = d.id;
    if (rel.data.source === rel.data.target && rel.status !== "rejected") {
      rel.status = "rejected";
      loops++;
    }
  });
  if (from.status === "accepted" && into.status === "open") into.status = "accepted";
  from.status = "merged";
  from.mergedInto = d.id;
  say("Merged " + itemTitle(from) + " into " + itemTitle(into) + "; " + (touched.length - 2) +
      " relation(s) re-pointed" + (loops ? ", " + loops + " rejected as joining it to itself" : "") + ".");
}

function merge() {
  if (current < 0) return;
  var item = items[current];
  if (item.kind !== "entity" || item.status === "merged") {
    say("Merge works on entities: select an entity that is not merged yet.");
    return;
  }
  var names = [];
  items.forEach(function (other) {
    if (other.kind === "entity" && other !== item && other.status !== "merged")
      names.push((other.data.label || other.data.id) + " (" + other.data.id + ")");
  });
  openDialog("Merge " + itemTitle(item) + " into (it becomes an alias):", names, false, function () {
    var into = findEntity($("dialog-input").value);
    if (!into || into === item || into.status === "merged") {
      $("dialog-error").textContent = "No other entity is called that; pick one from the list.";
      return false;
    }
    mergeEntities(item, into);
    return true;
  });
}

/* ---- saving --------------------------------------------------------- */

/* The accepted candidates as a data set: the candidate file's other keys
 * as they were, entities and relations with "status": "accepted";
 * rejected, merged and unreviewed ones are left out, and so is a relation
 * whose end is not saved. Equal relations (after merges) join quotes. */
function acceptedDataset() {
  var entities = [], saved = {}, relations = [], byKey = {}, dropped = 0;
  items.forEach(function (item) {
    if (item.kind !== "entity" || item.status !== "accepted") return;
    var e = JSON.parse(JSON.stringify(item.data));
    e.status = "accepted";
    entities.push(e);
    saved[e.id] = true;
  });
  items.forEach(function (item) {
    if (item.kind !== "relation" || item.status !== "accepted") return;
    var r = JSON.parse(JSON.stringify(item.data));
    var endKnown = function (id) { return saved[id] || !entityById[id]; };
    if (!endKnown(r.source) || !endKnown(r.target)) {
      dropped++;
      return;
    }
    r.status = "accepted";
    var key = [r.source, r.type, r.target, r.start || "", r.end || ""].join("\u0000");
    if (byKey[key]) {
      byKey[key].evidence = (byKey[key].evidence || []).concat(r.evidence || []);
      return;
    }
    byKey[key] = r;
    relations.push(r);
  });
  var out = {};
  Object.keys(dataset).forEach(function (k) {
    out[k] = k === "entities" ? entities : k === "relations" ? relations : dataset[k];
  });
  if (!out.entities) out.entities = entities;
  if (!out.relations) out.relations = relations;
  return { dataset: out, dropped: dropped };
}

/* For CANDIDATES NAME.kg.json: NAME.accepted.kg.json. */
function savedName() {
  var base = page.file ? page.file.replace(/(\.kg)?\.json$/, "") : dataset.name || "candidates";
  return base + ".accepted.kg.json";
}

function save() {
  var result = acceptedDataset();
  var text = JSON.stringify(result.dataset, null, 2) + "\n";
  var blob = new Blob([text], { type: "application/json" });
  var url = URL.createObjectURL(blob);
  var a = el("a");
  a.href = url;
  a.download = savedName();
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  say("Saved " + result.dataset.entities.length + " entities and " +
      result.dataset.relations.length + " relations as " + a.download +
      (result.dropped ? "; " + result.dropped + " accepted relation(s) left out: an end is not accepted" : "") +
      ". Put it beside the candidate file, then: kg merge BASE " + a.download + " -o OUT");
}

/* ---- wiring --------------------------------------------------------- */

$("title").textContent = "Review: " + (page.title || "candidates");
$("accept").addEventListener("click", function () { setStatus("accepted"); });
$("reject").addEventListener("click", function () { setStatus("rejected"); });
$("retype").addEventListener("click", changeType);
$("merge").addEventListener("click", merge);
$("undo").addEventListener("click", undo);
$("save").addEventListener("click", save);
$("filter").addEventListener("change", function () { render(); $("list").focus(); });
function submitDialog() {
  if (dialogAction && dialogAction() !== false) {
    closeDialog();
    render();
  }
}
$("dialog").addEventListener("submit", function (event) {
  event.preventDefault();
  submitDialog();
});
$("dialog-cancel").addEventListener("click", closeDialog);

document.addEventListener("keydown", function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (!$("dialog").hidden) {
    /* Enter in a <select> submits no form: do it here for both fields. */
    if (event.key === "Escape" || event.key === "Enter") {
      event.preventDefault();
      if (event.key === "Escape") closeDialog();
      else submitDialog();
    }
    return;
  }
  var tag = event.target && event.target.tagName;
  if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
  var actions = {
    j: function () { move(1); }, ArrowDown: function () { move(1); },
    k: function () { move(-1); }, ArrowUp: function () { move(-1); },
    a: function () { setStatus("accepted"); }, r: function () { setStatus("rejected"); },
    t: changeType, m: merge, u: undo, s: save
  };
  var action = actions[event.key];
  if (!action) return;
  event.preventDefault();
  action();
});

makeRows();
render();
$("list").focus();
document.body.dataset.ready = "true"; /* for tests: the page is wired */
