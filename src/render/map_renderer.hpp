// map_renderer.hpp — draws the basemap (land, tinted countries, borders, coastlines)
// with our own shaders. The geometry of every level of detail is uploaded once; a frame
// sets uniforms (camera) and issues a few draw calls per visible copy of the world.
#pragma once

#include <string>
#include <vector>

#include "geo/map_asset.hpp"
#include "geo/projection.hpp"
#include "render/gl.hpp"

namespace atlas::render {

struct MapStyle {
  float sea[4], land[4], tint[4], border[4], coast[4];
  float border_px = 0.8f, coast_px = 1.0f;  // line widths in framebuffer px (before scale)
};

class MapRenderer {
 public:
  struct Uniforms {
    GLint origin, scale, viewport, color, half_width;
  };

  // Uploads the asset's geometry; returns false and says why when GL refuses.
  bool init(const geo::MapAsset& asset, const char* glsl_version, std::string& error);
  void shutdown();
  bool ready() const { return fill_program_ != 0; }

  // Draws into the current GL viewport (the map pane, already scissored), at a device
  // pixel ratio `dpr` (camera sizes are logical px). `tinted` holds country indices.
  void draw(const geo::Camera& camera, int level, const std::vector<int>& tinted,
            const MapStyle& style, float dpr) const;

 private:
  struct Level {
    GLuint vao_fill = 0, vbo_fill = 0, ebo_fill = 0;
    GLuint vao_line = 0, vbo_line = 0, ebo_line = 0;
    GLsizei fill_count = 0, border_count = 0, coast_count = 0;  // indices
  };
  const geo::MapAsset* asset_ = nullptr;
  std::vector<Level> levels_;
  GLuint fill_program_ = 0, line_program_ = 0;
  Uniforms fill_u_{}, line_u_{};
};

}  // namespace atlas::render
