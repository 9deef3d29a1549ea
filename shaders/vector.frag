// Geometry samples the atlas's white texel; text samples glyph coverage. Edges fade through
// the vertex colour's alpha (a one-pixel fringe), so no multisampling is needed.
in vec2 vUv;
in vec4 vColour;
uniform sampler2D uAtlas;
out vec4 fragColor;
void main() { fragColor = vec4(vColour.rgb, vColour.a * texture(uAtlas, vUv).r); }
