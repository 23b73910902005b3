// labels.mjs — what the pseudo-locale tests (tests/e2e/pseudo_locale.test.mjs on the web,
// tests/i18n/desktop_pseudo.mjs on the desktop) check in the widget labels the app reports
// (ui/widget_probe: label, width, textWidth, visibleWidth):
//   untranslated(): a label with English words left once the data is taken out: UI text
//     that bypassed the catalog (the pseudo-locale accents every letter it translates)
//   clipped(): a UI label whose text is wider than what its window shows of the widget
//
// The data is not translated (titles, names, places, countries): it is taken out of a
// label before looking for English. Dates in words are the catalog's, so they are checked.
import { readFileSync } from 'node:fs';

// Dear ImGui's own: its implicit "Debug" window, the app's main window (an id: it has no
// title bar), and child windows ("Parent/Child_1A2B3C4D", and "Parent/" for a child named
// only by an id, "Parent/##links_1A2B3C4D": ids too).
const IMGUI_IDS = /^(Debug|Coalition Atlas)$|_[0-9A-F]{8}$|\/$/;

// Not words: "UTC" in a time's offset ("UTC+08:00") is written the same in every language.
const NOT_WORDS = /\bUTC\b/g;

/** The strings of a dataset (JSON text) and the country names a label may show. */
export function dataStrings(datasetJson) {
  const out = new Set();
  const walk = (v) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(datasetJson));
  const iso = JSON.parse(readFileSync('/usr/share/iso-codes/json/iso_3166-1.json', 'utf8'));
  for (const c of iso['3166-1']) for (const k of ['name', 'common_name', 'official_name']) if (c[k]) out.add(c[k]);
  // Longest first, so "Hong Kong Roundtable" goes before "Hong Kong".
  return [...out].filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
}

/** A pseudo-locale label: bracketed, its letters accented (see core/i18n's pseudo()). */
export const isPseudo = (label) => /^\[.*\]$/s.test(label) && !/[A-Za-z]{2,}/.test(
  label.replace(/\{[a-z_]+\}/g, ''));

/** The labels with English left once the data is taken out. */
export function untranslated(widgets, data) {
  const bad = [];
  for (const w of widgets) {
    if (IMGUI_IDS.test(w.label)) continue;
    let rest = w.label;
    for (const s of data) if (rest.includes(s)) rest = rest.split(s).join(' ');
    rest = rest.replace(NOT_WORDS, ' ');
    if (/[A-Za-z]{2,}/.test(rest)) bad.push(`"${w.label}" (left: "${rest.trim()}")`);
  }
  return bad;
}

/** The UI's labels (pseudo-locale ones) whose text is wider than the widget shows. */
export function clipped(widgets) {
  return widgets
    .filter((w) => w.label.startsWith('[') && w.visibleWidth > 0 && w.textWidth > w.visibleWidth + 0.5)
    .map((w) => `"${w.label}" needs ${w.textWidth.toFixed(1)} px, shows ${w.visibleWidth.toFixed(1)} px`);
}
