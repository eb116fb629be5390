/* dom.js - small DOM helpers of the kg viewer, all text-only: el() turns
 * string children into text nodes, so data can never become markup.
 * Defines $, el, append, clear, svgEl, humanType, fold, safeUrl.
 * The viewer's files are joined, in the order of the markers in
 * template.html, inside one function scope; see docs/viewer.md. */

var SVG_NS = "http://www.w3.org/2000/svg";

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

function svgEl(tag, attrs) {
  var node = document.createElementNS(SVG_NS, tag);
  for (var key in attrs) {
    if (Object.prototype.hasOwnProperty.call(attrs, key) && attrs[key] !== null) {
      node.setAttribute(key, String(attrs[key]));
    }
  }
  return node;
}
