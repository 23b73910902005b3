// view.test.mjs — shared links (?data=URL) in a real browser: View mode never touches the
// visitor's own data; "Make a copy to edit" asks, keeps the replaced data, and survives a
// reload; File > Restore previous data brings it back; bad links change nothing.
//
//   1. View mode: the link shown read-only, the stored data byte-identical, a reload
//      shows the link again, edits through the UI go nowhere
//   2. Make a copy: asks when there is data of the user's own; Cancel keeps everything;
//      the copy survives a reload; Restore previous data
//   3. Bad links: javascript:, data:, a 404, an HTML page, an over-size file, a server
//      that refuses other sites (CORS): a clear message, the data untouched
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { click, openApp, poll, settle, small, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

// Everything this origin keeps: the app's database (web/store.js), key by key, and
// localStorage (its fallback, and where older versions kept the data).
const stored = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const out = {};
  for (let i = 0; i < localStorage.length; i++) out['localStorage:' + localStorage.key(i)] = localStorage.getItem(localStorage.key(i));
  const open = indexedDB.open('coalition-atlas');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('kv')) {
      db.close();
      return resolve(out);
    }
    const kv = db.transaction('kv').objectStore('kv');
    const keys = kv.getAllKeys();
    const values = kv.getAll();
    values.onsuccess = () => {
      keys.result.forEach((k, i) => { out[k] = values.result[i]; });
      db.close();
      resolve(out);
    };
    values.onerror = () => reject(values.error);
  };
}));
const title = async (page) => JSON.parse(await page.evaluate(() => atlas.exportJSON())).title;

async function go(page, query) {
  await page.goto(env.url + query);
  await page.waitForFunction(() => window.atlas && window.atlas.ready, null, { timeout: 30000 });
  await page.evaluate(() => atlas.ready);
}

// A page whose browser holds the user's own edited dataset ('Mine', 3 events), saved;
// the shared file is served at shared.json. Service workers are blocked so that the
// page's own routes see every fetch.
async function withOwnData() {
  const opened = await openApp(env, { contextOptions: { serviceWorkers: 'block' } });
  const { page } = opened;
  await page.route('**/shared.json', (r) => r.fulfill({ contentType: 'application/json', body: small('Shared', 2) }));
  assert.deepEqual(await page.evaluate((t) => atlas.loadJSON(t), small('Mine', 3)), []);
  await poll(page, () => atlas.storageStatus().saved);
  return { ...opened, before: await stored(page) };
}

async function viewShared(page) {
  await go(page, '?data=shared.json');
  await poll(page, () => atlas.mode() === 'view' && !atlas.linkStatus().opening && atlas.stats().events === 2);
}

// -----------------------------------------------------------------------------------
// 1. View mode
// -----------------------------------------------------------------------------------
test('a shared link opens read-only over the user\'s own data, which stays byte-identical', async () => {
  const { page, context, before, problems } = await withOwnData();
  assert.equal(before.current !== undefined, true, 'the own data is stored');
  await viewShared(page);
  assert.equal(await title(page), 'Shared');
  assert.deepEqual(await page.evaluate(() => atlas.linkStatus()),
    { mode: 'view', link: 'shared.json', opening: false, ownData: true, previous: false });
  await settle(page);
  // The bar and its button are on screen; the editing chrome is not.
  await poll(page, () => atlas.widgetRect('Make a copy to edit'));  // (starts the recording)
  await settle(page);
  assert.equal(await page.evaluate(() => atlas.widgetRect('+ Event')), null);
  assert.equal(await page.evaluate(() => atlas.widgetRect('Edit')), null);  // the Edit menu

  // An edit through the UI: the selected event's title field takes no keyboard.
  await page.evaluate(() => atlas.select('e0'));
  const field = await poll(page, () => atlas.fieldRect('e0/title'));
  await page.mouse.click(field.x + field.width / 2, field.y + field.height / 2);
  await settle(page);
  assert.equal(await page.evaluate(() => atlas.typing()), false);
  await page.keyboard.type('XYZ');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+z');
  await settle(page);
  assert.equal(JSON.parse(await page.evaluate(() => atlas.exportJSON())).events[0].title, 'Shared forum 0');
  // Scripts cannot change it either.
  assert.match(await page.evaluate(() => atlas.setField('e0', 'title', 'Changed')), /read-only/);
  assert.match((await page.evaluate((t) => atlas.loadJSON(t), small('Script')))[0].message, /read-only/);
  assert.equal((await page.evaluate((t) => atlas.importJSON(t), small('Pasted'))).result, 'refused');
  assert.equal(await title(page), 'Shared');

  // Saving when the page hides, and an explicit flush, write nothing in View mode.
  await page.evaluate(() => { atlas.flush(); window.dispatchEvent(new Event('pagehide')); });
  await settle(page);
  assert.deepEqual(await stored(page), before);

  // The same address again shows the link again.
  await go(page, '?data=shared.json');
  await poll(page, () => atlas.mode() === 'view' && atlas.stats().events === 2);
  assert.equal(await title(page), 'Shared');
  assert.deepEqual(await stored(page), before);
  // And without the link, the user's own data, as it was.
  await go(page, '');
  assert.equal(await title(page), 'Mine');
  assert.equal(await page.evaluate(() => atlas.mode()), 'edit');
  assert.deepEqual(problems.filter((p) => !/Service Worker registration blocked/.test(p)), []);
  await context.close();
});

test('a first visit through a shared link stores nothing', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/shared.json', (r) => r.fulfill({ contentType: 'application/json', body: small('Shared', 2) }));
  await viewShared(page);
  await settle(page);
  assert.deepEqual(await stored(page), {});
  assert.equal((await page.evaluate(() => atlas.linkStatus())).ownData, false);
  await context.close();
});

// -----------------------------------------------------------------------------------
// 2. Make a copy, Restore previous data
// -----------------------------------------------------------------------------------
test('Make a copy asks first; Cancel keeps all; the copy survives a reload; the old data can be restored', async () => {
  const { page, context, before } = await withOwnData();
  await viewShared(page);
  await click(page, 'Make a copy to edit');
  await poll(page, () => atlas.widgetRect('Make the copy'));
  await click(page, 'Cancel');
  await settle(page);
  assert.equal(await page.evaluate(() => atlas.widgetRect('Make the copy')), null);
  assert.equal(await page.evaluate(() => atlas.mode()), 'view');
  assert.equal(await title(page), 'Shared');
  assert.deepEqual(await stored(page), before);
  assert.match(page.url(), /\?data=shared\.json/);

  await click(page, 'Make a copy to edit');
  await click(page, 'Make the copy');
  await poll(page, () => atlas.mode() === 'edit' && atlas.storageStatus().saved);
  assert.doesNotMatch(page.url(), /data=/);
  assert.equal(await title(page), 'Shared');
  assert.equal(await page.evaluate(() => atlas.linkStatus().previous), true);
  // Editable now, and saved like any data of the user's.
  assert.equal(await page.evaluate(() => atlas.setField('e0', 'title', 'Copied and edited')), '');
  await poll(page, () => atlas.storageStatus().saved);

  await page.reload();
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  await page.evaluate(() => atlas.ready);
  assert.equal(await page.evaluate(() => atlas.mode()), 'edit');
  assert.equal(await title(page), 'Shared');
  assert.equal(JSON.parse(await page.evaluate(() => atlas.exportJSON())).events[0].title, 'Copied and edited');

  // File > Restore previous data: the user's own data is back, and survives a reload.
  await click(page, 'File');
  await click(page, 'Restore previous data');
  await poll(page, () => JSON.parse(atlas.exportJSON()).title === 'Mine' && atlas.storageStatus().saved);
  assert.equal(await page.evaluate(() => atlas.stats().events), 3);
  await page.reload();
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  await page.evaluate(() => atlas.ready);
  assert.equal(await title(page), 'Mine');
  // A swap: restoring again brings the copy back (through the API this time).
  assert.equal(await page.evaluate(() => atlas.restorePrevious()), '');
  assert.equal(await title(page), 'Shared');
  await context.close();
});

test('atlas.makeCopy(): Edit mode at once, the address without ?data=', async () => {
  const { page, context } = await withOwnData();
  assert.match(await page.evaluate(() => atlas.makeCopy()), /already your own data/);
  await viewShared(page);
  assert.equal(await page.evaluate(() => atlas.makeCopy()), '');
  assert.equal(await page.evaluate(() => atlas.mode()), 'edit');
  assert.doesNotMatch(page.url(), /data=/);
  await poll(page, () => atlas.storageStatus().saved);
  await context.close();
});

// -----------------------------------------------------------------------------------
// 3. Bad links
// -----------------------------------------------------------------------------------
test('bad links: a clear message each, and the user\'s data untouched', async () => {
  const { page, context, before } = await withOwnData();
  // 61 MB of valid-looking JSON: too big for a link, whatever it holds.
  const huge = Buffer.alloc(61 * 1024 * 1024, 0x20);
  huge.write('{"format": "coalition-atlas", "version": 1, "title": "Huge"}');
  await page.route('**/huge.json', (r) => r.fulfill({ contentType: 'application/json', body: huge }));
  // Another site that does not allow this page to read its files (CORS). (A response
  // fulfilled with no Access-Control-Allow-Origin header at all is let through by the test
  // driver itself: one for another origin is what the browser checks.)
  await page.route('https://data.example.org/**', (r) => r.fulfill({ contentType: 'application/json',
    headers: { 'access-control-allow-origin': 'https://someone-else.example' }, body: small('Elsewhere') }));
  // And one that cannot be reached at all.
  await page.route('https://down.example.org/**', (r) => r.abort('connectionrefused'));
  const cases = [
    ['?data=javascript:alert(1)', /only http:\/\/ and https:\/\/ addresses can be opened, not javascript: ones/],
    ['?data=' + encodeURIComponent('data:application/json,{}'), /not data: ones/],
    ['?data=missing.json', /the server answered 404/],
    ['?data=index.html', /./],  // the page itself: not JSON, refused with the parser's words
    ['?data=huge.json', /larger than the 60 MB a shared link may be/],
    ['?data=' + encodeURIComponent('https://data.example.org/x.json'), /does not allow other sites to read its files/],
    ['?data=' + encodeURIComponent('https://down.example.org/x.json'), /down\.example\.org could not be reached/],
    ['?data=' + encodeURIComponent('http://192.0.2.1/x.json'), /must come over https/],
  ];
  for (const [query, message] of cases) {
    await go(page, query);
    const diags = await poll(page, () => atlas.mode() === 'edit' && atlas.diagnostics().length > 0 && atlas.diagnostics())
      .catch((e) => { throw new Error(`${query}: ${e.message}`); });
    assert.match(diags[0].message, message, query);
    assert.equal(diags[0].severity, 'error', query);
    assert.equal(await title(page), 'Mine', query);
    assert.ok((await page.evaluate(() => atlas.notices())).some((n) => /could not be opened/.test(n.text)), query);
    await poll(page, () => atlas.widgetRect('Close'));  // the import problems, shown
    assert.deepEqual(await stored(page), before, query);
  }
  await context.close();
});
