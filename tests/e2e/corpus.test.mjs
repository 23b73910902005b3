// corpus.test.mjs — the broken-input corpus (tests/data/bad, 300+ files) through the
// browser's real import path: each file's bytes dropped on the page, as a user drops a
// file (and one picked in the file input, and one fetched through ?data=). The same verdict as the native loader (tests/core/
// test_bad_input.cpp reads the same MANIFEST.tsv): the listed severity, JSON Pointer or
// line:column and message; an error never opens, and the data is unchanged after each.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, openApp, poll, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env && env.close());

const BAD = join(ROOT, 'tests/data/bad');
const manifest = readFileSync(join(BAD, 'MANIFEST.tsv'), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));

// As test_bad_input.cpp's matches(): severity, a piece of the message, and where.
function matches(d, [, severity, where, text]) {
  if ((d.severity === 'error') !== (severity === 'error')) return false;
  if (!d.message.includes(text)) return false;
  if (where === '-') return d.pointer === '' && !d.line;
  const colon = where.indexOf(':');
  if (where[0] !== '/' && colon >= 0)
    return d.line === Number(where.slice(0, colon)) && d.column === Number(where.slice(colon + 1));
  return d.pointer === where;
}

// In parts of 50 files (one page each): a part takes a while on a loaded machine, since
// the app draws a few frames after each drop.
const PART = 50;
test('the manifest lists the corpus', () => assert.ok(manifest.length >= 200, `${manifest.length} files`));
for (let from = 0; from < manifest.length; from += PART) {
  const rows = manifest.slice(from, from + PART);
  test(`broken files ${from + 1}–${from + rows.length}, dropped on the page as their bytes, get the native verdict`, async () => {
  const { page, context } = await openApp(env);
  const before = await page.evaluate(() => atlas.exportJSON());
  const files = rows.map(([file]) => ({ file, b64: readFileSync(join(BAD, file)).toString('base64') }));
  // Each file is dropped on the window as a user drops it (a DataTransfer holding the
  // File): the page's own drop handler reads its bytes.
  const got = await page.evaluate(async ([list, before]) => {
    const out = [];
    for (const { file, b64 } of list) {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], file, { type: 'application/json' }));
      const count = atlas.lastImport().count;
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
      const t0 = performance.now();
      while (atlas.lastImport().count === count && performance.now() - t0 < 10000)
        await new Promise((r) => setTimeout(r, 0));
      out.push({ file, last: atlas.lastImport(), diags: atlas.diagnostics(), same: atlas.exportJSON() === before });
    }
    return out;
  }, [files, before]);
  const wrong = [];
  got.forEach(({ file, last, diags, same }, i) => {
    const row = rows[i];
    if (!diags.some((d) => matches(d, row)))
      wrong.push(`${file}: expected ${row.slice(1).join(' | ')}; got ${JSON.stringify(diags)}`);
    if (row[1] === 'error' && last.result !== 'refused') wrong.push(`${file}: ${last.result}, not refused`);
    if (last.name !== file) wrong.push(`${file}: the last import was ${last.name}`);
    if (!same) wrong.push(`${file}: the data changed`);
  });
  assert.equal(got.length, rows.length);
  assert.deepEqual(wrong, []);
  await context.close();
});
}

test('bytes stay bytes on every path: Latin-1 is refused, a byte order mark is said, a NUL after the document is refused', async () => {
  const { page, context } = await openApp(env);
  const before = await page.evaluate(() => atlas.exportJSON());
  const doc = '{"format": "coalition-atlas", "version": 1, "title": "Caf\u00e9"}';
  // importJSON with an ArrayBuffer and a Uint8Array: judged as bytes, as the picker does.
  const verdict = (kind) => page.evaluate(([d, k]) => {
    const enc = new TextEncoder();
    const latin1 = Uint8Array.from(d, (c) => c.charCodeAt(0));  // é is one byte: not UTF-8
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(d)]);
    const withNul = new Uint8Array([...enc.encode(d), 0]);
    const bytes = { latin1, withBom, withNul }[k];
    const r = atlas.importJSON(k === 'withBom' ? bytes.buffer : bytes, k + '.json');
    return { result: r.result, messages: r.diagnostics.map((x) => `${x.severity} ${x.line}:${x.column} ${x.message}`) };
  }, [doc, kind]);
  const latin1 = await verdict('latin1');
  assert.equal(latin1.result, 'refused');
  assert.match(latin1.messages.join('\n'), /error 1:\d+ .*not valid UTF-8/);
  const bom = await verdict('withBom');
  assert.equal(bom.result, 'needs-confirmation');
  assert.match(bom.messages.join('\n'), /warning .*byte-order mark/);
  const nul = await verdict('withNul');
  assert.equal(nul.result, 'refused');
  assert.equal(await page.evaluate(() => atlas.exportJSON()), before);

  // The same Latin-1 bytes picked as a file and fetched through ?data=: refused the same way.
  const latin1File = { name: 'latin1.json', mimeType: 'application/json',
    buffer: Buffer.from(doc, 'latin1') };
  const count = await page.evaluate(() => atlas.lastImport().count);
  await page.locator('#file-input').setInputFiles(latin1File);
  const picked = await poll(page, (n) => atlas.lastImport().count > n && atlas.lastImport(), count);
  assert.equal(picked.result, 'refused');
  assert.match(JSON.stringify(await page.evaluate(() => atlas.diagnostics())), /not valid UTF-8/);
  await page.route('**/latin1.json', (route) => route.fulfill({ body: latin1File.buffer, contentType: 'application/json' }));
  await page.goto(env.url + '?data=latin1.json');
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  const linked = await poll(page, () => atlas.lastImport().count > 0 && atlas.lastImport());
  assert.equal(linked.result, 'refused');
  assert.match(JSON.stringify(await page.evaluate(() => atlas.diagnostics())), /not valid UTF-8/);
  assert.equal(await page.evaluate(() => atlas.exportJSON()), before);
  await context.close();
});
