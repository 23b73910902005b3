// test_i18n.cpp — the text catalog's runtime (core/i18n.hpp): lookup in a compiled
// catalog (tests/core/i18n/fr.po, built by the same step as po/*.po), named placeholders,
// plural categories, the pseudo-locale's transform, numbers; and dates in words
// (core/date_edtf's describe) and the undo steps' names (core/edit) spelled by the catalog.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "core/dataset_json.hpp"
#include "core/date_edtf.hpp"
#include "core/edit.hpp"
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
  CHECK(i18n::format_decimal(1234.56, 1) == "1,234.6");
  CHECK(i18n::format_decimal(0.04, 1) == "0.0");
  CHECK(i18n::format_decimal(-999.95, 1) == "-1,000.0");
  CHECK(i18n::format_decimal(5, 0) == "5");
  i18n::set_number_style({"\u202f", ","});
  CHECK(i18n::format_number(1234) == "1\u202f234");
  CHECK(i18n::format_decimal(1234.5, 2) == "1\u202f234,50");
}

namespace {
std::string describe(const char* edtf_text, edtf::Language language = edtf::Language::ui) {
  const edtf::ParseResult r = edtf::parse(edtf_text);
  REQUIRE_MESSAGE(r.value, edtf_text);
  return edtf::describe(*r.value, language);
}
}  // namespace

TEST_CASE("dates in words: every word from the catalog, in its order") {
  // One of each shape describe() writes: day, month, season, year, decade, span, BC and AD,
  // unknown year, the qualifiers, each kind of interval, a local date-time.
  const char* const dates[] = {"2017-06-12", "2015-07",  "2015-21?",        "2016~",
                               "201X",       "20XX",     "-0050/0050",      "XXXX",
                               "Y170000002", "2015-24",  "2013/2015-07",    "2015-07/..",
                               "2015-07/",   "../2016?", "/2016",           "2004-06-XX%",
                               "-1999",      "-XXXX",    "2026-03-04T09:30"};
  {
    Locale pseudo("pseudo");
    for (const char* d : dates) {
      // No word is left English: the only letters are the pseudo-locale's accented ones,
      // and what is left in ASCII is digits, spaces, brackets, padding and punctuation.
      const std::string s = describe(d);
      CAPTURE(d);
      CAPTURE(s);
      CHECK(s.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") ==
            std::string::npos);
      CHECK(s.front() == '[');
      // The exports keep English whatever the UI shows.
      CHECK(describe(d, edtf::Language::english) == [&] {
        i18n::set_locale("en");
        std::string english = describe(d);
        i18n::set_locale("pseudo");
        return english;
      }());
    }
    // Each catalog string bracketed: the sentence, and inside it the month and its year.
    CHECK(describe("2015-07") == "[šöḿéţîḿé îñ [[Ĵûļý ~~] 2015] ~~~]");
  }
  Locale fr("fr");
  // Grouped numbers elsewhere, but a year is never "2 015".
  i18n::set_number_style({"\u202f", ","});
  CHECK(describe("2015-07") == "dans le courant de juillet 2015");
  CHECK(describe("2015-21?") == "printemps 2015 (incertain)");
  CHECK(describe("/2016-06") == "début inconnu, jusqu’à juin 2016");
  CHECK(describe("Y170000002") == "dans le courant de l’an 170000002");
  // A sentence the catalog has no form for stays English, with the catalog's words in it.
  CHECK(describe("2017-06-12") == "12 juin 2017");
  CHECK(describe("2015-07", edtf::Language::english) == "sometime in July 2015");
}

TEST_CASE("undo steps' names: the catalog's words around the data's") {
  Locale pseudo("pseudo");
  LoadResult r = load_dataset(R"({"format": "coalition-atlas", "version": 1, "title": "T",
      "events": [{"id": "e1", "kind": "forum", "title": "Summit", "date": "2015-07"}]})");
  REQUIRE(r.ok());
  Dataset d = std::move(*r.dataset);
  History h;
  Event e2;
  e2.id = "e2";
  e2.title = "Retreat";
  REQUIRE(h.apply(d, Command::set_field("e1", "date", "2016")));
  REQUIRE(h.apply(d, Command::set_field("e1", "title", "Summit 2")));
  REQUIRE(h.apply(d, Command::add(e2)));
  REQUIRE(h.apply(d, Command::set_status("e2", EventStatus::Planned)));
  REQUIRE(h.apply(d, Command::remove("e2")));
  const std::vector<std::string> labels = h.labels();
  REQUIRE(labels.size() == 5);
  for (std::string label : labels) {
    CAPTURE(label);
    // The data's names, quoted, are the only English left.
    for (const char* name : {"'Summit 2'", "'Summit'", "'Retreat'"})
      for (size_t at; (at = label.find(name)) != std::string::npos;)
        label.erase(at, std::strlen(name));
    CHECK(label.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") ==
          std::string::npos);
    CHECK(label.front() == '[');
  }
}
