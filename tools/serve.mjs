// serve.mjs — a small static file server for the built page (tools/run, the browser
// tests, the benchmarks). Loopback only; sends .wasm as application/wasm (the page
// compiles it while it downloads), the build's precompressed copies (FILE.br, FILE.gz)
// to a browser that accepts them, and the page's Content-Security-Policy as a header on
// every response (the service worker's script gets its policy from its own response, not
// from the page). Every file has an ETag (its size, time and encoding), and a request that
// already holds it gets 304 Not Modified: the service worker's install then re-reads the
// files the page has just downloaded from the browser's cache instead of downloading them
// again.
//
//   node tools/serve.mjs DIR [--port N]     (PORT in the environment also works)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

// The policy is the one in the page's own <meta> (web/index.html: one place to read and
// change it), plus what a <meta> cannot say: frame-ancestors. Any site may embed the
// page (the coalition's own site, partners', a later embed variant): it holds no account,
// cookie or secret for a framing site to abuse; a framed copy's storage is partitioned by
// the site that frames it in current browsers, so a framing page can neither read nor
// overwrite the user's own data; and what replaces data asks first and can be undone.
export const FRAME_ANCESTORS = 'frame-ancestors *';
const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i;
async function policy(root) {
  const page = await readFile(join(root, 'index.html'), 'utf8').catch(() => '');
  const meta = CSP_META.exec(page);
  return meta ? `${meta[1]}; ${FRAME_ANCESTORS}` : FRAME_ANCESTORS;
}

// The build puts FILE.br and FILE.gz beside the big files (cmake/app.cmake): sent, with
// Content-Encoding, to a browser that accepts them; a copy older than its file (stale) is
// not used.
const ENCODINGS = [['br', '.br'], ['gzip', '.gz']];
async function precompressed(file, acceptEncoding = '') {
  const original = await stat(file);
  const accepted = new Set(String(acceptEncoding).split(',').map((e) => e.split(';')[0].trim()));
  for (const [encoding, suffix] of ENCODINGS) {
    if (!accepted.has(encoding)) continue;
    const copy = await stat(file + suffix).catch(() => null);
    // (in whole seconds: brotli keeps only those of the file's time)
    if (copy && copy.isFile() && Math.floor(copy.mtimeMs / 1000) >= Math.floor(original.mtimeMs / 1000))
      return { body: await readFile(file + suffix), encoding, stat: copy };
  }
  return { body: await readFile(file), encoding: null, stat: original };
}

// The validator of what is sent: which bytes (size and time of the file read) in which
// encoding. Weak: the same file in another encoding is another ETag, so a cache never
// mixes them.
const etagOf = (stat, encoding) =>
  `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}-${encoding || 'identity'}"`;
const matches = (header, etag) =>
  String(header || '').split(',').some((t) => t.trim() === etag || t.trim() === '*');

/** Starts serving `dir` on 127.0.0.1:`port` (0 = any free port); resolves to the server.
 *  `sent`, when given, is told of every answer: {path, status, bytes (the body as sent),
 *  encoding} (the benchmarks count a first visit's bytes with it). */
export function serve(dir, port = 0, host = '127.0.0.1', { sent = null } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const { body, encoding, stat: read } = await precompressed(file, req.headers['accept-encoding']);
      const etag = etagOf(read, encoding);
      const headers = {
        'Content-Security-Policy': await policy(root),
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        'ETag': etag,
        'Vary': 'Accept-Encoding',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      if (matches(req.headers['if-none-match'], etag)) {
        res.writeHead(304, headers).end();
        sent?.({ path, status: 304, bytes: 0, encoding });
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      sent?.({ path, status: 200, bytes: req.method === 'HEAD' ? 0 : body.length, encoding });
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      sent?.({ path: req.url, status: 404, bytes: 0, encoding: null });
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port');
  const i = args.indexOf('--port');
  const port = Number(i >= 0 ? args[i + 1] : process.env.PORT || 8080);
  if (!dir) {
    console.error('usage: node tools/serve.mjs DIR [--port N]');
    process.exit(2);
  }
  serve(dir, port).then(
    (server) => console.log(`Coalition Atlas is at http://127.0.0.1:${server.address().port}/  (Ctrl+C stops)`),
    (e) => {
      console.error(`cannot serve on 127.0.0.1:${port}: ${e.message}`);
      process.exit(1);
    });
}
