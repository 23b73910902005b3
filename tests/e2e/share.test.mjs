// share.test.mjs — a view as a PNG for slides, deep links that reopen a view, and the
// page working offline after one visit.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readBuild } from '../../tools/web/stamp_version.mjs';
import { OUT, SITE, decodePng, openApp, poll, regionStats, settle, start, waitForCachedVersion } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

test('exportPNG gives a valid PNG at twice the window size', async () => {
  const { page, context } = await openApp(env, { width: 1000, height: 700 });
  await settle(page);
  const bytes = Buffer.from(await page.evaluate(() => Array.from(atlas.exportPNG(2))));
  writeFileSync(join(OUT, 'export-2x.png'), bytes);
  const png = decodePng(bytes);
  assert.equal(png.width, 2000);
  assert.equal(png.height, 1400);
  assert.ok(regionStats(png).colours > 500, 'the PNG shows the app, not a blank');
  await context.close();
});

test('a deep link restores the selection, the story step and the map', async () => {
  const { page, context } = await openApp(env);
  await page.evaluate(() => { atlas.select('rt-hk'); atlas.setMapView(114.16, 22.28, 5); });
  await page.waitForFunction(() => /#item=rt-hk&map=114\.160,22\.280,5\.00$/.test(location.href));
  const link = page.url();
  assert.match(link, /#item=rt-hk&map=114\.160,22\.280,5\.00$/);
  const other = await context.newPage();
  await other.goto(link);
  await other.waitForFunction(() => window.atlas && window.atlas.ready);
  await other.evaluate(() => atlas.ready);
  assert.equal(await other.evaluate(() => atlas.selection()), 'rt-hk');
  const view = await other.evaluate(() => atlas.mapView());
  assert.ok(Math.abs(view.lon - 114.16) < 0.01 && Math.abs(view.zoom - 5) < 0.01, JSON.stringify(view));

  await page.evaluate(() => atlas.present(true, 4));
  await page.waitForFunction(() => location.hash.includes('step=4'));
  const original = await page.evaluate(() => atlas.story());
  const third = await context.newPage();
  await third.goto(page.url());
  await third.waitForFunction(() => window.atlas && window.atlas.ready);
  await third.evaluate(() => atlas.ready);
  const story = await third.evaluate(() => atlas.story());
  assert.equal(story.presenting, true);
  assert.equal(story.step, 4);
  assert.equal(story.item, original.item);  // the same step of the same story
  assert.equal(await third.evaluate(() => atlas.selection()), original.item);
  await context.close();
});

test('installable: the browser finds nothing missing (manifest, icon, service worker)', async () => {
  const { page, context } = await openApp(env);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  // Test contexts are private windows, where no browser installs apps: that is the only
  // reason it may give.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);
  await context.close();
});

test('offline: after one visit the page starts with no network and shows the stored data', async () => {
  const { page, context } = await openApp(env, { query: '?data=nothing-here.json' });
  // The link is not there: the app falls back to the user's own data, in Edit mode.
  await poll(page, () => atlas.mode() === 'edit');
  await page.evaluate((t) => atlas.loadJSON(t), JSON.stringify({
    format: 'coalition-atlas', version: 1, title: 'Offline',
    places: [{ id: 'sg', name: 'Singapore', country: 'SG', lat: 1.29, lon: 103.85 }],
    events: [{ id: 'e', kind: 'forum', title: 'A forum', date: '2018-05', place: 'sg' }],
  }));
  await page.waitForFunction(() => atlas.storageStatus().saved);
  // The service worker has stored this build whole, under its version: every file once,
  // the page without its query (?data=…), nothing else.
  await page.evaluate(() => navigator.serviceWorker.ready);
  const urls = await waitForCachedVersion(page, readBuild(SITE));
  assert.ok(urls.every((u) => !u.includes('?')), urls.join(' '));
  // One city search online: the city list is downloaded then, and kept from then on.
  await page.waitForFunction(() => atlas.findCity('manila') !== null);
  await waitForCachedVersion(page, readBuild(SITE), ['gazetteer.bin']);
  // Offline for real: the server stops, so the service worker's own fetches fail too.
  await env.stopServer();
  await context.setOffline(true);
  try {
    await page.goto(env.url + '?data=nothing-here.json');
    await page.waitForFunction(() => window.atlas && window.atlas.ready, null, { timeout: 30000 });
    await page.evaluate(() => atlas.ready);
    await poll(page, () => atlas.mode() === 'edit');  // the link cannot be fetched offline
    assert.deepEqual(await page.evaluate(() => atlas.stats()), { events: 1, working_groups: 0, places: 1, organisations: 0 });
    assert.equal(JSON.parse(await page.evaluate(() => atlas.exportJSON())).title, 'Offline');
    // The city list for place lookup comes from the cache too, once it has been used.
    await page.waitForFunction(() => atlas.findCity('manila') !== null);
    assert.equal((await page.evaluate(() => atlas.findCity('manila')))[0].country, 'PH');
    await settle(page);
    writeFileSync(join(OUT, 'offline.png'), await page.screenshot());
  } finally {
    await env.startServer();
  }
  await context.close();
});
