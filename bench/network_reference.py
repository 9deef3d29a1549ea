#!/usr/bin/env python3
"""References for scripts/train-bench: epochs per second of the 2-8-1 network on the circle
(300 samples, full batch) trained by
  numpy: seed 003's own NeuralNetwork class and optimizer classes (§27.2-27.5), transcribed
         from the seed as a reader of the chapter runs them;
  torch: torch.nn layers and torch.optim in float64, the loop a PyTorch user writes.
Usage: network_reference.py numpy|torch OPTIMIZER EPOCHS   (optimizer: sgd, momentum, rmsprop,
adam with the seed's settings). Prints epochs per second and the last recorded loss.
"""
import sys
import time

import numpy as np


class MomentumOptimizer:
    def __init__(self, eta=0.01, beta=0.9):
        self.eta, self.beta, self.velocities = eta, beta, None

    def initialize(self, params):
        self.velocities = [np.zeros_like(p) for p in params]

    def step(self, params, grads):
        if self.velocities is None:
            self.initialize(params)
        updated = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.velocities[i] = self.beta * self.velocities[i] + g
            updated.append(p - self.eta * self.velocities[i])
        return updated


class RMSPropOptimizer:
    def __init__(self, eta=0.001, beta=0.99, epsilon=1e-8):
        self.eta, self.beta, self.epsilon, self.v = eta, beta, epsilon, None

    def initialize(self, params):
        self.v = [np.zeros_like(p) for p in params]

    def step(self, params, grads):
        if self.v is None:
            self.initialize(params)
        updated = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.v[i] = self.beta * self.v[i] + (1 - self.beta) * g**2
            updated.append(p - (self.eta / (np.sqrt(self.v[i]) + self.epsilon)) * g)
        return updated


class AdamOptimizer:
    def __init__(self, eta=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8):
        self.eta, self.beta1, self.beta2, self.epsilon = eta, beta1, beta2, epsilon
        self.m = self.v = None
        self.t = 0

    def initialize(self, params):
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]
        self.t = 0

    def step(self, params, grads):
        if self.m is None:
            self.initialize(params)
        self.t += 1
        updated = []
        for i, (p, g) in enumerate(zip(params, grads)):
            self.m[i] = self.beta1 * self.m[i] + (1 - self.beta1) * g
            self.v[i] = self.beta2 * self.v[i] + (1 - self.beta2) * g**2
            m_hat = self.m[i] / (1 - self.beta1**self.t)
            v_hat = self.v[i] / (1 - self.beta2**self.t)
            updated.append(p - self.eta * m_hat / (np.sqrt(v_hat) + self.epsilon))
        return updated


class NeuralNetwork:
    """Seed 003 §27.5's network: forward, MSE loss, backward (BP1-BP4), train."""

    def __init__(self, layer_sizes, rng):
        self.L = len(layer_sizes) - 1
        self.weights, self.biases = [], []
        for l in range(self.L):
            n_in, n_out = layer_sizes[l], layer_sizes[l + 1]
            self.weights.append(rng.standard_normal((n_out, n_in)) * np.sqrt(2.0 / (n_in + n_out)))
            self.biases.append(np.zeros((n_out, 1)))

    def get_params(self):
        return [p for l in range(self.L) for p in (self.weights[l], self.biases[l])]

    def set_params(self, params):
        for l in range(self.L):
            self.weights[l], self.biases[l] = params[2 * l], params[2 * l + 1]

    def _activation(self, z):
        return 1.0 / (1.0 + np.exp(-np.clip(z, -500, 500)))

    def _activation_derivative(self, z):
        s = self._activation(z)
        return s * (1 - s)

    def forward(self, X):
        self.z_cache, self.a_cache = [], [X]
        a = X
        for l in range(self.L):
            z = self.weights[l] @ a + self.biases[l]
            a = self._activation(z)
            self.z_cache.append(z)
            self.a_cache.append(a)
        return a

    def compute_loss(self, y_hat, Y):
        return 0.5 * np.sum((y_hat - Y)**2) / Y.shape[1]

    def backward(self, Y):
        m = Y.shape[1]
        dW, db = [None] * self.L, [None] * self.L
        delta = (self.a_cache[-1] - Y) / m * self._activation_derivative(self.z_cache[-1])
        dW[-1] = delta @ self.a_cache[-2].T
        db[-1] = np.sum(delta, axis=1, keepdims=True)
        for l in range(self.L - 2, -1, -1):
            delta = (self.weights[l + 1].T @ delta) * self._activation_derivative(self.z_cache[l])
            dW[l] = delta @ self.a_cache[l].T
            db[l] = np.sum(delta, axis=1, keepdims=True)
        return [g for l in range(self.L) for g in (dW[l], db[l])]

    def train(self, X, Y, epochs, optimizer=None, eta=0.1):
        history = []
        for _ in range(epochs):
            history.append(self.compute_loss(self.forward(X), Y))
            grads = self.backward(Y)
            params = self.get_params()
            if optimizer is not None:
                params = optimizer.step(params, grads)
            else:
                params = [p - eta * g for p, g in zip(params, grads)]
            self.set_params(params)
        return history


def circle():
    rng = np.random.default_rng(42)
    X = rng.uniform(-1, 1, (2, 300))
    Y = ((X[0]**2 + X[1]**2) < 0.5**2).astype(float).reshape(1, -1)
    return X, Y


def seed_numpy(optimizer, epochs):
    X, Y = circle()
    net = NeuralNetwork([2, 8, 1], np.random.default_rng(123))
    opt = {"sgd": None, "momentum": MomentumOptimizer(eta=0.1, beta=0.9),
           "rmsprop": RMSPropOptimizer(eta=0.01, beta=0.9),
           "adam": AdamOptimizer(eta=0.01)}[optimizer]
    started = time.perf_counter()
    history = net.train(X, Y, epochs, optimizer=opt, eta=0.1)
    return epochs / (time.perf_counter() - started), history[-1]


def torch_float64(optimizer, epochs):
    import torch
    torch.set_num_threads(1)
    X, Y = circle()
    x, y = torch.tensor(X.T), torch.tensor(Y.T)
    rng = np.random.default_rng(123)
    net = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Sigmoid(),
                              torch.nn.Linear(8, 1), torch.nn.Sigmoid()).double()
    with torch.no_grad():
        for layer, (n_in, n_out) in zip((net[0], net[2]), ((2, 8), (8, 1))):
            layer.weight.copy_(torch.tensor(rng.standard_normal((n_out, n_in))
                                            * np.sqrt(2.0 / (n_in + n_out))))
            layer.bias.zero_()
    O = torch.optim
    opt = {"sgd": lambda p: O.SGD(p, lr=0.1), "momentum": lambda p: O.SGD(p, lr=0.1, momentum=0.9),
           "rmsprop": lambda p: O.RMSprop(p, lr=0.01, alpha=0.9),
           "adam": lambda p: O.Adam(p, lr=0.01)}[optimizer](net.parameters())
    started = time.perf_counter()
    for _ in range(epochs):
        opt.zero_grad()
        loss = 0.5 * ((net(x) - y) ** 2).sum() / len(x)
        loss.backward()
        opt.step()
    return epochs / (time.perf_counter() - started), loss.item()


if __name__ == "__main__":
    which, optimizer, epochs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rate, last = (seed_numpy if which == "numpy" else torch_float64)(optimizer, epochs)
    print("%.1f %.6f" % (rate, last))
