// atlas_publish.cpp — `atlas publish DATA.json -o DIR [--story ID] [--site SITE]`: a
// static folder (the page, the app, the dataset, the service worker) that opens the
// dataset in View mode on any static host, from any sub-path (core/publish.hpp).
//
//   1. Arguments, and where the built web app is
//   2. Reading the site, writing the folder whole or not at all
//   3. cmd_publish
#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include "atlas_convert.hpp"
#include "core/dataset_json.hpp"
#include "core/publish.hpp"
#include "core/utf8.hpp"
#include "platform/file_store.hpp"  // read_file, write_file_atomic

namespace fs = std::filesystem;

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
  if (a.site.empty()) {
    std::error_code ec;
    fs::path self = fs::canonical("/proc/self/exe", ec);
    a.site = ((ec ? fs::path(".") : self.parent_path()) / ".." / "web" / "site").lexically_normal();
  }
  return 0;
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (!EVP_Digest(bytes.data(), bytes.size(), digest, &n, EVP_sha256(), nullptr)) return "";
  std::string out;
  char hex[3];
  for (unsigned i = 0; i < n; ++i) {
    std::snprintf(hex, sizeof hex, "%02x", digest[i]);
    out += hex;
  }
  return out;
}

// ---------------------------------------------------------------------------------
// 2. Files
// ---------------------------------------------------------------------------------
// Every file under `root`, '/'-separated and sorted (the same folder, the same order).
bool read_site(const fs::path& root, std::vector<atlas::SiteFile>& out, std::string& error) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    error = "the built web app is not at " + root.string() +
            ": build it with tools/build web, or give --site";
    return false;
  }
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string bytes;
    if (!atlas::read_file(it->path().string(), bytes)) {
      error = it->path().string() + ": cannot read the file";
      return false;
    }
    out.push_back({fs::relative(it->path(), root).generic_string(), std::move(bytes)});
  }
  if (ec) {
    error = root.string() + ": " + ec.message();
    return false;
  }
  std::sort(out.begin(), out.end(),
            [](const atlas::SiteFile& x, const atlas::SiteFile& y) { return x.first < y.first; });
  return true;
}

// The folder is written beside its destination and renamed into place: a failure part
// way leaves no half-published site, and an existing folder with files is never touched.
std::string write_folder(const fs::path& dir, const std::vector<atlas::SiteFile>& files) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) return "it exists and is not a folder";
    if (!fs::is_empty(dir, ec)) return "the folder is not empty: give a new or empty folder";
  }
  fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  fs::path temp = parent / (dir.filename().string() + ".partial-" + std::to_string(getpid()));
  fs::remove_all(temp, ec);
  auto fail = [&](const std::string& why) {
    std::error_code ignored;
    fs::remove_all(temp, ignored);
    return why;
  };
  for (const auto& [name, bytes] : files) {
    fs::path p = temp / name;
    fs::create_directories(p.parent_path(), ec);
    if (ec) return fail(p.parent_path().string() + ": " + ec.message());
    std::string error = atlas::write_file_atomic(p.string(), bytes);
    if (!error.empty()) return fail(p.string() + ": " + error);
  }
  if (fs::exists(dir, ec)) fs::remove(dir, ec);  // empty (checked above)
  fs::rename(temp, dir, ec);
  if (ec) return fail(ec.message());
  return "";
}

}  // namespace

// ---------------------------------------------------------------------------------
// 3. cmd_publish
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
  if (!read_site(a.site, site, error)) {
    std::cerr << "atlas publish: " << error << "\n";
    return 2;
  }
  atlas::PublishOutput o = atlas::publish_site({std::move(site), &*r.dataset, a.story}, sha256_hex);
  if (!o.error.empty()) {
    std::cerr << "atlas publish: " << safe(o.error) << "; nothing was written\n";
    return 1;
  }
  if (std::string why = write_folder(a.out, o.files); !why.empty()) {
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
