// profile.mjs - where a viewer page spends its start-up: loads PAGE in
// Debian's Chromium with the CDP CPU profiler on from before navigation
// to the first drawn frame, and prints the functions with the most self
// time and a summary by category. A tool for bench work, not a test.
//
//   node profile.mjs PAGE [TOP]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.KG_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const [file, topArg] = process.argv.slice(2);
const top = Number(topArg || 30);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(pathToFileURL(path.resolve(file)).href, { timeout: 120_000 });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
  const { profile } = await cdp.send('Profiler.stop');
  const firstDraw = await page.evaluate(() => kgViewer.firstDraw);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dts = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url ? path.basename(f.url) : ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) || 0) + (dts[i + 1] || 0) / 1000);
  });
  // Inclusive time: each sample counts once for every function on its stack.
  const parent = new Map();
  profile.nodes.forEach((n) => (n.children || []).forEach((c) => parent.set(c, n.id)));
  const keyOf = (n) => { const f = n.callFrame; return `${f.functionName || '(anon)'} ${f.url ? path.basename(f.url) : ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`; };
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const k = keyOf(byId.get(n));
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) || 0) + (dts[i + 1] || 0) / 1000);
    }
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`first draw ${firstDraw.toFixed(0)} ms; profiled ${total.toFixed(0)} ms`);
  [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
    .forEach(([k, v]) => console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`));
  console.log('inclusive:');
  [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
    .forEach(([k, v]) => console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`));
} finally {
  await browser.close();
}
