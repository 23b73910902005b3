// pseudo_locale.test.mjs — the web app in the pseudo-locale (?lang=pseudo: English made
// longer and accented by core/i18n): every widget label the app reports is translated
// (no English left once the data is taken out: tests/i18n/labels.mjs) and none is cut
// off, on a desktop-sized window (main view and each menu opened) and on a phone; the
// page says its language (<html lang>); the screen reader's mirror speaks it too, dates in
// words included. Screenshots go to build/e2e for a person to read.
//
//   1. 1280×800: the main view with an item selected, then each menu of the menu bar
//   2. 390×844 (a phone): each pane of the bottom bar
//   3. English stays the default: no ?lang, plain labels; an unknown ?lang says so
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { OUT, openApp, poll, settle, start } from './harness.mjs';
import { clipped, dataStrings, isPseudo, untranslated } from '../i18n/labels.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

async function labels(page) {
  await settle(page, 600);
  return page.evaluate(() => atlas.widgets());
}
async function check(page, data, where) {
  const widgets = await labels(page);
  assert.deepEqual(untranslated(widgets, data), [], `English left: ${where}`);
  assert.deepEqual(clipped(widgets), [], `labels cut off: ${where}`);
  return widgets;
}
async function clickAt(page, r) {
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
}

// -----------------------------------------------------------------------------------
// 1. A desktop-sized window
// -----------------------------------------------------------------------------------
test('1280×800 in the pseudo-locale: every label translated and whole, menus too', async () => {
  const { page, context, problems } = await openApp(env, { query: '?lang=pseudo' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-XA');
  const data = dataStrings(await page.evaluate(() => atlas.exportJSON()));
  await page.evaluate(() => atlas.widgets());  // starts the recording
  await page.evaluate(() => atlas.select('rt-hk'));
  // The screen reader's mirror (src/app/mirror): the selected option and the selection
  // region speak the pseudo-locale too, the date in its words ("July 2015" pseudo'd).
  const spoken = await poll(page, () => {
    const o = document.querySelector('#mirror [role=option][aria-selected=true]');
    const details = document.getElementById('mirror-details')?.textContent ?? '';
    return o?.dataset.item === 'rt-hk' && details.includes('Hong Kong Roundtable')
      ? { option: o.textContent, details } : null;
  });
  assert.match(spoken.option, /^Hong Kong Roundtable, \[ŕöûñđţåƀļé ~+\], \[šöḿéţîḿé îñ \[\[Ĵûļý ~+\] 2015\] ~+\]/);
  assert.match(spoken.details, /^\[Šéļéçţéđ: Hong Kong Roundtable, /);
  // The mirror's own names (its parts, the list, the keyboard's text field) and its
  // command buttons come from the app's catalog too.
  const names = await page.evaluate(() => [
    document.getElementById('mirror').getAttribute('aria-label'),
    document.querySelector('#mirror [role=toolbar]').getAttribute('aria-label'),
    document.getElementById('mirror-details').getAttribute('aria-label'),
    document.getElementById('mirror-items').getAttribute('aria-label'),
    document.getElementById('ime').getAttribute('aria-label'),
    ...[...document.querySelectorAll('#mirror [role=toolbar] button')].map((b) => b.textContent),
  ]);
  assert.ok(names.length > 5 && names.every(isPseudo), `the mirror's names: ${JSON.stringify(names)}`);
  const said = [spoken.option, ...spoken.details.split('\n'), ...names].map((label) => ({ label }));
  assert.deepEqual(untranslated(said, data), [], 'English left in the mirror');
  await settle(page);
  const widgets = await check(page, data, 'main view');
  const ui = widgets.filter((w) => isPseudo(w.label));
  assert.ok(ui.length >= 10, `the UI's labels are pseudo: ${JSON.stringify(widgets.map((w) => w.label))}`);
  await page.screenshot({ path: `${OUT}/pseudo-1280x800.png` });
  // The menu bar's menus: its items are the labels along the top.
  const menus = ui.filter((w) => w.y < 24 && w.height < 30).sort((a, b) => a.x - b.x);
  assert.equal(menus.length, 5, `File, Edit, View, Present, Help: ${JSON.stringify(menus)}`);
  for (const m of menus) {
    await clickAt(page, m);
    const opened = await poll(page, (n) => atlas.widgets().length > n ? atlas.widgets() : null, widgets.length);
    assert.ok(opened.some((w) => w.y > m.y + m.height && w.label.startsWith('[')), `${m.label} opened`);
    await check(page, data, `menu ${m.label}`);
    await page.screenshot({ path: `${OUT}/pseudo-menu-${menus.indexOf(m)}.png` });
    await page.keyboard.press('Escape');
    await settle(page, 400);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// -----------------------------------------------------------------------------------
// 2. A phone
// -----------------------------------------------------------------------------------
test('390×844 (a phone) in the pseudo-locale: each pane translated and whole', async () => {
  const { page, context, problems } = await openApp(env, {
    width: 390, height: 844, scale: 2, query: '?lang=pseudo',
    contextOptions: { isMobile: true, hasTouch: true } });
  const data = dataStrings(await page.evaluate(() => atlas.exportJSON()));
  await page.evaluate(() => atlas.widgets());
  await page.evaluate(() => atlas.select('rt-hk'));
  const first = await labels(page);
  // The bottom bar: four pseudo labels below the middle of the screen.
  const tabs = first.filter((w) => isPseudo(w.label) && w.y > 844 / 2 && w.height >= 44)
    .sort((a, b) => a.x - b.x);
  assert.equal(tabs.length, 4, `Map, Timeline, List, Story: ${JSON.stringify(first)}`);
  for (const [i, t] of tabs.entries()) {
    await page.touchscreen.tap(t.x + t.width / 2, t.y + t.height / 2);
    await poll(page, (p) => atlas.phonePane() === p, ['map', 'timeline', 'list', 'story'][i]);
    await check(page, data, `phone pane ${t.label}`);
    await page.screenshot({ path: `${OUT}/pseudo-phone-${i}.png` });
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// -----------------------------------------------------------------------------------
// 3. English stays the default
// -----------------------------------------------------------------------------------
test('without ?lang the labels are English; an unknown language says so and stays English', async () => {
  for (const query of ['', '?lang=xx']) {
    const { page, context, problems } = await openApp(env, { query });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.evaluate(() => atlas.widgets());
    await settle(page);
    const widgets = await page.evaluate(() => atlas.widgets());
    assert.ok(widgets.some((w) => w.label === 'File'), JSON.stringify(widgets.map((w) => w.label)));
    assert.ok(!widgets.some((w) => isPseudo(w.label)));
    if (query)
      assert.deepEqual(problems, ['warning: ?lang=xx: no such language; showing English']);
    else
      assert.deepEqual(problems, []);
    await context.close();
  }
});

// -----------------------------------------------------------------------------------
// 4. Before the app: the page's own words (web/atlas.js's t('…'), tools/i18n/shell_text.mjs)
// -----------------------------------------------------------------------------------
test('before the app has started: the loading card and a failed start speak the pseudo-locale', async () => {
  // The app's code held back: the loading card, in words the build made in JavaScript.
  const context = await env.browser.newContext();
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/coalition-atlas.wasm*', async (route) => {
    await held;
    await route.abort();
  });
  await page.goto(env.url + '?lang=pseudo');
  const card = await poll(page, () => {
    const status = document.getElementById('status').textContent;
    return status.startsWith('[') ? { status, input: document.getElementById('ime').getAttribute('aria-label') } : null;
  });
  assert.equal(card.status, '[Đöŵñļöåđîñĝ… ~~~~]');
  assert.ok(isPseudo(card.input), card.input);
  // The code does not come: the failure is told in the pseudo-locale too, the browser's
  // reason kept as it is.
  release();
  const failed = await poll(page, () => {
    const box = document.getElementById('error');
    return getComputedStyle(box).display !== 'none'
      ? ['error-title', 'error-text', 'error-hint'].map((id) => document.getElementById(id).textContent) : null;
  });
  assert.ok(isPseudo(failed[0]), failed[0]);
  assert.match(failed[1], /^\[Ţĥé åþþ çöûļđ ñöţ ƀé đöŵñļöåđéđ öŕ šţåŕţéđ: .*Failed to fetch.* ~+\]$/);
  assert.ok(isPseudo(failed[2]), failed[2]);
  await context.close();

  // The same words from the page's table and from the app's catalog (C++'s pseudo()): the
  // text field's name, set by the page before the app and by the app once it runs.
  const { page: app, context: c2, problems } = await openApp(env, { query: '?lang=pseudo' });
  await poll(app, () => document.getElementById('mirror'));
  assert.equal(await app.evaluate(() => document.getElementById('ime').getAttribute('aria-label')), card.input);
  assert.deepEqual(problems, []);
  await c2.close();
});
