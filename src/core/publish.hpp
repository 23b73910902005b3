// publish.hpp — a published site: the built web app with one dataset, opening in View mode
// on any static host, from any sub-path, offline after the first visit.
//
//   1. What goes in: the built site's files, the dataset, an optional story
//   2. What comes out: the folder's files, or why not
//
// The site's page names its own files relative to itself (`atlas.js?v=VERSION`), so the
// folder works under any path. The page learns which dataset to show from a meta tag
// (`atlas-data`), and opens it as a shared link is opened: read-only, writing nothing to
// the visitor's storage. The service worker's build stamp gets the dataset and the new
// page (with their SHA-256) and a version of its own, so a visit keeps the whole
// published folder for offline use and never mixes it with another site's files.
//
// Pure: the caller reads and writes the files and supplies SHA-256 (the CLI: OpenSSL).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.hpp"

namespace atlas {

// A file of a site: its path relative to the site's folder ('/'-separated), its bytes.
using SiteFile = std::pair<std::string, std::string>;

struct PublishInput {
  std::vector<SiteFile> site;  // every file of the built web app (build/web/site)
  const Dataset* dataset = nullptr;
  // "" or a story's id: the published copy keeps that story only and opens presenting it.
  std::string story;
};

struct PublishOutput {
  std::vector<SiteFile> files;  // the folder to write, in the site's order, data.json last
  std::string error;            // "" or why nothing can be published
};

// Lowercase hexadecimal SHA-256 of the bytes.
using Sha256 = std::function<std::string(std::string_view bytes)>;

// The name the dataset is published under, beside index.html.
constexpr const char* kPublishedData = "data.json";

PublishOutput publish_site(const PublishInput& in, const Sha256& sha256);

}  // namespace atlas
