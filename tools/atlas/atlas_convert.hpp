// atlas_convert.hpp — the `atlas convert` command (atlas_convert.cpp), and `atlas publish`
// (atlas_publish.cpp).
#pragma once

#include <string>
#include <vector>

// `args` are the words after "convert"; `argv0` finds the city list beside the binary.
int cmd_convert(const std::vector<std::string>& args, const char* argv0);

// `args` are the words after "publish".
int cmd_publish(const std::vector<std::string>& args);
