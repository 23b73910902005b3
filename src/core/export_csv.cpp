// export_csv.cpp — see export_csv.hpp.
#include "core/export_csv.hpp"

#include <nlohmann/json.hpp>

#include "core/interchange_text.hpp"

namespace atlas {

std::optional<CsvTableKind> csv_table_from_name(std::string_view name) {
  if (name == "events") return CsvTableKind::Events;
  if (name == "places") return CsvTableKind::Places;
  if (name == "organisations" || name == "organizations") return CsvTableKind::Organisations;
  if (name == "working-groups" || name == "working_groups") return CsvTableKind::WorkingGroups;
  return std::nullopt;
}

const char* csv_table_name(CsvTableKind t) {
  switch (t) {
    case CsvTableKind::Places:
      return "places";
    case CsvTableKind::Organisations:
      return "organisations";
    case CsvTableKind::WorkingGroups:
      return "working-groups";
    case CsvTableKind::Events:
      break;
  }
  return "events";
}

namespace {

// The shortest text that reads back as the same double (as the JSON file writes it).
std::string number(std::optional<double> v) { return v ? nlohmann::json(*v).dump() : ""; }

std::string date_text(const std::optional<edtf::Value>& v) { return v ? edtf::format(*v) : ""; }
std::string earliest(const std::optional<edtf::Value>& v) {
  return v ? iso_day(v->earliest()) : "";
}
std::string latest(const std::optional<edtf::Value>& v) { return v ? iso_day(v->latest()) : ""; }

std::string entries(const Dataset& d, const std::vector<Participation>& list) {
  std::string out;
  for (const auto& p : list) {
    const Organisation* o = d.find_organisation(p.organisation);
    if (!out.empty()) out += "; ";
    out += (o ? o->name : p.organisation) + " (" + label(p.role) + ")";
  }
  return out;
}

}  // namespace

std::vector<std::vector<std::string>> csv_records(const Dataset& d, CsvTableKind t) {
  std::vector<std::vector<std::string>> out;
  switch (t) {
    case CsvTableKind::Events:
      out.push_back({"id", "kind", "title", "date", "earliest_day", "latest_day", "place",
                     "place_id", "country", "latitude", "longitude", "organisations", "notes",
                     "links", "source"});
      out.reserve(d.events.size() + 1);
      for (const auto& e : d.events) {
        const Place* p = d.find_place(e.place);
        std::string links;
        for (const auto& l : e.links) links += (links.empty() ? "" : " ") + l.url;
        out.push_back({e.id, to_json_name(e.kind), e.title, date_text(e.date), earliest(e.date),
                       latest(e.date), p ? p->name : "", e.place, p ? p->country : "",
                       p ? number(p->lat) : "", p ? number(p->lon) : "",
                       entries(d, e.organisations), e.notes, links, e.source});
      }
      break;
    case CsvTableKind::Places:
      out.push_back({"id", "name", "country", "latitude", "longitude", "notes", "source"});
      for (const auto& p : d.places)
        out.push_back({p.id, p.name, p.country, number(p.lat), number(p.lon), p.notes, p.source});
      break;
    case CsvTableKind::Organisations:
      out.push_back({"id", "name", "sector", "country", "notes", "source"});
      for (const auto& o : d.organisations)
        out.push_back({o.id, o.name, to_json_name(o.sector), o.country, o.notes, o.source});
      break;
    case CsvTableKind::WorkingGroups:
      out.push_back({"id", "name", "country", "active", "earliest_day", "latest_day", "members",
                     "member_sectors", "origin", "notes", "source"});
      for (const auto& w : d.working_groups) {
        std::string sectors;
        for (Sector s : w.member_sectors)
          sectors += (sectors.empty() ? "" : "; ") + std::string(to_json_name(s));
        out.push_back({w.id, w.name, w.country, date_text(w.active), earliest(w.active),
                       latest(w.active), entries(d, w.members), sectors, w.origin, w.notes,
                       w.source});
      }
      break;
  }
  return out;
}

std::string export_csv(const Dataset& d, CsvTableKind t, const CsvWriteOptions& o) {
  return write_csv(csv_records(d, t), o);
}

}  // namespace atlas
