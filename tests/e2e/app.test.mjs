// app.test.mjs — the web app in a real browser: it starts cleanly, shows the sample,
// follows the window, sleeps when idle, and its JavaScript API does what README says.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OUT, decodePng, openApp, regionStats, sample, settle, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
  mkdirSync(OUT, { recursive: true });
});
after(async () => env && env.close());

describe('the page', () => {
  test('loads with no console errors and a first-frame mark', async () => {
    const { page, context, problems } = await openApp(env);
    await settle(page);
    assert.deepEqual(problems, []);
    const mark = await page.evaluate(() => performance.getEntriesByName('atlas-first-frame').length);
    assert.equal(mark, 1);
    assert.equal(await page.title(), 'Coalition Atlas');
    assert.equal(await page.locator('#loading').isHidden(), true);
    // No scroll bars: the document is exactly the window.
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth > innerWidth,
      y: document.documentElement.scrollHeight > innerHeight,
    }));
    assert.deepEqual(overflow, { x: false, y: false });
    await context.close();
  });

  test('shows the app: a screenshot is not blank and the List pane holds the table', async () => {
    const { page, context } = await openApp(env);
    await settle(page);
    const shot = await page.screenshot();
    writeFileSync(join(OUT, 'app.png'), shot);
    const png = decodePng(shot);
    const whole = regionStats(png);
    assert.ok(whole.colours > 200, `only ${whole.colours} colours: blank?`);
    const panes = await page.evaluate(() => atlas.panes());
    for (const name of ['map', 'timeline', 'list', 'inspector']) {
      const r = panes[name];
      assert.ok(r.width > 200 && r.height > 100, `${name} pane is ${r.width}x${r.height}`);
    }
    const l = panes.list;
    assert.ok(l.x > panes.map.x + panes.map.width - 1, 'the List pane is right of the Map');
    // Twelve rows of text in the List pane: many colours (anti-aliased glyphs) and contrast.
    const list = regionStats(png, Math.round(l.x), Math.round(l.y), Math.round(l.width), Math.round(l.height));
    assert.ok(list.colours > 100 && list.stddev > 20, `List pane looks empty: ${JSON.stringify(list)}`);
    // Below the table's last row the pane is empty: the table has the sample's rows, not more.
    await context.close();
  });

  test('the canvas follows the window size and devicePixelRatio', async () => {
    const { page, context } = await openApp(env, { width: 1280, height: 800, scale: 2 });
    let size = await page.evaluate(() => ({ w: canvas.width, h: canvas.height, cw: canvas.clientWidth }));
    assert.deepEqual(size, { w: 2560, h: 1600, cw: 1280 });
    await page.setViewportSize({ width: 900, height: 640 });
    await page.waitForFunction(() => canvas.width === 1800);
    size = await page.evaluate(() => ({ w: canvas.width, h: canvas.height, cw: canvas.clientWidth, ch: canvas.clientHeight }));
    assert.deepEqual(size, { w: 1800, h: 1280, cw: 900, ch: 640 });
    await settle(page);
    const panes = await page.evaluate(() => atlas.panes());
    assert.ok(panes.inspector.x + panes.inspector.width <= 900, 'the layout fits the new width');
    const shot = await page.screenshot();
    writeFileSync(join(OUT, 'app-900x640@2x.png'), shot);
    const png = decodePng(shot);
    assert.equal(png.width, 1800);
    assert.ok(regionStats(png).colours > 200);
    await context.close();
  });

  // Opens the page expecting it not to start: returns the error card's text.
  async function failedStart(setup) {
    const context = await env.browser.newContext({ viewport: { width: 1000, height: 700 } });
    await setup(context);
    const page = await context.newPage();
    await page.goto(env.url);
    await page.waitForFunction(() => getComputedStyle(document.getElementById('error')).display !== 'none',
      null, { timeout: 30000 });
    const text = await page.evaluate(() => ({
      message: document.getElementById('error-text').textContent,
      hint: document.getElementById('error-hint').textContent,
      loading: getComputedStyle(document.getElementById('loading')).display,
    }));
    writeFileSync(join(OUT, `start-failed-${text.message.length}.png`), await page.screenshot());
    await context.close();
    return text;
  }

  test('no WebGL 2: a clear message says why and what to do', async () => {
    const text = await failedStart((context) => context.addInitScript(() => {
      const real = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : real.call(this, type, ...rest);
      };
    }));
    assert.match(text.message, /cannot show WebGL 2/);
    assert.match(text.hint, /hardware acceleration/);
    assert.equal(text.loading, 'none');  // no progress bar left spinning
  });

  test('the app fails to download: the message names what failed', async () => {
    const text = await failedStart((context) =>
      context.route('**/coalition-atlas.wasm*', (route) => route.fulfill({ status: 503, body: 'busy' })));
    assert.match(text.message, /could not be downloaded or started.*coalition-atlas\.wasm.*503/);
    assert.match(text.hint, /network connection.*reload/i);
  });

  test('idle: no frames are drawn while nothing changes; input draws again', async () => {
    const { page, context } = await openApp(env);
    const settled = await settle(page);
    await page.waitForTimeout(2000);
    const idle = await page.evaluate(() => atlas.frameStats().frames);
    assert.equal(idle - settled, 0, `${idle - settled} frames drawn while idle`);
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 320);
    await page.waitForFunction((n) => atlas.frameStats().frames > n, idle);
    const stats = await page.evaluate(() => atlas.frameStats());
    assert.ok(stats.lastFrameMs > 0);
    await context.close();
  });
});

describe('window.atlas', () => {
  test('stats() matches the sample dataset', async () => {
    const { page, context } = await openApp(env);
    const s = sample();
    assert.deepEqual(await page.evaluate(() => atlas.stats()), {
      events: s.events.length,
      working_groups: s.working_groups.length,
      places: s.places.length,
      organisations: s.organisations.length,
    });
    await context.close();
  });

  test('select() and selection() share one selection; unknown ids are refused', async () => {
    const { page, context } = await openApp(env);
    assert.equal(await page.evaluate(() => atlas.selection()), null);
    assert.equal(await page.evaluate(() => atlas.select('rt-hk')), true);
    assert.equal(await page.evaluate(() => atlas.selection()), 'rt-hk');
    assert.equal(await page.evaluate(() => atlas.select('no-such-thing')), false);
    assert.equal(await page.evaluate(() => atlas.selection()), 'rt-hk');
    await settle(page);
    writeFileSync(join(OUT, 'app-selected.png'), await page.screenshot());
    assert.equal(await page.evaluate(() => atlas.select(null)), true);
    assert.equal(await page.evaluate(() => atlas.selection()), null);
    await context.close();
  });

  test('loadJSON: a broken file gives diagnostics with paths and changes nothing', async () => {
    const { page, context } = await openApp(env);
    const before = await page.evaluate(() => atlas.exportJSON());
    const diags = await page.evaluate(() => atlas.loadJSON(JSON.stringify({
      format: 'coalition-atlas', version: 1, title: 'Broken',
      events: [{ id: 'e1', kind: 'forum', title: 'Forum', date: '2015-13' }],
    })));
    assert.equal(diags.length, 1);
    assert.equal(diags[0].pointer, '/events/0/date');
    assert.match(diags[0].message, /there is no month 13/);
    assert.equal(await page.evaluate(() => atlas.exportJSON()), before);
    const syntax = await page.evaluate(() => atlas.loadJSON('{\n  "format": ,\n}'));
    assert.equal(syntax[0].line, 2);
    assert.equal(await page.evaluate(() => atlas.exportJSON()), before);
    await context.close();
  });

  test('loadJSON then exportJSON round-trips a valid dataset, Thai and Vietnamese intact', async () => {
    const { page, context } = await openApp(env);
    const doc = {
      format: 'coalition-atlas', version: 1, title: 'Hà Nội – กรุงเทพฯ',
      places: [{ id: 'bkk', name: 'กรุงเทพมหานคร', country: 'TH', lat: 13.76, lon: 100.5 }],
      events: [{ id: 'rt', kind: 'roundtable', title: 'Bàn tròn Việt Nam', date: '2019?', place: 'bkk' }],
    };
    const diags = await page.evaluate((t) => atlas.loadJSON(t), JSON.stringify(doc));
    assert.deepEqual(diags, []);
    const out = JSON.parse(await page.evaluate(() => atlas.exportJSON()));
    assert.equal(out.title, doc.title);
    assert.equal(out.places[0].name, 'กรุงเทพมหานคร');
    assert.equal(out.events[0].title, 'Bàn tròn Việt Nam');
    assert.deepEqual(await page.evaluate(() => atlas.stats()), { events: 1, working_groups: 0, places: 1, organisations: 0 });
    await settle(page);
    writeFileSync(join(OUT, 'app-thai-vietnamese.png'), await page.screenshot());
    await context.close();
  });

  test('loadJSON and importJSON: the text arrives whole, whatever its characters and length', async () => {
    const { page, context } = await openApp(env);
    // Long ASCII, then characters of 2, 3 and 4 bytes (a surrogate pair in JavaScript),
    // then more of them than the room the page leaves for text beyond one byte a
    // character (web/atlas.js, copyIn).
    const notes = 'a'.repeat(5000) + ' é 香港 😀 ' + '港'.repeat(400) + 'b'.repeat(100);
    const doc = {
      format: 'coalition-atlas', version: 1, title: 'Title',
      events: [{ id: 'e', kind: 'forum', title: 'aLONEb', notes }],
    };
    // A byte-order mark first: nothing of the text is ASCII from its first character. And
    // a lone surrogate in the text itself (JSON.stringify would escape it).
    const text = '\ufeff' + JSON.stringify(doc).replace('LONE', '\ud800');
    const diags = await page.evaluate((t) => atlas.loadJSON(t), text);
    assert.equal(diags.length, 1, JSON.stringify(diags));
    assert.match(diags[0].message, /byte-order mark/);
    let out = JSON.parse(await page.evaluate(() => atlas.exportJSON()));
    assert.equal(out.events[0].notes, notes);
    // A lone surrogate is not a character: it arrives as U+FFFD, the replacement character.
    assert.equal(out.events[0].title, 'a\ufffdb');
    // A syntax error's column counts characters, after the multi-byte ones too.
    const syntax = await page.evaluate(() => atlas.loadJSON('{"title": "香港😀", x}'));
    assert.equal(syntax[0].line, 1);
    assert.equal(syntax[0].column, 18);
    doc.title = '😀 Emoji';
    doc.events[0].title = 'a';
    const imported = await page.evaluate((t) => atlas.importJSON(t, 'emoji.json'), JSON.stringify(doc));
    assert.equal(imported.result, 'replaced', JSON.stringify(imported));
    out = JSON.parse(await page.evaluate(() => atlas.exportJSON()));
    assert.equal(out.title, '😀 Emoji');
    assert.equal(out.events[0].notes, notes);
    await context.close();
  });

  test('the offline city list is downloaded when a search needs it, not with the app', async () => {
    const { page, context, problems } = await openApp(env);
    const fetchedNow = () => page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()));
    assert.ok(!(await fetchedNow()).includes('gazetteer.bin'));
    await page.waitForFunction(() => atlas.findCity('manila') !== null);
    const hits = await page.evaluate(() => atlas.findCity('ha noi', 3));
    assert.equal(hits[0].country, 'VN');
    assert.ok(Math.abs(hits[0].lat - 21.03) < 0.2 && Math.abs(hits[0].lon - 105.85) < 0.2);
    assert.deepEqual(await page.evaluate(() => atlas.findCity('no such city anywhere')), []);
    // A country after a comma, by name or code, keeps that country's places only.
    const perth = await page.evaluate(() => atlas.findCity('Perth, Australia', 3));
    assert.equal(perth[0].name, 'Perth');
    assert.ok(perth.every((h) => h.country === 'AU'), JSON.stringify(perth));
    const fetched = await fetchedNow();
    assert.ok(fetched.includes('gazetteer.bin'));
    assert.ok(!fetched.includes('cjk.ttf'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the server sends .wasm as application/wasm', async () => {
    const res = await fetch(env.url + 'coalition-atlas.wasm', { method: 'HEAD' });
    assert.equal(res.headers.get('content-type'), 'application/wasm');
  });
});
