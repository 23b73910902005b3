// test_publish.cpp — a published site from a built one: the page names the dataset and
// carries a new version everywhere it named the old; the worker's stamp lists the new
// page and the dataset with their hashes; a story narrows the copy; a site that is not a
// built one, or a story that is not there, publishes nothing and says why.
#include <doctest/doctest.h>

#include "core/dataset_json.hpp"
#include "core/publish.hpp"

using namespace atlas;

namespace {
// Not SHA-256: a stand-in that differs for different bytes, 64 hex digits long.
std::string fake_sha(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf) + std::string(buf) + std::string(buf) + std::string(buf);
}

const char* kPage = R"(<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Coalition Atlas</title>
  <link rel="stylesheet" href="style.css?v=0123456789abcdef">
</head>
<body>
  <script src="store.js?v=0123456789abcdef"></script>
  <script src="atlas.js?v=0123456789abcdef"></script>
</body>
</html>
)";
// The worker's stamp lists each file with its hash, as tools/web/stamp_version.mjs writes it.
std::string worker() {
  return "// sw.js\nconst BUILD = {\"version\":\"0123456789abcdef\",\"files\":{\"index.html\":\"" +
         fake_sha(kPage) + "\",\"atlas.js\":\"" + fake_sha("// app") +
         "\"},\"optional\":{\"fonts/a.ttf\":\"" + fake_sha("F") +
         "\"}};\nconst PREFIX = 'coalition-atlas-';\n";
}

std::vector<SiteFile> site() {
  return {{"index.html", kPage}, {"sw.js", worker()}, {"atlas.js", "// app"}, {"fonts/a.ttf", "F"}};
}

Dataset dataset() {
  LoadResult r = load_dataset(R"({"format": "coalition-atlas", "version": 1,
    "title": "Roundtables <& \"forums\">",
    "stories": [{"id": "one", "title": "One", "steps": [{"item": ""}]},
                {"id": "two", "title": "Two", "steps": [{"item": ""}]}]})");
  REQUIRE(r.ok());
  return *r.dataset;
}

const std::string& file(const PublishOutput& o, const std::string& name) {
  for (const auto& [path, bytes] : o.files)
    if (path == name) return bytes;
  FAIL("no " << name);
  static std::string none;
  return none;
}
}  // namespace

TEST_CASE("publish: the page names the dataset, and a new version replaces the old everywhere") {
  Dataset d = dataset();
  PublishOutput o = publish_site({site(), &d, ""}, fake_sha);
  REQUIRE(o.error.empty());
  REQUIRE(o.files.size() == 5);
  CHECK(o.files.back().first == "data.json");
  CHECK(file(o, "atlas.js") == "// app");
  CHECK(file(o, "fonts/a.ttf") == "F");
  const std::string& data = file(o, "data.json");
  LoadResult back = load_dataset(data);
  REQUIRE(back.ok());
  CHECK(back.dataset->stories.size() == 2);

  const std::string& page = file(o, "index.html");
  CHECK(page.find("0123456789abcdef") == std::string::npos);
  const std::string version = fake_sha("0123456789abcdef\n" + data).substr(0, 16);
  CHECK(page.find("atlas.js?v=" + version + "\"") != std::string::npos);
  CHECK(page.find("style.css?v=" + version + "\"") != std::string::npos);
  CHECK(page.find("<meta name=\"atlas-data\" content=\"data.json\">") != std::string::npos);
  CHECK(page.find("atlas-story") == std::string::npos);
  CHECK(page.find("<title>Roundtables &lt;&amp; &quot;forums&quot;&gt;</title>") !=
        std::string::npos);

  const std::string& worker = file(o, "sw.js");
  CHECK(worker.rfind("// sw.js\nconst BUILD = {\"version\":\"" + version + "\"", 0) == 0);
  CHECK(worker.find("\"index.html\":\"" + fake_sha(page) + "\"") != std::string::npos);
  CHECK(worker.find("\"data.json\":\"" + fake_sha(data) + "\"") != std::string::npos);
  CHECK(worker.find("\"atlas.js\":\"" + fake_sha("// app") + "\"") != std::string::npos);
  CHECK(worker.find("\nconst PREFIX = 'coalition-atlas-';\n") != std::string::npos);

  // Other data, another version: two published folders never share a cache.
  Dataset other = d;
  other.title = "Other";
  PublishOutput o2 = publish_site({site(), &other, ""}, fake_sha);
  CHECK(file(o2, "sw.js").substr(0, 60) != worker.substr(0, 60));
}

TEST_CASE("publish --story: the copy keeps that story only, and the page opens on it") {
  Dataset d = dataset();
  PublishOutput o = publish_site({site(), &d, "two"}, fake_sha);
  REQUIRE(o.error.empty());
  LoadResult back = load_dataset(file(o, "data.json"));
  REQUIRE(back.ok());
  REQUIRE(back.dataset->stories.size() == 1);
  CHECK(back.dataset->stories[0].id == "two");
  CHECK(file(o, "index.html").find("<meta name=\"atlas-story\" content=\"two\">") !=
        std::string::npos);

  PublishOutput missing = publish_site({site(), &d, "three"}, fake_sha);
  CHECK(missing.files.empty());
  CHECK(missing.error == "there is no story \"three\" in the dataset (its stories: one, two)");
}

TEST_CASE("publish: a site that is not a built one publishes nothing, and says why") {
  Dataset d = dataset();
  auto without = [](const std::string& name) {
    std::vector<SiteFile> s = site();
    for (auto it = s.begin(); it != s.end(); ++it)
      if (it->first == name) {
        s.erase(it);
        break;
      }
    return s;
  };
  PublishOutput o = publish_site({without("sw.js"), &d, ""}, fake_sha);
  CHECK(o.files.empty());
  CHECK(o.error.find("no sw.js") != std::string::npos);
  CHECK(publish_site({without("index.html"), &d, ""}, fake_sha).error.find("no index.html") !=
        std::string::npos);

  std::vector<SiteFile> unstamped = site();
  unstamped[1].second = "const BUILD = null; // stamped by tools/web/stamp_version.mjs\n";
  CHECK(publish_site({unstamped, &d, ""}, fake_sha).error.find("no build stamp") !=
        std::string::npos);

  std::vector<SiteFile> other_page = site();
  other_page[0].second = "<html><title>x</title></html>";
  CHECK(publish_site({other_page, &d, ""}, fake_sha).error.find("not the one its build stamped") !=
        std::string::npos);

  // Two versions mixed (a site read while it was rebuilt, or fetched across an update):
  // the file is named, and nothing is published.
  std::vector<SiteFile> mixed = site();
  mixed[2].second = "// the next version of the app";
  PublishOutput m = publish_site({mixed, &d, ""}, fake_sha);
  CHECK(m.files.empty());
  CHECK(m.error.find("the web app's atlas.js is not the one its build stamped") == 0);
  CHECK(publish_site({without("fonts/a.ttf"), &d, ""}, fake_sha).error ==
        "the web app's files are incomplete (no fonts/a.ttf, which its build lists)");

  std::vector<SiteFile> published = site();
  published.push_back({"data.json", "{}"});
  CHECK(publish_site({published, &d, ""}, fake_sha).error.find("not a published one") !=
        std::string::npos);
}
