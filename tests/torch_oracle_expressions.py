"""The third part of torch_oracle.py: surfaces typed as expressions (ENGINE.md, "Surfaces typed
as expressions"). Each expression is handed to `optirace run --surface 'expr:...'` as text and
evaluated by torch from the same text translated to Python (^ becomes **, the functions
torch's), so torch.autograd differentiates it independently of our forward-mode gradients; the
trajectories of several optimizers must agree to 1e-9 relative.
"""
import math

import torch

T = lambda v: v if torch.is_tensor(v) else torch.tensor(float(v))
NAMES = {
    "sin": lambda a: torch.sin(T(a)), "cos": lambda a: torch.cos(T(a)), "tan": lambda a: torch.tan(T(a)),
    "asin": lambda a: torch.asin(T(a)), "acos": lambda a: torch.acos(T(a)), "atan": lambda a: torch.atan(T(a)),
    "sinh": lambda a: torch.sinh(T(a)), "cosh": lambda a: torch.cosh(T(a)), "tanh": lambda a: torch.tanh(T(a)),
    "exp": lambda a: torch.exp(T(a)), "log": lambda a: torch.log(T(a)), "log10": lambda a: torch.log10(T(a)),
    "sqrt": lambda a: torch.sqrt(T(a)), "abs": lambda a: torch.abs(T(a)),
    "pow": lambda a, b: a ** b, "atan2": lambda a, b: torch.atan2(T(a), T(b)),
    "min": lambda a, b: torch.minimum(T(a), T(b)), "max": lambda a, b: torch.maximum(T(a), T(b)),
    "pi": math.pi, "e": math.e,
}

# (expression, parameters, start): every function and operator, -x^2, 2^-x, pow with negative
# bases and integer exponents, atan2, min and max away from ties.
EXPRESSIONS = [
    ("(a - x)^2 + b*(y - x^2)^2", {"a": 1, "b": 10}, (-1.0, 0.5)),
    ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", {}, (0.5, -0.5)),
    ("x^2 + 10*y^2 - x*y", {}, (2.0, 1.0)),
    ("-x^2 + 2*x^4 + y^2", {}, (1.2, 0.4)),
    ("2^-x + x^2/4 + y^2", {}, (1.0, 1.0)),
    ("pow(x, 3)/3 - x + pow(y, 2)", {}, (1.5, 0.7)),
    ("pow(x - 3, 4) + (y + 1)^2", {}, (0.5, 0.5)),
    ("x^-2/10 + x^2 + y^2", {}, (1.5, 0.5)),
    ("(x*y - 1)^2 + x^-1/100 + y^2/10", {}, (1.0, 1.2)),
    ("sin(x) + cos(y) + (x^2 + y^2)/10", {}, (1.0, 0.5)),
    ("tan(x/3)^2 + y^2", {}, (1.0, 1.0)),
    ("asin(x/3)^2 + (acos(y/3) - 1)^2", {}, (1.0, 1.0)),
    ("atan(x)^2 + atan(2*y)^2 + 0.1*x^2", {}, (1.5, -1.0)),
    ("sinh(x/2)^2 + cosh(y/2)", {}, (1.0, 1.0)),
    ("tanh(x)^2 + tanh(y - 1)^2 + 0.01*x^2", {}, (0.8, 0.2)),
    ("exp(x/2) - x + exp(-y) + y", {}, (1.0, 1.0)),
    ("log(1 + x^2) + log(1 + y^2)", {}, (1.0, -0.7)),
    ("log10(1 + x^2 + 2*y^2)", {}, (1.0, 1.0)),
    ("sqrt(1 + x^2 + y^2) + 0.5*x", {}, (1.0, 1.0)),
    ("abs(x - 0.3) + abs(y + 0.2) + x^2", {}, (1.0, 1.0)),
    ("atan2(y, x + 3)^2 + (x^2 + y^2)/5", {}, (1.0, 1.0)),
    ("min(x^2, (x - 3)^2 + 1) + y^2", {}, (1.2, 0.6)),
    ("max(x^2, y^2) + (x - y)^2/10", {}, (1.3, 0.5)),
    ("log(1 + exp(-(w1*x + w2*y))) + c*(x^2 + y^2)", {"w1": 1.5, "w2": -0.5, "c": 0.05}, (1.0, 1.0)),
    ("(x^2 + y^2)^0.5 + (x^2 + y^2)^1.5/10", {}, (1.0, 1.0)),
    ("(1 + x^2)^-0.5 * -1 + y^2", {}, (0.7, 0.5)),
    ("x^y + (y - 2)^2 + (x - 2)^2", {}, (1.2, 0.8)),
    ("pow(x^2 + 1, y) + y^2", {}, (0.5, 0.5)),
    ("e^(x/3) + pi*y^2 - x", {}, (1.0, 1.0)),
    ("(x - 1)^3 * 0 + (x - 1)^2 + y^2/x^2", {}, (2.0, 0.5)),
    ("1/(1 + exp(-x)) * -1 + 1/(1 + exp(y))", {}, (0.5, 0.5)),
    ("k*(x^2/(1 + y^2)) + y^2", {"k": 3}, (1.0, 1.0)),
]

OPTIMIZERS = [
    ("sgd", {"lr": 0.01}, lambda ps: torch.optim.SGD(ps, lr=0.01, foreach=False)),
    ("momentum", {"lr": 0.005, "beta1": 0.9},
     lambda ps: torch.optim.SGD(ps, lr=0.005, momentum=0.9, foreach=False)),
    ("adam", {"lr": 0.02}, lambda ps: torch.optim.Adam(ps, lr=0.02, foreach=False)),
    ("rmsprop", {"lr": 0.01, "beta2": 0.9},
     lambda ps: torch.optim.RMSprop(ps, lr=0.01, alpha=0.9, foreach=False)),
]
STEPS = 100


def python_of(text, params):
    """The expression as a torch function of p: our grammar is Python's once ^ is **."""
    code = compile(text.replace("^", "**"), "<expression>", "eval")

    def f(p):
        names = dict(NAMES, x=p[0], y=p[1], **params)
        return T(eval(code, {"__builtins__": {}}, names))
    return f


def check(binary, oracle):
    passed = failed = 0
    for text, params, start in EXPRESSIONS:
        surface = "expr:" + text + (";" + ",".join("%s=%r" % kv for kv in params.items()) if params else "")
        f = python_of(text, params)
        for optimizer, flags, make in OPTIMIZERS:
            for sigma, seed in ((0.0, 0), (0.2, 3)):
                ours = oracle.run_ours(binary, surface, start, optimizer, flags, sigma, seed, STEPS)
                theirs = oracle.run_torch(f, start, make, sigma, seed, STEPS)
                worst = oracle.worst_error(ours, theirs)
                ok = len(ours) == len(theirs) == STEPS + 1 and worst <= oracle.TOLERANCE
                print("%-4s %-48s %-9s sigma=%-4g worst relative error %.3g"
                      % ("ok" if ok else "FAIL", text[:48], optimizer, sigma, worst))
                passed += ok
                failed += not ok
    return passed, failed
