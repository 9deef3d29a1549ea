// Lays a premultiplied-alpha layer (the trajectories drawn so far) over the target.
uniform sampler2D uLayer;
uniform vec2 uViewportOrigin;
uniform vec2 uViewportSize;
out vec4 fragColor;
void main() { fragColor = texture(uLayer, (gl_FragCoord.xy - uViewportOrigin) / uViewportSize); }
