// The contour heatmap: colour from log10(f − f* + δ) through a perceptually uniform colormap,
// anti-aliased contour lines at log-spaced levels, and ±½ LSB dithering against banding.
// With uRawOutput the fragment is f itself, for tests reading a float target. surfaceValue and
// uK come first, generated from core's surface definitions (core/surface.cpp, surfacesGlsl).
uniform int uSurface;
uniform float uMinimumValue;
uniform vec2 uViewMin;        // world coordinate of the viewport's lower-left corner
uniform vec2 uWorldPerPixel;  // world units per pixel in x and y
uniform vec2 uViewportOrigin; // gl_FragCoord of the viewport's lower-left corner
uniform float uDelta;         // δ: keeps the logarithm finite at the minimum
uniform float uLogMin;        // log10 values mapped to the colormap's ends
uniform float uLogMax;
uniform float uContourSpacing;  // decades between contour lines
uniform float uContourWidthPx;
uniform float uContourOpacity;
uniform int uColormap;
uniform int uRawOutput;

out vec4 fragColor;

float dither(vec2 p) { return fract(52.9829189 * fract(dot(p, vec2(0.06711056, 0.00583715)))) - 0.5; }

void main() {
  vec2 world = uViewMin + (gl_FragCoord.xy - uViewportOrigin) * uWorldPerPixel;
  float f = surfaceValue(uSurface, world);
  if (uRawOutput == 1) {
    fragColor = vec4(f, 0.0, 0.0, 1.0);
    return;
  }
  float level = log(max(f - uMinimumValue, 0.0) + uDelta) * 0.43429448190325176;  // log10
  float t = clamp((level - uLogMin) / (uLogMax - uLogMin), 0.0, 1.0);
  vec3 colour = colormap(uColormap, t);
  float s = level / uContourSpacing;
  float distancePx = abs(fract(s + 0.5) - 0.5) / max(fwidth(s), 1e-6);
  float line = 1.0 - smoothstep(0.5 * uContourWidthPx - 0.5, 0.5 * uContourWidthPx + 0.5, distancePx);
  vec3 lineColour = t > 0.6 ? vec3(0.0) : vec3(1.0);
  colour = mix(colour, lineColour, line * uContourOpacity);
  colour += dither(gl_FragCoord.xy) / 255.0;
  fragColor = vec4(colour, 1.0);
}
