// timezone.cpp — see timezone.hpp.
//
// Index
//   1. Reading bytes (big-endian for TZif, little-endian for the asset; checked reads)
//   2. POSIX TZ strings: parsing, and the transitions a rule makes in a year
//   3. TZif parsing
//   4. Zone: periods, wall clock -> UTC, transitions
//   5. ZoneDb
//   6. Zone names
#include "core/timezone.hpp"

#include <algorithm>
#include <cctype>

#include "core/date_edtf.hpp"

namespace atlas::tz {

namespace detail {
extern const char kTzdataVersion[];
extern const char* const kZoneNames[];
extern const std::size_t kZoneNameCount;
}  // namespace detail

namespace {

// ---------------------------------------------------------------------------------
// 1. Reading bytes
// ---------------------------------------------------------------------------------
// Every read is checked; a failed read latches, so a parser can read a whole record and
// check once.
class Bytes {
 public:
  explicit Bytes(std::string_view s) : s_(s) {}
  size_t left() const { return s_.size() - pos_; }
  bool ok() const { return ok_; }
  bool need(uint64_t n) {
    if (!ok_ || n > left()) ok_ = false;
    return ok_;
  }
  uint8_t u8() { return need(1) ? uint8_t(s_[pos_++]) : 0; }
  uint32_t be32() {
    if (!need(4)) return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | uint8_t(s_[pos_++]);
    return v;
  }
  int64_t be64() {
    if (!need(8)) return 0;
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | uint8_t(s_[pos_++]);
    return static_cast<int64_t>(v);
  }
  uint32_t le32() {
    if (!need(4)) return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t(uint8_t(s_[pos_++])) << (8 * i);
    return v;
  }
  uint16_t le16() {
    if (!need(2)) return 0;
    uint16_t v = uint16_t(uint8_t(s_[pos_]) | (uint8_t(s_[pos_ + 1]) << 8));
    pos_ += 2;
    return v;
  }
  std::string_view take(uint64_t n) {
    if (!need(n)) return {};
    std::string_view v = s_.substr(pos_, size_t(n));
    pos_ += size_t(n);
    return v;
  }
  void skip(uint64_t n) { take(n); }

 private:
  std::string_view s_;
  size_t pos_ = 0;
  bool ok_ = true;
};

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

// ---------------------------------------------------------------------------------
// 2. POSIX TZ strings
// ---------------------------------------------------------------------------------
class PosixParser {
 public:
  explicit PosixParser(std::string_view s) : s_(s) {}

  std::optional<PosixRule> parse(std::string* error) {
    PosixRule r;
    if (!name(r.standard.abbreviation)) return bad(error, "a standard time name");
    int32_t west = 0;
    if (!offset(west, 24)) return bad(error, "the standard time's offset");
    r.standard.offset = -west;  // POSIX counts west of Greenwich as positive
    if (at_end()) return r;
    LocalType dst;
    dst.dst = true;
    if (!name(dst.abbreviation)) return bad(error, "a daylight saving time name");
    dst.offset = r.standard.offset + 3600;
    if (!at_end() && peek() != ',') {
      if (!offset(west, 24)) return bad(error, "the daylight saving time's offset");
      dst.offset = -west;
    }
    // zic always writes the rule; POSIX's implementation-defined default is not guessed.
    if (at_end() || peek() != ',') return bad(error, "the rule for daylight saving time");
    ++pos_;
    if (!when(r.start)) return bad(error, "the day daylight saving time starts");
    if (at_end() || peek() != ',') return bad(error, "the day daylight saving time ends");
    ++pos_;
    if (!when(r.end)) return bad(error, "the day daylight saving time ends");
    if (!at_end()) return bad(error, "the end of the string");
    r.daylight = dst;
    return r;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;

  bool at_end() const { return pos_ >= s_.size(); }
  char peek() const { return s_[pos_]; }
  std::optional<PosixRule> bad(std::string* error, const char* expected) {
    fail(error, std::string("the TZ rule \"") + std::string(s_) + "\" is not valid: expected " +
                    expected + " at character " + std::to_string(pos_ + 1));
    return std::nullopt;
  }
  // "AEST" (3+ letters) or "<+08>" (3+ letters, digits, + or -).
  bool name(std::string& out) {
    size_t begin = pos_;
    if (!at_end() && peek() == '<') {
      ++pos_;
      begin = pos_;
      while (!at_end() && (std::isalnum(uint8_t(peek())) || peek() == '+' || peek() == '-')) ++pos_;
      if (at_end() || peek() != '>' || pos_ - begin < 3) return false;
      out = std::string(s_.substr(begin, pos_ - begin));
      ++pos_;
      return true;
    }
    while (!at_end() && std::isalpha(uint8_t(peek()))) ++pos_;
    if (pos_ - begin < 3) return false;
    out = std::string(s_.substr(begin, pos_ - begin));
    return true;
  }
  bool number(int& out, int max_digits) {
    size_t begin = pos_;
    out = 0;
    while (!at_end() && std::isdigit(uint8_t(peek())) && pos_ - begin < size_t(max_digits))
      out = out * 10 + (s_[pos_++] - '0');
    return pos_ > begin;
  }
  // [+-]hh[:mm[:ss]] with hh up to max_hours.
  bool offset(int32_t& out, int max_hours) {
    int sign = 1;
    if (!at_end() && (peek() == '+' || peek() == '-')) sign = s_[pos_++] == '-' ? -1 : 1;
    int h = 0, m = 0, sec = 0;
    if (!number(h, 3) || h > max_hours) return false;
    if (!at_end() && peek() == ':') {
      ++pos_;
      if (!number(m, 2) || m > 59) return false;
      if (!at_end() && peek() == ':') {
        ++pos_;
        if (!number(sec, 2) || sec > 59) return false;
      }
    }
    out = sign * (h * 3600 + m * 60 + sec);
    return true;
  }
  bool when(PosixRule::When& w) {
    if (at_end()) return false;
    if (peek() == 'J') {
      ++pos_;
      w.form = PosixRule::When::Julian1;
      if (!number(w.day, 3) || w.day < 1 || w.day > 365) return false;
    } else if (peek() == 'M') {
      ++pos_;
      w.form = PosixRule::When::MonthWeekDay;
      if (!number(w.month, 2) || w.month < 1 || w.month > 12) return false;
      if (at_end() || s_[pos_++] != '.' || !number(w.week, 1) || w.week < 1 || w.week > 5)
        return false;
      if (at_end() || s_[pos_++] != '.' || !number(w.weekday, 1) || w.weekday > 6) return false;
    } else {
      w.form = PosixRule::When::Julian0;
      if (!number(w.day, 3) || w.day > 365) return false;
    }
    w.time = 7200;
    if (!at_end() && peek() == '/') {
      ++pos_;
      if (!offset(w.time, 167)) return false;  // RFC 8536 3.3.1: -167 to 167 hours
    }
    return true;
  }
};

// The day (days since 1970-01-01) a rule names in `year`.
int64_t rule_day(const PosixRule::When& w, int64_t year) {
  const int64_t jan1 = edtf::days_from_civil(year, 1, 1);
  switch (w.form) {
    case PosixRule::When::Julian1:  // 1..365, 29 February never counted
      return jan1 + w.day - 1 + (edtf::is_leap_year(year) && w.day >= 60 ? 1 : 0);
    case PosixRule::When::Julian0:  // 0..365, 29 February counted
      return jan1 + w.day;
    case PosixRule::When::MonthWeekDay:
      break;
  }
  const int64_t first = edtf::days_from_civil(year, w.month, 1);
  const int64_t first_weekday = ((first + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday (4)
  int64_t day = first + (w.weekday - first_weekday + 7) % 7 + 7 * (w.week - 1);
  const int64_t last = first + edtf::days_in_month(year, w.month) - 1;
  while (day > last) day -= 7;  // week 5 is "the last"
  return day;
}

// The rule's changes in `year`, in UTC seconds: (when, to daylight saving).
void rule_changes(const PosixRule& r, int64_t year, std::vector<std::pair<int64_t, bool>>& out) {
  if (!r.daylight) return;
  const int64_t start = rule_day(r.start, year) * 86400 + r.start.time - r.standard.offset;
  const int64_t end = rule_day(r.end, year) * 86400 + r.end.time - r.daylight->offset;
  out.emplace_back(start, true);
  out.emplace_back(end, false);
}

// The period of a rule around `utc`, from changes in the year before to the year after
// (a change may fall in the neighbouring year in UTC, and all-year daylight saving
// abuts the next year's start).
Period rule_period(const PosixRule& r, int64_t utc) {
  Period p;
  p.type = r.standard;
  if (!r.daylight) return p;
  int64_t year = 0;
  int month = 0, day = 0;
  edtf::civil_from_days(edtf::day_of_seconds(utc + r.standard.offset), year, month, day);
  std::vector<std::pair<int64_t, bool>> changes;
  for (int64_t y = year - 1; y <= year + 1; ++y) rule_changes(r, y, changes);
  // At one instant an end then a start: all-year daylight saving stays daylight.
  std::sort(changes.begin(), changes.end());
  size_t i = changes.size();
  while (i > 0 && changes[i - 1].first > utc) --i;
  if (i == 0) {  // before the first change listed: cannot happen with the year before
    p.end = changes.front().first;
    return p;
  }
  p.type = changes[i - 1].second ? *r.daylight : r.standard;
  p.begin = changes[i - 1].first;
  while (i < changes.size() && changes[i].first == p.begin) ++i;
  p.end = i < changes.size() ? changes[i].first : kEndOfTime;
  return p;
}

}  // namespace

std::optional<PosixRule> parse_posix_tz(std::string_view text, std::string* error) {
  return PosixParser(text).parse(error);
}

// ---------------------------------------------------------------------------------
// 3. TZif parsing
// ---------------------------------------------------------------------------------
namespace {

struct Counts {
  uint32_t isut, isstd, leap, time, type, chars;
};

bool header(Bytes& b, Counts& c, char& version, std::string* error) {
  std::string_view magic = b.take(4);
  if (magic != "TZif") return fail(error, "not TZif data (it does not start with \"TZif\")");
  version = char(b.u8());
  b.skip(15);
  c = {b.be32(), b.be32(), b.be32(), b.be32(), b.be32(), b.be32()};
  if (!b.ok()) return fail(error, "the TZif header is cut short");
  return true;
}

}  // namespace

std::optional<Zone> Zone::from_tzif(std::string_view bytes, std::string* error) {
  Bytes b(bytes);
  Counts c{};
  char version = 0;
  if (!header(b, c, version, error)) return std::nullopt;
  if (version < '2') {
    fail(error, "TZif version 1 has no 64-bit data; version 2 or later is needed");
    return std::nullopt;
  }
  // The version 1 block, skipped (sizes as RFC 8536 3.2 gives them for 32-bit times).
  b.skip(uint64_t(c.time) * 5 + uint64_t(c.type) * 6 + c.chars + uint64_t(c.leap) * 8 + c.isstd +
         c.isut);
  if (!b.ok()) {
    fail(error, "the TZif version 1 block is cut short");
    return std::nullopt;
  }
  char version2 = 0;
  if (!header(b, c, version2, error)) return std::nullopt;
  if (c.type == 0 || c.type > 256 || c.chars == 0) {
    fail(error, "the TZif data has no local time types, or too many");
    return std::nullopt;
  }
  if (c.leap != 0) {
    fail(error, "zones counting leap seconds (\"right/\") are not used");
    return std::nullopt;
  }
  if ((c.isstd != 0 && c.isstd != c.type) || (c.isut != 0 && c.isut != c.type)) {
    fail(error, "the TZif indicator counts do not match the local time types");
    return std::nullopt;
  }
  const uint64_t body = uint64_t(c.time) * 9 + uint64_t(c.type) * 6 + c.chars + c.isstd + c.isut;
  if (!b.need(body)) {
    fail(error, "the TZif data is cut short");
    return std::nullopt;
  }
  Zone z;
  z.times_.resize(c.time);
  for (auto& t : z.times_) t = b.be64();
  z.indices_.resize(c.time);
  for (auto& i : z.indices_) i = b.u8();
  struct Raw {
    int32_t offset;
    bool dst;
    uint8_t name;
  };
  std::vector<Raw> raw(c.type);
  for (auto& r : raw) {
    r.offset = static_cast<int32_t>(b.be32());
    r.dst = b.u8() != 0;
    r.name = b.u8();
  }
  std::string_view chars = b.take(c.chars);
  b.skip(uint64_t(c.isstd) + c.isut);
  for (size_t i = 0; i < z.times_.size(); ++i) {
    if (z.indices_[i] >= c.type || (i > 0 && z.times_[i] <= z.times_[i - 1]) ||
        z.times_[i] <= kBeginningOfTime || z.times_[i] >= kEndOfTime) {
      fail(error, "the TZif transitions are out of order or name a missing type");
      return std::nullopt;
    }
  }
  for (const Raw& r : raw) {
    // RFC 8536 3.2: -89999..93599 seconds (under 25 and 26 hours).
    if (r.offset < -89999 || r.offset > 93599 || r.name >= chars.size()) {
      fail(error, "a TZif local time type is out of range");
      return std::nullopt;
    }
    size_t end = chars.find('\0', r.name);
    if (end == std::string_view::npos) {
      fail(error, "a TZif time zone abbreviation is not terminated");
      return std::nullopt;
    }
    z.types_.push_back({r.offset, r.dst, std::string(chars.substr(r.name, end - r.name))});
  }
  // RFC 8536 3.3: after the version 2+ data, the footer: "\n", a POSIX TZ string, "\n".
  if (b.left() > 0) {
    if (b.u8() != '\n') {
      fail(error, "the TZif footer does not start with a line break");
      return std::nullopt;
    }
    std::string_view rest = b.take(b.left());
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) {
      fail(error, "the TZif footer does not end with a line break");
      return std::nullopt;
    }
    z.footer_ = std::string(rest.substr(0, nl));
    if (!z.footer_.empty()) {
      std::string why;
      z.rule_ = parse_posix_tz(z.footer_, &why);
      if (!z.rule_) {
        fail(error, why);
        return std::nullopt;
      }
    }
  }
  return z;
}

Zone Zone::fixed(int32_t offset, std::string abbreviation) {
  Zone z;
  z.types_.push_back({offset, false, std::move(abbreviation)});
  return z;
}

// ---------------------------------------------------------------------------------
// 4. Zone
// ---------------------------------------------------------------------------------
Period Zone::period_at(int64_t utc) const {
  Period p;
  // RFC 8536 3.2: before the first transition, the first local time type is in force.
  auto after = std::upper_bound(times_.begin(), times_.end(), utc);
  if (after == times_.begin()) {
    if (times_.empty() && rule_) return rule_period(*rule_, utc);
    p.type = types_.empty() ? LocalType{} : types_[0];
    if (!times_.empty()) p.end = times_.front();
    return p;
  }
  const size_t i = size_t(after - times_.begin()) - 1;
  if (after == times_.end() && rule_) {
    Period r = rule_period(*rule_, utc);
    r.begin = std::max(r.begin, times_[i]);
    return r;
  }
  p.begin = times_[i];
  p.end = after == times_.end() ? kEndOfTime : *after;
  p.type = types_[indices_[i]];
  return p;
}

Resolved Zone::from_local(int64_t local) const {
  // Offsets stay within 26 hours of UTC, so every period that could hold this wall-clock
  // time meets [local - 26 h, local + 26 h]. A handful at most; the cap guards against
  // a damaged zone with transitions a second apart.
  constexpr int64_t kReach = 26 * 3600;
  std::vector<Period> near;
  Period p = period_at(local - kReach);
  for (int guard = 0; guard < 64; ++guard) {
    near.push_back(p);
    if (p.end >= local + kReach || p.end >= kEndOfTime) break;
    p = period_at(p.end);
  }
  std::vector<const Period*> hits;
  for (const Period& q : near) {
    const int64_t utc = local - q.type.offset;
    if (utc >= q.begin && utc < q.end) hits.push_back(&q);
  }
  Resolved r;
  if (hits.size() == 1) {
    r.utc = r.utc_later = local - hits[0]->type.offset;
    r.type = hits[0]->type;
    return r;
  }
  if (hits.size() > 1) {  // the first occurrence has the larger offset: the earlier instant
    r.kind = LocalKind::Overlap;
    r.utc = local - hits.front()->type.offset;
    r.utc_later = local - hits.back()->type.offset;
    r.type = hits.front()->type;
    return r;
  }
  // A gap: the wall clock jumped over `local`. Read it with the offset before the jump.
  r.kind = LocalKind::Gap;
  for (size_t i = 0; i + 1 < near.size(); ++i) {
    if (local - near[i].type.offset >= near[i].end &&
        local - near[i + 1].type.offset < near[i + 1].begin) {
      r.utc = r.utc_later = local - near[i].type.offset;
      r.type = period_at(r.utc).type;
      return r;
    }
  }
  r.utc = r.utc_later = local - period_at(local).type.offset;  // unreachable for sane data
  r.type = period_at(r.utc).type;
  return r;
}

std::vector<Transition> Zone::transitions(int64_t from, int64_t to) const {
  std::vector<Transition> out;
  Period p = period_at(from);
  for (size_t guard = 0; guard < 100000 && p.end < to && p.end < kEndOfTime; ++guard) {
    Period next = period_at(p.end);
    if (!(next.type == p.type)) out.push_back({p.end, p.type, next.type});
    if (next.end <= p.end) break;  // no progress: damaged data
    p = next;
  }
  return out;
}

// ---------------------------------------------------------------------------------
// 5. ZoneDb
// ---------------------------------------------------------------------------------
std::optional<ZoneDb> ZoneDb::load(std::string_view bytes, std::string* error) {
  Bytes b(bytes);
  if (b.take(4) != "ATZ1") {
    fail(error, "not a zone asset (it does not start with \"ATZ1\")");
    return std::nullopt;
  }
  ZoneDb db;
  const uint32_t version_length = b.le32();
  db.version_ = std::string(b.take(version_length));
  const uint32_t files = b.le32();
  // Each file takes at least its 4-byte length: a count beyond the bytes is damage.
  if (!b.ok() || files > b.left() / 4) {
    fail(error, "the zone asset is cut short");
    return std::nullopt;
  }
  db.zones_.reserve(files);
  for (uint32_t i = 0; i < files; ++i) {
    const uint32_t length = b.le32();
    std::string_view data = b.take(length);
    if (!b.ok()) {
      fail(error, "the zone asset is cut short");
      return std::nullopt;
    }
    std::string why;
    std::optional<Zone> z = Zone::from_tzif(data, &why);
    if (!z) {
      fail(error, "zone " + std::to_string(i) + " of the asset: " + why);
      return std::nullopt;
    }
    db.zones_.push_back(std::move(*z));
  }
  const uint32_t names = b.le32();
  if (!b.ok() || names > b.left() / 6) {
    fail(error, "the zone asset's names are cut short");
    return std::nullopt;
  }
  for (uint32_t i = 0; i < names; ++i) {
    const uint16_t length = b.le16();
    std::string name(b.take(length));
    const uint32_t index = b.le32();
    if (!b.ok() || index >= db.zones_.size()) {
      fail(error, "the zone asset's names are damaged");
      return std::nullopt;
    }
    db.names_.emplace_back(std::move(name), index);
  }
  std::sort(db.names_.begin(), db.names_.end());
  return db;
}

const Zone* ZoneDb::find(std::string_view name) const {
  auto it = std::lower_bound(
      names_.begin(), names_.end(), name,
      [](const std::pair<std::string, size_t>& e, std::string_view n) { return e.first < n; });
  if (it == names_.end() || it->first != name) return nullptr;
  return &zones_[it->second];
}

// ---------------------------------------------------------------------------------
// 6. Zone names
// ---------------------------------------------------------------------------------
const std::vector<std::string_view>& zone_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v(detail::kZoneNames,
                                    detail::kZoneNames + detail::kZoneNameCount);
    std::sort(v.begin(), v.end());
    return v;
  }();
  return names;
}

bool is_zone_name(std::string_view name) {
  const auto& v = zone_names();
  return std::binary_search(v.begin(), v.end(), name);
}

const char* tzdata_version() { return detail::kTzdataVersion; }

std::string zone_name_problem(std::string_view name) {
  if (is_zone_name(name)) return {};
  const std::string quoted = "\"" + std::string(name.substr(0, 60)) + "\"";
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(uint8_t(c)));
    for (char& c : out)
      if (c == ' ') c = '_';
    return out;
  };
  const std::string wanted = lower(name);
  for (std::string_view known : zone_names())
    if (lower(known) == wanted)
      return quoted + " is written \"" + std::string(known) +
             "\" in the tz database (capitals and underscores matter)";
  // "Manila" -> "Asia/Manila": the last part of a name, when one zone has it.
  std::string_view match;
  int matches = 0;
  for (std::string_view known : zone_names()) {
    // Etc/GMT+5 is five hours behind UTC (POSIX signs): never offered for "GMT+5".
    const size_t slash = known.rfind('/');
    if (known.rfind("Etc/", 0) != 0 && slash != std::string_view::npos &&
        lower(known.substr(slash + 1)) == wanted) {
      match = known;
      ++matches;
    }
  }
  const std::string examples = "like \"Asia/Manila\" or \"Australia/Sydney\"";
  if (matches == 1)
    return quoted + " is not a time zone name: did you mean \"" + std::string(match) + "\"?";
  const bool offset_like =
      !name.empty() && (name[0] == '+' || name[0] == '-' || wanted.rfind("utc+", 0) == 0 ||
                        wanted.rfind("utc-", 0) == 0 || wanted.rfind("gmt+", 0) == 0 ||
                        wanted.rfind("gmt-", 0) == 0);
  if (offset_like)
    return quoted + " is an offset, not a time zone: name the place's zone from the tz database, " +
           examples + " (an offset belongs in the time itself, like T09:30+08:00)";
  return quoted + " is not a time zone name from the tz database (tzdata " +
         std::string(tzdata_version()) + "); use a name " + examples;
}

}  // namespace atlas::tz
