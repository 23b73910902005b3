// dataset_json.cpp — load, validate and save the dataset.
//
// Index
//   1. Parsing: a SAX builder with a depth limit and duplicate-key detection;
//      syntax errors become a line and column
//   2. Reader: walks the document, fills the model, one diagnostic per problem
//   3. Migrations: where older format versions are brought up to date
//   4. Cross-checks shared with validate_dataset (ids, references, ranges)
//   5. Save: canonical output
#include "core/dataset_json.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>
#include <unordered_map>

#include "core/countries.hpp"
#include "core/utf8.hpp"

namespace atlas {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

namespace {

// Collects diagnostics up to a cap, so a 50 MB file of mistakes stays small.
class Sink {
 public:
  explicit Sink(std::vector<Diagnostic>& out) : out_(out) {}
  void add(Severity s, std::string pointer, std::string message, int line = 0, int col = 0) {
    if (out_.size() < kMaxDiagnostics) {
      out_.push_back({s, std::move(pointer), std::move(message), line, col});
    } else {
      ++dropped_;
    }
  }
  void error(std::string p, std::string m) { add(Severity::Error, std::move(p), std::move(m)); }
  void warn(std::string p, std::string m) { add(Severity::Warning, std::move(p), std::move(m)); }
  bool has_errors() const { return atlas::has_errors(out_); }
  void finish() {
    if (dropped_ > 0)
      out_.push_back({Severity::Warning, "",
                      "and " + std::to_string(dropped_) + " more problems not listed", 0, 0});
  }

 private:
  std::vector<Diagnostic>& out_;
  size_t dropped_ = 0;
};

std::string quote(std::string_view s) {
  // Short, printable rendering of a value inside a message: cut at a character
  // boundary, control characters and broken UTF-8 shown as '?'.
  std::string out = "\"";
  size_t chars = 0;
  for (size_t i = 0; i < s.size();) {
    if (++chars > 60) {
      out += "…";
      break;
    }
    const size_t start = i;
    const char32_t cp = next_code_point(s, i);  // ill-formed: kInvalidCodePoint, one byte
    if (cp == kInvalidCodePoint || cp < 0x20 || cp == 0x7F)
      out += '?';
    else
      out += s.substr(start, i - start);
  }
  return out + "\"";
}

// A number as people write it: 91, 22.28, -180.5 (not 91.0).
std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "true/false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "a number";
    case json::value_t::string:
      return "text";
    case json::value_t::array:
      return "a list";
    case json::value_t::object:
      return "an object";
    default:
      return "an unsupported value";
  }
}

// ---------------------------------------------------------------------------------
// 1. Parsing
// ---------------------------------------------------------------------------------

// Builds a json DOM like nlohmann's own, but stops at kMaxDepth (no deep recursion
// later) and reports duplicate keys instead of silently keeping the last one.
class Builder : public nlohmann::json_sax<json> {
 public:
  explicit Builder(Sink& sink) : sink_(sink) {}

  json root;
  bool too_deep = false;
  std::string too_deep_at;  // the pointer to the container holding the too-deep value
  bool syntax_failed = false;
  size_t error_pos = 0;
  std::string error_text;

  bool null() override { return put(json(nullptr)); }
  bool boolean(bool v) override { return put(json(v)); }
  bool number_integer(number_integer_t v) override { return put(json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return put(json(v)); }
  bool number_float(number_float_t v, const string_t&) override { return put(json(v)); }
  bool string(string_t& v) override { return put(json(std::move(v))); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(json::object()); }
  bool key(string_t& k) override {
    json* obj = stack_.back();
    if (obj->contains(k)) {
      sink_.error(
          path() + "/" + pointer_token(k),
          "the field " + quote(k) + " appears twice in the same object; keep only one of them");
    }
    key_ = std::move(k);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t pos, const std::string& /*token*/,
                   const nlohmann::detail::exception& ex) override {
    syntax_failed = true;
    error_pos = pos;
    error_text = ex.what();
    return false;
  }

 private:
  Sink& sink_;
  std::vector<json*> stack_;
  std::vector<std::string> keys_;  // the key under which each open container sits
  std::string key_;

  std::string path() const {
    std::string p;
    for (size_t i = 1; i < stack_.size(); ++i) p += "/" + pointer_token(keys_[i]);
    return p;
  }
  json* insert(json&& v, std::string& where) {
    if (stack_.empty()) {
      root = std::move(v);
      where.clear();
      return &root;
    }
    json* parent = stack_.back();
    if (parent->is_array()) {
      where = std::to_string(parent->size());
      parent->push_back(std::move(v));
      return &parent->back();
    }
    where = key_;
    json& slot = (*parent)[key_];
    slot = std::move(v);
    return &slot;
  }
  bool put(json&& v) {
    std::string where;
    insert(std::move(v), where);
    return true;
  }
  bool open(json&& v) {
    if (stack_.size() >= size_t(kMaxDepth)) {
      too_deep = true;
      too_deep_at = path();
      return false;
    }
    std::string where;
    json* slot = insert(std::move(v), where);
    stack_.push_back(slot);
    keys_.push_back(where);
    return true;
  }
  bool close() {
    stack_.pop_back();
    keys_.pop_back();
    return true;
  }
};

// Where the offending token starts. nlohmann reports the position after the last
// character it read, which for a string or a word is its end; people look for the
// start of the thing that is wrong.
size_t token_start(std::string_view text, size_t pos, const std::string& error_text) {
  if (text.empty()) return 0;
  size_t i = std::min(pos, text.size());
  if (i == 0) return 0;
  --i;
  auto has = [&](const char* s) { return error_text.find(s) != std::string::npos; };
  auto wordy = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-';
  };
  // Inside a string: point at the escape or the first byte that is not UTF-8.
  if (has("ill-formed UTF-8")) {
    while (i > 0 && static_cast<unsigned char>(text[i - 1]) >= 0x80) --i;
    return i;
  }
  if (has("after backslash") || has("hex digits") || has("surrogate")) {
    size_t j = i + 1;
    while (j-- > 0)
      if (text[j] == '\\') return j;
    return i;
  }
  // A closing bracket right after a comma: the comma is the mistake.
  if (text[i] == ']' || text[i] == '}') {
    size_t j = i;
    while (j > 0 && std::isspace(static_cast<unsigned char>(text[j - 1]))) --j;
    if (j > 0 && text[j - 1] == ',') return j - 1;
  }
  if (text[i] == '"') {
    // The closing quote of a string: walk back to its unescaped opening quote.
    for (size_t j = i; j-- > 0;) {
      if (text[j] != '"') continue;
      size_t slashes = 0;
      while (j > slashes && text[j - 1 - slashes] == '\\') ++slashes;
      if (slashes % 2 == 0) return j;
    }
    return i;
  }
  // A number or word cut short ("1." then a line break) fails on the character after
  // it: step back onto the word.
  bool word_error = has("invalid number") || has("invalid literal");
  if (word_error && !wordy(text[i]) && i > 0 && wordy(text[i - 1])) --i;
  if (wordy(text[i])) {
    while (i > 0 && wordy(text[i - 1])) --i;
  }
  return i;
}

// Line and column (1-based, columns in characters) of the byte at `at`.
void line_column(std::string_view text, size_t at, int& line, int& col) {
  line = 1;
  col = 1;
  size_t end = std::min(at, text.size());
  for (size_t i = 0; i < end; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool continuation =
        (c & 0xC0) == 0x80 && i > 0 && static_cast<unsigned char>(text[i - 1]) >= 0x80;
    if (c == '\n') {
      ++line;
      col = 1;
    } else if (!continuation) {
      ++col;
    }
  }
}

// A sentence for a syntax error at byte `at`, from nlohmann's technical message.
std::string syntax_message(const std::string& error_text, std::string_view text, size_t at) {
  std::string detail = error_text;
  auto dash = detail.find(" - ");
  if (dash != std::string::npos) detail = detail.substr(dash + 3);
  auto last = detail.find("; last read:");
  if (last != std::string::npos) detail = detail.substr(0, last);
  auto has = [&](const char* s) { return detail.find(s) != std::string::npos; };

  // The word in the file at the error, if it is one (NaN, Infinity, True, 0x1F…).
  std::string word;
  for (size_t i = at; i < text.size() && word.size() < 40; ++i) {
    char c = text[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-')) break;
    word += c;
  }
  std::string bare = word;
  if (!bare.empty() && (bare[0] == '-' || bare[0] == '+')) bare.erase(0, 1);
  char here = at < text.size() ? text[at] : '\0';

  if (bare == "NaN" || bare == "Infinity" || bare == "nan" || bare == "inf" || bare == "infinity")
    return "NaN and Infinity are not allowed in JSON; write a number or leave the field out";
  if (has("number overflow")) return "the number " + quote(word) + " is far too large to be stored";
  if (has("ill-formed UTF-8")) return "the text is not valid UTF-8 (save the file as UTF-8)";
  if (has("surrogate"))
    return "a \\u escape is half of a UTF-16 surrogate pair, which is not a character";
  if (has("control character"))
    return "a text value contains a raw control character (such as a tab or a line break); "
           "write it as an escape like \\n or \\t";
  if (has("unexpected end of input") || (has("missing closing quote") && at >= text.size()))
    return "the file ends too early: something is not closed (a bracket, a brace or a quote)";
  if (has("expected end of input"))
    return "there is more after the end of the data: a file holds exactly one JSON object";
  if (has("hex digits"))
    return "a \\u escape needs exactly four hexadecimal digits (0–9, A–F), like \\u00e9";
  if (has("missing closing quote")) return "a text value is not closed with a double quote";
  if (here == ',' && (has("unexpected ']'") || has("unexpected '}'"))) {
    size_t j = at + 1;
    while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
    if (j < text.size() && (text[j] == ']' || text[j] == '}'))
      return std::string("a comma before \"") + text[j] + "\" is not allowed in JSON";
  }
  if (has("number literal") && word.size() > 1 && word[0] == '0' &&
      std::isdigit(static_cast<unsigned char>(word[1])))
    return "numbers cannot start with a zero: write 1, not 01";
  if (here == '\'') return "text must be in double quotes (\"like this\"), not single quotes";
  if (here == '/' && at + 1 < text.size() && (text[at + 1] == '/' || text[at + 1] == '*'))
    return "comments are not allowed in JSON";
  if (error_text.find("object key") != std::string::npos && here != '"' && here != '}')
    return "a field name must be text in double quotes, like \"title\"";
  if (has("or a literal"))
    return std::string("a value is missing before ") +
           (here ? quote(std::string(1, here)) : "the end");
  if (has("after backslash"))
    return "a backslash in text must be followed by one of \" \\ / b f n r t u";
  if (has("expected ':'")) return "a colon (:) is missing between a field's name and its value";
  if (has("expected '}'") || has("expected ']'"))
    return has("expected '}'") ? "a comma is missing between two fields, or a \"}\" is missing"
                               : "a comma is missing between two values, or a \"]\" is missing";
  if (has("object key")) return "a field name must be text in double quotes";
  if (!word.empty() && (std::isdigit(static_cast<unsigned char>(bare.empty() ? 'x' : bare[0])) ||
                        word[0] == '+' || word[0] == '.'))
    return "the number " + quote(word) +
           " is not written as JSON allows (no leading zeros or '+', digits on both sides "
           "of a decimal point)";
  if (!word.empty())
    return "this is not a JSON value: " + quote(word) +
           " (text needs double quotes; true, false and null are lower case)";
  return "the file is not valid JSON here: " + detail;
}

// ---------------------------------------------------------------------------------
// 2. Reader
// ---------------------------------------------------------------------------------

class Reader {
 public:
  explicit Reader(Sink& sink) : sink_(sink) {}

  // Fields of `obj` this version knows; the others go to `extra` with a warning.
  void keep_unknown(const json& obj, const std::string& ptr,
                    std::initializer_list<const char*> known, Extra& extra) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool is_known = false;
      for (const char* k : known)
        if (it.key() == k) is_known = true;
      if (!is_known) {
        sink_.warn(ptr + "/" + pointer_token(it.key()),
                   "unknown field " + quote(it.key()) +
                       " is not used by this version; it is kept and written back unchanged");
        extra[it.key()] = it.value();
      }
    }
  }

  bool is_object(const json& v, const std::string& ptr, const char* what) {
    if (v.is_object()) return true;
    sink_.error(ptr, std::string(what) + " must be an object ({…}), not " + type_name(v));
    return false;
  }

  // Text field. Returns false when missing-and-required or wrong.
  bool text(const json& obj, const char* key, const std::string& ptr, std::string& out,
            bool required, size_t max_chars) {
    auto it = obj.find(key);
    std::string p = ptr + "/" + key;
    if (it == obj.end()) {
      if (required) sink_.error(ptr, std::string("the field \"") + key + "\" is missing");
      return !required;
    }
    if (!it->is_string()) {
      sink_.error(p, std::string("\"") + key + "\" must be text, not " + type_name(*it));
      return false;
    }
    const std::string& s = it->get_ref<const std::string&>();
    if (!is_valid_utf8(s)) {
      sink_.error(p, "the text is not valid UTF-8");
      return false;
    }
    size_t n = utf8_length(s);
    if (n > max_chars) {
      sink_.error(p, "the text is too long: " + std::to_string(n) + " characters, at most " +
                         std::to_string(max_chars) + " are allowed here");
      return false;
    }
    if (required && s.empty()) {
      sink_.error(p, std::string("\"") + key + "\" must not be empty");
      return false;
    }
    out = s;
    return true;
  }

  bool id(const json& obj, const std::string& ptr, std::string& out) {
    if (!text(obj, "id", ptr, out, true, kMaxIdChars)) return false;
    return check_id_syntax(out, ptr + "/id");
  }

  bool check_id_syntax(const std::string& s, const std::string& p) {
    bool ok = !s.empty() && std::isalnum(static_cast<unsigned char>(s[0]));
    for (char c : s)
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
        ok = false;
    if (!ok)
      sink_.error(p, "the id " + quote(s) +
                         " may use only letters (A–Z, a–z), digits, '-', '_' and '.', and must "
                         "start with a letter or a digit");
    return ok;
  }

  bool country(const json& obj, const std::string& ptr, std::string& out, bool required) {
    if (!text(obj, "country", ptr, out, required, 10)) return false;
    if (out.empty() && !required) return true;
    if (find_country(out)) return true;
    std::string upper = out;
    for (char& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
    std::string hint = (upper != out && find_country(upper))
                           ? "; country codes are upper case: \"" + upper + "\""
                           : " (use the two-letter ISO 3166-1 code, such as \"NZ\" or \"PH\")";
    sink_.error(ptr + "/country", quote(out) + " is not a country code" + hint);
    return false;
  }

  bool date(const json& obj, const char* key, const std::string& ptr,
            std::optional<edtf::Value>& out) {
    std::string s;
    if (!text(obj, key, ptr, s, false, 100)) return false;
    if (obj.find(key) == obj.end()) return true;
    auto r = edtf::parse(s);
    if (!r.value) {
      sink_.error(ptr + "/" + key, quote(s) + " is not a valid date: " + r.error);
      return false;
    }
    out = r.value;
    return true;
  }

  template <typename E, typename From>
  bool vocab(const json& obj, const char* key, const std::string& ptr, E& out, From from,
             const std::string& allowed) {
    std::string s;
    if (!text(obj, key, ptr, s, true, 100)) return false;
    auto v = from(s);
    if (!v) {
      sink_.error(ptr + "/" + key, quote(s) + " is not a known " + key + "; use " + allowed);
      return false;
    }
    out = *v;
    return true;
  }

  // Optional array field; calls fn(element, pointer) for each element.
  template <typename Fn>
  bool array(const json& obj, const char* key, const std::string& ptr, Fn fn) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    std::string p = ptr + "/" + key;
    if (!it->is_array()) {
      sink_.error(p, std::string("\"") + key + "\" must be a list ([…]), not " + type_name(*it));
      return false;
    }
    for (size_t i = 0; i < it->size(); ++i) fn((*it)[i], p + "/" + std::to_string(i));
    return true;
  }

  bool coordinate(const json& obj, const char* key, const std::string& ptr, double limit,
                  std::optional<double>& out) {
    auto it = obj.find(key);
    if (it == obj.end()) return true;
    std::string p = ptr + "/" + key;
    if (!it->is_number()) {
      sink_.error(p, std::string("\"") + key + "\" must be a number, not " + type_name(*it));
      return false;
    }
    double v = it->get<double>();
    if (!std::isfinite(v) || v < -limit || v > limit) {
      std::string shown = std::isfinite(v) ? number_text(v) : "too large a number";
      std::string what = key == std::string("lat")   ? "latitude "
                         : key == std::string("lon") ? "longitude "
                                                     : std::string(key) + " ";
      sink_.error(p, what + shown + " is out of range: it must be between -" + number_text(limit) +
                         " and " + number_text(limit));
      return false;
    }
    out = v;
    return true;
  }

  void participation(const json& v, const std::string& p, std::vector<Participation>& out) {
    if (!is_object(v, p, "an organisation's part")) return;
    Participation x;
    text(v, "organisation", p, x.organisation, true, kMaxIdChars);
    vocab(v, "role", p, x.role, role_from, allowed_roles());
    text(v, "note", p, x.note, false, kMaxNameChars);
    keep_unknown(v, p, {"organisation", "role", "note"}, x.extra);
    out.push_back(std::move(x));
  }

  void link(const json& v, const std::string& p, std::vector<Link>& out) {
    if (!is_object(v, p, "a link")) return;
    Link x;
    bool ok = text(v, "url", p, x.url, true, kMaxUrlChars);
    ok &= text(v, "label", p, x.label, false, kMaxNameChars);
    std::string scheme = x.url.substr(0, x.url.find(':') + 1);
    for (char& c : scheme) c = char(std::tolower(static_cast<unsigned char>(c)));
    bool web =
        (scheme == "https:" || scheme == "http:") && x.url.compare(scheme.size(), 2, "//") == 0;
    if (ok && !(web || scheme == "mailto:")) {
      sink_.error(p + "/url", quote(x.url) +
                                  " is not a web address: links must start with https://, "
                                  "http:// or mailto:");
      ok = false;
    }
    keep_unknown(v, p, {"url", "label"}, x.extra);
    out.push_back(std::move(x));
  }

  void place(const json& v, const std::string& p, Dataset& d) {
    if (!is_object(v, p, "a place")) return;
    Place x;
    id(v, p, x.id);
    text(v, "name", p, x.name, true, kMaxNameChars);
    country(v, p, x.country, true);
    bool lat_ok = coordinate(v, "lat", p, 90, x.lat);
    bool lon_ok = coordinate(v, "lon", p, 180, x.lon);
    if (x.lat.has_value() != x.lon.has_value() && lat_ok && lon_ok) {
      sink_.error(p, std::string("the place has \"") + (x.lat ? "lat" : "lon") + "\" but no \"" +
                         (x.lat ? "lon" : "lat") + "\": give both coordinates or neither");
    }
    text(v, "notes", p, x.notes, false, kMaxNotesChars);
    text(v, "source", p, x.source, false, kMaxNotesChars);
    keep_unknown(v, p, {"id", "name", "country", "lat", "lon", "notes", "source"}, x.extra);
    d.places.push_back(std::move(x));
  }

  void organisation(const json& v, const std::string& p, Dataset& d) {
    if (!is_object(v, p, "an organisation")) return;
    Organisation x;
    id(v, p, x.id);
    text(v, "name", p, x.name, true, kMaxNameChars);
    vocab(v, "sector", p, x.sector, sector_from, allowed_sectors());
    country(v, p, x.country, false);
    text(v, "notes", p, x.notes, false, kMaxNotesChars);
    text(v, "source", p, x.source, false, kMaxNotesChars);
    keep_unknown(v, p, {"id", "name", "sector", "country", "notes", "source"}, x.extra);
    d.organisations.push_back(std::move(x));
  }

  void event(const json& v, const std::string& p, Dataset& d) {
    if (!is_object(v, p, "an event")) return;
    Event x;
    id(v, p, x.id);
    vocab(v, "kind", p, x.kind, event_kind_from, allowed_event_kinds());
    text(v, "title", p, x.title, true, kMaxNameChars);
    date(v, "date", p, x.date);
    text(v, "place", p, x.place, false, kMaxIdChars);
    array(v, "organisations", p,
          [&](const json& e, const std::string& ep) { participation(e, ep, x.organisations); });
    text(v, "notes", p, x.notes, false, kMaxNotesChars);
    array(v, "links", p, [&](const json& e, const std::string& ep) { link(e, ep, x.links); });
    text(v, "source", p, x.source, false, kMaxNotesChars);
    keep_unknown(
        v, p, {"id", "kind", "title", "date", "place", "organisations", "notes", "links", "source"},
        x.extra);
    d.events.push_back(std::move(x));
  }

  void working_group(const json& v, const std::string& p, Dataset& d) {
    if (!is_object(v, p, "a working group")) return;
    WorkingGroup x;
    id(v, p, x.id);
    text(v, "name", p, x.name, true, kMaxNameChars);
    country(v, p, x.country, true);
    date(v, "active", p, x.active);
    array(v, "members", p,
          [&](const json& e, const std::string& ep) { participation(e, ep, x.members); });
    array(v, "member_sectors", p, [&](const json& e, const std::string& ep) {
      if (!e.is_string()) {
        sink_.error(ep, std::string("a member sector must be text, not ") + type_name(e));
        return;
      }
      auto s = sector_from(e.get_ref<const std::string&>());
      if (!s) {
        sink_.error(ep, quote(e.get_ref<const std::string&>()) + " is not a known sector; use " +
                            allowed_sectors());
        return;
      }
      x.member_sectors.push_back(*s);
    });
    text(v, "origin", p, x.origin, false, kMaxIdChars);
    text(v, "notes", p, x.notes, false, kMaxNotesChars);
    text(v, "source", p, x.source, false, kMaxNotesChars);
    keep_unknown(v, p,
                 {"id", "name", "country", "active", "members", "member_sectors", "origin", "notes",
                  "source"},
                 x.extra);
    d.working_groups.push_back(std::move(x));
  }

  void story(const json& v, const std::string& p, Dataset& d) {
    if (!is_object(v, p, "a story")) return;
    Story x;
    id(v, p, x.id);
    text(v, "title", p, x.title, true, kMaxNameChars);
    array(v, "steps", p, [&](const json& sv, const std::string& sp) {
      if (!is_object(sv, sp, "a story step")) return;
      StoryStep step;
      text(sv, "item", sp, step.item, false, kMaxIdChars);
      text(sv, "caption", sp, step.caption, false, kMaxNotesChars);
      date(sv, "timeline", sp, step.timeline);
      auto m = sv.find("map");
      if (m != sv.end() && is_object(*m, sp + "/map", "a map camera")) {
        std::optional<double> lat, lon, zoom;
        coordinate(*m, "lat", sp + "/map", 90, lat);
        coordinate(*m, "lon", sp + "/map", 180, lon);
        coordinate(*m, "zoom", sp + "/map", 20, zoom);
        if (!lat || !lon || !zoom)
          sink_.error(sp + "/map", "a map camera needs \"lon\", \"lat\" and \"zoom\"");
        else if (*zoom < 0)
          sink_.error(sp + "/map/zoom", "the zoom must be between 0 and 20");
        else
          step.map = StoryStep::Camera{*lon, *lat, *zoom, Extra::object()};
        if (step.map) keep_unknown(*m, sp + "/map", {"lon", "lat", "zoom"}, step.map->extra);
      }
      keep_unknown(sv, sp, {"item", "caption", "timeline", "map"}, step.extra);
      x.steps.push_back(std::move(step));
    });
    keep_unknown(v, p, {"id", "title", "steps"}, x.extra);
    d.stories.push_back(std::move(x));
  }

  // The top level: format and version first, since they decide how to read the rest.
  bool document(const json& root, Dataset& d) {
    if (!root.is_object()) {
      sink_.error("", std::string("the file must hold a JSON object ({…}) at the top, not ") +
                          type_name(root));
      return false;
    }
    auto f = root.find("format");
    if (f == root.end()) {
      sink_.error("",
                  "this is not a Coalition Atlas file: the field \"format\" is missing "
                  "(expected \"format\": \"coalition-atlas\")");
      return false;
    }
    if (!f->is_string() || f->get_ref<const std::string&>() != kFormatName) {
      sink_.error("/format",
                  "this is not a Coalition Atlas file: \"format\" must be "
                  "\"coalition-atlas\"");
      return false;
    }
    auto ver = root.find("version");
    if (ver == root.end()) {
      sink_.error("", "the field \"version\" is missing (this version writes \"version\": 1)");
      return false;
    }
    if (!ver->is_number()) {
      sink_.error("/version",
                  std::string("\"version\" must be a whole number like 1, not ") + type_name(*ver));
      return false;
    }
    if (ver->is_number_float()) {
      sink_.error("/version",
                  "\"version\" must be written as a whole number like 1, without a "
                  "decimal point or exponent");
      return false;
    }
    // Unsigned values beyond long long are versions from the far future, not negative.
    bool huge = ver->is_number_unsigned() &&
                ver->get<json::number_unsigned_t>() > json::number_unsigned_t(1) << 31;
    long long version = huge ? 0 : ver->get<long long>();
    if (huge || version > kFormatVersion) {
      sink_.error("/version", "this file uses format version " + ver->dump() +
                                  ", written by a newer Coalition Atlas; this app reads up to "
                                  "version " +
                                  std::to_string(kFormatVersion) +
                                  ". Update the app to open it; nothing was changed");
      return false;
    }
    if (version < 1) {
      sink_.error("/version", "format version " + std::to_string(version) +
                                  " does not exist; the first version is 1");
      return false;
    }
    text(root, "title", "", d.title, true, kMaxNameChars);
    text(root, "description", "", d.description, false, kMaxNotesChars);
    text(root, "source", "", d.source, false, kMaxNotesChars);
    array(root, "places", "", [&](const json& e, const std::string& p) { place(e, p, d); });
    array(root, "organisations", "",
          [&](const json& e, const std::string& p) { organisation(e, p, d); });
    array(root, "events", "", [&](const json& e, const std::string& p) { event(e, p, d); });
    array(root, "working_groups", "",
          [&](const json& e, const std::string& p) { working_group(e, p, d); });
    array(root, "stories", "", [&](const json& e, const std::string& p) { story(e, p, d); });
    keep_unknown(root, "",
                 {"format", "version", "title", "description", "source", "places", "organisations",
                  "events", "working_groups", "stories"},
                 d.extra);
    return true;
  }

 private:
  Sink& sink_;
};

// ---------------------------------------------------------------------------------
// 3. Migrations
// ---------------------------------------------------------------------------------
// Each entry upgrades a document from version N to N+1 in place. Version 1 is the
// first, so the table is empty; the loader runs it before reading.
using Migration = void (*)(json& doc, Sink& sink);
constexpr Migration kMigrations[] = {nullptr};  // index 0: 1 -> 2 (none yet)

void migrate(json& doc, Sink& sink) {
  auto v = doc.find("version");
  if (!doc.is_object() || v == doc.end() || !v->is_number_integer()) return;
  for (long long from = v->get<long long>(); from >= 1 && from < kFormatVersion; ++from) {
    if (kMigrations[from - 1]) kMigrations[from - 1](doc, sink);
    doc["version"] = from + 1;
  }
}

// ---------------------------------------------------------------------------------
// 4. Cross-checks (ids, references, intervals): the same for files and edits
// ---------------------------------------------------------------------------------
void cross_check(const Dataset& d, Sink& sink) {
  std::unordered_map<std::string, std::string> owner;  // id -> pointer of its item
  auto claim = [&](const std::string& id, const std::string& ptr) {
    if (id.empty()) return;  // already reported as missing or wrong
    auto [it, fresh] = owner.emplace(id, ptr);
    if (!fresh)
      sink.error(ptr + "/id", "the id " + quote(id) + " is already used by " + it->second +
                                  "; every item needs its own id");
  };
  for (size_t i = 0; i < d.places.size(); ++i)
    claim(d.places[i].id, "/places/" + std::to_string(i));
  for (size_t i = 0; i < d.organisations.size(); ++i)
    claim(d.organisations[i].id, "/organisations/" + std::to_string(i));
  for (size_t i = 0; i < d.events.size(); ++i)
    claim(d.events[i].id, "/events/" + std::to_string(i));
  for (size_t i = 0; i < d.working_groups.size(); ++i)
    claim(d.working_groups[i].id, "/working_groups/" + std::to_string(i));
  for (size_t i = 0; i < d.stories.size(); ++i)
    claim(d.stories[i].id, "/stories/" + std::to_string(i));

  std::unordered_map<std::string_view, const Place*> places;
  std::unordered_map<std::string_view, const Organisation*> orgs;
  std::unordered_map<std::string_view, const Event*> events;
  for (const auto& p : d.places) places.emplace(p.id, &p);
  for (const auto& o : d.organisations) orgs.emplace(o.id, &o);
  for (const auto& e : d.events) events.emplace(e.id, &e);

  auto check_parts = [&](const std::vector<Participation>& parts, const std::string& ptr) {
    for (size_t k = 0; k < parts.size(); ++k)
      if (!parts[k].organisation.empty() && !orgs.count(parts[k].organisation))
        sink.error(ptr + "/" + std::to_string(k) + "/organisation",
                   "there is no organisation with the id " + quote(parts[k].organisation));
  };
  auto check_date = [&](const std::optional<edtf::Value>& v, const std::string& ptr) {
    // The parser already refuses start > end; edits build values through it too.
    if (v && v->interval && v->start_kind == edtf::End::Date && v->end_kind == edtf::End::Date &&
        v->start.earliest_day() > v->end.latest_day())
      sink.error(ptr, "the interval " + quote(edtf::format(*v)) + " starts after it ends");
  };
  for (size_t i = 0; i < d.events.size(); ++i) {
    const Event& e = d.events[i];
    std::string p = "/events/" + std::to_string(i);
    if (!e.place.empty() && !places.count(e.place))
      sink.error(p + "/place", "there is no place with the id " + quote(e.place));
    check_parts(e.organisations, p + "/organisations");
    check_date(e.date, p + "/date");
  }
  for (size_t i = 0; i < d.working_groups.size(); ++i) {
    const WorkingGroup& w = d.working_groups[i];
    std::string p = "/working_groups/" + std::to_string(i);
    check_parts(w.members, p + "/members");
    check_date(w.active, p + "/active");
    if (!w.origin.empty()) {
      auto it = events.find(w.origin);
      if (it == events.end())
        sink.error(p + "/origin", "there is no event with the id " + quote(w.origin));
      else if (it->second->kind != EventKind::Roundtable && !sink.has_errors())
        sink.warn(p + "/origin",
                  "the working group grew from " + quote(w.origin) + ", which is not a roundtable");
    }
  }
  for (size_t i = 0; i < d.stories.size(); ++i)
    for (size_t k = 0; k < d.stories[i].steps.size(); ++k) {
      const StoryStep& st = d.stories[i].steps[k];
      std::string p = "/stories/" + std::to_string(i) + "/steps/" + std::to_string(k);
      if (!st.item.empty() && !owner.count(st.item))
        sink.error(p + "/item", "there is no item with the id " + quote(st.item) + " to show");
      check_date(st.timeline, p + "/timeline");
    }
}

// ---------------------------------------------------------------------------------
// 5. Save
// ---------------------------------------------------------------------------------
ojson ordered(const json& v) {
  switch (v.type()) {
    case json::value_t::object: {
      ojson o = ojson::object();
      for (auto it = v.begin(); it != v.end(); ++it) o[it.key()] = ordered(it.value());
      return o;
    }
    case json::value_t::array: {
      ojson a = ojson::array();
      for (const auto& e : v) a.push_back(ordered(e));
      return a;
    }
    case json::value_t::string:
      return v.get_ref<const std::string&>();
    case json::value_t::boolean:
      return v.get<bool>();
    case json::value_t::number_integer:
      return v.get<json::number_integer_t>();
    case json::value_t::number_unsigned:
      return v.get<json::number_unsigned_t>();
    case json::value_t::number_float:
      return v.get<double>();
    default:
      return nullptr;
  }
}

void put_text(ojson& o, const char* key, const std::string& s) {
  if (!s.empty()) o[key] = s;
}
void put_extra(ojson& o, const Extra& extra) {
  for (auto it = extra.begin(); it != extra.end(); ++it) o[it.key()] = ordered(it.value());
}

ojson parts_json(const std::vector<Participation>& parts) {
  ojson a = ojson::array();
  for (const auto& x : parts) {
    ojson o = ojson::object();
    o["organisation"] = x.organisation;
    o["role"] = to_json_name(x.role);
    put_text(o, "note", x.note);
    put_extra(o, x.extra);
    a.push_back(std::move(o));
  }
  return a;
}

}  // namespace

LoadResult load_dataset(std::string_view bytes) noexcept {
  LoadResult result;
  try {
    Sink sink(result.diagnostics);
    if (bytes.size() > kMaxFileBytes) {
      sink.error("", "the file is too large (" + std::to_string(bytes.size() >> 20) +
                         " MB); the limit is " + std::to_string(kMaxFileBytes >> 20) + " MB");
      return result;
    }
    if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) {
      sink.add(Severity::Warning, "",
               "the file starts with a byte-order mark (an invisible marker some editors "
               "add); it was ignored",
               1, 1);
      bytes.remove_prefix(3);
    }
    if (bytes.size() >= 2 && ((uint8_t(bytes[0]) == 0xFF && uint8_t(bytes[1]) == 0xFE) ||
                              (uint8_t(bytes[0]) == 0xFE && uint8_t(bytes[1]) == 0xFF))) {
      sink.add(Severity::Error, "",
               "the file is saved as UTF-16; save it as UTF-8 (the standard for JSON) and "
               "open it again",
               1, 1);
      return result;
    }
    if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
      int line, col;
      line_column(bytes, nul, line, col);
      bool utf16 = nul < 4;
      sink.add(Severity::Error, "",
               utf16 ? "the file looks like UTF-16 text; save it as UTF-8 (the standard for "
                       "JSON) and open it again"
                     : "the file contains a NUL byte, which text never does: it may be damaged "
                       "or not a text file",
               line, col);
      return result;
    }
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      sink.add(Severity::Error, "", "the file is empty", 1, 1);
      return result;
    }
    Builder builder(sink);
    json::sax_parse(bytes.begin(), bytes.end(), &builder, nlohmann::detail::input_format_t::json,
                    true);
    if (builder.too_deep) {
      sink.add(Severity::Error, builder.too_deep_at,
               "the data is nested more than " + std::to_string(kMaxDepth) +
                   " levels deep here, far deeper than a Coalition Atlas file ever is");
      sink.finish();
      return result;
    }
    if (builder.syntax_failed) {
      int line, col;
      size_t at = token_start(bytes, builder.error_pos, builder.error_text);
      line_column(bytes, at, line, col);
      sink.add(Severity::Error, "", syntax_message(builder.error_text, bytes, at), line, col);
      sink.finish();
      return result;
    }
    json& root = builder.root;
    migrate(root, sink);
    Dataset d;
    Reader reader(sink);
    bool readable = reader.document(root, d);
    if (readable) cross_check(d, sink);
    sink.finish();
    if (!has_errors(result.diagnostics)) result.dataset = std::move(d);
  } catch (const std::bad_alloc&) {
    result.dataset.reset();
    result.diagnostics.push_back(
        {Severity::Error, "", "the file is too large to open with the memory available", 0, 0});
  } catch (const std::exception& e) {
    result.dataset.reset();
    result.diagnostics.push_back(
        {Severity::Error, "", std::string("the file could not be read: ") + e.what(), 0, 0});
  }
  return result;
}

std::vector<Diagnostic> validate_dataset(const Dataset& d) {
  // Round-tripping through the canonical form runs every rule of the loader, so an
  // edit can never produce a dataset that would not load again.
  LoadResult r = load_dataset(save_dataset(d));
  std::vector<Diagnostic> out;
  for (auto& x : r.diagnostics)
    if (x.severity == Severity::Error) out.push_back(std::move(x));
  return out;
}

std::string save_dataset(const Dataset& d) {
  ojson root = ojson::object();
  root["format"] = kFormatName;
  root["version"] = kFormatVersion;
  root["title"] = d.title;
  put_text(root, "description", d.description);
  put_text(root, "source", d.source);

  ojson places = ojson::array();
  for (const auto& x : d.places) {
    ojson o = ojson::object();
    o["id"] = x.id;
    o["name"] = x.name;
    o["country"] = x.country;
    if (x.lat && x.lon) {
      o["lat"] = *x.lat;
      o["lon"] = *x.lon;
    }
    put_text(o, "notes", x.notes);
    put_text(o, "source", x.source);
    put_extra(o, x.extra);
    places.push_back(std::move(o));
  }
  root["places"] = std::move(places);

  ojson orgs = ojson::array();
  for (const auto& x : d.organisations) {
    ojson o = ojson::object();
    o["id"] = x.id;
    o["name"] = x.name;
    o["sector"] = to_json_name(x.sector);
    put_text(o, "country", x.country);
    put_text(o, "notes", x.notes);
    put_text(o, "source", x.source);
    put_extra(o, x.extra);
    orgs.push_back(std::move(o));
  }
  root["organisations"] = std::move(orgs);

  ojson events = ojson::array();
  for (const auto& x : d.events) {
    ojson o = ojson::object();
    o["id"] = x.id;
    o["kind"] = to_json_name(x.kind);
    o["title"] = x.title;
    if (x.date) o["date"] = edtf::format(*x.date);
    put_text(o, "place", x.place);
    if (!x.organisations.empty()) o["organisations"] = parts_json(x.organisations);
    put_text(o, "notes", x.notes);
    if (!x.links.empty()) {
      ojson links = ojson::array();
      for (const auto& l : x.links) {
        ojson lo = ojson::object();
        lo["url"] = l.url;
        put_text(lo, "label", l.label);
        put_extra(lo, l.extra);
        links.push_back(std::move(lo));
      }
      o["links"] = std::move(links);
    }
    put_text(o, "source", x.source);
    put_extra(o, x.extra);
    events.push_back(std::move(o));
  }
  root["events"] = std::move(events);

  ojson groups = ojson::array();
  for (const auto& x : d.working_groups) {
    ojson o = ojson::object();
    o["id"] = x.id;
    o["name"] = x.name;
    o["country"] = x.country;
    if (x.active) o["active"] = edtf::format(*x.active);
    if (!x.members.empty()) o["members"] = parts_json(x.members);
    if (!x.member_sectors.empty()) {
      ojson a = ojson::array();
      for (Sector s : x.member_sectors) a.push_back(to_json_name(s));
      o["member_sectors"] = std::move(a);
    }
    put_text(o, "origin", x.origin);
    put_text(o, "notes", x.notes);
    put_text(o, "source", x.source);
    put_extra(o, x.extra);
    groups.push_back(std::move(o));
  }
  root["working_groups"] = std::move(groups);
  if (!d.stories.empty()) {
    ojson stories = ojson::array();
    for (const auto& x : d.stories) {
      ojson o = ojson::object();
      o["id"] = x.id;
      o["title"] = x.title;
      ojson steps = ojson::array();
      for (const auto& st : x.steps) {
        ojson so = ojson::object();
        put_text(so, "item", st.item);
        if (st.map) {
          ojson m = ojson::object();
          m["lon"] = st.map->lon;
          m["lat"] = st.map->lat;
          m["zoom"] = st.map->zoom;
          put_extra(m, st.map->extra);
          so["map"] = std::move(m);
        }
        if (st.timeline) so["timeline"] = edtf::format(*st.timeline);
        put_text(so, "caption", st.caption);
        put_extra(so, st.extra);
        steps.push_back(std::move(so));
      }
      o["steps"] = std::move(steps);
      put_extra(o, x.extra);
      stories.push_back(std::move(o));
    }
    root["stories"] = std::move(stories);
  }
  put_extra(root, d.extra);
  return root.dump(2, ' ', false, ojson::error_handler_t::strict) + "\n";
}

}  // namespace atlas
