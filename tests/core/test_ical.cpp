// test_ical.cpp — the calendar export (src/core/ical.hpp): escaping, folding, what each
// event becomes, stable UIDs. Real calendar parsers read the same exports in
// tests/ical (Debian's libical natively, ical.js under node).
#include <doctest/doctest.h>

#include "core/ical.hpp"
#include "core/utf8.hpp"
#include "plan_fixture.hpp"
#include "zones_fixture.hpp"

using namespace atlas;

namespace {

const tz::ZoneDb& zones() { return test::test_zones(); }

IcalOptions options() {
  IcalOptions o;
  o.now_utc = edtf::days_from_civil(2026, 3, 1) * 86400 + 8 * 3600;  // 2026-03-01T08:00:00Z
  o.zones = &zones();
  return o;
}

// Physical lines, without their CRLF; fails on a bare CR or LF.
std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find("\r\n", pos);
    REQUIRE(end != std::string::npos);
    out.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  for (const auto& l : out) {
    CHECK(l.find('\r') == std::string::npos);
    CHECK(l.find('\n') == std::string::npos);
  }
  return out;
}

// Content lines: folded lines joined again (RFC 5545 3.1).
std::vector<std::string> content_lines(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& l : physical_lines(text)) {
    if (!l.empty() && l[0] == ' ' && !out.empty())
      out.back() += l.substr(1);
    else
      out.push_back(l);
  }
  return out;
}

// The content lines of one VEVENT, found by its UID's event id; empty when absent.
std::vector<std::string> vevent(const std::string& text, const std::string& id) {
  std::vector<std::string> cur;
  for (const auto& l : content_lines(text)) {
    if (l == "BEGIN:VEVENT") cur.clear();
    cur.push_back(l);
    if (l != "END:VEVENT") continue;
    for (const auto& c : cur)
      if (c.rfind("UID:" + id + "@", 0) == 0) return cur;
  }
  return {};
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("ical text escaping") {
  CHECK(ical_escape_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
  CHECK(ical_escape_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(ical_escape_text(std::string("tab\there\x01\x7f!")) == "tab\there!");
  CHECK(ical_escape_text("กรุงเทพ 香港") == "กรุงเทพ 香港");
}

TEST_CASE("ical folding: at most 75 octets, never inside a UTF-8 character") {
  const std::vector<std::string> texts = {
      "SUMMARY:" + std::string(300, 'a'),
      "SUMMARY:การประชุมโต๊ะกลมประเทศไทยว่าด้วยการคุ้มครองเด็กบนโลกออนไลน์ ครั้งที่สอง",
      "SUMMARY:新西兰工作组会议：年度审查与二〇二六年工作计划讨论（奥克兰）新西兰工作组会议",
      "DESCRIPTION:x" + std::string("\xF0\x9F\x8C\x8F") + "emoji" +
          std::string(40, '\xE2') /* not UTF-8 at all: still cut at 75 */,
      "SHORT:ok",
      std::string(75, 'b'),
      std::string(76, 'c'),
  };
  for (const std::string& t : texts) {
    INFO(t);
    const std::string folded = ical_fold(t);
    std::string joined;
    bool first = true;
    for (const std::string& l : physical_lines(folded)) {
      CHECK(l.size() <= 75);
      if (!first) {
        REQUIRE(!l.empty());
        CHECK(l[0] == ' ');
      }
      const std::string part = first ? l : l.substr(1);
      if (is_valid_utf8(t)) {
        CHECK(is_valid_utf8(part));  // every line is whole characters
        CHECK(!part.empty());
      }
      joined += part;
      first = false;
    }
    CHECK(joined == t);
  }
  CHECK(ical_fold(std::string(75, 'b')) == std::string(75, 'b') + "\r\n");
  CHECK(ical_fold(std::string(76, 'c')) == std::string(75, 'c') + "\r\n c\r\n");
}

TEST_CASE("ical export: every line ends with CRLF, fits 75 octets and is whole UTF-8") {
  const Dataset d = test::load_plan_dataset();
  const std::string text = export_ical(d, options());
  size_t folded = 0;
  for (const std::string& l : physical_lines(text)) {
    CHECK(l.size() <= 75);
    CHECK(is_valid_utf8(l));
    folded += !l.empty() && l[0] == ' ';
  }
  CHECK(folded > 5);  // the Thai and Chinese titles and notes did fold
  const std::vector<std::string> lines = content_lines(text);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(has(lines, "VERSION:2.0"));
  CHECK(has(lines, "X-WR-CALNAME:Plans for 2026 (test)"));
}

TEST_CASE("ical export: what each event becomes") {
  const Dataset d = test::load_plan_dataset();
  IcalReport report;
  const std::string text = export_ical(d, options(), &report);
  CHECK(report.exported == 10);
  REQUIRE(report.windows.size() == 2);
  CHECK(report.windows[0].event == "rt-th-2026");
  CHECK(report.windows[0].reason ==
        "it is known only as a window of possible dates (sometime in May 2026)");
  CHECK(report.windows[1].event == "rt-old");
  REQUIRE(report.other.size() == 1);
  CHECK(report.other[0].event == "undated");
  CHECK(report.other[0].reason == "it has no date");
  CHECK(vevent(text, "rt-th-2026").empty());

  // Timed, in the venue's zone.
  auto e = vevent(text, "rt-ph-2026");
  REQUIRE(!e.empty());
  CHECK(has(e, "DTSTART;TZID=Asia/Manila:20260304T093000"));
  CHECK(has(e, "DTEND;TZID=Asia/Manila:20260304T170000"));
  CHECK(has(e, "STATUS:CONFIRMED"));
  CHECK(has(e, "SEQUENCE:0"));
  CHECK(has(e, "DTSTAMP:20260301T080000Z"));
  CHECK(has(e, "LOCATION:Manila\\, Philippines"));
  CHECK(has(e, "GEO:14.599500;120.984200"));
  CHECK(has(e, "URL:https://www.icmec.org/"));
  CHECK(has(e, "CATEGORIES:roundtable"));
  CHECK(has(e, "X-COALITION-ATLAS-DATE:2026-03-04"));
  CHECK(has(e,
            "DESCRIPTION:Second roundtable in Manila.\\nAgenda: payments\\, platforms\\; law "
            "enforcement.\\n\\nChecklist:\\n[x] Book the venue (Ana\\, due 20 February "
            "2026)\\n[ ] Send the invitations (Ben\\, due 25 February 2026)\\n[ ] Deadline: "
            "Registration closes (due 2 March 2026 at 17:00 (UTC+08:00))\\n[ ] Print the "
            "programme (due sometime in March 2026)"));
  // All-day over exact days, DTEND the day after (exclusive); text escaped.
  e = vevent(text, "forum-manila-2026");
  CHECK(has(e, "DTSTART;VALUE=DATE:20260303"));
  CHECK(has(e, "DTEND;VALUE=DATE:20260306"));
  CHECK(has(e, "SUMMARY:ASEAN Cyber Forum\\, Manila\\; day one to three"));
  // Status and sequence.
  e = vevent(text, "campaign-cancelled");
  CHECK(has(e, "STATUS:CANCELLED"));
  CHECK(has(e, "SEQUENCE:1"));
  e = vevent(text, "rt-hk-postponed");
  CHECK(has(e, "STATUS:TENTATIVE"));
  CHECK(has(e, "SEQUENCE:1"));
  CHECK(has(e, "X-COALITION-ATLAS-STATUS:postponed"));
  CHECK(has(e, "DTSTART;VALUE=DATE:20260610"));
  CHECK(
      has(e,
          "DESCRIPTION:การประชุมเลื่อนออกไป 香港圆桌会议延期至六月 \\\\ back\\\\slash\\n\\nPostponed "
          "from 10 March 2026."));
  CHECK(has(vevent(text, "rt-cebu"), "STATUS:TENTATIVE"));
  CHECK(has(vevent(text, "forum-sydney"), "STATUS:TENTATIVE"));
  // No status: no STATUS.
  for (const auto& l : vevent(text, "meeting-floating")) CHECK(l.rfind("STATUS", 0) != 0);
  // UTC as written, and floating.
  CHECK(has(vevent(text, "forum-utc"), "DTSTART:20260320T080000Z"));
  CHECK(has(vevent(text, "meeting-floating"), "DTSTART:20260321T100000"));
  // A start but no end: no end is invented. And 02:30 happens twice that night in
  // Auckland: written as the instant meant (the first, NZDT), in UTC.
  e = vevent(text, "wg-nz-meeting");
  CHECK(has(e, "DTSTART:20260404T133000Z"));
  for (const auto& l : e) CHECK(l.rfind("DTEND", 0) != 0);
  // Sydney across the start of daylight saving.
  e = vevent(text, "forum-sydney");
  CHECK(has(e, "DTSTART;TZID=Australia/Sydney:20261004T090000"));
  CHECK(has(e, "DTEND;TZID=Australia/Sydney:20261006T170000"));
  CHECK(has(vevent(text, "nz-2027"), "DTSTART;TZID=Pacific/Auckland:20270404T100000"));
}

TEST_CASE("ical export: a VTIMEZONE for each zone used, with its changes") {
  const std::string text = export_ical(test::load_plan_dataset(), options());
  const std::vector<std::string> lines = content_lines(text);
  for (const char* z : {"Asia/Manila", "Australia/Sydney", "Pacific/Auckland"})
    CHECK(has(lines, std::string("TZID:") + z));
  CHECK_FALSE(has(lines, "TZID:UTC"));
  // Sydney: daylight saving from 02:00 on 4 October 2026 (+10:00 -> +11:00).
  auto at = std::find(lines.begin(), lines.end(), "DTSTART:20261004T020000");
  REQUIRE(at != lines.end());
  CHECK(*(at - 1) == "BEGIN:DAYLIGHT");
  CHECK(*(at + 1) == "TZOFFSETFROM:+1000");
  CHECK(*(at + 2) == "TZOFFSETTO:+1100");
  CHECK(*(at + 3) == "TZNAME:AEDT");
  // Auckland: back to standard time at 03:00 on 5 April 2026 (+13:00 -> +12:00). (Sydney
  // changes at the same wall-clock time, so look inside Auckland's VTIMEZONE.)
  at = std::find(std::find(lines.begin(), lines.end(), "TZID:Pacific/Auckland"), lines.end(),
                 "DTSTART:20260405T030000");
  REQUIRE(at != lines.end());
  CHECK(*(at - 1) == "BEGIN:STANDARD");
  CHECK(*(at + 1) == "TZOFFSETFROM:+1300");
  CHECK(*(at + 2) == "TZOFFSETTO:+1200");
}

TEST_CASE("ical export: the same event keeps its UID across exports") {
  const Dataset d = test::load_plan_dataset();
  IcalOptions later = options();
  later.now_utc += 86400 * 40;
  const std::string a = export_ical(d, options()), b = export_ical(d, later);
  CHECK(a != b);  // DTSTAMP moved on
  auto without_stamp = [](const std::string& t) {
    std::vector<std::string> out;
    for (const auto& l : content_lines(t))
      if (l.rfind("DTSTAMP:", 0) != 0) out.push_back(l);
    return out;
  };
  CHECK(without_stamp(a) == without_stamp(b));
  // An edit elsewhere does not change an event's UID; the UID is the id at a domain
  // made from the dataset's title.
  Dataset edited = d;
  edited.events.erase(edited.events.begin() + 1);
  edited.events[0].title = "Renamed";
  const std::string uid = ical_uid(d, d.events[0], options());
  CHECK(uid == ical_uid(edited, edited.events[0], options()));
  CHECK(uid.rfind("rt-ph-2026@", 0) == 0);
  CHECK(uid.size() ==
        std::string("rt-ph-2026@").size() + 16 + std::string(".coalition-atlas").size());
  CHECK(has(vevent(export_ical(edited, later), "rt-ph-2026"), "UID:" + uid));
  IcalOptions named = options();
  named.uid_domain = "apfc.example.org";
  CHECK(ical_uid(d, d.events[0], named) == "rt-ph-2026@apfc.example.org");
  Dataset other = d;
  other.title = "Another coalition";
  CHECK(ical_uid(other, other.events[0], options()) != uid);
}

TEST_CASE("ical export: the status filter, and times without zone data") {
  const Dataset d = test::load_plan_dataset();
  IcalOptions o = options();
  o.statuses = StatusFilter::without_cancelled();
  CHECK(vevent(export_ical(d, o), "campaign-cancelled").empty());
  o = options();
  o.zones = nullptr;
  IcalReport report;
  const std::string text = export_ical(d, o, &report);
  CHECK(vevent(text, "rt-ph-2026").empty());
  bool said = false;
  for (const auto& s : report.other)
    said |= s.event == "rt-ph-2026" &&
            s.reason == "its times cannot be read: the time zone data is not loaded";
  CHECK(said);
  // What needs no zone data still goes out.
  CHECK(has(vevent(text, "forum-utc"), "DTSTART:20260320T080000Z"));
}
