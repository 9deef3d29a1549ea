// Surface parameters as sweep axes: every cell equals a race on a surface made independently with
// that value (its own f* and minimizers), in the vectorised kernel (a parameter on --y: a row
// shares its surface) and cell by cell (on --x); the divergence edge over the bowl's curvature
// from the analysis of gradient descent; the command line's axis names and bad values.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "expression/typed_surface.h"
#include "racer.h"
#include "scenario.h"
#include "scratch_folder.h"
#include "sweep.h"

namespace optirace {
namespace {

constexpr const char* kRosenbrockText = "(a - x)^2 + b*(y - x^2)^2";

Surface typedRosenbrock(double a) {
  return makeTypedSurface({kRosenbrockText, {{"a", a}, {"b", 100}}, std::nullopt, std::nullopt});
}

// A race of `racer` on `surface` for spec.steps steps: the cell's reference.
void expectCellEqualsRace(const SweepSpec& spec, const SweepJob& job, const Surface& surface,
                          int ix, int iy) {
  Racer racer(spec.cellRacer(ix, iy), surface, spec.settings);
  double best = racer.current().gap;
  for (long i = 0; i < spec.steps && racer.status() != RacerStatus::Diverged; ++i) {
    racer.step();
    if (racer.status() != RacerStatus::Diverged) best = std::min(best, racer.current().gap);
  }
  const SweepCell& c = job.cell(ix, iy);
  EXPECT_EQ(c.finalW, racer.current().w) << ix << "," << iy;  // bit for bit
  EXPECT_EQ(c.finalLoss, racer.current().loss) << ix << "," << iy;
  EXPECT_EQ(c.finalGap, racer.current().gap) << ix << "," << iy;
  EXPECT_EQ(c.bestGap, best) << ix << "," << iy;
  EXPECT_EQ(c.stepsToThreshold, racer.convergedAtStep()) << ix << "," << iy;
  EXPECT_EQ(c.divergedStep, racer.divergedAtStep()) << ix << "," << iy;
}

SweepSpec adamOnTypedRosenbrock() {
  SweepSpec spec;
  spec.surface = typedRosenbrock(1.0);
  spec.optimizer = "adam";
  spec.hyper = findOptimizer("adam")->defaults;
  spec.start = {-1, 0.5};
  spec.steps = 1500;
  spec.settings.view = kTypedDefaultView;
  spec.settings.threshold = 1e-3;
  return spec;
}

TEST(SweepSurfaceParam, EveryCellEqualsARaceOnItsOwnSurface) {
  // a moves the minimizer to (a, a²), f* = 0: each cell's gap is measured from its own surface's.
  for (bool paramOnY : {true, false}) {
    SweepSpec spec = adamOnTypedRosenbrock();
    SweepAxis a = parseSweepAxis("--x", "a:0.5:1.2:lin:5", &spec.surface);
    SweepAxis lr = parseSweepAxis("--x", "lr:0.003:0.1:log:12");
    ASSERT_TRUE(a.isSurfaceParam());
    spec.x = paramOnY ? lr : a;
    spec.y = paramOnY ? a : lr;
    SweepJob fast(spec, 2), reference(spec, 2, std::nullopt);
    fast.wait();
    reference.wait();
    int near = 0;
    for (int iy = 0; iy < spec.y->count; ++iy)
      for (int ix = 0; ix < spec.x.count; ++ix) {
        double aValue = (paramOnY ? spec.y->valueAt(iy) : spec.x.valueAt(ix));
        Surface own = typedRosenbrock(aValue);
        expectCellEqualsRace(spec, fast, own, ix, iy);
        expectCellEqualsRace(spec, reference, own, ix, iy);
        // The surface the sweep made has the analytic minimizer (a, a²) and f* = 0.
        const Surface& made = fast.cellSurface(ix, iy);
        ASSERT_EQ(made.minimizers().size(), 1u);
        EXPECT_NEAR(made.minimizers()[0].x, aValue, 1e-8);
        EXPECT_NEAR(made.minimizers()[0].y, aValue * aValue, 1e-8);
        EXPECT_NEAR(made.minimumValue(), 0.0, 1e-12);
        // A cell ending within 5 % of the view's side of its own minimizer is counted there.
        const SweepCell& c = fast.cell(ix, iy);
        if (c.divergedStep >= 0) continue;
        bool atOwn = norm(c.finalW - Vec2{aValue, aValue * aValue}) < 0.05 * 4;
        EXPECT_EQ(c.minimizer, atOwn ? 0 : -1) << ix << "," << iy;
        near += atOwn;
      }
    EXPECT_GT(near, 0);  // some cells reached their own minimizer, and were counted there
  }
}

TEST(SweepSurfaceParam, TheBowlsCurvatureHasTheStabilityEdgeOfGradientDescent) {
  // SGD with η fixed on f = a·x² + b·y² multiplies y by (1 − 2bη) each step: from y₀ = 0.5 the
  // racer leaves the escape reach within N steps exactly when 0.5·|1 − 2bη|^N exceeds it, i.e.
  // for b above (1 + (reach/0.5)^(1/N)) / (2η).
  SweepSpec spec;
  spec.surface = Surface(*findSurface("quadratic"));
  spec.optimizer = "sgd";
  spec.hyper = findOptimizer("sgd")->defaults;
  spec.hyper.lr = 0.01;
  spec.start = {5, 0.5};
  spec.steps = 500;
  spec.settings.view = spec.surface.def().defaultView;
  spec.x = parseSweepAxis("--x", "b:10:200:lin:39", &spec.surface);
  SweepJob job(spec, 2);
  job.wait();
  const ViewBox& view = spec.settings.view;
  double reach = kEscapeViewSizes * std::max(view.width(), view.height());
  double edge =
      (1 + std::pow(reach / 0.5, 1.0 / static_cast<double>(spec.steps))) / (2 * spec.hyper.lr);
  int diverged = 0;
  for (int ix = 0; ix < spec.x.count; ++ix) {
    double b = spec.x.valueAt(ix);
    Surface own(*findSurface("quadratic"));
    ASSERT_FALSE(own.setParam("b", b));
    EXPECT_EQ(job.cell(ix, 0).divergedStep >= 0, b > edge) << "b " << b << ", edge " << edge;
    diverged += job.cell(ix, 0).divergedStep >= 0;
    expectCellEqualsRace(spec, job, own, ix, 0);
  }
  EXPECT_GT(diverged, 0);
  EXPECT_LT(diverged, spec.x.count);
}

TEST(SweepSurfaceParam, UnknownNamesAndValuesOutsideTheRangeAreRefused) {
  Surface typed = typedRosenbrock(1.0);
  try {
    parseSweepAxis("--x", "c:1:2:lin:4", &typed);
    ADD_FAILURE() << "c is no parameter of the surface";
  } catch (const InputError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("--x: 'c:1:2:lin:4' names no sweepable quantity"), std::string::npos) << m;
    EXPECT_NE(m.find("a, b, start_x"), std::string::npos) << m;  // the surface's names listed
  }
  SweepSpec spec;
  spec.surface = Surface(*findSurface("rosenbrock"));
  spec.optimizer = "adam";
  spec.hyper = findOptimizer("adam")->defaults;
  spec.x = parseSweepAxis("--x", "b:-5:10:lin:4", &spec.surface);
  try {
    validateSweep(spec);
    ADD_FAILURE() << "Rosenbrock's b must be ≥ 0";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "x axis: b must be in [0, 1000000] over the whole axis (got -5)");
  }
  spec.x = parseSweepAxis("--x", "b:1:10:lin:4", &spec.surface);
  spec.surface = typed;  // a sweep over a parameter its surface does not have
  spec.x.surfaceParam = "q";
  EXPECT_THROW(validateSweep(spec), InputError);
}

struct CliResult {
  int status;
  std::string err;
};
CliResult cli(const std::string& args) {
  std::string err = scratchPath("surface_param_err").string();
  int raw = std::system(
      (std::string(OPTIRACE_BINARY) + " " + args + " > /dev/null 2> " + err + " < /dev/null")
          .c_str());
  std::ifstream in(err);
  std::stringstream ss;
  ss << in.rdbuf();
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, ss.str()};
}

TEST(SweepSurfaceParam, TheCommandLineSweepsATypedSurfacesParameter) {
  std::string csv = scratchPath("surface_param.csv").string();
  std::string base = "sweep --surface 'expr:" + std::string(kRosenbrockText) +
                     ";a=1,b=100' --optimizer adam --start -1,0.5 --steps 50 --csv " + csv;
  std::remove(csv.c_str());
  CliResult ok = cli(base + " --x lr:0.01:0.1:log:3 --y b:10:100:log:2");
  ASSERT_EQ(ok.status, 0) << ok.err;
  std::ifstream in(csv);
  std::string header, row;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("lr,b,final_x", 0), 0u) << header;
  int rows = 0;
  while (std::getline(in, row)) ++rows;
  EXPECT_EQ(rows, 6);
  for (const char* bad : {" --x c:1:2:lin:3", " --x b:1:2:lin:3 --y b:1:3:lin:2"}) {
    std::remove(csv.c_str());
    CliResult r = cli(base + bad);
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_FALSE(std::ifstream(csv).good()) << bad;
  }
}

}  // namespace
}  // namespace optirace
