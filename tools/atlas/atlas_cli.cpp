// atlas — the command-line tool for Coalition Atlas datasets, built from the same core
// library as the app.
//
//   atlas validate FILE…        diagnostics; exit 0 no errors, 1 errors, 2 usage/IO
//   atlas format FILE [-o OUT]  canonical rewrite (stdout, or OUT written atomically)
//   atlas stats FILE            counts by kind, country and sector; the date span
//   atlas date EXPR…            explains EDTF values; exit 1 if any is invalid
//   atlas convert IN -o OUT     other formats in and out (atlas_convert.cpp)
//   atlas publish DATA -o DIR   a static read-only site of the dataset (atlas_publish.cpp)
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "atlas_convert.hpp"
#include "core/countries.hpp"
#include "core/dataset_json.hpp"
#include "core/summary.hpp"
#include "core/utf8.hpp"
#include "platform/file_store.hpp"  // read_file, write_file_atomic

namespace {

constexpr const char* kUsage =
    "usage: atlas validate FILE...\n"
    "       atlas format FILE [-o OUT]\n"
    "       atlas stats FILE\n"
    "       atlas date EXPR...\n"
    "       atlas convert IN -o OUT [--from FORMAT] [--to FORMAT] [options]\n"
    "       atlas publish DATA.json -o DIR [--story ID] [--site SITE]\n"
    "       atlas --version\n";

// Text from a file or the command line, printed so no control character in it reaches
// the terminal (an escape sequence, a right-to-left override): written as \\u{…}.
std::string safe(std::string_view s) { return atlas::terminal_safe(s); }

std::string day_text(int64_t day) {
  if (day <= atlas::edtf::kUnboundedPast) return "open (no earliest day)";
  if (day >= atlas::edtf::kUnboundedFuture) return "open (no latest day)";
  int64_t y;
  int m, d;
  atlas::edtf::civil_from_days(day, y, m, d);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%04lld-%02d-%02d", y < 0 ? "-" : "",
                static_cast<long long>(y < 0 ? -y : y), m, d);
  return buf;
}

int cmd_validate(const std::vector<std::string>& files) {
  if (files.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  bool errors = false, io = false;
  for (const auto& f : files) {
    std::string bytes;
    if (!atlas::read_file(f, bytes)) {
      std::cerr << safe(f) << ": cannot read the file\n";
      io = true;
      continue;
    }
    auto r = atlas::load_dataset(bytes);
    for (const auto& d : r.diagnostics) std::cout << safe(f) << ":" << safe(d.to_string()) << "\n";
    size_t ne = atlas::count(r.diagnostics, atlas::Severity::Error);
    size_t nw = atlas::count(r.diagnostics, atlas::Severity::Warning);
    std::cout << safe(f) << ": " << (ne ? "invalid" : "valid") << " (" << ne << " error"
              << (ne == 1 ? "" : "s") << ", " << nw << " warning" << (nw == 1 ? "" : "s") << ")\n";
    errors |= ne > 0;
  }
  return io ? 2 : errors ? 1 : 0;
}

int cmd_format(const std::vector<std::string>& args) {
  std::string in, out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" && i + 1 < args.size())
      out = args[++i];
    else if (in.empty())
      in = args[i];
    else {
      std::cerr << kUsage;
      return 2;
    }
  }
  if (in.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  std::string bytes;
  if (!atlas::read_file(in, bytes)) {
    std::cerr << safe(in) << ": cannot read the file\n";
    return 2;
  }
  auto r = atlas::load_dataset(bytes);
  for (const auto& d : r.diagnostics) std::cerr << safe(in) << ":" << safe(d.to_string()) << "\n";
  if (!r.ok()) return 1;
  std::string text = atlas::save_dataset(*r.dataset);
  if (out.empty()) {
    std::cout << text;
    return std::cout.good() ? 0 : 2;
  }
  // The app's own atomic write: a failed write never destroys the old file.
  std::string error = atlas::write_file_atomic(out, text);
  if (!error.empty()) {
    std::cerr << safe(out) << ": " << safe(error) << "\n";
    return 2;
  }
  return 0;
}

int cmd_stats(const std::vector<std::string>& args) {
  if (args.size() != 1) {
    std::cerr << kUsage;
    return 2;
  }
  std::string bytes;
  if (!atlas::read_file(args[0], bytes)) {
    std::cerr << safe(args[0]) << ": cannot read the file\n";
    return 2;
  }
  auto r = atlas::load_dataset(bytes);
  if (!r.ok()) {
    for (const auto& d : r.diagnostics)
      std::cerr << safe(args[0]) << ":" << safe(d.to_string()) << "\n";
    return 1;
  }
  const auto& ds = *r.dataset;
  auto s = atlas::summarize(ds);
  std::cout << "title: " << safe(ds.title) << "\n"
            << "events: " << s.events << "\n"
            << "working groups: " << s.working_groups << "\n"
            << "places: " << s.places << "\n"
            << "organisations: " << s.organisations << "\n";
  std::cout << "events by kind:\n";
  for (size_t k = 0; k < size_t(atlas::EventKind::Count); ++k)
    if (s.events_by_kind[k])
      std::cout << "  " << atlas::label(atlas::EventKind(k)) << ": " << s.events_by_kind[k] << "\n";
  auto country_name = [](const std::string& code) {
    const atlas::Country* c = atlas::find_country(code);
    return c ? std::string(c->name) + " (" + code + ")" : code;
  };
  std::cout << "events by country:\n";
  for (const auto& [code, n] : s.events_by_country)
    std::cout << "  " << country_name(code) << ": " << n << "\n";
  if (s.events_without_place) std::cout << "  (no place): " << s.events_without_place << "\n";
  std::cout << "working groups by country:\n";
  for (const auto& [code, n] : s.working_groups_by_country)
    std::cout << "  " << country_name(code) << ": " << n << "\n";
  std::cout << "organisations by sector:\n";
  for (size_t k = 0; k < size_t(atlas::Sector::Count); ++k)
    if (s.organisations_by_sector[k])
      std::cout << "  " << atlas::label(atlas::Sector(k)) << ": " << s.organisations_by_sector[k]
                << "\n";
  if (s.has_dates)
    std::cout << "dates span: " << day_text(s.earliest_day) << " to " << day_text(s.latest_day)
              << "\n";
  if (s.events_without_date)
    std::cout << "events without a date: " << s.events_without_date << "\n";
  return 0;
}

int cmd_date(std::vector<std::string> exprs) {
  // "--" ends the options, so a value starting with a minus reads as a date: -- -0100
  if (!exprs.empty() && exprs.front() == "--") exprs.erase(exprs.begin());
  if (exprs.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  bool bad = false;
  for (const auto& e : exprs) {
    auto r = atlas::edtf::parse(e);
    if (!r.value) {
      std::cout << safe(e) << ": invalid: " << safe(r.error) << "\n";
      bad = true;
      continue;
    }
    const auto& v = *r.value;
    std::cout << safe(e) << "\n"
              << "  meaning:     " << atlas::edtf::describe(v, atlas::edtf::Language::english)
              << "\n"
              << "  earliest:    " << day_text(v.earliest()) << "\n"
              << "  latest:      " << day_text(v.latest()) << "\n";
    auto show_end = [](const char* name, atlas::edtf::End kind, const atlas::edtf::Date& d) {
      std::cout << "  " << name;
      if (kind == atlas::edtf::End::Open)
        std::cout << "open (..)\n";
      else if (kind == atlas::edtf::End::Unknown)
        std::cout << "unknown (empty)\n";
      else
        std::cout << atlas::edtf::precision_name(d.precision())
                  << (d.uncertain ? ", uncertain (?)" : "")
                  << (d.approximate ? ", approximate (~)" : "") << "\n";
    };
    if (v.interval) {
      std::cout << "  kind:        interval\n";
      show_end("start:       ", v.start_kind, v.start);
      show_end("end:         ", v.end_kind, v.end);
    } else {
      std::cout << "  kind:        date\n";
      show_end("precision:   ", atlas::edtf::End::Date, v.start);
    }
  }
  return bad ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  std::string cmd = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (cmd == "validate") return cmd_validate(args);
  if (cmd == "format") return cmd_format(args);
  if (cmd == "stats") return cmd_stats(args);
  if (cmd == "date") return cmd_date(args);
  if (cmd == "convert") return cmd_convert(args, argv[0]);
  if (cmd == "publish") return cmd_publish(args);
  if (cmd == "--version" || cmd == "version") {
    std::cout << "atlas (Coalition Atlas) format version " << atlas::kFormatVersion << "\n";
    return 0;
  }
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kUsage;
    return 0;
  }
  std::cerr << "atlas: unknown command \"" << safe(cmd) << "\"\n" << kUsage;
  return 2;
}
