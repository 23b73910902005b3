// present.test.mjs — presenter mode in a real browser: F5 and clicker keys step through
// the story, Esc leaves, autoplay advances.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OUT, openApp, settle, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

test('F5 presents; → steps through the events in date order; Esc leaves', async () => {
  const { page, context, problems } = await openApp(env);
  await settle(page);
  await page.mouse.click(640, 790);  // focus the canvas (the status bar: selects nothing)
  await page.keyboard.press('F5');
  await page.waitForFunction(() => atlas.story().presenting);
  let story = await page.evaluate(() => atlas.story());
  assert.equal(story.step, 0);
  assert.equal(story.item, null);  // the overview
  assert.equal(story.count, 13);   // the overview + 12 events
  await settle(page);
  writeFileSync(join(OUT, 'present-overview.png'), await page.screenshot());
  for (let i = 0; i < 4; i++) await page.keyboard.press(i % 2 ? 'PageDown' : 'ArrowRight');
  await page.waitForFunction(() => atlas.story().step === 4);
  story = await page.evaluate(() => atlas.story());
  assert.equal(story.item, 'rt-hk');  // Jakarta 2011, New Zealand, Australia, then Hong Kong
  assert.equal(await page.evaluate(() => atlas.selection()), 'rt-hk');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => atlas.story().step === 3);
  await page.keyboard.press('PageUp');
  await page.waitForFunction(() => atlas.story().step === 2);
  await page.keyboard.press('End');
  await page.waitForFunction(() => atlas.story().step === 12);
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => atlas.story().item === 'fo-visa-2011-jakarta');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await settle(page, 1500);
  writeFileSync(join(OUT, 'present-step.png'), await page.screenshot());
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !atlas.story().presenting);
  assert.deepEqual(problems, []);
  await context.close();
});

test('presenting goes full screen; leaving full screen (the browser\'s Esc) leaves presenting', async () => {
  const { page, context, problems } = await openApp(env);
  await settle(page);
  await page.mouse.click(640, 790);
  await page.keyboard.press('F5');  // a user gesture: the browser allows full screen
  await page.waitForFunction(() => atlas.story().presenting && document.fullscreenElement !== null);
  // The timeline is fitted at the full width it is drawn at: 2011 to today, not decades on.
  await settle(page);
  const width = await page.evaluate(() => innerWidth);
  const from = await page.evaluate(() => atlas.timelineAxis('2011'));
  const later = await page.evaluate(() => atlas.timelineAxis('2035'));
  assert.ok(from.dateX >= 0 && from.dateX < width / 4, `2011 at ${from.dateX}`);
  assert.ok(later.dateX > width, `2035 at ${later.dateX}: the fit is too wide`);
  await page.evaluate(() => document.exitFullscreen());
  await page.waitForFunction(() => !atlas.story().presenting);
  assert.deepEqual(problems, []);
  await context.close();
});

test('autoplay advances by itself, and loops', async () => {
  const { page, context } = await openApp(env);
  await page.evaluate(() => { atlas.present(true, 11); atlas.autoplay(0.4, true); });
  await page.waitForFunction(() => atlas.story().step === 12, null, { timeout: 10000 });
  await page.waitForFunction(() => atlas.story().step === 0, null, { timeout: 10000 });
  // The address bar keeps up while autoplay runs (the view never settles).
  await page.waitForFunction(() => /step=\d+/.test(location.hash), null, { timeout: 5000 });
  await page.evaluate(() => atlas.autoplay(0));
  assert.equal((await page.evaluate(() => atlas.story())).autoplay, false);
  await context.close();
});

test('a story saved in the dataset is what presenter mode steps through', async () => {
  const { page, context } = await openApp(env);
  const data = JSON.parse(await page.evaluate(() => atlas.exportJSON()));
  data.stories = [{ id: 'forums', title: 'At the forums', steps: [
    {},
    { item: 'fo-visa-2018-singapore', map: { lon: 103.85, lat: 1.29, zoom: 6 }, caption: 'Singapore, 2018' },
  ] }];
  assert.deepEqual(await page.evaluate((t) => atlas.loadJSON(t), JSON.stringify(data)), []);
  await page.evaluate(() => atlas.present(true));
  assert.equal((await page.evaluate(() => atlas.story())).count, 2);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => atlas.story().item === 'fo-visa-2018-singapore');
  await settle(page, 800);
  const view = await page.evaluate(() => atlas.mapView());
  assert.ok(Math.abs(view.lon - 103.85) < 0.01 && Math.abs(view.zoom - 6) < 0.01, JSON.stringify(view));
  writeFileSync(join(OUT, 'present-story.png'), await page.screenshot());
  await context.close();
});
