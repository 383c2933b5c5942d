"""The original program's algorithm, in numpy, on a tiny network: the reference that
SeedReferenceTest follows to 1e-10. Run: python3 make_reference.py > seed-reference.json

It is the original's loop as it was: sigmoid on every layer, no bias, cost sum((a-y)^2),
output error (a-y)*s'(z), learning rate 0.2, one sample at a time in order, and each
iteration first applies the previous sample's gradient, then runs forward and back.
Only the sizes are small (16-8-6-10 on 4x4 images) so that the fixture stays tiny.
"""
import json
import numpy as np

rng = np.random.default_rng(7)
sizes = [16, 8, 6, 10]
count, iterations, lr = 12, 30, 0.2
# images like MNIST's: mostly zero, some bytes
images = np.where(rng.random((count, 16)) < 0.4, rng.integers(1, 256, (count, 16)), 0).astype(np.uint8)
labels = rng.integers(0, 10, count)
# the original's initialisation: uniform [0, 1) divided by sqrt(fan-in), shape (out, in)
weights = [rng.random((sizes[l + 1], sizes[l])) / np.sqrt(sizes[l]) for l in range(3)]
initial = [w.copy() for w in weights]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


w1, w2, w3 = weights
dw1 = dw2 = dw3 = 0
costs, guesses = [], []
for i in range(iterations):
    x = images[i % count].reshape(-1, 1) / 255.0
    y = np.zeros((10, 1))
    y[labels[i % count]] = 1
    w1 = w1 - lr * dw1
    w2 = w2 - lr * dw2
    w3 = w3 - lr * dw3
    z1 = w1 @ x
    a1 = sigmoid(z1)
    z2 = w2 @ a1
    a2 = sigmoid(z2)
    z3 = w3 @ a2
    a3 = sigmoid(z3)
    costs.append(float(np.sum((a3 - y) ** 2)))
    guesses.append(int(np.argmax(a3)))
    d3 = (a3 - y) * a3 * (1 - a3)
    d2 = (w3.T @ d3) * a2 * (1 - a2)
    d1 = (w2.T @ d2) * a1 * (1 - a1)
    dw3 = d3 @ a2.T
    dw2 = d2 @ a1.T
    dw1 = d1 @ x.T

print(json.dumps({
    "sizes": sizes, "learningRate": lr, "iterations": iterations,
    "images": images.tolist(), "labels": labels.tolist(),
    "initialWeights": [w.tolist() for w in initial],
    "costs": costs, "guesses": guesses,
    "finalWeights": [w.tolist() for w in (w1, w2, w3)],
}, indent=None))
