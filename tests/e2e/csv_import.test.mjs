// csv_import.test.mjs — spreadsheets in and out in a real browser (issue #18): an
// Excel-style CSV (BOM, `;`, CRLF, decimal commas, a quoted cell with a line break and
// doubled quotes) picked through the page's file input goes through File > Import CSV's
// dialog, adds its events as one step that a single undo takes back; the day/month
// question is answered in the dialog; a file with bad rows imports nothing until they are
// skipped (window.atlas.importCSV); File > Export's CSV is read by csv-parse in strict
// mode, and the Excel variant starts with its byte order mark.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { ROOT, click, clickAway, openApp, poll, settle, start } from './harness.mjs';

const DATA = join(ROOT, 'tests', 'data', 'interchange');

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

const stats = (page) => page.evaluate(() => atlas.stats());

// Clicks File > Export > `item` and returns the download's name and bytes.
async function exportItem(page, item) {
  await click(page, 'File');
  await click(page, 'Export');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, item)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test('an Excel CSV picked from the menu is imported through the dialog as one undo step', async () => {
  const { page, context, problems } = await openApp(env);
  await settle(page);
  const before = await stats(page);
  const beforeJSON = await page.evaluate(() => atlas.exportJSON());
  // The picker's input, as File > Import CSV… opens it.
  await page.setInputFiles('#file-input', join(DATA, 'excel-semicolon-bom.csv'));
  await poll(page, () => atlas.lastImport().result === 'spreadsheet');
  await click(page, 'Import');  // the dialog's button: nothing changed until here
  const after = await poll(page, (n) => atlas.stats().events === n && atlas.stats(),
    before.events + 4);
  assert.equal(after.events, before.events + 4);
  const data = JSON.parse(await page.evaluate(() => atlas.exportJSON()));
  const manila = data.events.find((e) => e.title === 'Manila Roundtable');
  assert.ok(manila, 'the multi-line row came in');
  assert.equal(manila.date, '2017-04-03');  // settled day first by 14/07/2015
  assert.equal(manila.notes, 'Two lines:\nthe "second" one');
  const notices = await page.evaluate(() => atlas.notices().map((n) => n.text).join('\n'));
  assert.match(notices, /Imported 4 events/);
  // One step: one undo gives back exactly what was there.
  assert.equal(await page.evaluate(() => atlas.undo()), true);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), beforeJSON);
  assert.deepEqual(problems, []);
  await context.close();
});

test('ambiguous dates: the dialog asks, and the answer is how they are read', async () => {
  const { page, context } = await openApp(env);
  await settle(page);
  const before = await stats(page);
  await page.setInputFiles('#file-input', join(DATA, 'ambiguous-dates.csv'));
  await poll(page, () => atlas.lastImport().result === 'spreadsheet');
  await click(page, 'Month first (07/14/2015)');
  // Until the dialog has gone: a busy frame can miss a click (then nothing was imported).
  await clickAway(page, 'Import');
  await poll(page, (n) => atlas.stats().events === n, before.events + 2);
  const data = JSON.parse(await page.evaluate(() => atlas.exportJSON()));
  assert.equal(data.events.find((e) => e.title === 'One').date, '2015-03-04');
  await context.close();
});

test('bad rows: nothing is imported until they are skipped, then one step', async () => {
  const { page, context } = await openApp(env);
  await settle(page);
  const text = readFileSync(join(DATA, 'bad-rows.csv'), 'utf8');
  const beforeJSON = await page.evaluate(() => atlas.exportJSON());
  const refused = await page.evaluate((t) => atlas.importCSV(t, {}, 'bad-rows.csv'), text);
  assert.equal(refused.imported, false);
  assert.match(refused.error, /nothing was imported: 4 rows have errors/);
  const where = refused.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column]);
  assert.deepEqual(where.slice(0, 2), [[3, 2], [4, 3]]);  // row 3's date, row 4's kind
  assert.equal(await page.evaluate(() => atlas.exportJSON()), beforeJSON);
  const skipped = await page.evaluate((t) => atlas.importCSV(t, { skipBadRows: true }, 'bad-rows.csv'), text);
  assert.equal(skipped.imported, true);
  assert.equal(skipped.events, 2);
  assert.equal(skipped.skippedRows, 4);
  assert.equal(await page.evaluate(() => atlas.undo()), true);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), beforeJSON);
  await context.close();
});

test("File > Export's CSV is read by csv-parse in strict mode; the Excel one has its BOM", async () => {
  const { page, context } = await openApp(env);
  await settle(page);
  const { events } = await stats(page);
  const plain = await exportItem(page, 'CSV: events');
  assert.match(plain.name, /-events\.csv$/);
  const rows = parseCsv(plain.bytes, { columns: true, relax_quotes: false,
    relax_column_count: false, skip_empty_lines: false });
  assert.equal(rows.length, events);
  assert.deepEqual(Object.keys(rows[0]).slice(0, 4), ['id', 'kind', 'title', 'date']);
  const ids = JSON.parse(await page.evaluate(() => atlas.exportJSON())).events.map((e) => e.id);
  assert.deepEqual(rows.map((r) => r.id), ids);
  // The same text as window.atlas.exportAs gives.
  assert.equal(plain.bytes.toString('utf8'), await page.evaluate(() => atlas.exportAs('csv').text));

  await click(page, 'File');
  await click(page, 'Export');
  await click(page, 'CSV for Excel (UTF-8 with BOM)');
  const excel = await exportItem(page, 'CSV: places');
  assert.deepEqual([...excel.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const places = parseCsv(excel.bytes, { columns: true, bom: true, relax_quotes: false, relax_column_count: false });
  assert.equal(places.length, (await stats(page)).places);
  assert.equal(Object.keys(places[0])[0], 'id');
  await context.close();
});
