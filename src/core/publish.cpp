// publish.cpp — see publish.hpp.
//
//   1. Reading the built site: the page, the worker's build stamp, the files it lists
//   2. The page: its version, its title, the meta tags that name the dataset
//   3. publish_site
#include "core/publish.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/dataset_json.hpp"
#include "core/interchange_text.hpp"

namespace atlas {
namespace {

// ---------------------------------------------------------------------------------
// 1. Reading the built site
// ---------------------------------------------------------------------------------
const std::string* find_file(const std::vector<SiteFile>& site, std::string_view name) {
  for (const auto& [path, bytes] : site)
    if (path == name) return &bytes;
  return nullptr;
}

// The line of sw.js that the build stamped (tools/web/stamp_version.mjs).
constexpr std::string_view kBuildLine = "const BUILD = {";

struct Stamp {
  size_t begin = 0, end = 0;  // the line's bytes in sw.js, without its line end
  rapidjson::Document build;
};

bool read_stamp(const std::string& worker, Stamp& s) {
  size_t at = 0;
  while (at < worker.size()) {
    size_t end = worker.find('\n', at);
    if (end == std::string::npos) end = worker.size();
    if (worker.compare(at, kBuildLine.size(), kBuildLine) == 0) {
      std::string_view line(worker.data() + at, end - at);
      size_t open = line.find('{'), close = line.rfind('}');
      s.build.Parse(line.data() + open, close - open + 1);
      if (s.build.HasParseError() || !s.build.IsObject() || !s.build.HasMember("version") ||
          !s.build["version"].IsString() || !s.build.HasMember("files") ||
          !s.build["files"].IsObject())
        return false;
      s.begin = at;
      s.end = end;
      return true;
    }
    at = end + 1;
  }
  return false;
}

// Every file the stamp lists is in the site with the bytes it was stamped with: a site
// read while it was rebuilt, or (on the web) fetched across an update, mixes two versions,
// and its worker would refuse the odd file on every visitor's machine. "" or why not.
std::string check_stamped_files(const Stamp& stamp, const std::vector<SiteFile>& site,
                                const Sha256& sha256) {
  for (const char* list : {"files", "optional"}) {
    if (!stamp.build.HasMember(list) || !stamp.build[list].IsObject()) continue;
    for (const auto& m : stamp.build[list].GetObject()) {
      const std::string name = m.name.GetString();
      const std::string* bytes = find_file(site, name);
      if (!bytes)
        return "the web app's files are incomplete (no " + name + ", which its build lists)";
      if (!m.value.IsString() || sha256(*bytes) != m.value.GetString())
        return "the web app's " + name +
               " is not the one its build stamped (the app was rebuilt or updated part way); "
               "publish again";
    }
  }
  return "";
}

// ---------------------------------------------------------------------------------
// 2. The page
// ---------------------------------------------------------------------------------
size_t replace_all(std::string& s, std::string_view from, std::string_view to) {
  size_t n = 0;
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
    ++n;
  }
  return n;
}

// The page with the new version on its own files, the dataset's title, and the meta tags
// web/atlas.js reads; "" when the page is not a built one.
std::string published_page(std::string page, const std::string& old_version,
                           const std::string& version, const Dataset& d, const std::string& story) {
  if (replace_all(page, "?v=" + old_version + "\"", "?v=" + version + "\"") == 0) return "";
  const std::string title = html_from_text(d.title.empty() ? "Coalition Atlas" : d.title);
  size_t t0 = page.find("<title>"), t1 = page.find("</title>");
  if (t0 == std::string::npos || t1 == std::string::npos || t1 < t0) return "";
  page.replace(t0, t1 + 8 - t0, "<title>" + title + "</title>");
  std::string meta =
      "\n  <meta name=\"atlas-data\" content=\"" + std::string(kPublishedData) + "\">";
  if (!story.empty())
    meta += "\n  <meta name=\"atlas-story\" content=\"" + html_from_text(story) + "\">";
  size_t charset = page.find("<meta charset=\"utf-8\">");
  if (charset == std::string::npos) return "";
  page.insert(charset + 22, meta);
  return page;
}

std::string story_list(const Dataset& d) {
  std::string out;
  for (const auto& s : d.stories) out += (out.empty() ? "" : ", ") + s.id;
  return out.empty() ? "it has none" : "its stories: " + out;
}

}  // namespace

// ---------------------------------------------------------------------------------
// 3. publish_site
// ---------------------------------------------------------------------------------
PublishOutput publish_site(const PublishInput& in, const Sha256& sha256) {
  PublishOutput out;
  const std::string* page = find_file(in.site, "index.html");
  const std::string* worker = find_file(in.site, "sw.js");
  if (!page || !worker) {
    out.error = std::string("the web app's files are incomplete (no ") +
                (page ? "sw.js" : "index.html") + "): build them with tools/build web";
    return out;
  }
  if (find_file(in.site, kPublishedData)) {
    out.error = std::string("the web app's files already hold a ") + kPublishedData +
                ": give the built app's folder, not a published one";
    return out;
  }
  Stamp stamp;
  if (!read_stamp(*worker, stamp)) {
    out.error = "the web app's service worker has no build stamp: build it with tools/build web";
    return out;
  }
  if (std::string why = check_stamped_files(stamp, in.site, sha256); !why.empty()) {
    out.error = why;
    return out;
  }

  Dataset d = *in.dataset;
  if (!in.story.empty()) {
    std::vector<Story> kept;
    for (const auto& s : d.stories)
      if (s.id == in.story) kept.push_back(s);
    if (kept.empty()) {
      out.error = "there is no story \"" + in.story + "\" in the dataset (" + story_list(d) + ")";
      return out;
    }
    d.stories = std::move(kept);
  }
  const std::string data = save_dataset(d);

  // A version of its own: two published folders on one host keep separate caches.
  const std::string old_version = stamp.build["version"].GetString();
  const std::string version = sha256(old_version + "\n" + data).substr(0, 16);
  std::string new_page = published_page(*page, old_version, version, d, in.story);
  if (new_page.empty()) {
    out.error =
        "the web app's index.html is not the one its build stamped: build it with "
        "tools/build web";
    return out;
  }

  auto& alloc = stamp.build.GetAllocator();
  stamp.build["version"].SetString(version.c_str(), rapidjson::SizeType(version.size()), alloc);
  auto& files = stamp.build["files"];
  auto set_hash = [&](const char* name, const std::string& bytes) {
    std::string h = sha256(bytes);
    rapidjson::Value v(h.c_str(), rapidjson::SizeType(h.size()), alloc);
    if (files.HasMember(name))
      files[name] = v;
    else
      files.AddMember(rapidjson::StringRef(name), v, alloc);
  };
  set_hash("index.html", new_page);
  set_hash(kPublishedData, data);
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buf);
  stamp.build.Accept(writer);
  std::string new_worker = *worker;
  new_worker.replace(stamp.begin, stamp.end - stamp.begin,
                     "const BUILD = " + std::string(buf.GetString(), buf.GetSize()) + ";");

  for (const auto& [path, bytes] : in.site) {
    if (path == "index.html")
      out.files.push_back({path, new_page});
    else if (path == "sw.js")
      out.files.push_back({path, new_worker});
    else
      out.files.push_back({path, bytes});
  }
  out.files.push_back({kPublishedData, data});
  return out;
}

}  // namespace atlas
