#!/usr/bin/env python3
"""Writes the model test fixtures beside this script. Needs Python 3 and numpy; run it from anywhere.

numpy-model.npz is a 4-3-2 sigmoid network with biases as a numpy user would write one:
W1 = arange(12).reshape(3, 4) / 10 - 0.5, b1 = [0.1, 0.2, 0.3], W2 = arange(6).reshape(2, 3) / 7,
b2 = [-1, 1]. The other files each break one thing about it.
"""
import json
import os
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

META = {
    "format_version": 1, "layers": [4, 3, 2], "activations": ["sigmoid", "sigmoid"], "bias": True,
    "cost": "quadratic", "preset": "numpy", "seed": 7, "initialisation": "original",
    "training": {"iterations": 12, "epochs": 0.5, "learning_rate": 3.0, "batch_size": 10, "test_accuracy": 0.5,
                 "created_at": "2024-01-02T03:04:05Z", "data_source": "by hand"},
}


def arrays():
    return {
        "W1": np.arange(12).reshape(3, 4) / 10 - 0.5,
        "b1": np.array([0.1, 0.2, 0.3]),
        "W2": np.arange(6).reshape(2, 3) / 7,
        "b2": np.array([-1.0, 1.0]),
    }


def model(name, meta=META, text=None, **override):
    a = arrays()
    a.update(override)
    a = {k: v for k, v in a.items() if v is not None}
    path = os.path.join(HERE, name)
    np.savez(path, **a)
    if text is None and meta is not None:
        text = json.dumps(meta, indent=2)
    if text is not None:
        with zipfile.ZipFile(path, "a") as z:
            z.writestr("metadata.json", text)
    return path


def meta(**changes):
    m = json.loads(json.dumps(META))
    m.update(changes)
    return m


whole = open(model("numpy-model.npz"), "rb").read()
with open(os.path.join(HERE, "truncated.npz"), "wb") as f:
    f.write(whole[: len(whole) // 2])
with open(os.path.join(HERE, "not-a-zip.npz"), "wb") as f:
    f.write(b"W1 = [[0.1, 0.2]]\n")
model("missing-W2.npz", W2=None)
model("shape-mismatch.npz", W1=np.zeros((3, 5)))
model("bad-json.npz", text='{"format_version": 1, "layers": [4, 3, 2]')
nan = arrays()["W2"]
nan[1, 2] = np.nan
model("nan-weight.npz", W2=nan)
model("int-weights.npz", W1=np.arange(12, dtype=np.int64).reshape(3, 4))
model("unknown-activation.npz", meta=meta(activations=["swish", "sigmoid"]))
model("unknown-cost.npz", meta=meta(cost="hinge"))
model("format-version-2.npz", meta=meta(format_version=2))
model("no-metadata.npz", meta=None)
model("mixed-hidden.npz", meta=meta(layers=[4, 3, 3, 2], activations=["relu", "tanh", "sigmoid"]),
      W2=np.zeros((3, 3)), b2=np.zeros(3), W3=np.zeros((2, 3)), b3=np.zeros(2))
model("extra-array.npz", W3=np.zeros((2, 2)))
