// ui.test.mjs — the menus, confirmations and dialogs a user clicks, clicked for real: the
// mouse goes where the app drew each widget (atlas.widgetRect, from Dear ImGui's own item
// records), so these tests fail when a button is missing, hidden or does nothing.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OUT, click, clickField, openApp, poll, settle, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

const gone = (page, label) => page.waitForFunction((l) => atlas.widgetRect(l) === null, label);

const small = JSON.stringify({
  format: 'coalition-atlas', version: 1, title: 'Small',
  places: [{ id: 'sg', name: 'Singapore', country: 'SG', lat: 1.29, lon: 103.85 }],
  events: [{ id: 'e', kind: 'forum', title: 'A forum', date: '2018-05', place: 'sg' }],
});

test('File > New asks first; Cancel keeps the data, confirming empties it; Reset brings the sample back', async () => {
  const { page, context, problems } = await openApp(env);
  await settle(page);
  const sample = await page.evaluate(() => atlas.exportJSON());
  await click(page, 'File');
  await click(page, 'New dataset…');
  await click(page, 'Cancel');
  await gone(page, 'Start empty');
  assert.equal(await page.evaluate(() => atlas.exportJSON()), sample);

  await click(page, 'File');
  await click(page, 'New dataset…');
  await settle(page);
  writeFileSync(join(OUT, 'ui-confirm-new.png'), await page.screenshot());
  await click(page, 'Start empty');
  await page.waitForFunction(() => atlas.stats().events === 0);
  assert.deepEqual(await page.evaluate(() => atlas.stats()),
    { events: 0, working_groups: 0, places: 0, organisations: 0 });

  await click(page, 'File');
  await click(page, 'Reset to sample…');
  await click(page, 'Reset to sample');
  await page.waitForFunction(() => atlas.stats().events === 12);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), sample);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an import with warnings asks: "Open it" opens it, "Cancel" keeps the data', async () => {
  const { page, context } = await openApp(env);
  await settle(page);
  const before = await page.evaluate(() => atlas.exportJSON());
  const warned = JSON.stringify({ ...JSON.parse(small), 'x-colour': 'teal' });
  assert.equal((await page.evaluate((t) => atlas.importJSON(t, 'warned.json'), warned)).result,
    'needs-confirmation');
  await click(page, 'Cancel');
  await gone(page, 'Open it');
  assert.equal(await page.evaluate(() => atlas.exportJSON()), before);

  await page.evaluate((t) => atlas.importJSON(t, 'warned.json'), warned);
  await click(page, 'Open it');
  await page.waitForFunction(() => JSON.parse(atlas.exportJSON()).title === 'Small');
  // The unknown field is kept, as the warning promised.
  assert.equal(JSON.parse(await page.evaluate(() => atlas.exportJSON()))['x-colour'], 'teal');
  await context.close();
});

test('Ctrl+O opens the browser\'s file picker, and the chosen file opens', async () => {
  const { page, context } = await openApp(env);
  await settle(page);
  await page.mouse.click(640, 790);  // the status bar: focus without selecting
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.keyboard.press('Control+O'),
  ]);
  await chooser.setFiles({ name: 'small.json', mimeType: 'application/json', buffer: Buffer.from(small) });
  await page.waitForFunction(() => atlas.stats().events === 1);
  assert.equal(JSON.parse(await page.evaluate(() => atlas.exportJSON())).title, 'Small');
  await context.close();
});

test('another tab saved meanwhile: "Keep this tab\'s data" saves over it; "Use the other tab\'s" takes it', async () => {
  const { page, context } = await openApp(env);
  await page.waitForFunction(() => atlas.storageStatus().saved);
  // Another tab's save lands in storage (written here as a tab writes it, web/store.js:
  // the other slot, its revision and the pointer in one IndexedDB transaction, then a
  // word on the BroadcastChannel) and in the same moment, before this tab has heard of
  // it, this tab changes a title and saves: the race with the half-second autosave is
  // out of the test. (storage.test.mjs drives two real tabs.)
  const conflict = async (mine, theirs) => {
    await page.evaluate(([m, t]) => new Promise((resolve, reject) => {
      const open = indexedDB.open('coalition-atlas');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('kv', 'readwrite');
        const kv = tx.objectStore('kv');
        let current;
        kv.get('current').onsuccess = (e) => {
          const [slot, rev] = e.target.result.split(' ');
          const other = slot === 'a' ? 'b' : 'a';
          const data = JSON.parse(atlas.exportJSON());
          data.events.find((x) => x.id === 'rt-hk').title = t;
          current = other + ' ' + (Number(rev) + 1);
          kv.put(JSON.stringify(data), 'data.' + other);
          kv.put(String(Number(rev) + 1), 'rev.' + other);
          kv.put(current, 'current');
        };
        tx.oncomplete = () => {
          open.result.close();
          atlas.setField('rt-hk', 'title', m);
          atlas.flush();
          const channel = new BroadcastChannel('coalition-atlas.store');
          channel.postMessage({ current });
          channel.close();
          resolve();
        };
        tx.onabort = () => reject(tx.error);
      };
    }), [mine, theirs]);
    return poll(page, () => atlas.storageStatus().conflict);
  };
  const stored = () => page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('coalition-atlas');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const kv = open.result.transaction('kv').objectStore('kv');
      kv.get('current').onsuccess = (e) => {
        kv.get('data.' + e.target.result[0]).onsuccess = (d) => {
          open.result.close();
          resolve(JSON.parse(d.target.result).events.find((x) => x.id === 'rt-hk').title);
        };
      };
    };
  }));
  const title = async () => JSON.parse(await page.evaluate(() => atlas.exportJSON()))
    .events.find((e) => e.id === 'rt-hk').title;

  assert.equal(await conflict('Mine', 'Theirs'), true);
  assert.equal(await stored(), 'Theirs');  // nothing overwritten before the user chose
  await settle(page);
  writeFileSync(join(OUT, 'ui-two-tabs.png'), await page.screenshot());
  await click(page, 'Keep this tab\'s data');
  await page.waitForFunction(() => !atlas.storageStatus().conflict && atlas.storageStatus().saved);
  assert.equal(await stored(), 'Mine');

  assert.equal(await conflict('Mine again', 'Theirs again'), true);
  await click(page, 'Use the other tab\'s data');
  await page.waitForFunction(() => !atlas.storageStatus().conflict);
  assert.equal(await title(), 'Theirs again');
  assert.equal(await stored(), 'Theirs again');
  await context.close();
});

test('the story editor: add the selection, move it up, caption it, remove a step', async () => {
  const { page, context } = await openApp(env);
  await settle(page);
  await click(page, 'Present');
  await click(page, 'Edit the story…');
  await page.waitForFunction(() => atlas.widgetRect('+ Add the selection here'));
  await settle(page);
  writeFileSync(join(OUT, 'ui-story-editor.png'), await page.screenshot());
  // Adding saves the default steps (an overview, then every event by date) as the story.
  await page.evaluate(() => atlas.select('rt-th'));
  await page.evaluate(() => atlas.setMapView(100.5, 13.75, 5));
  await click(page, '+ Add the selection here');
  await page.waitForFunction(() => (JSON.parse(atlas.exportJSON()).stories || []).length === 1);
  let steps = JSON.parse(await page.evaluate(() => atlas.exportJSON())).stories[0].steps;
  assert.equal(steps.length, 14);
  const added = steps[13];
  assert.equal(added.item, 'rt-th');
  assert.ok(Math.abs(added.map.lon - 100.5) < 0.01 && Math.abs(added.map.zoom - 5) < 0.01, JSON.stringify(added));
  assert.match(added.timeline, /^\d{4}-\d\d-\d\d\/\d{4}-\d\d-\d\d$/, 'the timeline window is kept');
  assert.equal((await page.evaluate(() => atlas.story())).count, 14);

  // The first step's "down" arrow: the overview moves below the Jakarta summit.
  await click(page, 'down', 0);
  await page.waitForFunction(() => JSON.parse(atlas.exportJSON()).stories[0].steps[1].item === undefined);
  steps = JSON.parse(await page.evaluate(() => atlas.exportJSON())).stories[0].steps;
  assert.equal(steps[0].item, 'fo-visa-2011-jakarta');
  assert.equal(steps.length, 14);

  // A caption typed into the first step's field is saved when the field is left.
  await clickField(page, '##caption', 0);
  await page.keyboard.type('Where it began', { delay: 20 });
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => JSON.parse(atlas.exportJSON()).stories[0].steps[0].caption === 'Where it began');

  await click(page, 'x', 0);  // the first step's remove button
  await page.waitForFunction(() => JSON.parse(atlas.exportJSON()).stories[0].steps.length === 13);
  // Undo brings it back: story edits are ordinary, undoable changes.
  assert.equal(await page.evaluate(() => atlas.undo()), true);
  assert.equal(JSON.parse(await page.evaluate(() => atlas.exportJSON())).stories[0].steps.length, 14);
  await context.close();
});
