// dataset_json.hpp — reading and writing the dataset as JSON (format "coalition-atlas").
//
// Index
//   1. load: bytes -> Dataset, or diagnostics; never throws, never trusts the input
//   2. save: Dataset -> canonical pretty JSON (same dataset, same bytes)
//   3. limits the loader enforces (so hostile files cannot exhaust memory or stack)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/model.hpp"

namespace atlas {

struct LoadResult {
  std::optional<Dataset> dataset;  // present when there are no errors (warnings allowed)
  std::vector<Diagnostic> diagnostics;
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
