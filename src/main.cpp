// main.cpp — wiring only: command-line options, then the platform's frame loop.
//
//   coalition-atlas [FILE.json] [--frames N] [--screenshot PATH] [--scale S] [--dark]
//                   [--size WxH] [--data-dir DIR] [--select ID] [--present STEP]
//                   [--export-png PATH] [--lang LANGUAGE]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/i18n.hpp"
#include "platform/platform.hpp"

int main(int argc, char** argv) {
  atlas::platform::Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "coalition-atlas: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--frames")
      opt.frames = std::atoi(value());
    else if (a == "--screenshot")
      opt.screenshot = value();
    else if (a == "--scale")
      opt.scale = float(std::atof(value()));
    else if (a == "--dark")
      opt.dark = true;
    else if (a == "--data-dir")
      opt.data_dir = value();
    else if (a == "--select")
      opt.select = value();
    else if (a == "--print-field-rect")
      opt.print_field = value();
    else if (a == "--print-missing-glyphs")
      opt.print_glyphs = value();
    else if (a == "--print-labels")
      opt.print_labels = true;
    else if (a == "--present")
      opt.present_step = std::atoi(value());
    else if (a == "--export-png")
      opt.export_png = value();
    else if (a == "--lang") {  // the UI's language: "en", "pseudo", or a po/ catalog's
      const char* lang = value();
      if (!atlas::i18n::set_locale(lang)) {
        std::string known;
        for (const std::string& l : atlas::i18n::available_locales()) known += " " + l;
        std::fprintf(stderr, "coalition-atlas: --lang %s: no such language (there are:%s)\n", lang,
                     known.c_str());
        return 2;
      }
    } else if (a == "--size") {
      if (std::sscanf(value(), "%dx%d", &opt.width, &opt.height) != 2) {
        std::fprintf(stderr, "coalition-atlas: --size takes WIDTHxHEIGHT, like 1280x800\n");
        return 2;
      }
    } else if (a == "--help" || a == "-h") {
      std::printf(
          "usage: coalition-atlas [FILE.json] [--frames N] [--screenshot PATH] [--scale S] "
          "[--dark] [--size WxH] [--data-dir DIR] [--select ID] [--present STEP]\n"
          "                       [--export-png PATH] [--lang LANGUAGE]\n");
      return 0;
    } else if (!a.empty() && a[0] != '-' && opt.open_path.empty()) {
      opt.open_path = a;  // a dataset to open
    } else {
      std::fprintf(stderr, "coalition-atlas: unknown option %s (try --help)\n", a.c_str());
      return 2;
    }
  }
  if (!opt.screenshot.empty() && opt.frames <= 0) opt.frames = 5;
  return atlas::platform::run(opt);
}
