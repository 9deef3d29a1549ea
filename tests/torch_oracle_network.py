#!/usr/bin/env python3
"""Compares `optirace train` against torch.nn and torch.optim 1.13 in float64.

The 2-8-1 sigmoid network of seed 003 §27.5 as torch.nn layers (gradients by autograd, not by
our backpropagation), its data and initial weights made here with NumPy exactly as the seed
makes them (not read from our asset), trained by every one of the 13 optimizers on XOR and the
circle; then gradient clipping (clip_grad_norm_ over all parameters), a warmup schedule
(LambdaLR), Adam without bias correction, weight decay, and mini-batches (our shuffle
transcribed, torch_oracle.Noise). Lion, which torch 1.13 lacks, is written out in torch ops.
Every loss row must agree to a relative 1e-8 while torch's own result is determined: where
the rule amplifies rounding (RMSProp on XOR: g/√v turns a gradient's last bits into an
η-sized step), torch run on the samples in reverse order separates from itself too, and rows
are compared up to where its two runs differ by 1e-10 (at least MIN_COMPARED of them).
Exits 77 (CTest: skipped) when torch or numpy is not installed.
Usage: torch_oracle_network.py PATH/TO/optirace
"""
import math
import os
import subprocess
import sys

try:
    import numpy as np
    import torch
except ImportError:
    print("SKIP: python3-torch or python3-numpy is not installed")
    sys.exit(77)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_oracle import Noise  # noqa: E402  (our PRNG, transcribed)
from torch_oracle_schedules import AdamWithoutBiasCorrection  # noqa: E402

torch.set_default_dtype(torch.float64)
TOLERANCE = 1e-8
O = torch.optim


def seed_tasks():
    """The seed's data and shared initialisation (§27.5), from NumPy's generators."""
    x_xor = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)
    y_xor = np.array([[0, 1, 1, 0]], dtype=float)
    rng_data = np.random.default_rng(42)
    x_circle = rng_data.uniform(-1, 1, (2, 300))
    y_circle = ((x_circle[0]**2 + x_circle[1]**2) < 0.5**2).astype(float).reshape(1, -1)
    rng_init = np.random.default_rng(123)
    init = []
    for n_in, n_out in ((2, 8), (8, 1)):
        init.append((rng_init.standard_normal((n_out, n_in)) * np.sqrt(2.0 / (n_in + n_out)),
                     np.zeros(n_out)))
    return {"xor": (x_xor, y_xor), "circle": (x_circle, y_circle)}, init


class Lion(O.Optimizer):
    """c = β₁m + (1 − β₁)g; w ← w − η(sign(c) + λw); m ← β₂m + (1 − β₂)g (Chen et al. 2023)."""

    def __init__(self, params, lr, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, (b1, b2), wd = group["lr"], group["betas"], group["weight_decay"]
            for p in group["params"]:
                m = self.state[p].setdefault("m", torch.zeros_like(p))
                c = b1 * m + (1 - b1) * p.grad
                p.sub_(lr * (torch.sign(c) + wd * p))
                m.mul_(b2).add_(p.grad, alpha=1 - b2)


# name, our flags, torch optimizer, extra settings
CASES = [
    ("sgd", {"lr": 0.5}, lambda ps: O.SGD(ps, lr=0.5, foreach=False), {}),
    ("momentum", {"lr": 0.1, "beta1": 0.9},
     lambda ps: O.SGD(ps, lr=0.1, momentum=0.9, foreach=False), {}),
    ("nesterov", {"lr": 0.1, "beta1": 0.9},
     lambda ps: O.SGD(ps, lr=0.1, momentum=0.9, nesterov=True, foreach=False), {}),
    ("adagrad", {"lr": 0.1}, lambda ps: O.Adagrad(ps, lr=0.1, foreach=False), {}),
    ("rmsprop", {"lr": 0.01, "beta2": 0.9}, lambda ps: O.RMSprop(ps, lr=0.01, alpha=0.9, foreach=False), {}),
    ("adam", {"lr": 0.01}, lambda ps: O.Adam(ps, lr=0.01, foreach=False), {}),
    ("adam", {"lr": 0.01, "weight-decay": 0.01},
     lambda ps: O.Adam(ps, lr=0.01, weight_decay=0.01, foreach=False), {}),
    ("amsgrad", {"lr": 0.01}, lambda ps: O.Adam(ps, lr=0.01, amsgrad=True, foreach=False), {}),
    ("adamw", {"lr": 0.01, "weight-decay": 0.1},
     lambda ps: O.AdamW(ps, lr=0.01, weight_decay=0.1, foreach=False), {}),
    ("nadam", {"lr": 0.01}, lambda ps: O.NAdam(ps, lr=0.01, foreach=False), {}),
    ("radam", {"lr": 0.01}, lambda ps: O.RAdam(ps, lr=0.01, foreach=False), {}),
    ("adamax", {"lr": 0.01}, lambda ps: O.Adamax(ps, lr=0.01, foreach=False), {}),
    ("adadelta", {"lr": 1.0}, lambda ps: O.Adadelta(ps, lr=1.0, foreach=False), {}),
    ("lion", {"lr": 1e-3, "beta1": 0.9, "beta2": 0.99}, lambda ps: Lion(ps, lr=1e-3), {}),
    # Exercise 27.3: Adam without bias correction.
    ("adam", {"lr": 0.01, "no-bias-correction": True},
     lambda ps: AdamWithoutBiasCorrection(ps, lr=0.01), {}),
    # Gradient clipping over all 33 parameters.
    ("adam", {"lr": 0.05, "clip-norm": 0.02}, lambda ps: O.Adam(ps, lr=0.05, foreach=False),
     {"clip": 0.02}),
    # Exercise 27.6: linear warmup over 50 steps.
    ("adam", {"lr": 0.01, "schedule": "warmup:warmup=50"},
     lambda ps: O.Adam(ps, lr=0.01, foreach=False),
     {"scheduler": lambda o: O.lr_scheduler.LambdaLR(o, lambda k: min(1.0, k / 50))}),
    # Mini-batches of 32 (the circle) from a seeded shuffle.
    ("momentum", {"lr": 0.1, "beta1": 0.9, "batch-size": "32", "seed": "5"},
     lambda ps: O.SGD(ps, lr=0.1, momentum=0.9, foreach=False), {"batch": 32, "seed": 5}),
]
EPOCHS = {"xor": 300, "circle": 120}
MIN_COMPARED = 60


def run_ours(binary, task, optimizer, flags, epochs):
    args = [binary, "train", "--task", task, "--optimizer", optimizer, "--epochs", str(epochs)]
    for k, v in flags.items():
        args += ["--" + k] if v is True else ["--" + k, v if isinstance(v, str) else repr(v)]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0].startswith("epoch,loss,accuracy"), out[0]
    return [tuple(float(c) for c in line.split(",")[1:3]) for line in out[1:]]


def shuffled_batches(seed, samples, size):
    """core/network/training_run.cpp's shuffleRows: a Fisher–Yates pass per epoch, each epoch
    seeded by the previous epoch's first draw."""
    state = seed
    order = list(range(samples))
    while True:
        bits = Noise(state)
        state = bits.bits()
        for i in range(samples - 1, 0, -1):
            j = int(((bits.bits() >> 11) * 2.0 ** -53) * (i + 1))
            order[i], order[j] = order[j], order[i]
        yield [order[k:k + size] for k in range(0, samples, size)]


def run_torch(task_data, init, optimizer, make, extra, epochs, beta):
    x = torch.tensor(task_data[0].T)
    y = torch.tensor(task_data[1].T)
    net = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Sigmoid(),
                              torch.nn.Linear(8, 1), torch.nn.Sigmoid())
    with torch.no_grad():
        for layer, (w, b) in zip((net[0], net[2]), init):
            layer.weight.copy_(torch.tensor(w))
            layer.bias.copy_(torch.tensor(b))
    params = list(net.parameters())
    opt = make(params)
    sched = extra["scheduler"](opt) if "scheduler" in extra else None

    def loss_on(rows=None):
        xs, ys = (x, y) if rows is None else (x[rows], y[rows])
        return 0.5 * ((net(xs) - ys) ** 2).sum() / len(xs)

    def loss_at_w():
        """The loss, the share of samples on the right side of ½, and whether an output is
        within 1e-9 of ½ (where rounding may put it on either side)."""
        if optimizer != "nesterov":
            return measured()
        # torch's nesterov=True tracks u = w − ηβ·buf; our w is u + ηβ·buf.
        with torch.no_grad():
            saved = [p.clone() for p in params]
            for p in params:
                buf = opt.state[p].get("momentum_buffer")
                if buf is not None:
                    p.add_(buf, alpha=opt.param_groups[0]["lr"] * beta)
            value = measured()
            for p, s in zip(params, saved):
                p.copy_(s)
        return value

    def measured():
        with torch.no_grad():  # one forward pass for the loss (loss_on's arithmetic) and the rest
            out = net(x)
            loss = (0.5 * ((out - y) ** 2).sum() / len(x)).item()
            right = ((out > 0.5) == (y > 0.5)).all(dim=1).double().mean().item()
            near = bool(((out - 0.5).abs() < 1e-9).any())
        return loss, right, near

    batches = shuffled_batches(extra["seed"], len(x), extra["batch"]) if "batch" in extra else None
    rows = [loss_at_w()]
    for _ in range(epochs):
        for batch in (next(batches) if batches else [None]):
            opt.zero_grad()
            loss_on(batch).backward()
            if "clip" in extra:
                torch.nn.utils.clip_grad_norm_(params, max_norm=extra["clip"])
            opt.step()
            if sched:
                sched.step()
        rows.append(loss_at_w())
    return rows


def main():
    binary = sys.argv[1]
    tasks, init = seed_tasks()
    passed = failed = 0
    for task in ("xor", "circle"):
        for optimizer, flags, make, extra in CASES:
            if "batch" in extra and task == "xor":
                continue  # four samples: the circle's 300 show batching
            epochs = EPOCHS[task]
            ours = run_ours(binary, task, optimizer, flags, epochs)
            beta = flags.get("beta1", 0.9)
            theirs = run_torch(tasks[task], init, optimizer, make, extra, epochs, beta)
            determined = len(theirs)
            if "batch" not in extra:  # mini-batches fix their own order
                x, y = tasks[task]
                reverse = np.arange(x.shape[1])[::-1].copy()
                reordered = run_torch((x[:, reverse], y[:, reverse]), init, optimizer, make,
                                      extra, epochs, beta)
                determined = next((k for k, (a, b) in enumerate(zip(theirs, reordered))
                                   if abs(a[0] - b[0]) > 1e-10 * abs(b[0])), len(theirs))
            compared = list(zip(ours, theirs))[:determined]
            worst = max(abs(a[0] - b[0]) / max(abs(b[0]), 1e-12) for a, b in compared)
            # The accuracy column: the same count of right samples wherever no output is at ½.
            accuracy_ok = all(a[1] == b[1] for a, b in compared if not b[2])
            ok = (len(ours) == len(theirs) == epochs + 1 and worst <= TOLERANCE and accuracy_ok
                  and len(compared) >= MIN_COMPARED)
            print("%-4s %-7s %-9s %-58s rows %3d, worst relative error %.3g, accuracy %s"
                  % ("ok" if ok else "FAIL", task, optimizer, flags, len(compared), worst,
                     "equal" if accuracy_ok else "DIFFERS"))
            passed += ok
            failed += not ok
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
