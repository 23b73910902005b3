// shell_text.mjs — the page's own words in every language the build has. web/atlas.js
// marks with t('…') what it shows before the app, and the app's catalog, are there (the
// loading card, the messages when the app cannot start); this writes the site's copy of
// atlas.js with its SHELL_TEXT filled in: for each compiled catalog, its forms of those
// messages, and for the pseudo-locale ("pseudo"), the same transform as src/core/i18n.cpp's
// pseudo() (tests/e2e/pseudo_locale.test.mjs checks the two agree). Run by CMake at build
// time; nothing it writes is committed.
//
//   node tools/i18n/shell_text.mjs IN_ATLAS_JS OUT_ATLAS_JS [FILE.mo ...]
import fs from 'node:fs';
import { readMo } from './mo.mjs';

const [input, output, ...moFiles] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: shell_text.mjs IN_ATLAS_JS OUT_ATLAS_JS [FILE.mo ...]');
  process.exit(2);
}
const PLACEHOLDER = 'const SHELL_TEXT = {}; // stamped by tools/i18n/shell_text.mjs';
const source = fs.readFileSync(input, 'utf8');
if (!source.includes(PLACEHOLDER)) {
  console.error(`shell_text: ${input} has no line "${PLACEHOLDER}"`);
  process.exit(1);
}

// The marked messages: t('…') with a plain single-quoted string (as xgettext reads them
// for po/en.po: tools/i18n/extract).
// Comments are left out (block comments, and lines that are comments), as xgettext does.
const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const msgids = [...new Set([...code.matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\(.)/g, '$1')))];
if (msgids.length === 0) {
  console.error(`shell_text: ${input} marks no message with t('…')`);
  process.exit(1);
}

// src/core/i18n.cpp's pseudo(): ASCII letters accented, {placeholders} and printf
// conversions kept, about 30 % longer ("~" after a space), in brackets.
const LOWER = [...'åƀçđéƒĝĥîĵķļḿñöþǫŕšţûṽŵẋýž'];
const UPPER = [...'ÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'];
function pseudo(english) {
  const at = english.indexOf('##');
  const shown = at < 0 ? english : english.slice(0, at);
  const id = at < 0 ? '' : english.slice(at);
  if (!shown) return english;
  let out = '[';
  let letters = 0;
  for (let i = 0; i < shown.length;) {
    const c = shown[i];
    if (c === '{') {
      const close = shown.indexOf('}', i);
      if (close >= 0) {
        out += shown.slice(i, close + 1);
        i = close + 1;
        continue;
      }
    }
    if (c === '%' && i + 1 < shown.length) {
      let j = i + 1;
      while (j < shown.length && '0123456789.-+ #lzh'.includes(shown[j])) ++j;
      if (j < shown.length) ++j;
      out += shown.slice(i, j);
      i = j;
      continue;
    }
    const code = c.charCodeAt(0);
    if (c >= 'a' && c <= 'z') {
      out += LOWER[code - 97];
      ++letters;
    } else if (c >= 'A' && c <= 'Z') {
      out += UPPER[code - 65];
      ++letters;
    } else {
      out += c;
      // A character beyond ASCII counts once (C++ counts UTF-8 lead bytes; a UTF-16 low
      // surrogate is the second half of one character).
      if (code >= 0x80 && !(code >= 0xdc00 && code <= 0xdfff)) ++letters;
    }
    ++i;
  }
  const pad = letters === 0 ? 0 : Math.floor((letters * 3 + 9) / 10);
  if (pad) out += ' ';
  return out + '~'.repeat(pad) + ']' + id;
}

const table = { pseudo: Object.fromEntries(msgids.map((m) => [m, pseudo(m)])) };
for (const file of moFiles) {
  const { language, messages } = readMo(file);
  const words = {};
  for (const m of messages)
    if (m.plural === null && msgids.includes(m.msgid) && m.forms[0]) words[m.msgid] = m.forms[0];
  table[language] = words;
}
const stamped = source.replace(PLACEHOLDER,
  `const SHELL_TEXT = ${JSON.stringify(table)}; // stamped by tools/i18n/shell_text.mjs`);
fs.writeFileSync(output + '.tmp', stamped);
fs.renameSync(output + '.tmp', output);
