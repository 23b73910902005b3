// map_line.vert — borders and coastlines as anti-aliased lines of constant pixel width.
// Each segment is a quad: both ends twice, pushed apart along the segment's normal by
// half the width plus a pixel of feather, so the fragment shader can fade the edge.
layout(location = 0) in vec2 a_world;
layout(location = 1) in vec2 a_normal;  // unit normal of the segment (world = screen axes)
layout(location = 2) in float a_side;   // -1 or +1
uniform vec2 u_origin;
uniform float u_scale;
uniform vec2 u_viewport;
uniform float u_half_width;  // px
out float v_dist;            // signed px from the line's centre
void main() {
  float reach = u_half_width + 1.0;
  vec2 px = u_origin + a_world * u_scale + a_normal * a_side * reach;
  v_dist = a_side * reach;
  gl_Position = vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0);
}
