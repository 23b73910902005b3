// dataset_json.hpp — reading and writing the dataset as JSON (format "coalition-atlas").
//
// Index
//   1. load: bytes -> Dataset, or diagnostics; never throws, never trusts the input
//   2. save: Dataset -> canonical pretty JSON (same dataset, same bytes)
//   3. limits the loader enforces (so hostile files cannot exhaust memory or stack)
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/id_table.hpp"
#include "core/model.hpp"

namespace atlas {

// The loader's table of every id, which the app keeps as its own index rather than make
// another (100,000 ids, twice per import). Claims are numbered places, organisations,
// events, working groups, then stories. Its ids are views into the dataset's strings, so
// it describes the dataset only while that holds the very lists it was made from: a copy
// has new ones, and describes() says no.
struct LoadedIds {
  IdTable table;
  const void* lists[5] = {};  // the lists' data() when it was made
  bool taken = false;         // the table has been moved out: it describes nothing
  static LoadedIds of(IdTable t, const Dataset& d);
  bool describes(const Dataset& d) const;
};

struct LoadResult {
  std::optional<Dataset> dataset;  // present when there are no errors (warnings allowed)
  std::vector<Diagnostic> diagnostics;
  std::shared_ptr<LoadedIds> ids;  // with the dataset
  bool ok() const { return dataset.has_value(); }
};

// 1. Parses and validates. Catches everything: the result is a Dataset or errors.
LoadResult load_dataset(std::string_view bytes) noexcept;

// Checks a dataset built in memory (by the editor) with the same rules as load:
// references, unique ids, ranges, dates. Returns only the problems.
std::vector<Diagnostic> validate_dataset(const Dataset& d);

// 2. Canonical form: fixed key order, unknown fields after the known ones (sorted),
// empty optional fields left out, two-space indent, UTF-8, final newline.
std::string save_dataset(const Dataset& d);

// 3. Limits.
inline constexpr size_t kMaxFileBytes = 512u * 1024 * 1024;
inline constexpr int kMaxDepth = 64;
inline constexpr size_t kMaxIdChars = 100;
inline constexpr size_t kMaxNameChars = 500;
inline constexpr size_t kMaxNotesChars = 100000;
inline constexpr size_t kMaxUrlChars = 2000;
inline constexpr size_t kMaxDiagnostics = 500;

}  // namespace atlas
