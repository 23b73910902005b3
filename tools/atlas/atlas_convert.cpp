// atlas_convert.cpp — `atlas convert IN -o OUT`: from one format of the registry
// (src/core/formats.hpp) to another, with the diagnostics style of `atlas validate`:
//   IN:row 5, column 3 (Date): error: "31/02/2015" is not a date: February 2015 has 28 days
// Exit 0 written; 1 the input has errors (nothing is written); 2 usage or I/O errors.
//
// Index
//   1. Usage and arguments
//   2. The offline city list (gazetteer.bin beside the binary)
//   3. Convert
#include "atlas_convert.hpp"

#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "core/dataset_json.hpp"
#include "core/event_time.hpp"
#include "core/formats.hpp"
#include "core/utf8.hpp"
#include "geo/city_lookup.hpp"
#include "geo/gazetteer.hpp"
#include "platform/file_store.hpp"  // read_file, write_file_atomic

extern "C" const unsigned char atlas_tzdata[];
extern "C" const unsigned long atlas_tzdata_size;

namespace {

// ---------------------------------------------------------------------------------
// 1. Usage and arguments
// ---------------------------------------------------------------------------------
constexpr const char* kConvertUsage =
    "usage: atlas convert IN -o OUT [--from FORMAT] [--to FORMAT] [options]\n"
    "  formats are guessed from the files' names and content; `atlas convert --formats`\n"
    "  lists them. OUT may be - (standard output).\n"
    "reading CSV and TimelineJS:\n"
    "  --day-first | --month-first   how 03/04/2015 reads (asked for when it matters)\n"
    "  --skip-bad-rows               import the good rows of a file with bad ones\n"
    "  --into BASE.json              add to this dataset (its places are matched)\n"
    "  --title TEXT                  title of the new dataset (default: IN's name)\n"
    "  --map FIELD=COLUMN            the column of a field, by header or number\n"
    "                                (FIELD: id title date end_date kind place place_id\n"
    "                                country latitude longitude organisations notes links\n"
    "                                source); --map FIELD= leaves it out\n"
    "  --no-cities                   do not look new places up in the offline city list\n"
    "  --gazetteer PATH              the city list (default: gazetteer.bin beside atlas)\n"
    "writing:\n"
    "  --table events|places|organisations|working-groups   CSV: which table\n"
    "  --excel                       CSV: UTF-8 with a byte order mark, for Excel\n"
    "  --group kind|country|none     TimelineJS: what each event's group is\n";

int usage(const std::string& why) {
  if (!why.empty()) std::cerr << "atlas convert: " << why << "\n";
  std::cerr << kConvertUsage;
  return 2;
}

std::string stem(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  size_t dot = name.find('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// ---------------------------------------------------------------------------------
// 2. The offline city list
// ---------------------------------------------------------------------------------
// The gazetteer the build makes (build/desktop/gazetteer.bin) sits beside the binary.
std::string default_gazetteer(const char* argv0) {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) exe = std::filesystem::absolute(argv0, ec);
  return (exe.parent_path() / "gazetteer.bin").string();
}

}  // namespace

// ---------------------------------------------------------------------------------
// 3. Convert
// ---------------------------------------------------------------------------------
// `atlas convert --formats`: the registry, a line each.
int list_formats() {
  for (const auto& f : atlas::formats()) {
    std::cout << f.name << "  " << (f.read ? "in" : "  ") << (f.read && f.write ? "/" : " ")
              << (f.write ? "out" : "   ") << "  " << f.description;
    for (size_t i = 0; i < f.extensions.size(); ++i)
      std::cout << (i ? " " : "  (") << f.extensions[i]
                << (i + 1 == f.extensions.size() ? ")" : "");
    std::cout << "\n";
  }
  return 0;
}

// What the command line asked for.
struct ConvertArgs {
  std::string in, out, from, to, into, gazetteer_path;
  bool cities = true, title_given = false;
  atlas::ConvertOptions o;
};

// Reads the options into `c`: 0 when they are complete, else the exit status (usage
// already said what is wrong).
int parse_convert_args(const std::vector<std::string>& args, ConvertArgs& c) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& v) {
      if (i + 1 >= args.size()) return false;
      v = args[++i];
      return true;
    };
    std::string v;
    if (a == "-o" || a == "--output") {
      if (!value(c.out)) return usage("-o needs a file");
    } else if (a == "--from") {
      if (!value(c.from)) return usage("--from needs a format");
    } else if (a == "--to") {
      if (!value(c.to)) return usage("--to needs a format");
    } else if (a == "--day-first") {
      c.o.import.day_month = atlas::DayMonthOrder::DayFirst;
    } else if (a == "--month-first") {
      c.o.import.day_month = atlas::DayMonthOrder::MonthFirst;
    } else if (a == "--skip-bad-rows") {
      c.o.import.skip_bad_rows = true;
    } else if (a == "--into") {
      if (!value(c.into)) return usage("--into needs a file");
    } else if (a == "--title") {
      if (!value(c.o.title)) return usage("--title needs a text");
      c.title_given = true;
    } else if (a == "--map") {
      if (!value(v) || v.find('=') == std::string::npos) return usage("--map takes FIELD=COLUMN");
      auto field = atlas::field_from_name(v.substr(0, v.find('=')));
      if (!field) return usage("--map: no field is called \"" + v.substr(0, v.find('=')) + "\"");
      c.o.columns.emplace_back(*field, v.substr(v.find('=') + 1));
    } else if (a == "--no-cities") {
      c.cities = false;
    } else if (a == "--gazetteer") {
      if (!value(c.gazetteer_path)) return usage("--gazetteer needs a file");
    } else if (a == "--table") {
      auto t = value(v) ? atlas::csv_table_from_name(v) : std::nullopt;
      if (!t) return usage("--table takes events, places, organisations or working-groups");
      c.o.table = *t;
    } else if (a == "--excel") {
      c.o.excel = true;
    } else if (a == "--group") {
      if (!value(v)) return usage("--group takes kind, country or none");
      if (v == "kind")
        c.o.timeline.group = atlas::TimelineJsOptions::Group::Kind;
      else if (v == "country")
        c.o.timeline.group = atlas::TimelineJsOptions::Group::Country;
      else if (v == "none")
        c.o.timeline.group = atlas::TimelineJsOptions::Group::None;
      else
        return usage("--group takes kind, country or none");
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return usage("unknown option " + a);
    } else if (c.in.empty()) {
      c.in = a;
    } else {
      return usage("one input file at a time (" + c.in + ", then " + a + ")");
    }
  }
  if (c.in.empty() || c.out.empty())
    return usage(c.in.empty() ? "no input file" : "no output file (-o OUT)");

  return 0;
}

// The files beside the input: the dataset to add to (--into) and the offline city list.
// 0, or the exit status after saying what failed.
int load_side_inputs(ConvertArgs& c, const char* argv0) {
  if (!c.into.empty()) {
    std::string base;
    if (!atlas::read_file(c.into, base)) {
      std::cerr << c.into << ": cannot read the file\n";
      return 2;
    }
    auto r = atlas::load_dataset(base);
    for (const auto& d : r.diagnostics) std::cerr << c.into << ":" << d.to_string() << "\n";
    if (!r.ok()) return 1;
    c.o.into = std::move(r.dataset);
  }
  if (!c.title_given) c.o.title = stem(c.in);
  if (c.cities) {
    std::string path = c.gazetteer_path.empty() ? default_gazetteer(argv0) : c.gazetteer_path;
    std::string asset, error;
    auto g = std::make_shared<atlas::geo::Gazetteer>();
    if (atlas::read_file(path, asset) &&
        atlas::geo::load_gazetteer(asset.data(), asset.size(), *g, error)) {
      // The lookup holds the list: keep it alive as long as the options are.
      c.o.import.cities = [g, find = atlas::geo::city_lookup(*g)](std::string_view name,
                                                                  std::string_view country) {
        return find(name, country);
      };
    } else if (!c.gazetteer_path.empty()) {
      std::cerr << path << ": " << (error.empty() ? "cannot read the file" : error) << "\n";
      return 2;
    } else {
      std::cerr << "atlas convert: warning: the offline city list (" << path
                << ") is missing: new places get coordinates only from the file\n";
    }
  }
  return 0;
}

// A calendar's stamp, and the zones when an event has a time in one. The zones are built
// in (the web fetches them); unpacked only for a calendar that needs them.
static bool prepare_calendar(atlas::ConvertOptions& o, const atlas::Dataset& d,
                             std::optional<atlas::tz::ZoneDb>& zones) {
  o.ical.now_utc = int64_t(std::time(nullptr));
  if (!atlas::needs_zone_data(d)) return true;
  std::string error;
  zones = atlas::tz::ZoneDb::load(
      std::string_view(reinterpret_cast<const char*>(atlas_tzdata), atlas_tzdata_size), &error);
  if (!zones) {
    std::cerr << "atlas convert: the built-in time zones are damaged: " << error << "\n";
    return false;
  }
  o.ical.zones = &*zones;
  return true;
}

int cmd_convert(const std::vector<std::string>& args, const char* argv0) {
  if (args.size() == 1 && args[0] == "--formats") return list_formats();
  ConvertArgs c;
  if (int status = parse_convert_args(args, c)) return status;
  std::string bytes;
  if (!atlas::read_file(c.in, bytes)) {
    std::cerr << c.in << ": cannot read the file\n";
    return 2;
  }
  const atlas::Format* src =
      c.from.empty() ? atlas::guess_format(c.in, bytes, true) : atlas::find_format(c.from);
  const atlas::Format* dst =
      c.to.empty() ? atlas::guess_format(c.out, "", false) : atlas::find_format(c.to);
  if (!src || !src->read)
    return usage(c.from.empty()
                     ? "cannot tell the format of " + c.in + ": give --from"
                     : "\"" + c.from + "\" is not a format that can be read (see --formats)");
  if (!dst || !dst->write)
    return usage(c.to.empty()
                     ? "cannot tell the format for " + c.out + " from its name: give --to"
                     : "\"" + c.to + "\" is not a format that can be written (see --formats)");

  if (int status = load_side_inputs(c, argv0)) return status;
  if (c.out.size() >= 4 && c.out.compare(c.out.size() - 4, 4, ".tsv") == 0) c.o.separator = '\t';

  atlas::ReadOutcome r = src->read(bytes, c.o);
  size_t errors = 0, warnings = 0;
  for (const auto& p : r.problems) {
    std::cerr << atlas::terminal_safe(c.in) << ":" << atlas::terminal_safe(p.to_string()) << "\n";
    (p.severity == atlas::Severity::Error ? errors : warnings)++;
  }
  if (!r.dataset) {
    std::cerr << c.in << ": not converted (" << errors << " error" << (errors == 1 ? "" : "s")
              << ", " << warnings << " warning" << (warnings == 1 ? "" : "s")
              << "); nothing was written\n";
    return 1;
  }
  std::optional<atlas::tz::ZoneDb> zones;
  if (std::string_view(dst->name) == "ics" && !prepare_calendar(c.o, *r.dataset, zones)) return 2;
  atlas::WriteOutcome w = dst->write(*r.dataset, c.o);
  if (!w.error.empty()) {
    std::cerr << c.out << ": " << w.error << "\n";
    return 1;
  }
  if (c.out == "-") {
    std::cout << w.bytes;
    if (!std::cout.good()) return 2;
  } else {
    // The app's own atomic write: a failed write never destroys the old file.
    std::string error = atlas::write_file_atomic(c.out, w.bytes);
    if (!error.empty()) {
      std::cerr << c.out << ": " << error << "\n";
      return 2;
    }
  }
  std::cerr << c.in << " (" << src->name << ") -> " << c.out << " (" << dst->name << ")";
  std::vector<std::string> notes = r.notes;
  notes.insert(notes.end(), w.notes.begin(), w.notes.end());
  for (size_t i = 0; i < notes.size(); ++i) std::cerr << (i ? "; " : ": ") << notes[i];
  std::cerr << " (" << warnings << " warning" << (warnings == 1 ? "" : "s") << ")\n";
  return 0;
}
