// firstvisit.test.mjs — what a first visit waits for (issue #15), as orders of events and
// bytes, never as times (tools/bench has the times: first_visit_bench.mjs):
//
//   1. The app's files are asked for by the page itself, at once (not each by the script
//      before it); a shared link (?data=) is fetched while the app downloads, and its data
//      is in the app's first frame
//   2. The big files arrive precompressed (tools/serve.mjs sends the build's .br / .gz),
//      the wasm as application/wasm (compiled while it downloads); the page itself as is
//   3. The presenter's big sizes are not in the glyph atlas until presenting begins
//   4. The basemap is a file of its own (not in the wasm), fetched beside the wasm and
//      drawn in the first frame; without it the app starts and says why
//   5. A first visit downloads each file once: the service worker's install is answered
//      by the browser's cache (304 from the server); the city list only when a city
//      search needs it, and kept for offline use from then on
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { readBuild } from '../../tools/web/stamp_version.mjs';
import { SITE, decodePng, openApp, poll, settle, small, start, waitForCachedVersion } from './harness.mjs';

let env;
const answers = [];  // every answer of the server: {path, status, bytes, encoding}
before(async () => {
  env = await start({ sent: (a) => answers.push(a) });
});
after(async () => env && env.close());

test('a shared link is fetched beside the app and drawn in its first frame', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.route('**/shared.json', (r) => r.fulfill({ contentType: 'application/json', body: small('Shared', 4) }));
    await page.goto(env.url + '?data=shared.json');
    await page.waitForFunction(() => performance.getEntriesByName('atlas-data-shown').length === 1, null,
      { timeout: 60000 });
    const got = await page.evaluate(() => {
      const res = (part) => performance.getEntriesByType('resource').find((r) => r.name.includes(part));
      return {
        link: res('shared.json').fetchStart,
        compiled: performance.getEntriesByName('atlas-wasm-compiled')[0].startTime,
        // when atlas.js, the first script to ask for anything, had arrived
        script: res('atlas.js').responseEnd,
        asked: Object.fromEntries(['coalition-atlas.wasm', 'coalition-atlas.js', 'basemap.bin']
          .map((f) => [f, performance.getEntriesByType('resource').filter((r) => r.name.includes(f)).map((r) => r.fetchStart)])),
        stats: atlas.stats(),
        // the frames drawn before the link's data was there: none
        drawnBefore: performance.getEntriesByName('atlas-data-shown')[0].detail.framesBefore,
      };
    });
    assert.equal(got.stats.events, 4);
    assert.ok(got.link < got.compiled, `the link was fetched at ${got.link} ms, after the app was compiled (${got.compiled} ms)`);
    assert.equal(got.drawnBefore, 0);
    for (const [file, starts] of Object.entries(got.asked)) {
      assert.equal(starts.length, 1, `${file} was asked for ${starts.length} times`);
      assert.ok(starts[0] < got.script, `${file} was asked for at ${starts[0]} ms, after atlas.js arrived (${got.script} ms)`);
    }
  } finally {
    await context.close();
  }
});

test('the big files come compressed, the wasm as application/wasm', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const headers = {};
    // (A response still arriving as the context closes, the city list say, has no headers
    // to give: that rejection is not the test's business.)
    page.on('response', (r) => {
      r.allHeaders().then((h) => (headers[new URL(r.url()).pathname] = h), () => {});
    });
    await page.goto(env.url);
    await page.waitForFunction(() => window.atlas && window.atlas.ready, null, { timeout: 60000 });
    await page.evaluate(() => atlas.ready);
    const wasm = headers['/coalition-atlas.wasm'];
    assert.equal(wasm['content-type'], 'application/wasm');
    assert.match(wasm['content-encoding'] || '(none)', /^(br|gzip)$/);
    assert.match(headers['/coalition-atlas.js']['content-encoding'] || '(none)', /^(br|gzip)$/);
    assert.equal(headers['/'] && headers['/']['content-encoding'], undefined);
    // Without Accept-Encoding: the file itself.
    const plain = await fetch(env.url + 'coalition-atlas.wasm', { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    const bytes = new Uint8Array(await plain.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]);  // \0asm
  } finally {
    await context.close();
  }
});

test("the presenter's big type joins the glyph atlas when presenting begins, not at start", async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(env.url);
    await page.waitForFunction(() => window.atlas && window.atlas.ready, null, { timeout: 60000 });
    await page.evaluate(() => atlas.ready);
    const area = () => page.evaluate(() => atlas.fonts().texture[0] * atlas.fonts().texture[1]);
    const atStart = await area();
    await page.evaluate(() => atlas.present(true, 0));
    await page.waitForFunction((a) => atlas.fonts().texture[0] * atlas.fonts().texture[1] > a, atStart,
      { timeout: 30000 });
    assert.equal((await page.evaluate(() => atlas.story())).presenting, true);
  } finally {
    await context.close();
  }
});

// The colour drawn at a longitude/latitude, with the map centred between land (Mongolia)
// and sea (the Pacific).
async function landAndSea(page) {
  await page.evaluate(() => atlas.setMapView(135, 32, 2));
  await settle(page);
  const land = await page.evaluate(() => atlas.mapProject(103, 46.5));
  const sea = await page.evaluate(() => atlas.mapProject(165, 20));
  const png = decodePng(await page.screenshot());
  const at = (p) => [...png.data.subarray((Math.round(p.y) * png.width + Math.round(p.x)) * 4).slice(0, 3)];
  return { land: at(land), sea: at(sea) };
}

test('the basemap comes beside the wasm, fetched at once, and is drawn; without it the app says why', async () => {
  {
    const { page, context, problems } = await openApp(env, { contextOptions: { serviceWorkers: 'block' } });
    try {
      const got = await page.evaluate(() => {
        const res = (part) => performance.getEntriesByType('resource').find((r) => r.name.includes(part));
        return { basemap: res('basemap.bin').fetchStart, wasm: res('coalition-atlas.wasm').responseEnd };
      });
      assert.ok(got.basemap < got.wasm, `basemap.bin was fetched at ${got.basemap} ms, after the wasm arrived (${got.wasm} ms)`);
      const { land, sea } = await landAndSea(page);
      assert.notDeepEqual(land, sea, `land and sea are drawn alike (${land})`);
      assert.deepEqual(problems.filter((p) => !/Service Worker registration blocked/.test(p)), []);
    } finally {
      await context.close();
    }
  }
  const context = await env.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const said = [];
    page.on('console', (m) => said.push(m.text()));
    await page.route('**/basemap.bin*', (r) => r.fulfill({ status: 503, body: 'busy' }));
    await page.goto(env.url);
    await page.waitForFunction(() => window.atlas && window.atlas.ready, null, { timeout: 60000 });
    await page.evaluate(() => atlas.ready);
    assert.equal((await page.evaluate(() => atlas.stats())).events > 0, true);
    assert.ok(said.some((t) => t.includes('the basemap is not available: the map could not be downloaded: ' +
      'basemap.bin: the server answered 503')), said.join('\n'));
    const { land, sea } = await landAndSea(page);
    assert.deepEqual(land, sea, 'land is drawn with no basemap');
  } finally {
    await context.close();
  }
});

test('a first visit downloads each file once, and the city list only when a search needs it', async () => {
  answers.length = 0;
  const { page, context, problems } = await openApp(env);
  try {
    // The worker installs once the first frame is on screen, reading every file again.
    const build = readBuild(SITE);
    await waitForCachedVersion(page, build);
    await settle(page);
    const downloads = (path) => answers.filter((a) => a.path === path && a.status === 200).length;
    const confirmed = (path) => answers.filter((a) => a.path === path && a.status === 304).length;
    for (const name of Object.keys(build.files).filter((n) => n !== 'index.html'))
      assert.equal(downloads('/' + name), 1, `${name} was downloaded ${downloads('/' + name)} times: ` +
        JSON.stringify(answers.filter((a) => a.path === '/' + name)));
    // The worker's copies of the app came from the browser's cache, confirmed by the server.
    for (const name of ['coalition-atlas.wasm', 'basemap.bin', 'atlas.js'])
      assert.ok(confirmed('/' + name) >= 1, `${name}: ${JSON.stringify(answers.filter((a) => a.path === '/' + name))}`);
    assert.equal(downloads('/gazetteer.bin'), 0, 'the city list was downloaded before anything needed it');
    assert.equal(await page.evaluate(() => atlas.findCity('manila')), null);  // asks for it

    await poll(page, () => atlas.findCity('manila') !== null);
    assert.equal((await page.evaluate(() => atlas.findCity('manila')))[0].country, 'PH');
    assert.equal(downloads('/gazetteer.bin'), 1);
    await waitForCachedVersion(page, build, ['gazetteer.bin']);  // kept for offline use
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
