// timelinejs.cpp — see timelinejs.hpp.
//
// Index
//   1. EDTF -> TimelineJS dates
//   2. Export
//   3. TimelineJS dates -> EDTF
//   4. Import: slides (from JSON or from the sheet) -> events
//   5. The sheet template
#include "core/timelinejs.hpp"

#include <cctype>
#include <map>

#include "core/countries.hpp"
#include "core/date_spreadsheet.hpp"
#include "core/edit.hpp"  // check_additions
#include "core/interchange_text.hpp"

namespace atlas {

using json = nlohmann::json;

// ---------------------------------------------------------------------------------
// 1. EDTF -> TimelineJS dates
// ---------------------------------------------------------------------------------
namespace {

// {year, month, day} for the first (or last) day a date may be, at its precision:
// a day, a month, or a year (coarser dates give their first or last year).
json side(const edtf::Date& date, bool last) {
  int64_t day = last ? date.latest_day() : date.earliest_day();
  int64_t y;
  int m, dd;
  edtf::civil_from_days(day, y, m, dd);
  json o = json::object();
  o["year"] = std::to_string(y);
  switch (date.precision()) {
    case edtf::Precision::Day:
      o["month"] = std::to_string(m);
      o["day"] = std::to_string(dd);
      break;
    case edtf::Precision::Month:
    case edtf::Precision::Season:
      o["month"] = std::to_string(m);
      break;
    default:
      break;
  }
  return o;
}

// True when TimelineJS's own date ({year, month, day}) says all a date says.
bool plain(const edtf::Date& d) {
  auto p = d.precision();
  return !d.uncertain && !d.approximate &&
         (p == edtf::Precision::Day || p == edtf::Precision::Month || p == edtf::Precision::Year);
}

}  // namespace

json timelinejs_dates(const edtf::Value& v) {
  json out = json::object();
  bool says_all = true;
  if (!v.interval) {
    out["start_date"] = side(v.start, false);
    if (!plain(v.start)) {  // a season, a decade…: its first and last month or year
      out["end_date"] = side(v.start, true);
      says_all = false;
    }
  } else {
    bool start = v.start_kind == edtf::End::Date, end = v.end_kind == edtf::End::Date;
    // No open ends in TimelineJS: the bounded end stands alone.
    out["start_date"] = start ? side(v.start, false) : side(v.end, false);
    if (start && end) out["end_date"] = side(v.end, true);
    // "2013/2015-07" is a window the event lies in, not a duration: TimelineJS would draw
    // a span, so the words say what it is ("2013 to July 2015, exact date unknown").
    says_all = false;
  }
  if (!says_all) out["display_date"] = edtf::describe(v, edtf::Language::english);
  return out;
}

// ---------------------------------------------------------------------------------
// 2. Export
// ---------------------------------------------------------------------------------
json timelinejs_from_dataset(const Dataset& d, const TimelineJsOptions& o, size_t* left_out) {
  json out = json::object();
  json title = json::object();
  title["text"] = {{"headline", html_from_text(d.title)}, {"text", html_from_text(d.description)}};
  out["title"] = std::move(title);
  json events = json::array();
  size_t skipped = 0;
  for (const Event& e : d.events) {
    if (!e.date) {
      ++skipped;
      continue;
    }
    json ev = timelinejs_dates(*e.date);
    ev["unique_id"] = e.id;
    const Place* p = d.find_place(e.place);
    std::string text = html_from_text(e.notes);
    if (p) {
      const Country* c = find_country(p->country);
      bool same = c && p->name == c->name;  // "New Zealand, New Zealand" says it twice
      text += std::string(text.empty() ? "" : "<br><br>") + html_from_text(p->name) +
              (c && !same ? ", " + html_from_text(c->name) : std::string());
    }
    if (!e.organisations.empty()) {
      std::string who;
      for (const auto& part : e.organisations) {
        const Organisation* org = d.find_organisation(part.organisation);
        who += (who.empty() ? "" : "; ") + html_from_text(org ? org->name : part.organisation) +
               " (" + label(part.role) + ")";
      }
      text += std::string(text.empty() ? "" : "<br><br>") + who;
    }
    ev["text"] = {{"headline", html_from_text(e.title)}, {"text", text}};
    if (o.group == TimelineJsOptions::Group::Kind) {
      std::string kind = label(e.kind);  // "Roundtable": a row title
      kind[0] = char(std::toupper(static_cast<unsigned char>(kind[0])));
      ev["group"] = kind;
    } else if (o.group == TimelineJsOptions::Group::Country && p) {
      const Country* c = find_country(p->country);
      ev["group"] = c ? c->name : p->country;
    }
    if (!e.links.empty())
      ev["media"] = {{"url", e.links.front().url},
                     {"caption", html_from_text(e.links.front().label)}};
    events.push_back(std::move(ev));
  }
  out["events"] = std::move(events);
  json eras = json::array();
  for (const WorkingGroup& w : d.working_groups) {
    if (!w.active || !w.active->interval || w.active->start_kind != edtf::End::Date ||
        w.active->end_kind != edtf::End::Date)
      continue;
    json era = json::object();
    era["start_date"] = side(w.active->start, false);
    era["end_date"] = side(w.active->end, true);
    era["text"] = {{"headline", html_from_text(w.name)}};
    eras.push_back(std::move(era));
  }
  out["eras"] = std::move(eras);
  if (left_out) *left_out = skipped;
  return out;
}

// ---------------------------------------------------------------------------------
// 3. TimelineJS dates -> EDTF
// ---------------------------------------------------------------------------------
namespace {

// Where a slide came from, and how its problems say so.
struct Slide {
  json data;
  std::string pointer;                                  // "/events/3" for JSON
  int row = 0;                                          // for the sheet
  const std::map<std::string, int>* columns = nullptr;  // sheet header -> 0-based column
};

// The sheet column that holds a slide field ("start_date/month" -> "Month").
const char* sheet_column(const std::string& field) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"start_date/year", "Year"}, {"start_date/month", "Month"}, {"start_date/day", "Day"},
      {"start_date", "Year"},      {"end_date/year", "End Year"}, {"end_date/month", "End Month"},
      {"end_date/day", "End Day"}, {"end_date", "End Year"},      {"text/headline", "Headline"},
      {"text/text", "Text"},       {"media/url", "Media"},        {"unique_id", "Headline"}};
  for (const auto& [f, c] : kMap)
    if (field == f) return c;
  return "";
}

ImportProblem slide_problem(const Slide& s, const std::string& field, std::string message,
                            Severity sev = Severity::Error) {
  ImportProblem p;
  p.severity = sev;
  p.message = std::move(message);
  if (s.columns) {
    p.row = s.row;
    const char* name = sheet_column(field);
    auto it = s.columns->find(name);
    if (it != s.columns->end()) {
      p.column = it->second + 1;
      p.column_name = name;
    }
  } else {
    p.pointer = s.pointer + (field.empty() ? "" : "/" + field);
  }
  return p;
}

// A date part: a JSON number or a digit string ("2015", " -50 "); "" and absent are none.
// False for anything else.
bool part(const json& o, const char* key, std::optional<long long>& out) {
  out.reset();
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return true;
  if (it->is_number_integer()) {
    out = it->get<long long>();
    return true;
  }
  if (it->is_number_float()) {
    double v = it->get<double>();
    if (v != double((long long)v)) return false;
    out = (long long)v;
    return true;
  }
  if (!it->is_string()) return false;
  std::string s = it->get<std::string>(), digits;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)) && c != ',') digits += c;
  if (digits.empty()) return true;
  size_t i = digits[0] == '-' ? 1 : 0;
  if (i == digits.size() || digits.size() > 12) return false;
  for (size_t k = i; k < digits.size(); ++k)
    if (!std::isdigit(static_cast<unsigned char>(digits[k]))) return false;
  out = std::stoll(digits);
  return true;
}

// One TimelineJS date object as EDTF text ("2015", "2015-07", "2015-07-14", "Y-12345").
bool edtf_of(const Slide& s, const char* which, const json& o, std::string& out,
             std::vector<ImportProblem>& problems, bool& time_dropped) {
  std::string w = which;
  if (!o.is_object()) {
    problems.push_back(slide_problem(s, w, "a TimelineJS date is an object ({\"year\": …})"));
    return false;
  }
  std::optional<long long> y, m, d;
  bool ok = true;
  for (auto [key, val] : {std::pair{"year", &y}, {"month", &m}, {"day", &d}})
    if (!part(o, key, *val)) {
      problems.push_back(
          slide_problem(s, w + "/" + key, std::string("the ") + key + " is not a whole number"));
      ok = false;
    }
  if (!ok) return false;
  if (!y) {
    problems.push_back(slide_problem(s, w + "/year", "a date needs a year"));
    return false;
  }
  if (m && (*m < 1 || *m > 12)) {
    problems.push_back(slide_problem(
        s, w + "/month", "there is no month " + std::to_string(*m) + " (months are 1 to 12)"));
    return false;
  }
  if (d && !m) {
    problems.push_back(slide_problem(s, w + "/day",
                                     "a day without a month is not kept: the date is the year",
                                     Severity::Warning));
    d.reset();
  }
  for (const char* t : {"hour", "minute", "second", "millisecond"}) {
    std::optional<long long> x;
    if (part(o, t, x) && x) time_dropped = true;
  }
  long long year = *y;
  char buf[64];
  if (year < -9999 || year > 9999)
    std::snprintf(buf, sizeof buf, "Y%lld", year);
  else
    std::snprintf(buf, sizeof buf, "%s%04lld", year < 0 ? "-" : "", year < 0 ? -year : year);
  out = buf;
  if (m && (year < -9999 || year > 9999)) {
    problems.push_back(slide_problem(s, w + "/month",
                                     "a year beyond ±9999 is kept without its month and day",
                                     Severity::Warning));
    return true;
  }
  if (m) {
    std::snprintf(buf, sizeof buf, "-%02lld", *m);
    out += buf;
  }
  if (d) {
    std::snprintf(buf, sizeof buf, "-%02lld", *d);
    out += buf;
  }
  return true;
}

// ---------------------------------------------------------------------------------
// 4. Import
// ---------------------------------------------------------------------------------
std::string text_at(const json& o, const char* a, const char* b = nullptr) {
  auto it = o.find(a);
  if (it == o.end()) return "";
  if (b) {
    if (!it->is_object()) return "";
    auto jt = it->find(b);
    return jt != it->end() && jt->is_string() ? jt->get<std::string>() : "";
  }
  return it->is_string() ? it->get<std::string>() : "";
}

TimelineJsImport import_slides(const std::vector<Slide>& slides, const Slide* title, size_t eras,
                               const Dataset& current) {
  TimelineJsImport r;
  r.eras_skipped = eras;
  Dataset items;
  IdPool ids(current);
  if (title) {
    items.title = text_from_html(text_at(title->data, "text", "headline"));
    items.description = text_from_html(text_at(title->data, "text", "text"));
  }
  std::vector<const Slide*> slide_of_event;
  for (const Slide& s : slides) {
    const json& o = s.data;
    if (!o.is_object()) {
      r.problems.push_back(slide_problem(s, "", "an event is an object ({…})"));
      continue;
    }
    if (o.find("start_date") == o.end()) {
      r.problems.push_back(slide_problem(s, "start_date",
                                         "no start_date: TimelineJS skips this event, and so "
                                         "does the import",
                                         Severity::Warning));
      continue;
    }
    size_t before = r.problems.size();
    bool time = false;
    std::string start, end;
    bool ok = edtf_of(s, "start_date", o["start_date"], start, r.problems, time);
    auto end_it = o.find("end_date");
    bool has_end = false;  // an end_date without a year ({} or {"year": ""}) is none
    if (end_it != o.end() && !end_it->is_null()) {
      std::optional<long long> y;
      has_end = !end_it->is_object() || !part(*end_it, "year", y) || y.has_value();
    }
    if (ok && has_end) ok = edtf_of(s, "end_date", *end_it, end, r.problems, time);
    Event e;
    if (ok) {
      std::string text = end.empty() || end == start ? start : start + "/" + end;
      auto v = edtf::parse(text);
      if (!v.value)
        r.problems.push_back(slide_problem(s, end.empty() ? "start_date" : "end_date",
                                           "\"" + text + "\" is not a date range: " + v.error));
      else
        e.date = v.value;
    }
    if (time)
      r.problems.push_back(slide_problem(
          s, "start_date", "the time of day is not kept: dates here are days", Severity::Warning));
    e.title = text_from_html(text_at(o, "text", "headline"));
    if (e.title.empty()) {
      std::string shown = text_from_html(text_at(o, "display_date"));
      e.title = shown.empty()
                    ? (e.date ? edtf::describe(*e.date, edtf::Language::english) : "Untitled event")
                    : shown;
      r.problems.push_back(slide_problem(s, "text/headline",
                                         "no headline: the event is called \"" + e.title + "\"",
                                         Severity::Warning));
    }
    e.notes = text_from_html(text_at(o, "text", "text"));
    if (auto kind = kind_from_text(text_at(o, "group"))) e.kind = *kind;
    std::string url = text_at(o, "media", "url");
    if (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0) {
      Link l;
      l.url = url;
      l.label = text_from_html(text_at(o, "media", "caption"));
      e.links.push_back(std::move(l));
    }
    if (r.problems.size() != before &&
        has_errors(std::vector<ImportProblem>(r.problems.begin() + std::ptrdiff_t(before),
                                              r.problems.end())))
      continue;
    std::string uid = text_at(o, "unique_id");
    if (is_valid_id(uid) && !ids.taken(uid)) {
      ids.take(uid);
      e.id = uid;
    } else {
      e.id = ids.fresh(e.title);
    }
    items.events.push_back(std::move(e));
    slide_of_event.push_back(&s);
  }
  if (eras) {
    ImportProblem p;
    p.severity = Severity::Warning;
    p.pointer = title && title->columns ? "" : "/eras";
    p.message = std::to_string(eras) + (eras == 1 ? " era is" : " eras are") +
                " not imported: events here have no eras (working groups have a country)";
    r.problems.push_back(std::move(p));
  }
  // The loader's rules over what would be added (lengths, dates), each at its slide.
  for (const Diagnostic& x : check_additions(current, items)) {
    size_t index = 0;
    int used = 0;
    ImportProblem p;
    if (std::sscanf(x.pointer.c_str(), "/events/%zu%n", &index, &used) == 1 &&
        index < slide_of_event.size()) {
      std::string rest = x.pointer.substr(size_t(used));
      std::string field = rest == "/title" ? "text/headline" : rest == "/notes" ? "text/text" : "";
      p = slide_problem(*slide_of_event[index], field, x.message);
    } else {
      p.pointer = x.pointer;
      p.message = x.message;
    }
    r.problems.push_back(std::move(p));
  }
  if (!has_errors(r.problems)) r.items = std::move(items);
  return r;
}

}  // namespace

TimelineJsImport import_timelinejs_json(std::string_view bytes, const Dataset& current) {
  TimelineJsImport r;
  json doc = json::parse(bytes.begin(), bytes.end(), nullptr, false);
  auto fail = [&](std::string pointer, std::string message) {
    ImportProblem p;
    p.pointer = std::move(pointer);
    p.message = std::move(message);
    r.problems.push_back(std::move(p));
    return r;
  };
  if (doc.is_discarded())
    return fail("",
                "this is not JSON (check it with `atlas validate`-style tools, or a JSON linter)");
  if (!doc.is_object()) return fail("", "TimelineJS JSON is an object with \"events\"");
  auto ev = doc.find("events");
  if (ev == doc.end() || !ev->is_array())
    return fail("/events", "TimelineJS JSON needs an \"events\" list");
  std::vector<Slide> slides;
  for (size_t i = 0; i < ev->size(); ++i)
    slides.push_back({(*ev)[i], "/events/" + std::to_string(i), 0, nullptr});
  Slide title{json::object(), "/title", 0, nullptr};
  bool has_title = doc.contains("title") && doc["title"].is_object();
  if (has_title) title.data = doc["title"];
  size_t eras = doc.contains("eras") && doc["eras"].is_array() ? doc["eras"].size() : 0;
  return import_slides(slides, has_title ? &title : nullptr, eras, current);
}

// ---------------------------------------------------------------------------------
// 5. The sheet template
// ---------------------------------------------------------------------------------
namespace {
std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}
}  // namespace

bool is_timelinejs_sheet(const std::vector<std::string>& header) {
  bool headline = false, year = false;
  for (const auto& h : header) {
    std::string t = trimmed(h);
    headline |= t == "Headline";
    year |= t == "Year" || t == "Start Date";
  }
  return headline && year;
}

TimelineJsImport import_timelinejs_sheet(const CsvTable& table, const Dataset& current) {
  std::map<std::string, int> columns;
  const auto& header = table.header();
  for (size_t c = 0; c < header.size(); ++c) columns.emplace(trimmed(header[c]), int(c));
  std::vector<Slide> slides;
  std::optional<Slide> title;
  size_t eras = 0;
  std::vector<ImportProblem> early;
  for (size_t r = 1; r < table.records.size(); ++r) {
    const auto& cells = table.records[r];
    auto get = [&](const char* name) -> std::string {
      auto it = columns.find(name);
      if (it == columns.end() || size_t(it->second) >= cells.size()) return "";
      return trimmed(cells[size_t(it->second)]);
    };
    bool blank = true;
    for (const auto& c : cells) blank = blank && trimmed(c).empty();
    if (blank) continue;
    Slide s{json::object(), "", int(r) + 1, &columns};
    json& o = s.data;
    o["text"] = {{"headline", get("Headline")}, {"text", get("Text")}};
    o["media"] = {
        {"url", get("Media")}, {"caption", get("Media Caption")}, {"credit", get("Media Credit")}};
    o["display_date"] = get("Display Date");
    o["group"] = get("Group").empty() ? get("Tag") : get("Group");
    if (columns.count("Start Date") || columns.count("End Date")) {
      // The older template: free-form dates, which TimelineJS reads month/day/year.
      for (auto [col, key] : {std::pair{"Start Date", "start_date"}, {"End Date", "end_date"}}) {
        std::string text = get(col);
        if (text.empty()) continue;
        SpreadsheetDate sd = read_spreadsheet_date(text, DayMonthOrder::MonthFirst);
        if (!sd.value || sd.value->interval) {
          early.push_back(slide_problem(
              s, key,
              "\"" + text + "\" is not a date: " + (sd.error.empty() ? "an interval" : sd.error)));
          continue;
        }
        const edtf::Date& d = sd.value->start;
        json dj = {{"year", std::to_string(d.year)}};
        if (d.month >= 1 && d.month <= 12) dj["month"] = std::to_string(d.month);
        if (d.day) dj["day"] = std::to_string(d.day);
        o[key] = dj;
      }
    } else {
      if (!get("Year").empty())
        o["start_date"] = {{"year", get("Year")}, {"month", get("Month")}, {"day", get("Day")}};
      if (!get("End Year").empty())
        o["end_date"] = {
            {"year", get("End Year")}, {"month", get("End Month")}, {"day", get("End Day")}};
      if (!get("Time").empty() && o.contains("start_date")) o["start_date"]["hour"] = "0";
      if (!get("End Time").empty() && o.contains("end_date")) o["end_date"]["hour"] = "0";
    }
    std::string type = get("Type");
    if (type == "title" && !title) {
      title = s;
    } else if (type == "era") {
      ++eras;
    } else {
      slides.push_back(std::move(s));
    }
  }
  TimelineJsImport r = import_slides(slides, title ? &*title : nullptr, eras, current);
  r.problems.insert(r.problems.begin(), early.begin(), early.end());
  if (has_errors(early)) r.items.reset();
  return r;
}

}  // namespace atlas
