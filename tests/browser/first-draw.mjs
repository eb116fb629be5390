// first-draw.mjs - opens viewer pages in Debian's Chromium and prints, per
// page, when the first frame was drawn (the page's own performance.now() at
// Cytoscape's first render, kgViewer.firstDraw), the load event, the
// number of labels drawn on the first screen and whether any two overlap,
// how long a few pan and zoom steps take, and the frame times during two
// seconds of continuous panning and zooming (one small step per
// requestAnimationFrame; the time between frames). When the page has
// kgViewer.complete (a large graph adds its relations after the first
// frame), also that; and the main thread's CPU time until all is in and
// until the first frame (the last column; from a second, traced load, since
// tracing slows the page the other figures come from). For bench/viewer.sh; a
// measurement, not a test: it exits non-zero only when a page fails. The
// pages are loaded in turn, RUNS rounds.
//
//   node first-draw.mjs [--runs N] PAGE...
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { labelBoxes, overlapping } from './labels.mjs';

const CHROMIUM = process.env.KG_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// A page of the viewer's size with Chromium's Performance metrics on: the
// main thread's CPU time (ThreadTime) is the work done, less sensitive
// than wall-clock times to other jobs on the machine.
async function newPage(browser) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp };
}

async function load(page, file) {
  await page.goto(pathToFileURL(path.resolve(file)).href, { timeout: 120_000 });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
}

// When the page drew its first frame. A page from before firstDraw existed
// (a baseline) drew right after its load event, once its in-page layout
// had run. Runs in the page.
function firstDrawOf() {
  return kgViewer.firstDraw ?? performance.getEntriesByType('navigation')[0].loadEventEnd;
}

async function measure(browser, file) {
  const { page, cdp } = await newPage(browser);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await load(page, file);
  const firstDraw = await page.evaluate(firstDrawOf);
  const r = await page.evaluate((firstDraw) => ({
    firstDraw,
    load: performance.getEntriesByType('navigation')[0].loadEventStart,
    nodes: kgViewer.cy.nodes().length,
    complete: kgViewer.complete ?? firstDraw,
    webgl: !!kgViewer.cy.renderer().webgl,
  }), firstDraw);
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  r.cpu = 1000 * metrics.find((m) => m.name === 'ThreadTime').value;
  const boxes = await page.evaluate(labelBoxes);
  r.labels = boxes.length;
  r.overlaps = overlapping(boxes).length;
  r.minPx = boxes.length ? Math.min(...boxes.map((b) => b.px)) : 0;
  // Pan and zoom as a reader would, timing each step to the next frame.
  r.steps = await page.evaluate(async () => {
    const cy = kgViewer.cy, times = [];
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    for (const act of [() => cy.zoom({ level: cy.zoom() * 2, renderedPosition: { x: 400, y: 300 } }),
      () => cy.panBy({ x: 200, y: 100 }), () => cy.zoom({ level: cy.zoom() / 2, renderedPosition: { x: 400, y: 300 } }),
      () => cy.panBy({ x: -200, y: -100 })]) {
      const t = performance.now();
      act();
      await frame();
      times.push(performance.now() - t);
    }
    return times;
  });
  // Continuous motion: a pan or zoom step at every frame for 2 s.
  r.frames = await page.evaluate(async () => {
    const cy = kgViewer.cy, gaps = [];
    cy.fit(undefined, 30);
    await new Promise((done) => setTimeout(done, 500));
    let last = performance.now(), i = 0;
    const end = last + 2000;
    await new Promise((done) => {
      const tick = (now) => {
        gaps.push(now - last);
        last = now;
        i++;
        if (i % 2) cy.panBy({ x: i % 4 === 1 ? 15 : -15, y: 8 });
        else cy.zoom({ level: cy.zoom() * (i % 40 < 20 ? 1.05 : 1 / 1.05), renderedPosition: { x: 500, y: 400 } });
        if (now < end) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    gaps.shift();
    gaps.sort((a, b) => a - b);
    return { n: gaps.length, median: gaps[gaps.length >> 1], max: gaps[gaps.length - 1] };
  });
  r.mouse = await mouseFrames(page);
  await page.close();
  if (errors.length) throw new Error(`${file}: ${errors.join('; ')}`);
  r.cpuFirst = await tracedCpuToFirstDraw(browser, file);
  return r;
}

// The main thread's CPU time up to the first frame, from a second load of
// the page with a trace of its main thread (each task's thread time,
// "tdur"). A load of its own, because tracing slows the page: the times
// above come from a load without it.
async function tracedCpuToFirstDraw(browser, file) {
  const { page, cdp } = await newPage(browser);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  await load(page, file);
  const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const firstDraw = await page.evaluate(firstDrawOf);
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const navigation = 1e6 * metrics.find((m) => m.name === 'NavigationStart').value;
  await page.close();
  return cpuToFirstDraw(trace, navigation, navigation + 1000 * firstDraw);
}

// The main thread's CPU time in the tasks that began between `from` (the
// navigation) and `until` (the first frame; trace timestamps,
// microseconds): the page's work up to its first frame, the task that drew
// it included. The main thread is the one that parsed HTML.
function cpuToFirstDraw(trace, from, until) {
  const parse = trace.find((e) => e.name === 'ParseHTML');
  if (!parse) return NaN;
  const tasks = trace.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' &&
    e.name === 'ThreadControllerImpl::RunTask' && e.ts >= from && e.ts <= until);
  return tasks.reduce((sum, e) => sum + (e.tdur || 0), 0) / 1000;
}

// The same motion as a reader makes it: a drag on the background, then
// wheel steps, sent as input events (Cytoscape.js takes its viewport-motion
// shortcuts, such as textureOnViewport, only for user gestures, not for
// cy.panBy and cy.zoom). Frame gaps are recorded in the page meanwhile.
async function mouseFrames(page) {
  const start = await page.evaluate(() => {
    const cy = kgViewer.cy;
    cy.fit(undefined, 30);
    const w = cy.width(), h = cy.height();
    const boxes = cy.nodes(':visible').map((n) => n.renderedBoundingBox());
    let spot = null;
    for (let y = h * 0.3; !spot && y < h * 0.7; y += 7)
      for (let x = w * 0.3; !spot && x < w * 0.7; x += 7)
        if (!boxes.some((b) => x >= b.x1 - 3 && x <= b.x2 + 3 && y >= b.y1 - 3 && y <= b.y2 + 3))
          spot = { x, y };
    const r = cy.container().getBoundingClientRect();
    window.kgGaps = [];
    window.kgRecording = true;
    let last = performance.now();
    const tick = (now) => {
      window.kgGaps.push(now - last);
      last = now;
      if (window.kgRecording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return spot && { x: r.left + spot.x, y: r.top + spot.y };
  });
  if (!start) return { n: 0, median: NaN, max: NaN };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  let i = 0;
  for (const end = Date.now() + 1500; Date.now() < end; i++)
    await page.mouse.move(start.x + 120 * Math.sin(i / 6), start.y + 80 * Math.cos(i / 6) - 80, { steps: 1 });
  await page.mouse.up();
  for (const end = Date.now() + 1500; Date.now() < end; i++) {
    await page.mouse.wheel(0, i % 16 < 8 ? -60 : 60);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    window.kgRecording = false;
    const g = window.kgGaps.slice(1).sort((a, b) => a - b);
    return { n: g.length, median: g[g.length >> 1], max: g[g.length - 1] };
  });
}

const argv = process.argv.slice(2);
let runs = 1;
if (argv[0] === '--runs') { runs = Number(argv[1]); argv.splice(0, 2); }
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  // Interleaved (each page once, then again), so that a change in the
  // machine's load during the runs falls on every page alike; printed
  // grouped by page.
  const lines = new Map(argv.map((file) => [file, []]));
  for (let i = 0; i < runs; i++) {
    for (const file of argv) {
      const r = await measure(browser, file);
      lines.get(file).push([path.basename(file), r.nodes, r.firstDraw.toFixed(0), r.load.toFixed(0), r.labels,
        r.overlaps, r.minPx.toFixed(1), Math.max(...r.steps).toFixed(0), r.webgl, r.complete.toFixed(0),
        r.frames.n, r.frames.median.toFixed(0), r.frames.max.toFixed(0), r.cpu.toFixed(0),
        r.mouse.n, r.mouse.median.toFixed(0), r.mouse.max.toFixed(0), r.cpuFirst.toFixed(0)].join('\t'));
    }
  }
  for (const file of argv) for (const line of lines.get(file)) console.log(line);
} finally {
  await browser.close();
}
