// edit.test.mjs — editing in a real browser: typing with real key events changes the
// data, undo reverts it, pasted Thai and Vietnamese are stored exactly and drawn, and
// copy puts a field's text on the system clipboard.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OUT, openApp, pasteIntoField, poll, settle, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

const title = async (page, id) =>
  JSON.parse(await page.evaluate(() => atlas.exportJSON())).events.find((e) => e.id === id).title;

test('typing into the Inspector changes the dataset; undo reverts it', async () => {
  const { page, context, problems } = await openApp(env);
  await page.evaluate(() => atlas.select('rt-hk'));
  await settle(page);
  const r = await page.evaluate(() => atlas.fieldRect('rt-hk/title'));
  assert.ok(r, 'the title field is on screen');
  await page.mouse.click(r.x + r.width - 5, r.y + r.height / 2);
  await poll(page, () => atlas.typing());  // the click has reached the field
  await page.keyboard.press('End');
  await page.keyboard.type(' 2015', { delay: 20 });
  await page.waitForFunction(() =>
    JSON.parse(atlas.exportJSON()).events.find((e) => e.id === 'rt-hk').title === 'Hong Kong Roundtable 2015');
  // Typing is one undo step while it flows (edits of one field less than a second apart),
  // labelled with what it changed. A loaded machine can draw a frame a second late, and
  // then the same typing is two steps: so undo until the title is back, each step
  // shortening it, and redo until it is whole again.
  const h = await page.evaluate(() => atlas.history());
  assert.ok(h.labels.length >= 1 && h.labels.length <= 5, JSON.stringify(h));
  assert.ok(h.labels.every((l) => /^rename of 'Hong Kong Roundtable/.test(l)), JSON.stringify(h));
  assert.match(h.undo, /^Undo .*Hong Kong Roundtable/);
  // Leave the field, then Ctrl+Z undoes the edit; Ctrl+Shift+Z redoes it.
  await page.mouse.click(640, 790);
  const titleIs = (t) => page.waitForFunction((want) =>
    JSON.parse(atlas.exportJSON()).events.find((e) => e.id === 'rt-hk').title === want, t);
  const steps = h.labels.length;
  for (let i = 0; i < steps; i++) {
    const before = await title(page, 'rt-hk');
    await page.keyboard.press('Control+Z');
    await page.waitForFunction((b) => {
      const t = JSON.parse(atlas.exportJSON()).events.find((e) => e.id === 'rt-hk').title;
      return t !== b && b.startsWith(t);
    }, before);
  }
  await titleIs('Hong Kong Roundtable');
  for (let i = 0; i < steps; i++) {
    const before = await title(page, 'rt-hk');
    await page.keyboard.press('Control+Shift+Z');
    await page.waitForFunction((b) => {
      const t = JSON.parse(atlas.exportJSON()).events.find((e) => e.id === 'rt-hk').title;
      return t !== b && t.startsWith(b);
    }, before);
  }
  await titleIs('Hong Kong Roundtable 2015');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an invalid edit is refused with the reason, and changes nothing', async () => {
  const { page, context } = await openApp(env);
  const before = await page.evaluate(() => atlas.exportJSON());
  const why = await page.evaluate(() => atlas.setField('rt-hk', 'date', '2015-13'));
  assert.match(why, /no month 13/);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), before);
  assert.equal(await page.evaluate(() => atlas.setField('rt-hk', 'place', 'manila')), '');
  assert.equal(await page.evaluate(() => atlas.undo()), true);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), before);
  // Replacing the dataset is undoable too.
  await page.evaluate(() => atlas.loadJSON('{"format": "coalition-atlas", "version": 1, "title": "Other"}'));
  assert.equal((await page.evaluate(() => atlas.stats())).events, 0);
  assert.equal(await page.evaluate(() => atlas.undo()), true);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), before);
  await context.close();
});

test('pasting Thai and Vietnamese into a field stores them exactly and draws them', async () => {
  const { page, context } = await openApp(env);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => atlas.select('bangkok'));
  await settle(page);
  const name = 'กรุงเทพมหานคร – Thành phố';
  await pasteIntoField(page, 'bangkok/name', name, (n) =>
    JSON.parse(atlas.exportJSON()).places.find((p) => p.id === 'bangkok').name === n);
  await settle(page);
  writeFileSync(join(OUT, 'edit-thai.png'), await page.screenshot());
  await context.close();
});

test('pick on map: a click on the map gives a place its coordinates (one undo step)', async () => {
  const { page, context } = await openApp(env);
  await page.evaluate(() => atlas.setMapView(120, 10, 4));
  await settle(page);
  assert.equal(await page.evaluate(() => atlas.pickOnMap('manila')), true);
  const target = await page.evaluate(() => atlas.mapProject(125.0, 7.0));  // Mindanao
  await page.mouse.move(target.x, target.y);
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForFunction(() => {
    const p = JSON.parse(atlas.exportJSON()).places.find((x) => x.id === 'manila');
    return Math.abs(p.lon - 125) < 0.2 && Math.abs(p.lat - 7) < 0.2;
  });
  assert.equal(await page.evaluate(() => atlas.undo()), true);
  const back = JSON.parse(await page.evaluate(() => atlas.exportJSON())).places.find((x) => x.id === 'manila');
  assert.deepEqual([back.lat, back.lon], [14.6, 120.98]);
  await context.close();
});

test('copy from a field puts its text on the system clipboard, exactly', async () => {
  const { page, context, problems } = await openApp(env);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = 'Hội nghị bàn tròn Hồng Kông — กรุงเทพฯ';
  assert.equal(await page.evaluate((t) => atlas.setField('rt-hk', 'title', t), name), '');
  await page.evaluate(() => atlas.select('rt-hk'));
  await settle(page);
  await page.evaluate(() => navigator.clipboard.writeText('something else'));
  const r = await page.evaluate(() => atlas.fieldRect('rt-hk/title'));
  await page.mouse.click(r.x + r.width - 5, r.y + r.height / 2);
  await poll(page, () => atlas.typing());  // the click has reached the field
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  // The clipboard is read with a promise: poll it (waitForFunction would take the promise
  // itself as the answer).
  await poll(page, (n) => navigator.clipboard.readText().then((t) => t === n), name);
  assert.deepEqual(problems, []);
  await context.close();
});
