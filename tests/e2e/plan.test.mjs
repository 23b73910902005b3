// plan.test.mjs — plans in a real browser, on a dataset the test makes (the sample stays a
// record of the past): the Plan window lists a planned event and its overdue item;
// ticking the item takes it off the Plan window; and a screenshot at 1280x800 shows a
// window of possible dates ("2013/2015-07") beside a duration (exact days that lasted).
// The zone data (tzdata.bin) is fetched only once the data names a time zone.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OUT, ROOT, click, decodePng, openApp, poll, regionStats, settle, start } from './harness.mjs';

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
    { id: 'held-rt', kind: 'roundtable', title: 'รอบโต๊ะ 圆桌会议 held', date: '2016-03-10',
      status: 'held', place: 'manila' },
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

// ical.js (npm) in a blank page of the same browser: the calendar's events as it reads them.
async function readInBrowser(context, text) {
  const page = await context.newPage();
  const src = readFileSync(join(ROOT, 'node_modules', 'ical.js', 'dist', 'ical.js'), 'utf8');
  const read = await page.evaluate(async ([src, text]) => {
    const ICAL = (await import(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })))).default;
    const cal = new ICAL.Component(ICAL.parse(text));
    return {
      timezones: cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
      events: cal.getAllSubcomponents('vevent').map((v) => ({
        summary: v.getFirstPropertyValue('summary'),
        uid: v.getFirstPropertyValue('uid'),
        dtstamp: String(v.getFirstPropertyValue('dtstamp') || ''),
        status: v.getFirstPropertyValue('status'),
        tzid: v.getFirstProperty('dtstart').getParameter('tzid') || null,
        start: v.getFirstPropertyValue('dtstart').toString(),
        end: String(v.getFirstPropertyValue('dtend') || ''),
        allDay: v.getFirstPropertyValue('dtstart').isDate,
      })),
    };
  }, [src, text]);
  await page.close();
  return read;
}

// The calendar as a user gets it (File > Export calendar (.ics), a download), read by
// ical.js in the browser: every event a calendar can hold, stable UIDs, DTSTAMP, STATUS,
// the zone.
test('File > Export calendar: the download is read by ical.js; the same event keeps its UID', async () => {
  const { page, context } = await openApp(env);
  assert.deepEqual(await page.evaluate((t) => atlas.loadJSON(t), plans()), []);
  await settle(page);
  const exportOnce = async () => {
    await click(page, 'File');
    const [download] = await Promise.all([page.waitForEvent('download'),
      click(page, 'Export calendar (.ics)…')]);
    assert.match(download.suggestedFilename(), /\.ics$/);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    return Buffer.concat(chunks).toString('utf8');
  };
  const text = await exportOnce();
  assert.match(text, /\r\n/);
  const { events, timezones } = await readInBrowser(context, text);
  // The planned roundtable (timed, in Manila), the held one (a day) and the campaign
  // (exact days that lasted); the window of possible dates is said in the notice instead.
  const byTitle = Object.fromEntries(events.map((v) => [v.summary, v]));
  assert.deepEqual(Object.keys(byTitle).sort(),
    ['A campaign that lasted', 'Planned Roundtable', 'รอบโต๊ะ 圆桌会议 held'].sort());
  const planned = byTitle['Planned Roundtable'];
  assert.equal(planned.status, 'TENTATIVE');
  assert.equal(planned.tzid, 'Asia/Manila');
  assert.deepEqual(timezones, ['Asia/Manila']);
  assert.equal(byTitle['รอบโต๊ะ 圆桌会议 held'].allDay, true);
  const campaign = byTitle['A campaign that lasted'];
  assert.equal(campaign.start, '2014-01-10');
  assert.equal(campaign.end, '2014-11-21');  // exclusive
  for (const v of events) assert.ok(v.uid && v.dtstamp, JSON.stringify(v));
  const again = (await readInBrowser(context, await exportOnce())).events;
  assert.deepEqual(again.map((v) => v.uid).sort(), events.map((v) => v.uid).sort());
  // atlas.exportAs('ics') gives the same calendar: stamped now, the zone kept.
  const api = await readInBrowser(context, (await page.evaluate(() => atlas.exportAs('ics'))).text);
  assert.deepEqual(api.events.map((v) => v.uid).sort(), events.map((v) => v.uid).sort());
  assert.equal(api.events.find((v) => v.summary === 'Planned Roundtable').tzid, 'Asia/Manila');
  for (const v of api.events) assert.ok(Number(v.dtstamp.slice(0, 4)) >= 2026, v.dtstamp);
  await context.close();
});

// Drawing: a planned event is an outline (its centre is the lane's background), a held one
// is filled (its centre is its kind's colour).
test('the timeline draws a planned event outlined and a held one filled', async () => {
  const { page, context } = await openApp(env);
  // The planned event away from the today line and from the window's band.
  const data = JSON.parse(plans());
  Object.assign(data.events[0], { date: '2019-06-01', starts: undefined, ends: undefined, time_zone: undefined });
  assert.deepEqual(await page.evaluate((t) => atlas.loadJSON(t), JSON.stringify(data)), []);
  await page.evaluate(() => atlas.select(''));
  await settle(page);
  const png = decodePng(await page.screenshot());
  const centre = async (id) => {
    const r = await poll(page, (x) => atlas.timelineLocate(x), id);
    return regionStats(png, Math.round(r.x) - 1, Math.round(r.y) - 1, 3, 3).mean;
  };
  const planned = await centre('plan-rt');
  const held = await centre('held-rt');
  assert.ok(planned > 200, `the planned mark's centre is light (hollow): ${planned}`);
  assert.ok(held < 150, `the held mark's centre is dark (filled): ${held}`);
  await context.close();
});
