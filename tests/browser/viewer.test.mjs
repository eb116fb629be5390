// viewer.test.mjs - drives Debian's Chromium through pages written by
// `kg build -f html`, as a reader would use them: the page loads from disk
// with no console errors and no network, shows every entity and relation of
// the data set, and its search, type filters, date slider, neighbourhood
// highlight, shortest path, details panel, centrality sizing and exports
// work; a hostile data set's labels stay text and run nothing.
//
//   node viewer.test.mjs --artifacts DIR --small PAGE DATASET
//        --hostile PAGE DATASET [--shipped PAGE DATASET]...
//
// Expected counts and date filtering are computed here from the data set
// (the .kg.json file), independently of kg's C code and of the page.
// Run by tests/cli/test_viewer.sh; screenshots and exports go to DIR.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { labelBoxes, onScreen, overlapping } from './labels.mjs';

const CHROMIUM = process.env.KG_CHROMIUM || '/usr/bin/chromium';
// Flags for a closed network: without the background-networking ones
// Chromium keeps trying to reach Google's hosts.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];
const TIME_LIMIT_MS = 90_000;

function parseArgs(argv) {
  const opts = { shipped: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--artifacts') opts.artifacts = argv[++i];
    else if (a === '--small' || a === '--hostile') opts[a.slice(2)] = { page: argv[++i], data: argv[++i] };
    else if (a === '--large') opts.large = { page: argv[++i], edges: argv[++i] };
    else if (a === '--shipped') opts.shipped.push({ page: argv[++i], data: argv[++i] });
    else throw new Error(`unknown argument ${a}`);
  }
  if (!opts.artifacts || !opts.small || !opts.hostile) {
    throw new Error('usage: viewer.test.mjs --artifacts DIR --small PAGE DATASET --hostile PAGE DATASET [--shipped PAGE DATASET]...');
  }
  return opts;
}

// ---- an independent reading of the data set's dates ------------------

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }

// "2003" -> [20030101, 20031231]; "2003-03" -> [20030301, 20030331].
function dateSpan(text) {
  const [y, m, d] = text.split('-').map(Number);
  if (d) return [y * 10000 + m * 100 + d, y * 10000 + m * 100 + d];
  if (m) {
    const last = m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1];
    return [y * 10000 + m * 100 + 1, y * 10000 + m * 100 + last];
  }
  return [y * 10000 + 101, y * 10000 + 1231];
}

function holds(item, day) {
  if (item.start && dateSpan(item.start)[0] > day) return false;
  if (item.end && dateSpan(item.end)[1] < day) return false;
  return true;
}

// What the graph holds on `day` (YYYYMMDD), read from the data set.
function expectedAsOf(dataset, day) {
  const nodes = new Set(dataset.entities.filter((e) => holds(e, day)).map((e) => e.id));
  const edges = dataset.relations.filter((r) => holds(r, day) && nodes.has(r.source) && nodes.has(r.target));
  return { nodes: nodes.size, edges: edges.length };
}

function daysSinceEpoch(yyyymmdd) {
  const y = Math.floor(yyyymmdd / 10000), m = Math.floor(yyyymmdd / 100) % 100, d = yyyymmdd % 100;
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

// ---- harness ------------------------------------------------------------

// The first screen is legible: labels drawn at 12 px or more, none cut
// past LABEL_MAX characters without an ellipsis, no two overlapping; and
// zooming in shows more labels, still apart. From Cytoscape's rendered
// boxes (labels.mjs), not from the page's own bookkeeping.
const LABEL_MAX = 40;
async function checkLabels(page, name) {
  const size = await page.evaluate(() => ({ w: kgViewer.cy.width(), h: kgViewer.cy.height() }));
  const first = onScreen(await page.evaluate(labelBoxes), size.w, size.h);
  assert.ok(first.length > 0, `${name}: no label on the first screen`);
  assert.deepEqual(overlapping(first), [], `${name}: overlapping labels on the first screen`);
  for (const b of first) {
    assert.ok(b.px >= 11.9, `${name}: label of ${b.id} drawn at ${b.px} px`);
    const text = b.text.replace(/\n/g, ' ');
    assert.ok([...text].length <= LABEL_MAX, `${name}: label of ${b.id} has ${[...text].length} characters`);
  }
  const nodesIn = (p) => p.evaluate(() => {
    const e = kgViewer.cy.extent();
    return kgViewer.cy.nodes().filter((n) => {
      const q = n.position();
      return n.style('display') !== 'none' && q.x > e.x1 && q.x < e.x2 && q.y > e.y1 && q.y < e.y2;
    }).length;
  });
  const before = first.length / Math.max(1, await nodesIn(page));
  await page.evaluate(() => {
    const cy = kgViewer.cy;
    cy.zoom({ level: cy.zoom() * 3, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  // A large graph chooses its labels once the view has rested 150 ms.
  await page.waitForTimeout(300);
  const zoomed = onScreen(await page.evaluate(labelBoxes), size.w, size.h);
  assert.deepEqual(overlapping(zoomed), [], `${name}: overlapping labels zoomed in`);
  const after = zoomed.length / Math.max(1, await nodesIn(page));
  assert.ok(after >= before, `${name}: zoomed in, ${after.toFixed(2)} labels per entity shown, before ${before.toFixed(2)}`);
  await page.click('#fit');
}

const failures = [];
async function step(name, fn) {
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (e) {
    failures.push(name);
    console.log(`not ok - ${name}\n  ${String(e && e.message).split('\n').join('\n  ')}`);
  }
}

// Opens a page and records what a reader would not want: console errors
// and warnings, uncaught exceptions, dialogs (alert) and network requests.
async function open(context, file) {
  const page = await context.newPage();
  const trouble = { console: [], errors: [], dialogs: [], requests: [] };
  const url = pathToFileURL(path.resolve(file)).href;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') trouble.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => trouble.errors.push(e.message));
  page.on('dialog', (d) => { trouble.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('request', (r) => {
    const u = r.url();
    if (u !== url && !u.startsWith('data:') && !u.startsWith('blob:')) trouble.requests.push(u);
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  return { page, trouble };
}

function assertClean(trouble) {
  assert.deepEqual(trouble.errors, [], 'uncaught exceptions');
  assert.deepEqual(trouble.console, [], 'console errors or warnings');
  assert.deepEqual(trouble.dialogs, [], 'dialogs');
  assert.deepEqual(trouble.requests, [], 'network requests');
}

// Drawn: the computed style, not Cytoscape's ":visible", which lags a
// class change until the next frame.
const counts = (page) => page.evaluate(() => ({
  nodes: kgViewer.cy.nodes().filter((n) => n.style('display') !== 'none').length,
  edges: kgViewer.cy.edges().filter((e) => e.style('display') !== 'none' &&
    e.source().style('display') !== 'none' && e.target().style('display') !== 'none').length,
  shownNodes: Number(document.getElementById('counts').dataset.nodes),
  shownEdges: Number(document.getElementById('counts').dataset.edges),
}));

const isVisible = (page, id) => page.evaluate((i) => {
  const e = kgViewer.cy.getElementById(i);
  return e.style('display') !== 'none' && e.connectedNodes().every((n) => n.style('display') !== 'none');
}, id);

// Waits for animations to end and two frames to be drawn: Cytoscape
// computes an edge's drawn geometry when it draws it.
async function settle(page) {
  await page.waitForFunction(() => !kgViewer.cy.animated());
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// Clicks where the element is drawn (a node's centre, an edge's midpoint).
async function clickElement(page, id) {
  await settle(page);
  const p = await page.evaluate((i) => {
    const e = kgViewer.cy.getElementById(i);
    return e.isNode() ? e.renderedPosition() : e.renderedMidpoint();
  }, id);
  const box = await page.locator('#cy').boundingBox();
  assert.ok(p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height, `${id} is off screen: ${JSON.stringify([p, box])}`);
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

// Sets the date slider as a reader dragging it would, to yyyymmdd.
async function setDate(page, yyyymmdd) {
  await page.evaluate((days) => {
    const slider = document.getElementById('date');
    slider.value = String(days);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }, daysSinceEpoch(yyyymmdd));
}

async function download(page, button, file) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
}

// ---- the small test data set -------------------------------------------

async function testSmall(context, { page: file, data }, out) {
  const dataset = JSON.parse(fs.readFileSync(data, 'utf8'));
  const { page, trouble } = await open(context, file);
  await page.screenshot({ path: path.join(out, 'small.png') });

  await step('small: loads from disk with no errors, warnings, dialogs or requests', () => assertClean(trouble));

  await step('small: shows every entity and relation', async () => {
    const c = await counts(page);
    assert.equal(c.nodes, dataset.entities.length);
    assert.equal(c.edges, dataset.relations.length);
    assert.equal(c.shownNodes, dataset.entities.length);
    const text = await page.textContent('#counts');
    assert.match(text, new RegExp(`^${dataset.entities.length} entities, ${dataset.relations.length} relations shown$`));
  });

  await step('small: the first screen\'s labels are legible and apart, more when zoomed in', () => checkLabels(page, 'small'));

  await step('small: layout keeps entities apart', async () => {
    const overlaps = await page.evaluate(() => {
      const boxes = kgViewer.cy.nodes().map((n) => [n.id(), n.boundingBox({ includeLabels: false })]);
      const hits = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i][1], b = boxes[j][1];
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) hits.push(`${boxes[i][0]}/${boxes[j][0]}`);
        }
      }
      return hits;
    });
    assert.deepEqual(overlaps, []);
  });

  await step('small: the layout is the same at every load', async () => {
    const positions = (p) => p.evaluate(() => kgViewer.cy.nodes().map((n) => [n.id(), Math.round(n.position('x')), Math.round(n.position('y'))]));
    const again = await open(context, file);
    assert.deepEqual(await positions(again.page), await positions(page));
    assertClean(again.trouble);
    await again.page.close();
  });

  await step('small: schema colours, shapes and line styles; legend of the types used', async () => {
    // Zoomed in, so labels are drawn in their type's colour inside the
    // box, not outlined in black at 12 px as in an overview.
    await page.evaluate(() => {
      const cy = kgViewer.cy;
      cy.zoom({ level: 2, position: cy.getElementById('union').position() });
    });
    await page.waitForTimeout(300); // labels are chosen again 100 ms after a move
    const s = await page.evaluate(() => {
      const cy = kgViewer.cy, st = (id, p) => cy.getElementById(id).style(p);
      return {
        unionFill: st('union', 'background-color'), unionShape: st('union', 'shape'),
        skopjeShape: st('skopje', 'shape'), unionText: st('union', 'color'),
        succeeded: st('allied-harmony:succeeded_by:concordia', 'line-color'),
        succeededWidth: st('allied-harmony:succeeded_by:concordia', 'width'),
        coopStyle: st('second-cooperation', 'line-style'),
        coopArrow: st('second-cooperation', 'target-arrow-shape'),
        partArrow: st('military-staff:part_of:union', 'target-arrow-shape'),
        nodeTypes: [...document.querySelectorAll('#node-types input')].map((i) => i.dataset.type),
        edgeTypes: [...document.querySelectorAll('#edge-types input')].map((i) => i.dataset.type),
      };
    });
    assert.equal(s.unionFill, 'rgb(31,78,121)');
    assert.equal(s.unionShape, 'rectangle');
    assert.equal(s.skopjeShape, 'ellipse');
    assert.equal(s.unionText, 'rgb(255,255,255)');
    assert.equal(s.succeeded, 'rgb(192,0,0)');
    assert.equal(s.succeededWidth, '3px');
    assert.equal(s.coopStyle, 'dashed');
    assert.equal(s.coopArrow, 'none');
    assert.equal(s.partArrow, 'triangle');
    await page.click('#fit');
    assert.deepEqual(s.nodeTypes, [...new Set(dataset.entities.map((e) => e.type))].sort());
    assert.deepEqual(s.edgeTypes, [...new Set(dataset.relations.map((r) => r.type))].sort());
  });

  await step('small: search finds an entity by alias, with autocomplete', async () => {
    const options = await page.$$eval('#names option', (os) => os.map((o) => o.value));
    assert.ok(options.includes('EUMS'), 'datalist offers the alias EUMS');
    await page.fill('#search', 'EUMS');
    await page.press('#search', 'Enter');
    await page.waitForSelector('#panel[data-showing="military-staff"]', { timeout: 3000 });
    assert.match(await page.textContent('#search-status'), /found Military Staff \(as .EUMS.\)/);
    assert.equal(await page.textContent('#panel h2.title'), 'Military Staff');
    // Case and a partial name.
    await page.fill('#search', 'berlin');
    await page.press('#search', 'Enter');
    await page.waitForSelector('#panel[data-showing="berlin-plus"]', { timeout: 3000 });
    await page.fill('#search', 'no such thing');
    await page.press('#search', 'Enter');
    assert.match(await page.textContent('#search-status'), /no entity matches/);
  });

  await step('small: a type filter hides that type and its relations', async () => {
    await page.uncheck('#node-types input[data-type="operation"]');
    const operations = dataset.entities.filter((e) => e.type === 'operation').map((e) => e.id);
    const kept = dataset.relations.filter((r) => !operations.includes(r.source) && !operations.includes(r.target));
    let c = await counts(page);
    assert.equal(c.nodes, dataset.entities.length - operations.length);
    assert.equal(c.edges, kept.length);
    assert.equal(c.shownNodes, c.nodes);
    assert.equal(await isVisible(page, 'concordia'), false);
    await page.screenshot({ path: path.join(out, 'small-no-operations.png') });
    await page.check('#node-types input[data-type="operation"]');
    await page.uncheck('#edge-types input[data-type="cooperates_with"]');
    c = await counts(page);
    assert.equal(c.nodes, dataset.entities.length);
    assert.equal(c.edges, dataset.relations.filter((r) => r.type !== 'cooperates_with').length);
    await page.check('#edge-types input[data-type="cooperates_with"]');
    c = await counts(page);
    assert.equal(c.edges, dataset.relations.length);
  });

  await step('small: the date slider removes what did not yet hold', async () => {
    for (const day of [20030215, 20030331, 20030401, 20040601, 20041201, 20050101]) {
      await setDate(page, day);
      const c = await counts(page);
      const want = expectedAsOf(dataset, day);
      assert.deepEqual({ nodes: c.nodes, edges: c.edges }, want, `as of ${day}`);
      const label = await page.textContent('#date-label');
      assert.equal(label, `${String(day).slice(0, 4)}-${String(day).slice(4, 6)}-${String(day).slice(6)}`);
    }
    await setDate(page, 20040601);
    assert.equal(await isVisible(page, 'sfor:succeeded_by:althea'), false, 'SFOR -> Althea before December 2004');
    await page.screenshot({ path: path.join(out, 'small-2004-06-01.png') });
    await setDate(page, 20041201);
    assert.equal(await isVisible(page, 'sfor:succeeded_by:althea'), true, 'SFOR -> Althea from December 2004 (month precision)');
    await page.uncheck('#date-on');
    assert.equal((await counts(page)).edges, dataset.relations.length);
  });

  await step('small: clicking a relation shows its evidence quote and source', async () => {
    await page.click('#fit');
    const id = 'concordia:located_at:skopje';
    await clickElement(page, id);
    await page.waitForSelector(`#panel[data-showing="${id}"]`, { timeout: 3000 });
    const rel = dataset.relations.find((r) => r.source === 'concordia' && r.type === 'located_at');
    const quote = Array.isArray(rel.evidence) ? rel.evidence[0].quote : rel.evidence.quote;
    assert.equal(await page.textContent('#panel blockquote'), quote);
    assert.match(await page.textContent('#panel .cite'), /A small test text/);
    assert.match(await page.textContent('#panel h2.title'), /Operation Concordia located at Skopje/);
  });

  await step('small: clicking an entity shows its attributes and highlights its neighbourhood', async () => {
    await page.click('#fit');
    await clickElement(page, 'union');
    await page.waitForSelector('#panel[data-showing="union"]', { timeout: 3000 });
    const dl = await page.$$eval('#panel dl > *', (els) => els.map((e) => e.textContent));
    for (const [k, v] of [['also called', 'EU; Union'], ['members', '27'], ['share', '0.5'], ['is_union', 'true'], ['founded_text', '1993']]) {
      const i = dl.indexOf(k);
      assert.ok(i >= 0 && dl[i + 1] === v, `${k}: ${v} in ${JSON.stringify(dl)}`);
    }
    const hl = await page.evaluate(() => ({
      focus: kgViewer.cy.nodes('.focus').map((n) => n.id()).sort(),
      faded: kgViewer.cy.nodes('.faded').length,
    }));
    const neighbours = new Set(['union']);
    for (const r of dataset.relations) {
      if (r.source === 'union') neighbours.add(r.target);
      if (r.target === 'union') neighbours.add(r.source);
    }
    assert.deepEqual(hl.focus, [...neighbours].sort());
    assert.equal(hl.faded, dataset.entities.length - neighbours.size);
    await page.screenshot({ path: path.join(out, 'small-union.png') });
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => kgViewer.cy.elements('.faded').length), 0);
  });

  await step('small: shortest path between two chosen entities', async () => {
    await page.fill('#path-from', 'SFOR');
    await page.fill('#path-to', 'The Union');
    await page.click('#path-find');
    const text = await page.textContent('#path-result');
    assert.match(text, /^3 steps:/);
    const onPath = await page.evaluate(() => kgViewer.cy.nodes('.path').map((n) => n.id()).sort());
    assert.deepEqual(onPath, ['althea', 'berlin-plus', 'sfor', 'union']);
    await page.check('#path-directed');
    await page.fill('#path-from', 'Skopje');
    await page.fill('#path-to', 'Operation Concordia');
    await page.click('#path-find');
    assert.match(await page.textContent('#path-result'), /No path/);
    await page.uncheck('#path-directed');
    await page.click('#path-clear');
  });

  await step('small: node size follows the centrality chosen', async () => {
    const widths = {};
    for (const kind of ['degree', 'betweenness', 'pagerank', 'none']) {
      await page.selectOption('#centrality', kind);
      widths[kind] = await page.evaluate(() => Object.fromEntries(kgViewer.cy.nodes().map((n) => [n.id(), n.width()])));
    }
    // The Union has the most relations; Skopje one.
    assert.ok(widths.degree.union > widths.degree.skopje, 'degree: union larger than skopje');
    assert.ok(widths.pagerank.union > widths.pagerank.skopje, 'PageRank: union larger than skopje');
    // Berlin Plus lies between the operations and the organisations.
    assert.ok(widths.betweenness['berlin-plus'] > widths.betweenness.skopje, 'betweenness: berlin-plus larger');
    assert.ok(widths.degree.union > widths.none.union, 'sizing off restores the plain size');
    await page.selectOption('#centrality', 'degree');
    await page.screenshot({ path: path.join(out, 'small-degree.png') });
    await page.selectOption('#centrality', 'none');
  });

  await step('small: PNG and SVG export of the current view', async () => {
    const png = await download(page, '#export-png', path.join(out, 'small-view.png'));
    assert.equal(png.name, 'small.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = await download(page, '#export-svg', path.join(out, 'small-view.svg'));
    assert.equal(svg.name, 'small.svg');
    const text = svg.bytes.toString('utf8');
    assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    assert.equal((text.match(/class="node"/g) || []).length, dataset.entities.length);
    assert.equal((text.match(/class="edge"/g) || []).length, dataset.relations.length);
    assert.ok(text.includes('&lt;odd&gt; &amp; characters'), 'labels escaped in the SVG');
  });

  await step('small: still no console errors after all that', () => assertClean(trouble));
  await page.close();
}

// ---- the hostile data set -----------------------------------------------

async function testHostile(context, { page: file, data }, out) {
  const dataset = JSON.parse(fs.readFileSync(data, 'utf8'));
  const html = fs.readFileSync(file, 'utf8');
  const { page, trouble } = await open(context, file);
  await page.screenshot({ path: path.join(out, 'hostile.png') });
  const hostile = '</script><script>alert(1)</script>';

  await step('hostile: the file has no markup from the data', () => {
    const start = html.indexOf('<script type="application/json" id="kg-data">');
    const end = html.indexOf('</script>', start);
    const json = html.slice(start, end);
    assert.ok(start > 0 && end > start);
    assert.ok(!json.slice(json.indexOf('>') + 1).includes('<'), 'no "<" inside the data element');
    assert.ok(!html.includes(hostile), 'the hostile label appears only escaped');
  });

  await step('hostile: loads with no errors and no dialog', () => assertClean(trouble));

  await step('hostile: labels are shown as text', async () => {
    const r = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      label: kgViewer.cy.getElementById('graph').data('label'),
      title: document.title,
      heading: document.getElementById('title').textContent,
      nodes: kgViewer.cy.nodes().length,
    }));
    assert.equal(r.scripts, 3, 'only the page\'s own three script elements');
    assert.equal(r.label, hostile);
    assert.equal(r.title, dataset.title);
    assert.equal(r.heading, dataset.title);
    assert.equal(r.nodes, dataset.entities.length);
  });

  await step('hostile: every panel, search and path shows the text and runs nothing', async () => {
    await page.fill('#search', `${hostile} alias`);
    await page.press('#search', 'Enter');
    await page.waitForSelector('#panel[data-showing="graph"]', { timeout: 3000 });
    assert.equal(await page.textContent('#panel h2.title'), hostile);
    const allowed = new Set(['H2', 'P', 'STRONG', 'SPAN', 'DL', 'DT', 'DD', 'DIV', 'BLOCKQUOTE', 'A', 'UL', 'LI',
      'BUTTON', 'svg', 'path', 'line']);
    const ids = await page.evaluate(() => kgViewer.cy.elements().map((e) => e.id()));
    for (const id of ids) {
      const tags = await page.evaluate((i) => {
        kgViewer.select(kgViewer.cy.getElementById(i));
        return [...document.querySelectorAll('#panel *')].map((e) => e.tagName);
      }, id);
      const odd = tags.filter((t) => !allowed.has(t));
      assert.deepEqual(odd, [], `panel of ${id}`);
    }
    const href = await page.evaluate(() => {
      kgViewer.select(kgViewer.cy.getElementById('graph:cooperates_with:strict'));
      return document.querySelector('#panel .cite a').href;
    });
    assert.equal(href, new URL(dataset.sources[0].url).href);
    await page.fill('#path-from', hostile);
    await page.fill('#path-to', dataset.entities.find((e) => e.id === 'x.y:z-w_v').label);
    await page.click('#path-find');
    assert.match(await page.textContent('#path-result'), /^1 step:/);
    assert.ok((await page.textContent('#path-result')).includes(hostile));
    await page.screenshot({ path: path.join(out, 'hostile-panel.png') });
    const svg = await page.evaluate(() => kgViewer.svgString());
    assert.ok(!svg.includes('<script'), 'SVG export has no script element');
  });

  await step('hostile: date precision (a relation from 2001-02 until 2002)', async () => {
    const id = 'x.y:z-w_v:signed_by:graph';
    for (const [day, want] of [[20010131, false], [20010201, true], [20021231, true], [20030101, false]]) {
      await setDate(page, day);
      assert.equal(await isVisible(page, id), want, `as of ${day}`);
      assert.deepEqual(await counts(page).then((c) => ({ nodes: c.nodes, edges: c.edges })), expectedAsOf(dataset, day));
    }
    await page.uncheck('#date-on');
  });

  await step('hostile: still no dialog, error or request', () => assertClean(trouble));
  await page.close();
}

// ---- a large graph: relations after the first frame, near the view ------

// The relations drawn: exactly those with an end in view (the budget of
// 3,000 is not reached with 1,400), computed here from the positions.
async function drawnEdges(page) {
  return page.evaluate(() => {
    const cy = kgViewer.cy, e = cy.extent();
    const inView = (n) => { const p = n.position(); return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2; };
    const want = cy.edges().filter((x) => inView(x.source()) || inView(x.target())).map((x) => x.id()).sort();
    const drawn = cy.edges().filter((x) => x.style('display') !== 'none').map((x) => x.id()).sort();
    return { want, drawn, total: cy.edges().length };
  });
}

async function testLarge(context, { page: file, edges }, out) {
  const relations = fs.readFileSync(edges, 'utf8').trim().split('\n').length - 1;
  const { page, trouble } = await open(context, file);
  await step('large: loads cleanly; the relations come after the first frame, all of them', async () => {
    assertClean(trouble);
    const r = await page.evaluate(() => ({ first: kgViewer.firstDraw, complete: kgViewer.complete,
      nodes: kgViewer.cy.nodes().length, edges: kgViewer.cy.edges().length,
      counts: document.querySelector('#counts').textContent }));
    assert.ok(r.first > 0 && r.complete >= r.first, JSON.stringify(r));
    assert.equal(r.nodes, 800);
    assert.equal(r.edges, relations);
    assert.equal(r.counts, `800 entities, ${relations} relations shown`);
  });
  await page.screenshot({ path: path.join(out, 'large.png') });
  await step('large: draws the relations with an end in view, and only those', async () => {
    let d = await drawnEdges(page);
    assert.ok(d.want.length > 0);
    assert.deepEqual(d.drawn, d.want);
    await page.evaluate(() => {
      const cy = kgViewer.cy;
      cy.zoom({ level: cy.zoom() * 6, renderedPosition: { x: cy.width() / 3, y: cy.height() / 3 } });
    });
    await page.waitForTimeout(400); // the view rests: placeLabels runs after 150 ms
    d = await drawnEdges(page);
    assert.ok(d.want.length < d.total, `zoomed in, ${d.want.length} of ${d.total} relations near the view`);
    assert.deepEqual(d.drawn, d.want);
    await page.click('#fit');
    await page.waitForTimeout(400);
  });
  await step('large: the first screen\'s labels are legible and apart, more when zoomed in', () => checkLabels(page, 'large'));
  await page.close();
}

// ---- shipped data sets: load, count, screenshot --------------------------

async function testShipped(context, { page: file, data }, out) {
  const dataset = JSON.parse(fs.readFileSync(data, 'utf8'));
  const name = path.basename(file, '.html');
  const t0 = Date.now();
  const { page, trouble } = await open(context, file);
  const loadMs = Date.now() - t0;
  await step(`${name}: loads with no errors (${loadMs} ms) and shows every entity and relation`, async () => {
    assertClean(trouble);
    const c = await counts(page);
    assert.equal(c.nodes, dataset.entities.length);
    assert.equal(c.edges, dataset.relations.length);
  });
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  await step(`${name}: every entity is drawn where kg build placed it, the whole graph in view`, async () => {
    // Not Cytoscape's default grid layout over the embedded positions.
    const r = await page.evaluate(() => {
      const cy = kgViewer.cy, e = cy.extent();
      const moved = cy.nodes().filter((n) => n.position('x') !== n.data('x') || n.position('y') !== n.data('y'));
      const outside = cy.nodes().filter((n) => {
        const b = n.boundingBox({ includeLabels: false });
        return b.x1 < e.x1 || b.x2 > e.x2 || b.y1 < e.y1 || b.y2 > e.y2;
      });
      return { moved: moved.map((n) => n.id()).slice(0, 5), outside: outside.map((n) => n.id()).slice(0, 5) };
    });
    assert.deepEqual(r.moved, []);
    assert.deepEqual(r.outside, []);
  });
  await step(`${name}: the first screen's labels are legible and apart, more when zoomed in`, () => checkLabels(page, name));
  await step(`${name}: the drawing follows its box when the window changes size`, async () => {
    // The page resizes Cytoscape only when the box differs from what it
    // measured; its canvases must match the box after a change either way.
    const size = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
      const box = document.getElementById('cy'), canvas = box.querySelector('canvas');
      done({ box: [box.clientWidth, box.clientHeight], cy: [kgViewer.cy.width(), kgViewer.cy.height()],
        canvas: [canvas.clientWidth, canvas.clientHeight] });
    }))));
    const before = await size();
    assert.deepEqual(before.cy, before.box);
    assert.deepEqual(before.canvas, before.box);
    await page.setViewportSize({ width: 1100, height: 700 });
    const after = await size();
    await page.setViewportSize({ width: 1400, height: 900 });
    assert.notDeepEqual(after.box, before.box);
    assert.deepEqual(after.cy, after.box);
    assert.deepEqual(after.canvas, after.box);
    const back = await size();
    assert.deepEqual(back.cy, before.box);
  });
  await step(`${name}: a long label is cut in the drawing and whole in the panel`, async () => {
    const long = dataset.entities.filter((e) => [...(e.label || e.id)].length > LABEL_MAX)[0];
    if (!long) return;
    const r = await page.evaluate((id) => {
      const n = kgViewer.cy.getElementById(id);
      kgViewer.select(n);
      return { drawn: n.data('lbl'), title: document.querySelector('#panel h2.title').textContent };
    }, long.id);
    assert.equal(r.title, long.label);
    assert.ok(r.drawn.endsWith('\u2026') && [...r.drawn.replace(/\n/g, ' ')].length <= LABEL_MAX, r.drawn);
    await page.keyboard.press('Escape');
  });
  await page.selectOption('#centrality', 'betweenness');
  await page.screenshot({ path: path.join(out, `${name}-betweenness.png`) });
  await page.close();
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(opts.artifacts, { recursive: true });
  const timer = setTimeout(() => {
    console.error(`viewer test: gave up after ${TIME_LIMIT_MS / 1000} s`);
    process.exit(1);
  }, TIME_LIMIT_MS);
  const started = Date.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await testSmall(context, opts.small, opts.artifacts);
    await testHostile(context, opts.hostile, opts.artifacts);
    if (opts.large) await testLarge(context, opts.large, opts.artifacts);
    for (const s of opts.shipped) await testShipped(context, s, opts.artifacts);
  } finally {
    await browser.close();
    clearTimeout(timer);
  }
  console.log(`viewer test: ${failures.length} failed, ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${opts.artifacts}`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`viewer test: ${e.stack || e}`);
  process.exit(1);
});
