// publish.test.mjs — `atlas publish` as a coalition would use it: the folder put on a
// plain static server under a sub-path, opened by a visitor, kept for offline use,
// embedded by another site.
//
//   1. The folder: written by the CLI from the built web app (sample, 10,000 events, a story)
//   2. A visit: View mode, the dataset's title, nothing written to the visitor's storage
//   3. Offline after one visit; embedded in an <iframe> on a second loopback origin
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { readBuild } from '../../tools/web/stamp_version.mjs';
import { ROOT, SITE, click, clickAway, openApp, poll, start, waitForCachedVersion } from './harness.mjs';

const ATLAS = join(ROOT, 'build', 'desktop', 'atlas');
const GEN = join(ROOT, 'build', 'desktop', 'atlas-gen');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json' };

// A plain static server, as any host is: files under `prefix`, no headers of ours (no
// CSP, no frame-ancestors), index.html for a folder; `extra` answers other paths.
function staticServer(dir, prefix, extra = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (extra[path]) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(extra[path]);
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404);
      return res.end('not found');
    }
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403);
      return res.end();
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const stop = (server) => {
  const closed = new Promise((r) => server.close(r));
  server.closeAllConnections();
  return closed;
};

// The harness's browser (its own server of the built app is not used here).
let tmp, env, browser;
const servers = [];
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-publish-'));
  env = await start();
  browser = env.browser;
});
after(async () => {
  if (env) await env.close();
  for (const s of servers) if (s.listening) await stop(s);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function publish(data, out, ...more) {
  return execFileSync(ATLAS, ['publish', data, '-o', out, '--site', SITE, ...more],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function serveFolder(dir, extra) {
  const server = await staticServer(dir, '/a/b/', extra);
  servers.push(server);
  return { server, url: `http://127.0.0.1:${server.address().port}/a/b/` };
}

// What a visit left in the browser: localStorage keys and IndexedDB databases.
const leftBehind = (page) => page.evaluate(async () => ({
  localStorage: Object.keys(localStorage),
  indexedDB: (await indexedDB.databases()).map((d) => d.name),
}));

// In the page: the app is ready and shows the published dataset of n events, read-only.
function viewing(n) {
  try {
    return atlas.mode() === 'view' && !atlas.linkStatus().opening && atlas.stats().events === n;
  } catch {
    return false;  // (window.atlas not there yet, or still loading)
  }
}

async function visit(context, url, events) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await poll(page, viewing, events, { timeout: 60000 });
  return { page, errors };
}

// -----------------------------------------------------------------------------------
// 1-3. The sample: a visit, offline, embedded
// -----------------------------------------------------------------------------------
test('the published sample: View mode under a sub-path, nothing stored, offline after one visit', async () => {
  const dir = join(tmp, 'sample');
  publish(join(ROOT, 'data', 'sample.json'), dir);
  const sample = JSON.parse(readFileSync(join(ROOT, 'data', 'sample.json'), 'utf8'));
  const { server, url } = await serveFolder(dir);
  const context = await browser.newContext();
  const { page, errors } = await visit(context, url, sample.events.length);
  assert.equal(await page.title(), sample.title);
  assert.equal(await page.evaluate(() => atlas.linkStatus().link), 'data.json');
  assert.deepEqual(JSON.parse(await page.evaluate(() => atlas.exportJSON())).title, sample.title);
  // Read-only: an edit is refused, and nothing was written to this browser's storage.
  assert.notEqual(await page.evaluate((id) => atlas.setField(id, 'title', 'Changed'), sample.events[0].id), '');
  assert.deepEqual(await leftBehind(page), { localStorage: [], indexedDB: [] });

  // Offline after one visit: the worker keeps the whole folder, the dataset included.
  const build = readBuild(dir);
  assert.ok(build.files['data.json'], 'the worker lists the dataset');
  await waitForCachedVersion(page, build);
  await stop(server);
  await page.reload();
  await poll(page, viewing, sample.events.length, { timeout: 60000 });
  assert.deepEqual(await leftBehind(page), { localStorage: [], indexedDB: [] });
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});

test('the published site embedded (?embed, 320 px) in an <iframe> on another origin', async () => {
  const dir = join(tmp, 'embedded');
  publish(join(ROOT, 'data', 'sample.json'), dir);
  const { url } = await serveFolder(dir);
  // The embedding page is on localhost, the site on 127.0.0.1: two origins.
  const host = await staticServer(tmp, '/none/', {
    '/': `<!doctype html><title>Partner site</title><iframe src="${url}?embed" title="Coalition Atlas" ` +
         'width="320" height="480" loading="lazy"></iframe>',
  });
  servers.push(host);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://localhost:${host.address().port}/`);
  const frame = await poll(page, () => document.querySelector('iframe') !== null).then(async () => {
    for (let i = 0; i < 300; i++) {
      const f = page.frames().find((x) => x.url() === url + '?embed');
      if (f) return f;
      await page.waitForTimeout(100);
    }
    throw new Error('the iframe never loaded the site');
  });
  await poll(frame, viewing, JSON.parse(readFileSync(join(ROOT, 'data', 'sample.json'), 'utf8')).events.length, { timeout: 60000 });
  assert.notEqual(new URL(page.url()).origin, new URL(frame.url()).origin);
  // The embed variant at 320 px: no menu bar, the phone's one pane at a time.
  await frame.evaluate(() => atlas.widgets());  // starts the recording
  await poll(frame, () => atlas.widgetRect('Map') !== null);
  assert.equal(await frame.evaluate(() => atlas.widgetRect('File')), null);
  assert.equal(await frame.evaluate(() => atlas.phonePane()), 'map');
  await context.close();
});

// -----------------------------------------------------------------------------------
// A larger dataset, a story, and the CLI's refusals
// -----------------------------------------------------------------------------------
test('10,000 events published and shown; --story opens presenting that story', async () => {
  const data = join(tmp, 'big.json');
  execFileSync(GEN, ['--events', '10000', '--seed', '7', '-o', data]);
  const dir = join(tmp, 'big');
  publish(data, dir);
  const { url } = await serveFolder(dir);
  const context = await browser.newContext();
  const { page } = await visit(context, url, 10000);
  assert.deepEqual(await leftBehind(page), { localStorage: [], indexedDB: [] });
  await context.close();

  // A dataset with two stories; the folder keeps the one asked for and opens on it.
  const sample = JSON.parse(readFileSync(join(ROOT, 'data', 'sample.json'), 'utf8'));
  const ids = sample.events.map((e) => e.id);
  sample.stories = [
    { id: 'short', title: 'Short', steps: [{ item: ids[0] }] },
    { id: 'tour', title: 'Tour', steps: ids.slice(0, 3).map((item) => ({ item })) },
  ];
  const storyData = join(tmp, 'stories.json');
  writeFileSync(storyData, JSON.stringify(sample));
  const storyDir = join(tmp, 'story');
  publish(storyData, storyDir, '--story', 'tour');
  const served = await serveFolder(storyDir);
  const c2 = await browser.newContext();
  const { page: p2 } = await visit(c2, served.url, sample.events.length);
  await poll(p2, () => atlas.story().presenting && atlas.story().count === 3);
  assert.deepEqual(JSON.parse(await p2.evaluate(() => atlas.exportJSON())).stories.map((s) => s.id), ['tour']);
  await c2.close();
});

test('atlas publish refuses what it cannot publish, and writes nothing', () => {
  const run = (...args) => {
    try {
      execFileSync(ATLAS, ['publish', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return { status: 0, stderr: '' };
    } catch (e) {
      return { status: e.status, stderr: e.stderr };
    }
  };
  const out = join(tmp, 'refused');
  let r = run(join(ROOT, 'data', 'sample.json'), '-o', out, '--site', SITE, '--story', 'no-such-story');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /there is no story "no-such-story"/);
  r = run(join(ROOT, 'data', 'sample.json'), '-o', out, '--site', join(tmp, 'no-site'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /the built web app is not at .*no-site/);
  r = run(join(ROOT, 'tests', 'data', 'bad', 'country-name.json'), '-o', out, '--site', SITE);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /nothing was written/);
  assert.throws(() => statSync(out), /ENOENT/);
});

// -----------------------------------------------------------------------------------
// File > Publish in the browser: the .zip, read by unzip, is the CLI's folder
// -----------------------------------------------------------------------------------
test('File > Publish downloads a .zip that unzip reads: the same folder atlas publish writes, and it works', async () => {
  // A dataset of the user's own with two stories, opened in Edit mode.
  const sample = JSON.parse(readFileSync(join(ROOT, 'data', 'sample.json'), 'utf8'));
  const ids = sample.events.map((e) => e.id);
  sample.title = 'Our roundtables';
  sample.stories = [
    { id: 'short', title: 'Short', steps: [{ item: ids[0] }] },
    { id: 'tour', title: 'Tour', steps: ids.slice(0, 3).map((item) => ({ item })) },
  ];
  const text = JSON.stringify(sample);
  const { page, context, problems } = await openApp(env, { width: 1280, height: 800 });
  await page.evaluate(() => atlas.widgets());  // starts the recording
  assert.deepEqual(await page.evaluate((t) => atlas.loadJSON(t).filter((d) => d.severity === 'error'), text), []);
  await poll(page, (n) => atlas.stats().events === n, sample.events.length);

  await click(page, 'File');
  await click(page, 'Publish…');
  await click(page, '##publish-story');
  await clickAway(page, 'Tour');
  let download = null;
  page.once('download', (d) => (download = d));
  await clickAway(page, 'Download .zip');
  // The .zip, or the error notice that says why not (fails at once, with the reason).
  for (const t0 = Date.now(); !download;) {
    const error = await page.evaluate(() => atlas.notices().find((n) => n.kind === 'error'));
    if (error) assert.fail(`no .zip: ${error.text}`);
    if (Date.now() - t0 > 120000) assert.fail('no .zip and no error notice after 120 s');
    await page.waitForTimeout(200);
  }
  assert.equal(download.suggestedFilename(), 'our-roundtables-site.zip');
  const zip = join(tmp, 'from-app.zip');
  await download.saveAs(zip);
  await poll(page, () => atlas.notices().some((n) => n.text.startsWith('Published ')));
  const notice = (await page.evaluate(() => atlas.notices())).find((n) => n.text.startsWith('Published '));
  assert.match(notice.text, new RegExp(`^Published ${sample.events.length} events and the story "tour" as our-roundtables-site\\.zip`));
  // The site out of reach: a notice that says so, and nothing downloaded.
  await env.stopServer();
  let more = 0;
  page.on('download', () => more++);
  await click(page, 'File');
  await click(page, 'Publish…');
  await clickAway(page, 'Download .zip');
  const failed = await poll(page, () => atlas.notices().find((n) => n.kind === 'error'));
  assert.match(failed.text, /^Publishing failed: the app's files could not be had \(sw\.js could not be fetched: publishing needs the connection to the site\)/);
  assert.equal(more, 0);
  await env.startServer();
  await context.close();

  // Debian's unzip checks every entry's CRC, then unpacks the one folder inside.
  execFileSync('unzip', ['-tq', zip]);
  const unpacked = join(tmp, 'from-app');
  execFileSync('unzip', ['-q', zip, '-d', unpacked]);
  const dir = join(unpacked, 'our-roundtables-site');

  // The same bytes as `atlas publish` writes from the built app (OpenSSL's SHA-256 on one
  // side, js-sha256 in the page on the other).
  const data = join(tmp, 'our-roundtables.json');
  writeFileSync(data, text);
  const cliDir = join(tmp, 'from-cli');
  publish(data, cliDir, '--story', 'tour');
  const list = (d) => execFileSync('find', ['.', '-type', 'f'], { cwd: d, encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  assert.deepEqual(list(dir), list(cliDir));
  for (const name of list(cliDir))
    assert.ok(readFileSync(join(dir, name)).equals(readFileSync(join(cliDir, name))), `${name} differs from atlas publish's`);

  // Served from a sub-path by a plain static server: View mode, presenting the story.
  const served = await serveFolder(dir);
  const c2 = await browser.newContext();
  const { page: p2 } = await visit(c2, served.url, sample.events.length);
  assert.equal(await p2.title(), 'Our roundtables');
  await poll(p2, () => atlas.story().presenting && atlas.story().count === 3);
  assert.deepEqual(await leftBehind(p2), { localStorage: [], indexedDB: [] });
  await c2.close();
  assert.deepEqual(problems.filter((p) => !/requestfailed: .*\/sw\.js/.test(p) && !/Failed to load resource/.test(p)), []);
});
