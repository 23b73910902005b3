// test_app_ui.cpp — the UI with a fake host and no platform (tests/ui/ui_harness.hpp):
// what it asks of the host (app/host.hpp) for files, full screen and the CJK font, and
// that it needs nothing else to run; in the pseudo-locale, the text it draws (the shared
// link's bar, the timeline's lanes, the file dialog) is the catalog's.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "ui/widget_probe.hpp"
#include "ui_harness.hpp"

using atlas::test::UiHarness;

TEST_CASE("the UI draws the sample with no platform at all") {
  UiHarness h;
  h.frame(3);
  CHECK(h.ui.pane(atlas::ui::kMapPane).w > 100);
  CHECK(h.ui.pane(atlas::ui::kInspectorPane).h > 50);
  CHECK(h.host.fullscreen.empty());
  CHECK(h.host.downloads.empty());
}

TEST_CASE("Ctrl+S exports through the host: a download in a browser") {
  UiHarness h(true);
  h.frame();
  h.key(ImGuiKey_S, true);
  REQUIRE(h.host.downloads.size() == 1);
  CHECK(h.host.downloads[0].first.size() > 5);
  CHECK(h.host.downloads[0].first.substr(h.host.downloads[0].first.size() - 5) == ".json");
  CHECK(h.host.downloads[0].second == h.session.state.export_json());
}

TEST_CASE("Ctrl+S with real files: the save dialog, then the host writes the file") {
  UiHarness h(false);
  h.frame();
  h.key(ImGuiKey_S, true);
  CHECK(h.host.downloads.empty());
  h.frame();
  REQUIRE(h.click("Save"));  // the dialog's own button, under the suggested name
  h.frame();
  REQUIRE(h.host.files.size() == 1);
  CHECK(h.host.files[0].second == h.session.state.export_json());
  REQUIRE_FALSE(h.session.notices.empty());
  CHECK(h.session.notices.back().text.find("Exported to") == 0);
}

TEST_CASE("Ctrl+O asks the host for its file picker only where it has one") {
  UiHarness web(true);
  web.frame();
  web.key(ImGuiKey_O, true);
  CHECK(web.host.pickers == 1);
}

TEST_CASE("presenting asks the host for full screen, leaving gives it back") {
  UiHarness h;
  h.frame();
  h.ui.present(true);
  h.frame(2);
  h.ui.present(false);
  h.frame();
  CHECK(h.host.fullscreen == std::vector<bool>{true, false});
}

TEST_CASE("Quit is there only where the host can quit") {
  UiHarness web(true);
  web.frame();
  web.key(ImGuiKey_Q, true);
  CHECK_FALSE(web.ui.quit_requested());
  UiHarness desktop(false);
  desktop.frame();
  desktop.key(ImGuiKey_Q, true);
  CHECK(desktop.ui.quit_requested());
}

TEST_CASE("Chinese text asks the host for the CJK font once; a failure is told") {
  UiHarness h;
  h.frame();
  CHECK(h.host.font_requests.empty());  // the sample has no CJK text
  CHECK(std::string(h.ui.cjk_font_status()) == "none");
  REQUIRE(h.session.state.edit(atlas::Command::set_field("rt-hk", "title", "香港圓桌會議")));
  h.frame(2);
  REQUIRE(h.host.font_requests.size() == 1);
  CHECK(std::string(h.ui.cjk_font_status()) == "loading");
  h.host.font_requests[0]({}, 0, "the network is down");
  h.frame();
  CHECK(std::string(h.ui.cjk_font_status()) == "failed");
  REQUIRE_FALSE(h.session.notices.empty());
  CHECK(h.session.notices.back().text.find("the network is down") != std::string::npos);
  CHECK(h.host.font_requests.size() == 1);  // asked once, not again every frame
}

#ifdef ATLAS_CJK_FONT
TEST_CASE("the host's CJK font becomes glyphs for the characters the data uses") {
  UiHarness h;
  REQUIRE(h.session.state.edit(atlas::Command::set_field("rt-hk", "title", "香港")));
  h.frame();
  REQUIRE(h.host.font_requests.size() == 1);
  CHECK(h.ui.missing_glyphs("香港").size() == 2);
  std::ifstream in(ATLAS_CJK_FONT, std::ios::binary);
  std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() > 1000);
  h.host.font_requests[0](std::move(bytes), 0, "");
  h.frame();
  CHECK(std::string(h.ui.cjk_font_status()) == "ready");
  CHECK(h.ui.cjk_glyph_count() >= 2);
  CHECK(h.ui.missing_glyphs("香港").empty());
}
#endif

TEST_CASE("autoplay, as window.atlas.autoplay sets it, steps through the story") {
  UiHarness h;
  h.frame();
  h.ui.present(true, 0);
  h.ui.presenter().set_autoplay(3.0f, false);
  CHECK(h.ui.presenter().autoplay());
  h.frame(60 * 3 + 10);  // a little over three seconds of frames
  CHECK(h.ui.presenter().step() == 1);
  h.ui.presenter().set_autoplay(0.0f, false);  // 0 stops it
  CHECK_FALSE(h.ui.presenter().autoplay());
  h.frame(60 * 4);
  CHECK(h.ui.presenter().step() == 1);
}

TEST_CASE(
    "quitting with a change that could not be stored asks; only 'Quit without saving' quits") {
  UiHarness h(false);
  h.frame();
  h.ui.ask_before_quit();
  h.frame(2);
  CHECK_FALSE(h.ui.quit_requested());
  REQUIRE(h.click("Cancel"));  // stay: nothing quits, and the question goes
  h.frame(2);
  CHECK_FALSE(h.ui.quit_requested());
  CHECK_FALSE(h.ui.quit_confirmed());
  CHECK_FALSE(h.click("Quit without saving"));

  h.ui.ask_before_quit();
  h.frame(2);
  float r[4];
  CHECK(atlas::ui::probe::find("Export first…", 0, r));  // offered beside it
  REQUIRE(h.click("Quit without saving"));
  CHECK(h.ui.quit_requested());
  CHECK(h.ui.quit_confirmed());
}

TEST_CASE("View mode (a shared link): no editing chrome, read-only fields, a copy asks first") {
  const char* kLink = "https://example.org/shared.json";
  const char* kShared = R"({"format": "coalition-atlas", "version": 1, "title": "Shared",
    "places": [{"id": "sg", "name": "Singapore", "country": "SG", "lat": 1.29, "lon": 103.85}],
    "events": [{"id": "e0", "kind": "forum", "title": "A forum", "date": "2018", "place": "sg"}]})";
  UiHarness h;
  h.frame(2);  // a first visit: the sample is stored, the user's own data from now on
  h.session.view_link(kLink);
  h.session.start();
  REQUIRE(h.session.import_text(kShared, kLink) == atlas::Session::ImportResult::Replaced);
  h.session.state.select("e0");
  h.frame(3);
  float r[4];
  CHECK(atlas::ui::probe::find("Make a copy to edit", 0, r));
  CHECK_FALSE(atlas::ui::probe::find("Edit", 0, r));  // the Edit menu
  CHECK_FALSE(atlas::ui::probe::find("+ Event", 0, r));
  CHECK_FALSE(atlas::ui::probe::find("Delete…", 0, r));
  CHECK_FALSE(atlas::ui::probe::find("##newplacee0", 0, r));  // no city search to begin
  CHECK_FALSE(h.ui.wants_gazetteer());
  h.key(ImGuiKey_O, true);
  CHECK(h.host.pickers == 0);  // no File > Open

  // The title field shows the title but takes no typing.
  REQUIRE(h.ui.editor().field_rect("e0/title", r));
  ImGui::GetIO().AddMousePosEvent(r[0] + r[2] / 2, r[1] + r[3] / 2);
  h.frame();
  ImGui::GetIO().AddMouseButtonEvent(0, true);
  h.frame();
  ImGui::GetIO().AddMouseButtonEvent(0, false);
  h.frame();
  CHECK_FALSE(ImGui::GetIO().WantTextInput);
  h.type("XYZ");
  h.key(ImGuiKey_Z, true);
  CHECK(h.session.state.event("e0")->title == "A forum");

  // Make a copy asks (the browser holds the user's data); Cancel keeps viewing.
  REQUIRE(h.click("Make a copy to edit"));
  h.frame(2);
  REQUIRE(h.click("Cancel", -1));
  h.frame(2);
  CHECK(h.session.mode() == atlas::Session::Mode::View);
  REQUIRE(h.click("Make a copy to edit"));
  h.frame(2);
  REQUIRE(h.click("Make the copy"));
  h.frame(2);
  CHECK(h.session.mode() == atlas::Session::Mode::Edit);
  CHECK(h.session.state.dataset.title == "Shared");
  CHECK(h.session.has_previous());
  CHECK(atlas::ui::probe::find("+ Event", 0, r));  // editing is back
  // File > Restore previous data: the sample is back.
  REQUIRE(h.click("File"));
  h.frame(2);
  REQUIRE(h.click("Restore previous data"));
  h.frame(2);
  CHECK(h.session.state.origin == "previous data");
  CHECK(h.session.state.dataset.title != "Shared");
}

TEST_CASE("View > Copy embed code: an iframe of the shared link's page; an embed has no menu bar") {
  const char* kLink = "https://example.org/shared.json";
  const char* kShared = R"({"format": "coalition-atlas", "version": 1,
    "title": "Roundtables & \"forums\"", "places": [], "events": []})";
  UiHarness h;
  h.host.address = "https://example.org/atlas/?data=https%3A%2F%2Fexample.org%2Fshared.json";
  h.frame(2);
  // The user's own data: nothing public to embed.
  REQUIRE(h.click("View"));
  h.frame(2);
  REQUIRE(h.click("Copy embed code"));
  h.frame(2);
  CHECK(std::string(ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "") == "");
  h.key(ImGuiKey_Escape);  // the disabled item left the menu open
  h.frame(2);

  h.session.view_link(kLink);
  h.session.start();
  REQUIRE(h.session.import_text(kShared, kLink) == atlas::Session::ImportResult::Replaced);
  h.frame(2);
  REQUIRE(h.click("View"));
  h.frame(2);
  REQUIRE(h.click("Copy embed code"));
  h.frame(2);
  CHECK(std::string(ImGui::GetClipboardText()) ==
        "<iframe src=\"https://example.org/atlas/?data=https%3A%2F%2Fexample.org%2Fshared.json"
        "&amp;embed\" title=\"Roundtables &amp; &quot;forums&quot;\" width=\"100%\" "
        "height=\"600\" style=\"border:0\" loading=\"lazy\"></iframe>");

  // Opened as an embed: the views without the menu bar.
  h.host.embed = true;
  h.frame(2);
  float r[4];
  CHECK_FALSE(atlas::ui::probe::find("View", 0, r));
  CHECK_FALSE(atlas::ui::probe::find("File", 0, r));
}

// ---------------------------------------------------------------------------------
// The pseudo-locale: text drawn, not only labels, comes from the catalog
// ---------------------------------------------------------------------------------
TEST_CASE("pseudo-locale: the shared link's bar is the catalog's sentence around the address") {
  atlas::test::ScopedLocale pseudo("pseudo");
  const char* kLink = "https://example.org/shared.json";
  UiHarness h;
  h.frame(2);
  h.session.view_link(kLink);
  h.session.start();
  h.frame(3);
  // While the link downloads: the bar, and the placeholder dataset's title.
  CHECK(h.shows(trf("Opening a shared link: {address}…", {{"address", kLink}})));
  CHECK(h.session.state.dataset.title == tr("Opening a shared link…"));
  CHECK(h.session.state.dataset.title.front() == '[');
  REQUIRE(h.session.import_text(R"({"format": "coalition-atlas", "version": 1, "title": "S"})",
                                kLink) == atlas::Session::ImportResult::Replaced);
  h.frame(3);
  const std::string viewing =
      trf("Viewing a shared link: {address} (read-only; your own data is not changed)",
          {{"address", kLink}});
  CHECK(viewing.front() == '[');
  CHECK(h.shows(viewing));
  CHECK_FALSE(h.shows("Viewing a shared link"));
}

TEST_CASE("pseudo-locale: the timeline's own lane names come from the catalog") {
  atlas::test::ScopedLocale pseudo("pseudo");
  UiHarness h;
  h.frame(2);
  REQUIRE(h.session.import_text(R"({"format": "coalition-atlas", "version": 1, "title": "T",
      "events": [{"id": "e0", "kind": "forum", "title": "A forum", "date": "2018"}],
      "working_groups": [{"id": "wg", "name": "A group", "country": "SG",
                          "active": "2016/.."}]})",
                                "t.json") == atlas::Session::ImportResult::Replaced);
  h.ui.timeline().set_group_by(atlas::ui::TimelineView::GroupBy::Country);
  h.frame(3);
  CHECK(h.shows(tr("No place given")));
  CHECK_FALSE(h.shows("No place given"));
  h.ui.timeline().set_group_by(atlas::ui::TimelineView::GroupBy::Organisation);
  h.frame(3);
  CHECK(h.shows(tr("No organisation named")));
  CHECK(h.shows(tr("Working groups")));
  CHECK_FALSE(h.shows("No organisation named"));
  CHECK_FALSE(h.shows("Working groups"));
}

TEST_CASE("pseudo-locale: the desktop's file dialog says an empty folder in the catalog's words") {
  atlas::test::ScopedLocale pseudo("pseudo");
  // An empty home: the dialog opens there, and lists nothing.
  namespace fs = std::filesystem;
  const fs::path home =
      fs::temp_directory_path() / ("atlas-empty-home-" + std::to_string(getpid()));
  fs::remove_all(home);
  fs::create_directories(home);
  const char* old = std::getenv("HOME");
  const std::string was = old ? old : "";
  setenv("HOME", home.c_str(), 1);
  {
    UiHarness h(false);
    h.frame();
    h.key(ImGuiKey_S, true);
    h.frame(2);
    CHECK(h.shows(trf("No {extension} files here.", {{"extension", ".json"}})));
    CHECK_FALSE(h.shows("files here."));
  }
  if (old)
    setenv("HOME", was.c_str(), 1);
  else
    unsetenv("HOME");
  fs::remove_all(home);
}

TEST_CASE(
    "the list pane lists events by date: earliest day, then latest, then the text; undated last") {
  UiHarness h;
  REQUIRE_FALSE(atlas::has_errors(h.session.state.load_json(
      R"({"format": "coalition-atlas", "version": 1, "title": "Order",
          "events": [{"id": "z", "kind": "forum", "title": "Zulu", "date": "2019"},
                     {"id": "w", "kind": "forum", "title": "Whiskey"},
                     {"id": "y", "kind": "forum", "title": "Yankee", "date": "2012-05"},
                     {"id": "u", "kind": "forum", "title": "Uniform", "date": "2012-01/2012-12"},
                     {"id": "x", "kind": "forum", "title": "Xray", "date": "2016-03-04"},
                     {"id": "v", "kind": "forum", "title": "Victor", "date": "2012"}]})",
      "test")));
  h.frame(3);
  const std::string text = h.pane_text("/List_");
  std::vector<size_t> at;
  // 2012 and 2012-01/2012-12 have the same days: their text decides ("2012" first).
  for (const char* title : {"Victor", "Uniform", "Yankee", "Xray", "Zulu", "Whiskey"}) {
    at.push_back(text.find(h.as_drawn(title)));
    CAPTURE(title);
    REQUIRE(at.back() != std::string::npos);
  }
  CHECK(std::is_sorted(at.begin(), at.end()));
}
