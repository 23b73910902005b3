// file_store.hpp — the desktop's KeyValueStore: one file per key in the user's data
// folder (SDL's preference path), each write atomic (temp file, flush, fsync, rename).
#pragma once

#include <string>

#include "app/persistence.hpp"

namespace atlas {

// Writes `text` to `path` atomically: the old file stays whole until the new one is
// complete on disk. Returns "" or what went wrong. `fail_after` (tests) stops the
// write after that many bytes, as a full disk or a crash would.
std::string write_file_atomic(const std::string& path, const std::string& text,
                              size_t fail_after = size_t(-1));
bool read_file(const std::string& path, std::string& out);

class FileStore : public KeyValueStore {
 public:
  explicit FileStore(std::string dir);
  std::optional<std::string> get(const std::string& key) override;
  bool has(const std::string& key) override;
  StoreError put(const std::string& key, const std::string& value) override;
  void remove(const std::string& key) override;
  std::string where() const override { return dir_; }
  size_t fail_after = size_t(-1);  // test hook, see write_file_atomic

 private:
  std::string path(const std::string& key) const;
  std::string dir_;
};

}  // namespace atlas
