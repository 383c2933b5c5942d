#!/usr/bin/env python3
"""Writes the MNIST fixtures beside this script: the first five MNIST test digits as
mnist-<index>-<label>.png (28x28, white on black, the original bytes) and
mnist-<index>-<label>-large.png (280x280, black on white, enlarged bilinearly as a canvas drawing would be).

Usage: python3 make_fixtures.py /path/to/mnist   (the folder holding t10k-images-idx3-ubyte.gz)
Needs numpy; the PNGs are written with zlib and struct.
"""
import gzip
import os
import struct
import sys
import zlib

import numpy as np

COUNT = 5
SCALE = 10


def idx(path):
    data = gzip.open(path).read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def png(path, gray):
    """An 8-bit greyscale PNG of the 2-d uint8 array gray."""
    h, w = gray.shape
    raw = b"".join(b"\x00" + gray[y].tobytes() for y in range(h))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def enlarge(img, scale):
    """Bilinear enlargement by a whole factor, sampling at pixel centres, edges repeated."""
    n = img.shape[0]
    c = (np.arange(n * scale) + 0.5) / scale - 0.5
    i0 = np.clip(np.floor(c).astype(int), 0, n - 1)
    i1 = np.clip(i0 + 1, 0, n - 1)
    f = np.clip(c - np.floor(c), 0, 1)
    rows = img[i0] * (1 - f)[:, None] + img[i1] * f[:, None]
    return rows[:, i0] * (1 - f)[None, :] + rows[:, i1] * f[None, :]


def main():
    folder = sys.argv[1]
    images = idx(os.path.join(folder, "t10k-images-idx3-ubyte.gz"))
    labels = idx(os.path.join(folder, "t10k-labels-idx1-ubyte.gz"))
    here = os.path.dirname(os.path.abspath(__file__))
    for k in range(COUNT):
        name = os.path.join(here, "mnist-%d-%d" % (k, labels[k]))
        png(name + ".png", images[k])
        large = 255 - np.rint(enlarge(images[k].astype(float), SCALE)).astype(np.uint8)
        png(name + "-large.png", large)


if __name__ == "__main__":
    main()
