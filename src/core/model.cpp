// model.cpp — vocabulary tables and look-ups for the dataset model.
#include "core/model.hpp"

#include <algorithm>

#include "core/i18n.hpp"  // N_: the labels are marked for the UI's catalog

namespace atlas {
namespace {

struct Term {
  const char* json;
  const char* label;
};

// Order matches the enums; JSON spellings are the format's contract.
constexpr Term kKinds[] = {{"roundtable", N_("roundtable")},
                           {"forum", N_("forum")},
                           {"working-group-meeting", N_("working-group meeting")},
                           {"campaign", N_("campaign")},
                           {"other", N_("other")}};
constexpr Term kStatuses[] = {{"proposed", N_("proposed")},   {"planned", N_("planned")},
                              {"confirmed", N_("confirmed")}, {"held", N_("held")},
                              {"postponed", N_("postponed")}, {"cancelled", N_("cancelled")}};
constexpr Term kSectors[] = {{"law-enforcement", N_("law enforcement")},
                             {"financial-intelligence-unit", N_("financial intelligence unit")},
                             {"regulator", N_("regulator")},
                             {"ministry", N_("ministry")},
                             {"bank", N_("bank")},
                             {"payments", N_("payments")},
                             {"technology-platform", N_("technology platform")},
                             {"telecom-isp", N_("telecom / ISP")},
                             {"ngo", N_("NGO")},
                             {"multilateral-un", N_("multilateral / UN")},
                             {"academia", N_("academia")},
                             {"law-firm", N_("law firm")},
                             {"other", N_("other")}};
constexpr Term kRoles[] = {{"host", N_("host")},
                           {"organiser", N_("organiser")},
                           {"grant", N_("grant")},
                           {"in-kind-support", N_("in-kind support")},
                           {"participant", N_("participant")},
                           {"presenter", N_("presenter")},
                           {"member", N_("member")},
                           {"chair", N_("chair")},
                           {"observer", N_("observer")},
                           {"other", N_("other")}};

static_assert(std::size(kKinds) == size_t(EventKind::Count));
static_assert(std::size(kStatuses) == size_t(EventStatus::Count));
static_assert(std::size(kSectors) == size_t(Sector::Count));
static_assert(std::size(kRoles) == size_t(Role::Count));

template <typename E, size_t N>
std::optional<E> lookup(const Term (&terms)[N], std::string_view s) {
  for (size_t i = 0; i < N; ++i)
    if (s == terms[i].json) return E(i);
  return std::nullopt;
}

template <size_t N>
std::string list_of(const Term (&terms)[N]) {
  std::string out;
  for (size_t i = 0; i < N; ++i) {
    if (i > 0) out += (i + 1 == N) ? " or " : ", ";
    out += '"';
    out += terms[i].json;
    out += '"';
  }
  return out;
}

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

const char* to_json_name(EventKind k) { return kKinds[size_t(k)].json; }
const char* to_json_name(EventStatus s) { return kStatuses[size_t(s)].json; }
const char* to_json_name(Sector s) { return kSectors[size_t(s)].json; }
const char* to_json_name(Role r) { return kRoles[size_t(r)].json; }
const char* label(EventKind k) { return kKinds[size_t(k)].label; }
const char* label(EventStatus s) { return kStatuses[size_t(s)].label; }
const char* label(Sector s) { return kSectors[size_t(s)].label; }
const char* label(Role r) { return kRoles[size_t(r)].label; }
std::optional<EventKind> event_kind_from(std::string_view s) {
  return lookup<EventKind>(kKinds, s);
}
std::optional<EventStatus> event_status_from(std::string_view s) {
  return lookup<EventStatus>(kStatuses, s);
}
std::optional<Sector> sector_from(std::string_view s) { return lookup<Sector>(kSectors, s); }
std::optional<Role> role_from(std::string_view s) { return lookup<Role>(kRoles, s); }
std::string allowed_event_kinds() { return list_of(kKinds); }
std::string allowed_event_statuses() { return list_of(kStatuses); }
std::string allowed_sectors() { return list_of(kSectors); }
std::string allowed_roles() { return list_of(kRoles); }

const Place* Dataset::find_place(std::string_view id) const { return find_by_id(places, id); }
const Organisation* Dataset::find_organisation(std::string_view id) const {
  return find_by_id(organisations, id);
}
const Event* Dataset::find_event(std::string_view id) const { return find_by_id(events, id); }
const WorkingGroup* Dataset::find_working_group(std::string_view id) const {
  return find_by_id(working_groups, id);
}

}  // namespace atlas
