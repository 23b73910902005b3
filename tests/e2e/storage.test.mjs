// storage.test.mjs — nothing is lost, in a real browser: autosave and reload, imports
// that fail, a full localStorage, a corrupt stored copy, export, drag and drop,
// ?data=URL, and two tabs on the same storage.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OUT, openApp, settle, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

const small = (title, n = 1) => JSON.stringify({
  format: 'coalition-atlas', version: 1, title,
  places: [{ id: 'sg', name: 'Singapore', country: 'SG', lat: 1.29, lon: 103.85 }],
  events: Array.from({ length: n }, (_, i) => ({
    id: `e${i}`, kind: 'forum', title: `${title} forum ${i}`, date: '2018-05', place: 'sg',
  })),
});

const waitSaved = (page) => page.waitForFunction(() => atlas.storageStatus().saved);
async function reload(page) {
  await page.reload();
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  await page.evaluate(() => atlas.ready);
}

test('a change made through the API is there after a reload', async () => {
  const { page, context, problems } = await openApp(env);
  await waitSaved(page);  // the first visit stores the sample
  assert.deepEqual(await page.evaluate((t) => atlas.loadJSON(t), small('Reloaded')), []);
  await waitSaved(page);
  const before = await page.evaluate(() => atlas.exportJSON());
  await reload(page);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), before);
  assert.deepEqual(await page.evaluate(() => atlas.notices()), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('closing the tab right after a change (before the autosave delay) keeps the change', async () => {
  const { page, context } = await openApp(env);
  await waitSaved(page);
  await page.evaluate((t) => atlas.loadJSON(t), small('Closed at once'));
  assert.equal(await page.evaluate(() => atlas.storageStatus().saved), false);  // not yet
  await page.close();  // the page is hidden, then unloaded: it saves then
  const again = await context.newPage();
  await again.goto(env.url);
  await again.waitForFunction(() => window.atlas && window.atlas.ready);
  await again.evaluate(() => atlas.ready);
  assert.equal(JSON.parse(await again.evaluate(() => atlas.exportJSON())).title, 'Closed at once');
  await context.close();
});

test('importing a broken file shows its problems with paths; the data is unchanged', async () => {
  const { page, context } = await openApp(env);
  const before = await page.evaluate(() => atlas.exportJSON());
  const broken = JSON.stringify({ format: 'coalition-atlas', version: 1, title: 'Broken',
    places: [{ id: 'x', name: 'X', country: 'XX', lat: 91, lon: 0 }] });
  await page.setInputFiles('#file-input', { name: 'broken.json', mimeType: 'application/json',
    buffer: Buffer.from(broken) });
  await page.waitForFunction(() => atlas.diagnostics().length > 0);
  const diags = await page.evaluate(() => atlas.diagnostics());
  assert.deepEqual(diags.map((d) => d.pointer).sort(), ['/places/0/country', '/places/0/lat']);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), before);
  await settle(page);
  writeFileSync(join(OUT, 'import-problems.png'), await page.screenshot());
  await context.close();
});

test('a full localStorage: the error is shown, nothing is lost, the stored copy still loads', async () => {
  const { page, context } = await openApp(env);
  await waitSaved(page);
  const stored = await page.evaluate(() => atlas.exportJSON());
  // Fill the origin's storage to the brim with other data.
  await page.evaluate(() => {
    let size = 1 << 20;
    for (let i = 0; size >= 16; i++) {
      try {
        localStorage.setItem('filler.' + i, 'x'.repeat(size));
      } catch {
        size >>= 1;
      }
    }
  });
  assert.deepEqual(await page.evaluate((t) => atlas.loadJSON(t), small('Too big to store', 200)), []);
  await page.waitForFunction(() => atlas.storageStatus().quotaExceeded);
  const notices = await page.evaluate(() => atlas.notices());
  assert.equal(notices.length, 1);
  assert.equal(notices[0].kind, 'error');
  assert.match(notices[0].text, /full.*Export/s);
  // Still open in memory: nothing lost.
  const inMemory = JSON.parse(await page.evaluate(() => atlas.exportJSON()));
  assert.equal(inMemory.title, 'Too big to store');
  await settle(page);
  writeFileSync(join(OUT, 'quota-exceeded.png'), await page.screenshot());
  await reload(page);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), stored);
  assert.deepEqual(await page.evaluate(() => atlas.notices()), []);
  await context.close();
});

test('a corrupt stored copy: the last good copy comes back and the user is told', async () => {
  const { page, context } = await openApp(env);
  await waitSaved(page);
  const good = await page.evaluate(() => atlas.exportJSON());
  await page.evaluate((t) => atlas.loadJSON(t), small('Newer'));
  await waitSaved(page);
  await page.evaluate(() => {
    const slot = localStorage.getItem('atlas.current')[0];
    localStorage.setItem('atlas.data.' + slot, '{"format": "coalition-atlas", "version": 1, "ti');
  });
  await reload(page);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), good);
  const notices = await page.evaluate(() => atlas.notices());
  assert.equal(notices.length, 1);
  assert.match(notices[0].text, /could not be read.*previous saved copy was loaded/s);
  await settle(page);
  writeFileSync(join(OUT, 'corrupt-fallback.png'), await page.screenshot());
  await context.close();
});

test('a damaged note of the newest copy: the newest good copy still loads, and the user is told', async () => {
  const { page, context } = await openApp(env);
  await waitSaved(page);
  await page.evaluate((t) => atlas.loadJSON(t), small('Latest work'));
  await waitSaved(page);
  const latest = await page.evaluate(() => atlas.exportJSON());
  await page.evaluate(() => localStorage.setItem('atlas.current', 'garbage'));
  await reload(page);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), latest);  // not the sample
  const notices = await page.evaluate(() => atlas.notices());
  assert.equal(notices.length, 1);
  assert.match(notices[0].text, /newest/);
  // The note is repaired: the next reload is quiet and still has the work.
  await waitSaved(page);
  await reload(page);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), latest);
  assert.deepEqual(await page.evaluate(() => atlas.notices()), []);
  await context.close();
});

test('an import with only warnings asks first: until then the data is unchanged', async () => {
  const { page, context } = await openApp(env);
  await settle(page);
  const before = await page.evaluate(() => atlas.exportJSON());
  const warned = JSON.stringify({ ...JSON.parse(small('Warned')), 'x-colour': 'teal' });
  const r = await page.evaluate((t) => atlas.importJSON(t, 'warned.json'), warned);
  assert.equal(r.result, 'needs-confirmation');
  assert.ok(r.diagnostics.some((d) => d.severity === 'warning' && d.pointer === '/x-colour'),
    JSON.stringify(r.diagnostics));
  assert.equal(await page.evaluate(() => atlas.exportJSON()), before);
  await settle(page);
  writeFileSync(join(OUT, 'import-warnings.png'), await page.screenshot());
  // Errors never ask: refused, and the data is still the same.
  const refused = await page.evaluate(() => atlas.importJSON('{"format": 3}', 'bad.json'));
  assert.equal(refused.result, 'refused');
  assert.equal(await page.evaluate(() => atlas.exportJSON()), before);
  await context.close();
});

test('Ctrl+S downloads exactly exportJSON(), named from the title and the date', async () => {
  const { page, context } = await openApp(env);
  await settle(page);
  await page.mouse.click(640, 790);  // the status bar: focus the canvas, select nothing
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Control+S'),
  ]);
  assert.match(download.suggestedFilename(), /^asia-pacific-financial-coalition-[a-z-]+-\d{4}-\d\d-\d\d\.json$/);
  const bytes = readFileSync(await download.path(), 'utf8');
  assert.equal(bytes, await page.evaluate(() => atlas.exportJSON()));
  await context.close();
});

test('dropping a .json file on the canvas opens it', async () => {
  const { page, context } = await openApp(env);
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    const canvas = document.getElementById('canvas');
    canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, small('Dropped', 3));
  await page.waitForFunction(() => atlas.stats().events === 3);
  assert.equal(JSON.parse(await page.evaluate(() => atlas.exportJSON())).title, 'Dropped');
  await context.close();
});

test('?data=URL opens a dataset from the web; a failed fetch is shown', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route('**/remote.json', (r) => r.fulfill({ contentType: 'application/json', body: small('Remote', 2) }));
  await page.goto(env.url + '?data=remote.json');
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  await page.waitForFunction(() => atlas.stats().events === 2);
  await page.goto(env.url + '?data=missing.json');
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  await page.evaluate(() => atlas.ready);
  await page.waitForFunction(() => atlas.diagnostics().length > 0);
  assert.match((await page.evaluate(() => atlas.diagnostics()))[0].message, /answered 404/);
  assert.equal(await page.evaluate(() => atlas.stats().events), 2);  // unchanged
  await context.close();
});

test('two tabs: a saved change shows in the other tab; unsaved work is never overwritten', async () => {
  const { page: a, context } = await openApp(env);
  await waitSaved(a);
  const b = await context.newPage();
  await b.goto(env.url);
  await b.waitForFunction(() => window.atlas && window.atlas.ready);
  await b.evaluate(() => atlas.ready);
  await a.evaluate((t) => atlas.loadJSON(t), small('From tab A'));
  await waitSaved(a);
  await b.waitForFunction(() => atlas.stats().events === 1);
  assert.match((await b.evaluate(() => atlas.notices()))[0].text, /another tab/);

  // B has unsaved work when A saves: B must ask, not overwrite A's copy.
  await b.evaluate((t) => atlas.loadJSON(t), small('From tab B'));
  await a.evaluate((t) => { atlas.loadJSON(t); atlas.flush(); }, small('A again'));
  await b.waitForFunction(() => atlas.storageStatus().conflict);
  await b.waitForTimeout(800);  // past B's autosave delay
  const storedTitle = await a.evaluate(() => {
    const slot = localStorage.getItem('atlas.current')[0];
    return JSON.parse(localStorage.getItem('atlas.data.' + slot)).title;
  });
  assert.equal(storedTitle, 'A again');
  await settle(b);
  writeFileSync(join(OUT, 'two-tabs-conflict.png'), await b.screenshot());
  await context.close();
});

test('Ctrl+V of a dataset\'s JSON outside a field opens it; a broken one changes nothing', async () => {
  const { page, context } = await openApp(env);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.mouse.click(300, 200);  // the map: no text field active
  await page.evaluate((t) => navigator.clipboard.writeText(t), small('Pasted', 3));
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => atlas.stats().events === 3);
  assert.equal(JSON.parse(await page.evaluate(() => atlas.exportJSON())).title, 'Pasted');
  await page.evaluate(() => navigator.clipboard.writeText('{"format": "coalition-atlas", "version": 1, "places": [1]}'));
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => atlas.diagnostics().length > 0);
  assert.equal(await page.evaluate(() => atlas.stats().events), 3);
  await context.close();
});
