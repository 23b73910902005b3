// csv_import.cpp — see csv_import.hpp.
//
// Index
//   1. Fields and the mapping guess
//   2. The day/month order of the file
//   3. Reading one row: cells, the event's fields, its place, its organisations
//   4. The plan: every row, then the loader's own check of what would be added
//   5. Finishing
#include "core/csv_import.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "core/countries.hpp"
#include "core/dataset_json.hpp"
#include "core/edit.hpp"  // check_additions
#include "core/utf8.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Fields and the mapping guess
// ---------------------------------------------------------------------------------
namespace {

struct FieldInfo {
  const char* name;
  const char* label;
  std::vector<const char*> headers;  // folded: lower case, '_' and '-' as spaces
};

const FieldInfo& info(ImportField f) {
  static const FieldInfo kInfo[size_t(ImportField::Count)] = {
      {"id", "Id", {"id", "unique id", "identifier"}},
      {"title", "Title", {"title", "name", "headline", "event", "event name", "event title"}},
      {"date", "Date", {"date", "start date", "start", "when", "from", "edtf", "date edtf"}},
      {"end_date", "End date", {"end date", "end", "until", "to"}},
      {"kind", "Kind", {"kind", "type", "category", "event type", "event kind"}},
      {"place", "Place", {"place", "place name", "city", "location", "venue", "town"}},
      {"place_id", "Place id", {"place id"}},
      {"country", "Country", {"country", "country code", "nation"}},
      {"latitude", "Latitude", {"latitude", "lat"}},
      {"longitude", "Longitude", {"longitude", "lon", "lng", "long"}},
      {"organisations",
       "Organisations",
       {"organisations", "organizations", "organisation", "organization", "partners", "supporters",
        "participants", "orgs"}},
      {"notes", "Notes", {"notes", "description", "text", "details", "summary", "note"}},
      {"links", "Links", {"links", "link", "url", "urls", "website", "web"}},
      {"source", "Source", {"source", "sources", "reference"}},
  };
  return kInfo[size_t(f)];
}

std::string fold_header(std::string_view h) {
  std::string s;
  for (char c : h) s += (c == '_' || c == '-') ? ' ' : c;
  return fold_name(s);
}

}  // namespace

const char* field_name(ImportField f) { return info(f).name; }
const char* field_label(ImportField f) { return info(f).label; }

std::optional<ImportField> field_from_name(std::string_view name) {
  for (size_t k = 0; k < size_t(ImportField::Count); ++k)
    if (name == info(ImportField(k)).name) return ImportField(k);
  return std::nullopt;
}

ColumnMapping guess_mapping(const std::vector<std::string>& header) {
  ColumnMapping m;
  std::vector<bool> used(header.size(), false);
  std::vector<std::string> folded;
  for (const auto& h : header) folded.push_back(fold_header(unguard_formula(h)));
  // The order of each field's names is its preference: "place name" before "place" never
  // matters, but a file with both "Start" and "Date" takes "Date".
  for (size_t k = 0; k < size_t(ImportField::Count); ++k)
    for (const char* want : info(ImportField(k)).headers) {
      if (m.column[k] >= 0) break;
      for (size_t c = 0; c < folded.size(); ++c)
        if (!used[c] && folded[c] == want) {
          m.column[k] = int(c);
          used[c] = true;
          break;
        }
    }
  return m;
}

size_t ImportPlan::error_rows() const {
  return size_t(
      std::count_if(rows.begin(), rows.end(), [](const PlannedRow& r) { return r.has_errors(); }));
}

std::vector<ImportProblem> ImportPlan::problems() const {
  std::vector<ImportProblem> out = file_problems;
  for (const auto& r : rows) out.insert(out.end(), r.problems.begin(), r.problems.end());
  return out;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars > 60) {
      out += "…";
      break;
    }
    out += s[i];
  }
  return out + "\"";
}

// ---------------------------------------------------------------------------------
// 2. The day/month order of the file
// ---------------------------------------------------------------------------------
struct OrderEvidence {
  int day_first_row = 0, month_first_row = 0;  // first row only one reading fits
  std::string day_first_text, month_first_text;
};

// ---------------------------------------------------------------------------------
// 3. Reading one row
// ---------------------------------------------------------------------------------
class RowReader {
 public:
  RowReader(const Dataset& current, const CsvTable& table, const ColumnMapping& m,
            const ImportOptions& o, ImportPlan& plan)
      : d_(current), t_(table), m_(m), o_(o), plan_(plan), ids_(current) {
    for (size_t i = 0; i < d_.places.size(); ++i) {
      const Place& p = d_.places[i];
      places_by_name_[fold_name(p.name)].push_back(i);
    }
    for (size_t i = 0; i < d_.organisations.size(); ++i)
      orgs_by_name_.emplace(fold_name(d_.organisations[i].name), d_.organisations[i].id);
  }

  PlannedRow read(size_t record) {
    PlannedRow out;
    out.row = int(record) + 1;
    row_ = &out;
    const auto& cells = t_.records[record];
    cells_ = &cells;
    size_t width = t_.header().size();
    if (cells.size() < width) {
      row_problem("this row has " + std::to_string(cells.size()) + " cells where the header has " +
                  std::to_string(width) +
                  " (a separator missing, or a line break outside quotes?)");
      return out;
    }
    for (size_t c = width; c < cells.size(); ++c)
      if (!trim(cells[c]).empty()) {
        problem(int(c), "this row has " + std::to_string(cells.size()) +
                            " cells where the header has " + std::to_string(width) +
                            ": this cell is beyond the last column");
        return out;
      }

    Event e;
    e.kind = o_.default_kind;
    e.title = cell(ImportField::Title);
    if (e.title.empty())
      problem(m_[ImportField::Title], "the title is empty: every event needs one");
    else
      length(ImportField::Title, e.title, kMaxNameChars);

    read_kind(e);
    read_date(e);
    e.notes = cell(ImportField::Notes, false);
    length(ImportField::Notes, e.notes, kMaxNotesChars);
    e.source = cell(ImportField::Source, false);
    length(ImportField::Source, e.source, kMaxNotesChars);
    read_links(e);
    read_place(e);
    read_organisations(e);
    read_id(e);  // last: a generated id is taken only for a row that is kept
    if (!out.has_errors()) out.event = std::move(e);
    return out;
  }

 private:
  // The cell of a field, trimmed (unless asked not to) and without the formula guard of
  // our own CSV export; "" when the field has no column.
  std::string cell(ImportField f, bool trimmed = true) const {
    int c = m_[f];
    if (c < 0 || size_t(c) >= cells_->size()) return "";
    std::string v = unguard_formula((*cells_)[size_t(c)]);
    if (v.find('\r') != std::string::npos) {  // line breaks in a cell as the views keep them
      std::string lf;
      for (size_t i = 0; i < v.size(); ++i)
        if (v[i] != '\r')
          lf += v[i];
        else if (i + 1 >= v.size() || v[i + 1] != '\n')
          lf += '\n';
      v = std::move(lf);
    }
    return trimmed ? std::string(trim(v)) : v;
  }

  void problem(int column, std::string message, Severity s = Severity::Error) {
    ImportProblem p;
    p.severity = s;
    p.row = row_->row;
    p.column = column >= 0 ? column + 1 : 0;
    if (column >= 0 && size_t(column) < t_.header().size())
      p.column_name = std::string(trim(t_.header()[size_t(column)]));
    p.message = std::move(message);
    row_->problems.push_back(std::move(p));
  }
  void row_problem(std::string message) { problem(-1, std::move(message)); }

  void length(ImportField f, const std::string& text, size_t max) {
    size_t n = utf8_length(text);
    if (n > max)
      problem(m_[f], "the text is too long: " + std::to_string(n) + " characters, at most " +
                         std::to_string(max) + " are allowed here");
  }

  void read_kind(Event& e) {
    std::string k = cell(ImportField::Kind);
    if (k.empty()) return;
    auto kind = kind_from_text(k);
    if (kind)
      e.kind = *kind;
    else
      problem(m_[ImportField::Kind], quote(k) + " is not a kind of event: use " +
                                         allowed_event_kinds() +
                                         " (or their labels, such as \"Working group meeting\")");
  }

  // A date cell; false on an error (reported) or an ambiguity (counted).
  bool date_cell(ImportField f, std::optional<edtf::Value>& out) {
    std::string text = cell(f);
    if (text.empty()) return true;
    SpreadsheetDate r = read_spreadsheet_date(text, plan_.day_month);
    if (r.ambiguous()) {
      if (plan_.ambiguous_rows++ == 0) {
        plan_.first_ambiguous_row = row_->row;
        plan_.first_ambiguous_text = text;
      }
      problem(m_[f], quote(text) + " could be day/month or month/day: choose which the file uses");
      return false;
    }
    if (!r.value) {
      problem(m_[f], quote(text) + " is not a date: " + r.error);
      return false;
    }
    if (r.time_dropped)
      problem(m_[f], "the time in " + quote(text) + " is not kept: dates here are days",
              Severity::Warning);
    out = r.value;
    return true;
  }

  void read_date(Event& e) {
    std::optional<edtf::Value> start, end;
    bool ok = date_cell(ImportField::Date, start);
    ok = date_cell(ImportField::EndDate, end) && ok;
    if (!ok) return;
    if (end && !start) {
      problem(m_[ImportField::EndDate], "an end date needs a date to start from");
      return;
    }
    if (!end) {
      e.date = start;
      return;
    }
    if (start->interval || end->interval) {
      problem(m_[start->interval ? ImportField::Date : ImportField::EndDate],
              "this is already an interval: give the whole interval in the date (2013/2015) and "
              "leave the end date empty");
      return;
    }
    auto whole = edtf::parse(edtf::format(*start) + "/" + edtf::format(*end));
    if (!whole.value) {
      problem(m_[ImportField::EndDate], "the dates do not make an interval: " + whole.error);
      return;
    }
    e.date = whole.value;
  }

  void read_links(Event& e) {
    std::string text = cell(ImportField::Links);
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      size_t k = i;
      while (k < text.size() && !std::isspace(static_cast<unsigned char>(text[k]))) ++k;
      if (k == i) break;
      std::string url = text.substr(i, k - i);
      i = k;
      bool web = (url.rfind("https://", 0) == 0 && url.size() > 8) ||
                 (url.rfind("http://", 0) == 0 && url.size() > 7);
      if (!web) {
        problem(m_[ImportField::Links], quote(url) +
                                            " is not a web address: links start with https:// "
                                            "or http:// (several are separated by spaces)");
        continue;
      }
      if (url.size() > kMaxUrlChars) {
        problem(m_[ImportField::Links],
                "a link is longer than " + std::to_string(kMaxUrlChars) + " characters");
        continue;
      }
      Link l;
      l.url = std::move(url);
      e.links.push_back(std::move(l));
    }
  }

  // "22.28", "-33,87" (a decimal comma, from spreadsheets in many languages).
  bool coordinate(ImportField f, double limit, std::optional<double>& out) {
    std::string text = cell(f);
    if (text.empty()) return true;
    if (text.find(',') != std::string::npos && text.find('.') == std::string::npos &&
        std::count(text.begin(), text.end(), ',') == 1)
      text[text.find(',')] = '.';
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    const char* what = f == ImportField::Latitude ? "latitude" : "longitude";
    if (end == text.c_str() || *end != '\0' || !std::isfinite(v)) {
      problem(m_[f], quote(text) + " is not a number (a " + what + " in decimal degrees, such as " +
                         (f == ImportField::Latitude ? "22.28" : "114.16") + ")");
      return false;
    }
    if (std::fabs(v) > limit) {
      problem(m_[f], "a " + std::string(what) + " is between -" + std::to_string(int(limit)) +
                         " and " + std::to_string(int(limit)) + ", not " + text);
      return false;
    }
    out = v;
    return true;
  }

  void read_place(Event& e) {
    std::string name = cell(ImportField::Place), pid = cell(ImportField::PlaceId);
    std::string country_text = cell(ImportField::Country), country;
    if (!country_text.empty()) {
      country = country_from_text(country_text);
      if (country.empty()) {
        problem(m_[ImportField::Country],
                quote(country_text) +
                    " is not a country: give its English name (New Zealand) or "
                    "its two-letter ISO code (NZ)");
        return;
      }
    }
    std::optional<double> lat, lon;
    bool ok = coordinate(ImportField::Latitude, 90, lat);
    ok = coordinate(ImportField::Longitude, 180, lon) && ok;
    if (!ok) return;
    if (lat.has_value() != lon.has_value()) {
      problem(m_[lat ? ImportField::Longitude : ImportField::Latitude],
              "a place needs both latitude and longitude, or neither");
      return;
    }
    // An existing place by id.
    if (!pid.empty()) {
      if (const Place* p = d_.find_place(pid)) {
        e.place = p->id;
        return;
      }
    }
    if (name.empty()) {
      if (lat)
        problem(m_[ImportField::Latitude],
                "coordinates need a place name (a Place column) to belong to");
      else if (!country.empty() && m_[ImportField::Place] >= 0)  // (no Place column: said once)
        problem(m_[ImportField::Country],
                "the country is kept only with a place: events have no country of their own",
                Severity::Warning);
      return;
    }
    std::string key = fold_name(name);
    // An existing place by name (and country, when given).
    auto found = places_by_name_.find(key);
    if (found != places_by_name_.end()) {
      std::vector<size_t> fit;
      for (size_t i : found->second)
        if (country.empty() || d_.places[i].country == country) fit.push_back(i);
      if (fit.size() == 1) {
        e.place = d_.places[fit[0]].id;
        return;
      }
      if (fit.size() > 1) {
        std::string which;
        for (size_t i : fit) which += (which.empty() ? "" : ", ") + d_.places[i].id;
        problem(m_[ImportField::Place], quote(name) + " names " + std::to_string(fit.size()) +
                                            " places (" + which + "): give the country");
        return;
      }
    }
    // A place this import already creates.
    auto planned = new_places_.find(key + "|" + country);
    if (planned == new_places_.end() && country.empty()) {
      std::vector<size_t> fit;
      for (const auto& [k, i] : new_places_)
        if (k.compare(0, key.size() + 1, key + "|") == 0) fit.push_back(i);
      if (fit.size() == 1)
        planned = new_places_.find(key + "|" + plan_.new_places[fit[0]].place.country);
    }
    if (planned != new_places_.end()) {
      PlannedPlace& p = plan_.new_places[planned->second];
      if (lat && p.place.lat &&
          (std::fabs(*p.place.lat - *lat) > 1e-6 || std::fabs(*p.place.lon - *lon) > 1e-6))
        problem(m_[ImportField::Latitude],
                "these coordinates differ from row " + std::to_string(p.first_row) + "'s for " +
                    quote(name) + ": the place keeps row " + std::to_string(p.first_row) + "'s",
                Severity::Warning);
      e.place = p.place.id;
      return;
    }
    plan_new_place(e, name, key, country, pid, lat, lon);
  }

  // A place the row names that is not in the data nor in this import yet: its
  // coordinates from the row, or from the city list.
  void plan_new_place(Event& e, const std::string& name, const std::string& key,
                      const std::string& country, const std::string& pid, std::optional<double> lat,
                      std::optional<double> lon) {
    PlannedPlace p;
    p.first_row = row_->row;
    p.place.name = name;
    p.place.country = country;
    length(ImportField::Place, name, kMaxNameChars);
    if (o_.cities) p.candidates = o_.cities(name, country);
    if (lat) {
      p.place.lat = lat;
      p.place.lon = lon;
      p.coordinates_from = PlannedPlace::From::Row;
      if (p.place.country.empty())  // the city of that name nearest the coordinates
        for (const auto& c : p.candidates)
          if (std::fabs(c.lat - *lat) < 1 && std::fabs(c.lon - *lon) < 1) {
            p.place.country = c.country;
            break;
          }
    } else if (!p.candidates.empty()) {
      const CityCandidate& c = p.candidates.front();
      p.place.lat = c.lat;
      p.place.lon = c.lon;
      if (p.place.country.empty()) p.place.country = c.country;
      p.coordinates_from = PlannedPlace::From::CityList;
    }
    if (p.place.country.empty()) {
      problem(m_[ImportField::Place],
              quote(name) +
                  " is a new place and needs a country: add a Country column, or "
                  "name a city the offline city list knows");
      return;
    }
    if (!pid.empty() && is_valid_id(pid) && !ids_.taken(pid)) {
      p.place.id = pid;
      ids_.take(pid);
    } else {
      if (!pid.empty())
        problem(m_[ImportField::PlaceId],
                "the place id " + quote(pid) + " is " +
                    (is_valid_id(pid) ? "already used by another item" : "not a valid id") +
                    ": the new place gets another",
                Severity::Warning);
      p.place.id = ids_.fresh(name);
    }
    e.place = p.place.id;
    new_places_.emplace(key + "|" + p.place.country, plan_.new_places.size());
    plan_.new_places.push_back(std::move(p));
  }

  void read_organisations(Event& e) {
    std::string text = cell(ImportField::Organisations);
    size_t i = 0;
    while (i <= text.size() && !text.empty()) {
      size_t k = text.find_first_of(";\n|", i);
      if (k == std::string::npos) k = text.size();
      std::string entry(trim(std::string_view(text).substr(i, k - i)));
      i = k + 1;
      if (entry.empty()) continue;
      Participation p;
      // "PayPal (grant)": a role in brackets at the end, when it is one.
      if (entry.back() == ')') {
        size_t open = entry.rfind('(');
        if (open != std::string::npos) {
          std::string role = fold_name(entry.substr(open + 1, entry.size() - open - 2));
          for (size_t r = 0; r < size_t(Role::Count); ++r)
            if (role == fold_name(label(Role(r))) || role == to_json_name(Role(r))) {
              p.role = Role(r);
              entry = std::string(trim(std::string_view(entry).substr(0, open)));
              break;
            }
        }
      }
      if (entry.empty()) continue;
      p.organisation = organisation_id(entry);
      if (p.organisation.empty()) return;
      bool twin =
          std::any_of(e.organisations.begin(), e.organisations.end(), [&](const Participation& q) {
            return q.organisation == p.organisation && q.role == p.role;
          });
      if (!twin) e.organisations.push_back(std::move(p));
    }
  }

  std::string organisation_id(const std::string& name) {
    if (d_.find_organisation(name)) return name;  // by id
    std::string key = fold_name(name);
    auto it = orgs_by_name_.find(key);
    if (it != orgs_by_name_.end()) return it->second;
    if (utf8_length(name) > kMaxNameChars) {
      problem(m_[ImportField::Organisations], "an organisation's name is longer than " +
                                                  std::to_string(kMaxNameChars) + " characters");
      return "";
    }
    Organisation o;
    o.id = ids_.fresh(name);
    o.name = name;
    o.sector = Sector::Other;
    orgs_by_name_.emplace(key, o.id);
    plan_.new_organisations.push_back(o);
    return o.id;
  }

  void read_id(Event& e) {
    std::string id = cell(ImportField::Id);
    if (row_->has_errors()) return;
    if (id.empty()) {
      e.id = ids_.fresh(e.title);
      return;
    }
    if (!is_valid_id(id)) {
      problem(m_[ImportField::Id],
              "the id " + quote(id) +
                  " may use only letters (A–Z, a–z), digits, '-', '_' and '.', "
                  "start with a letter or a digit, and have at most " +
                  std::to_string(kMaxIdChars) + " characters");
      return;
    }
    if (ids_.taken(id)) {
      problem(m_[ImportField::Id], "the id " + quote(id) +
                                       " is already used (by the data, or an earlier row): every "
                                       "item needs its own id");
      return;
    }
    ids_.take(id);
    e.id = id;
  }

  const Dataset& d_;
  const CsvTable& t_;
  const ColumnMapping& m_;
  const ImportOptions& o_;
  ImportPlan& plan_;
  IdPool ids_;
  PlannedRow* row_ = nullptr;
  const std::vector<std::string>* cells_ = nullptr;
  std::unordered_map<std::string, std::vector<size_t>> places_by_name_;
  std::unordered_map<std::string, std::string> orgs_by_name_;
  std::map<std::string, size_t> new_places_;  // folded name|country -> index in new_places
};

bool blank(const std::vector<std::string>& cells) {
  for (const auto& c : cells)
    if (!trim(c).empty()) return false;
  return true;
}

// Settles the file's day/month order from the dates only one reading fits.
void settle_order(const CsvTable& t, const ColumnMapping& m, ImportPlan& plan) {
  OrderEvidence ev;
  for (ImportField f : {ImportField::Date, ImportField::EndDate}) {
    int c = m[f];
    if (c < 0) continue;
    for (size_t r = 1; r < t.records.size(); ++r) {
      if (size_t(c) >= t.records[r].size()) continue;
      std::string text(trim(t.records[r][size_t(c)]));
      if (text.empty()) continue;
      SpreadsheetDate sd = read_spreadsheet_date(text, DayMonthOrder::Unknown);
      if (sd.day_first_possible && !sd.month_first_possible && !ev.day_first_row) {
        ev.day_first_row = int(r) + 1;
        ev.day_first_text = text;
      }
      if (sd.month_first_possible && !sd.day_first_possible && !ev.month_first_row) {
        ev.month_first_row = int(r) + 1;
        ev.month_first_text = text;
      }
    }
  }
  if (ev.day_first_row && !ev.month_first_row) {
    plan.day_month = DayMonthOrder::DayFirst;
    plan.day_month_evidence_row = ev.day_first_row;
  } else if (ev.month_first_row && !ev.day_first_row) {
    plan.day_month = DayMonthOrder::MonthFirst;
    plan.day_month_evidence_row = ev.month_first_row;
  } else if (ev.day_first_row && ev.month_first_row) {
    ImportProblem p;
    p.severity = Severity::Warning;
    p.message = "the dates mix day/month (row " + std::to_string(ev.day_first_row) + ": " +
                quote(ev.day_first_text) + ") and month/day (row " +
                std::to_string(ev.month_first_row) + ": " + quote(ev.month_first_text) +
                "): each is read the only way it can be";
    plan.file_problems.push_back(std::move(p));
  }
}

// Which field a loader pointer below an event names: "/events/3/date" -> Date.
int column_of_pointer(const std::string& rest, const ColumnMapping& m) {
  static const std::pair<const char*, ImportField> kFields[] = {
      {"/id", ImportField::Id},           {"/title", ImportField::Title},
      {"/date", ImportField::Date},       {"/kind", ImportField::Kind},
      {"/place", ImportField::Place},     {"/organisations", ImportField::Organisations},
      {"/notes", ImportField::Notes},     {"/links", ImportField::Links},
      {"/source", ImportField::Source},   {"/name", ImportField::Place},
      {"/country", ImportField::Country}, {"/lat", ImportField::Latitude},
      {"/lon", ImportField::Longitude}};
  for (const auto& [prefix, f] : kFields)
    if (rest.rfind(prefix, 0) == 0) return m[f];
  return -1;
}

}  // namespace

// ---------------------------------------------------------------------------------
// 4. The plan
// ---------------------------------------------------------------------------------
ImportPlan plan_csv_import(const Dataset& current, const CsvTable& table,
                           const ColumnMapping& mapping, const ImportOptions& options) {
  ImportPlan plan;
  plan.mapping = mapping;
  plan.day_month = options.day_month;
  auto file_error = [&](std::string message) {
    ImportProblem p;
    p.message = std::move(message);
    plan.file_problems.push_back(std::move(p));
  };
  if (table.records.empty()) {
    file_error("the file is empty: a header row and a row per event are expected");
    return plan;
  }
  if (mapping[ImportField::Title] < 0) {
    file_error(
        "no column is the title: name one (a header such as Title, Name or Headline is "
        "found by itself)");
    return plan;
  }
  for (size_t k = 0; k < size_t(ImportField::Count); ++k)
    if (mapping.column[k] >= int(table.header().size())) {
      file_error(std::string("the ") + field_label(ImportField(k)) + " is mapped to column " +
                 std::to_string(mapping.column[k] + 1) + ", but the header has only " +
                 std::to_string(table.header().size()) + " columns");
      return plan;
    }
  if (plan.day_month == DayMonthOrder::Unknown) settle_order(table, mapping, plan);
  if (mapping[ImportField::Country] >= 0 && mapping[ImportField::Place] < 0) {
    ImportProblem p;
    p.severity = Severity::Warning;
    p.message =
        "the country column is not used: a country belongs to a place, and no column "
        "is the place";
    plan.file_problems.push_back(std::move(p));
  }

  RowReader reader(current, table, mapping, options, plan);
  for (size_t r = 1; r < table.records.size(); ++r) {
    if (blank(table.records[r])) continue;
    plan.rows.push_back(reader.read(r));
  }
  if (plan.rows.empty()) file_error("the file has no rows below its header");

  // The loader's own rules over everything the good rows would add: what the checks
  // above missed still gets its row.
  Dataset items;
  std::vector<size_t> row_of_event;
  for (size_t i = 0; i < plan.rows.size(); ++i)
    if (plan.rows[i].event) {
      items.events.push_back(*plan.rows[i].event);
      row_of_event.push_back(i);
    }
  for (const auto& p : plan.new_places) items.places.push_back(p.place);
  items.organisations = plan.new_organisations;
  std::vector<Diagnostic> checked = check_additions(current, items);
  if (checked.empty()) plan.checked_ids = ids_fingerprint(current);
  for (const Diagnostic& x : checked) {
    ImportProblem p;
    p.message = x.message;
    size_t index = 0;
    char collection[32] = {0};
    int used = 0;
    if (std::sscanf(x.pointer.c_str(), "/%31[a-z_]/%zu%n", collection, &index, &used) == 2) {
      std::string rest = x.pointer.substr(size_t(used));
      std::string c = collection;
      PlannedRow* row = nullptr;
      if (c == "events" && index < row_of_event.size()) row = &plan.rows[row_of_event[index]];
      if (c == "places" && index < plan.new_places.size())
        for (auto& r : plan.rows)
          if (r.row == plan.new_places[index].first_row) row = &r;
      if (row) {
        int col = column_of_pointer(rest, mapping);
        p.row = row->row;
        p.column = col >= 0 ? col + 1 : 0;
        if (col >= 0) p.column_name = std::string(trim(table.header()[size_t(col)]));
        row->problems.push_back(p);
        row->event.reset();
        continue;
      }
    }
    p.pointer = x.pointer;
    plan.file_problems.push_back(std::move(p));
  }
  return plan;
}

// ---------------------------------------------------------------------------------
// 5. Finishing
// ---------------------------------------------------------------------------------
ImportResult finish_import(const ImportPlan& plan, const ImportOptions& options) {
  ImportResult r;
  for (const auto& p : plan.file_problems)
    if (p.severity == Severity::Error) {
      r.error = "nothing was imported: " + p.to_string();
      return r;
    }
  if (plan.needs_day_month_choice()) {
    r.error = "nothing was imported: " + std::to_string(plan.ambiguous_rows) +
              (plan.ambiguous_rows == 1 ? " date" : " dates") +
              " could be day/month or month/day (row " + std::to_string(plan.first_ambiguous_row) +
              ": " + quote(plan.first_ambiguous_text) + "): choose which the file uses";
    return r;
  }
  size_t bad = plan.error_rows();
  if (bad && !options.skip_bad_rows) {
    const ImportProblem* first = nullptr;
    for (const auto& row : plan.rows)
      for (const auto& p : row.problems)
        if (!first && p.severity == Severity::Error) first = &p;
    r.error = "nothing was imported: " + std::to_string(bad) +
              (bad == 1 ? " row has" : " rows have") +
              " errors (the first: " + (first ? first->to_string() : std::string()) +
              "); correct them, or skip the rows with errors";
    return r;
  }
  Dataset items;
  std::unordered_map<std::string, bool> used;  // place and organisation ids the kept rows use
  for (const auto& row : plan.rows) {
    if (!row.event || row.has_errors()) continue;
    items.events.push_back(*row.event);
    used[row.event->place] = true;
    for (const auto& p : row.event->organisations) used[p.organisation] = true;
  }
  if (items.events.empty()) {
    r.error = "nothing was imported: no row can be imported";
    return r;
  }
  for (const auto& p : plan.new_places)
    if (used.count(p.place.id)) items.places.push_back(p.place);
  for (const auto& o : plan.new_organisations)
    if (used.count(o.id)) items.organisations.push_back(o);
  r.events = items.events.size();
  r.places = items.places.size();
  r.organisations = items.organisations.size();
  r.skipped_rows = bad;
  r.checked_ids = plan.checked_ids;  // the kept rows are a part of what was checked
  r.items = std::move(items);
  return r;
}

}  // namespace atlas
