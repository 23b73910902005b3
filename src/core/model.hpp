// model.hpp — the Coalition Atlas dataset, format version 1.
//
// Index
//   1. Vocabularies: event kinds and statuses, organisation sectors, roles (JSON spelling
//      <-> enum)
//   2. Items: places, organisations, events (with their plans: status, times, checklist),
//      working groups, stories
//   3. Dataset
//
// Every item keeps the fields this version does not know in `extra`, so a file
// written by a newer tool survives a round trip through this one (never dropped).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date_edtf.hpp"

namespace atlas {

// Unknown fields of an item: null when there are none (the default: no allocation for
// each of 100,000 events), else an object (keys sorted: canonical output for free).
// Iterating, size(), empty() and contains() treat null as {}, and writing a field with
// operator[] makes it an object; at() and the const operator[] throw on null, so ask
// is_object() first. Compare two with same_extra, since null != {}.
using Extra = nlohmann::json;

// True when two items' unknown fields are the same (null and {} both mean none).
inline bool same_extra(const Extra& a, const Extra& b) {
  return a.empty() && b.empty() ? true : a == b;
}

inline constexpr const char* kFormatName = "coalition-atlas";
inline constexpr int kFormatVersion = 1;

// ---------------------------------------------------------------------------------
// 1. Vocabularies
// ---------------------------------------------------------------------------------
enum class EventKind { Roundtable, Forum, WorkingGroupMeeting, Campaign, Other, Count };
// Where an event stands. Optional: an event without one is of unknown status (the
// sample's records). How each is drawn is in the README ("Plans").
enum class EventStatus { Proposed, Planned, Confirmed, Held, Postponed, Cancelled, Count };
enum class Sector {
  LawEnforcement,
  FinancialIntelligenceUnit,
  Regulator,
  Ministry,
  Bank,
  Payments,
  TechnologyPlatform,
  TelecomIsp,
  Ngo,
  MultilateralUn,
  Academia,
  LawFirm,
  Other,
  Count
};
enum class Role {
  Host,
  Organiser,
  Grant,
  InKindSupport,
  Participant,
  Presenter,
  Member,
  Chair,
  Observer,
  Other,
  Count
};

// JSON spelling ("working-group-meeting") and words for people ("working-group meeting").
const char* to_json_name(EventKind k);
const char* to_json_name(EventStatus s);
const char* to_json_name(Sector s);
const char* to_json_name(Role r);
const char* label(EventKind k);
const char* label(EventStatus s);
const char* label(Sector s);
const char* label(Role r);
std::optional<EventKind> event_kind_from(std::string_view s);
std::optional<EventStatus> event_status_from(std::string_view s);
std::optional<Sector> sector_from(std::string_view s);
std::optional<Role> role_from(std::string_view s);
// "a, b or c" — for error messages that list what is allowed.
std::string allowed_event_kinds();
std::string allowed_event_statuses();
std::string allowed_sectors();
std::string allowed_roles();

// ---------------------------------------------------------------------------------
// 2. Items
// ---------------------------------------------------------------------------------
struct Link {
  std::string url;
  std::string label;
  Extra extra;
};

// An organisation's part in an event or a working group.
struct Participation {
  std::string organisation;  // organisation id
  Role role = Role::Participant;
  std::string note;  // optional detail ("New Zealand Roundtable in-kind support")
  Extra extra;
};

struct Place {
  std::string id;
  std::string name;
  std::string country;        // ISO 3166-1 alpha-2
  std::optional<double> lat;  // both or neither: a place may lack coordinates
  std::optional<double> lon;
  std::string notes;
  std::string source;  // where the facts came from
  Extra extra;
};

struct Organisation {
  std::string id;
  std::string name;
  Sector sector = Sector::Other;
  std::string country;  // optional, ISO 3166-1 alpha-2
  std::string notes;
  std::string source;
  Extra extra;
};

// Something to do before an event, or a deadline set by others. A deadline
// (registration closes, invitations must be out) is an item with `deadline` set: it
// always has a due date, and the Plan pane and the timeline mark it as a date that
// passes whether or not anyone acts.
struct ChecklistItem {
  std::string text;                // required
  std::string owner;               // who does it, free text, optional
  std::optional<edtf::Value> due;  // optional; a date, a window or a date-time
  bool done = false;
  bool deadline = false;
  Extra extra;
};

struct Event {
  // Written out, not defaulted: with a defaulted one, Event() (a vector's emplace_back)
  // first zeroes all 472 bytes, most of them four optional dates that stay empty.
  Event() noexcept {}  // the members' own initializers are all it needs

  std::string id;
  EventKind kind = EventKind::Other;
  std::string title;
  std::optional<edtf::Value> date;  // a date or an interval: the day(s) it happens, or
                                    // the window of days it may happen in
  std::string place;                // place id, optional
  std::vector<Participation> organisations;
  std::string notes;
  std::vector<Link> links;
  std::string source;

  // Plans (all optional). `starts` and `ends` are EDTF level 0 date-times that give
  // the times of day on the event's first and last day; the date stays in `date` (which
  // an older version still reads), so `starts` needs a date of exact days, and falls on
  // its first day, `ends` on its last. Written without an offset they are the venue's
  // wall clock in `time_zone` (an IANA name, "Asia/Manila"); with Z or an offset they
  // are instants, shown in `time_zone` when there is one.
  std::optional<EventStatus> status;
  std::optional<edtf::Value> starts;
  std::optional<edtf::Value> ends;
  std::string time_zone;
  // A postponed event's `date` is its new date (or the window it may move to, or none
  // when not yet known); `postponed_from` is the date it had before.
  std::optional<edtf::Value> postponed_from;
  std::vector<ChecklistItem> checklist;

  Extra extra;
};

struct WorkingGroup {
  std::string id;
  std::string name;
  std::string country;                // ISO 3166-1 alpha-2
  std::optional<edtf::Value> active;  // usually an interval, open end allowed
  std::vector<Participation> members;
  std::vector<Sector> member_sectors;  // the kinds of members, when names are not known
  std::string origin;                  // the roundtable (event id) it grew from, optional
  std::string notes;
  std::string source;
  Extra extra;
};

// A story for presenting: an ordered list of steps, each showing one item with a map
// camera and a timeline window (all optional: an empty item is an overview step).
struct StoryStep {
  std::string item;  // an event, working group, place or organisation id; "" = overview
  struct Camera {
    double lon = 0, lat = 0, zoom = 0;
    Extra extra;
  };
  std::optional<Camera> map;
  std::optional<edtf::Value> timeline;  // the window shown, usually an interval
  std::string caption;                  // replaces the item's notes on the caption card
  Extra extra;
};

struct Story {
  std::string id;
  std::string title;
  std::vector<StoryStep> steps;
  Extra extra;
};

// ---------------------------------------------------------------------------------
// 3. Dataset
// ---------------------------------------------------------------------------------
struct Dataset {
  std::string title;
  std::string description;
  std::string source;
  std::vector<Place> places;
  std::vector<Organisation> organisations;
  std::vector<Event> events;
  std::vector<WorkingGroup> working_groups;
  std::vector<Story> stories;
  Extra extra;

  const Place* find_place(std::string_view id) const;
  const Organisation* find_organisation(std::string_view id) const;
  const Event* find_event(std::string_view id) const;
  const WorkingGroup* find_working_group(std::string_view id) const;
};

}  // namespace atlas
