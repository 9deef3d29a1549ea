// The task canvas's two views (task_views.h), painted by render/task_view_painter.h, the code
// that paints a task's figures, onto ImGui's background list (under every panel and popup,
// inside the canvas's area), over the pictures TaskViews keeps as textures; then the read-out
// of the loss under the mouse.
#include <imgui.h>

#include <algorithm>
#include <vector>

#include "imgui_drawing.h"
#include "task_view_painter.h"
#include "task_views.h"

namespace optirace {

namespace {
ImTextureID textureId(const GlTexture& t) {
  return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t.id()));
}

// The window's pictures: textures TaskViews keeps up to date (refresh).
class WindowBackdrop : public TaskViewBackdrop {
 public:
  WindowBackdrop(ImDrawList* list, const std::vector<GlTexture>& boundaries, const GlTexture& slice,
                 const GlTexture& colourBar)
      : list_(list), boundaries_(boundaries), slice_(slice), colourBar_(colourBar) {}

  void boundaryPicture(int racer, PointF min, PointF max) override {
    if (racer < static_cast<int>(boundaries_.size()))
      list_->AddImage(textureId(boundaries_[racer]), toImVec2(min), toImVec2(max));
  }
  void slicePicture(PointF min, PointF max) override {
    list_->AddImage(textureId(slice_), toImVec2(min), toImVec2(max));
  }
  void colourBar(PointF min, PointF max) override {
    list_->AddImage(textureId(colourBar_), toImVec2(min), toImVec2(max));
  }

 private:
  ImDrawList* list_;
  const std::vector<GlTexture>& boundaries_;
  const GlTexture& slice_;
  const GlTexture& colourBar_;
};
}  // namespace

void TaskViews::drawViews(const AppState& app, FontCache& fonts, RectPx area) {
  ImDrawList* list = ImGui::GetBackgroundDrawList();
  ImGuiDrawing d(list);
  WindowBackdrop backdrop(list, boundaries_, sliceTexture_, colourBarTexture_);
  const TaskViewInk k = windowInk(app, fonts);
  list->PushClipRect(ImVec2(area.x, area.y), ImVec2(area.x + area.w, area.y + area.h), true);
  TaskViewsLayout layout = paintTaskViews(d, backdrop, k, *app.taskRace, slice_, area,
                                          "No racer: add one in the Racers panel.");
  list->PopClipRect();
  boundaryRects_ = layout.boundaries;
  sliceRect_ = layout.slice;

  // The read-out under the mouse: (α, β) and the loss there.
  const RectPx& p = sliceRect_;
  ImVec2 mouse = ImGui::GetIO().MousePos;
  if (p.w > 0 && ImGui::IsWindowHovered() && mouse.x >= p.x && mouse.x <= p.x + p.w &&
      mouse.y >= p.y && mouse.y <= p.y + p.h) {
    const SliceView& s = slice_;
    Vec2 ab{s.view.xMin + (mouse.x - p.x) / p.w * s.view.width(),
            s.view.yMax - (mouse.y - p.y) / p.h * s.view.height()};
    std::vector<double> w(s.plane.origin.size());
    s.plane.pointAt(ab, w);
    double loss = network_->evaluate(w).loss;
    ImGui::SetTooltip("α = %.4g\nβ = %.4g\nloss on the slice = %.4e", ab.x, ab.y, loss);
  }
}

}  // namespace optirace
