#include "panel_cache.h"

#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "gl_target.h"
#include "panel_backdrop.h"

namespace optirace {

namespace {
// A 64-bit hash of a panel's draw lists (vertices, indices, commands) and rectangle, taken
// eight bytes at a time: byte-wise FNV-1a over ~20 000 vertices cost a tenth of a frame's CPU.
struct Hasher {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  void add(const void* data, std::size_t bytes) {
    auto* p = static_cast<const unsigned char*>(data);
    for (; bytes >= 8; p += 8, bytes -= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      mix(word);
    }
    std::uint64_t tail = std::uint64_t{bytes} << 56;  // the length, so that zero bytes count
    std::memcpy(&tail, p, bytes);
    mix(tail);
  }
  void mix(std::uint64_t word) {
    h = (h ^ word) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
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
// Mirrors a list's vertices and clip rectangles top to bottom within the display, so that
// ImGui's renderer, which draws in GL's row order, fills a layer that keeps its top row first.
void flipRows(ImDrawList& list, const ImDrawData& frame) {
  float mirror = 2.0f * frame.DisplayPos.y + frame.DisplaySize.y;  // y ↦ mirror − y
  for (ImDrawVert& v : list.VtxBuffer) v.pos.y = mirror - v.pos.y;
  for (ImDrawCmd& c : list.CmdBuffer) {
    float top = c.ClipRect.y;
    c.ClipRect.y = mirror - c.ClipRect.w;
    c.ClipRect.w = mirror - top;
  }
}
// `outer` without `hole`: up to four boxes (above, below, left and right of it).
std::vector<PixelBox> around(PixelBox outer, PixelBox hole) {
  int left = std::clamp(hole.x, outer.x, outer.x + outer.w);
  int right = std::clamp(hole.x + hole.w, left, outer.x + outer.w);
  int top = std::clamp(hole.y, outer.y, outer.y + outer.h);
  int bottom = std::clamp(hole.y + hole.h, top, outer.y + outer.h);
  std::vector<PixelBox> parts{{outer.x, outer.y, outer.w, top - outer.y},
                              {outer.x, bottom, outer.w, outer.y + outer.h - bottom},
                              {outer.x, top, left - outer.x, bottom - top},
                              {right, top, outer.x + outer.w - right, bottom - top}};
  std::erase_if(parts, [](const PixelBox& b) { return b.w <= 0 || b.h <= 0; });
  return parts;
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

void PanelCache::update(ImDrawData* data, int fbW, int fbH, ImVec4 background) {
  std::vector<BackdropPanel> panels = panelsOnBackdrop();
  std::vector<std::vector<ImDrawList*>> panelLists(panels.size());
  direct_.clear();
  copies_.clear();
  bool hasCallbacks = false;
  for (int i = 0; i < data->CmdListsCount; ++i) {
    ImDrawList* list = data->CmdLists[i];
    std::size_t owner = panels.size();
    for (std::size_t p = 0; p < panels.size() && owner == panels.size(); ++p)
      if (ownedBy(*list, panels[p].name)) owner = p;
    (owner < panels.size() ? panelLists[owner] : direct_).push_back(list);
    for (const ImDrawCmd& c : list->CmdBuffer) hasCallbacks |= c.UserCallback != nullptr;
  }
  drawAllDirectly_ = !enabled_ || hasCallbacks || fbW <= 0 || fbH <= 0;
  if (drawAllDirectly_) return;
  if (!layer_ || layer_.width() != fbW || layer_.height() != fbH) {
    layer_ = Framebuffer(fbW, fbH, Framebuffer::Format::WindowLayer);
    drawn_.clear();
  }
  ImVec2 scale = data->FramebufferScale, origin = data->DisplayPos;
  std::unordered_map<std::string, std::uint64_t> drawn;
  for (std::size_t p = 0; p < panels.size(); ++p) {
    int x = std::max(0, static_cast<int>((panels[p].min.x - origin.x) * scale.x));
    int y = std::max(0, static_cast<int>((panels[p].min.y - origin.y) * scale.y));
    int w = std::min(fbW, static_cast<int>((panels[p].max.x - origin.x) * scale.x + 0.999f)) - x;
    int h = std::min(fbH, static_cast<int>((panels[p].max.y - origin.y) * scale.y + 0.999f)) - y;
    if (w <= 0 || h <= 0) continue;
    PixelBox whole{x, y, w, h};
    if (panels[p].hasHole) {
      int hx = static_cast<int>((panels[p].holeMin.x - origin.x) * scale.x);
      int hy = static_cast<int>((panels[p].holeMin.y - origin.y) * scale.y);
      PixelBox hole{hx, hy, static_cast<int>((panels[p].holeMax.x - origin.x) * scale.x) - hx,
                    static_cast<int>((panels[p].holeMax.y - origin.y) * scale.y) - hy};
      for (const PixelBox& part : around(whole, hole)) copies_.push_back(part);
    } else {
      copies_.push_back(whole);
    }
    Hasher hasher;
    hasher.add(&panels[p].min, sizeof panels[p].min);
    hasher.add(&panels[p].max, sizeof panels[p].max);
    hasher.add(&background, sizeof background);
    for (ImDrawList* l : panelLists[p]) hashList(hasher, *l);
    drawn[panels[p].name] = hasher.h;
    auto previous = drawn_.find(panels[p].name);
    if (previous != drawn_.end() && previous->second == hasher.h) continue;
    layer_.bind();
    clearBox(x, y, w, h, background.x, background.y, background.z);  // top row first
    for (ImDrawList* l : panelLists[p]) flipRows(*l, *data);
    renderLists(data, panelLists[p]);
    ++redraws_;
  }
  drawn_ = std::move(drawn);
  bindWindowTarget(fbW, fbH);
}

void PanelCache::copyPanels() {
  if (drawAllDirectly_) return;
  for (const PixelBox& box : copies_)
    copyPicture(layer_, box, 0, layer_.height(), RowOrder::BottomUp, box.x, box.y);
}

void PanelCache::drawRest(ImDrawData* data) {
  if (drawAllDirectly_) {
    ImGui_ImplOpenGL3_RenderDrawData(data);
    return;
  }
  renderLists(data, direct_);
}

}  // namespace optirace
