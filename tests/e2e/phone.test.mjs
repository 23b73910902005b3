// phone.test.mjs — the narrow layout on phone-sized screens (a mobile viewport with touch):
// one pane at a time inside the screen, a bottom bar that switches panes by touch, story
// steps as cards a swipe moves through, a rotation that keeps the pane, and a title fixed
// on the phone.
//
//   1. 390×844 and 360×640: panes and every widget inside the screen; the bar by touch
//   2. The story: a swipe to the next step, Back to the one before
//   3. Rotation: the wide layout in landscape, the same pane back in portrait
//   4. Editing on a phone: select in the list, fix a title
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { OUT, openApp, poll, settle, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

const PHONE = { scale: 2, contextOptions: { isMobile: true, hasTouch: true } };

// The widget labelled `label` once it holds still (the last drawn of that label).
async function rectOf(page, label) {
  let r = null;
  for (const t0 = Date.now(); ;) {
    const now = await poll(page, (l) => atlas.widgetRect(l), label);
    if (r && JSON.stringify(r) === JSON.stringify(now)) return r;
    if (Date.now() - t0 > 10000) throw new Error(`"${label}" never held still`);
    r = now;
    await page.waitForTimeout(50);
  }
}
async function tap(page, label) {
  const r = await rectOf(page, label);
  await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
  return r;
}

// What lies outside a w×h screen: panes and labelled widgets (half a pixel of rounding).
async function outside(page, w, h) {
  const bad = [];
  const panes = await page.evaluate(() => atlas.panes());
  for (const [name, r] of Object.entries(panes))
    if (r.width > 0 && (r.x < -0.5 || r.y < -0.5 || r.x + r.width > w + 0.5 || r.y + r.height > h + 0.5))
      bad.push(`pane ${name} ${JSON.stringify(r)}`);
  // ("Debug" is Dear ImGui's implicit window, which holds nothing and is never shown.)
  for (const r of (await page.evaluate(() => atlas.widgets())).filter((x) => x.label !== 'Debug'))
    if (r.x < -0.5 || r.y < -0.5 || r.x + r.width > w + 0.5 || r.y + r.height > h + 0.5)
      bad.push(`${r.label} ${JSON.stringify(r)}`);
  return bad;
}

// -----------------------------------------------------------------------------------
// 1. Two phone sizes
// -----------------------------------------------------------------------------------
for (const [width, height] of [[390, 844], [360, 640]]) {
  test(`${width}×${height}: one pane at a time, inside the screen; the bottom bar switches by touch`, async () => {
    const { page, context, problems } = await openApp(env, { width, height, ...PHONE });
    assert.equal(await page.evaluate(() => atlas.phonePane()), 'map');
    await page.evaluate(() => atlas.widgets());  // starts the recording
    await settle(page);
    for (const [label, pane] of [['Timeline', 'timeline'], ['List', 'list'], ['Story', 'story'], ['Map', 'map']]) {
      const r = await tap(page, label);
      assert.ok(r.height >= 44 && r.width >= 44, `${label} is a touch target: ${JSON.stringify(r)}`);
      assert.ok(r.y + r.height <= height && r.y > height / 2, `${label} is at the bottom: ${JSON.stringify(r)}`);
      await poll(page, (p) => atlas.phonePane() === p, pane);
      await settle(page, 500);
      // Only this pane is laid out, and it fills the width.
      const panes = await page.evaluate(() => atlas.panes());
      const shown = Object.entries(panes).filter(([, p]) => p.width > 0).map(([n]) => n).sort();
      const want = { map: ['map'], timeline: ['timeline'], list: ['list'], story: ['map'] }[pane];
      assert.deepEqual(shown, want, `${pane}: ${JSON.stringify(panes)}`);
      assert.ok(panes[want[0]].width >= width - 20, JSON.stringify(panes));
      assert.deepEqual(await outside(page, width, height), [], `${pane} at ${width}×${height}`);
      await page.screenshot({ path: `${OUT}/phone-${width}x${height}-${pane}.png` });
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// -----------------------------------------------------------------------------------
// 2. The story by swipe
// -----------------------------------------------------------------------------------
test('the story: a swipe across the card moves to the next step; Back goes back', async () => {
  const { page, context } = await openApp(env, { width: 390, height: 844, ...PHONE });
  await tap(page, 'Story');
  await poll(page, () => atlas.phonePane() === 'story');
  const next = await rectOf(page, 'Next >');
  assert.equal(await page.evaluate(() => atlas.story().step), 0);
  // A finger drawn right to left across the card, above the buttons.
  const cdp = await context.newCDPSession(page);
  const y = next.y - 60;
  const touch = (type, x) => cdp.send('Input.dispatchTouchEvent',
    { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', 330);
  for (let x = 310; x >= 90; x -= 20) {
    await touch('touchMove', x);
    await page.waitForTimeout(16);
  }
  await touch('touchEnd');
  await poll(page, () => atlas.story().step === 1);
  await page.screenshot({ path: `${OUT}/phone-390x844-story-step2.png` });
  // A tap on the card is not a swipe.
  await page.touchscreen.tap(200, y);
  await settle(page, 300);
  assert.equal(await page.evaluate(() => atlas.story().step), 1);
  await tap(page, '< Back');
  await poll(page, () => atlas.story().step === 0);
  await context.close();
});

// -----------------------------------------------------------------------------------
// 3. Rotation
// -----------------------------------------------------------------------------------
test('rotating: landscape shows all four panes, portrait the pane that was shown', async () => {
  const { page, context } = await openApp(env, { width: 390, height: 844, ...PHONE });
  await tap(page, 'Timeline');
  await poll(page, () => atlas.phonePane() === 'timeline');
  await page.evaluate(() => atlas.select('rt-hk'));
  await page.setViewportSize({ width: 844, height: 390 });
  await poll(page, () => atlas.phonePane() === null);
  await poll(page, () => Object.values(atlas.panes()).every((p) => p.width > 0));
  await page.setViewportSize({ width: 390, height: 844 });
  await poll(page, () => atlas.phonePane() === 'timeline');
  assert.deepEqual(await page.evaluate(() => atlas.selection()), 'rt-hk');
  await context.close();
});

// -----------------------------------------------------------------------------------
// 4. Editing on a phone
// -----------------------------------------------------------------------------------
test('on a phone: select in the list, read the details, fix a title', async () => {
  const { page, context } = await openApp(env, { width: 390, height: 844, ...PHONE });
  await page.evaluate(() => atlas.widgets());  // starts the recording
  await tap(page, 'List');
  await poll(page, () => atlas.phonePane() === 'list');
  await settle(page, 500);
  // The events as rows a finger can hit: the whole width, at least 44 px tall, the title
  // whole (not five columns of "sometim…").
  const titles = JSON.parse(await page.evaluate(() => atlas.exportJSON())).events.map((e) => e.title);
  const rows = (await page.evaluate(() => atlas.widgets())).filter((w) => titles.includes(w.label));
  assert.ok(rows.length >= 6, `the list shows rows: ${JSON.stringify(rows)}`);
  for (const r of rows)
    assert.ok(r.height >= 44 && r.width >= 390 - 40, `${r.label} is a touch target: ${JSON.stringify(r)}`);
  await tap(page, 'Hong Kong Roundtable');
  await poll(page, () => atlas.selection() === 'rt-hk');
  await settle(page);  // the details open under the list: the field moves into place
  const field = await poll(page, () => atlas.fieldRect('rt-hk/title'));
  assert.ok(field.y + field.height <= 844 && field.x >= 0 && field.x + field.width <= 390, JSON.stringify(field));
  await page.screenshot({ path: `${OUT}/phone-390x844-list.png` });
  await page.touchscreen.tap(field.x + field.width - 5, field.y + field.height / 2);
  await poll(page, () => atlas.typing());
  await page.keyboard.press('End');
  await page.keyboard.type(' 2015', { delay: 20 });
  await poll(page, () =>
    JSON.parse(atlas.exportJSON()).events.find((e) => e.id === 'rt-hk').title === 'Hong Kong Roundtable 2015');
  await page.screenshot({ path: `${OUT}/phone-390x844-edit.png` });
  // A place's form: its coordinates' buttons inside the screen (they wrap to a line of
  // their own when the row is full).
  await page.evaluate(() => atlas.select('manila'));
  await settle(page);
  for (const label of ['Clear', 'Pick on map']) {
    const r = await rectOf(page, label);
    assert.ok(r.x >= 0 && r.x + r.width <= 390, `${label}: ${JSON.stringify(r)}`);
  }
  await context.close();
});

// -----------------------------------------------------------------------------------
// 5. The embed variant at the other end: 1920 px wide
// -----------------------------------------------------------------------------------
test('?embed at 1920×1080: no menu bar, the four panes side by side, nothing off screen', async () => {
  const { page, context, problems } = await openApp(env, { width: 1920, height: 1080, query: '?embed' });
  await page.evaluate(() => atlas.widgets());  // starts the recording
  await settle(page);
  assert.equal(await page.evaluate(() => atlas.phonePane()), null);
  await poll(page, () => atlas.widgetRect('+ Event') !== null);
  assert.equal(await page.evaluate(() => atlas.widgetRect('File')), null);
  const panes = await page.evaluate(() => atlas.panes());
  for (const name of ['map', 'timeline', 'list', 'inspector'])
    assert.ok(panes[name].width > 200 && panes[name].height > 150, `${name}: ${JSON.stringify(panes)}`);
  // The map's pane starts at the top: the menu bar's row is not left empty.
  assert.ok(panes.map.y < 20, JSON.stringify(panes.map));
  assert.deepEqual(await outside(page, 1920, 1080), []);
  await page.screenshot({ path: `${OUT}/embed-1920x1080.png` });
  assert.deepEqual(problems, []);
  await context.close();
});
