// desktop_pseudo.mjs — the desktop app in the pseudo-locale (--lang pseudo) under Xvfb, at
// two window sizes with an item selected: every widget label it reports (--print-labels)
// is translated (no English left once the data is taken out) and none is cut off; the
// screenshots are kept for a person to look at. Then --lang with a language that has no
// catalog is refused (exit 2, said on stderr).
//
//   node tests/i18n/desktop_pseudo.mjs APP OUTDIR
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { clipped, dataStrings, isPseudo, untranslated } from './labels.mjs';

const [app, out] = process.argv.slice(2);
if (!app || !out) {
  console.error('usage: desktop_pseudo.mjs APP OUTDIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const run = (args) => spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1400x900x24 +extension GLX', app, ...args],
  { encoding: 'utf8', timeout: 120000 });

const dataDir = join(out, 'pseudo-data');
rmSync(dataDir, { recursive: true, force: true });
for (const [w, h] of [[1280, 800], [1024, 640]]) {
  const shot = join(out, `desktop-pseudo-${w}x${h}.png`);
  const r = run(['--lang', 'pseudo', '--frames', '8', '--size', `${w}x${h}`, '--data-dir', dataDir,
    '--select', 'rt-hk', '--screenshot', shot, '--print-labels']);
  assert.equal(r.status, 0, `the app failed at ${w}×${h}: ${r.stderr}`);
  const widgets = r.stdout.split('\n').filter((l) => l.startsWith('label\t')).map((l) => {
    const [, label, x, y, width, height, textWidth, visibleWidth] = l.split('\t');
    return { label, x: +x, y: +y, width: +width, height: +height, textWidth: +textWidth, visibleWidth: +visibleWidth };
  });
  const data = dataStrings(readFileSync(join(dataDir, 'data.a.json'), 'utf8'));
  const ui = widgets.filter((x) => isPseudo(x.label));
  assert.ok(ui.length >= 10, `the UI's labels are in the pseudo-locale at ${w}×${h}: ${JSON.stringify(widgets.map((x) => x.label))}`);
  assert.deepEqual(untranslated(widgets, data), [], `English left at ${w}×${h}`);
  assert.deepEqual(clipped(widgets), [], `labels cut off at ${w}×${h}`);
  console.log(`${w}×${h}: ${widgets.length} labels, ${ui.length} in the pseudo-locale; ${shot}`);
}

const bad = run(['--lang', 'xx', '--frames', '1', '--data-dir', dataDir]);
assert.equal(bad.status, 2, bad.stderr);
assert.match(bad.stderr, /--lang xx: no such language \(there are: en pseudo/);
console.log('desktop pseudo-locale: ok');
