// write_asset.mjs — how the build tools write a binary asset: checked against its gzip
// budget (the inputs are pinned, so this only trips when a builder itself changes), then
// written beside the target and renamed, so a failed build never leaves half an asset.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Writes `bytes` to `out`; exits the process when over `budget` gzipped bytes. Returns
 *  the gzipped size. `tool` names the builder in the message. */
export function writeAsset(tool, out, bytes, budget) {
  const gzipped = zlib.gzipSync(bytes, {level: 9}).length;
  if (gzipped > budget) {
    console.error(`${tool}: ${gzipped} bytes gzipped, over the ${budget} budget`);
    process.exit(1);
  }
  const tmp = `${out}.tmp-${process.pid}`;
  fs.mkdirSync(path.dirname(path.resolve(out)), {recursive: true});
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, out);
  return gzipped;
}
