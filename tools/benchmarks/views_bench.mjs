// views_bench.mjs — the map and the timeline at scale, in headless Chromium, and the same
// 10,000 items in vis-timeline in the same browser and run. Prints one JSON object a line.
//
//   node tools/benchmarks/views_bench.mjs DATASET_100K DATASET_10K
//
// Frame time is the app's own CPU time per frame (atlas.frameStats().lastFrameMs: from
// ImGui's NewFrame to the end of RenderDrawData, every pane drawn); the timeline pane's
// time is its layout and draw-list building (frameStats().timelineMs).
//
// Against vis-timeline, like with like: the same 10,000 events, the same steps (zoom in
// twice, pan twice, over and over), each side timed by the same code in its own page
// from the call that changes the view to its painted frame (painted() below), and the
// median compared with the median.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openApp, settle, start } from '../../tests/e2e/harness.mjs';

const [big, small] = process.argv.slice(2);
const emit = (name, value, unit) => console.log(JSON.stringify({ name, value, unit }));
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
};

// Steps the view with `step(i)` and records the frame each step produces: the whole
// frame, or one field of frameStats() (timelineMs: the timeline pane's own share).
async function frames(page, steps, step, field = 'lastFrameMs') {
  const out = [];
  for (let i = 0; i < steps; i++) {
    const before = await page.evaluate(() => atlas.frameStats().frames);
    await page.evaluate(step, i);
    await page.waitForFunction((n) => atlas.frameStats().frames > n, before);
    out.push(await page.evaluate((f) => atlas.frameStats()[f], field));
  }
  return out;
}

// Runs in the page (the app's, or vis-timeline's with window.tl): `count` steps, each
// timed from the call that changes the view to its painted frame. Animation-frame
// callbacks run before a frame's paint, so once a side has made its change (the app: its
// frame counter moved, inside its own animation-frame callback; vis-timeline: its
// 'changed' event after its redraw), the next callback runs after the browser painted
// it. So each time is the change, layout and drawing, and the paint, rounded up to the
// display's frames, alike for both sides. Both zoom about the same point and pan by
// similar amounts; the app's frame also draws its map, list and inspector.
async function painted([side, count]) {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  let made;
  let change;
  if (side === 'app') {
    change = (i) => {
      const n = atlas.frameStats().frames;
      made = () => atlas.frameStats().frames > n;
      if (i % 4 < 2) atlas.timelineZoom(1.25, 300);
      else atlas.timelinePan(i % 4 === 2 ? 150 : -100);
    };
  } else {
    let changed = false;
    window.tl.on('changed', () => { changed = true; });
    change = (i) => {
      changed = false;
      made = () => changed;
      const w = window.tl.getWindow();
      const [s, e] = [w.start.getTime(), w.end.getTime()];
      const x = s + (e - s) * (300 / window.tl.dom.center.clientWidth);  // the app's zoom point
      if (i % 4 < 2) window.tl.setWindow(x - (x - s) / 1.25, x + (e - x) / 1.25, { animation: false });
      else {
        const dt = (e - s) * ((i % 4 === 2 ? 150 : -100) / window.tl.dom.center.clientWidth);
        window.tl.setWindow(s - dt, e - dt, { animation: false });
      }
    };
  }
  const out = [];
  for (let i = 0; i < count; i++) {
    await frame();  // start at a frame's beginning, as a user's input would
    const t0 = performance.now();
    change(i);
    do await frame(); while (!made());
    await frame();
    out.push(performance.now() - t0);
  }
  return out;
}

async function load(page, file) {
  const diags = await page.evaluate((t) => atlas.loadJSON(t, 'benchmark'), readFileSync(file, 'utf8'));
  if (diags.some((d) => d.severity === 'error')) throw new Error(`${file} did not load`);
  await settle(page, 500, 120000);
}

const mapStep = (i) => {
  // A pan across the Asia-Pacific and back, zooming in and out.
  const t = i / 60;
  atlas.setMapView(60 + 140 * Math.sin(t * Math.PI), 10 - 30 * t, 1.5 + 3 * Math.sin(t * Math.PI * 2) ** 2);
};
const timelineStep = (i) => {
  if (i % 20 < 10) atlas.timelineZoom(i % 20 < 5 ? 1.5 : 1 / 1.5, 300);
  else atlas.timelinePan(i % 2 ? 120 : -80);
};

const env = await start();
try {
  const { page, context } = await openApp(env, { width: 1600, height: 1000 });
  // Clicks a widget of the app by its label (the timeline's Play and Pause).
  const button = async (label) => {
    const r = await (await page.waitForFunction((l) => atlas.widgetRect(l), label)).jsonValue();
    await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  };
  // The ceiling for playback: the same playback on the 12-event sample the page opens
  // with, where the app's own work is negligible, so the rate is what this browser and
  // its software GPU allow for a canvas this size.
  await settle(page);
  const g0 = await page.evaluate(() => atlas.frameStats().frames);
  await button('Play');
  const s0 = Date.now();
  await page.waitForTimeout(3000);
  const ceiling = (await page.evaluate(() => atlas.frameStats().frames) - g0) / ((Date.now() - s0) / 1000);
  await button('Pause');
  await load(page, big);
  emit('map_frame_ms_median_100k', +median(await frames(page, 60, mapStep)).toFixed(2), 'ms');
  emit('timeline_frame_ms_median_100k', +median(await frames(page, 60, timelineStep)).toFixed(2), 'ms');

  // Playback at 100,000 events: the playhead moves every frame, so the map's clusters and
  // the list are rebuilt for what had happened by then (paced when a rebuild is slow).
  // Clicks the timeline's own Play button, samples frames for 4 s, then Pause.
  await page.evaluate(() => atlas.setMapView(110, 0, 2));
  await settle(page, 500, 120000);
  const f0 = await page.evaluate(() => atlas.frameStats().frames);
  await button('Play');
  const t0 = Date.now(), playing = [];
  while (Date.now() - t0 < 4000) {
    playing.push(await page.evaluate(() => atlas.frameStats().lastFrameMs));
    await page.waitForTimeout(40);
  }
  const fps = (await page.evaluate(() => atlas.frameStats().frames) - f0) / ((Date.now() - t0) / 1000);
  await button('Pause');
  emit('timeline_play_frame_ms_median_100k', +median(playing).toFixed(2), 'ms');
  emit('timeline_play_fps_100k', +fps.toFixed(1), 'frames/s');
  emit('timeline_play_fps_sample', +ceiling.toFixed(1), 'frames/s');

  // A fresh page for 10,000 (no playhead left over from playback).
  await page.reload();
  await page.waitForFunction(() => window.atlas && window.atlas.ready);
  await page.evaluate(() => atlas.ready);
  await load(page, small);
  const frame = median(await frames(page, 40, timelineStep));
  // The frame's two parts: building every pane (ours to make fast), and handing the
  // result to WebGL (in headless Chromium a software GPU: mostly waiting for it).
  const ui = await frames(page, 80, timelineStep, 'uiMs');
  const uiMean = ui.reduce((a, b) => a + b, 0) / ui.length;
  emit('frame_ui_ms_mean_10k', +uiMean.toFixed(3), 'ms');
  emit('frame_gl_ms_median_10k', +median(await frames(page, 40, timelineStep, 'glMs')).toFixed(2), 'ms');
  // The browser's clock is coarse (0.1 ms): the pane's time is a mean over many frames.
  const pane = await frames(page, 80, timelineStep, 'timelineMs');
  const ours = pane.reduce((a, b) => a + b, 0) / pane.length;
  emit('timeline_frame_ms_median_10k', +frame.toFixed(2), 'ms');
  emit('timeline_pane_ms_mean_10k', +ours.toFixed(3), 'ms');
  // The decade vis-timeline starts at below, over the timeline's width.
  await page.evaluate(() => {
    const a = atlas.timelineAxis('2000'), b = atlas.timelineAxis('2010');
    atlas.timelineZoom(a.width / (b.dateX - a.dateX), a.dateX - a.x);
    const c = atlas.timelineAxis('2000');
    atlas.timelinePan(c.x - c.dateX);
  });
  await settle(page, 500, 60000);
  const oursPainted = median(await page.evaluate(painted, ['app', 40]));
  await context.close();

  // vis-timeline with the same 10,000 items (dated events as points or ranges).
  const data = JSON.parse(readFileSync(small, 'utf8'));
  const vis = await env.browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await vis.setContent('<!doctype html><html><body style="margin:0"><div id="tl"></div></body></html>');
  await vis.addStyleTag({ path: join(ROOT, 'node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css') });
  await vis.addScriptTag({ path: join(ROOT, 'node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js') });
  await vis.evaluate(async (events) => {
    const items = new vis.DataSet(events.map((e, i) => {
      // vis-timeline reads ISO dates: the EDTF qualifier ("1995?") is dropped for it.
      const [a, b] = e.date.replace(/[?~%]/g, '').split('/');
      return b ? { id: i, content: e.title, start: a, end: b } : { id: i, content: e.title, start: a };
    }));
    if (items.get().some((it) => Number.isNaN(new Date(it.start).getTime())))
      throw new Error('vis-timeline was given a date it cannot read');
    window.tl = new vis.Timeline(document.getElementById('tl'), items, { height: '600px' });
    await new Promise((r) => window.tl.once('changed', r));
    window.tl.setWindow(new Date('2000-01-01'), new Date('2010-01-01'), { animation: false });
    await new Promise((r) => window.tl.once('changed', r));
  }, data.events.map((e) => ({ title: e.title, date: e.date })));
  const theirsPainted = median(await vis.evaluate(painted, ['vis', 40]));
  emit('timeline_painted_ms_median_10k', +oursPainted.toFixed(1), 'ms');
  emit('vis_timeline_painted_ms_median_10k', +theirsPainted.toFixed(1), 'ms');
  // Median against median, each to its own painted frame: how many times longer
  // vis-timeline takes to show a zoom or a pan than the whole app does.
  emit('vis_timeline_painted_ratio_10k', +(theirsPainted / oursPainted).toFixed(1), 'x');
} finally {
  await env.close();
}
