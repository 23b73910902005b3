// file_store.cpp — see file_store.hpp.
#include "platform/file_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace atlas {

std::string write_file_atomic(const std::string& path, const std::string& text, size_t fail_after) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot create " + tmp + ": " + std::strerror(errno);
  size_t limit = std::min(fail_after, text.size());
  size_t done = 0;
  std::string error;
  while (done < limit) {
    ssize_t n = ::write(fd, text.data() + done, limit - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = std::string("cannot write ") + tmp + ": " + std::strerror(errno);
      break;
    }
    done += size_t(n);
  }
  if (error.empty() && done < text.size())
    error = "the write stopped after " + std::to_string(done) + " bytes (disk full?)";
  if (error.empty() && ::fsync(fd) != 0)
    error = std::string("cannot flush: ") + std::strerror(errno);
  if (::close(fd) != 0 && error.empty())
    error = std::string("cannot close: ") + std::strerror(errno);
  if (error.empty() && std::rename(tmp.c_str(), path.c_str()) != 0)
    error = "cannot replace " + path + ": " + std::strerror(errno);
  if (!error.empty()) {
    std::remove(tmp.c_str());
    return error;
  }
  // Make the rename itself durable.
  std::string dir = std::filesystem::path(path).parent_path().string();
  int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return "";
}

bool read_file(const std::string& path, std::string& out) {
  // A folder opens as a stream on Linux and reads as nothing: say it cannot be read.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return !in.bad();
}

FileStore::FileStore(std::string dir) : dir_(std::move(dir)) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
}

std::string FileStore::path(const std::string& key) const {
  return (std::filesystem::path(dir_) /
          (key + (key.rfind("data.", 0) == 0 || key == "corrupt" ? ".json" : ".txt")))
      .string();
}

std::optional<std::string> FileStore::get(const std::string& key) {
  std::string text;
  if (!read_file(path(key), text)) return std::nullopt;
  return text;
}

bool FileStore::has(const std::string& key) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path(key), ec);
}

StoreError FileStore::put(const std::string& key, const std::string& value) {
  std::string e = write_file_atomic(path(key), value, fail_after);
  if (e.empty()) return StoreError::None;
  return (e.find("No space") != std::string::npos || e.find("disk full") != std::string::npos)
             ? StoreError::Quota
             : StoreError::Io;
}

void FileStore::remove(const std::string& key) { std::remove(path(key).c_str()); }

}  // namespace atlas
