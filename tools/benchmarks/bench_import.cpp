// atlas-bench-import FILE.csv [REPEATS] — times a CSV import natively, the whole way the
// app and `atlas convert` go: read (encoding, separator, quotes), guess the mapping, plan
// every row (dates, places, organisations, the loader's check), finish, and add the items
// to an empty dataset as one undoable step (the plan's check holds: not run again). No
// city list.
// Prints one JSON object: {"rows", "bytes", "best_s", "median_s", "rows_per_s", and the
// median seconds of each phase: "read_s", "plan_s", "apply_s"}.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "core/csv_import.hpp"
#include "core/edit.hpp"

namespace {
double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: atlas-bench-import FILE.csv [REPEATS]\n";
    return 2;
  }
  int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  if (!in || bytes.empty()) {
    std::cerr << "atlas-bench-import: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::vector<double> total, read, plan, apply;
  size_t rows = 0;
  for (int i = 0; i < repeats; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    atlas::CsvReadResult csv = atlas::read_csv(bytes);
    if (!csv.ok()) {
      std::cerr << "atlas-bench-import: " << csv.error->to_string() << "\n";
      return 1;
    }
    double t_read = since(t0);
    auto t1 = std::chrono::steady_clock::now();
    atlas::ImportOptions o;
    atlas::Dataset d;
    d.title = "bench";
    atlas::ImportPlan p =
        atlas::plan_csv_import(d, *csv.table, atlas::guess_mapping(csv.table->header()), o);
    atlas::ImportResult r = atlas::finish_import(p, o);
    if (!r.items) {
      std::cerr << "atlas-bench-import: " << r.error << "\n";
      return 1;
    }
    double t_plan = since(t1);
    auto t2 = std::chrono::steady_clock::now();
    atlas::History h;
    std::string error;
    if (!h.apply(d, atlas::Command::add_all(std::move(*r.items), "import", r.checked_ids),
                 &error)) {
      std::cerr << "atlas-bench-import: " << error << "\n";
      return 1;
    }
    double t_apply = since(t2);
    rows = r.events;
    read.push_back(t_read);
    plan.push_back(t_plan);
    apply.push_back(t_apply);
    total.push_back(since(t0));
  }
  double m = median(total);
  std::printf(
      "{\"rows\": %zu, \"bytes\": %zu, \"best_s\": %.4f, \"median_s\": %.4f, \"rows_per_s\": %.0f, "
      "\"read_s\": %.4f, \"plan_s\": %.4f, \"apply_s\": %.4f}\n",
      rows, bytes.size(), *std::min_element(total.begin(), total.end()), m, double(rows) / m,
      median(read), median(plan), median(apply));
  return 0;
}
