// map_fill.frag — a flat colour per draw (land, or a tinted country).
uniform vec4 u_color;
out vec4 o_color;
void main() { o_color = u_color; }
