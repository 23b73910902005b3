// ical_js.test.mjs — the calendars the export makes in the tests, read by ical.js (npm,
// pinned in package.json): each parses, its time zones register, and every VEVENT has
// the UID, DTSTAMP, SUMMARY and start the core expects (a timed start converted to UTC
// by ical.js through the file's own VTIMEZONE); the same event keeps its UID across two
// exports; every line is at most 75 octets of whole UTF-8 characters, ending in CRLF.
//
//   ATLAS_ICAL_SAMPLES=build/desktop/atlas-ical-samples node --test tests/ical/ical_js.test.mjs
//
// The calendars and expected.json come from atlas-ical-samples (tests/ical/ical_samples).
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';

import ICAL from 'ical.js';

const writer = process.env.ATLAS_ICAL_SAMPLES;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-ical-'));
test.after(() => fs.rmSync(dir, {recursive: true, force: true}));

function samples() {
  assert.ok(writer, 'ATLAS_ICAL_SAMPLES must name the atlas-ical-samples program');
  execFileSync(writer, [dir], {encoding: 'utf8'});
  return JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
}
const expected = samples();

test('the samples are there: three calendars, hundreds of events', () => {
  assert.deepEqual(expected.map((s) => s.file), ['plan.ics', 'plan-later.ics', 'generated.ics']);
  assert.ok(expected[2].events.length > 250);
});

const utf8 = new TextDecoder('utf-8', {fatal: true});

for (const sample of expected) {
  test(`${sample.file}: CRLF lines of at most 75 octets, each whole UTF-8`, () => {
    const bytes = fs.readFileSync(path.join(dir, sample.file));
    assert.equal(bytes.subarray(bytes.length - 2).toString('latin1'), '\r\n');
    let start = 0;
    let lines = 0;
    for (let i = 0; i < bytes.length; ++i) {
      if (bytes[i] === 0x0a) {
        assert.equal(bytes[i - 1], 0x0d, `a line feed without a carriage return at byte ${i}`);
        const line = bytes.subarray(start, i - 1);
        assert.ok(line.length <= 75, `line ${lines + 1} has ${line.length} octets`);
        assert.ok(!line.includes(0x0d), `a stray carriage return in line ${lines + 1}`);
        utf8.decode(line);  // throws on a character cut in two
        start = i + 1;
        ++lines;
      }
    }
    assert.equal(start, bytes.length);
  });

  test(`${sample.file}: ical.js reads every event as expected`, () => {
    const text = fs.readFileSync(path.join(dir, sample.file), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    assert.equal(calendar.name, 'vcalendar');
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    for (const vtimezone of calendar.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(vtimezone);
    const events = calendar.getAllSubcomponents('vevent');
    assert.equal(events.length, sample.events.length);
    events.forEach((component, i) => {
      const want = sample.events[i];
      const event = new ICAL.Event(component);
      assert.equal(event.uid, want.uid);
      assert.equal(event.summary, want.summary, `${want.uid}: SUMMARY`);
      const stamp = component.getFirstPropertyValue('dtstamp');
      assert.equal(stamp.zone, ICAL.Timezone.utcTimezone, `${want.uid}: DTSTAMP in UTC`);
      assert.equal(stamp.toUnixTime(), sample.dtstamp, `${want.uid}: DTSTAMP`);
      const start = event.startDate;
      if (want.start_date) {
        assert.ok(start.isDate, `${want.uid}: an all-day DTSTART`);
        assert.equal(start.toString(), want.start_date);
        assert.equal(event.endDate.toString(), want.end_date, `${want.uid}: exclusive DTEND`);
      } else if (want.start_utc !== undefined) {
        assert.ok(!start.isDate);
        const tzid = component.getFirstProperty('dtstart').getParameter('tzid');
        if (tzid) assert.ok(ICAL.TimezoneService.has(tzid), `${want.uid}: VTIMEZONE ${tzid}`);
        assert.equal(start.toUnixTime(), want.start_utc,
                     `${want.uid}: ${start.toString()} (${tzid || 'UTC'}) as UTC`);
      } else {
        assert.equal(start.zone, ICAL.Timezone.localTimezone, `${want.uid}: floating`);
        assert.equal(start.toString(), want.start_local);
      }
    });
    ICAL.TimezoneService.reset();
  });
}

test('the same event keeps its UID across two exports a month apart', () => {
  const uids = (file) => {
    const c = new ICAL.Component(ICAL.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    return c.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
  };
  const a = uids('plan.ics');
  assert.ok(a.length > 5);
  assert.deepEqual(uids('plan-later.ics'), a);
  assert.notEqual(expected[0].dtstamp, expected[1].dtstamp);
});
