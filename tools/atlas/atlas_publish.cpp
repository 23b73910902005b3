// atlas_publish.cpp — `atlas publish DATA.json -o DIR [--story ID] [--site SITE]`: a
// static folder (the page, the app, the dataset, the service worker) that opens the
// dataset in View mode on any static host, from any sub-path (core/publish.hpp).
//
//   1. Arguments, and where the built web app is
//   2. cmd_publish (the site read and the folder written by platform/site_folder)
#include <iostream>
#include <string>
#include <vector>

#include "atlas_convert.hpp"
#include "core/dataset_json.hpp"
#include "core/publish.hpp"
#include "core/utf8.hpp"
#include "platform/file_store.hpp"   // read_file
#include "platform/site_folder.hpp"  // the site read, the folder written, SHA-256

namespace {

constexpr const char* kPublishUsage =
    "usage: atlas publish DATA.json -o DIR [--story ID] [--site SITE]\n"
    "  DIR   a new (or empty) folder for the published site\n"
    "  ID    a story to keep, and open on (the others are left out)\n"
    "  SITE  the built web app (default: ../web/site beside this program, as tools/build\n"
    "        lays it out)\n";

std::string safe(std::string_view s) { return atlas::terminal_safe(s); }

int usage(const std::string& why) {
  std::cerr << "atlas publish: " << why << "\n" << kPublishUsage;
  return 2;
}

// ---------------------------------------------------------------------------------
// 1. Arguments
// ---------------------------------------------------------------------------------
struct PublishArgs {
  std::string data, out, story, site;
};

int parse_publish_args(const std::vector<std::string>& args, PublishArgs& a) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& s = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    if (s == "-o" || s == "--output") {
      if (!value(a.out)) return usage("-o needs a folder");
    } else if (s == "--story") {
      if (!value(a.story)) return usage("--story needs a story's id");
    } else if (s == "--site") {
      if (!value(a.site)) return usage("--site needs the built web app's folder");
    } else if (!s.empty() && s[0] == '-') {
      return usage("unknown option \"" + safe(s) + "\"");
    } else if (a.data.empty()) {
      a.data = s;
    } else {
      return usage("one dataset at a time (\"" + safe(s) + "\" is a second)");
    }
  }
  if (a.data.empty()) return usage("which dataset? give DATA.json");
  if (a.out.empty()) return usage("where to? give -o DIR");
  if (a.site.empty()) a.site = atlas::default_site_folder();
  return 0;
}

}  // namespace

// ---------------------------------------------------------------------------------
// 2. cmd_publish
// ---------------------------------------------------------------------------------
int cmd_publish(const std::vector<std::string>& args) {
  PublishArgs a;
  if (int status = parse_publish_args(args, a)) return status;
  std::string bytes;
  if (!atlas::read_file(a.data, bytes)) {
    std::cerr << safe(a.data) << ": cannot read the file\n";
    return 2;
  }
  atlas::LoadResult r = atlas::load_dataset(bytes);
  size_t errors = 0;
  for (const auto& d : r.diagnostics) {
    std::cerr << safe(a.data) << ":" << safe(d.to_string()) << "\n";
    errors += d.severity == atlas::Severity::Error;
  }
  if (!r.ok()) {
    std::cerr << safe(a.data) << ": not published (" << errors << " error"
              << (errors == 1 ? "" : "s") << "); nothing was written\n";
    return 1;
  }
  std::vector<atlas::SiteFile> site;
  std::string error;
  if (!atlas::read_site_folder(a.site, site, error)) {
    std::cerr << "atlas publish: " << error
              << (error.find("tools/build") != std::string::npos ? ", or give --site" : "") << "\n";
    return 2;
  }
  atlas::PublishOutput o =
      atlas::publish_site({std::move(site), &*r.dataset, a.story}, atlas::sha256_hex);
  if (!o.error.empty()) {
    std::cerr << "atlas publish: " << safe(o.error) << "; nothing was written\n";
    return 1;
  }
  if (std::string why = atlas::write_site_folder(a.out, o.files); !why.empty()) {
    std::cerr << safe(a.out) << ": " << why << "; nothing was written\n";
    return 2;
  }
  size_t total = 0;
  for (const auto& f : o.files) total += f.second.size();
  std::cerr << safe(a.data) << " -> " << safe(a.out) << ": " << r.dataset->events.size()
            << " events, " << o.files.size() << " files, " << (total + 524288) / 1048576
            << " MB; serve the folder from any static host (it opens read-only)\n";
  return 0;
}
