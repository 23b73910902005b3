// test_publish.cpp — File > Publish… through the UI with the fake host: the web asks the
// host for the app's files and saves a .zip of the published folder, with the story the
// user chose; the desktop asks for a new folder first; a failure at any step is said and
// nothing is saved; View mode has no Publish; in the pseudo-locale every sentence of the
// dialog and its notices is the catalog's.
#include <doctest/doctest.h>

#include <string>

#include "ui/widget_probe.hpp"
#include "ui_harness.hpp"

using atlas::test::FakeHost;
using atlas::test::UiHarness;

namespace {

const char* kData = R"({"format": "coalition-atlas", "version": 1,
  "title": "Mekong Roundtables",
  "places": [{"id": "bkk", "name": "Bangkok", "country": "TH", "lat": 13.75, "lon": 100.5}],
  "events": [{"id": "rt-th", "kind": "roundtable", "title": "Thailand Roundtable",
              "date": "2015-03-12", "place": "bkk"}],
  "stories": [{"id": "intro", "title": "Introduction", "steps": [{"item": "rt-th"}]},
              {"id": "later", "title": "Later years", "steps": [{"item": "rt-th"}]}]})";

// A built web app as the build stamps it: the worker lists each file with its hash.
FakeHost::SiteFiles built_site(FakeHost& host) {
  const std::string page =
      "<!doctype html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n  <title>Coalition "
      "Atlas</title>\n</head>\n<body><script src=\"atlas.js?v=00000000deadbeef\"></script>"
      "</body>\n</html>\n";
  const std::string app = "// the app";
  const std::string worker = "const BUILD = {\"version\":\"00000000deadbeef\",\"files\":{" +
                             std::string("\"index.html\":\"") + host.sha256(page) +
                             "\",\"atlas.js\":\"" + host.sha256(app) + "\"},\"optional\":{}};\n";
  return {{"atlas.js", app}, {"index.html", page}, {"sw.js", worker}};
}

const std::string* file(const FakeHost::SiteFiles& files, const std::string& name) {
  for (const auto& [path, bytes] : files)
    if (path == name) return &bytes;
  return nullptr;
}

void open_publish(UiHarness& h) {
  REQUIRE(h.click("File"));
  h.frame(2);
  REQUIRE(h.click("Publish…"));
  h.frame(3);
}

}  // namespace

TEST_CASE("File > Publish on the web: the app's files from the host, a .zip of the folder") {
  UiHarness h;
  h.frame(2);
  REQUIRE(h.session.import_text(kData, "mekong.json") == atlas::Session::ImportResult::Replaced);
  h.frame(2);
  open_publish(h);
  // The story to open on: the second one.
  REQUIRE(h.click("##publish-story"));
  h.frame(2);
  REQUIRE(h.click("Later years"));
  h.frame(2);
  REQUIRE(h.click("Download .zip"));
  h.frame(2);
  REQUIRE(h.host.site_requests.size() == 1);
  CHECK(h.host.sites.empty());  // nothing until the app's files arrive

  auto done = std::move(h.host.site_requests[0]);
  done(built_site(h.host), "");
  h.frame(2);
  REQUIRE(h.host.sites.size() == 1);
  const auto& [where, files] = h.host.sites[0];
  CHECK(where == "mekong-roundtables-site");
  const std::string* data = file(files, "data.json");
  REQUIRE(data);
  CHECK(data->find("\"Thailand Roundtable\"") != std::string::npos);
  CHECK(data->find("\"later\"") != std::string::npos);
  CHECK(data->find("\"intro\"") == std::string::npos);  // only the chosen story is kept
  const std::string* page = file(files, "index.html");
  REQUIRE(page);
  CHECK(page->find("<meta name=\"atlas-story\" content=\"later\">") != std::string::npos);
  CHECK(page->find("<title>Mekong Roundtables</title>") != std::string::npos);
  REQUIRE_FALSE(h.session.notices.empty());
  CHECK(h.session.notices.back().text.find(
            "Published 1 event and the story \"later\" as mekong-roundtables-site.zip (4 files") ==
        0);
}

TEST_CASE("File > Publish: a failure at any step is said, and nothing is saved") {
  UiHarness h;
  h.frame(2);
  // The app's files could not be had (the web, offline).
  open_publish(h);
  REQUIRE(h.click("Download .zip"));
  h.frame(2);
  REQUIRE(h.host.site_requests.size() == 1);
  h.host.site_requests[0]({}, "the server answered 404 for sw.js");
  h.frame(2);
  CHECK(h.host.sites.empty());
  REQUIRE_FALSE(h.session.notices.empty());
  CHECK(h.session.notices.back().text ==
        "Publishing failed: the app's files could not be had (the server answered 404 for "
        "sw.js).");

  // Two versions of the app mixed: core/publish names the file.
  open_publish(h);
  REQUIRE(h.click("Download .zip"));
  h.frame(2);
  REQUIRE(h.host.site_requests.size() == 2);
  FakeHost::SiteFiles mixed = built_site(h.host);
  mixed[0].second = "// the next version";
  h.host.site_requests[1](mixed, "");
  h.frame(2);
  CHECK(h.host.sites.empty());
  CHECK(h.session.notices.back().text.find(
            "Publishing failed: the web app's atlas.js is not the one its build stamped") == 0);

  // The save itself failed.
  h.host.save_site_error = "the .zip could not be made (out of memory)";
  open_publish(h);
  REQUIRE(h.click("Download .zip"));
  h.frame(2);
  REQUIRE(h.host.site_requests.size() == 3);
  h.host.site_requests[2](built_site(h.host), "");
  h.frame(2);
  CHECK(h.host.sites.empty());
  CHECK(h.session.notices.back().text ==
        "Publishing failed: the .zip could not be made (out of memory); nothing was written.");
}

TEST_CASE("File > Publish on the desktop: a new folder is chosen first, then written") {
  UiHarness h(false);
  h.frame(2);
  open_publish(h);
  REQUIRE(h.click("Choose folder…"));
  h.frame(3);
  CHECK(h.host.site_requests.empty());  // the folder first
  REQUIRE(h.click("Choose"));
  h.frame(2);
  REQUIRE(h.host.site_requests.size() == 1);
  h.host.site_requests[0](built_site(h.host), "");
  h.frame(2);
  REQUIRE(h.host.sites.size() == 1);
  const std::string& where = h.host.sites[0].first;
  const std::string name = "asia-pacific-financial-coalition-country-roundtables-working-site";
  CHECK(where.size() > name.size());
  CHECK(where.compare(where.size() - name.size(), name.size(), name) == 0);
  CHECK(file(h.host.sites[0].second, "data.json"));
  CHECK(h.session.notices.back().text.find("Put the folder on any static web host.") !=
        std::string::npos);

  // Closed without a choice: a later Export JSON saves the dataset, it does not publish.
  open_publish(h);
  REQUIRE(h.click("Choose folder…"));
  h.frame(3);
  h.key(ImGuiKey_Escape);
  h.frame(2);
  h.key(ImGuiKey_S, true);
  h.frame(2);
  REQUIRE(h.click("Save"));
  h.frame(2);
  CHECK(h.host.site_requests.size() == 1);
  REQUIRE_FALSE(h.host.files.empty());
}

TEST_CASE("File > Publish is an author's command: View mode has none") {
  UiHarness h;
  h.session.view_link("https://example.org/shared.json");
  h.session.start();
  REQUIRE(h.session.import_text(kData, "https://example.org/shared.json") ==
          atlas::Session::ImportResult::Replaced);
  h.frame(2);
  REQUIRE(h.click("File"));
  h.frame(2);
  float r[4];
  CHECK(atlas::ui::probe::find("Export JSON…", 0, r));
  CHECK_FALSE(atlas::ui::probe::find("Publish…", 0, r));
}

TEST_CASE("pseudo-locale: Publish's instructions and notices are the catalog's sentences") {
  atlas::test::ScopedLocale pseudo("pseudo");
  UiHarness h;
  h.frame(2);
  REQUIRE(h.session.import_text(kData, "mekong.json") == atlas::Session::ImportResult::Replaced);
  h.frame(2);
  auto open = [&] {
    REQUIRE(h.click(tr("File")));
    h.frame(2);
    REQUIRE(h.click(tr("Publish…")));
    h.frame(3);
  };
  open();
  const std::string you_get =
      trf("You get {name}.zip: unzip it and put the folder {name} on the host.",
          {{"name", "mekong-roundtables-site"}});
  CHECK(you_get.front() == '[');
  CHECK(h.shows(you_get));
  CHECK_FALSE(h.shows("You get"));

  // A failure, said in the catalog's words around the host's.
  REQUIRE(h.click(tr("Download .zip")));
  h.frame(2);
  REQUIRE(h.host.site_requests.size() == 1);
  h.host.site_requests[0]({}, "offline");
  h.frame(2);
  REQUIRE_FALSE(h.session.notices.empty());
  CHECK(h.session.notices.back().text ==
        trf("Publishing failed: the app's files could not be had ({why}).", {{"why", "offline"}}));
  CHECK(h.session.notices.back().text.front() == '[');

  // Published: every sentence of the notice from the catalog.
  open();
  REQUIRE(h.click("##publish-story"));
  h.frame(2);
  REQUIRE(h.click("Later years"));
  h.frame(2);
  REQUIRE(h.click(tr("Download .zip")));
  h.frame(2);
  REQUIRE(h.host.site_requests.size() == 2);
  h.host.site_requests[1](built_site(h.host), "");
  h.frame(2);
  REQUIRE(h.host.sites.size() == 1);
  size_t bytes = 0;
  for (const auto& f : h.host.sites[0].second) bytes += f.second.size();
  // The size in the locale's words and number style too.
  const std::string size =
      trf("{number} MB",
          {{"number", atlas::i18n::format_decimal(double(bytes) / (1024.0 * 1024.0), 1)}});
  CHECK(size.front() == '[');
  const std::string published =
      trn("Published {count} event and the story \"{story}\" as {name} ({files}, {size}).",
          "Published {count} events and the story \"{story}\" as {name} ({files}, {size}).", 1,
          {{"story", "later"},
           {"name", "mekong-roundtables-site.zip"},
           {"files", trn("{count} file", "{count} files", 4)},
           {"size", size}});
  CHECK(h.session.notices.back().text ==
        published + " " + tr("Unzip it and put the folder on any static web host.") + " " +
            tr("It opens read-only, and works offline after the first visit."));
  CHECK(published.front() == '[');
}

TEST_CASE("pseudo-locale: Publish on the desktop says the folder's rules in the catalog's words") {
  atlas::test::ScopedLocale pseudo("pseudo");
  UiHarness h(false);
  h.frame(2);
  REQUIRE(h.click(tr("File")));
  h.frame(2);
  REQUIRE(h.click(tr("Publish…")));
  h.frame(3);
  CHECK(h.shows(tr("Choose a new folder; it is written whole, or not at all.")));
  CHECK_FALSE(h.shows("Choose a new folder"));
  REQUIRE(h.click(tr("Choose folder…")));
  h.frame(3);
  REQUIRE(h.click(tr("Choose")));
  h.frame(2);
  REQUIRE(h.host.site_requests.size() == 1);
  h.host.site_requests[0](built_site(h.host), "");
  h.frame(2);
  REQUIRE(h.host.sites.size() == 1);
  CHECK(h.session.notices.back().text.find(tr("Put the folder on any static web host.")) !=
        std::string::npos);
  CHECK(h.session.notices.back().text.find("static web host") == std::string::npos);
}
