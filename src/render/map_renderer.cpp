// map_renderer.cpp — see map_renderer.hpp.
#include "render/map_renderer.hpp"

#include <cmath>

#include "render/shader.hpp"

extern "C" const unsigned char atlas_shader_map_fill_vert[];
extern "C" const unsigned char atlas_shader_map_fill_frag[];
extern "C" const unsigned char atlas_shader_map_line_vert[];
extern "C" const unsigned char atlas_shader_map_line_frag[];

namespace atlas::render {

namespace {

const char* text(const unsigned char* s) { return reinterpret_cast<const char*>(s); }

// Borders and coasts become quads: both ends of each segment, pushed to either side.
struct LineVertex {
  float x, y, nx, ny, side;
};

void build_lines(const geo::MapLevel& level, std::vector<LineVertex>& verts,
                 std::vector<uint32_t>& border_idx, std::vector<uint32_t>& coast_idx) {
  for (const auto& strip : level.strips) {
    auto& idx = strip.kind == geo::LineKind::Coast ? coast_idx : border_idx;
    for (uint32_t i = 0; i + 1 < strip.count; ++i) {
      const float* a = &level.xy[2 * size_t(strip.first + i)];
      const float* b = &level.xy[2 * size_t(strip.first + i + 1)];
      float dx = b[0] - a[0], dy = b[1] - a[1];
      float len = std::sqrt(dx * dx + dy * dy);
      if (len <= 0) continue;
      float nx = -dy / len, ny = dx / len;
      uint32_t base = uint32_t(verts.size());
      verts.push_back({a[0], a[1], nx, ny, -1});
      verts.push_back({a[0], a[1], nx, ny, +1});
      verts.push_back({b[0], b[1], nx, ny, -1});
      verts.push_back({b[0], b[1], nx, ny, +1});
      idx.insert(idx.end(), {base, base + 1, base + 2, base + 1, base + 3, base + 2});
    }
  }
}

MapRenderer::Uniforms uniforms(GLuint p) {
  return {glGetUniformLocation(p, "u_origin"), glGetUniformLocation(p, "u_scale"),
          glGetUniformLocation(p, "u_viewport"), glGetUniformLocation(p, "u_color"),
          glGetUniformLocation(p, "u_half_width")};
}

}  // namespace

bool MapRenderer::init(const geo::MapAsset& asset, const char* glsl_version, std::string& error) {
  fill_program_ = build_program(glsl_version, text(atlas_shader_map_fill_vert),
                                text(atlas_shader_map_fill_frag), error);
  if (!fill_program_) return false;
  line_program_ = build_program(glsl_version, text(atlas_shader_map_line_vert),
                                text(atlas_shader_map_line_frag), error);
  if (!line_program_) {
    shutdown();
    return false;
  }
  fill_u_ = uniforms(fill_program_);
  line_u_ = uniforms(line_program_);
  asset_ = &asset;
  levels_.resize(asset.levels.size());
  for (size_t l = 0; l < asset.levels.size(); ++l) {
    const geo::MapLevel& src = asset.levels[l];
    Level& dst = levels_[l];
    glGenVertexArrays(1, &dst.vao_fill);
    glBindVertexArray(dst.vao_fill);
    glGenBuffers(1, &dst.vbo_fill);
    glBindBuffer(GL_ARRAY_BUFFER, dst.vbo_fill);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(src.xy.size() * sizeof(float)), src.xy.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    glGenBuffers(1, &dst.ebo_fill);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, dst.ebo_fill);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(src.indices.size() * sizeof(uint32_t)),
                 src.indices.data(), GL_STATIC_DRAW);
    dst.fill_count = GLsizei(src.indices.size());

    std::vector<LineVertex> verts;
    std::vector<uint32_t> border, coast;
    build_lines(src, verts, border, coast);
    dst.border_count = GLsizei(border.size());
    dst.coast_count = GLsizei(coast.size());
    border.insert(border.end(), coast.begin(), coast.end());
    glGenVertexArrays(1, &dst.vao_line);
    glBindVertexArray(dst.vao_line);
    glGenBuffers(1, &dst.vbo_line);
    glBindBuffer(GL_ARRAY_BUFFER, dst.vbo_line);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(verts.size() * sizeof(LineVertex)), verts.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex),
                          reinterpret_cast<void*>(2 * sizeof(float)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, sizeof(LineVertex),
                          reinterpret_cast<void*>(4 * sizeof(float)));
    glGenBuffers(1, &dst.ebo_line);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, dst.ebo_line);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(border.size() * sizeof(uint32_t)),
                 border.data(), GL_STATIC_DRAW);
  }
  glBindVertexArray(0);
#ifndef NDEBUG
  // A synchronous query (in a browser, a wait for the GPU process to finish the uploads):
  // debug builds only.
  if (GLenum e = glGetError(); e != GL_NO_ERROR) {
    error = "OpenGL error " + std::to_string(e) + " while uploading the map";
    shutdown();
    return false;
  }
#endif
  return true;
}

void MapRenderer::shutdown() {
  for (auto& l : levels_) {
    GLuint vaos[] = {l.vao_fill, l.vao_line};
    GLuint bufs[] = {l.vbo_fill, l.ebo_fill, l.vbo_line, l.ebo_line};
    glDeleteVertexArrays(2, vaos);
    glDeleteBuffers(4, bufs);
  }
  levels_.clear();
  if (fill_program_) glDeleteProgram(fill_program_);
  if (line_program_) glDeleteProgram(line_program_);
  fill_program_ = line_program_ = 0;
}

void MapRenderer::draw(const geo::Camera& cam, int level, const std::vector<int>& tinted,
                       const MapStyle& style, float dpr) const {
  if (!ready() || level < 0 || size_t(level) >= levels_.size()) return;
  const Level& lv = levels_[size_t(level)];
  glClearColor(style.sea[0], style.sea[1], style.sea[2], style.sea[3]);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  // Uniforms in framebuffer px: logical px × dpr, so lines stay crisp at 2×.
  const float vw = float(cam.viewport.x) * dpr, vh = float(cam.viewport.y) * dpr;
  const double scale = cam.scale() * dpr;
  int first = 0, last = 0;
  cam.visible_copies(first, last, 4);
  auto origin = [&](int k) {
    return std::pair<float, float>(float((double(k) - cam.center.x) * scale + vw * 0.5),
                                   float(-cam.center.y * scale + vh * 0.5));
  };

  glUseProgram(fill_program_);
  glUniform2f(fill_u_.viewport, vw, vh);
  glUniform1f(fill_u_.scale, float(scale));
  glBindVertexArray(lv.vao_fill);
  for (int k = first; k <= last; ++k) {
    auto [ox, oy] = origin(k);
    glUniform2f(fill_u_.origin, ox, oy);
    glUniform4fv(fill_u_.color, 1, style.land);
    glDrawElements(GL_TRIANGLES, lv.fill_count, GL_UNSIGNED_INT, nullptr);
    glUniform4fv(fill_u_.color, 1, style.tint);
    for (int c : tinted) {
      const geo::MapRange& r = asset_->countries[size_t(c)].triangles[level];
      if (r.count)
        glDrawElements(GL_TRIANGLES, GLsizei(r.count), GL_UNSIGNED_INT,
                       reinterpret_cast<void*>(size_t(r.first) * sizeof(uint32_t)));
    }
  }

  glUseProgram(line_program_);
  glUniform2f(line_u_.viewport, vw, vh);
  glUniform1f(line_u_.scale, float(scale));
  glBindVertexArray(lv.vao_line);
  for (int k = first; k <= last; ++k) {
    auto [ox, oy] = origin(k);
    glUniform2f(line_u_.origin, ox, oy);
    glUniform4fv(line_u_.color, 1, style.border);
    glUniform1f(line_u_.half_width, style.border_px * dpr * 0.5f);
    glDrawElements(GL_TRIANGLES, lv.border_count, GL_UNSIGNED_INT, nullptr);
    glUniform4fv(line_u_.color, 1, style.coast);
    glUniform1f(line_u_.half_width, style.coast_px * dpr * 0.5f);
    glDrawElements(GL_TRIANGLES, lv.coast_count, GL_UNSIGNED_INT,
                   reinterpret_cast<void*>(size_t(lv.border_count) * sizeof(uint32_t)));
  }
  glBindVertexArray(0);
}

}  // namespace atlas::render
