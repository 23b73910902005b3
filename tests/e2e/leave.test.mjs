// leave.test.mjs — closing the tab never loses work silently: with everything stored the
// page goes without a question (the autosave wait is saved on the way out); with a change
// that could not be stored (a full store) the browser asks first, and staying keeps it.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { openApp, poll, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

const titleOf = async (page, id) =>
  JSON.parse(await page.evaluate(() => atlas.exportJSON())).events.find((e) => e.id === id).title;

// Waits (in node: the page may be going) until `list` has an entry, for up to 10 s.
async function waitForEntry(list) {
  for (let i = 0; i < 100 && list.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
}

test('closing the tab: saved on the way out without a question; a change that could not be stored asks first', async () => {
  const { page, context } = await openApp(env);
  await poll(page, () => atlas.storageStatus().saved);
  // Browsers ask before unload only on a page the user has interacted with.
  await page.mouse.click(640, 790);

  // A change still inside the half-second autosave wait: stored on the way out, no question.
  assert.equal(await page.evaluate(() => atlas.setField('rt-hk', 'title', 'Saved on the way out')), '');
  const quiet = [];
  page.on('dialog', (d) => {
    quiet.push(d.type());
    d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent('close');
  assert.deepEqual(quiet, [], 'nothing was unsaved: the page must not ask');

  const again = await context.newPage();
  await again.goto(env.url);
  await again.waitForFunction(() => window.atlas && window.atlas.ready);
  await again.evaluate(() => atlas.ready);
  assert.equal(await titleOf(again, 'rt-hk'), 'Saved on the way out');

  // Now the store is full: the next change cannot be stored, and closing asks.
  // (The database refuses the text with the long title as a full one does: the browser's
  // own quota cannot be made small here, storage.test.mjs says why. localStorage, where a
  // refused save goes next, is full for it too.)
  await again.evaluate(() => {
    const full = (value) => typeof value === 'string' && value.includes('need more room than is left');
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (full(value)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (full(value)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await again.mouse.click(640, 790);
  const big = 'A title long enough to need more room than is left '.repeat(200);
  assert.equal(await again.evaluate((t) => atlas.setField('rt-hk', 'notes', t), big), '');
  await poll(again, () => atlas.storageStatus().quotaExceeded);
  assert.equal(await again.evaluate(() => atlas.flush()), false, 'atlas.flush() says it could not store');

  const asked = [];
  again.on('dialog', (d) => {
    asked.push(d.type());
    d.dismiss();  // "Stay on page"
  });
  await again.close({ runBeforeUnload: true });
  await waitForEntry(asked);
  assert.deepEqual(asked, ['beforeunload'], 'closing with an unstored change asks first');
  assert.equal(again.isClosed(), false, 'staying keeps the page');
  assert.equal(JSON.parse(await again.evaluate(() => atlas.exportJSON()))
    .events.find((e) => e.id === 'rt-hk').notes, big, 'and the change is still open');
  await context.close();
});
