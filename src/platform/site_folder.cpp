// site_folder.cpp — see site_folder.hpp.
//
//   1. Where the built web app is, and reading it
//   2. Writing a published folder whole or not at all
//   3. SHA-256
#include "platform/site_folder.hpp"

#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "platform/file_store.hpp"  // read_file, write_file_atomic

namespace fs = std::filesystem;

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Reading
// ---------------------------------------------------------------------------------
std::string default_site_folder() {
  std::error_code ec;
  fs::path self = fs::canonical("/proc/self/exe", ec);
  return ((ec ? fs::path(".") : self.parent_path()) / ".." / "web" / "site")
      .lexically_normal()
      .string();
}

bool read_site_folder(const std::string& root_name,
                      std::vector<std::pair<std::string, std::string>>& out, std::string& error) {
  const fs::path root(root_name);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    error = "the built web app is not at " + root.string() + ": build it with tools/build web";
    return false;
  }
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    // The build's precompressed copies (FILE.br, FILE.gz: cmake/app.cmake) are left out,
    // as the web's File > Publish leaves them out: the same folder either way.
    const std::string ext = it->path().extension().string();
    if (ext == ".br" || ext == ".gz") continue;
    std::string bytes;
    if (!read_file(it->path().string(), bytes)) {
      error = it->path().string() + ": cannot read the file";
      return false;
    }
    out.push_back({fs::relative(it->path(), root).generic_string(), std::move(bytes)});
  }
  if (ec) {
    error = root.string() + ": " + ec.message();
    return false;
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  return true;
}

// ---------------------------------------------------------------------------------
// 2. Writing
// ---------------------------------------------------------------------------------
std::string write_site_folder(const std::string& dir_name,
                              const std::vector<std::pair<std::string, std::string>>& files) {
  const fs::path dir(dir_name);
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
    std::string error = write_file_atomic(p.string(), bytes);
    if (!error.empty()) return fail(p.string() + ": " + error);
  }
  if (fs::exists(dir, ec)) fs::remove(dir, ec);  // empty (checked above)
  fs::rename(temp, dir, ec);
  if (ec) return fail(ec.message());
  return "";
}

// ---------------------------------------------------------------------------------
// 3. SHA-256
// ---------------------------------------------------------------------------------
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

}  // namespace atlas
