// storage.test.mjs — nothing is lost, in a real browser: autosave and reload, imports
// that fail, a full store, a corrupt stored copy, export, drag and drop, ?data=URL, two
// tabs on the same storage; the IndexedDB store (web/store.js): a dataset far beyond
// localStorage kept across a reload, migration from earlier versions' localStorage keys,
// a store that throws or is deleted, no IndexedDB at all, a newer version's database.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OUT, openApp, poll, settle, small, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

const waitSaved = (page) => page.waitForFunction(() => atlas.storageStatus().saved);

// The app's database, read and written from the page as another program would (the app's
// own copy in memory does not see it until a reload).
const DB = 'coalition-atlas';
function storeGet(page, key) {
  return page.evaluate(([db, key]) => new Promise((resolve, reject) => {
    const open = indexedDB.open(db);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const r = open.result.transaction('kv').objectStore('kv').get(key);
      r.onsuccess = () => {
        open.result.close();
        resolve(r.result === undefined ? null : r.result);
      };
      r.onerror = () => reject(r.error);
    };
  }), [DB, key]);
}
function storeSet(page, key, value) {
  return page.evaluate(([db, key, value]) => new Promise((resolve, reject) => {
    const open = indexedDB.open(db);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(value, key);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onabort = () => reject(tx.error);
    };
  }), [DB, key, value]);
}
// In the page: a dataset of n events (about 500 bytes each) that the app loads cleanly.
function bigDataset(n, sentences = 4) {
  const places = [{ id: 'sg', name: 'Singapore', country: 'SG', lat: 1.29, lon: 103.85 },
    { id: 'hk', name: 'Hong Kong', country: 'HK', lat: 22.3, lon: 114.17 }];
  const events = [];
  for (let i = 0; i < n; i++) {
    events.push({ id: `e${i}`, kind: i % 3 ? 'forum' : 'roundtable',
      title: `Forum number ${i} on regional payments, supervision and shared market infrastructure`,
      date: `${2000 + (i % 20)}-${String(1 + (i % 12)).padStart(2, '0')}`, place: i % 2 ? 'sg' : 'hk',
      notes: `Event ${i}: ` + 'delegates compared notes on cross-border settlement and regulation. '.repeat(sentences) });
  }
  return JSON.stringify({ format: 'coalition-atlas', version: 1, title: `Big ${n}`, places, events });
}
const sha256 = async (text) => Array.from(new Uint8Array(
  await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) => b.toString(16)).join('');
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
  const newest = (await storeGet(page, 'current'))[0];
  await reload(page);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), before);
  assert.deepEqual(await page.evaluate(() => atlas.notices()), []);
  // The start read the newest copy only; the older one came after (and is there).
  const older = 'data.' + (newest === 'a' ? 'b' : 'a');
  assert.deepEqual(await page.evaluate(() =>
    performance.getEntriesByName('atlas-store-read').map((m) => m.detail.later)), [[older]]);
  await poll(page, (k) => !window.atlasStore.pending() && window.atlasStore.get(k) !== null, older);
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

test('a full store: the error is shown, nothing is lost, the stored copy still loads', async () => {
  const { page, context } = await openApp(env);
  await waitSaved(page);
  const stored = await page.evaluate(() => atlas.exportJSON());
  // The database refuses anything over 1 MB as a full one does (QuotaExceededError): the
  // browser's quota itself cannot be made small here (headless Chromium's incognito
  // profile ignores DevTools' quota override, and filling gigabytes would take minutes).
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (typeof value === 'string' && value.length > 1e6)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  // About 12 MB: more than localStorage holds too, so there is no fallback (and nothing is
  // left half-written there).
  await page.evaluate(`window.bigText = (${bigDataset})(24000); 0`);
  assert.deepEqual(await page.evaluate(() => atlas.loadJSON(window.bigText)), []);
  await page.waitForFunction(() => atlas.storageStatus().quotaExceeded);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  const notices = await page.evaluate(() => atlas.notices());
  assert.equal(notices.length, 1);
  assert.equal(notices[0].kind, 'error');
  assert.equal(notices[0].export, true);
  assert.match(notices[0].text, /full.*Export/s);
  // Still open in memory: nothing lost.
  assert.equal(await page.evaluate(() => JSON.parse(atlas.exportJSON()).title), 'Big 24000');
  await settle(page);
  writeFileSync(join(OUT, 'quota-exceeded.png'), await page.screenshot());
  await reload(page);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), stored);
  assert.deepEqual(await page.evaluate(() => atlas.notices()), []);
  await context.close();
});

// Two saves (the sample, then a newer dataset), then the newest copy cut short by hand:
// what the older copy holds, and which slot was damaged.
async function damageNewest(page) {
  await waitSaved(page);
  const good = await page.evaluate(() => atlas.exportJSON());
  await page.evaluate((t) => atlas.loadJSON(t), small('Newer'));
  await waitSaved(page);
  const slot = (await storeGet(page, 'current'))[0];
  await storeSet(page, 'data.' + slot, '{"format": "coalition-atlas", "version": 1, "ti');
  return { good, slot };
}

// The first save (the sample), then a dataset titled `title` opened and saved: its text.
async function saveNewer(page, title) {
  await waitSaved(page);
  await page.evaluate((t) => atlas.loadJSON(t), small(title));
  await waitSaved(page);
  return page.evaluate(() => atlas.exportJSON());
}

// The next start's read of what it defers (web/store.js readStart) is held back until the
// page calls window.__atlasReleaseDeferredRead().
function holdDeferredRead(context) {
  return context.addInitScript(() => {
    window.__atlasHoldDeferredRead = new Promise((release) => (window.__atlasReleaseDeferredRead = release));
  });
}

test('a corrupt stored copy: the last good copy comes back and the user is told', async () => {
  const { page, context } = await openApp(env);
  const { good, slot } = await damageNewest(page);
  await reload(page);
  // The start read only the (damaged) newest copy, then waited for the older one: the
  // app was ready only once it had fallen back to it.
  assert.deepEqual(await page.evaluate(() =>
    performance.getEntriesByName('atlas-store-read').map((m) => m.detail.later)), [['data.' + (slot === 'a' ? 'b' : 'a')]]);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), good);
  const notices = await page.evaluate(() => atlas.notices());
  assert.equal(notices.length, 1);
  assert.match(notices[0].text, /could not be read.*previous saved copy was loaded/s);
  await settle(page);
  writeFileSync(join(OUT, 'corrupt-fallback.png'), await page.screenshot());
  await context.close();
});

test('a damaged newest copy while the older one is still being read: the app waits for it', async () => {
  const { page, context } = await openApp(env);
  const { good, slot } = await damageNewest(page);
  // The next start's read of the older copy is held back until the test lets it go.
  await holdDeferredRead(context);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('atlas-app-started').length === 1, null,
    { timeout: 60000 });
  // The app has started and drawn, but waits: no first frame, the loading screen stays,
  // and nothing was decided or written (the newest copy is not yet kept as "corrupt").
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => performance.getEntriesByName('atlas-first-frame-drawn').length), 0);
  assert.equal(await page.evaluate(() => document.getElementById('loading').classList.contains('hidden')), false);
  assert.equal(await storeGet(page, 'corrupt'), null);
  await page.evaluate(() => window.__atlasReleaseDeferredRead());
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  await page.evaluate(() => atlas.ready);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), good);
  const notices = await page.evaluate(() => atlas.notices());
  assert.equal(notices.length, 1);
  assert.match(notices[0].text, /could not be read.*previous saved copy was loaded/s);
  await context.close();
});

test('the previous data and the unreadable copy are read after the first frame, and wait to be used', async () => {
  const { page, context } = await openApp(env);
  const open = await saveNewer(page, 'Open now');
  const newest = (await storeGet(page, 'current'))[0];
  await storeSet(page, 'previous', small('Replaced earlier'));
  await storeSet(page, 'corrupt', '{"format": "coalition-atlas", "ve');
  await holdDeferredRead(context);
  await reload(page);  // the first frame came while they are held back
  assert.equal(await page.evaluate(() => atlas.exportJSON()), open);
  const later = await page.evaluate(() => performance.getEntriesByName('atlas-store-read').map((m) => m.detail.later));
  assert.deepEqual(later.map((keys) => [...keys].sort()), [['corrupt', 'data.' + (newest === 'a' ? 'b' : 'a'), 'previous']]);
  // Known to exist, not yet read: File > Restore previous data says so and changes nothing.
  assert.equal(await page.evaluate(() => atlas.linkStatus().previous), true);
  assert.equal(await page.evaluate(() => atlas.restorePrevious()),
    'the previous data is still being read; try again in a moment');
  assert.equal(await page.evaluate(() => atlas.exportJSON()), open);
  await page.evaluate(() => window.__atlasReleaseDeferredRead());
  await poll(page, () => !window.atlasStore.pending() && window.atlasStore.get('corrupt') !== null);
  assert.equal(await page.evaluate(() => atlas.restorePrevious()), '');
  assert.equal(await page.evaluate(() => JSON.parse(atlas.exportJSON()).title), 'Replaced earlier');
  await context.close();
});

test('a damaged note of the newest copy: the newest good copy still loads, and the user is told', async () => {
  const { page, context } = await openApp(env);
  const latest = await saveNewer(page, 'Latest work');
  await storeSet(page, 'current', 'garbage');
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

test('?data=URL opens a dataset from the web (View mode); a failed fetch is shown', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route('**/remote.json', (r) => r.fulfill({ contentType: 'application/json', body: small('Remote', 2) }));
  await page.goto(env.url + '?data=remote.json');
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  await page.waitForFunction(() => atlas.stats().events === 2);
  assert.equal(await page.evaluate(() => atlas.mode()), 'view');
  await page.goto(env.url + '?data=missing.json');
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  await page.evaluate(() => atlas.ready);
  await page.waitForFunction(() => atlas.diagnostics().length > 0);
  assert.match((await page.evaluate(() => atlas.diagnostics()))[0].message, /answered 404/);
  // The user's own data (a first visit: the sample), never the link viewed before.
  assert.equal(await page.evaluate(() => atlas.mode()), 'edit');
  assert.notEqual(JSON.parse(await page.evaluate(() => atlas.exportJSON())).title, 'Remote');
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
  const slot = (await storeGet(a, 'current'))[0];
  const storedTitle = JSON.parse(await storeGet(a, 'data.' + slot)).title;
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

test('a 50 MB, 100,000-event dataset (far beyond localStorage) is kept: reloaded whole, byte-identical', async () => {
  const { page, context, problems } = await openApp(env);
  await waitSaved(page);
  // Persistent storage is asked for on the user's first own save, not for the sample.
  await page.evaluate(() => {
    const persist = navigator.storage.persist.bind(navigator.storage);
    window.persistAsked = 0;
    navigator.storage.persist = () => {
      window.persistAsked++;
      return persist();
    };
  });
  assert.equal(await page.evaluate(() => atlas.storageStatus().askedToPersist), false);
  const n = 100000;
  await page.evaluate(`window.bigText = (${bigDataset})(${n}, 5); 0`);
  assert.ok(await page.evaluate(() => new TextEncoder().encode(window.bigText).length) > 50e6);
  assert.deepEqual(await page.evaluate(() => atlas.loadJSON(window.bigText)), []);
  await poll(page, () => atlas.storageStatus().saved);
  assert.equal(await page.evaluate(() => window.persistAsked), 1);
  assert.equal(await page.evaluate(() => atlas.storageStatus().askedToPersist), true);
  const before = await page.evaluate(`(${sha256})(atlas.exportJSON())`);
  await reload(page);
  assert.equal(await page.evaluate(() => atlas.stats().events), n);
  assert.equal(await page.evaluate(`(${sha256})(atlas.exportJSON())`), before);
  assert.deepEqual(await page.evaluate(() => atlas.notices()), []);
  // Kept in IndexedDB, and the status says how much is used (the browser compresses what
  // it stores: far less than 50 MB here) and whether the browser keeps it.
  const status = await poll(page, () => {
    const s = atlas.storageStatus();
    return s.usage > 0 && s.persisted !== null && s;
  });
  assert.equal(status.backend, 'indexeddb');
  assert.match(status.status, /MB used of .*persistent storage (granted|not granted)/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('migration: the localStorage keys of earlier versions are opened, copied, then removed', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.url + 'favicon.svg');  // the app's origin, without the app
  const older = JSON.parse(small('Older copy', 2));
  const newer = JSON.parse(small('Saved by version 1', 3));
  await page.evaluate(([a, b]) => {
    localStorage.setItem('atlas.data.a', a);
    localStorage.setItem('atlas.rev.a', '4');
    localStorage.setItem('atlas.data.b', b);
    localStorage.setItem('atlas.rev.b', '5');
    localStorage.setItem('atlas.current', 'b 5');
  }, [JSON.stringify(older), JSON.stringify(newer)]);
  await page.goto(env.url);
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  await page.evaluate(() => atlas.ready);
  assert.equal(JSON.parse(await page.evaluate(() => atlas.exportJSON())).title, 'Saved by version 1');
  assert.deepEqual(await page.evaluate(() => atlas.notices()), []);
  assert.equal(await storeGet(page, 'current'), 'b 5');
  assert.equal(JSON.parse(await storeGet(page, 'data.a')).title, 'Older copy');
  // Read back and shown: the old keys go, and the copy in IndexedDB serves from now on.
  await poll(page, () => localStorage.getItem('atlas.current') === null &&
    localStorage.getItem('atlas.data.b') === null);
  await reload(page);
  assert.equal(JSON.parse(await page.evaluate(() => atlas.exportJSON())).title, 'Saved by version 1');
  await context.close();
});

test('the database deleted while open: the save goes to localStorage, the user is told, and the next start takes it back', async () => {
  const { page, context } = await openApp(env);
  await waitSaved(page);
  // Another program (a browser's "clear site data", another tab) deletes the database:
  // the app lets go of it, and its next save cannot be written.
  await page.evaluate((db) => new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(db);
    r.onsuccess = resolve;
    r.onerror = () => reject(r.error);
  }), DB);
  await page.evaluate((t) => atlas.loadJSON(t), small('Kept open', 4));
  const notices = await poll(page, () => atlas.notices().length && atlas.notices());
  assert.equal(notices.length, 1);
  assert.equal(notices[0].kind, 'warning');
  assert.equal(notices[0].export, true);
  assert.match(notices[0].text, /database \(IndexedDB\) failed while the app was open \(it was closed or deleted.*local storage instead.*Export/s);
  assert.equal(await page.evaluate(() => atlas.stats().events), 4);
  await poll(page, () => atlas.storageStatus().saved);
  assert.equal(await page.evaluate(() => atlas.storageStatus().backend), 'localstorage');
  const slot = await page.evaluate(() => localStorage.getItem('atlas.current')[0]);
  assert.equal(await page.evaluate((s) => JSON.parse(localStorage.getItem('atlas.data.' + s)).title, slot), 'Kept open');
  // The next start: IndexedDB works again, takes the copy back, and localStorage is cleared.
  await reload(page);
  assert.equal(await page.evaluate(() => JSON.parse(atlas.exportJSON()).title), 'Kept open');
  assert.equal(await page.evaluate(() => atlas.storageStatus().backend), 'indexeddb');
  await poll(page, () => Object.keys(localStorage).filter((k) => k.startsWith('atlas.')).length === 0);
  await reload(page);
  assert.equal(await page.evaluate(() => JSON.parse(atlas.exportJSON()).title), 'Kept open');
  await context.close();
});

test('no IndexedDB: a clear message, and the data is kept in localStorage instead', async () => {
  const context = await env.browser.newContext();
  // As in a private window that has none, or where opening it throws.
  await context.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'UnknownError');
    };
  });
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  await page.evaluate(() => atlas.ready);
  const notices = await page.evaluate(() => atlas.notices());
  assert.equal(notices.length, 1);
  assert.equal(notices[0].kind, 'warning');
  assert.match(notices[0].text, /IndexedDB\) cannot be used here \(The user denied.*local storage/s);
  assert.equal(await page.evaluate(() => atlas.storageStatus().backend), 'localstorage');
  await page.evaluate((t) => atlas.loadJSON(t), small('In localStorage', 2));
  await poll(page, () => atlas.storageStatus().saved);
  const slot = await page.evaluate(() => localStorage.getItem('atlas.current')[0]);
  assert.equal(await page.evaluate((s) => JSON.parse(localStorage.getItem('atlas.data.' + s)).title, slot),
    'In localStorage');
  await reload(page);
  assert.equal(await page.evaluate(() => atlas.stats().events), 2);
  await context.close();
});

test('a database from a newer version of the app is refused with a message, never overwritten', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.url + 'favicon.svg');
  const theirs = small('Saved by a newer app', 5);
  await page.evaluate(([db, text]) => new Promise((resolve, reject) => {
    const open = indexedDB.open(db, 7);
    open.onupgradeneeded = () => {
      const kv = open.result.createObjectStore('kv');
      kv.put(text, 'data.a');
      kv.put('a 1', 'current');
    };
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error);
  }), [DB, theirs]);
  await page.goto(env.url);
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  await page.evaluate(() => atlas.ready);
  const notices = await page.evaluate(() => atlas.notices());
  assert.ok(notices.some((n) => n.kind === 'warning' && /newer version of Coalition Atlas.*never overwritten/s.test(n.text)),
    JSON.stringify(notices));
  assert.equal(await page.evaluate(() => atlas.storageStatus().backend), 'refused');
  await page.evaluate((t) => { atlas.loadJSON(t); atlas.flush(); }, small('Made here'));
  await poll(page, () => !atlas.storageStatus().saving);
  const version = await page.evaluate((db) => new Promise((resolve) => {
    const open = indexedDB.open(db);
    open.onsuccess = () => {
      const v = open.result.version;
      const r = open.result.transaction('kv').objectStore('kv').get('data.a');
      r.onsuccess = () => {
        open.result.close();
        resolve([v, r.result]);
      };
    };
  }), DB);
  assert.deepEqual(version, [7, theirs]);
  assert.equal(JSON.parse(await page.evaluate(() => atlas.exportJSON())).title, 'Made here');  // still open
  await context.close();
});

test('the tab killed in the middle of a 20 MB save: the previous copy loads on the next visit', async () => {
  const { page, context } = await openApp(env);
  await page.evaluate((t) => atlas.loadJSON(t), small('Previous copy', 3));
  await poll(page, () => atlas.storageStatus().saved);
  await page.evaluate(`window.bigText = (${bigDataset})(45000); 0`);
  // The save starts (flush), and the renderer dies while its transaction is open.
  const saving = await page.evaluate(() => {
    atlas.loadJSON(window.bigText);
    atlas.flush();
    return atlas.storageStatus().saving;
  });
  assert.equal(saving, true);
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  cdp.send('Page.crash').catch(() => {});  // never answered: the page is gone
  await crashed;
  const again = await context.newPage();
  await again.goto(env.url);
  await again.waitForFunction(() => window.atlas && window.atlas.ready);
  await again.evaluate(() => atlas.ready);
  // Whole or not at all: the previous copy (or, had the transaction finished first, the
  // new one whole), never a damaged one, never the sample.
  const { title, events } = await again.evaluate(() => ({ title: JSON.parse(atlas.exportJSON()).title,
    events: atlas.stats().events }));
  assert.ok((title === 'Previous copy' && events === 3) || (title === 'Big 45000' && events === 45000),
    `${title}: ${events} events`);
  assert.deepEqual(await again.evaluate(() => atlas.notices()), []);
  await context.close();
});
