// views.test.mjs — the map and the timeline in a real browser: land where land is, sea
// where sea is; clicks on a place and on a timeline item select them; the brush filters.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OUT, decodePng, openApp, settle, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

const pixel = (png, x, y) => {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
};
const near = (a, b, tol = 14) => a.every((v, i) => Math.abs(v - b[i]) <= tol);
// The light theme's basemap colours (src/ui/map_view.cpp).
const SEA = [205, 223, 240];
const LAND = [[246, 244, 238], [226, 232, 246]];  // land, and a tinted country

test('the map at a known view: inland Australia is land, the Tasman Sea is sea', async () => {
  const { page, context } = await openApp(env);
  await page.evaluate(() => atlas.setMapView(145, -30, 3.5));
  await settle(page);
  const png = decodePng(await page.screenshot());
  writeFileSync(join(OUT, 'map-australia.png'), await page.screenshot());
  const inland = await page.evaluate(() => atlas.mapProject(122, -24));
  const tasman = await page.evaluate(() => atlas.mapProject(160, -38));
  const land = pixel(png, inland.x, inland.y);
  const sea = pixel(png, tasman.x, tasman.y);
  assert.ok(LAND.some((c) => near(land, c)), `inland Australia is ${land}`);
  assert.ok(near(sea, SEA), `the Tasman Sea is ${sea}`);
  await context.close();
});

test('clicking a place on the map selects its event', async () => {
  const { page, context } = await openApp(env);
  await page.evaluate(() => atlas.setMapView(106.85, -6.21, 5));
  await settle(page);
  const p = await page.evaluate(() => atlas.mapProject(106.85, -6.21));
  await page.mouse.click(p.x, p.y);
  await page.waitForFunction(() => atlas.selection() !== null);
  assert.equal(await page.evaluate(() => atlas.selection()), 'fo-visa-2011-jakarta');
  await context.close();
});

test('clicking an item on the timeline selects it', async () => {
  const { page, context } = await openApp(env);
  await settle(page);
  const p = await page.evaluate(() => atlas.timelineLocate('rt-hk'));
  assert.ok(p, 'the Hong Kong Roundtable is on the timeline');
  await page.mouse.click(p.x, p.y);
  await page.waitForFunction(() => atlas.selection() === 'rt-hk');
  await settle(page);
  writeFileSync(join(OUT, 'timeline-selected.png'), await page.screenshot());
  await context.close();
});

test('the five roundtables are on the timeline in the page\'s order', async () => {
  const { page, context } = await openApp(env);
  await settle(page);
  const shot = await page.screenshot();
  writeFileSync(join(OUT, 'timeline-sample.png'), shot);
  const png = decodePng(shot);
  const pane = await page.evaluate(() => atlas.panes().timeline);
  const xs = [];
  for (const id of ['rt-nz', 'rt-au', 'rt-hk', 'rt-th', 'rt-ph']) {
    const p = await page.evaluate((i) => atlas.timelineLocate(i), id);
    xs.push(p.x);
    // On screen, in the timeline pane, and drawn: the item's pixels differ from the empty
    // end of its own row (past "today", where nothing is).
    assert.ok(p.x > pane.x && p.x < pane.x + pane.width && p.y > pane.y && p.y < pane.y + pane.height,
      `${id} at ${p.x}, ${p.y} is outside the timeline pane`);
    const empty = pixel(png, pane.x + pane.width - 14, p.y);
    const drawn = [-1, 0, 1, 2, 3].some((dx) => !near(pixel(png, p.x + dx, p.y), empty, 10));
    assert.ok(drawn, `${id}: nothing drawn at ${p.x}, ${p.y}`);
  }
  // The page's order: New Zealand and Australia (2013 to July 2015), Hong Kong (July 2015),
  // then Thailand and the Philippines (from July 2015). The first two share one window.
  for (let i = 1; i < xs.length; i++) assert.ok(xs[i] >= xs[i - 1], `out of order: ${xs}`);
  assert.ok(xs[2] > xs[1], 'Hong Kong (July 2015) comes after Australia (from 2013)');
  assert.ok(xs[3] >= xs[2], 'Thailand comes no earlier than Hong Kong');
  await context.close();
});

test('the brush filters what the map and the list show', async () => {
  const { page, context } = await openApp(env);
  await settle(page);
  assert.equal((await page.evaluate(() => atlas.visible())).events, 12);
  // By script: 2017 only. Roundtables whose end is unknown may still reach into 2017.
  assert.equal(await page.evaluate(() => atlas.setRange('2017', '2017')), '');
  const in2017 = (await page.evaluate(() => atlas.visible())).events;
  assert.equal(in2017, 6);
  assert.equal(await page.evaluate(() => atlas.setRange()), '');
  assert.equal((await page.evaluate(() => atlas.visible())).events, 12);
  // By hand: drag on the axis from 2011 to 2012.
  const a = await page.evaluate(() => atlas.timelineAxis('2011'));
  const b = await page.evaluate(() => atlas.timelineAxis('2012-12'));
  const y = a.y + a.height / 2;
  await page.mouse.move(a.dateX + 1, y);
  await page.mouse.down();
  await page.mouse.move((a.dateX + b.dateX) / 2, y, { steps: 4 });
  await page.mouse.move(b.dateX, y, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => atlas.visible().events === 1);  // the Jakarta summit, 2011
  await settle(page);
  writeFileSync(join(OUT, 'brush.png'), await page.screenshot());
  assert.equal((await page.evaluate(() => atlas.mapView())).markers, 1);
  await context.close();
});

test('working groups on the map follow the date range; a double-click on one flies the map there', async () => {
  // A tall window, so the working groups' lane is in view below the others.
  const { page, context } = await openApp(env, { contextOptions: { viewport: { width: 1280, height: 1200 } } });
  await settle(page);
  assert.equal((await page.evaluate(() => atlas.visible())).mapGroups, 3);
  // Before any group could have begun (the sample says "201X?"): none on the map.
  assert.equal(await page.evaluate(() => atlas.setRange('2008', '2009')), '');
  await settle(page);
  assert.equal((await page.evaluate(() => atlas.visible())).mapGroups, 0);
  assert.equal(await page.evaluate(() => atlas.setRange()), '');
  await settle(page);
  assert.equal((await page.evaluate(() => atlas.visible())).mapGroups, 3);
  // Far from Australia, then a double-click on its working group's bar.
  await page.evaluate(() => atlas.setMapView(-40, 40, 3));
  await settle(page);
  const p = await page.evaluate(() => atlas.timelineLocate('wg-au'));
  assert.ok(p, 'the Australian working group is on the timeline');
  const pane = await page.evaluate(() => atlas.panes().timeline);
  assert.ok(p.y > pane.y && p.y < pane.y + pane.height, `the group's bar is in view: ${p.y}`);
  await page.mouse.dblclick(p.x, p.y);
  await settle(page, 2500);
  const view = await page.evaluate(() => atlas.mapView());
  assert.ok(view.lon > 110 && view.lon < 160 && view.lat < -10 && view.lat > -45,
    `the map is over ${view.lon}, ${view.lat}`);
  await context.close();
});

test('a two-finger pinch on a touch screen zooms the map about the fingers', async () => {
  const { page, context, problems } = await openApp(env, { contextOptions: { hasTouch: true } });
  const cdp = await context.newCDPSession(page);
  await page.evaluate(() => atlas.select('rt-hk'));
  await page.evaluate(() => atlas.setMapView(134, -25, 3));  // Australia
  await settle(page);
  const start = await page.evaluate(() => atlas.mapView());
  const p = await page.evaluate(() => atlas.mapProject(134, -25));
  // Fingers 60 px apart move to 240 px apart: 4x, two zoom levels, over the same spot.
  const points = (d) => [{ x: p.x - d / 2, y: p.y, id: 1 }, { x: p.x + d / 2, y: p.y, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(60) });
  for (let d = 60; d <= 240; d += 20) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(d) });
    await page.waitForTimeout(20);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await settle(page);
  const end = await page.evaluate(() => atlas.mapView());
  assert.ok(Math.abs(end.zoom - start.zoom - 2) < 0.35, `zoom ${start.zoom} -> ${end.zoom}`);
  // The spot between the fingers stays under them.
  const q = await page.evaluate(() => atlas.mapProject(134, -25));
  assert.ok(Math.hypot(q.x - p.x, q.y - p.y) < 30, `moved from ${p.x},${p.y} to ${q.x},${q.y}`);
  // Lifting the fingers is not a click: the selection is still there.
  assert.equal(await page.evaluate(() => atlas.selection()), 'rt-hk');
  assert.deepEqual(problems, []);
  await context.close();
});
