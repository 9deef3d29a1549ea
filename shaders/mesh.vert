// The 3-D view's surface mesh: positions in model space (the view box as [−1, 1]², height up),
// the heatmap's texture coordinates and a normal for shading.
layout(location = 0) in vec3 aPos;
layout(location = 1) in vec2 aUv;
layout(location = 2) in vec3 aNormal;
uniform mat4 uMvp;
out vec2 vUv;
out vec3 vNormal;
void main() {
  vUv = aUv;
  vNormal = aNormal;
  gl_Position = uMvp * vec4(aPos, 1.0);
}
