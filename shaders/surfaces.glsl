// GLSL twins of core/surfaces/*.cpp: f(w) for each built-in surface, selected by the
// surface's shaderId. A test renders these to a float target and holds them equal to core.
// uParams carries the surface's parameters in core's order.

const float kPi = 3.14159265358979;

float quadraticValue(vec2 w, vec4 p) {
  float theta = p.z * kPi / 180.0;
  float c = cos(theta), s = sin(theta);
  float u = w.x * c + w.y * s, v = -w.x * s + w.y * c;
  return p.x * u * u + p.y * v * v;
}

float rosenbrockValue(vec2 w, vec4 p) {
  float r = w.y - w.x * w.x;
  return (p.x - w.x) * (p.x - w.x) + p.y * r * r;
}

float bealeValue(vec2 w) {
  float x = w.x, y = w.y;
  float t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y * y, t3 = 2.625 - x + x * y * y * y;
  return t1 * t1 + t2 * t2 + t3 * t3;
}

float himmelblauValue(vec2 w) {
  float p = w.x * w.x + w.y - 11.0, q = w.x + w.y * w.y - 7.0;
  return p * p + q * q;
}

float saddleValue(vec2 w) {
  float y2 = w.y * w.y;
  return w.x * w.x + 0.25 * y2 * y2 - 0.5 * y2;
}

float rastriginValue(vec2 w, vec4 p) {
  return 2.0 * p.x + w.x * w.x + w.y * w.y - p.x * (cos(2.0 * kPi * w.x) + cos(2.0 * kPi * w.y));
}

float styblinskiTangValue(vec2 w) {
  vec2 t = w * w * w * w - 16.0 * w * w + 5.0 * w;
  return 0.5 * (t.x + t.y);
}

float sixHumpCamelValue(vec2 w) {
  float x = w.x, y = w.y, x2 = x * x, y2 = y * y;
  return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (4.0 * y2 - 4.0) * y2;
}

float surfaceValue(int id, vec2 w, vec4 p) {
  if (id == 0) return quadraticValue(w, p);
  if (id == 1) return rosenbrockValue(w, p);
  if (id == 2) return bealeValue(w);
  if (id == 3) return himmelblauValue(w);
  if (id == 4) return saddleValue(w);
  if (id == 5) return rastriginValue(w, p);
  if (id == 6) return styblinskiTangValue(w);
  return sixHumpCamelValue(w);
}
