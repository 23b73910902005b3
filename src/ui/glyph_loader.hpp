// glyph_loader.hpp — the CJK font on demand. Chinese, Japanese and Korean text (in the
// data, typed, searched or being composed) needs glyphs from a font too big for the first
// download: this collects the characters needed, says when to ask the host for the font
// (once), and once it is here, which glyphs to merge into the font atlas.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/state.hpp"
#include "core/glyphs.hpp"
#include "ui/theme.hpp"

namespace atlas::ui {

class GlyphLoader {
 public:
  enum class State { Idle, Loading, Ready, Failed };

  // What needs glyphs: the dataset's text (read again when its version changes; the set
  // only grows, so undo keeps the glyphs), text typed or searched, one character.
  void need_dataset(const AppState& state);
  void need_text(std::string_view utf8) { needed_.add_text(utf8, kCjkFirst, kCjkLast); }
  void need(char32_t cp) {
    if (is_cjk(cp)) needed_.add(cp);
  }

  // Call before a frame: what the caller must do now.
  enum class Action {
    None,
    LoadFont,      // ask the host for the font (Host::load_cjk_font), then set_font
    RebuildFonts,  // new glyphs: rebuild the font atlas with font()
  };
  Action update();
  // The host's answer: the font's bytes (kept for the app's lifetime) and the face in a
  // collection, or why it could not be had. False when it failed (see error()).
  bool set_font(std::vector<unsigned char> bytes, int font_no, const std::string& error);

  // The font to merge into every size, or null until it is here with glyphs to merge.
  const ExtraFont* font() const { return font_.data ? &font_ : nullptr; }
  State state() const { return state_; }
  // "none" (no CJK text yet), "loading", "ready", "failed": for tests and the status line.
  const char* status() const;
  size_t glyph_count() const { return loaded_.size(); }
  const std::string& error() const { return error_; }

 private:
  State state_ = State::Idle;
  CodePointSet needed_, loaded_;
  size_t needed_seen_ = 0;  // needed_.size() when last compared with what is loaded
  uint64_t dataset_version_ = ~uint64_t(0);
  std::vector<unsigned char> bytes_;
  int font_no_ = 0;
  std::string error_;
  std::vector<ImWchar> ranges_;  // ImGui glyph ranges: pairs, 0-terminated
  ExtraFont font_;
};

}  // namespace atlas::ui
