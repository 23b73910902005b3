// store_words.hpp — the words for the browser's store, in the UI's language: web/store.js
// reports facts (which backend, how full, whether the browser keeps it, what went wrong
// and the browser's own reason) and these sentences say them to the user, so no sentence
// the app shows is written in JavaScript, outside the catalog.
#pragma once

#include <string>
#include <string_view>

namespace atlas {

// Where the data is kept: backend "indexeddb", "localstorage" or "refused" (a database
// of a newer version of the app, never written).
std::string store_where(std::string_view backend);

// How full the store is and whether the browser keeps it: usage and quota in bytes
// (negative: not known), persisted 1 granted, 0 not granted, -1 not known yet. "" when
// there is nothing to say.
std::string store_status(double usage, double quota, int persisted);

// What to tell the user about the store: kind "unavailable" (IndexedDB cannot be used,
// local storage instead), "failed" (IndexedDB failed while the app was open), "newer" (a
// newer version's database, left alone); `why` is the browser's reason. "" for kind "".
std::string store_notice(std::string_view kind, std::string_view why);

// 1234567 bytes -> "1.2 MB" (one decimal, the locale's decimal sign; GB from 1e9).
std::string store_megabytes(double bytes);

}  // namespace atlas
