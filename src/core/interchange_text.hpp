// interchange_text.hpp — other tools' text as ours, and ours as theirs: fresh ids from
// titles, countries from codes or names, event kinds from labels, the folding names are
// compared in, HTML (TimelineJS, StoryMapJS) to plain text and back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/model.hpp"

namespace atlas {

// A dataset's ids, and fresh ones that collide with none of them nor with each other:
// new_id's rule (edit.hpp), cheaply for 100,000 new items (no scan per id).
class IdPool {
 public:
  explicit IdPool(const Dataset& d);
  bool taken(const std::string& id) const { return ids_.count(id) > 0; }
  void take(const std::string& id) { ids_.insert(id); }
  // id_base(name) if free, then "-2", "-3"… while taken; the result is taken.
  std::string fresh(std::string_view name);

 private:
  std::unordered_set<std::string> ids_;
  std::unordered_map<std::string, size_t> next_;  // stem -> the number to try next
};

// True for what the loader takes as an id: letters, digits, '-', '_', '.', starting with
// a letter or a digit, at most kMaxIdChars.
bool is_valid_id(std::string_view id);

// "Hong Kong", " hong  KONG " -> "hong kong": names compared with ASCII case and
// spacing aside.
std::string fold_name(std::string_view s);

// A country from its ISO code ("nz", "NZ") or its English name ("New Zealand", "new
// zealand"), or a few names people write ("UK", "USA", "United States of America",
// "Hong Kong SAR"); "" when none.
std::string country_from_text(std::string_view text);

// The event kind named by its file spelling or its label, case, spaces and '-' aside:
// "Roundtable", "round table", "working-group-meeting", "Working group meeting".
std::optional<EventKind> kind_from_text(std::string_view text);

// Text as the views show it, from HTML (TimelineJS's text fields): tags dropped, <br> and
// the ends of paragraphs and list items as line breaks, character references decoded,
// runs of spaces as one, no blank lines at either end.
std::string text_from_html(std::string_view html);

// A day number (edtf::days_from_civil) as ISO 8601: "2015-07-14", "-0050-03-01"; "" for
// an open or unknown end (kUnboundedPast / kUnboundedFuture).
std::string iso_day(int64_t day);

// Text escaped for HTML (&, <, >, ", '), with line breaks as <br>.
std::string html_from_text(std::string_view text);

}  // namespace atlas
