// mo.mjs — reads a gettext catalog that Debian's msgfmt compiled (msgfmt --check parsed
// and checked the .po: this reads only its binary output, whose format GNU gettext's
// manual gives in "The Format of GNU MO Files"). Used by catalog_table.mjs (the C++
// tables) and shell_text.mjs (the page's own words).
import fs from 'node:fs';

const fail = (file, message) => {
  console.error(`${file}: ${message}`);
  process.exit(1);
};

/** {language, messages: [{msgid, plural (or null), forms}]} of a .mo file; exits with a
 *  message naming the file when it is not one. A .mo: magic 0x950412de (either byte
 *  order), revision, N, the offsets of the original and translated string tables (each
 *  N pairs of length, offset). */
export function readMo(file) {
  const b = fs.readFileSync(file);
  if (b.length < 28) fail(file, 'too short to be a .mo file');
  let u32 = (at) => b.readUInt32LE(at);
  if (u32(0) !== 0x950412de) {
    u32 = (at) => b.readUInt32BE(at);
    if (u32(0) !== 0x950412de) fail(file, 'not a .mo file (bad magic number)');
  }
  const n = u32(8), originals = u32(12), translations = u32(16);
  const string = (table, i) => {
    const len = u32(table + 8 * i), at = u32(table + 8 * i + 4);
    if (at + len > b.length) fail(file, `string ${i} runs past the end of the file`);
    return b.toString('utf8', at, at + len);
  };
  let language = '';
  const messages = [];
  for (let i = 0; i < n; ++i) {
    const key = string(originals, i).split('\0');
    const forms = string(translations, i).split('\0');
    if (key[0] === '') {  // the header entry
      const m = /^Language:\s*(\S+)\s*$/m.exec(forms[0]);
      if (m) language = m[1].replace('_', '-');
      continue;
    }
    if (key[0].includes('\x04')) fail(file, `message "${key[0]}" has a context: the UI uses none`);
    messages.push({msgid: key[0], plural: key.length > 1 ? key[1] : null, forms});
  }
  if (!language) fail(file, 'the header has no Language field');
  return {language, messages};
}
