// test_store_words.cpp — the browser store's words (app/store_words): web/store.js reports
// facts, the app says them, in English as before and through the catalog.
#include <doctest/doctest.h>

#include "app/store_words.hpp"
#include "core/i18n.hpp"

using namespace atlas;

namespace {
// The pseudo-locale for one test case, English again after it.
struct Pseudo {
  Pseudo() { REQUIRE(i18n::set_locale("pseudo")); }
  ~Pseudo() { i18n::set_locale("en"); }
};
}  // namespace

TEST_CASE("the store's words in English") {
  CHECK(store_where("indexeddb") == "this browser's storage for this site");
  CHECK(store_where("localstorage") == "this browser's local storage");
  CHECK(store_where("refused") == "this browser's storage (kept for a newer version of the app)");
  CHECK(store_megabytes(1234567) == "1.2 MB");
  CHECK(store_megabytes(2.5e9) == "2.5 GB");
  CHECK(store_status(-1, -1, -1) == "");
  CHECK(store_status(5e6, 1e9, 1) ==
        "5.0 MB used of 1.0 GB; kept by the browser until you delete it (persistent storage "
        "granted)");
  CHECK(store_status(-1, -1, 0) ==
        "the browser may clear it when space runs low (persistent storage not granted)");
  CHECK(store_notice("", "") == "");
  CHECK(store_notice("unavailable", "The user denied permission") ==
        "This browser's database (IndexedDB) cannot be used here (The user denied permission), "
        "so your data is kept in its local storage instead, which holds only about 5 MB: a "
        "larger dataset cannot be saved there. Use File > Export to keep a copy as a file.");
  CHECK(store_notice("failed", "closed")
            .find("failed while the app was open (closed), so your "
                  "data is now kept in its local storage instead") != std::string::npos);
  CHECK(store_notice("newer", "").rfind("Your saved data was stored by a newer version", 0) == 0);
}

TEST_CASE("the store's words go through the catalog, the browser's reason kept as it is") {
  Pseudo pseudo;
  CHECK(store_where("indexeddb") == i18n::pseudo("this browser's storage for this site"));
  CHECK(store_where("refused") ==
        i18n::pseudo("this browser's storage (kept for a newer version of the app)"));
  CHECK(store_where("localstorage") == i18n::pseudo("this browser's local storage"));
  CHECK(store_status(5e6, 1e9, 1)
            .find(i18n::pseudo(
                "kept by the browser until you delete it (persistent storage granted)")) !=
        std::string::npos);
  const std::string n = store_notice("unavailable", "The user denied permission");
  CHECK(n.find("(The user denied permission)") != std::string::npos);
  CHECK(n.find("IndexedDB") == std::string::npos);  // the sentence's own words: accented
  CHECK(store_notice("newer", "").find("Coalition Atlas") == std::string::npos);
}

TEST_CASE("sizes use the locale's decimal sign") {
  i18n::set_number_style({".", ","});
  CHECK(store_megabytes(1234567) == "1,2 MB");
  i18n::set_number_style({});
}
