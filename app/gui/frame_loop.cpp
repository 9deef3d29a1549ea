#include "frame_loop.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "autosave.h"
#include "export_actions.h"
#include "gl_target.h"
#include "panel_backdrop.h"
#include "panels.h"
// GLFW after epoxy (pulled in by gl_objects.h), so it does not include the system GL header.
#include <GLFW/glfw3.h>

namespace optirace {

namespace {
// The canvas and the loss plot, painted straight into the window's framebuffer where their
// (background-less) ImGui windows are; ImGui then draws its panels over them. Their offscreen
// layers are brought up to date first, and every kept picture is copied into the window before
// anything is drawn there, so that llvmpipe, which rasterizes the window's queued drawing
// before each copy, does so once.
void prepareViews(AppState& app, GuiResources& gui) {
  if (!app.race) return;
  float scale = app.effectiveScale();
  // Presentation mode: lines and markers thicker than the text's scale alone makes them.
  float lines = app.presenting ? 1.6f : 1.0f;
  try {
    if (app.canvasVisible) {
      CanvasStyle style = app.canvasStyle();
      style.lineWidthPx *= lines;
      app.canvasView = gui.canvas.prepare(*app.race, app.camera, app.scenario.title, style,
                                          app.canvasRect, scale);
    }
    if (app.plotVisible) {
      LossPlotStyle style = app.settings.plot;
      style.lightTheme = app.settings.lightTheme;
      style.lineWidthPx *= lines;
      gui.plot.prepare(*app.race, style, app.plotRect, scale);
    }
  } catch (const RenderError& e) {
    app.report(std::string("drawing failed: ") + e.what(), true);
  }
}

// The tiled panels over the work area: the window less the menu bar and the status bar (both
// one frame high); in presentation mode, less only the strip of the hint how to leave it.
void placePanels(AppState& app) {
  const ImGuiViewport* v = ImGui::GetMainViewport();
  float bar = app.presenting ? 0.0f : ImGui::GetFrameHeight();
  float below = app.presenting ? presentationHintHeight() : bar;
  app.layout.beginFrame(ImVec2(v->Pos.x, v->Pos.y + bar),
                        ImVec2(v->Size.x, v->Size.y - bar - below), ImGui::GetFontSize(),
                        app.presenting, app.settings.presentLeaderboard, app.settings.exportPanel);
  if (app.resetLayoutRequested) {
    app.layout.reset();
    app.resetLayoutRequested = false;
  }
}

void copyViews(AppState& app, GuiResources& gui, int width, int height) {
  if (!app.race) return;
  if (app.canvasVisible) gui.canvas.copyLayers(width, height);
  if (app.plotVisible) gui.plot.copyLayer(height);
  bindWindowTarget(width, height);
}

void drawViewOverlays(AppState& app, GuiResources& gui, int width, int height) {
  if (!app.race) return;
  try {
    if (app.canvasVisible) gui.canvas.drawOverlays(*app.race, width, height);
    if (app.plotVisible) app.plotView = gui.plot.drawOverlays(*app.race, width, height);
  } catch (const RenderError& e) {
    app.report(std::string("drawing failed: ") + e.what(), true);
  }
  bindWindowTarget(width, height);
}
}  // namespace

void runFrame(GLFWwindow* window, AppState& app, GuiResources& gui,
              const std::vector<Preset>& presets) {
  glfwPollEvents();
  gui.look.apply(app.effectiveScale(), app.settings.lightTheme);
  ImGui_ImplOpenGL3_NewFrame();  // creates the font texture when there is none
  gui.look.useNearestSampling();
  ImGui_ImplGlfw_NewFrame();
  if (gui.mouse) {
    ImGui::GetIO().MousePos = gui.mouse->pos;
    ImGui::GetIO().MouseDown[0] = gui.mouse->down;
  }
  ImGui::NewFrame();
  beginWindowFrame();

  handleShortcuts(app, presets);
  placePanels(app);
  if (app.playing) {
    app.stepOn(app.stepsPerFrame);
    if (app.raceFinished()) app.playing = false;
  }
  try {
    drawMainMenu(app, presets);
    drawScenarioPanel(app, presets);
    drawRacersPanel(app);
    if (app.taskRace) {  // training a task's network: its own two views
      gui.taskViews.drawCanvas(app, gui.fonts);
      gui.taskViews.drawLossPlot(app, gui.fonts);
    } else {
      drawCanvasWindow(app);
      drawLossPlotWindow(app);
    }
    drawLeaderboard(app);
    drawExportPanel(app);
    drawHelpWindow(app);
    if (!app.taskRace) drawStepInspector(app);  // it inspects steps on a surface
    if (app.taskRace) {
      gui.taskSweep.draw(app);  // Exercise 27.4: final loss against η
    } else {
      gui.sensitivity.draw(app);
      gui.sensitivity.drawBasinOverlay(app, gui.canvas.legendBox());
    }
    drawStatusBar(app);
    drawProblemPanel(app);
  } catch (const RenderError& e) {
    app.report(std::string("drawing failed: ") + e.what(), true);
  }
  // A whole slider drag, or any other edit, becomes one undo step once the widget is let go.
  if (!ImGui::IsAnyItemActive() && app.history.record(app.scenario) && app.autosaving)
    writeAutosave(app);
  ImGui::Render();
  int width = 0, height = 0;
  glfwGetFramebufferSize(window, &width, &height);
  bindWindowTarget(width, height);
  // The panels' background colour: panels that overlap nothing leave their fill to this clear
  // (panel_backdrop.h).
  ImVec4 clear = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  prepareViews(app, gui);
  gui.panels.update(ImGui::GetDrawData(), width, height, clear);
  bindWindowTarget(width, height);
  clearTarget(clear.x, clear.y, clear.z);
  copyViews(app, gui, width, height);
  gui.panels.copyPanels();
  drawViewOverlays(app, gui, width, height);
  gui.panels.drawRest(ImGui::GetDrawData());
  if (app.screenshotRequested) {
    app.screenshotRequested = false;
    app.taskRace ? saveTaskFigure(app, gui.fonts, gui.taskViews.slice(), ".png")
                 : saveScreenshot(app, gui.canvas, gui.plot);
  }
  if (app.vectorFigureRequested) {
    app.taskRace ? saveTaskFigure(app, gui.fonts, gui.taskViews.slice(), app.vectorFigureRequested)
                 : saveVectorFigure(app, gui.canvas, gui.plot, app.vectorFigureRequested);
    app.vectorFigureRequested = nullptr;
  }
  gui.taskSweep.servicePicture(app, width, height);
  gui.video.service(app, gui.taskViews.slice());
  bindWindowTarget(width, height);
  if (gui.capture) *gui.capture = readFramebuffer(width, height);
  glfwSwapBuffers(window);
}

}  // namespace optirace
