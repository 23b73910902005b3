// i18n.hpp — the text the UI shows, looked up in a catalog: gettext .po files (po/) are
// the source, compiled at build time into tables (tools/i18n/po_table.mjs) that the
// program registers here; English is the source language, so an English string is its
// own key. The pseudo-locale ("pseudo") is English made longer and accented, so a string
// that bypasses the catalog, or a layout that breaks on longer text, shows on screen.
//
// Index
//   1. The catalog's tables (what the generated code hands in)
//   2. Plural categories: which form a count takes in a language
//   3. The current locale: set once at start-up, asked by tr() and friends
//   4. Lookup: tr (a label), trn (a count's phrase), named placeholders
//   5. The pseudo-locale's transform
//   6. Numbers spelled per locale
//
// Marking: the UI writes tr("Save") and trn("{count} event", "{count} events", n); a
// label's ImGui id goes after "##" ("Save##export") and stays as it is in every language,
// so the widget keeps its id whatever text it shows; placeholders are named, {like_this},
// filled by fill().
// xgettext extracts the marked strings (keywords tr, trn:1,2, N_); tests/i18n checks
// that po/en.po holds exactly what it extracts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atlas::i18n {

// ---------------------------------------------------------------------------------
// 1. The catalog's tables
// ---------------------------------------------------------------------------------
// One message of a compiled .po file: its English key (msgid, and msgid_plural for a
// count's phrase) and its forms in the catalog's language, in the order of the
// language's plural categories (plural_categories()); an empty form falls back to English.
struct Message {
  const char* msgid;
  const char* msgid_plural;  // nullptr unless plural
  const char* const* forms;  // forms_count entries
  size_t forms_count;
};
struct CatalogTable {
  const char* language;  // the .po's Language header: "en", "fr", "pt-BR"
  const Message* messages;
  size_t count;
};
// The tables compiled into the program (generated from po/*.po; defined by the build).
const std::vector<CatalogTable>& compiled_catalogs();

// ---------------------------------------------------------------------------------
// 2. Plural categories (CLDR's names)
// ---------------------------------------------------------------------------------
enum class Plural { zero, one, two, few, many, other };
// The categories `language` uses, in the order its .po's msgstr[i] follow (the order of
// its Plural-Forms expression). English: one, other.
std::vector<Plural> plural_categories(std::string_view language);
// Which category the integer n takes in `language` (CLDR's cardinal rule).
Plural plural_category(std::string_view language, long long n);

// ---------------------------------------------------------------------------------
// 3. The current locale
// ---------------------------------------------------------------------------------
// "en" (the default), "pseudo", or a language with a compiled catalog. Returns false (and
// leaves English) for a language with none: the caller says so to the user.
bool set_locale(std::string_view language);
const std::string& locale();
bool is_pseudo();
// The languages one can pick: "en", "pseudo", and every compiled catalog's.
std::vector<std::string> available_locales();
// The BCP 47 tag for the page's <html lang> and for Intl: "en", or "en-XA" (the
// conventional pseudo-locale tag) for the pseudo-locale.
std::string language_tag();

// ---------------------------------------------------------------------------------
// 4. Lookup
// ---------------------------------------------------------------------------------
// The current locale's text for `msgid` (a label: whatever follows "##" is kept as it is).
// The pointer stays valid for the program's life; in English it is `msgid` itself.
const char* tr(const char* msgid);
// A count's phrase: the form for n's plural category, with {count} filled by n (spelled
// per locale, as format_number does) and the other placeholders by `more`.
std::string trn(const char* singular, const char* plural, long long n,
                const std::vector<std::pair<std::string_view, std::string>>& more = {});
// Marks a string for extraction without translating it where it is written (a table of
// labels translated where it is shown, with tr()).
constexpr const char* N_(const char* msgid) { return msgid; }

// Fills named placeholders: each "{name}" of `pattern` becomes its value; an unknown name
// stays as written, so a mistake shows rather than vanishing.
using Args = std::vector<std::pair<std::string_view, std::string>>;
std::string fill(std::string_view pattern, const Args& args);
// tr() then fill(): trf("Delete “{name}”?", {{"name", id}}).
std::string trf(const char* msgid, const Args& args);

// ---------------------------------------------------------------------------------
// 5. The pseudo-locale
// ---------------------------------------------------------------------------------
// "[Šåvé ~~]": ASCII letters accented, about 30% longer (padding before the closing
// bracket), bracketed so a cut-off end shows. "{placeholders}", "%d"-style conversions,
// and an ImGui id ("##…" to the end) are kept exactly.
std::string pseudo(std::string_view english);

// ---------------------------------------------------------------------------------
// 6. Numbers
// ---------------------------------------------------------------------------------
// How the locale writes numbers. English by default; the web host sets it from the
// browser's Intl.NumberFormat for the page's language.
struct NumberStyle {
  std::string group = ",";    // thousands separator ("" for none)
  std::string decimal = ".";  // decimal separator
};
void set_number_style(NumberStyle style);
const NumberStyle& number_style();
// 12345 -> "12,345" in English.
std::string format_number(long long n);
// 1234.56 with 1 decimal -> "1,234.6" in English ("1 234,6" in French): rounded, grouped
// and with the locale's decimal sign.
std::string format_decimal(double value, int decimals);

}  // namespace atlas::i18n

// The UI's short names for the marking functions.
using atlas::i18n::N_;
using atlas::i18n::tr;
using atlas::i18n::trf;
using atlas::i18n::trn;
