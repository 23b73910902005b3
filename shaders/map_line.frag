// map_line.frag — coverage from the distance to the centre: a one-pixel soft edge.
uniform vec4 u_color;
uniform float u_half_width;
in float v_dist;
out vec4 o_color;
void main() {
  float coverage = clamp(u_half_width + 0.5 - abs(v_dist), 0.0, 1.0);
  o_color = vec4(u_color.rgb, u_color.a * coverage);
}
