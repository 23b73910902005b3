// export_geo.cpp — see export_geo.hpp.
//
// Index
//   1. The features: which events, and their properties
//   2. GeoJSON
//   3. KML
#include "core/export_geo.hpp"

#include <nlohmann/json.hpp>
#include <vector>

#include "core/interchange_text.hpp"

namespace atlas {

using json = nlohmann::json;

// ---------------------------------------------------------------------------------
// 1. The features
// ---------------------------------------------------------------------------------
namespace {

struct Feature {
  const Event* event;
  const Place* place;
  json properties;  // ordered as listed in export_geo.hpp
};

std::vector<Feature> features(const Dataset& d, size_t* left_out) {
  std::vector<Feature> out;
  size_t skipped = 0;
  for (const Event& e : d.events) {
    const Place* p = d.find_place(e.place);
    if (!p || !p->lat || !p->lon) {
      ++skipped;
      continue;
    }
    json props = json::object();
    props["id"] = e.id;
    props["kind"] = to_json_name(e.kind);
    props["title"] = e.title;
    if (e.date) {
      props["date"] = edtf::format(*e.date);
      std::string a = iso_day(e.date->earliest()), b = iso_day(e.date->latest());
      if (!a.empty()) props["earliest_day"] = a;
      if (!b.empty()) props["latest_day"] = b;
    }
    props["place"] = p->name;
    props["place_id"] = p->id;
    props["country"] = p->country;
    json orgs = json::array();
    for (const auto& part : e.organisations) {
      const Organisation* o = d.find_organisation(part.organisation);
      orgs.push_back((o ? o->name : part.organisation) + " (" + label(part.role) + ")");
    }
    props["organisations"] = std::move(orgs);
    if (!e.notes.empty()) props["notes"] = e.notes;
    json links = json::array();
    for (const auto& l : e.links) links.push_back(l.url);
    props["links"] = std::move(links);
    out.push_back({&e, p, std::move(props)});
  }
  if (left_out) *left_out = skipped;
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------
// 2. GeoJSON
// ---------------------------------------------------------------------------------
std::string export_geojson(const Dataset& d, size_t* left_out) {
  json fc = json::object();
  fc["type"] = "FeatureCollection";
  json list = json::array();
  for (auto& f : features(d, left_out)) {
    json feature = json::object();
    feature["type"] = "Feature";
    feature["id"] = f.event->id;
    feature["geometry"] = {{"type", "Point"}, {"coordinates", {*f.place->lon, *f.place->lat}}};
    feature["properties"] = std::move(f.properties);
    list.push_back(std::move(feature));
  }
  fc["features"] = std::move(list);
  return fc.dump(2) + "\n";
}

// ---------------------------------------------------------------------------------
// 3. KML
// ---------------------------------------------------------------------------------
std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80                 ? 1
                 : c >= 0xC2 && c <= 0xDF ? 2
                 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4
                                          : 0;
    if (len == 0 || i + len > s.size()) {  // broken UTF-8: left out
      ++i;
      continue;
    }
    bool good = true;
    for (size_t k = 1; k < len; ++k)
      good = good && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
    if (len == 3 && c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        static_cast<unsigned char>(s[i + 2]) >= 0xBE)
      good = false;
    if (!good) {
      ++i;
      continue;
    }
    if (len == 1) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&apos;";
          break;
        case '\r':  // a raw CR would be read back as a line feed (XML's line-end rule)
          out += "&#13;";
          break;
        default:
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += char(c);
      }
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

namespace {
std::string number(double v) { return json(v).dump(); }
}  // namespace

std::string export_kml(const Dataset& d, size_t* left_out) {
  std::string k;
  k += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  k += "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n";
  k += "  <name>" + xml_text(d.title) + "</name>\n";
  if (!d.description.empty()) k += "  <description>" + xml_text(d.description) + "</description>\n";
  for (const auto& f : features(d, left_out)) {
    const Event& e = *f.event;
    k += "  <Placemark>\n";
    k += "    <name>" + xml_text(e.title) + "</name>\n";
    if (!e.notes.empty()) k += "    <description>" + xml_text(e.notes) + "</description>\n";
    if (e.date) {
      std::string a = iso_day(e.date->earliest()), b = iso_day(e.date->latest());
      if (!a.empty() && a == b) {
        k += "    <TimeStamp><when>" + a + "</when></TimeStamp>\n";
      } else if (!a.empty() || !b.empty()) {
        k += "    <TimeSpan>";
        if (!a.empty()) k += "<begin>" + a + "</begin>";
        if (!b.empty()) k += "<end>" + b + "</end>";
        k += "</TimeSpan>\n";
      }
    }
    k += "    <ExtendedData>\n";
    for (auto it = f.properties.begin(); it != f.properties.end(); ++it) {
      std::string value;
      if (it->is_string()) {
        value = it->get<std::string>();
      } else {
        for (const auto& x : *it) value += (value.empty() ? "" : "; ") + x.get<std::string>();
      }
      k += "      <Data name=\"" + xml_text(it.key()) + "\"><value>" + xml_text(value) +
           "</value></Data>\n";
    }
    k += "    </ExtendedData>\n";
    k += "    <Point><coordinates>" + number(*f.place->lon) + "," + number(*f.place->lat) +
         "</coordinates></Point>\n";
    k += "  </Placemark>\n";
  }
  k += "</Document>\n</kml>\n";
  return k;
}

}  // namespace atlas
