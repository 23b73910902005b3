// dataset_reader.cpp — the one-pass reader: a JSON parser's events -> Dataset + diagnostics.
//
// Index
//   1. The format's shape: its objects, their fields, which fields hold lists of objects
//   2. The reader: a stack of open containers. A known field's value waits in a slot
//      until its object closes; a list's items go straight into the model; unknown fields
//      and values of the wrong kind become JSON (kept in `extra`, or named in a message)
//   3. Checks: each object's fields in the format's order, which is the order the
//      diagnostics are listed in, whatever order the file has them in
//   4. Migrations: datasets of older format versions brought up to date
//   5. Parsers: rapidjson (fast) reads the text; a text it refuses is read again by
//      nlohmann's parser, whose reports the syntax-error sentences are written for
//   6. read_dataset
#include "core/dataset_reader.hpp"

#include <rapidjson/reader.h>

#include <cctype>
#include <cerrno>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "core/countries.hpp"
#include "core/plan_fields.hpp"
#include "core/utf8.hpp"

namespace atlas::detail {
namespace {

using json = nlohmann::json;

// ---------------------------------------------------------------------------------
// 1. The format's shape
// ---------------------------------------------------------------------------------
// To add a field to an object: name it in the object's table here, check it in the
// object's function in section 3 (where it is also put into the model), write it in
// save_dataset. Any field not named here is kept in the item's `extra`, with a warning.
enum class Node : uint8_t {
  Root,
  Place,
  Organisation,
  Event,
  WorkingGroup,
  Story,
  Part,  // an organisation's part in an event or a working group
  Link,
  ChecklistItem,  // an event's checklist (plans, core/plan_fields.hpp)
  Step,
  Camera,  // a story step's map
  None
};
constexpr size_t kNodes = size_t(Node::None);

enum class Shape : uint8_t {
  Value,    // text, a number, true/false: checked when its object closes
  List,     // a list of objects of `child`, read into the model as they close
  Sectors,  // a list of sector names
  Object    // one object of `child`
};

struct Field {
  constexpr Field(const char* n, Shape s = Shape::Value, Node c = Node::None)
      : name(n), len(std::char_traits<char>::length(n)), shape(s), child(c) {}
  const char* name;
  size_t len;
  Shape shape;
  Node child;
};

constexpr Field kRootFields[] = {{"format"},
                                 {"version"},
                                 {"title"},
                                 {"description"},
                                 {"source"},
                                 {"places", Shape::List, Node::Place},
                                 {"organisations", Shape::List, Node::Organisation},
                                 {"events", Shape::List, Node::Event},
                                 {"working_groups", Shape::List, Node::WorkingGroup},
                                 {"stories", Shape::List, Node::Story}};
constexpr Field kPlaceFields[] = {{"id"},  {"name"},  {"country"}, {"lat"},
                                  {"lon"}, {"notes"}, {"source"}};
constexpr Field kOrganisationFields[] = {{"id"},      {"name"},  {"sector"},
                                         {"country"}, {"notes"}, {"source"}};
constexpr Field kEventFields[] = {{"id"},
                                  {"kind"},
                                  {"title"},
                                  {"date"},
                                  {"place"},
                                  {"organisations", Shape::List, Node::Part},
                                  {"notes"},
                                  {"links", Shape::List, Node::Link},
                                  {"source"},
                                  // Plans: the rules are in core/plan_fields.hpp.
                                  {"status"},
                                  {"starts"},
                                  {"ends"},
                                  {"time_zone"},
                                  {"postponed_from"},
                                  {"checklist", Shape::List, Node::ChecklistItem}};
constexpr Field kWorkingGroupFields[] = {{"id"},
                                         {"name"},
                                         {"country"},
                                         {"active"},
                                         {"members", Shape::List, Node::Part},
                                         {"member_sectors", Shape::Sectors},
                                         {"origin"},
                                         {"notes"},
                                         {"source"}};
constexpr Field kStoryFields[] = {{"id"}, {"title"}, {"steps", Shape::List, Node::Step}};
constexpr Field kPartFields[] = {{"organisation"}, {"role"}, {"note"}};
constexpr Field kLinkFields[] = {{"url"}, {"label"}};
constexpr Field kCheckItemFields[] = {{"text"}, {"owner"}, {"due"}, {"done"}, {"deadline"}};
constexpr Field kStepFields[] = {
    {"item"}, {"caption"}, {"timeline"}, {"map", Shape::Object, Node::Camera}};
constexpr Field kCameraFields[] = {{"lon"}, {"lat"}, {"zoom"}};

struct NodeSpec {
  const Field* fields;
  size_t count;
  const char* what;  // "a place must be an object ({…}), not a list"
};
template <size_t N>
constexpr NodeSpec spec(const Field (&f)[N], const char* what) {
  return {f, N, what};
}
constexpr NodeSpec kSpecs[kNodes] = {spec(kRootFields, "the file"),
                                     spec(kPlaceFields, "a place"),
                                     spec(kOrganisationFields, "an organisation"),
                                     spec(kEventFields, "an event"),
                                     spec(kWorkingGroupFields, "a working group"),
                                     spec(kStoryFields, "a story"),
                                     spec(kPartFields, "an organisation's part"),
                                     spec(kLinkFields, "a link"),
                                     spec(kCheckItemFields, "a checklist item"),
                                     spec(kStepFields, "a story step"),
                                     spec(kCameraFields, "a map camera")};
constexpr size_t kMaxFields = 16;
constexpr bool fits() {
  for (const auto& s : kSpecs)
    if (s.count > kMaxFields) return false;
  return true;
}
static_assert(fits(), "raise kMaxFields");

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

// A number as people write it: 91, 22.28, -180.5 (not 91.0).
std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// A known field's value, kept until its object closes.
struct Slot {
  enum Kind : uint8_t { Absent, Text, Value, List, Object } kind = Absent;
  std::string text;  // Text
  json value;        // Value: a number, true/false, null, or a container of the wrong kind
  Diags diags;       // List: what its items said, in order (joined in at the field's turn)
  void reset() {
    kind = Absent;
    text.clear();
    if (!value.is_null()) value = nullptr;
    diags.clear();
  }
};

const char* type_name(const Slot& s) {
  switch (s.kind) {
    case Slot::Text:
      return "text";
    case Slot::List:
      return "a list";
    case Slot::Object:
      return "an object";
    default:
      return type_name(s.value);
  }
}

// One open container.
struct Frame {
  enum Kind : uint8_t { Object, List, Dom } kind = Object;
  Node node = Node::None;  // Object: which; List: its items' (None: sector names)
  int field = -1;          // Object: the field whose value comes next, -1 for an unknown one
  int last_field = -1;     // Object: the known field met last
  uint32_t seen = 0;       // Object: the known fields met so far (duplicates)
  size_t count = 0;        // List, Dom: items so far
  json* dom = nullptr;     // Dom: the container being filled
  // Where it sits in its parent (for JSON Pointers): an item's index, a known field's
  // name, or any other member's key.
  bool element = false;
  size_t index = 0;
  const char* name = nullptr;
  std::string key;
};

// ---------------------------------------------------------------------------------
// 2. The reader
// ---------------------------------------------------------------------------------
class Checks;

class Reader {
 public:
  explicit Reader(Dataset& d) : d_(d) { begin(Node::Root); }

  Diags parse_diags;  // duplicate keys, in the order of the text
  bool too_deep = false;
  std::string too_deep_at;

  // Parser events. Each returns false to stop the parser (only: nested too deep).
  bool scalar(json&& v) {
    if (depth_ == 0) {
      root_type_ = type_name(v);
      return true;
    }
    Frame& top = frames_[depth_ - 1];
    switch (top.kind) {
      case Frame::Dom:
        if (top.dom->is_array()) {
          top.dom->push_back(std::move(v));
          ++top.count;
        } else {
          (*top.dom)[key_] = std::move(v);
        }
        break;
      case Frame::Object:
        if (top.field >= 0) {
          Slot& s = known_value(top);
          s.kind = Slot::Value;
          s.value = std::move(v);
        } else {
          extra(top.node)[key_] = std::move(v);
        }
        break;
      case Frame::List:
        item_value(depth_ - 1, v, top.count++);
        break;
    }
    return true;
  }

  bool string(const char* s, size_t n) {
    if (depth_ > 0) {
      Frame& top = frames_[depth_ - 1];
      if (top.kind == Frame::Object && top.field >= 0) {
        Slot& slot = known_value(top);
        slot.kind = Slot::Text;
        slot.text.assign(s, n);
        return true;
      }
      if (top.kind == Frame::List && top.node == Node::None) {
        sector(depth_ - 1, std::string_view(s, n), top.count++);
        return true;
      }
    }
    return scalar(json(std::string(s, n)));
  }

  bool key(const char* s, size_t n) {
    Frame& top = frames_[depth_ - 1];
    if (top.kind == Frame::Object) {
      const NodeSpec& sp = kSpecs[size_t(top.node)];
      top.field = -1;
      // From the field after the last one met: a file the app wrote has its keys in the
      // table's order, so this usually matches at once.
      size_t i = size_t(top.last_field + 1);
      if (i >= sp.count) i = 0;
      for (size_t k = 0; k < sp.count; ++k, i = i + 1 == sp.count ? 0 : i + 1)
        if (sp.fields[i].len == n && sp.fields[i].name[0] == s[0] &&
            std::memcmp(sp.fields[i].name, s, n) == 0) {
          top.field = top.last_field = int(i);
          break;
        }
      if (top.field >= 0) {
        if (top.seen & (1u << top.field)) duplicate(std::string_view(s, n));
        top.seen |= 1u << top.field;
        return true;
      }
      key_.assign(s, n);
      if (extra(top.node).contains(key_)) duplicate(key_);
      return true;
    }
    key_.assign(s, n);
    if (top.dom->contains(key_)) duplicate(key_);
    return true;
  }

  bool start_object() {
    if (!room()) return false;
    if (depth_ == 0) {
      push(Frame::Object, Node::Root);
      root_is_object_ = true;
      return true;
    }
    Frame& top = frames_[depth_ - 1];
    if (top.kind == Frame::List && top.node != Node::None) {
      Node n = top.node;
      begin(n);
      push(Frame::Object, n);
      return true;
    }
    if (top.kind == Frame::Object && top.field >= 0) {
      const Field& f = kSpecs[size_t(top.node)].fields[top.field];
      if (f.shape == Shape::Object) {
        known_value(top).kind = Slot::Object;
        push(Frame::Object, f.child);
        return true;
      }
    }
    return open_dom(json::object());
  }

  bool start_array() {
    if (!room()) return false;
    if (depth_ > 0) {
      Frame& top = frames_[depth_ - 1];
      if (top.kind == Frame::Object && top.field >= 0) {
        const Field& f = kSpecs[size_t(top.node)].fields[top.field];
        if (f.shape == Shape::List || f.shape == Shape::Sectors) {
          known_value(top).kind = Slot::List;
          push(Frame::List, f.shape == Shape::List ? f.child : Node::None);
          return true;
        }
      }
    }
    return open_dom(json::array());
  }

  bool end() {
    Frame& top = frames_[depth_ - 1];
    if (top.kind == Frame::Object && top.node != Node::Root && top.node != Node::Camera)
      finish_item(top.node);
    --depth_;
    if (top.kind != Frame::Dom || (depth_ > 0 && frames_[depth_ - 1].kind == Frame::Dom))
      return true;
    // A whole value of an unknown field, or of the wrong kind, has arrived.
    json v = std::move(dom_root_);
    dom_root_ = nullptr;
    if (depth_ == 0) {
      root_type_ = type_name(v);
      return true;
    }
    Frame& parent = frames_[depth_ - 1];
    if (parent.kind == Frame::List) {
      if (parent.node == Node::None)
        sector_value(depth_ - 1, v, top.index);
      else
        item_value(depth_ - 1, v, top.index);
    } else if (parent.field >= 0) {
      Slot& s = known_value(parent);
      s.kind = Slot::Value;
      s.value = std::move(v);
    } else {
      extra(parent.node)[top.key] = std::move(v);
    }
    return true;
  }

  // After the parser accepted the whole text: the top level's checks, then the lists'
  // (which their items' checks filled as they closed), into `sink`. False when the
  // format or the version is wrong: nothing else is said or checked then.
  bool document(Diags& sink, long long& version);

  // The JSON Pointer of the innermost open container.
  std::string path() const {
    std::string p;
    for (size_t i = 1; i < depth_; ++i) {
      const Frame& f = frames_[i];
      p += '/';
      if (f.element)
        p += std::to_string(f.index);
      else if (f.name)
        p += f.name;
      else
        p += pointer_token(f.key);
    }
    return p;
  }

 private:
  friend class Checks;

  bool room() {
    if (depth_ < size_t(kMaxDepth)) return true;
    too_deep = true;
    too_deep_at = path();
    return false;
  }

  Frame& push(Frame::Kind kind, Node node) {
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& f = frames_[depth_];
    f.kind = kind;
    f.node = node;
    f.field = -1;
    f.last_field = -1;
    f.seen = 0;
    f.count = 0;
    f.dom = nullptr;
    f.name = nullptr;
    f.element = false;
    if (depth_ > 0) {
      Frame& parent = frames_[depth_ - 1];
      if (parent.kind == Frame::List || (parent.kind == Frame::Dom && parent.dom->is_array())) {
        f.element = true;
        f.index = parent.count++;
      } else if (parent.kind == Frame::Object && parent.field >= 0) {
        f.name = kSpecs[size_t(parent.node)].fields[parent.field].name;
      } else {
        f.key = key_;
      }
    }
    ++depth_;
    return f;
  }

  bool open_dom(json&& v) {
    json* where = &dom_root_;
    if (depth_ > 0 && frames_[depth_ - 1].kind == Frame::Dom) {
      json& parent = *frames_[depth_ - 1].dom;
      if (parent.is_array()) {
        parent.push_back(std::move(v));
        where = &parent.back();
      } else {
        where = &parent[key_];
        *where = std::move(v);
      }
    } else {
      dom_root_ = std::move(v);
    }
    push(Frame::Dom, Node::None).dom = where;
    return true;
  }

  void duplicate(std::string_view k) {
    parse_diags.error(
        path() + "/" + pointer_token(std::string(k)),
        "the field " + quote(k) + " appears twice in the same object; keep only one of them");
  }

  Slot* slots(Node n) { return slots_[size_t(n)]; }

  // A known field of `obj` gets a value: what an earlier value of it left goes.
  Slot& known_value(Frame& obj) {
    Slot& s = slots(obj.node)[obj.field];
    s.reset();
    const Field& f = kSpecs[size_t(obj.node)].fields[obj.field];
    if (f.shape != Shape::Value) clear_items(obj.node, f);
    return s;
  }

  // An object of node `n` opens: its slots and its model item start empty.
  void begin(Node n) {
    // A slot holds something only once a value has come (known_value sets its kind), so
    // the ones still Absent (most of an event's) are clean already.
    Slot* s = slots(n);
    for (size_t i = 0; i < kSpecs[size_t(n)].count; ++i)
      if (s[i].kind != Slot::Absent) s[i].reset();
    switch (n) {
      case Node::Root:
        break;  // the Dataset the reader was given, empty
      case Node::Place:
        place_ = Place();
        break;
      case Node::Organisation:
        organisation_ = Organisation();
        break;
      case Node::Event:
        // Built where it is kept: a 50 MB file's 100,000 events were each built here and
        // moved into the list (3 % of an import in the browser).
        event_ = &d_.events.emplace_back();
        break;
      case Node::WorkingGroup:
        group_ = WorkingGroup();
        break;
      case Node::Story:
        story_ = Story();
        break;
      case Node::Part:
        part_ = Participation();
        break;
      case Node::Link:
        link_ = Link();
        break;
      case Node::ChecklistItem:
        check_item_ = ChecklistItem();
        break;
      case Node::Step:
        step_ = StoryStep();
        break;
      case Node::Camera:
        camera_extra_ = Extra();
        break;
      case Node::None:
        break;
    }
  }

  Extra& extra(Node n) {
    switch (n) {
      case Node::Root:
        return d_.extra;
      case Node::Place:
        return place_.extra;
      case Node::Organisation:
        return organisation_.extra;
      case Node::Event:
        return event_->extra;
      case Node::WorkingGroup:
        return group_.extra;
      case Node::Story:
        return story_.extra;
      case Node::Part:
        return part_.extra;
      case Node::Link:
        return link_.extra;
      case Node::ChecklistItem:
        return check_item_.extra;
      case Node::Step:
        return step_.extra;
      default:
        return camera_extra_;
    }
  }

  // The items a list field of node `n` has collected so far.
  void clear_items(Node n, const Field& f) {
    if (f.shape == Shape::Object) {
      begin(f.child);
      return;
    }
    switch (n) {
      case Node::Root:
        if (f.child == Node::Place) d_.places.clear();
        if (f.child == Node::Organisation) d_.organisations.clear();
        if (f.child == Node::Event) d_.events.clear();
        if (f.child == Node::WorkingGroup) d_.working_groups.clear();
        if (f.child == Node::Story) d_.stories.clear();
        break;
      case Node::Event:
        if (f.child == Node::Part) event_->organisations.clear();
        if (f.child == Node::Link) event_->links.clear();
        if (f.child == Node::ChecklistItem) event_->checklist.clear();
        break;
      case Node::WorkingGroup:
        if (f.shape == Shape::Sectors) group_.member_sectors.clear();
        if (f.child == Node::Part) group_.members.clear();
        break;
      case Node::Story:
        story_.steps.clear();
        break;
      default:
        break;
    }
  }

  // What the items of the list open at frames_[list] say: its field's slot in the
  // object holding it.
  Diags& list_diags(size_t list) {
    const Frame& obj = frames_[list - 1];
    return slots(obj.node)[obj.field].diags;
  }

  // An item of a list of objects that is not an object.
  void item_value(size_t list, const json& v, size_t index) {
    if (frames_[list].node == Node::None) return sector_value(list, v, index);
    list_diags(list).error(path() + "/" + std::to_string(index),
                           std::string(kSpecs[size_t(frames_[list].node)].what) +
                               " must be an object ({…}), not " + type_name(v));
  }
  void sector_value(size_t list, const json& v, size_t index) {
    if (v.is_string()) return sector(list, v.get_ref<const std::string&>(), index);
    list_diags(list).error(path() + "/" + std::to_string(index),
                           std::string("a member sector must be text, not ") + type_name(v));
  }
  void sector(size_t list, std::string_view name, size_t index) {
    if (auto s = sector_from(name)) {
      group_.member_sectors.push_back(*s);
      return;
    }
    list_diags(list).error(path() + "/" + std::to_string(index),
                           quote(name) + " is not a known sector; use " + allowed_sectors());
  }

  // An object of a list closes (it is the innermost frame): its checks, then into the
  // model, whatever they said (the load fails as a whole on an error).
  void finish_item(Node n);
  // One per kind of item, called by finish_item.
  void finish_place(Checks& c);
  void finish_organisation(Checks& c);
  void finish_event(Checks& c);
  void finish_schedule(Checks& c);
  void finish_working_group(Checks& c);
  void finish_story(Checks& c);
  void finish_part(Checks& c);
  void finish_link(Checks& c);
  void finish_checklist_item(Checks& c);
  void finish_step(Checks& c, Diags& out);

  Dataset& d_;
  std::vector<Frame> frames_;
  size_t depth_ = 0;
  std::string key_;  // the key whose value comes next (unknown fields, DOM objects)
  json dom_root_;    // the value of an unknown field (or of the wrong kind) being built
  bool root_is_object_ = false;
  const char* root_type_ = "null";
  Slot slots_[kNodes][kMaxFields];
  // The items being read: one of each at most is open at a time.
  Place place_;
  Organisation organisation_;
  Event* event_ = nullptr;  // the last of d_.events, from begin(Node::Event)
  WorkingGroup group_;
  Story story_;
  Participation part_;
  Link link_;
  ChecklistItem check_item_;
  StoryStep step_;
  Extra camera_extra_;
};

// ---------------------------------------------------------------------------------
// 3. Checks
// ---------------------------------------------------------------------------------
// The checks of one closed object: its fields' slots, where it is, where they report.
class Checks {
 public:
  Checks(Reader& r, Node n, Diags& out, const char* suffix = nullptr)
      : r_(r), spec_(kSpecs[size_t(n)]), slots_(r.slots(n)), out_(out), suffix_(suffix) {}

  // The object's pointer, made only when something is said.
  const std::string& ptr() {
    if (!have_ptr_) {
      ptr_ = r_.path();
      if (suffix_) ptr_ += suffix_;
      have_ptr_ = true;
    }
    return ptr_;
  }
  std::string at(const char* key) { return ptr() + "/" + key; }
  void error(std::string p, std::string m) { out_.error(std::move(p), std::move(m)); }
  void add(Severity s, std::string p, std::string m) { out_.add(s, std::move(p), std::move(m)); }

  Slot& slot(const char* key) {
    // The same literal in the table and in the check is usually one object. The checks
    // ask for the fields in the table's order, so the search starts at the last one
    // found: a dozen fields of each of 100,000 events were each a search from the top.
    const size_t n = spec_.count;
    for (size_t k = 0, i = cursor_; k < n; ++k, i = i + 1 == n ? 0 : i + 1)
      if (spec_.fields[i].name == key) {
        cursor_ = i;
        return slots_[i];
      }
    for (size_t i = 0; i < spec_.count; ++i)
      if (std::strcmp(spec_.fields[i].name, key) == 0) return slots_[i];
    std::abort();  // a check names a field its table does not list: a defect here
  }
  bool has(const char* key) { return slot(key).kind != Slot::Absent; }

  // Text field. Returns false when missing-and-required or wrong.
  bool text(const char* key, std::string& out, bool required, size_t max_chars) {
    Slot& s = slot(key);
    if (s.kind == Slot::Absent) {
      if (required) error(ptr(), std::string("the field \"") + key + "\" is missing");
      return !required;
    }
    if (s.kind != Slot::Text) {
      error(at(key), std::string("\"") + key + "\" must be text, not " + type_name(s));
      return false;
    }
    // Both parsers refuse text that is not UTF-8 (rapidjson validates, and sends escapes
    // that would make a lone surrogate to nlohmann's parser): no need to look again.
    // A character is at least one byte: only a long text needs counting.
    if (s.text.size() > max_chars) {
      size_t n = utf8_length(s.text);
      if (n > max_chars) {
        error(at(key), "the text is too long: " + std::to_string(n) + " characters, at most " +
                           std::to_string(max_chars) + " are allowed here");
        return false;
      }
    }
    if (required && s.text.empty()) {
      error(at(key), std::string("\"") + key + "\" must not be empty");
      return false;
    }
    if ((key[0] == 'n' && std::strcmp(key, "name") == 0) ||
        (key[0] == 't' && std::strcmp(key, "title") == 0))
      deceptive(key, s.text);
    out = std::move(s.text);
    return true;
  }

  // A name or a title with an invisible control in it (a right-to-left override can make
  // "Visa Summit" show as something else): kept, and said.
  void deceptive(const char* key, const std::string& text) {
    if (char32_t c = first_deceptive(text))
      out_.warn(at(key), "the text contains " + deceptive_name(c) +
                             ", an invisible character that can make it read differently from "
                             "what it holds; remove it unless it is meant to be there");
  }

  bool id(std::string& out) {
    if (!text("id", out, true, kMaxIdChars)) return false;
    // ASCII letters and digits, as the message says (not the C library's isalnum: a call
    // for each character of 100,000 ids, and its answer could follow the locale).
    auto alnum = [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    };
    bool ok = !out.empty() && alnum(out[0]);
    for (char c : out)
      if (!(alnum(c) || c == '-' || c == '_' || c == '.')) ok = false;
    if (!ok)
      error(at("id"), "the id " + quote(out) +
                          " may use only letters (A–Z, a–z), digits, '-', '_' and '.', and must "
                          "start with a letter or a digit");
    return ok;
  }

  bool country(std::string& out, bool required) {
    if (!text("country", out, required, 10)) return false;
    if (out.empty() && !required) return true;
    if (find_country(out)) return true;
    std::string upper = out;
    for (char& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
    std::string hint = (upper != out && find_country(upper))
                           ? "; country codes are upper case: \"" + upper + "\""
                           : " (use the two-letter ISO 3166-1 code, such as \"NZ\" or \"PH\")";
    error(at("country"), quote(out) + " is not a country code" + hint);
    return false;
  }

  bool date(const char* key, std::optional<edtf::Value>& out, DateUse use = DateUse::Days) {
    std::string s;
    if (!text(key, s, false, 100)) return false;
    if (!has(key)) return true;
    auto r = edtf::parse(s);
    if (!r.value) {
      error(at(key), quote(s) + " is not a valid date: " + r.error);
      return false;
    }
    // The quoted text is made only for a date that has a problem: most have none.
    const bool fits = use == DateUse::Any || (use == DateUse::DateTime) == r.value->has_time();
    if (!fits) {
      std::string misuse = date_use_problem(*r.value, key, use, quote(s));
      if (!misuse.empty()) {
        error(at(key), std::move(misuse));
        return false;
      }
    }
    out = std::move(r.value);
    return true;
  }

  template <typename E, typename From>
  bool vocab(const char* key, E& out, From from, std::string (*allowed)(), bool required = true) {
    std::string s;
    if (!text(key, s, required, 100)) return false;
    if (!required && !has(key)) return true;
    auto v = from(s);
    if (!v) {
      error(at(key), quote(s) + " is not a known " + key + "; use " + allowed());
      return false;
    }
    out = *v;
    return true;
  }

  bool flag(const char* key, bool& out) {
    Slot& s = slot(key);
    if (s.kind == Slot::Absent) return true;
    if (s.kind != Slot::Value || !s.value.is_boolean()) {
      error(at(key), std::string("\"") + key + "\" must be true or false, not " + type_name(s));
      return false;
    }
    out = s.value.get<bool>();
    return true;
  }

  // A list field: its items are in the model already; what they said joins in here.
  bool list(const char* key) {
    Slot& s = slot(key);
    if (s.kind == Slot::Absent) return true;
    if (s.kind != Slot::List) {
      error(at(key), std::string("\"") + key + "\" must be a list ([…]), not " + type_name(s));
      return false;
    }
    out_.append(std::move(s.diags));
    return true;
  }

  bool coordinate(const char* key, double limit, std::optional<double>& out) {
    Slot& s = slot(key);
    if (s.kind == Slot::Absent) return true;
    if (s.kind != Slot::Value || !s.value.is_number()) {
      error(at(key), std::string("\"") + key + "\" must be a number, not " + type_name(s));
      return false;
    }
    double v = s.value.get<double>();
    if (!std::isfinite(v) || v < -limit || v > limit) {
      std::string shown = std::isfinite(v) ? number_text(v) : "too large a number";
      std::string what = key == std::string("lat")   ? "latitude "
                         : key == std::string("lon") ? "longitude "
                                                     : std::string(key) + " ";
      error(at(key), what + shown + " is out of range: it must be between -" + number_text(limit) +
                         " and " + number_text(limit));
      return false;
    }
    out = v;
    return true;
  }

  // The fields this version does not know (already in `extra`): a warning each.
  void unknown(const Extra& extra) {
    for (auto it = extra.begin(); it != extra.end(); ++it)
      out_.warn(ptr() + "/" + pointer_token(it.key()),
                "unknown field " + quote(it.key()) +
                    " is not used by this version; it is kept and written back unchanged");
  }

 private:
  Reader& r_;
  const NodeSpec& spec_;
  Slot* slots_;
  Diags& out_;
  const char* suffix_;
  std::string ptr_;
  bool have_ptr_ = false;
  size_t cursor_ = 0;  // where slot() found the last field
};

void Reader::finish_item(Node n) {
  Diags& out = list_diags(depth_ - 2);
  Checks c(*this, n, out);
  switch (n) {
    case Node::Place:
      return finish_place(c);
    case Node::Organisation:
      return finish_organisation(c);
    case Node::Event:
      return finish_event(c);
    case Node::WorkingGroup:
      return finish_working_group(c);
    case Node::Story:
      return finish_story(c);
    case Node::Part:
      return finish_part(c);
    case Node::Link:
      return finish_link(c);
    case Node::ChecklistItem:
      return finish_checklist_item(c);
    case Node::Step:
      return finish_step(c, out);
    default:
      break;
  }
}

void Reader::finish_place(Checks& c) {
  Place& x = place_;
  c.id(x.id);
  c.text("name", x.name, true, kMaxNameChars);
  c.country(x.country, true);
  bool lat_ok = c.coordinate("lat", 90, x.lat);
  bool lon_ok = c.coordinate("lon", 180, x.lon);
  if (x.lat.has_value() != x.lon.has_value() && lat_ok && lon_ok)
    c.error(c.ptr(), std::string("the place has \"") + (x.lat ? "lat" : "lon") + "\" but no \"" +
                         (x.lat ? "lon" : "lat") + "\": give both coordinates or neither");
  c.text("notes", x.notes, false, kMaxNotesChars);
  c.text("source", x.source, false, kMaxNotesChars);
  c.unknown(x.extra);
  d_.places.push_back(std::move(x));
}

void Reader::finish_organisation(Checks& c) {
  Organisation& x = organisation_;
  c.id(x.id);
  c.text("name", x.name, true, kMaxNameChars);
  c.vocab("sector", x.sector, sector_from, allowed_sectors);
  c.country(x.country, false);
  c.text("notes", x.notes, false, kMaxNotesChars);
  c.text("source", x.source, false, kMaxNotesChars);
  c.unknown(x.extra);
  d_.organisations.push_back(std::move(x));
}

void Reader::finish_event(Checks& c) {
  Event& x = *event_;
  c.id(x.id);
  c.vocab("kind", x.kind, event_kind_from, allowed_event_kinds);
  c.text("title", x.title, true, kMaxNameChars);
  c.date("date", x.date);
  c.text("place", x.place, false, kMaxIdChars);
  c.list("organisations");
  c.text("notes", x.notes, false, kMaxNotesChars);
  c.list("links");
  c.text("source", x.source, false, kMaxNotesChars);
  finish_schedule(c);
  c.unknown(x.extra);  // (the event is in d_.events already)
}

// Plans (issue #17): the walk is here, the rules in core/plan_fields.hpp.
void Reader::finish_schedule(Checks& c) {
  Event& x = *event_;
  std::optional<EventStatus> status;
  if (c.vocab("status", status, event_status_from, allowed_event_statuses, false))
    x.status = status;
  c.date("starts", x.starts, DateUse::DateTime);
  c.date("ends", x.ends, DateUse::DateTime);
  if (c.text("time_zone", x.time_zone, false, 100) && c.has("time_zone")) {
    std::string problem = time_zone_problem(x.time_zone);
    if (!problem.empty()) c.error(c.at("time_zone"), std::move(problem));
  }
  c.date("postponed_from", x.postponed_from);
  c.list(kChecklistField);
  // Most events have no plan: their pointer is not made for nothing.
  if (!x.starts && !x.ends && x.checklist.empty()) return;
  std::vector<Diagnostic> problems;
  check_event_plan(x, c.ptr(), problems);
  for (auto& d : problems) c.add(d.severity, std::move(d.pointer), std::move(d.message));
}

void Reader::finish_checklist_item(Checks& c) {
  ChecklistItem& x = check_item_;
  c.text("text", x.text, true, kMaxNameChars);
  c.text("owner", x.owner, false, kMaxNameChars);
  c.date("due", x.due, DateUse::Any);
  c.flag("done", x.done);
  c.flag("deadline", x.deadline);
  c.unknown(x.extra);
  event_->checklist.push_back(std::move(x));
}

void Reader::finish_working_group(Checks& c) {
  WorkingGroup& x = group_;
  c.id(x.id);
  c.text("name", x.name, true, kMaxNameChars);
  c.country(x.country, true);
  c.date("active", x.active);
  c.list("members");
  c.list("member_sectors");
  c.text("origin", x.origin, false, kMaxIdChars);
  c.text("notes", x.notes, false, kMaxNotesChars);
  c.text("source", x.source, false, kMaxNotesChars);
  c.unknown(x.extra);
  d_.working_groups.push_back(std::move(x));
}

void Reader::finish_story(Checks& c) {
  Story& x = story_;
  c.id(x.id);
  c.text("title", x.title, true, kMaxNameChars);
  c.list("steps");
  c.unknown(x.extra);
  d_.stories.push_back(std::move(x));
}

void Reader::finish_part(Checks& c) {
  Participation& x = part_;
  c.text("organisation", x.organisation, true, kMaxIdChars);
  c.vocab("role", x.role, role_from, allowed_roles);
  c.text("note", x.note, false, kMaxNameChars);
  c.unknown(x.extra);
  // An organisation's part in an event or in a working group.
  if (frames_[depth_ - 3].node == Node::Event)
    event_->organisations.push_back(std::move(x));
  else
    group_.members.push_back(std::move(x));
}

void Reader::finish_link(Checks& c) {
  Link& x = link_;
  bool ok = c.text("url", x.url, true, kMaxUrlChars);
  ok &= c.text("label", x.label, false, kMaxNameChars);
  std::string scheme = x.url.substr(0, x.url.find(':') + 1);
  for (char& ch : scheme) ch = char(std::tolower(static_cast<unsigned char>(ch)));
  bool web =
      (scheme == "https:" || scheme == "http:") && x.url.compare(scheme.size(), 2, "//") == 0;
  if (ok && !(web || scheme == "mailto:"))
    c.error(c.at("url"), quote(x.url) +
                             " is not a web address: links must start with https://, "
                             "http:// or mailto:");
  c.unknown(x.extra);
  event_->links.push_back(std::move(x));
}

void Reader::finish_step(Checks& c, Diags& out) {
  StoryStep& step = step_;
  c.text("item", step.item, false, kMaxIdChars);
  c.text("caption", step.caption, false, kMaxNotesChars);
  c.date("timeline", step.timeline);
  Slot& m = c.slot("map");
  if (m.kind != Slot::Absent && m.kind != Slot::Object) {
    c.error(c.at("map"), std::string("a map camera must be an object ({…}), not ") + type_name(m));
  } else if (m.kind == Slot::Object) {
    Checks cam(*this, Node::Camera, out, "/map");
    std::optional<double> lat, lon, zoom;
    cam.coordinate("lat", 90, lat);
    cam.coordinate("lon", 180, lon);
    cam.coordinate("zoom", 20, zoom);
    if (!lat || !lon || !zoom)
      c.error(c.at("map"), "a map camera needs \"lon\", \"lat\" and \"zoom\"");
    else if (*zoom < 0)
      c.error(c.at("map") + "/zoom", "the zoom must be between 0 and 20");
    else
      step.map = StoryStep::Camera{*lon, *lat, *zoom, Extra::object()};
    if (step.map) {
      cam.unknown(camera_extra_);
      step.map->extra = std::move(camera_extra_);
      camera_extra_ = Extra();
    }
  }
  c.unknown(step.extra);
  story_.steps.push_back(std::move(step));
}

// The top level: format and version first, since they decide how to read the rest.
bool Reader::document(Diags& sink, long long& version) {
  if (!root_is_object_) {
    sink.error("",
               std::string("the file must hold a JSON object ({…}) at the top, not ") + root_type_);
    return false;
  }
  Checks c(*this, Node::Root, sink);
  Slot& f = c.slot("format");
  if (f.kind == Slot::Absent) {
    sink.error("",
               "this is not a Coalition Atlas file: the field \"format\" is missing "
               "(expected \"format\": \"coalition-atlas\")");
    return false;
  }
  if (f.kind != Slot::Text || f.text != kFormatName) {
    sink.error("/format",
               "this is not a Coalition Atlas file: \"format\" must be "
               "\"coalition-atlas\"");
    return false;
  }
  Slot& v = c.slot("version");
  if (v.kind == Slot::Absent) {
    sink.error("", "the field \"version\" is missing (this version writes \"version\": 1)");
    return false;
  }
  if (v.kind != Slot::Value || !v.value.is_number()) {
    sink.error("/version",
               std::string("\"version\" must be a whole number like 1, not ") + type_name(v));
    return false;
  }
  const json& ver = v.value;
  if (ver.is_number_float()) {
    sink.error("/version",
               "\"version\" must be written as a whole number like 1, without a "
               "decimal point or exponent");
    return false;
  }
  // Unsigned values beyond long long are versions from the far future, not negative.
  bool huge = ver.is_number_unsigned() &&
              ver.get<json::number_unsigned_t>() > json::number_unsigned_t(1) << 31;
  version = huge ? 0 : ver.get<long long>();
  if (huge || version > kFormatVersion) {
    sink.error("/version", "this file uses format version " + ver.dump() +
                               ", written by a newer Coalition Atlas; this app reads up to "
                               "version " +
                               std::to_string(kFormatVersion) +
                               ". Update the app to open it; nothing was changed");
    return false;
  }
  if (version < 1) {
    sink.error("/version", "format version " + std::to_string(version) +
                               " does not exist; the first version is 1");
    return false;
  }
  c.text("title", d_.title, true, kMaxNameChars);
  c.text("description", d_.description, false, kMaxNotesChars);
  c.text("source", d_.source, false, kMaxNotesChars);
  c.list("places");
  c.list("organisations");
  c.list("events");
  c.list("working_groups");
  c.list("stories");
  c.unknown(d_.extra);
  return true;
}

// ---------------------------------------------------------------------------------
// 4. Migrations
// ---------------------------------------------------------------------------------
// Each entry upgrades a dataset read from version N to N+1, in place. The reader reads
// every version with this version's fields, so a field an older version named otherwise
// arrives in `extra` (with its warning), where the migration finds it. Version 1 is the
// first, so the table is empty.
using Migration = void (*)(Dataset& d, Diags& sink);
constexpr Migration kMigrations[] = {nullptr};  // index 0: 1 -> 2 (none yet)

void migrate(long long from, Dataset& d, Diags& sink) {
  for (; from >= 1 && from < kFormatVersion; ++from)
    if (kMigrations[from - 1]) kMigrations[from - 1](d, sink);
}

// ---------------------------------------------------------------------------------
// 5. Parsers
// ---------------------------------------------------------------------------------
// A number's text as nlohmann's parser reads it (so `extra` and "version" hold the same
// kind of number either way): an integer when it is written as one and fits, otherwise
// strtod's double. False for a number too large for a double (nlohmann refuses those).
bool number_value(const char* s, size_t n, char decimal_point, json& out) {
  char small[64];
  std::string big;
  char* buf = small;
  if (n < sizeof small) {
    std::memcpy(small, s, n);
    small[n] = '\0';
  } else {
    big.assign(s, n);
    buf = &big[0];
  }
  bool integer = true;
  for (size_t i = 0; i < n; ++i) {
    if (buf[i] == '.') {
      buf[i] = decimal_point;
      integer = false;
    } else if (buf[i] == 'e' || buf[i] == 'E') {
      integer = false;
    }
  }
  char* end = nullptr;
  errno = 0;
  if (integer && buf[0] == '-') {
    long long x = std::strtoll(buf, &end, 10);
    if (errno == 0) {
      out = json::number_integer_t(x);
      return true;
    }
  } else if (integer) {
    unsigned long long x = std::strtoull(buf, &end, 10);
    if (errno == 0) {
      out = json::number_unsigned_t(x);
      return true;
    }
  }
  double d = std::strtod(buf, &end);
  if (!std::isfinite(d)) return false;
  out = d;
  return true;
}

// The text as rapidjson's input stream: bounded by its length, not by a NUL.
struct Bytes {
  using Ch = char;
  explicit Bytes(std::string_view s) : begin(s.data()), p(s.data()), end(s.data() + s.size()) {}
  Ch Peek() const { return p != end ? *p : '\0'; }
  Ch Take() { return p != end ? *p++ : '\0'; }
  size_t Tell() const { return size_t(p - begin); }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }
  const char* begin;
  const char* p;
  const char* end;
};

// rapidjson skips whitespace through this (found by argument-dependent lookup): a
// pretty-printed file is a third spaces, worth a tight loop.
[[maybe_unused]] void SkipWhitespace(Bytes& in) {
  constexpr uint64_t kSpace = 1ull << ' ' | 1ull << '\n' | 1ull << '\r' | 1ull << '\t';
  const char* p = in.p;
  const char* end = in.end;
  while (p != end && static_cast<unsigned char>(*p) <= ' ' &&
         (kSpace >> static_cast<unsigned char>(*p) & 1))
    ++p;
  in.p = p;
}

// The end of the run of plain string text that starts at p: the first '"', '\\' or
// control character (each ends a run in JSON), or `end`. Eight bytes at a time: a
// dataset's strings are mostly long runs.
const char* plain_run_end(const char* p, const char* end) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  while (end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    if (((w - 0x20 * kOnes) & ~w & kHigh) | has_zero(w ^ ('"' * kOnes)) |
        has_zero(w ^ ('\\' * kOnes)))
      break;
    p += 8;
  }
  while (p != end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20) ++p;
  return p;
}

}  // namespace
}  // namespace atlas::detail

// rapidjson copies a string's plain runs through this, then reads what ends them itself.
// Its own copier needs SSE and its own string streams; the generic one does nothing, which
// left every character to a loop with a check of the stack's room for each. Only used
// without kParseValidateEncodingFlag (the text is checked to be UTF-8 before).
template <>
template <>
void rapidjson::Reader::ScanCopyUnescapedString(atlas::detail::Bytes& is,
                                                rapidjson::Reader::StackStream<char>& os) {
  const char* run = is.p;
  const char* stop = atlas::detail::plain_run_end(run, is.end);
  const auto n = static_cast<rapidjson::SizeType>(stop - run);
  if (n) std::memcpy(os.Push(n), run, n);
  is.p = stop;
}

namespace atlas::detail {
namespace {

// An escaped lone low surrogate ("\udc00") is the one thing rapidjson lets through that
// nlohmann refuses: UTF-8 bytes ED A0..BF. Such text goes to nlohmann's parser. Only a
// text with a low surrogate's escape somewhere (a pair's second half, usually) can have
// one, so the strings are looked at only then.
bool escapes_low_surrogate(std::string_view text) {
  for (size_t i = text.find('\\'); i != std::string_view::npos; i = text.find('\\', i + 1))
    if (i + 3 < text.size() && text[i + 1] == 'u' && (text[i + 2] == 'd' || text[i + 2] == 'D') &&
        std::strchr("cdefCDEF", text[i + 3]) && text[i + 3] != '\0')
      return true;
  return false;
}
bool has_surrogate(const char* s, size_t n) {
  const void* at = std::memchr(s, '\xED', n);
  while (at) {
    size_t i = size_t(static_cast<const char*>(at) - s);
    if (i + 1 < n && static_cast<unsigned char>(s[i + 1]) >= 0xA0) return true;
    at = std::memchr(s + i + 1, '\xED', n - i - 1);
  }
  return false;
}

struct FastEvents {
  using Ch = char;
  using SizeType = rapidjson::SizeType;
  Reader& r;
  char decimal_point;
  bool check_surrogates;      // escapes_low_surrogate(text)
  bool exact_needed = false;  // a number or an escape nlohmann reads otherwise

  bool Null() { return r.scalar(json(nullptr)); }
  bool Bool(bool b) { return r.scalar(json(b)); }
  // Numbers arrive as text (kParseNumbersAsStringsFlag), never through these.
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(int64_t) { return false; }
  bool Uint64(uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const Ch* s, SizeType n, bool) {
    json v;
    if (number_value(s, n, decimal_point, v)) return r.scalar(std::move(v));
    exact_needed = true;
    return false;
  }
  bool String(const Ch* s, SizeType n, bool) {
    if (check_surrogates && has_surrogate(s, n)) return exact_needed = true, false;
    return r.string(s, n);
  }
  bool Key(const Ch* s, SizeType n, bool) {
    if (check_surrogates && has_surrogate(s, n)) return exact_needed = true, false;
    return r.key(s, n);
  }
  bool StartObject() { return r.start_object(); }
  bool EndObject(SizeType) { return r.end(); }
  bool StartArray() { return r.start_array(); }
  bool EndArray(SizeType) { return r.end(); }
};

// Without kParseValidateEncodingFlag: the text is checked to be UTF-8 first, in one pass
// that takes ASCII eight bytes at a time (rapidjson's check, a character at a time inside
// every string, was a large part of its string reading).
// Recursive, not iterative: the reader refuses to open a container deeper than
// kMaxDepth, and rapidjson asks it before it goes one level down, so its recursion stops
// there (the iterative parser's state machine was slower per value).
constexpr unsigned kFastFlags = rapidjson::kParseNumbersAsStringsFlag;

}  // namespace
}  // namespace atlas::detail

// A string with no escape in it (nearly every string of a dataset) goes to the reader as a
// view of the text itself: rapidjson copied each one onto its stack first, and the reader
// copies it once more, into the model. Any other string (an escape, a control character,
// no closing quote) is read by rapidjson's own function, from its opening quote, which
// also says what is wrong; a flag that strings never look at makes that one the generic
// function rather than this.
template <>
template <>
void rapidjson::Reader::ParseString<atlas::detail::kFastFlags, atlas::detail::Bytes,
                                    atlas::detail::FastEvents>(atlas::detail::Bytes& is,
                                                               atlas::detail::FastEvents& handler,
                                                               bool isKey) {
  const char* start = is.p + 1;  // is.p is at the opening quote
  const char* stop = atlas::detail::plain_run_end(start, is.end);
  if (stop == is.end || *stop != '"') {
    ParseString<atlas::detail::kFastFlags | rapidjson::kParseFullPrecisionFlag>(is, handler, isKey);
    return;
  }
  is.p = stop + 1;
  const auto n = static_cast<rapidjson::SizeType>(stop - start);
  if (!(isKey ? handler.Key(start, n, false) : handler.String(start, n, false)))
    RAPIDJSON_PARSE_ERROR(rapidjson::kParseErrorTermination, is.Tell());
}

namespace atlas::detail {
namespace {

struct ExactEvents : nlohmann::json_sax<json> {
  explicit ExactEvents(Reader& reader) : r(reader) {}
  Reader& r;
  bool syntax_failed = false;
  size_t error_pos = 0;
  std::string error_text;

  bool null() override { return r.scalar(json(nullptr)); }
  bool boolean(bool v) override { return r.scalar(json(v)); }
  bool number_integer(number_integer_t v) override { return r.scalar(json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return r.scalar(json(v)); }
  bool number_float(number_float_t v, const string_t&) override { return r.scalar(json(v)); }
  bool string(string_t& v) override { return r.string(v.data(), v.size()); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return r.start_object(); }
  bool key(string_t& k) override { return r.key(k.data(), k.size()); }
  bool end_object() override { return r.end(); }
  bool start_array(std::size_t) override { return r.start_array(); }
  bool end_array() override { return r.end(); }
  bool parse_error(std::size_t pos, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    syntax_failed = true;
    error_pos = pos;
    error_text = ex.what();
    return false;
  }
};

// About how many events a text holds, found before reading it: the "id" keys from the
// first "events" on (places and organisations come before events in a saved file, so few
// others are counted), counted in the first 4 MB and scaled to the rest with a quarter
// to spare. The events list is reserved to it: a list grown one by one copies and zeroes
// about twice its final size, which was most of a 50 MB load. Counting all of a 50 MB
// text was itself 4 % of an import in the browser; a guess too small costs one growth of
// the list, as before, and pages of a reservation never written are never touched. Capped
// by the text's length, so a wrong guess costs little.
size_t events_estimate(std::string_view text) {
  constexpr std::string_view kEvents = "\"events\"", kId = "\"id\"";
  constexpr size_t kSample = 4 << 20;
  size_t at = text.find(kEvents);
  if (at == std::string_view::npos) return 0;
  const size_t rest = text.size() - at;
  const size_t sample = std::min(rest, kSample);
  size_t n = 0;
  const char* p = text.data() + at;
  const char* end = p + sample;
  while (const void* hit = memmem(p, size_t(end - p), kId.data(), kId.size())) {
    ++n;
    p = static_cast<const char*>(hit) + kId.size();
  }
  if (sample < rest) n = size_t(double(n) * double(rest) / double(sample) * 1.25) + 16;
  // The smallest event, {"id":"a","kind":"forum","title":"b"}, is over 30 bytes.
  return std::min(n, text.size() / 30);
}

}  // namespace

// ---------------------------------------------------------------------------------
// 6. read_dataset
// ---------------------------------------------------------------------------------
ReadResult read_dataset(std::string_view bytes, const TextScan& scan, Dataset& d, Diags& sink) {
  ReadResult out;
  d.events.reserve(events_estimate(bytes));
  auto done = [&](Reader& r) {
    sink.append(std::move(r.parse_diags));
    if (r.too_deep) {
      out.stop = ReadResult::Stop::TooDeep;
      out.too_deep_at = r.too_deep_at;
      return;
    }
    long long version = 0;
    out.readable = r.document(sink, version);
    if (out.readable) migrate(version, d, sink);
  };
  // Text that is not UTF-8 goes straight to nlohmann's parser, which says where.
  if (scan.utf8) {
    // The reader is large (a slot for every field): on the heap, not the stack.
    auto r = std::make_unique<Reader>(d);
    const std::lconv* locale = std::localeconv();
    FastEvents events{*r, locale && locale->decimal_point ? *locale->decimal_point : '.',
                      scan.first_backslash != std::string_view::npos &&
                          escapes_low_surrogate(bytes.substr(scan.first_backslash))};
    rapidjson::Reader parser;
    Bytes in(bytes);
    parser.Parse<kFastFlags>(in, events);
    if (!parser.HasParseError() || r->too_deep) {
      done(*r);
      return out;
    }
  }
  // rapidjson refused the text, or met a number or an escape that nlohmann reads
  // otherwise, or the text is not UTF-8: nlohmann's parser reads it (again) and decides,
  // and where the text is not JSON, says where and why as it always has.
  d = Dataset();
  auto r = std::make_unique<Reader>(d);
  ExactEvents events(*r);
  json::sax_parse(bytes.begin(), bytes.end(), &events, nlohmann::detail::input_format_t::json,
                  true);
  if (events.syntax_failed && !r->too_deep) {
    sink.append(std::move(r->parse_diags));
    out.stop = ReadResult::Stop::Syntax;
    out.error_pos = events.error_pos;
    out.error_text = events.error_text;
    return out;
  }
  done(*r);
  return out;
}

}  // namespace atlas::detail
