// Three kinds of fragment share one draw call: text and sprites sample the atlas (glyph or
// disc coverage), plain geometry samples its white texel, and line quads (u > 500) compute
// their own coverage from the distance to the centre line, so a segment is two triangles with
// a one-pixel anti-aliased edge on any rasterizer.
in vec2 vUv;
in vec4 vColour;
uniform sampler2D uAtlas;
out vec4 fragColor;
void main() {
  float coverage;
  if (vUv.x > 500.0) {
    // u = 1000 + signed distance from the centre line in px, v = half the line width in px.
    coverage = clamp(vUv.y + 0.5 - abs(vUv.x - 1000.0), 0.0, 1.0);
  } else {
    coverage = texture(uAtlas, vUv).r;
  }
  fragColor = vec4(vColour.rgb, vColour.a * coverage);
}
