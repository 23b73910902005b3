// countries.hpp — ISO 3166-1 alpha-2 country codes and English display names.
//
// Used to validate the dataset's "country" fields (only officially assigned codes are
// accepted: no user-assigned codes such as XK, no exceptional reservations such as UK or
// EU) and to show a readable country name in the UI. The names are the English short
// names as commonly used ("Vietnam", "South Korea", "Taiwan"), not the formal ISO ones.
#pragma once

#include <cstddef>
#include <string_view>

namespace atlas {

struct Country {
  const char* code;  // two upper-case ASCII letters, e.g. "NZ"
  const char* name;  // English short name, UTF-8, e.g. "New Zealand"
};

// The country with this exact (upper-case) alpha-2 code, or nullptr if the code is not
// officially assigned. No case folding, no trimming: "nz" and "NZL" are not found.
const Country* find_country(std::string_view code);

// The whole table (all 249 assigned codes), sorted by code; its size goes in `count`.
const Country* all_countries(std::size_t& count);

}  // namespace atlas
