// cjk.test.mjs — Chinese in the browser: the CJK font is fetched only when the data has
// Chinese text, pasted Chinese is stored exactly and drawn with real glyphs (not boxes),
// an input method's composition (as Pinyin or Cangjie users type) reaches the field, a
// failed download is told, and once fetched the font works offline.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readBuild } from '../../tools/web/stamp_version.mjs';
import { OUT, SITE, decodePng, openApp, pasteIntoField, poll, regionStats, settle, start, waitForCachedVersion } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

const eventTitle = async (page, id) =>
  JSON.parse(await page.evaluate(() => atlas.exportJSON())).events.find((e) => e.id === id).title;

// Dark pixels (text) in a rectangle of a screenshot: a CJK glyph has many, a box or '?' few.
function ink(png, r) {
  let n = 0;
  for (let y = Math.round(r.y); y < Math.round(r.y + r.height); y++) {
    for (let x = Math.round(r.x); x < Math.round(r.x + r.width); x++) {
      const i = (y * png.width + x) * 4;
      if (0.299 * png.data[i] + 0.587 * png.data[i + 1] + 0.114 * png.data[i + 2] < 110) n++;
    }
  }
  return n;
}

test('the sample never downloads the CJK font; Chinese pasted into a field loads it and is drawn', async () => {
  // Service workers off here so the test can hold the font's download and see the boxes.
  const { page, context, problems } = await openApp(env, { contextOptions: { serviceWorkers: 'block' } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await settle(page);
  assert.equal((await page.evaluate(() => atlas.fonts())).cjk, 'none');
  assert.deepEqual(await page.evaluate(() =>
    performance.getEntriesByType('resource').filter((e) => e.name.includes('cjk')).map((e) => e.name)), []);
  const name = '香港圓桌會議 — 打擊詐騙（2015）';
  assert.ok((await page.evaluate((t) => atlas.fonts(t), name)).missing.includes(0x9999));
  // Thai and Vietnamese are built in (the fonts are cut to the UI's characters at build
  // time): every character of them has its glyph.
  const thai = Array.from({ length: 0x0E5B - 0x0E01 + 1 }, (_, i) => String.fromCodePoint(0x0E01 + i))
    .filter((c) => !/[\u0E3B-\u0E3E]/.test(c)).join('');
  assert.deepEqual((await page.evaluate((t) => atlas.fonts(t), `${thai} Hà Nội, Thừa Thiên–Huế ₫ →`)).missing, []);

  let release;
  const held = new Promise((r) => { release = r; });
  let fetched = 0;
  await page.route('**/fonts/cjk.ttf', async (route) => {
    fetched++;
    await held;
    await route.continue();
  });
  await page.evaluate(() => atlas.select('rt-hk'));
  await settle(page);
  await pasteIntoField(page, 'rt-hk/title', name, (n) =>
    JSON.parse(atlas.exportJSON()).events.find((e) => e.id === 'rt-hk').title === n);
  const r = await page.evaluate(() => atlas.fieldRect('rt-hk/title'));
  assert.equal(await eventTitle(page, 'rt-hk'), name);  // stored exactly
  await page.waitForFunction(() => atlas.fonts().cjk === 'loading');
  await settle(page);
  const boxes = decodePng(await page.screenshot());
  writeFileSync(join(OUT, 'cjk-before-font.png'), await page.screenshot());

  release();
  await page.waitForFunction((t) => atlas.fonts(t).missing.length === 0, name);
  assert.equal(fetched, 1);
  const fonts = await page.evaluate(() => atlas.fonts());
  assert.equal(fonts.cjk, 'ready');
  assert.ok(fonts.cjkGlyphs >= 12, `glyphs merged: ${fonts.cjkGlyphs}`);
  await settle(page);
  const shot = await page.screenshot();
  writeFileSync(join(OUT, 'cjk-glyphs.png'), shot);
  const glyphs = decodePng(shot);
  // The same field before and after: boxes become ideographs, which carry far more ink.
  const field = { x: r.x + 4, y: r.y + 2, width: Math.min(r.width - 8, 320), height: r.height - 4 };
  // The field is still a light field with dark text (not a broken, blackened screen).
  assert.ok(regionStats(glyphs, field.x, field.y, field.width, field.height).mean > 180);
  const before = ink(boxes, field), after = ink(glyphs, field);
  assert.ok(after > before * 1.5, `ink in the title field: ${before} with boxes, ${after} with the font`);
  // (Playwright says it blocked the service worker, as asked.)
  assert.deepEqual(problems.filter((p) => !/Service Worker registration blocked/.test(p)), []);
  await context.close();
});

test('opening a dataset in Chinese, Korean and Japanese draws it with the CJK font everywhere', async () => {
  const { page, context, problems } = await openApp(env);
  const data = {
    format: 'coalition-atlas', version: 1, title: '亞太反詐騙聯盟',
    places: [{ id: 'hk', name: '香港', country: 'HK', lat: 22.3, lon: 114.17 },
      { id: 'bj', name: '北京', country: 'CN', lat: 39.9, lon: 116.4 }],
    organisations: [{ id: 'hkma', name: '香港金融管理局', sector: 'regulator' },
      { id: 'bok', name: '한국은행', sector: 'bank' }, { id: 'jfsa', name: '金融庁（日本）', sector: 'regulator' }],
    events: [
      { id: 'rt-hk', kind: 'roundtable', title: '香港圓桌會議', date: '2019-05', place: 'hk',
        organisations: [{ organisation: 'hkma', role: 'host' }], notes: '反詐騙工作組成立' },
      { id: 'f-bj', kind: 'forum', title: '北京论坛 — 数字支付安全', date: '2018~', place: 'bj' }],
  };
  assert.deepEqual(await page.evaluate((t) => atlas.loadJSON(t), JSON.stringify(data)), []);
  // Chinese (traditional and simplified), Korean and Japanese all have their glyphs.
  await page.waitForFunction(() => atlas.fonts('香港圓桌會議北京论坛数字支付安全한국은행金融庁').missing.length === 0);
  await page.evaluate(() => atlas.select('rt-hk'));
  await settle(page);
  writeFileSync(join(OUT, 'cjk-dataset.png'), await page.screenshot());
  // Presenter mode's big type has the glyphs too.
  await page.evaluate(() => atlas.present(true, 1));
  await settle(page);
  writeFileSync(join(OUT, 'cjk-presenter.png'), await page.screenshot());
  assert.deepEqual(problems, []);
  await context.close();
});

test('an input method composes at the caret; its result goes into the field, once', async () => {
  const { page, context, problems } = await openApp(env);
  const cdp = await context.newCDPSession(page);
  await page.evaluate(() => atlas.select('rt-hk'));
  await settle(page);
  const r = await page.evaluate(() => atlas.fieldRect('rt-hk/title'));
  await page.mouse.click(r.x + r.width - 5, r.y + r.height / 2);
  await poll(page, () => atlas.typing());  // the click has reached the field
  await page.keyboard.press('End');
  await page.keyboard.type(' ', { delay: 20 });
  // Pinyin "xianggang" being composed: shown at the caret, not yet in the data.
  await cdp.send('Input.imeSetComposition', { text: 'xianggang', selectionStart: 9, selectionEnd: 9 });
  await settle(page, 500);
  const box = await page.evaluate(() => {
    const e = document.getElementById('ime');
    const b = e.getBoundingClientRect();
    return { composing: e.classList.contains('composing'), x: b.x, y: b.y, value: e.value };
  });
  assert.equal(box.composing, true);
  assert.equal(box.value, 'xianggang');
  assert.ok(box.y >= r.y - 4 && box.y <= r.y + r.height, `composition box at y=${box.y}, field ${r.y}`);
  assert.ok(box.x > r.x && box.x < r.x + r.width, `composition box at x=${box.x}`);
  writeFileSync(join(OUT, 'ime-composing.png'), await page.screenshot());
  assert.equal(await eventTitle(page, 'rt-hk'), 'Hong Kong Roundtable ');
  // The candidate is picked: the text arrives in the field, once.
  await cdp.send('Input.insertText', { text: '香港' });
  await page.waitForFunction(() =>
    JSON.parse(atlas.exportJSON()).events.find((e) => e.id === 'rt-hk').title === 'Hong Kong Roundtable 香港');
  assert.equal(await page.evaluate(() => document.getElementById('ime').classList.contains('composing')), false);
  // Text without a key press (a phone's keyboard, dictation): Vietnamese tones intact.
  await page.keyboard.insertText(' Hội nghị');
  await page.waitForFunction(() =>
    JSON.parse(atlas.exportJSON()).events.find((e) => e.id === 'rt-hk').title === 'Hong Kong Roundtable 香港 Hội nghị');
  // Keys still work after a composition: Backspace deletes, Ctrl+Z undoes the typing.
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() =>
    JSON.parse(atlas.exportJSON()).events.find((e) => e.id === 'rt-hk').title.endsWith('Hội ngh'));
  await settle(page);
  writeFileSync(join(OUT, 'ime-done.png'), await page.screenshot());
  // Undo: the typing after the pause for choosing a candidate is a step of its own
  // (typing joins one step only while it flows: on a busy machine the candidate and the
  // text after it may be two), then the space typed before it.
  await page.mouse.click(640, 790);
  for (let i = 0; (await eventTitle(page, 'rt-hk')) !== 'Hong Kong Roundtable '; i++) {
    assert.ok(i < 2, `still "${await eventTitle(page, 'rt-hk')}" after ${i} undos`);
    const was = await eventTitle(page, 'rt-hk');
    await page.keyboard.press('Control+Z');
    await page.waitForFunction((w) => {
      const t = JSON.parse(atlas.exportJSON()).events.find((e) => e.id === 'rt-hk').title;
      return t !== w && w.startsWith(t);
    }, was);
  }
  await page.keyboard.press('Control+Z');
  await page.waitForFunction(() =>
    JSON.parse(atlas.exportJSON()).events.find((e) => e.id === 'rt-hk').title === 'Hong Kong Roundtable');
  assert.deepEqual(problems, []);
  await context.close();
});

const chinese = JSON.stringify({
  format: 'coalition-atlas', version: 1, title: '亞太',
  places: [{ id: 'hk', name: '香港', country: 'HK', lat: 22.3, lon: 114.17 }],
  events: [{ id: 'rt-hk', kind: 'roundtable', title: '香港圓桌會議', date: '2019-05', place: 'hk' }],
});

test('when the CJK font cannot be downloaded, the user is told and the data is untouched', async () => {
  const { page, context } = await openApp(env, { contextOptions: { serviceWorkers: 'block' } });
  await page.route('**/fonts/cjk.ttf', (route) => route.fulfill({ status: 503, body: 'busy' }));
  assert.deepEqual(await page.evaluate((t) => atlas.loadJSON(t), chinese), []);
  await page.waitForFunction(() => atlas.fonts().cjk === 'failed');
  const notices = await page.evaluate(() => atlas.notices());
  assert.ok(notices.some((n) => n.kind === 'warning' && /Chinese, Japanese and Korean text is shown as boxes/.test(n.text) &&
    /503/.test(n.text)), JSON.stringify(notices));
  assert.equal(JSON.parse(await page.evaluate(() => atlas.exportJSON())).events[0].title, '香港圓桌會議');
  await context.close();
});

test('offline: once fetched, the CJK font is there with no network', async () => {
  const { page, context } = await openApp(env);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.deepEqual(await page.evaluate((t) => atlas.loadJSON(t), chinese), []);
  await page.waitForFunction(() => atlas.fonts('香港圓桌會議').missing.length === 0);
  await page.waitForFunction(() => atlas.storageStatus().saved);
  // The font joins this version's cache once it has arrived (and was this version's).
  await waitForCachedVersion(page, readBuild(SITE), ['fonts/cjk.ttf']);
  await env.stopServer();  // offline for the service worker too
  await context.setOffline(true);
  try {
    await page.reload();
    await page.waitForFunction(() => window.atlas && window.atlas.ready, null, { timeout: 30000 });
    await page.evaluate(() => atlas.ready);
    await page.waitForFunction(() => atlas.fonts('香港圓桌會議').missing.length === 0);
  } finally {
    await env.startServer();
  }
  await context.close();
});
