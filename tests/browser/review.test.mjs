// review.test.mjs - drives Debian's Chromium through a page written by
// `kg review`, as a reviewer would use it: the page loads from disk with no
// console errors and no network, lists every candidate, highlights a quote
// inside its sentence, moves with j/k, accepts (a) two entities and
// rejects (r) one, changes a type (t), merges (m) and undoes (u), shows
// its progress, and "Save accepted" (s) downloads a data set; accepting a
// relation accepts its ends.
//
//   node review.test.mjs --page PAGE --candidates CANDIDATES --saved FILE
//        --saved-relation FILE2 --artifacts DIR --accept LABEL --accept LABEL
//        --reject LABEL
//
// Expectations are read from the candidate file, independently of the
// page. The downloaded data set is written to FILE (and, after accepting an
// established_by relation too, to FILE2); tests/cli/test_review.sh
// then runs kg validate and kg merge on it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.KG_CHROMIUM || '/usr/bin/chromium';
// Flags for a closed network, as in viewer.test.mjs.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];
const TIME_LIMIT_MS = 60_000;

function parseArgs(argv) {
  const opts = { accept: [], reject: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (['--page', '--candidates', '--saved', '--saved-relation', '--artifacts'].includes(a)) opts[a.slice(2)] = argv[++i];
    else if (a === '--accept' || a === '--reject') opts[a.slice(2)].push(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  if (!opts.page || !opts.candidates || !opts.saved || !opts['saved-relation'] || !opts.artifacts || opts.accept.length !== 2 || opts.reject.length !== 1) {
    throw new Error('usage: review.test.mjs --page PAGE --candidates FILE --saved FILE --saved-relation FILE --artifacts DIR --accept LABEL --accept LABEL --reject LABEL');
  }
  return opts;
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

const progress = (page) => page.textContent('#progress');
const currentKey = (page) => page.getAttribute('#list li.current', 'data-key');

async function choose(page, key) {
  await page.click(`#list li[data-key="${key}"]`);
  assert.equal(await currentKey(page), key);
}

async function run(opts, context) {
  const data = JSON.parse(fs.readFileSync(opts.candidates, 'utf8'));
  const total = data.entities.length + data.relations.length;
  const byLabel = (label) => {
    const e = data.entities.find((x) => x.label === label);
    if (!e) throw new Error(`no candidate entity labelled ${label}; have ${data.entities.map((x) => x.label).join(', ')}`);
    return e;
  };
  const accepted = opts.accept.map(byLabel), rejected = byLabel(opts.reject[0]);

  const page = await context.newPage();
  page.setDefaultTimeout(5_000);
  const trouble = { console: [], errors: [], dialogs: [], requests: [] };
  const url = pathToFileURL(path.resolve(opts.page)).href;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') trouble.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => trouble.errors.push(e.message));
  page.on('dialog', (d) => { trouble.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('request', (r) => {
    const u = r.url();
    if (u !== url && !u.startsWith('data:') && !u.startsWith('blob:')) trouble.requests.push(u);
  });
  const clean = () => {
    assert.deepEqual(trouble.errors, [], 'uncaught exceptions');
    assert.deepEqual(trouble.console, [], 'console errors or warnings');
    assert.deepEqual(trouble.dialogs, [], 'dialogs (a quote ran as script?)');
    assert.deepEqual(trouble.requests, [], 'network requests');
  };
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });

  await step('loads with no errors and lists every candidate', async () => {
    clean();
    assert.equal(await page.locator('#list li').count(), total);
    assert.equal(await progress(page), `0 of ${total} reviewed (0 accepted, 0 rejected)`);
    assert.match(await page.textContent('#help'), /accept.*reject.*change type.*merge.*undo/s);
  });

  await step('each quote is highlighted inside its sentence, found at its offsets', async () => {
    for (const e of [...accepted, rejected]) {
      await choose(page, `entity:${e.id}`);
      const ev = e.evidence[0];
      const mark = await page.textContent('#detail .evidence mark');
      assert.equal(mark, ev.quote);
      const sentence = await page.textContent('#detail .evidence p');
      assert.ok(sentence.length > ev.quote.length && sentence.includes(ev.quote), `no sentence around "${ev.quote}": "${sentence}"`);
      assert.match(sentence, /[.!?]$/, `sentence should end at its full stop: "${sentence}"`);
      assert.ok(!(await page.textContent('#detail .evidence .where')).includes('not found'));
      const text = await page.textContent('#detail');
      assert.ok(text.includes(e.type) && text.includes(e.rule) && text.includes(e.confidence.toFixed(2)), 'type, rule, confidence shown');
    }
  });

  await step('j and k move, arrow keys too', async () => {
    await choose(page, `entity:${data.entities[0].id}`);
    await page.keyboard.press('j');
    assert.equal(await currentKey(page), `entity:${data.entities[1].id}`);
    await page.keyboard.press('ArrowDown');
    assert.equal(await currentKey(page), `entity:${data.entities[2].id}`);
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowUp');
    assert.equal(await currentKey(page), `entity:${data.entities[0].id}`);
  });

  await step('a accepts two, r rejects one; progress counts them', async () => {
    for (const e of accepted) {
      await choose(page, `entity:${e.id}`);
      await page.keyboard.press('a');
    }
    await choose(page, `entity:${rejected.id}`);
    await page.keyboard.press('r');
    assert.equal(await progress(page), `3 of ${total} reviewed (2 accepted, 1 rejected)`);
    for (const e of accepted) assert.match(await page.getAttribute(`#list li[data-key="entity:${e.id}"]`, 'class'), /accepted/);
    assert.match(await page.getAttribute(`#list li[data-key="entity:${rejected.id}"]`, 'class'), /rejected/);
  });

  await step('t changes a type (from the schema), u undoes it', async () => {
    const e = accepted[0];
    await choose(page, `entity:${e.id}`);
    await page.keyboard.press('t');
    const options = await page.locator('#dialog-select option').allTextContents();
    assert.ok(options.length > 3 && options.includes(e.type), `types offered: ${options}`);
    const other = options.find((o) => o !== e.type);
    await page.selectOption('#dialog-select', other);
    await page.keyboard.press('Enter');
    assert.ok(await page.isHidden('#dialog'));
    assert.ok((await page.textContent('#detail')).includes(`${other} (was ${e.type})`));
    await page.keyboard.press('u');
    assert.ok(!(await page.textContent('#detail')).includes('(was '));
  });

  await step('m merges an entity into another (alias, relations re-pointed), u undoes it', async () => {
    const [from, into] = [accepted[1], accepted[0]];
    await choose(page, `entity:${from.id}`);
    await page.keyboard.press('m');
    await page.fill('#dialog-input', `${into.label} (${into.id})`);
    await page.keyboard.press('Enter');
    assert.ok(await page.isHidden('#dialog'));
    assert.match(await page.getAttribute(`#list li[data-key="entity:${from.id}"]`, 'class'), /merged/);
    await choose(page, `entity:${into.id}`);
    assert.ok((await page.textContent('#detail')).includes(from.label), 'the merged name became an alias');
    await page.keyboard.press('u');
    assert.match(await page.getAttribute(`#list li[data-key="entity:${from.id}"]`, 'class'), /accepted/);
    assert.equal(await progress(page), `3 of ${total} reviewed (2 accepted, 1 rejected)`);
  });

  await step('s saves the accepted candidates as a download', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('s')]);
    const name = path.basename(opts.candidates).replace(/(\.kg)?\.json$/, '') + '.accepted.kg.json';
    assert.equal(dl.suggestedFilename(), name);
    await dl.saveAs(opts.saved);
    const saved = JSON.parse(fs.readFileSync(opts.saved, 'utf8'));
    assert.deepEqual(saved.entities.map((e) => e.id).sort(), accepted.map((e) => e.id).sort());
    assert.ok(saved.entities.every((e) => e.status === 'accepted'));
    assert.equal(saved.relations.length, 0);
    assert.equal(saved.schema, data.schema);
    assert.deepEqual(saved.sources, data.sources);
    assert.match(await page.textContent('#message'), /Saved 2 entities and 0 relations/);
  });

  await step('the Save accepted button does the same', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
    const again = path.join(opts.artifacts, 'saved-by-button.kg.json');
    await dl.saveAs(again);
    assert.equal(fs.readFileSync(again, 'utf8'), fs.readFileSync(opts.saved, 'utf8'));
  });

  await step('accepting a relation accepts its ends; it is saved with them', async () => {
    const rel = data.relations.find((r) => r.type === 'established_by');
    assert.ok(rel, 'an established_by candidate');
    await choose(page, `relation:${rel.source}|${rel.type}|${rel.target}`);
    const before = await page.textContent('#detail .evidence');
    assert.ok(before.includes(rel.evidence[0].quote));
    await page.keyboard.press('a');
    assert.match(await page.getAttribute(`#list li[data-key="entity:${rel.source}"]`, 'class'), /accepted/);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
    await dl.saveAs(opts['saved-relation']);
    const saved = JSON.parse(fs.readFileSync(opts['saved-relation'], 'utf8'));
    assert.deepEqual(saved.relations.map((r) => [r.source, r.type, r.target, r.status]),
      [[rel.source, rel.type, rel.target, 'accepted']]);
    assert.ok(saved.entities.some((e) => e.id === rel.source) && saved.entities.some((e) => e.id === rel.target));
    await page.keyboard.press('u');
    assert.equal(await progress(page), `3 of ${total} reviewed (2 accepted, 1 rejected)`);
  });

  await page.screenshot({ path: path.join(opts.artifacts, 'review.png') });
  await step('still no console errors, dialogs or requests', () => clean());
  await page.close();
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(opts.artifacts, { recursive: true });
  const timer = setTimeout(() => {
    console.error(`review test: gave up after ${TIME_LIMIT_MS / 1000} s`);
    process.exit(1);
  }, TIME_LIMIT_MS);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 }, acceptDownloads: true });
    await run(opts, context);
  } finally {
    await browser.close();
    clearTimeout(timer);
  }
  console.log(`review test: ${failures.length} failed`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`review test: ${e.stack || e}`);
  process.exit(1);
});
