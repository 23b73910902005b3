// plan.test.mjs — plans in a real browser, on a dataset the test makes (the sample stays a
// record of the past): the Plan window lists a planned event and its overdue item;
// ticking the item takes it off the Plan window; and a screenshot at 1280x800 shows a
// window of possible dates ("2013/2015-07") beside a duration (exact days that lasted).
// The zone data (tzdata.bin) is fetched only once the data names a time zone.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OUT, click, openApp, poll, settle, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

// Days from today on the browser's clock (UTC: headless Chromium's zone here), as EDTF.
const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

const plans = () => JSON.stringify({
  format: 'coalition-atlas',
  version: 1,
  title: 'Plans (browser test)',
  places: [{ id: 'manila', name: 'Manila', country: 'PH', lat: 14.5995, lon: 120.9842 }],
  organisations: [],
  events: [
    {
      id: 'plan-rt', kind: 'roundtable', title: 'Planned Roundtable', date: day(3),
      status: 'planned', place: 'manila', time_zone: 'Asia/Manila',
      starts: `${day(3)}T09:30`, ends: `${day(3)}T17:00`,
      checklist: [{ text: 'Send the invitations', owner: 'Ben', due: day(-2) }],
    },
    { id: 'window-rt', kind: 'roundtable', title: 'Sometime roundtable', date: '2013/2015-07',
      place: 'manila' },
    { id: 'long-campaign', kind: 'campaign', title: 'A campaign that lasted',
      date: '2014-01-10/2014-11-20', status: 'held' },
  ],
  working_groups: [],
});

test('ticking an overdue item takes it off the Plan window; a window is not a duration', async () => {
  const { page, problems } = await openApp(env);
  // The zone data is fetched only once the data names a zone (the sample does not).
  const zoneFetches = [];
  page.on('requestfinished', (r) => { if (r.url().endsWith('/tzdata.bin')) zoneFetches.push(r.url()); });
  await settle(page);
  assert.equal(zoneFetches.length, 0, 'no zone data for the sample');
  const diagnostics = await page.evaluate((t) => atlas.loadJSON(t), plans());
  assert.deepEqual(diagnostics, []);
  await settle(page);
  for (const t0 = Date.now(); zoneFetches.length === 0 && Date.now() - t0 < 15000;)
    await page.waitForTimeout(100);
  assert.equal(zoneFetches.length, 1, 'the zone data is fetched once the data names a zone');

  // View > Plan: the planned event is upcoming, its item overdue.
  await click(page, 'View');
  await click(page, 'Plan: what comes next…');
  const overdue = 'Planned Roundtable##overdue0';
  await poll(page, (l) => atlas.widgetRect(l), overdue);
  assert.ok(await page.evaluate(() => atlas.widgetRect('Planned Roundtable##up0')),
    'the planned event is listed as upcoming');

  // Its button selects the event.
  await click(page, overdue);
  await poll(page, () => atlas.selection() === 'plan-rt');

  mkdirSync(OUT, { recursive: true });
  await settle(page);
  writeFileSync(join(OUT, 'plan-pane.png'), await page.screenshot());

  // Tick it in the Plan window: the data has it done, and the row is gone.
  await click(page, '##tick-overdue0');
  await poll(page, () =>
    JSON.parse(atlas.exportJSON()).events.find((e) => e.id === 'plan-rt').checklist[0].done === true);
  await poll(page, (l) => atlas.widgetRect(l) === null, overdue);
  assert.match((await page.evaluate(() => atlas.history())).undo, /tick/i);

  // Close the Plan window and look at the timeline: the window of possible dates and the
  // campaign that lasted are both there, drawn differently (see the screenshot).
  await click(page, 'View');
  await click(page, 'Plan: what comes next…');
  await settle(page);
  assert.ok(await page.evaluate(() => atlas.timelineLocate('window-rt')));
  assert.ok(await page.evaluate(() => atlas.timelineLocate('long-campaign')));
  writeFileSync(join(OUT, 'plan-window-vs-duration.png'), await page.screenshot());
  assert.deepEqual(problems, []);
});
