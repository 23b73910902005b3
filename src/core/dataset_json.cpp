// dataset_json.cpp — load, validate and save the dataset.
//
// Index
//   1. Syntax errors: nlohmann's report becomes a line, a column and a sentence
//   2. Cross-checks shared with validate_dataset (ids, references, ranges)
//   3. Save: canonical output
//   4. load_dataset: checks of the bytes, then the one-pass reader (dataset_reader.cpp)
#include "core/dataset_json.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

#include "core/countries.hpp"
#include "core/dataset_reader.hpp"
#include "core/id_table.hpp"
#include "core/plan_fields.hpp"
#include "core/utf8.hpp"

namespace atlas {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace detail {

std::string quote(std::string_view s) {
  // Short, printable rendering of a value inside a message: cut at a character
  // boundary, control characters and broken UTF-8 shown as '?'.
  std::string out = "\"";
  size_t chars = 0;
  for (size_t i = 0; i < s.size();) {
    if (++chars > 60) {
      out += "…";
      break;
    }
    const size_t start = i;
    const char32_t cp = next_code_point(s, i);  // ill-formed: kInvalidCodePoint, one byte
    if (cp == kInvalidCodePoint || cp < 0x20 || cp == 0x7F)
      out += '?';
    else
      out += s.substr(start, i - start);
  }
  return out + "\"";
}

}  // namespace detail

namespace {

using detail::Diags;
using detail::quote;

// ---------------------------------------------------------------------------------
// 1. Syntax errors
// ---------------------------------------------------------------------------------

// Where the offending token starts. nlohmann reports the position after the last
// character it read, which for a string or a word is its end; people look for the
// start of the thing that is wrong.
size_t token_start(std::string_view text, size_t pos, const std::string& error_text) {
  if (text.empty()) return 0;
  size_t i = std::min(pos, text.size());
  if (i == 0) return 0;
  --i;
  auto has = [&](const char* s) { return error_text.find(s) != std::string::npos; };
  auto wordy = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-';
  };
  // Inside a string: point at the escape or the first byte that is not UTF-8.
  if (has("ill-formed UTF-8")) {
    while (i > 0 && static_cast<unsigned char>(text[i - 1]) >= 0x80) --i;
    return i;
  }
  if (has("after backslash") || has("hex digits") || has("surrogate")) {
    size_t j = i + 1;
    while (j-- > 0)
      if (text[j] == '\\') return j;
    return i;
  }
  // A closing bracket right after a comma: the comma is the mistake.
  if (text[i] == ']' || text[i] == '}') {
    size_t j = i;
    while (j > 0 && std::isspace(static_cast<unsigned char>(text[j - 1]))) --j;
    if (j > 0 && text[j - 1] == ',') return j - 1;
  }
  if (text[i] == '"') {
    // The closing quote of a string: walk back to its unescaped opening quote.
    for (size_t j = i; j-- > 0;) {
      if (text[j] != '"') continue;
      size_t slashes = 0;
      while (j > slashes && text[j - 1 - slashes] == '\\') ++slashes;
      if (slashes % 2 == 0) return j;
    }
    return i;
  }
  // A number or word cut short ("1." then a line break) fails on the character after
  // it: step back onto the word.
  bool word_error = has("invalid number") || has("invalid literal");
  if (word_error && !wordy(text[i]) && i > 0 && wordy(text[i - 1])) --i;
  if (wordy(text[i])) {
    while (i > 0 && wordy(text[i - 1])) --i;
  }
  return i;
}

// Line and column (1-based, columns in characters) of the byte at `at`.
void line_column(std::string_view text, size_t at, int& line, int& col) {
  line = 1;
  col = 1;
  size_t end = std::min(at, text.size());
  for (size_t i = 0; i < end; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool continuation =
        (c & 0xC0) == 0x80 && i > 0 && static_cast<unsigned char>(text[i - 1]) >= 0x80;
    if (c == '\n') {
      ++line;
      col = 1;
    } else if (!continuation) {
      ++col;
    }
  }
}

// A sentence for a syntax error at byte `at`, from nlohmann's technical message.
std::string syntax_message(const std::string& error_text, std::string_view text, size_t at) {
  std::string detail = error_text;
  auto dash = detail.find(" - ");
  if (dash != std::string::npos) detail = detail.substr(dash + 3);
  auto last = detail.find("; last read:");
  if (last != std::string::npos) detail = detail.substr(0, last);
  auto has = [&](const char* s) { return detail.find(s) != std::string::npos; };

  // The word in the file at the error, if it is one (NaN, Infinity, True, 0x1F…).
  std::string word;
  for (size_t i = at; i < text.size() && word.size() < 40; ++i) {
    char c = text[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-')) break;
    word += c;
  }
  std::string bare = word;
  if (!bare.empty() && (bare[0] == '-' || bare[0] == '+')) bare.erase(0, 1);
  char here = at < text.size() ? text[at] : '\0';

  if (bare == "NaN" || bare == "Infinity" || bare == "nan" || bare == "inf" || bare == "infinity")
    return "NaN and Infinity are not allowed in JSON; write a number or leave the field out";
  if (has("number overflow")) return "the number " + quote(word) + " is far too large to be stored";
  if (has("ill-formed UTF-8")) return "the text is not valid UTF-8 (save the file as UTF-8)";
  if (has("surrogate"))
    return "a \\u escape is half of a UTF-16 surrogate pair, which is not a character";
  if (has("control character"))
    return "a text value contains a raw control character (such as a tab or a line break); "
           "write it as an escape like \\n or \\t";
  if (has("unexpected end of input") || (has("missing closing quote") && at >= text.size()))
    return "the file ends too early: something is not closed (a bracket, a brace or a quote)";
  if (has("expected end of input"))
    return "there is more after the end of the data: a file holds exactly one JSON object";
  if (has("hex digits"))
    return "a \\u escape needs exactly four hexadecimal digits (0–9, A–F), like \\u00e9";
  if (has("missing closing quote")) return "a text value is not closed with a double quote";
  if (here == ',' && (has("unexpected ']'") || has("unexpected '}'"))) {
    size_t j = at + 1;
    while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    if (j < text.size() && (text[j] == ']' || text[j] == '}'))
      return std::string("a comma before \"") + text[j] + "\" is not allowed in JSON";
  }
  if (has("number literal") && word.size() > 1 && word[0] == '0' &&
      std::isdigit(static_cast<unsigned char>(word[1])))
    return "numbers cannot start with a zero: write 1, not 01";
  if (here == '\'') return "text must be in double quotes (\"like this\"), not single quotes";
  if (here == '/' && at + 1 < text.size() && (text[at + 1] == '/' || text[at + 1] == '*'))
    return "comments are not allowed in JSON";
  if (error_text.find("object key") != std::string::npos && here != '"' && here != '}')
    return "a field name must be text in double quotes, like \"title\"";
  if (has("or a literal"))
    return std::string("a value is missing before ") +
           (here ? quote(std::string(1, here)) : "the end");
  if (has("after backslash"))
    return "a backslash in text must be followed by one of \" \\ / b f n r t u";
  if (has("expected ':'")) return "a colon (:) is missing between a field's name and its value";
  if (has("expected '}'") || has("expected ']'"))
    return has("expected '}'") ? "a comma is missing between two fields, or a \"}\" is missing"
                               : "a comma is missing between two values, or a \"]\" is missing";
  if (has("object key")) return "a field name must be text in double quotes";
  if (!word.empty() && (std::isdigit(static_cast<unsigned char>(bare.empty() ? 'x' : bare[0])) ||
                        word[0] == '+' || word[0] == '.'))
    return "the number " + quote(word) +
           " is not written as JSON allows (no leading zeros or '+', digits on both sides "
           "of a decimal point)";
  if (!word.empty())
    return "this is not a JSON value: " + quote(word) +
           " (text needs double quotes; true, false and null are lower case)";
  return "the file is not valid JSON here: " + detail;
}

// ---------------------------------------------------------------------------------
// 2. Cross-checks (ids, references, intervals): the same for files and edits
// ---------------------------------------------------------------------------------
// Pointers are made only for what is reported: a clean 100,000-event file makes none.
std::string item_at(const char* list, size_t i) {
  return std::string(list) + "/" + std::to_string(i);
}

// `owner` (empty) becomes the table of every id.
void cross_check(const Dataset& d, Diags& sink, IdTable& owner) {
  // One table of every id: the first item that claims it. Collections claim in the order
  // places, organisations, events, working groups, stories, so an id that names a place
  // always finds a place; only an id shared across collections (an error already) needs
  // a table of the later collection of its own, made then. Claims are numbered in that
  // order, whether or not the item has an id.
  enum Kind : uint8_t { kPlace, kOrganisation, kEvent, kGroup, kStory };
  static constexpr const char* kLists[] = {"/places", "/organisations", "/events",
                                           "/working_groups", "/stories"};
  const size_t counts[] = {d.places.size(), d.organisations.size(), d.events.size(),
                           d.working_groups.size(), d.stories.size()};
  struct Owner {
    Kind kind;
    size_t index;
  };
  auto owner_of = [&](uint32_t claim) {
    Owner o{kPlace, claim};
    while (o.index >= counts[o.kind]) o.index -= counts[o.kind], o.kind = Kind(o.kind + 1);
    return o;
  };
  owner = IdTable(counts[0] + counts[1] + counts[2] + counts[3] + counts[4]);
  uint32_t next_claim = 0;
  auto claim = [&](const std::string& id, Kind kind, size_t i) {
    const uint32_t claim = next_claim++;
    if (id.empty()) return;  // already reported as missing or wrong
    const uint32_t had = owner.claim(id, claim);
    if (had != IdTable::kNone) {
      const Owner o = owner_of(had);
      sink.error(item_at(kLists[kind], i) + "/id", "the id " + quote(id) + " is already used by " +
                                                       item_at(kLists[o.kind], o.index) +
                                                       "; every item needs its own id");
    }
  };
  for (size_t i = 0; i < d.places.size(); ++i) claim(d.places[i].id, kPlace, i);
  for (size_t i = 0; i < d.organisations.size(); ++i)
    claim(d.organisations[i].id, kOrganisation, i);
  for (size_t i = 0; i < d.events.size(); ++i) claim(d.events[i].id, kEvent, i);
  for (size_t i = 0; i < d.working_groups.size(); ++i) claim(d.working_groups[i].id, kGroup, i);
  for (size_t i = 0; i < d.stories.size(); ++i) claim(d.stories[i].id, kStory, i);

  // Places and organisations claim first, so an id is a place's exactly when some place
  // has it, and an organisation's when some organisation has it (a place may have claimed
  // it first: an error already said). Their own small tables answer the lookups every
  // event makes: the table of every id is many times larger, and a miss in cache each time.
  IdTable place_ids(d.places.size()), org_ids(d.organisations.size());
  for (size_t i = 0; i < d.places.size(); ++i) place_ids.claim(d.places[i].id, uint32_t(i));
  for (size_t i = 0; i < d.organisations.size(); ++i)
    org_ids.claim(d.organisations[i].id, uint32_t(i));
  auto has_place = [&](const std::string& id) { return place_ids.find(id) != IdTable::kNone; };
  auto has_organisation = [&](const std::string& id) { return org_ids.find(id) != IdTable::kNone; };
  IdTable event_ids;  // filled when needed
  auto find_event = [&](const std::string& id) -> const Event* {
    const uint32_t c = owner.find(id);
    if (c == IdTable::kNone) return nullptr;
    const Owner o = owner_of(c);
    if (o.kind > kEvent) return nullptr;
    if (o.kind == kEvent) return &d.events[o.index];
    if (event_ids.size() == 0)
      for (size_t i = 0; i < d.events.size(); ++i) event_ids.claim(d.events[i].id, uint32_t(i));
    const uint32_t e = event_ids.find(id);
    return e == IdTable::kNone ? nullptr : &d.events[e];
  };

  // `where()` makes the pointer of the list or the date, when there is something to say.
  auto check_parts = [&](const std::vector<Participation>& parts, auto&& where) {
    for (size_t k = 0; k < parts.size(); ++k)
      if (!parts[k].organisation.empty() && !has_organisation(parts[k].organisation))
        sink.error(where() + "/" + std::to_string(k) + "/organisation",
                   "there is no organisation with the id " + quote(parts[k].organisation));
  };
  auto check_date = [&](const std::optional<edtf::Value>& v, auto&& where) {
    // The parser already refuses start > end; edits build values through it too.
    if (v && v->interval && v->start_kind == edtf::End::Date && v->end_kind == edtf::End::Date &&
        v->start.earliest_day() > v->end.latest_day())
      sink.error(where(), "the interval " + quote(edtf::format(*v)) + " starts after it ends");
  };
  for (size_t i = 0; i < d.events.size(); ++i) {
    const Event& e = d.events[i];
    if (!e.place.empty() && !has_place(e.place))
      sink.error(item_at("/events", i) + "/place",
                 "there is no place with the id " + quote(e.place));
    check_parts(e.organisations, [&] { return item_at("/events", i) + "/organisations"; });
    check_date(e.date, [&] { return item_at("/events", i) + "/date"; });
  }
  for (size_t i = 0; i < d.working_groups.size(); ++i) {
    const WorkingGroup& w = d.working_groups[i];
    std::string p = "/working_groups/" + std::to_string(i);
    check_parts(w.members, [&] { return p + "/members"; });
    check_date(w.active, [&] { return p + "/active"; });
    if (!w.origin.empty()) {
      const Event* from = find_event(w.origin);
      if (!from)
        sink.error(p + "/origin", "there is no event with the id " + quote(w.origin));
      else if (from->kind != EventKind::Roundtable && !sink.has_errors())
        sink.warn(p + "/origin",
                  "the working group grew from " + quote(w.origin) + ", which is not a roundtable");
    }
  }
  for (size_t i = 0; i < d.stories.size(); ++i)
    for (size_t k = 0; k < d.stories[i].steps.size(); ++k) {
      const StoryStep& st = d.stories[i].steps[k];
      std::string p = "/stories/" + std::to_string(i) + "/steps/" + std::to_string(k);
      if (!st.item.empty() && owner.find(st.item) == IdTable::kNone)
        sink.error(p + "/item", "there is no item with the id " + quote(st.item) + " to show");
      check_date(st.timeline, [&] { return p + "/timeline"; });
    }
}

// ---------------------------------------------------------------------------------
// 3. Save
// ---------------------------------------------------------------------------------
ojson ordered(const json& v) {
  switch (v.type()) {
    case json::value_t::object: {
      ojson o = ojson::object();
      for (auto it = v.begin(); it != v.end(); ++it) o[it.key()] = ordered(it.value());
      return o;
    }
    case json::value_t::array: {
      ojson a = ojson::array();
      for (const auto& e : v) a.push_back(ordered(e));
      return a;
    }
    case json::value_t::string:
      return v.get_ref<const std::string&>();
    case json::value_t::boolean:
      return v.get<bool>();
    case json::value_t::number_integer:
      return v.get<json::number_integer_t>();
    case json::value_t::number_unsigned:
      return v.get<json::number_unsigned_t>();
    case json::value_t::number_float:
      return v.get<double>();
    default:
      return nullptr;
  }
}

void put_text(ojson& o, const char* key, const std::string& s) {
  if (!s.empty()) o[key] = s;
}
void put_extra(ojson& o, const Extra& extra) {
  for (auto it = extra.begin(); it != extra.end(); ++it) o[it.key()] = ordered(it.value());
}

ojson parts_json(const std::vector<Participation>& parts) {
  ojson a = ojson::array();
  for (const auto& x : parts) {
    ojson o = ojson::object();
    o["organisation"] = x.organisation;
    o["role"] = to_json_name(x.role);
    put_text(o, "note", x.note);
    put_extra(o, x.extra);
    a.push_back(std::move(o));
  }
  return a;
}

// ---------------------------------------------------------------------------------
// 4. load_dataset
// ---------------------------------------------------------------------------------
// True when the text was read to its end and its format and version are right (`d` is
// the dataset then, if nothing said is an error).
bool load_into(std::string_view bytes, Diags& sink, Dataset& d, IdTable& ids) {
  if (bytes.size() > kMaxFileBytes) {
    sink.error("", "the file is too large (" + std::to_string(bytes.size() >> 20) +
                       " MB); the limit is " + std::to_string(kMaxFileBytes >> 20) + " MB");
    return false;
  }
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) {
    sink.add(Severity::Warning, "",
             "the file starts with a byte-order mark (an invisible marker some editors "
             "add); it was ignored",
             1, 1);
    bytes.remove_prefix(3);
  }
  if (bytes.size() >= 2 && ((uint8_t(bytes[0]) == 0xFF && uint8_t(bytes[1]) == 0xFE) ||
                            (uint8_t(bytes[0]) == 0xFE && uint8_t(bytes[1]) == 0xFF))) {
    sink.add(Severity::Error, "",
             "the file is saved as UTF-16; save it as UTF-8 (the standard for JSON) and "
             "open it again",
             1, 1);
    return false;
  }
  const TextScan scan = scan_text(bytes);  // one pass: UTF-8, NUL, backslashes
  if (size_t nul = scan.first_nul; nul != std::string_view::npos) {
    int line, col;
    line_column(bytes, nul, line, col);
    bool utf16 = nul < 4;
    sink.add(Severity::Error, "",
             utf16 ? "the file looks like UTF-16 text; save it as UTF-8 (the standard for "
                     "JSON) and open it again"
                   : "the file contains a NUL byte, which text never does: it may be damaged "
                     "or not a text file",
             line, col);
    return false;
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    sink.add(Severity::Error, "", "the file is empty", 1, 1);
    return false;
  }
  detail::ReadResult r = detail::read_dataset(bytes, scan, d, sink);
  if (r.stop == detail::ReadResult::Stop::TooDeep) {
    sink.add(Severity::Error, r.too_deep_at,
             "the data is nested more than " + std::to_string(kMaxDepth) +
                 " levels deep here, far deeper than a Coalition Atlas file ever is");
    return false;
  }
  if (r.stop == detail::ReadResult::Stop::Syntax) {
    int line, col;
    size_t at = token_start(bytes, r.error_pos, r.error_text);
    line_column(bytes, at, line, col);
    sink.add(Severity::Error, "", syntax_message(r.error_text, bytes, at), line, col);
    return false;
  }
  if (r.readable) cross_check(d, sink, ids);
  return r.readable;
}

}  // namespace

LoadedIds LoadedIds::of(IdTable t, const Dataset& d) {
  return {std::move(t),
          {d.places.data(), d.organisations.data(), d.events.data(), d.working_groups.data(),
           d.stories.data()}};
}

bool LoadedIds::describes(const Dataset& d) const {
  return !taken && lists[0] == d.places.data() && lists[1] == d.organisations.data() &&
         lists[2] == d.events.data() && lists[3] == d.working_groups.data() &&
         lists[4] == d.stories.data() &&
         table.size() <= d.places.size() + d.organisations.size() + d.events.size() +
                             d.working_groups.size() + d.stories.size();
}

LoadResult load_dataset(std::string_view bytes) noexcept {
  LoadResult result;
  Diags sink;
  try {
    Dataset d;
    IdTable ids;
    bool complete = load_into(bytes, sink, d, ids);
    sink.finish();
    result.diagnostics = std::move(sink.list);
    if (complete && !has_errors(result.diagnostics)) {
      result.dataset = std::move(d);
      result.ids = std::make_shared<LoadedIds>(LoadedIds::of(std::move(ids), *result.dataset));
    }
  } catch (const std::bad_alloc&) {
    result.dataset.reset();
    result.ids.reset();
    if (result.diagnostics.empty()) result.diagnostics = std::move(sink.list);
    result.diagnostics.push_back(
        {Severity::Error, "", "the file is too large to open with the memory available", 0, 0});
  } catch (const std::exception& e) {
    result.dataset.reset();
    result.ids.reset();
    if (result.diagnostics.empty()) result.diagnostics = std::move(sink.list);
    result.diagnostics.push_back(
        {Severity::Error, "", std::string("the file could not be read: ") + e.what(), 0, 0});
  }
  return result;
}

std::vector<Diagnostic> validate_dataset(const Dataset& d) {
  // Round-tripping through the canonical form runs every rule of the loader, so an
  // edit can never produce a dataset that would not load again.
  LoadResult r = load_dataset(save_dataset(d));
  std::vector<Diagnostic> out;
  for (auto& x : r.diagnostics)
    if (x.severity == Severity::Error) out.push_back(std::move(x));
  return out;
}

std::string save_dataset(const Dataset& d) {
  ojson root = ojson::object();
  root["format"] = kFormatName;
  root["version"] = kFormatVersion;
  root["title"] = d.title;
  put_text(root, "description", d.description);
  put_text(root, "source", d.source);

  ojson places = ojson::array();
  for (const auto& x : d.places) {
    ojson o = ojson::object();
    o["id"] = x.id;
    o["name"] = x.name;
    o["country"] = x.country;
    if (x.lat && x.lon) {
      o["lat"] = *x.lat;
      o["lon"] = *x.lon;
    }
    put_text(o, "notes", x.notes);
    put_text(o, "source", x.source);
    put_extra(o, x.extra);
    places.push_back(std::move(o));
  }
  root["places"] = std::move(places);

  ojson orgs = ojson::array();
  for (const auto& x : d.organisations) {
    ojson o = ojson::object();
    o["id"] = x.id;
    o["name"] = x.name;
    o["sector"] = to_json_name(x.sector);
    put_text(o, "country", x.country);
    put_text(o, "notes", x.notes);
    put_text(o, "source", x.source);
    put_extra(o, x.extra);
    orgs.push_back(std::move(o));
  }
  root["organisations"] = std::move(orgs);

  ojson events = ojson::array();
  for (const auto& x : d.events) {
    ojson o = ojson::object();
    o["id"] = x.id;
    o["kind"] = to_json_name(x.kind);
    o["title"] = x.title;
    if (x.date) o["date"] = edtf::format(*x.date);
    write_schedule(x, o);  // plans: status, starts, ends, time_zone, postponed_from
    put_text(o, "place", x.place);
    if (!x.organisations.empty()) o["organisations"] = parts_json(x.organisations);
    put_text(o, "notes", x.notes);
    if (!x.links.empty()) {
      ojson links = ojson::array();
      for (const auto& l : x.links) {
        ojson lo = ojson::object();
        lo["url"] = l.url;
        put_text(lo, "label", l.label);
        put_extra(lo, l.extra);
        links.push_back(std::move(lo));
      }
      o["links"] = std::move(links);
    }
    write_checklist(x, o);  // plans
    put_text(o, "source", x.source);
    put_extra(o, x.extra);
    events.push_back(std::move(o));
  }
  root["events"] = std::move(events);

  ojson groups = ojson::array();
  for (const auto& x : d.working_groups) {
    ojson o = ojson::object();
    o["id"] = x.id;
    o["name"] = x.name;
    o["country"] = x.country;
    if (x.active) o["active"] = edtf::format(*x.active);
    if (!x.members.empty()) o["members"] = parts_json(x.members);
    if (!x.member_sectors.empty()) {
      ojson a = ojson::array();
      for (Sector s : x.member_sectors) a.push_back(to_json_name(s));
      o["member_sectors"] = std::move(a);
    }
    put_text(o, "origin", x.origin);
    put_text(o, "notes", x.notes);
    put_text(o, "source", x.source);
    put_extra(o, x.extra);
    groups.push_back(std::move(o));
  }
  root["working_groups"] = std::move(groups);
  if (!d.stories.empty()) {
    ojson stories = ojson::array();
    for (const auto& x : d.stories) {
      ojson o = ojson::object();
      o["id"] = x.id;
      o["title"] = x.title;
      ojson steps = ojson::array();
      for (const auto& st : x.steps) {
        ojson so = ojson::object();
        put_text(so, "item", st.item);
        if (st.map) {
          ojson m = ojson::object();
          m["lon"] = st.map->lon;
          m["lat"] = st.map->lat;
          m["zoom"] = st.map->zoom;
          put_extra(m, st.map->extra);
          so["map"] = std::move(m);
        }
        if (st.timeline) so["timeline"] = edtf::format(*st.timeline);
        put_text(so, "caption", st.caption);
        put_extra(so, st.extra);
        steps.push_back(std::move(so));
      }
      o["steps"] = std::move(steps);
      put_extra(o, x.extra);
      stories.push_back(std::move(o));
    }
    root["stories"] = std::move(stories);
  }
  put_extra(root, d.extra);
  return root.dump(2, ' ', false, ojson::error_handler_t::strict) + "\n";
}

}  // namespace atlas
