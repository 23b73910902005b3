// site_folder.hpp — a published site on the desktop's disk: the built web app read from
// its folder, a published folder written whole or not at all, and SHA-256 (OpenSSL's
// libcrypto) for the service worker's stamp. Shared by `atlas publish` and the desktop
// app's File > Publish (core/publish makes the folder's files from the site's).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atlas {

// Where the built web app is when nobody says: ../web/site beside the running program,
// as tools/build lays out build/desktop and build/web.
std::string default_site_folder();

// Every file under `root`, '/'-separated and sorted (the same folder, the same order);
// false with `error` when the folder is not there or a file cannot be read.
bool read_site_folder(const std::string& root,
                      std::vector<std::pair<std::string, std::string>>& out, std::string& error);

// Writes the files into the new (or empty) folder `dir`: written beside it and renamed
// into place, so a failure part way leaves no half-published site, and a folder that
// holds files is never touched. "" when written, else why not.
std::string write_site_folder(const std::string& dir,
                              const std::vector<std::pair<std::string, std::string>>& files);

// Lowercase hexadecimal SHA-256 of the bytes ("" if libcrypto fails).
std::string sha256_hex(std::string_view bytes);

}  // namespace atlas
