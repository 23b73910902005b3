// i18n.cpp — see i18n.hpp.
//
// Index
//   1. Plural rules
//   2. The current locale and its lookup table
//   3. tr, trn, fill
//   4. The pseudo transform
//   5. Numbers
#include "core/i18n.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unordered_map>

namespace atlas::i18n {

// ---------------------------------------------------------------------------------
// 1. Plural rules (CLDR cardinal rules for integers, for the languages the coalition's
// members write; a language not listed takes English's). The order is the .po's.
// ---------------------------------------------------------------------------------
namespace {
std::string_view base_language(std::string_view tag) {
  const size_t cut = tag.find_first_of("-_");
  return cut == std::string_view::npos ? tag : tag.substr(0, cut);
}
bool one_form_only(std::string_view lang) {
  for (const char* l : {"ja", "zh", "ko", "th", "vi", "id", "ms", "km", "lo", "my"})
    if (lang == l) return true;
  return false;
}
}  // namespace

std::vector<Plural> plural_categories(std::string_view language) {
  const std::string_view lang = base_language(language);
  if (one_form_only(lang)) return {Plural::other};
  if (lang == "fr") return {Plural::one, Plural::many, Plural::other};
  if (lang == "ru") return {Plural::one, Plural::few, Plural::many};
  return {Plural::one, Plural::other};
}

Plural plural_category(std::string_view language, long long n) {
  const std::string_view lang = base_language(language);
  const long long a = n < 0 ? -n : n;
  if (one_form_only(lang)) return Plural::other;
  if (lang == "fr") {
    if (a == 0 || a == 1) return Plural::one;
    return a != 0 && a % 1000000 == 0 ? Plural::many : Plural::other;
  }
  if (lang == "ru") {
    if (a % 10 == 1 && a % 100 != 11) return Plural::one;
    if (a % 10 >= 2 && a % 10 <= 4 && (a % 100 < 12 || a % 100 > 14)) return Plural::few;
    return Plural::many;
  }
  return a == 1 ? Plural::one : Plural::other;
}

// ---------------------------------------------------------------------------------
// 2. The current locale: a table from the English key to the text shown, filled when
// the locale is set (the UI asks for the same few hundred strings every frame).
// ---------------------------------------------------------------------------------
namespace {
struct Current {
  std::string language = "en";
  bool pseudo = false;
  const CatalogTable* table = nullptr;
  // msgid (or msgid + '\x04' + msgid_plural) -> the index of its message in `table`.
  std::unordered_map<std::string_view, size_t> index;
  std::vector<std::unique_ptr<std::string>> keys;  // what `index` views
  // tr()'s answers, made once per key: node-based, so the strings never move.
  std::unordered_map<std::string, std::string> made;
};
Current& current() {
  static Current c;
  return c;
}
NumberStyle& style() {
  static NumberStyle s;
  return s;
}

// The key's form for category c in the current table, or nullptr (English then).
const char* table_form(const std::string& key, Plural c) {
  Current& cur = current();
  if (!cur.table) return nullptr;
  auto it = cur.index.find(key);
  if (it == cur.index.end()) return nullptr;
  const Message& m = cur.table->messages[it->second];
  const std::vector<Plural> cats = plural_categories(cur.language);
  for (size_t i = 0; i < cats.size() && i < m.forms_count; ++i)
    if (cats[i] == c) return m.forms[i] && m.forms[i][0] ? m.forms[i] : nullptr;
  return nullptr;
}

std::string plural_key(const char* singular, const char* plural) {
  return std::string(singular) + '\x04' + plural;
}
}  // namespace

bool set_locale(std::string_view language) {
  Current& cur = current();
  cur = Current{};
  if (language.empty() || language == "en") return true;
  if (language == "pseudo") {
    cur.language = "pseudo";
    cur.pseudo = true;
    return true;
  }
  for (const CatalogTable& t : compiled_catalogs()) {
    if (language != t.language || std::string_view(t.language) == "en") continue;
    cur.language = t.language;
    cur.table = &t;
    for (size_t i = 0; i < t.count; ++i) {
      const Message& m = t.messages[i];
      cur.keys.push_back(std::make_unique<std::string>(
          m.msgid_plural ? plural_key(m.msgid, m.msgid_plural) : std::string(m.msgid)));
      cur.index.emplace(*cur.keys.back(), i);
    }
    return true;
  }
  return false;
}

const std::string& locale() { return current().language; }
bool is_pseudo() { return current().pseudo; }

std::vector<std::string> available_locales() {
  std::vector<std::string> out = {"en", "pseudo"};
  for (const CatalogTable& t : compiled_catalogs())
    if (std::string_view(t.language) != "en") out.push_back(t.language);
  return out;
}

std::string language_tag() {
  const Current& cur = current();
  return cur.pseudo ? "en-XA" : cur.language;
}

// ---------------------------------------------------------------------------------
// 3. tr, trn, fill
// ---------------------------------------------------------------------------------
const char* tr(const char* msgid) {
  Current& cur = current();
  if (cur.language == "en") return msgid;
  auto found = cur.made.find(msgid);
  if (found != cur.made.end()) return found->second.c_str();
  std::string text;
  if (cur.pseudo) {
    text = pseudo(msgid);
  } else {
    // The id after "##" is not part of the key's translation: it is kept as written.
    const char* form = table_form(msgid, Plural::one);
    if (!form) form = table_form(msgid, Plural::other);
    text = form ? form : msgid;
  }
  return cur.made.emplace(msgid, std::move(text)).first->second.c_str();
}

std::string trn(const char* singular, const char* plural, long long n,
                const std::vector<std::pair<std::string_view, std::string>>& more) {
  const Current& cur = current();
  const Plural c = plural_category(cur.pseudo ? "en" : cur.language, n);
  std::string pattern;
  if (cur.pseudo) {
    pattern = pseudo(c == Plural::one ? singular : plural);
  } else if (const char* form = table_form(plural_key(singular, plural), c)) {
    pattern = form;
  } else {
    pattern = plural_category("en", n) == Plural::one ? singular : plural;
  }
  Args args = more;
  args.emplace_back("count", format_number(n));
  return fill(pattern, args);
}

std::string fill(std::string_view pattern, const Args& args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  size_t i = 0;
  while (i < pattern.size()) {
    const size_t open = pattern.find('{', i);
    if (open == std::string_view::npos) break;
    const size_t close = pattern.find('}', open + 1);
    if (close == std::string_view::npos) break;
    out.append(pattern, i, open - i);
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    const std::string* value = nullptr;
    for (const auto& [k, v] : args)
      if (k == name) value = &v;
    if (value)
      out += *value;
    else
      out.append(pattern, open, close + 1 - open);
    i = close + 1;
  }
  out.append(pattern, i, std::string_view::npos);
  return out;
}

std::string trf(const char* msgid, const Args& args) { return fill(tr(msgid), args); }

// ---------------------------------------------------------------------------------
// 4. The pseudo transform
// ---------------------------------------------------------------------------------
namespace {
// Each ASCII letter's accented twin: Latin-1, Latin Extended-A/B and Latin Extended
// Additional only, the blocks the UI's font atlas holds (ui/theme.cpp's ranges).
const char* const kLower[26] = {"å", "ƀ", "ç", "đ", "é", "ƒ", "ĝ", "ĥ", "î", "ĵ", "ķ", "ļ", "ḿ",
                                "ñ", "ö", "þ", "ǫ", "ŕ", "š", "ţ", "û", "ṽ", "ŵ", "ẋ", "ý", "ž"};
const char* const kUpper[26] = {"Å", "Ɓ", "Ç", "Đ", "É", "Ƒ", "Ĝ", "Ĥ", "Î", "Ĵ", "Ķ", "Ļ", "Ṁ",
                                "Ñ", "Ö", "Þ", "Ǫ", "Ŕ", "Š", "Ţ", "Û", "Ṽ", "Ŵ", "Ẋ", "Ý", "Ž"};
}  // namespace

std::string pseudo(std::string_view english) {
  // The ImGui id ("##…") is not shown: it stays outside the brackets, unchanged.
  const size_t id_at = english.find("##");
  const std::string_view shown = english.substr(0, id_at);
  const std::string_view id = id_at == std::string_view::npos ? "" : english.substr(id_at);
  if (shown.empty()) return std::string(english);
  std::string out = "[";
  size_t letters = 0;
  for (size_t i = 0; i < shown.size();) {
    const char c = shown[i];
    if (c == '{') {  // a named placeholder, kept whole
      const size_t close = shown.find('}', i);
      if (close != std::string_view::npos) {
        out.append(shown, i, close + 1 - i);
        i = close + 1;
        continue;
      }
    }
    if (c == '%' && i + 1 < shown.size()) {  // a printf conversion ("%d", "%.1f", "%%")
      size_t j = i + 1;
      while (j < shown.size() && std::strchr("0123456789.-+ #lzh", shown[j])) ++j;
      if (j < shown.size()) ++j;
      out.append(shown, i, j - i);
      i = j;
      continue;
    }
    if (c >= 'a' && c <= 'z') {
      out += kLower[c - 'a'];
      ++letters;
    } else if (c >= 'A' && c <= 'Z') {
      out += kUpper[c - 'A'];
      ++letters;
    } else {
      out += c;
      if (static_cast<unsigned char>(c) >= 0x80 && (static_cast<unsigned char>(c) & 0xC0) != 0x80)
        ++letters;  // a character already beyond ASCII counts once, at its lead byte
    }
    ++i;
  }
  // About 30% longer, counted in characters (at least one more), as translations into
  // German or French often are.
  const size_t pad = letters == 0 ? 0 : (letters * 3 + 9) / 10;
  if (pad) out += ' ';
  out.append(pad, '~');
  out += ']';
  out += id;
  return out;
}

// ---------------------------------------------------------------------------------
// 5. Numbers
// ---------------------------------------------------------------------------------
void set_number_style(NumberStyle s) { style() = std::move(s); }
const NumberStyle& number_style() { return style(); }

std::string format_number(long long n) {
  const std::string digits =
      std::to_string(n < 0 ? -(n + 1) + 1ULL : static_cast<unsigned long long>(n));
  std::string out = n < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += style().group;
    out += digits[i];
  }
  return out;
}

std::string format_decimal(double value, int decimals) {
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.*f", decimals, value);
  const std::string text = digits;
  const size_t sign = text[0] == '-' ? 1 : 0;
  // (The C library's decimal sign may be the process locale's: whatever follows the digits.)
  const size_t point = std::min(text.find_first_not_of("0123456789", sign), text.size());
  std::string out = text.substr(0, sign);
  for (size_t i = sign; i < point; ++i) {
    if (i > sign && (point - i) % 3 == 0) out += style().group;
    out += text[i];
  }
  if (point < text.size()) out += style().decimal + text.substr(point + 1);
  return out;
}

}  // namespace atlas::i18n
