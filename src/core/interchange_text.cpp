// interchange_text.cpp — see interchange_text.hpp.
//
// Index
//   1. Ids
//   2. Names, countries, kinds
//   3. HTML
#include "core/interchange_text.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "core/countries.hpp"
#include "core/dataset_json.hpp"  // kMaxIdChars
#include "core/edit.hpp"          // id_base
#include "core/utf8.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Ids
// ---------------------------------------------------------------------------------
IdPool::IdPool(const Dataset& d) {
  ids_.reserve(d.places.size() + d.organisations.size() + d.events.size() +
               d.working_groups.size() + d.stories.size());
  for (const auto& x : d.places) ids_.insert(x.id);
  for (const auto& x : d.organisations) ids_.insert(x.id);
  for (const auto& x : d.events) ids_.insert(x.id);
  for (const auto& x : d.working_groups) ids_.insert(x.id);
  for (const auto& x : d.stories) ids_.insert(x.id);
}

std::string IdPool::fresh(std::string_view name) {
  std::string base = id_base(name);
  if (ids_.insert(base).second) return base;
  size_t& n = next_.try_emplace(base, 2).first->second;
  for (;; ++n) {
    std::string id = base + "-" + std::to_string(n);
    if (ids_.insert(id).second) {
      ++n;
      return id;
    }
  }
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdChars || !std::isalnum(static_cast<unsigned char>(id[0])))
    return false;
  for (char c : id) {
    unsigned char u = static_cast<unsigned char>(c);
    if (!(u < 0x80 && (std::isalnum(u) || c == '-' || c == '_' || c == '.'))) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------
// 2. Names, countries, kinds
// ---------------------------------------------------------------------------------
std::string fold_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isspace(u)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += u < 0x80 ? char(std::tolower(u)) : c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string country_from_text(std::string_view text) {
  std::string f = fold_name(text);
  if (f.size() == 2) {
    std::string code = {char(std::toupper(static_cast<unsigned char>(f[0]))),
                        char(std::toupper(static_cast<unsigned char>(f[1])))};
    if (find_country(code)) return code;
  }
  static const std::pair<const char*, const char*> kAlso[] = {
      {"uk", "GB"},
      {"united kingdom of great britain and northern ireland", "GB"},
      {"great britain", "GB"},
      {"usa", "US"},
      {"u.s.", "US"},
      {"u.s.a.", "US"},
      {"united states of america", "US"},
      {"hong kong sar", "HK"},
      {"hong kong sar, china", "HK"},
      {"macao sar", "MO"},
      {"macau", "MO"},
      {"korea", "KR"},
      {"republic of korea", "KR"},
      {"viet nam", "VN"},
      {"lao pdr", "LA"},
      {"people's republic of china", "CN"},
      {"prc", "CN"},
  };
  for (const auto& [name, code] : kAlso)
    if (f == name) return code;
  size_t n = 0;
  const Country* all = all_countries(n);
  for (size_t i = 0; i < n; ++i)
    if (fold_name(all[i].name) == f) return all[i].code;
  return "";
}

namespace {
// Lower case letters and digits only: "Working-group meeting" -> "workinggroupmeeting".
std::string squash(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80)
      out += char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

std::optional<EventKind> kind_from_text(std::string_view text) {
  std::string s = squash(text);
  if (s.empty()) return std::nullopt;
  for (size_t k = 0; k < size_t(EventKind::Count); ++k) {
    EventKind kind = EventKind(k);
    if (s == squash(to_json_name(kind)) || s == squash(label(kind))) return kind;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------
// 3. HTML
// ---------------------------------------------------------------------------------
namespace {

// The character a reference names ("amp", "#39", "#x2019"); 0 when unknown.
char32_t reference(std::string_view name) {
  if (name.size() > 1 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty() || digits.size() > 7) return 0;
    for (char c : digits)
      if (!(hex ? std::isxdigit(static_cast<unsigned char>(c))
                : std::isdigit(static_cast<unsigned char>(c))))
        return 0;
    unsigned long v = std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10);
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    return char32_t(v);
  }
  static const std::pair<const char*, char32_t> kNamed[] = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},
      {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
      {"hellip", 0x2026}, {"copy", 0xA9},    {"eacute", 0xE9},  {"middot", 0xB7}};
  for (const auto& [n, cp] : kNamed)
    if (name == n) return cp;
  return 0;
}

std::string tag_name(std::string_view tag) {
  size_t i = 0;
  if (i < tag.size() && tag[i] == '/') ++i;
  std::string name;
  while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i])))
    name += char(std::tolower(static_cast<unsigned char>(tag[i++])));
  return name;
}

}  // namespace

std::string text_from_html(std::string_view html) {
  std::string out;
  auto newline = [&]() {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
  };
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      size_t close = html.find('>', i);
      if (close == std::string_view::npos) {  // a lone '<' is text
        out += c;
        ++i;
        continue;
      }
      std::string_view tag = html.substr(i + 1, close - i - 1);
      std::string name = tag_name(tag);
      bool end = !tag.empty() && tag[0] == '/';
      if (name == "br" || (end && (name == "p" || name == "div" || name == "li" || name == "h1" ||
                                   name == "h2" || name == "h3" || name == "h4" || name == "tr")))
        newline();
      i = close + 1;
      continue;
    }
    if (c == '&') {
      size_t semi = html.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        char32_t cp = reference(html.substr(i + 1, semi - i - 1));
        if (cp) {
          append_utf8(out, cp == 0xA0 ? char32_t(' ') : cp);
          i = semi + 1;
          continue;
        }
      }
    }
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';  // HTML's own line breaks are spaces
    if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) {
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
  // No blank lines at either end, at most one blank line between paragraphs.
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  size_t start = out.find_first_not_of("\n ");
  out.erase(0, start == std::string::npos ? out.size() : start);
  std::string tidy;
  int breaks = 0;
  for (char ch : out) {
    breaks = ch == '\n' ? breaks + 1 : 0;
    if (breaks <= 2) tidy += ch;
  }
  return tidy;
}

std::string iso_day(int64_t day) {
  if (day <= edtf::kUnboundedPast || day >= edtf::kUnboundedFuture) return "";
  int64_t y;
  int m, d;
  edtf::civil_from_days(day, y, m, d);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%04lld-%02d-%02d", y < 0 ? "-" : "",
                static_cast<long long>(y < 0 ? -y : y), m, d);
  return buf;
}

std::string html_from_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
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
        out += "&#39;";
        break;
      case '\n':
        out += "<br>";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace atlas
