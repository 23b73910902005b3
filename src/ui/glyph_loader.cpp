// glyph_loader.cpp — see glyph_loader.hpp.
#include "ui/glyph_loader.hpp"

namespace atlas::ui {

void GlyphLoader::need_dataset(const AppState& state) {
  if (state.data_version == dataset_version_) return;
  dataset_version_ = state.data_version;
  collect_cjk(state.dataset, needed_);
}

GlyphLoader::Action GlyphLoader::update() {
  if (needed_.size() == needed_seen_) return Action::None;
  if (state_ == State::Idle) {
    state_ = State::Loading;
    return Action::LoadFont;
  }
  if (state_ != State::Ready) return Action::None;
  needed_seen_ = needed_.size();
  std::vector<char32_t> add = loaded_.missing_from(needed_);
  if (add.empty()) return Action::None;
  for (char32_t cp : add) loaded_.add(cp);
  // ImGui's glyph ranges: runs of consecutive code points (ImWchar is 16 bits: the
  // ideographs of the basic plane; rarer supplementary ones stay boxes).
  ranges_.clear();
  for (char32_t cp : loaded_.list()) {
    if (!is_cjk(cp)) continue;
    if (!ranges_.empty() && ranges_.back() + 1 == ImWchar(cp))
      ranges_.back() = ImWchar(cp);
    else
      ranges_.insert(ranges_.end(), {ImWchar(cp), ImWchar(cp)});
  }
  ranges_.push_back(0);
  font_.data = bytes_.data();
  font_.size = bytes_.size();
  font_.font_no = font_no_;
  font_.ranges = ranges_.data();
  return Action::RebuildFonts;
}

bool GlyphLoader::set_font(std::vector<unsigned char> bytes, int font_no,
                           const std::string& error) {
  if (!error.empty() || bytes.empty()) {
    state_ = State::Failed;
    error_ = error.empty() ? "the font file is empty" : error;
    return false;
  }
  bytes_ = std::move(bytes);
  font_no_ = font_no;
  state_ = State::Ready;
  needed_seen_ = 0;  // compare again on the next update
  return true;
}

const char* GlyphLoader::status() const {
  switch (state_) {
    case State::Idle:
      return "none";
    case State::Loading:
      return "loading";
    case State::Ready:
      return "ready";
    case State::Failed:
      return "failed";
  }
  return "none";
}

}  // namespace atlas::ui
