// store_words.cpp — the browser store's words (see store_words.hpp).
#include "app/store_words.hpp"

#include "core/i18n.hpp"

namespace atlas {

std::string store_where(std::string_view backend) {
  if (backend == "localstorage") return tr("this browser's local storage");
  if (backend == "refused")
    return tr("this browser's storage (kept for a newer version of the app)");
  return tr("this browser's storage for this site");
}

std::string store_megabytes(double bytes) {
  if (bytes >= 1e9) return trf("{number} GB", {{"number", i18n::format_decimal(bytes / 1e9, 1)}});
  return trf("{number} MB", {{"number", i18n::format_decimal(bytes / 1e6, 1)}});
}

std::string store_status(double usage, double quota, int persisted) {
  std::string out;
  if (usage >= 0 && quota > 0)
    out = trf("{used} used of {quota}",
              {{"used", store_megabytes(usage)}, {"quota", store_megabytes(quota)}});
  const char* kept =
      persisted == 1 ? tr("kept by the browser until you delete it (persistent storage granted)")
      : persisted == 0
          ? tr("the browser may clear it when space runs low (persistent storage not granted)")
          : nullptr;
  if (kept) out += (out.empty() ? "" : "; ") + std::string(kept);
  return out;
}

std::string store_notice(std::string_view kind, std::string_view why) {
  const i18n::Args args = {{"why", std::string(why)}};
  if (kind == "unavailable")
    return trf(
        "This browser's database (IndexedDB) cannot be used here ({why}), so your data is "
        "kept in its local storage instead, which holds only about 5 MB: a larger dataset "
        "cannot be saved there. Use File > Export to keep a copy as a file.",
        args);
  if (kind == "failed")
    return trf(
        "This browser's database (IndexedDB) failed while the app was open ({why}), so "
        "your data is now kept in its local storage instead, which holds only about 5 "
        "MB. Use File > Export to keep a copy as a file.",
        args);
  if (kind == "newer")
    return tr(
        "Your saved data was stored by a newer version of Coalition Atlas, which this "
        "version cannot read: it is left as it is, never overwritten. The sample is open "
        "here and changes are not saved; reload to get the newer version, or use File > "
        "Export to keep what you do here.");
  return "";
}

}  // namespace atlas
