// stamp_version.mjs — gives the built page its version: a content hash of every file the
// page needs, written into the service worker and into the page's own references, so the
// worker keeps one cache per version and a page asks only for its own version's files.
//
//   1. The version: SHA-256 of every file (name and bytes), cut to 16 hex digits
//   2. The page: web/index.html with its local scripts and styles asked for as NAME?v=VERSION
//   3. The worker: web/sw.js with BUILD = {version, files, optional} (each file's SHA-256)
//   4. The command line (CMake runs it after every build of the page)
//
//   node tools/web/stamp_version.mjs SITE WEBDIR --precache A,B,C [--optional D,E]
//
// SITE holds the built files (the compiled app, the city list, web/'s other files);
// WEBDIR holds the templates index.html and sw.js. The lists come from the build
// (cmake/app.cmake). Both outputs are written beside, then renamed: a server reading
// them meanwhile sees the old or the new file, never half of one.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
// The line of web/sw.js that the build replaces.
const PLACEHOLDER = 'const BUILD = null; // stamped by tools/web/stamp_version.mjs';

function writeAtomic(path, text) {
  writeFileSync(path + '.tmp', text);
  renameSync(path + '.tmp', path);
}

/** The BUILD object a stamped site's sw.js carries ({version, files, optional}), or null. */
export function readBuild(site) {
  const line = readFileSync(join(site, 'sw.js'), 'utf8').split('\n').find((l) => l.startsWith('const BUILD = {'));
  return line ? JSON.parse(line.slice('const BUILD = '.length).replace(/;\s*$/, '')) : null;
}

/** Writes SITE/index.html and SITE/sw.js for the files in SITE; returns the BUILD object. */
export function stamp({ site, web, precache, optional = [] }) {
  if (!precache.includes('index.html')) throw new Error('the precache list must hold index.html');
  const page = readFileSync(join(web, 'index.html'), 'utf8');
  const worker = readFileSync(join(web, 'sw.js'), 'utf8');
  if (!worker.includes(PLACEHOLDER)) throw new Error(`web/sw.js lacks the line "${PLACEHOLDER}"`);

  // 1. The version covers the templates too: a change to either is a new version.
  const hashes = {};
  for (const name of [...precache, ...optional])
    if (name !== 'index.html') hashes[name] = sha256(readFileSync(join(site, name)));
  const version = sha256(JSON.stringify([page, worker, Object.entries(hashes).sort()])).slice(0, 16);

  // 2. Local src/href values that name a precached file get the version: the worker then
  // knows which version a request belongs to.
  const stamped = page.replace(/\b(src|href)="([^"?#:]+)"/g, (all, attr, name) =>
    precache.includes(name) ? `${attr}="${name}?v=${version}"` : all);
  writeAtomic(join(site, 'index.html'), stamped);

  // 3. The worker checks every file it stores against these hashes.
  const files = {}, opt = {};
  for (const name of precache) files[name] = name === 'index.html' ? sha256(stamped) : hashes[name];
  for (const name of optional) opt[name] = hashes[name];
  const build = { version, files, optional: opt };
  writeAtomic(join(site, 'sw.js'), worker.replace(PLACEHOLDER, `const BUILD = ${JSON.stringify(build)};`));
  return build;
}

// 4. The command line.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const list = (flag) => {
    const i = args.indexOf(flag);
    return i >= 0 && args[i + 1] ? args[i + 1].split(',').filter(Boolean) : [];
  };
  const [site, web] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!site || !web || !list('--precache').length) {
    console.error('usage: node tools/web/stamp_version.mjs SITE WEBDIR --precache A,B [--optional C]');
    process.exit(2);
  }
  const build = stamp({ site, web, precache: list('--precache'), optional: list('--optional') });
  console.log(`site version ${build.version}`);
}
