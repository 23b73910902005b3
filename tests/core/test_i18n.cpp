// test_i18n.cpp — the text catalog's runtime (core/i18n.hpp): lookup in a compiled
// catalog (tests/core/i18n/fr.po, built by the same step as po/*.po), named placeholders,
// plural categories, the pseudo-locale's transform, numbers.
#include <doctest/doctest.h>

#include <string>

#include "core/i18n.hpp"
#include "core/utf8.hpp"

using namespace atlas;

namespace {
// Leaves the process in English whatever a test set.
struct Locale {
  explicit Locale(const char* tag) { REQUIRE(i18n::set_locale(tag)); }
  ~Locale() {
    i18n::set_locale("en");
    i18n::set_number_style({});
  }
};
}  // namespace

TEST_CASE("English is the source: a string is its own text, pointer and all") {
  Locale en("en");
  const char* save = "Save";
  CHECK(tr(save) == save);
  CHECK(trn("{count} event", "{count} events", 1) == "1 event");
  CHECK(trn("{count} event", "{count} events", 0) == "0 events");
  CHECK(trn("{count} event", "{count} events", 12345) == "12,345 events");
  CHECK(i18n::language_tag() == "en");
}

TEST_CASE("a compiled catalog: its forms, English where it has none, ids kept") {
  Locale fr("fr");
  CHECK(i18n::locale() == "fr");
  CHECK(std::string(tr("Save")) == "Enregistrer");
  CHECK(std::string(tr("Export##menu")) == "Exporter##menu");
  CHECK(std::string(tr("Untranslated yet")) == "Untranslated yet");
  CHECK(std::string(tr("Not in the catalog")) == "Not in the catalog");
  CHECK(i18n::fill(tr("Open {name}"), {{"name", "sample.json"}}) == "Ouvrir sample.json");
  // French: 0 and 1 are "one", a million "many", the rest "other".
  CHECK(trn("{count} event", "{count} events", 0) == "0 événement");
  CHECK(trn("{count} event", "{count} events", 1) == "1 événement");
  CHECK(trn("{count} event", "{count} events", 2) == "2 événements");
  CHECK(trn("{count} event", "{count} events", 1000000) == "1,000,000 d’événements");
  // The same pointer each time: ImGui may keep it for the frame.
  CHECK(tr("Save") == tr("Save"));
}

TEST_CASE("a language with no catalog is refused and leaves English") {
  CHECK_FALSE(i18n::set_locale("xx"));
  CHECK(i18n::locale() == "en");
  CHECK(i18n::available_locales() == std::vector<std::string>{"en", "pseudo", "fr"});
}

TEST_CASE("plural categories follow each language's rule") {
  using P = i18n::Plural;
  CHECK(i18n::plural_category("en", 1) == P::one);
  CHECK(i18n::plural_category("en", 0) == P::other);
  CHECK(i18n::plural_category("en-GB", 2) == P::other);
  CHECK(i18n::plural_category("fr", 0) == P::one);
  CHECK(i18n::plural_category("ja", 1) == P::other);
  CHECK(i18n::plural_category("th", 5) == P::other);
  CHECK(i18n::plural_category("ru", 21) == P::one);
  CHECK(i18n::plural_category("ru", 11) == P::many);
  CHECK(i18n::plural_category("ru", 23) == P::few);
  CHECK(i18n::plural_categories("zh-Hant") == std::vector<P>{P::other});
  CHECK(i18n::plural_categories("en") == std::vector<P>{P::one, P::other});
}

TEST_CASE("named placeholders: each filled, an unknown one left to show") {
  CHECK(i18n::fill("{a} and {b}", {{"a", "x"}, {"b", "y"}}) == "x and y");
  CHECK(i18n::fill("{a}{a}", {{"a", "1"}}) == "11");
  CHECK(i18n::fill("{missing} here", {}) == "{missing} here");
  CHECK(i18n::fill("no braces", {{"a", "1"}}) == "no braces");
  CHECK(i18n::fill("open { only", {{"a", "1"}}) == "open { only");
  // A value is never read as a pattern.
  CHECK(i18n::fill("{a}", {{"a", "{b}"}, {"b", "no"}}) == "{b}");
}

TEST_CASE("the pseudo-locale: accented, bracketed, ~30% longer, placeholders and ids kept") {
  CHECK(i18n::pseudo("Save") == "[Šåṽé ~~]");
  CHECK(i18n::pseudo("Open {name}") == "[Öþéñ {name} ~~]");
  CHECK(i18n::pseudo("Export##menu") == "[Éẋþöŕţ ~~]##menu");
  CHECK(i18n::pseudo("##caption") == "##caption");
  CHECK(i18n::pseudo("%d of %.1f%%") == "[%d öƒ %.1f%% ~]");
  // Long text grows by about 30% in characters.
  const std::string english = "Replace the data with the file you chose";
  const std::string p = i18n::pseudo(english);
  const double growth = double(utf8_length(p)) / double(utf8_length(english));
  CHECK(growth >= 1.25);
  CHECK(growth <= 1.45);
  CHECK(p.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos);
  CHECK(is_valid_utf8(p));

  Locale pseudo("pseudo");
  CHECK(i18n::is_pseudo());
  CHECK(i18n::language_tag() == "en-XA");
  CHECK(std::string(tr("Save")) == "[Šåṽé ~~]");
  CHECK(trn("{count} event", "{count} events", 3) == "[3 éṽéñţš ~~]");
  CHECK(trn("{count} event", "{count} events", 1) == "[1 éṽéñţ ~~]");
}

TEST_CASE("numbers follow the locale's style") {
  Locale en("en");
  CHECK(i18n::format_number(0) == "0");
  CHECK(i18n::format_number(999) == "999");
  CHECK(i18n::format_number(-1234567) == "-1,234,567");
  i18n::set_number_style({"\u202f", ","});
  CHECK(i18n::format_number(1234) == "1\u202f234");
}
