// presenter.hpp — presenter mode for regional forums: a laptop on a projector, a clicker
// in hand, maybe no network. The editing chrome goes; type is big; a high-contrast theme;
// full screen. The story's steps (the dataset's first story, or every event in date
// order) are stepped through with the keys clickers send, the map flying and the
// timeline following, a caption card saying what, when (in honest words), where and who.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/state.hpp"
#include "ui/map_view.hpp"
#include "ui/theme.hpp"
#include "ui/timeline_view.hpp"

namespace atlas::ui {

class Presenter {
 public:
  struct Step {
    std::string item;  // "" = the overview
    std::optional<StoryStep::Camera> map;
    std::optional<edtf::Value> window;
    std::string caption;
    bool whats_next = false;  // the "What's next" card (item ""): the default story, with plans
  };

  bool active() const { return active_; }
  // Today on the viewer's clock (days since 1970-01-01): what "What's next" counts from.
  void set_today(int64_t day) { today_ = day; }
  void enter(AppState& state, MapView& map, TimelineView& timeline, int step = 0);
  void leave(AppState& state);

  // The steps for the current dataset: its first story, else the default one.
  const std::vector<Step>& steps(const AppState& state);
  int step() const { return step_; }
  void go(AppState& state, MapView& map, TimelineView& timeline, int step);

  // The story editor (Present > Edit the story…): add the selection with the current map
  // view as a step, an overview step, reorder, remove, captions. Saved in the dataset as
  // its first story, through the undo history.
  void story_editor(AppState& state, const MapView& map, const TimelineView& timeline, bool* open);

  // Draws the whole window in presenter layout; returns true while animating.
  bool draw(AppState& state, MapView& map, TimelineView& timeline, const Fonts& fonts, Theme theme);

  // Autoplay for a booth or a kiosk: a step every `seconds`, from the last step back to
  // the first if `loop`. set_autoplay(false) stops; the interval and loop stay as they were.
  void set_autoplay(bool on) { autoplay_ = on; }
  void set_autoplay(float seconds, bool loop);
  bool autoplay() const { return autoplay_; }

  // Requests from the presenter's own controls, for its owner (AppUI), taken once each.
  bool leave_requested() const { return leave_requested_; }  // Esc: restore the layout
  bool take_png_request() { return std::exchange(png_requested_, false); }  // "PNG"
  // Drawing a PNG for slides: no controls in the picture.
  void set_capturing(bool on) { capturing_ = on; }

 private:
  void caption(AppState& state, const Fonts& fonts, float x, float y, float w);
  void place_or_organisation_card(AppState& state, const Fonts& fonts, const Step& s,
                                  const std::string& id, float x, float y, float w);
  void overview(AppState& state, const Fonts& fonts, float x, float y, float w);
  void whats_next(AppState& state, const Fonts& fonts, float x, float y, float w);
  void keys(AppState& state, MapView& map, TimelineView& timeline);

  bool active_ = false;
  bool autoplay_ = false;
  bool loop_ = true;
  float interval_ = 8.0f;
  bool leave_requested_ = false;
  bool png_requested_ = false;
  bool capturing_ = false;
  int step_ = 0;
  double step_started_ = 0;
  std::vector<Step> steps_;
  uint64_t steps_version_ = ~uint64_t(0);
  int64_t today_ = 0, steps_today_ = 0;
  Filters saved_filters_;
  int caption_edit_step_ = -1;  // the story editor's caption field being typed in
  std::string caption_edit_;
};

}  // namespace atlas::ui
