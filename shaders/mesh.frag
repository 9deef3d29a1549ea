// The heatmap's colours and contour lines (its cached texture) on the mesh, lit softly from
// above so that the shape reads without darkening the colormap much.
in vec2 vUv;
in vec3 vNormal;
uniform sampler2D uHeatmap;
uniform vec3 uLight;  // towards the light, unit length
out vec4 fragColor;
void main() {
  vec3 colour = texture(uHeatmap, vUv).rgb;
  float lambert = abs(dot(normalize(vNormal), uLight));  // both faces lit: seen from below too
  fragColor = vec4(colour * (0.45 + 0.55 * lambert), 1.0);
}
