#include "panel_cache.h"

#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "panel_backdrop.h"

namespace optirace {

namespace {
// FNV-1a over a draw list's vertices, indices and commands, and the panel's rectangle.
struct Hasher {
  std::uint64_t h = 1469598103934665603ull;
  void add(const void* data, std::size_t bytes) {
    auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) h = (h ^ p[i]) * 1099511628211ull;
  }
};
void hashList(Hasher& hasher, const ImDrawList& list) {
  hasher.add(list.VtxBuffer.Data, list.VtxBuffer.size_in_bytes());
  hasher.add(list.IdxBuffer.Data, list.IdxBuffer.size_in_bytes());
  for (const ImDrawCmd& c : list.CmdBuffer) {
    hasher.add(&c.ClipRect, sizeof c.ClipRect);
    hasher.add(&c.TextureId, sizeof c.TextureId);
    hasher.add(&c.VtxOffset, sizeof c.VtxOffset);
    hasher.add(&c.IdxOffset, sizeof c.IdxOffset);
    hasher.add(&c.ElemCount, sizeof c.ElemCount);
    bool callback = c.UserCallback != nullptr;  // callbacks draw what no hash can see
    hasher.add(&callback, sizeof callback);
  }
}
// A draw list belongs to a panel when its window is the panel or one of its child windows.
bool ownedBy(const ImDrawList& list, const std::string& panel) {
  const char* owner = list._OwnerName;
  if (!owner || std::strncmp(owner, panel.c_str(), panel.size()) != 0) return false;
  char next = owner[panel.size()];
  return next == '\0' || next == '/';
}
void renderLists(ImDrawData* frame, std::vector<ImDrawList*>& lists) {
  if (lists.empty()) return;
  ImDrawData part = *frame;
  part.CmdLists = lists.data();
  part.CmdListsCount = static_cast<int>(lists.size());
  part.TotalVtxCount = part.TotalIdxCount = 0;
  for (ImDrawList* l : lists) {
    part.TotalVtxCount += l->VtxBuffer.Size;
    part.TotalIdxCount += l->IdxBuffer.Size;
  }
  ImGui_ImplOpenGL3_RenderDrawData(&part);
}
}  // namespace

void PanelCache::setEnabled(bool enabled) {
  enabled_ = enabled;
  drawn_.clear();
}

void PanelCache::render(ImDrawData* data, int fbW, int fbH, ImVec4 background) {
  std::vector<BackdropPanel> panels = panelsOnBackdrop();
  std::vector<std::vector<ImDrawList*>> panelLists(panels.size());
  std::vector<ImDrawList*> direct;
  bool hasCallbacks = false;
  for (int i = 0; i < data->CmdListsCount; ++i) {
    ImDrawList* list = data->CmdLists[i];
    std::size_t owner = panels.size();
    for (std::size_t p = 0; p < panels.size() && owner == panels.size(); ++p)
      if (ownedBy(*list, panels[p].name)) owner = p;
    (owner < panels.size() ? panelLists[owner] : direct).push_back(list);
    for (const ImDrawCmd& c : list->CmdBuffer) hasCallbacks |= c.UserCallback != nullptr;
  }
  if (!enabled_ || hasCallbacks || fbW <= 0 || fbH <= 0) {  // draw it all directly
    ImGui_ImplOpenGL3_RenderDrawData(data);
    return;
  }
  if (!layer_ || layer_.width() != fbW || layer_.height() != fbH) {
    layer_ = Framebuffer(fbW, fbH);
    drawn_.clear();
  }
  GLint window = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &window);
  ImVec2 scale = data->FramebufferScale, origin = data->DisplayPos;
  auto pixels = [&](const BackdropPanel& p, int& x, int& y, int& w, int& h) {
    x = std::max(0, static_cast<int>((p.min.x - origin.x) * scale.x));
    int top = std::max(0, static_cast<int>((p.min.y - origin.y) * scale.y));
    w = std::min(fbW, static_cast<int>((p.max.x - origin.x) * scale.x + 0.999f)) - x;
    h = std::min(fbH, static_cast<int>((p.max.y - origin.y) * scale.y + 0.999f)) - top;
    y = fbH - top - h;  // GL rows go up
  };
  std::unordered_map<std::string, std::uint64_t> drawn;
  for (std::size_t p = 0; p < panels.size(); ++p) {
    Hasher hasher;
    hasher.add(&panels[p].min, sizeof panels[p].min);
    hasher.add(&panels[p].max, sizeof panels[p].max);
    hasher.add(&background, sizeof background);
    for (ImDrawList* l : panelLists[p]) hashList(hasher, *l);
    drawn[panels[p].name] = hasher.h;
    auto previous = drawn_.find(panels[p].name);
    if (previous != drawn_.end() && previous->second == hasher.h) continue;
    int x, y, w, h;
    pixels(panels[p], x, y, w, h);
    if (w <= 0 || h <= 0) continue;
    layer_.bind();
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, y, w, h);
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    renderLists(data, panelLists[p]);
    ++redraws_;
  }
  drawn_ = std::move(drawn);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, layer_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(window));
  for (const BackdropPanel& panel : panels) {
    int x, y, w, h;
    pixels(panel, x, y, w, h);
    if (w > 0 && h > 0)
      glBlitFramebuffer(x, y, x + w, y + h, x, y, x + w, y + h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(window));
  glViewport(0, 0, fbW, fbH);
  renderLists(data, direct);
}

}  // namespace optirace
