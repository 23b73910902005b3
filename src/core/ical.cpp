// ical.cpp — see ical.hpp.
//
// Index
//   1. Values: dates, date-times, offsets, text, folding, UID
//   2. What an event becomes: all-day, timed or skipped
//   3. VTIMEZONE from the zone data
//   4. VEVENT
//   5. export_ical
#include "core/ical.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/countries.hpp"
#include "core/event_time.hpp"
#include "core/plan_fields.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Values
// ---------------------------------------------------------------------------------
namespace {

// "20260304"; years outside 0001..9999 cannot be written (checked by the caller).
std::string ical_date(int64_t day) {
  int64_t y = 0;
  int m = 0, dd = 0;
  edtf::civil_from_days(day, y, m, dd);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", int(y), m, dd);
  return buf;
}

// "20260304T093000" from local (or UTC) seconds.
std::string ical_date_time(int64_t seconds) {
  const int64_t day = edtf::day_of_seconds(seconds);
  const int64_t t = seconds - day * 86400;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d%02d%02d", int(t / 3600), int(t / 60 % 60), int(t % 60));
  return ical_date(day) + buf;
}

bool writable_day(int64_t day) {
  int64_t y = 0;
  int m = 0, dd = 0;
  edtf::civil_from_days(day, y, m, dd);
  return y >= 1 && y <= 9999;
}

// "+1100", "-0330", "+093952" (UTC-OFFSET, RFC 5545 3.3.14).
std::string utc_offset(int32_t offset) {
  const int32_t a = offset < 0 ? -offset : offset;
  char buf[16];
  if (a % 60 != 0)
    std::snprintf(buf, sizeof buf, "%c%02d%02d%02d", offset < 0 ? '-' : '+', a / 3600, a / 60 % 60,
                  a % 60);
  else
    std::snprintf(buf, sizeof buf, "%c%02d%02d", offset < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  return buf;
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

std::string ical_escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':  // CRLF and a lone CR are one line break
        if (i + 1 >= text.size() || text[i + 1] != '\n') out += "\\n";
        break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) break;
        out += c;
    }
  }
  return out;
}

std::string ical_fold(std::string_view line) {
  constexpr size_t kOctets = 75;
  std::string out;
  size_t pos = 0;
  bool first = true;
  while (true) {
    const size_t room = first ? kOctets : kOctets - 1;  // a continuation's space counts
    if (line.size() - pos <= room) {
      if (!first) out += ' ';
      out.append(line.substr(pos));
      out += "\r\n";
      return out;
    }
    size_t cut = pos + room;
    // Back off to the start of a UTF-8 character: never leave half of one on a line.
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == pos) cut = pos + room;  // not UTF-8 at all: cut where the octets end
    if (!first) out += ' ';
    out.append(line.substr(pos, cut - pos));
    out += "\r\n";
    pos = cut;
    first = false;
  }
}

std::string ical_uid(const Dataset& d, const Event& e, const IcalOptions& options) {
  if (!options.uid_domain.empty()) return e.id + "@" + options.uid_domain;
  char hash[24];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a(d.title)));
  return e.id + "@" + hash + ".coalition-atlas";
}

// ---------------------------------------------------------------------------------
// 2. What an event becomes
// ---------------------------------------------------------------------------------
namespace {

struct Plan {
  enum Kind { AllDay, Timed, Window, Skip } kind = Skip;
  std::string reason;                   // Window, Skip
  int64_t first_day = 0, last_day = 0;  // AllDay
  std::optional<Moment> starts, ends;   // Timed
  std::string note;                     // said in DESCRIPTION
};

bool days_only(const edtf::Value& v) {  // exact days, qualifiers allowed
  auto day = [](const edtf::Date& d) { return d.precision() == edtf::Precision::Day; };
  if (!v.interval) return day(v.start);
  return v.start_kind == edtf::End::Date && v.end_kind == edtf::End::Date && day(v.start) &&
         day(v.end);
}

Plan plan_of(const Event& e, const IcalOptions& o) {
  Plan p;
  if (!e.date) {
    p.reason = "it has no date";
    return p;
  }
  if (!days_only(*e.date)) {
    p.kind = Plan::Window;
    p.reason = "it is known only as a window of possible dates (" +
               edtf::describe(*e.date, edtf::Language::english) + ")";
    return p;
  }
  p.first_day = e.date->earliest();
  p.last_day = e.date->latest();
  if (!writable_day(p.first_day) || !writable_day(p.last_day + 1)) {
    p.reason = "its date is outside the years 1 to 9999 that a calendar can hold";
    return p;
  }
  if (e.date->uncertain() || e.date->approximate())
    p.note = "The date is " + edtf::describe(*e.date, edtf::Language::english) + ".";
  const bool one_day = p.first_day == p.last_day;
  if (e.starts && (e.ends || one_day)) {
    std::string why;
    EventTimes t = event_times(e, o.zones, edtf::Language::english);
    if (!t.problem.empty()) {
      p.reason = "its times cannot be read: " + t.problem;
      return p;
    }
    p.kind = Plan::Timed;
    p.starts = t.starts;
    p.ends = t.ends;
    return p;
  }
  if (e.starts) {
    EventTimes t = event_times(e, o.zones, edtf::Language::english);
    if (t.starts)
      p.note += std::string(p.note.empty() ? "" : " ") + "Starts " +
                clock_range_text(*t.starts, std::nullopt, edtf::Language::english) +
                (t.starts->zone.empty() ? "" : " " + t.starts->zone + " time") + ".";
  }
  p.kind = Plan::AllDay;
  return p;
}

// ---------------------------------------------------------------------------------
// 3. VTIMEZONE
// ---------------------------------------------------------------------------------
// An observance for the local time in force when the range starts, then one for each
// change within it: enough for every time the file names, and nothing a reader must
// extrapolate (no RRULE).
void vtimezone(std::string& out, const std::string& name, const tz::Zone& zone, int64_t from,
               int64_t to) {
  auto line = [&](const std::string& l) { out += ical_fold(l); };
  line("BEGIN:VTIMEZONE");
  line("TZID:" + name);
  auto observance = [&](const tz::LocalType& before, const tz::LocalType& after, int64_t at) {
    const char* kind = after.dst ? "DAYLIGHT" : "STANDARD";
    line(std::string("BEGIN:") + kind);
    line("DTSTART:" + ical_date_time(at + before.offset));  // the wall clock before it
    line("TZOFFSETFROM:" + utc_offset(before.offset));
    line("TZOFFSETTO:" + utc_offset(after.offset));
    if (!after.abbreviation.empty()) line("TZNAME:" + ical_escape_text(after.abbreviation));
    line(std::string("END:") + kind);
  };
  const tz::Period start = zone.period_at(from);
  observance(start.type, start.type, from);
  for (const tz::Transition& t : zone.transitions(from, to)) observance(t.before, t.after, t.at);
  line("END:VTIMEZONE");
}

// ---------------------------------------------------------------------------------
// 4. VEVENT
// ---------------------------------------------------------------------------------
const char* ical_status(EventStatus s) {
  switch (s) {
    case EventStatus::Confirmed:
    case EventStatus::Held:
      return "CONFIRMED";
    case EventStatus::Cancelled:
      return "CANCELLED";
    default:
      return "TENTATIVE";
  }
}

// A wall-clock time that happens twice (the clocks go back) is written in UTC: readers
// differ on which of the two a TZID time means (libical takes the second, RFC 5545 says
// the first), and the instant is what matters.
bool uses_tzid(const Moment& m) {
  return m.fixed && !m.zone.empty() && m.reading != tz::LocalKind::Overlap;
}

std::string moment_property(const char* key, const Moment& m) {
  if (!m.fixed) return std::string(key) + ":" + ical_date_time(m.local);  // floating
  if (uses_tzid(m)) return std::string(key) + ";TZID=" + m.zone + ":" + ical_date_time(m.local);
  return std::string(key) + ":" + ical_date_time(m.utc) + "Z";
}

std::string description(const Dataset& d, const Event& e, const Plan& p) {
  std::string s = e.notes;
  auto para = [&](const std::string& x) {
    if (x.empty()) return;
    if (!s.empty()) s += "\n\n";
    s += x;
  };
  para(p.note);
  if (e.postponed_from)
    para("Postponed from " + edtf::describe(*e.postponed_from, edtf::Language::english) + ".");
  std::string todo;
  for (const ChecklistItem& c : e.checklist) {
    todo +=
        std::string("\n") + (c.done ? "[x] " : "[ ] ") + (c.deadline ? "Deadline: " : "") + c.text;
    std::string detail;
    if (!c.owner.empty()) detail = c.owner;
    if (c.due)
      detail +=
          (detail.empty() ? "" : ", ") + ("due " + edtf::describe(*c.due, edtf::Language::english));
    if (!detail.empty()) todo += " (" + detail + ")";
  }
  if (!todo.empty()) para("Checklist:" + todo);
  (void)d;
  return s;
}

void vevent(std::string& out, const Dataset& d, const Event& e, const Plan& p,
            const IcalOptions& o) {
  auto line = [&](const std::string& l) { out += ical_fold(l); };
  line("BEGIN:VEVENT");
  line("UID:" + ical_uid(d, e, o));
  line("DTSTAMP:" + ical_date_time(o.now_utc) + "Z");
  const int sequence = (e.postponed_from ? 1 : 0) + (e.status == EventStatus::Cancelled ? 1 : 0);
  line("SEQUENCE:" + std::to_string(sequence));
  if (p.kind == Plan::AllDay) {
    line("DTSTART;VALUE=DATE:" + ical_date(p.first_day));
    line("DTEND;VALUE=DATE:" + ical_date(p.last_day + 1));  // exclusive
  } else {
    line(moment_property("DTSTART", *p.starts));
    if (p.ends) line(moment_property("DTEND", *p.ends));
  }
  line("SUMMARY:" + ical_escape_text(e.title));
  if (e.status) line(std::string("STATUS:") + ical_status(*e.status));
  if (const Place* place = d.find_place(e.place)) {
    const Country* c = find_country(place->country);
    line("LOCATION:" + ical_escape_text(place->name + (c ? std::string(", ") + c->name : "")));
    if (place->lat && place->lon) {
      char geo[64];
      std::snprintf(geo, sizeof geo, "GEO:%.6f;%.6f", *place->lat, *place->lon);
      line(geo);
    }
  }
  const std::string text = description(d, e, p);
  if (!text.empty()) line("DESCRIPTION:" + ical_escape_text(text));
  line(std::string("CATEGORIES:") + to_json_name(e.kind));
  if (!e.links.empty()) line("URL:" + e.links.front().url);
  if (e.status) line(std::string("X-COALITION-ATLAS-STATUS:") + to_json_name(*e.status));
  line("X-COALITION-ATLAS-DATE:" + ical_escape_text(edtf::format(*e.date)));
  line("END:VEVENT");
}

}  // namespace

// ---------------------------------------------------------------------------------
// 5. export_ical
// ---------------------------------------------------------------------------------
std::string export_ical(const Dataset& d, const IcalOptions& options, IcalReport* report) {
  IcalReport local;
  IcalReport& r = report ? *report : local;
  r = IcalReport{};
  std::vector<std::pair<const Event*, Plan>> events;
  std::map<std::string, std::pair<int64_t, int64_t>> zones;  // name -> UTC range used
  for (const Event& e : d.events) {
    if (!options.statuses.shows(e)) continue;
    Plan p = plan_of(e, options);
    if (p.kind == Plan::Window) {
      r.windows.push_back({e.id, p.reason});
      continue;
    }
    if (p.kind == Plan::Skip) {
      r.other.push_back({e.id, p.reason});
      continue;
    }
    if (p.kind == Plan::Timed) {
      for (const auto* m : {&p.starts, &p.ends}) {
        if (!*m || !uses_tzid(**m)) continue;
        auto [it, fresh] = zones.try_emplace((*m)->zone, (*m)->utc, (*m)->utc);
        it->second.first = std::min(it->second.first, (*m)->utc);
        it->second.second = std::max(it->second.second, (*m)->utc);
        (void)fresh;
      }
    }
    events.emplace_back(&e, std::move(p));
  }

  std::string out;
  auto line = [&](const std::string& l) { out += ical_fold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//Coalition Atlas//Plan export//EN");
  line("CALSCALE:GREGORIAN");  // no METHOD: a file to import, not an iTIP message
  line("X-WR-CALNAME:" + ical_escape_text(d.title));
  constexpr int64_t kYear = 366 * 86400;
  for (const auto& [name, range] : zones)
    if (const tz::Zone* z = options.zones ? options.zones->find(name) : nullptr)
      vtimezone(out, name, *z, range.first - kYear, range.second + kYear);
  for (const auto& [e, p] : events) vevent(out, d, *e, p, options);
  line("END:VCALENDAR");
  r.exported = events.size();
  return out;
}

}  // namespace atlas
