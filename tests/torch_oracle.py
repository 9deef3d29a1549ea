#!/usr/bin/env python3
"""Compares `optirace run` against torch.optim 1.13 (Debian's python3-torch) in float64.

Every optimizer torch has, on four surfaces written here in torch ops (gradients by
autograd, independent of our analytic ones), with and without seeded gradient noise
(our PRNG transcribed below); then every learning-rate schedule through
torch.optim.lr_scheduler, gradient clipping through torch.nn.utils.clip_grad_norm_ and Adam,
AdamW and AMSGrad without bias correction written out in torch (torch_oracle_schedules.py).
Exits 77 (CTest: skipped) when torch is not installed.
Usage: torch_oracle.py PATH/TO/optirace
"""
import math
import subprocess
import sys

try:
    import torch
except ImportError:
    print("SKIP: python3-torch is not installed (apt-get install python3-torch)")
    sys.exit(77)

torch.set_default_dtype(torch.float64)  # NAdam keeps its mu-product in a default-dtype tensor
TOLERANCE = 1e-9  # relative, with an absolute floor of 1e-9 for values near zero

MASK = (1 << 64) - 1


class Noise:
    """splitmix64-seeded xoshiro256** and Marsaglia's polar method, as core/noise.cpp."""

    def __init__(self, seed):
        self.s = []
        x = seed
        for _ in range(4):
            x = (x + 0x9E3779B97F4A7C15) & MASK
            z = x
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            self.s.append(z ^ (z >> 31))
        self.spare = None

    def bits(self):
        s = self.s
        rotl = lambda v, k: ((v << k) | (v >> (64 - k))) & MASK
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def normal(self):
        if self.spare is not None:
            v, self.spare = self.spare, None
            return v
        while True:
            u = 2.0 * ((self.bits() >> 11) * 2.0 ** -53) - 1.0
            v = 2.0 * ((self.bits() >> 11) * 2.0 ** -53) - 1.0
            q = u * u + v * v
            if 0.0 < q < 1.0:
                break
        scale = math.sqrt(-2.0 * math.log(q) / q)
        self.spare = v * scale
        return u * scale


def quadratic(p, a=1.0, b=10.0, angle=30.0):
    th = math.radians(angle)
    u = p[0] * math.cos(th) + p[1] * math.sin(th)
    v = -p[0] * math.sin(th) + p[1] * math.cos(th)
    return a * u * u + b * v * v


SURFACES = {
    "quadratic:a=1,b=10,angle=30": (quadratic, (4.0, 1.0)),
    "rosenbrock": (lambda p: (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2, (-1.0, 0.5)),
    "himmelblau": (lambda p: (p[0] ** 2 + p[1] - 11) ** 2 + (p[0] + p[1] ** 2 - 7) ** 2, (0.5, -0.5)),
    "six-hump-camel": (lambda p: (4 - 2.1 * p[0] ** 2 + p[0] ** 4 / 3) * p[0] ** 2 + p[0] * p[1]
                       + (4 * p[1] ** 2 - 4) * p[1] ** 2, (-1.5, 1.0)),
    # Our sin(2πx), cos(2πx) are core/sin_cos_pi.h's (exact reduction, within 2 ulps); torch's
    # the libm's of 2πx rounded: the same values to a few ulps.
    "rastrigin": (lambda p: 20 + p[0] ** 2 + p[1] ** 2
                  - 10 * (torch.cos(2 * math.pi * p[0]) + torch.cos(2 * math.pi * p[1])), (0.3, -0.2)),
}

O = torch.optim
# name, our flags, torch constructor
CASES = [
    ("sgd", {"lr": 1e-3}, lambda ps: O.SGD(ps, lr=1e-3, foreach=False)),
    ("sgd", {"lr": 1e-3, "weight-decay": 0.5}, lambda ps: O.SGD(ps, lr=1e-3, weight_decay=0.5, foreach=False)),
    ("momentum", {"lr": 1e-3, "beta1": 0.9, "dampening": 0.1, "weight-decay": 0.01},
     lambda ps: O.SGD(ps, lr=1e-3, momentum=0.9, dampening=0.1, weight_decay=0.01, foreach=False)),
    ("nesterov", {"lr": 1e-3, "beta1": 0.9, "weight-decay": 0.01},
     lambda ps: O.SGD(ps, lr=1e-3, momentum=0.9, nesterov=True, weight_decay=0.01, foreach=False)),
    ("adagrad", {"lr": 0.1, "weight-decay": 0.01}, lambda ps: O.Adagrad(ps, lr=0.1, weight_decay=0.01, foreach=False)),
    ("rmsprop", {"lr": 0.001, "beta2": 0.9}, lambda ps: O.RMSprop(ps, lr=0.001, alpha=0.9, foreach=False)),
    ("adam", {"lr": 0.02, "weight-decay": 0.01}, lambda ps: O.Adam(ps, lr=0.02, weight_decay=0.01, foreach=False)),
    ("adam", {"lr": 0.02, "amsgrad": True}, lambda ps: O.Adam(ps, lr=0.02, amsgrad=True, foreach=False)),
    ("amsgrad", {"lr": 0.02, "beta1": 0.8}, lambda ps: O.Adam(ps, lr=0.02, betas=(0.8, 0.999), amsgrad=True, foreach=False)),
    ("adamw", {"lr": 0.02, "weight-decay": 0.1}, lambda ps: O.AdamW(ps, lr=0.02, weight_decay=0.1, foreach=False)),
    ("adamw", {"lr": 0.02, "amsgrad": True}, lambda ps: O.AdamW(ps, lr=0.02, amsgrad=True, foreach=False)),
    ("nadam", {"lr": 0.02, "weight-decay": 0.01}, lambda ps: O.NAdam(ps, lr=0.02, weight_decay=0.01, foreach=False)),
    ("radam", {"lr": 1e-3, "eps": 1e-6}, lambda ps: O.RAdam(ps, lr=1e-3, eps=1e-6, foreach=False)),
    ("adamax", {"lr": 0.02, "beta2": 0.99, "weight-decay": 0.01},
     lambda ps: O.Adamax(ps, lr=0.02, betas=(0.9, 0.99), weight_decay=0.01, foreach=False)),
    ("adadelta", {"lr": 1.0, "weight-decay": 0.01}, lambda ps: O.Adadelta(ps, lr=1.0, weight_decay=0.01, foreach=False)),
]
STEPS = 150


def run_ours(binary, surface, start, optimizer, flags, sigma, seed, steps=STEPS):
    args = [binary, "run", "--surface", surface, "--optimizer", optimizer,
            "--start", "%r,%r" % start, "--steps", str(steps), "--noise", repr(sigma), "--seed", str(seed)]
    for k, v in flags.items():
        args += ["--" + k] if v is True else ["--" + k, v if isinstance(v, str) else repr(v)]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0].startswith("step,x,y,loss"), out[0]
    return [tuple(float(c) for c in line.split(",")[1:4]) for line in out[1:]]


def run_torch(f, start, make, sigma, seed, steps=STEPS, scheduler=None, clip=None):
    """scheduler(opt) makes a torch.optim.lr_scheduler, stepped after each optimizer step;
    clip: clip_grad_norm_'s max_norm, applied to the noisy gradient."""
    p = torch.tensor(start, requires_grad=True)
    opt = make([p])
    sched = scheduler(opt) if scheduler else None
    noise = Noise(seed)
    rows = [(start[0], start[1], f(p).item())]
    for _ in range(steps):
        opt.zero_grad()
        f(p).backward()
        if sigma > 0:
            xi = noise.normal()
            with torch.no_grad():
                p.grad += torch.tensor([sigma * xi, sigma * noise.normal()])
        if clip is not None:
            torch.nn.utils.clip_grad_norm_([p], max_norm=clip)
        opt.step()
        if sched:
            sched.step()
        with torch.no_grad():
            rows.append((p[0].item(), p[1].item(), f(p).item()))
    return rows


def worst_error(ours, theirs):
    worst = 0.0
    for a, b in zip(ours, theirs):
        for x, y in zip(a, b):  # x, y (and loss, except for nesterov's look-ahead)
            worst = max(worst, abs(x - y) / max(abs(y), 1.0e-9 / TOLERANCE))
    return worst


def nesterov_look_ahead(rows, beta):
    """torch's nesterov=True tracks u = w − ηβv = w + β(w − w_prev); ours tracks w."""
    out = [rows[0]]
    for prev, cur in zip(rows, rows[1:]):
        out.append((cur[0] + beta * (cur[0] - prev[0]), cur[1] + beta * (cur[1] - prev[1])))
    return out


def main():
    binary = sys.argv[1]
    passed = failed = 0
    for surface, (f, start) in SURFACES.items():
        for optimizer, flags, make in CASES:
            for sigma, seed in ((0.0, 0), (0.3, 7)):
                ours = run_ours(binary, surface, start, optimizer, flags, sigma, seed)
                theirs = run_torch(f, start, make, sigma, seed)
                if optimizer == "nesterov":
                    ours = nesterov_look_ahead(ours, flags["beta1"])
                worst = worst_error(ours, theirs)
                ok = len(ours) == len(theirs) == STEPS + 1 and worst <= TOLERANCE
                print("%-4s %-28s %-9s %-40s sigma=%-4g worst relative error %.3g"
                      % ("ok" if ok else "FAIL", surface, optimizer, flags, sigma, worst))
                passed += ok
                failed += not ok
    # The one-division rules' fallback to torch's order (core/optimizers/one_division.h): on the
    # bowl's axis v_y stays 0, so with ε = 1e-307 the product of the denominators is subnormal.
    axis = "quadratic:a=1,b=10,angle=0"
    for optimizer, make in (("adam", lambda ps: O.Adam(ps, lr=0.02, eps=1e-307, foreach=False)),
                            ("nadam", lambda ps: O.NAdam(ps, lr=0.02, eps=1e-307, foreach=False)),
                            ("radam", lambda ps: O.RAdam(ps, lr=0.02, eps=1e-307, foreach=False))):
        ours = run_ours(binary, axis, (4.0, 0.0), optimizer, {"lr": 0.02, "eps": 1e-307}, 0.0, 0)
        theirs = run_torch(lambda p: quadratic(p, 1.0, 10.0, 0.0), (4.0, 0.0), make, 0.0, 0)
        worst = worst_error(ours, theirs)
        ok = len(ours) == len(theirs) == STEPS + 1 and worst <= TOLERANCE
        print("%-4s %-28s %-9s eps=1e-307 on the axis (torch's order)  worst relative error %.3g"
              % ("ok" if ok else "FAIL", axis, optimizer, worst))
        passed += ok
        failed += not ok
    import torch_oracle_schedules
    more_passed, more_failed = torch_oracle_schedules.check(binary, sys.modules[__name__])
    passed += more_passed
    failed += more_failed
    import torch_oracle_expressions
    more_passed, more_failed = torch_oracle_expressions.check(binary, sys.modules[__name__])
    passed += more_passed
    failed += more_failed
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
