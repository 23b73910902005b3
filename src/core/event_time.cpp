// event_time.cpp — see event_time.hpp.
//
// Index
//   1. Moments
//   2. Words
//   3. Today
#include "core/event_time.hpp"

#include "core/i18n.hpp"

namespace atlas {

// ---------------------------------------------------------------------------------
// 1. Moments
// ---------------------------------------------------------------------------------
std::optional<Moment> moment_in_zone(int64_t utc, std::string_view zone_name,
                                     const tz::ZoneDb& db) {
  const tz::Zone* zone = db.find(zone_name);
  if (!zone) return std::nullopt;
  const tz::Period p = zone->period_at(utc);
  Moment m;
  m.fixed = true;
  m.utc = utc;
  m.offset = p.type.offset;
  m.local = m.written_local = utc + p.type.offset;
  m.zone = std::string(zone_name);
  m.abbreviation = p.type.abbreviation;
  return m;
}

std::optional<Moment> read_moment(const edtf::Date& written, std::string_view zone_name,
                                  const tz::ZoneDb* db, std::string* why, edtf::Language language) {
  const int64_t local = edtf::local_seconds(written);
  const std::optional<int64_t> utc = edtf::utc_seconds(written);
  const tz::Zone* zone = nullptr;
  if (!zone_name.empty()) {
    zone = db ? db->find(zone_name) : nullptr;
    if (!zone) {
      if (why)
        *why = db ? edtf::Words{language}(N_("the time zone \"{zone}\" is not in the zone data"),
                                          {{"zone", std::string(zone_name)}})
                  : edtf::Words{language}(N_("the time zone data is not loaded"));
      return std::nullopt;
    }
  }
  Moment m;
  m.written_local = local;
  if (utc) {  // an instant as written; shown on the venue's clock when there is one
    if (zone) return moment_in_zone(*utc, zone_name, *db);
    m.fixed = true;
    m.utc = *utc;
    m.offset = static_cast<int32_t>(local - *utc);
    m.local = local;
    m.abbreviation = written.offset == edtf::Offset::Utc ? "UTC" : "";
    return m;
  }
  if (!zone) {  // floating
    m.local = local;
    return m;
  }
  const tz::Resolved r = zone->from_local(local);
  m.fixed = true;
  m.utc = r.utc;
  m.offset = r.type.offset;
  m.local = r.utc + r.type.offset;  // a skipped time moves forward by the gap
  m.zone = std::string(zone_name);
  m.abbreviation = r.type.abbreviation;
  m.reading = r.kind;
  return m;
}

EventTimes event_times(const Event& e, const tz::ZoneDb* db, edtf::Language language) {
  EventTimes t;
  if (e.starts) t.starts = read_moment(e.starts->start, e.time_zone, db, &t.problem, language);
  if (e.ends && t.problem.empty())
    t.ends = read_moment(e.ends->start, e.time_zone, db, &t.problem, language);
  if (!t.problem.empty()) t.starts.reset(), t.ends.reset();
  return t;
}

// ---------------------------------------------------------------------------------
// 2. Words
// ---------------------------------------------------------------------------------
// Whole sentences from the catalog, with named placeholders, so a language can order the
// day, the clock and the zone as it writes them; the days inside are in the same language
// (describe_day), so a sentence is in one language. The exports (ICS) ask for English.
namespace {

std::string clock_of(int64_t local) {
  return edtf::clock_text(local - edtf::day_of_seconds(local) * 86400);
}

// "(PST, UTC+08:00)", "(UTC+11:00 to UTC+10:00)": numeric abbreviations ("+08") say
// nothing the offset does not. Always in the UI's language: only the Inspector shows it.
std::string zone_detail(const Moment& a, const std::optional<Moment>& b) {
  auto one = [](const Moment& m) {
    const bool named = !m.abbreviation.empty() && m.abbreviation != "UTC" &&
                       m.abbreviation[0] != '+' && m.abbreviation[0] != '-';
    const std::string offset = edtf::utc_offset_text(m.offset);
    return named ? trf("{abbreviation}, {offset}",
                       {{"abbreviation", m.abbreviation}, {"offset", offset}})
                 : offset;
  };
  std::string s = one(a);
  if (b && (b->offset != a.offset || b->abbreviation != a.abbreviation))
    s = trf("{from} to {to}", {{"from", s}, {"to", one(*b)}});
  return s;
}

// The start's or the end's (`start`), skipped or repeated by a daylight saving change.
std::string reading_note(const Moment& m, bool start) {
  if (m.reading != tz::LocalKind::Gap && m.reading != tz::LocalKind::Overlap) return {};
  const i18n::Args args = {
      {"time", clock_of(m.written_local)},
      {"day", edtf::describe_day(edtf::day_of_seconds(m.written_local), edtf::Language::ui)},
      {"zone", m.zone},
      {"read", clock_of(m.local)},
      {"abbreviation", m.abbreviation}};
  if (m.reading == tz::LocalKind::Gap)
    return start ? trf("The start time {time} does not exist on {day} in {zone} (the clocks go "
                       "forward): it is read as {read}.",
                       args)
                 : trf("The end time {time} does not exist on {day} in {zone} (the clocks go "
                       "forward): it is read as {read}.",
                       args);
  return start ? trf("The start time {time} happens twice on {day} in {zone} (the clocks go "
                     "back): the first is meant, {abbreviation}.",
                     args)
               : trf("The end time {time} happens twice on {day} in {zone} (the clocks go "
                     "back): the first is meant, {abbreviation}.",
                     args);
}

}  // namespace

std::string clock_range_text(const Moment& from, const std::optional<Moment>& to,
                             edtf::Language language) {
  const edtf::Words say{language};
  const int64_t d0 = edtf::day_of_seconds(from.local);
  const std::string day = edtf::describe_day(d0, language);
  if (!to) return say(N_("{day}, {time}"), {{"day", day}, {"time", clock_of(from.local)}});
  const int64_t d1 = edtf::day_of_seconds(to->local);
  if (d1 == d0)
    return say(N_("{day}, {from}–{to}"),
               {{"day", day}, {"from", clock_of(from.local)}, {"to", clock_of(to->local)}});
  return say(N_("{from} – {to}"), {{"from", clock_range_text(from, std::nullopt, language)},
                                   {"to", clock_range_text(*to, std::nullopt, language)}});
}

TimeDisplay describe_event_time(const Event& e, const tz::ZoneDb* db,
                                std::string_view viewer_zone) {
  const edtf::Language ui = edtf::Language::ui;
  TimeDisplay out;
  if (!e.starts) return out;
  EventTimes t = event_times(e, db, ui);
  if (!t.problem.empty() || !t.starts) {
    out.note = trf("The times cannot be shown: {why}.", {{"why", t.problem}});
    return out;
  }
  const Moment& a = *t.starts;
  const std::string when = clock_range_text(a, t.ends, ui);
  if (!a.fixed) {
    out.venue = trf("{when} (local time wherever one is: no time zone or offset is given)",
                    {{"when", when}});
    return out;
  }
  out.venue = a.zone.empty()
                  ? trf("{when} ({detail})", {{"when", when}, {"detail", zone_detail(a, t.ends)}})
                  : trf("{when} {zone} time ({detail})",
                        {{"when", when}, {"zone", a.zone}, {"detail", zone_detail(a, t.ends)}});
  out.note = reading_note(a, true);
  if (t.ends) {
    std::string end_note = reading_note(*t.ends, false);
    if (!end_note.empty()) out.note += (out.note.empty() ? "" : " ") + end_note;
  }
  if (viewer_zone.empty() || !db || viewer_zone == a.zone) return out;
  std::optional<Moment> va = moment_in_zone(a.utc, viewer_zone, *db);
  if (!va) return out;
  std::optional<Moment> vb;
  if (t.ends && t.ends->fixed) vb = moment_in_zone(t.ends->utc, viewer_zone, *db);
  if (va->offset == a.offset && (!vb || !t.ends || vb->offset == t.ends->offset)) return out;
  const std::string detail = zone_detail(*va, vb);
  const std::string when_here = clock_range_text(*va, vb, ui);
  out.viewer =
      detail == viewer_zone
          ? trf("{when} your time ({zone})",
                {{"when", when_here}, {"zone", std::string(viewer_zone)}})
          : trf("{when} your time ({zone}, {detail})",
                {{"when", when_here}, {"zone", std::string(viewer_zone)}, {"detail", detail}});
  return out;
}

bool needs_zone_data(const Dataset& d) {
  for (const Event& e : d.events)
    if (!e.time_zone.empty() || e.starts) return true;
  return false;
}

// ---------------------------------------------------------------------------------
// 3. Today
// ---------------------------------------------------------------------------------
int64_t day_in_zone(int64_t utc, std::string_view zone_name, const tz::ZoneDb* db) {
  const tz::Zone* zone = db && !zone_name.empty() ? db->find(zone_name) : nullptr;
  return edtf::day_of_seconds(zone ? zone->to_local(utc) : utc);
}

}  // namespace atlas
