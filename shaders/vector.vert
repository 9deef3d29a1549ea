// Anti-aliased 2-D geometry and text in pixel coordinates (origin top-left).
layout(location = 0) in vec2 aPos;
layout(location = 1) in vec2 aUv;
layout(location = 2) in vec4 aColour;
uniform vec2 uTargetSizePx;
uniform bool uTopRowFirst;  // the target stores its top row first (RowOrder::TopDown)
out vec2 vUv;
out vec4 vColour;
void main() {
  vUv = aUv;
  vColour = aColour;
  float y = 1.0 - aPos.y / uTargetSizePx.y * 2.0;
  gl_Position = vec4(aPos.x / uTargetSizePx.x * 2.0 - 1.0, uTopRowFirst ? -y : y, 0.0, 1.0);
}
