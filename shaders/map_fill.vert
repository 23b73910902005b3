// map_fill.vert — land and country polygons. Positions are Web Mercator world units;
// one uniform scale and origin (in pane pixels) place a copy of the world, so panning
// and zooming change only uniforms, never the uploaded geometry.
layout(location = 0) in vec2 a_world;
uniform vec2 u_origin;    // pane px of world (0, 0) for this copy
uniform float u_scale;    // px per world unit
uniform vec2 u_viewport;  // pane size in px
void main() {
  vec2 px = u_origin + a_world * u_scale;
  gl_Position = vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0);
}
