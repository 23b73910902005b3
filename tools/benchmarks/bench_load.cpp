// atlas-bench-load FILE [REPEATS] — times load + validate of a dataset file, natively.
// Prints one JSON object: {"bytes", "best_s", "median_s", "mb_per_s", "peak_rss_mb",
// "cjk_scan_ms"} (the last: finding the CJK characters the loaded dataset uses, which the
// app does once per data change).
// MB/s uses the median of the repeats; peak RSS is the process's high-water mark
// (the file's bytes + the parsed document + the model), from getrusage.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "core/dataset_json.hpp"
#include "core/glyphs.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: atlas-bench-load FILE [REPEATS]\n";
    return 2;
  }
  int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  if (!in || bytes.empty()) {
    std::cerr << "atlas-bench-load: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::vector<double> times, scans;
  for (int i = 0; i < repeats; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    auto r = atlas::load_dataset(bytes);
    auto t1 = std::chrono::steady_clock::now();
    if (!r.ok()) {
      std::cerr << "atlas-bench-load: the file has errors\n";
      return 1;
    }
    times.push_back(std::chrono::duration<double>(t1 - t0).count());
    atlas::CodePointSet cjk;
    auto t2 = std::chrono::steady_clock::now();
    atlas::collect_cjk(*r.dataset, cjk);
    auto t3 = std::chrono::steady_clock::now();
    scans.push_back(std::chrono::duration<double, std::milli>(t3 - t2).count());
  }
  std::sort(scans.begin(), scans.end());
  std::sort(times.begin(), times.end());
  double median = times[times.size() / 2];
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  double mb = double(bytes.size()) / 1e6;
  std::printf(
      "{\"bytes\": %zu, \"best_s\": %.4f, \"median_s\": %.4f, \"mb_per_s\": %.2f, "
      "\"peak_rss_mb\": %.1f, \"cjk_scan_ms\": %.3f}\n",
      bytes.size(), times.front(), median, mb / median, double(ru.ru_maxrss) / 1024.0,
      scans[scans.size() / 2]);
  return 0;
}
