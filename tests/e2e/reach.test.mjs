// reach.test.mjs — the page for screen readers and keyboards (issue #19): axe-core finds
// nothing serious, Chromium's accessibility tree has the semantic mirror's words (an
// item's date in words, the story step in the live region), and a run with the keyboard
// alone selects, edits, undoes and presents.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, openApp, poll, settle, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

// Every node of Chromium's accessibility tree, with a way to find its ancestors.
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const prop = (n, name) => n.properties?.find((p) => p.name === name)?.value?.value;
  const ancestors = function* (n) {
    for (let p = byId.get(n.parentId); p; p = byId.get(p.parentId)) yield p;
  };
  return { nodes, prop, ancestors };
}

test('axe-core: no serious or critical violations, editing and presenting', async () => {
  // axe is injected as a script: the page's CSP (script-src 'self') would refuse it.
  const { page, context, problems } = await openApp(env, { contextOptions: { bypassCSP: true } });
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  await page.evaluate(() => atlas.select('rt-hk'));
  await settle(page);
  const serious = async () => {
    const r = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  assert.deepEqual(await serious(), []);
  await page.evaluate(() => atlas.present(true, 2));
  await settle(page);
  assert.deepEqual(await serious(), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the accessibility tree names the selection with its date in words, and the story step', async () => {
  const { page, context, problems } = await openApp(env);
  await page.evaluate(() => atlas.select('rt-hk'));
  await poll(page, () => document.querySelector('#mirror [role=option][aria-selected=true]')?.dataset.item === 'rt-hk');
  let { nodes, prop, ancestors } = await axTree(page);
  const option = nodes.find((n) => n.role?.value === 'option' && prop(n, 'selected') === true);
  assert.ok(option, 'a selected option in the tree');
  assert.match(option.name.value, /^Hong Kong Roundtable, roundtable, sometime in July 2015, Hong Kong/);
  const listbox = [...ancestors(option)].find((n) => n.role?.value === 'listbox');
  assert.ok(listbox, 'the option is in a listbox');
  assert.match(listbox.name.value, /^Events and working groups in time order/);
  // The key element points at it (aria-activedescendant), so arrows and the reader agree.
  const focused = nodes.find((n) => prop(n, 'focused') === true);
  assert.ok(focused, 'something has the keyboard');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-activedescendant')),
    'item-rt-hk');
  const details = nodes.find((n) => n.role?.value === 'region' && n.name?.value === 'Selection');
  assert.ok(details, 'the selection region');

  // A story step: the live region says it.
  await page.evaluate(() => atlas.present(true, 4));
  await poll(page, () => document.getElementById('mirror-live')?.textContent.startsWith('Step 5 of'));
  ({ nodes, prop, ancestors } = await axTree(page));
  const said = nodes.find((n) => n.role?.value === 'StaticText' && /^Step 5 of 13: /.test(n.name?.value ?? ''));
  assert.ok(said, 'the step is in the tree');
  assert.match(said.name.value, /^Step 5 of 13: Hong Kong Roundtable, roundtable, sometime in July 2015/);
  assert.ok([said, ...ancestors(said)].some((n) => prop(n, 'live') === 'polite'),
    'the step is said in a polite live region');
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard only: select an event, rename it, undo, present, step twice, leave', async () => {
  const { page, context, problems } = await openApp(env);
  await settle(page);
  let mouse = 0;
  await page.exposeFunction('countMouse', () => mouse++);
  await page.evaluate(() => {
    for (const t of ['mousedown', 'pointerdown', 'click', 'wheel'])
      window.addEventListener(t, () => window.countMouse(), { capture: true });
  });
  const key = async (k) => {
    await page.keyboard.press(k);
    await settle(page, 300);
  };
  const title = (id) => page.evaluate((i) => JSON.parse(atlas.exportJSON()).events.find((e) => e.id === i)?.title, id);
  // Tab: the Map, again: the Timeline; → selects the first item in time order.
  await key('Tab');
  await key('Tab');
  assert.equal(await page.evaluate(() => atlas.focusedPane()), 'timeline');
  await key('ArrowRight');
  const first = await page.evaluate(() => atlas.selection());
  assert.ok(first, 'an item is selected');
  // On through the items (working groups among them) to an event.
  let second = first;
  for (let i = 0; i < 6 && (second === first || !(await title(second))); i++) {
    await key('ArrowRight');
    second = await page.evaluate(() => atlas.selection());
  }
  assert.notEqual(second, first);
  const before = await title(second);
  assert.ok(before, 'the selection is an event');
  // F2: its title; type a new one.
  const position = (await page.evaluate(() => atlas.history())).position;
  await key('F2');
  await key('Control+A');
  await page.keyboard.type('Renamed by keyboard', { delay: 20 });
  await key('Enter');
  assert.equal(await title(second), 'Renamed by keyboard');
  // Undo: as many steps as the typing made (typing merges into steps by pauses).
  const steps = (await page.evaluate(() => atlas.history())).position - position;
  assert.ok(steps >= 1, 'the rename is in the history');
  for (let i = 0; i < steps; i++) await key('Control+Z');
  assert.equal(await title(second), before);
  // Present, step twice, leave.
  await key('F5');
  assert.equal((await page.evaluate(() => atlas.story())).presenting, true);
  const at = (await page.evaluate(() => atlas.story())).step;
  await key('ArrowRight');
  await key('ArrowRight');
  assert.equal((await page.evaluate(() => atlas.story())).step, at + 2);
  await key('Escape');
  assert.equal((await page.evaluate(() => atlas.story())).presenting, false);
  assert.equal(mouse, 0, 'no mouse events');
  assert.deepEqual(problems, []);
  await context.close();
});
