#!/usr/bin/env python3
"""Writes the data test fixtures beside this script. Needs Python 3 and numpy; run it from anywhere.

Valid IDX: 3 training images of 4x5 (labels 5, 0, 4), 2 test images (labels 7, 2); pixel k of
image i is (i * 20 + k) * 4 % 256. Valid npz: 3 training images of 4x4 (labels 5, 0, 4) with
pixel k of image i = (i * 16 + k) / 255, plus validation and test sets of 1 and 2 images.
"""
import gzip
import io
import os
import struct
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def path(*parts):
    p = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def write(name, data):
    with open(path(name), "wb") as f:
        f.write(data)


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def idx_images(count, rows, cols, data=None):
    if data is None:
        data = bytes((i * rows * cols + k) * 4 % 256 for i in range(count) for k in range(rows * cols))
    return struct.pack(">iiii", 0x803, count, rows, cols) + data


def idx_labels(labels):
    return struct.pack(">ii", 0x801, len(labels)) + bytes(labels)


# --- IDX: valid -----------------------------------------------------------------------------
images = idx_images(3, 4, 5)
labels = idx_labels([5, 0, 4])
write("images-4x5.idx", images)
write("images-4x5.idx.gz", gz(images))
write("labels.idx", labels)
write("labels.idx.gz", gz(labels))

# a folder of the four standard names, mixing gzip and raw
write("idx/train-images-idx3-ubyte.gz", gz(images))
write("idx/train-labels-idx1-ubyte.gz", gz(labels))
write("idx/t10k-images-idx3-ubyte", idx_images(2, 4, 5))
write("idx/t10k-labels-idx1-ubyte", idx_labels([7, 2]))

# --- IDX: broken ----------------------------------------------------------------------------
write("bad-magic.idx", struct.pack(">iiii", 0x1234, 3, 4, 5) + images[16:])
write("two-dims.idx", struct.pack(">iii", 0x802, 3, 20) + images[16:])
write("truncated-data.idx", images[:-2])
write("truncated-data.idx.gz", gz(images[:-2]))
write("truncated-header.idx", images[:10])
write("empty.idx", b"")
write("label-11.idx", idx_labels([5, 11, 4]))
write("zero-rows.idx", struct.pack(">iiii", 0x803, 3, 0, 5))
write("huge-count.idx", struct.pack(">iiii", 0x803, 2**31 - 1, 28, 28) + bytes(100))
write("huge-count.idx.gz", gz(struct.pack(">iiii", 0x803, 2**31 - 1, 28, 28) + bytes(100)))
# under the count cap, so only reading can find out the data is missing
write("million-images.idx", struct.pack(">iiii", 0x803, 1_000_000, 28, 28) + bytes(100))
write("million-images.idx.gz", gz(struct.pack(">iiii", 0x803, 1_000_000, 28, 28) + bytes(100)))
write("huge-image.idx", struct.pack(">iiii", 0x803, 1, 2000, 2000) + bytes(100))
write("not-gzip.idx.gz", b"this is plain text, not gzip and not IDX\n")
write("trailing-bytes.idx", images + b"\x00\x01\x02")
write("trailing-bytes.idx.gz", gz(images + b"\x00\x01\x02"))
cut = gz(images)
write("cut-gzip.idx.gz", cut[: len(cut) // 2])

write("idx-count-mismatch/train-images-idx3-ubyte", images)
write("idx-count-mismatch/train-labels-idx1-ubyte", idx_labels([5, 0]))
write("idx-count-mismatch/t10k-images-idx3-ubyte", idx_images(2, 4, 5))
write("idx-count-mismatch/t10k-labels-idx1-ubyte", idx_labels([7, 2]))

write("idx-size-mismatch/train-images-idx3-ubyte", images)
write("idx-size-mismatch/train-labels-idx1-ubyte", labels)
write("idx-size-mismatch/t10k-images-idx3-ubyte", idx_images(2, 5, 4))
write("idx-size-mismatch/t10k-labels-idx1-ubyte", idx_labels([7, 2]))

write("idx-missing/train-images-idx3-ubyte.gz", gz(images))
write("idx-missing/train-labels-idx1-ubyte.gz", gz(labels))
write("idx-missing/t10k-images-idx3-ubyte", idx_images(2, 4, 5))

# --- npy --------------------------------------------------------------------------------------
small = np.arange(6, dtype="<f8").reshape(2, 3) / 4


def npy(arr, version=(1, 0)):
    buf = io.BytesIO()
    np.lib.format.write_array(buf, arr, version=version, allow_pickle=False)
    return buf.getvalue()


write("npy/v1.npy", npy(small))
write("npy/v2.npy", npy(small, (2, 0)))
write("npy/v3.npy", npy(small, (3, 0)))
write("npy/big-endian-f4.npy", npy(small.astype(">f4")))
write("npy/int64.npy", npy(np.array([-3, 0, 7], dtype="<i8")))
write("npy/uint8.npy", npy(np.array([[0, 128, 255]], dtype="|u1")))
write("npy/fortran.npy", npy(np.asfortranarray(small)))
write("npy/truncated.npy", npy(small)[:-5])
write("npy/trailing.npy", npy(small) + b"junk")
write("npy/complex.npy", npy(small.astype("<c16")))
write("npy/bad-header.npy", b"\x93NUMPY\x01\x00\x20\x00{'descr': '<f8', 'shape': (2 3)}\n")
write("npy/no-shape.npy", b"\x93NUMPY\x01\x00\x30\x00{'descr': '<f8', 'fortran_order': False, }      \n")
write("npy/not-npy.npy", b"hello, world\n")


# --- npz in the original program's layout -------------------------------------------------------
def images_of(n, side, first=0):
    ppi = side * side
    return np.array([[(i * ppi + k) % 256 for k in range(ppi)] for i in range(first, first + n)]) / 255.0


def one_hot(labels):
    y = np.zeros((len(labels), 10, 1))
    for i, d in enumerate(labels):
        y[i, d, 0] = 1.0
    return y


train_x, train_y = images_of(3, 4), [5, 0, 4]
valid_x, valid_y = images_of(1, 4, 3), [1]
test_x, test_y = images_of(2, 4, 4), [7, 2]


def npz(name, compressed=False, **arrays):
    (np.savez_compressed if compressed else np.savez)(path(name), **arrays)


def original(dtype, compressed=False, **override):
    arrays = dict(
        training_images=train_x.reshape(3, 16, 1).astype(dtype), training_labels=one_hot(train_y).astype(dtype),
        validation_images=valid_x.reshape(1, 16, 1).astype(dtype), validation_labels=one_hot(valid_y).astype(dtype),
        test_images=test_x.reshape(2, 16, 1).astype(dtype), test_labels=one_hot(test_y).astype(dtype))
    arrays.update(override)
    return {k: v for k, v in arrays.items() if v is not None}


npz("npz/valid-f64.npz", **original("<f8"))
npz("npz/valid-f32.npz", compressed=True, **original("<f4"))
npz("npz/valid-big-endian.npz", **original(">f8"))
npz("npz/training-only.npz", training_images=train_x.reshape(3, 16).astype("<f4"),
    training_labels=np.array(train_y, dtype="<i8"))
npz("npz/uint8-28x28.npz", training_images=np.arange(2 * 784, dtype=np.int64).reshape(2, 28, 28).astype("|u1"),
    training_labels=np.array([3, 9], dtype="|u1"))

npz("npz/missing-training-labels.npz", **original("<f8", training_labels=None))
npz("npz/validation-without-labels.npz", **original("<f8", validation_labels=None))
npz("npz/not-square.npz", **original("<f8", training_images=images_of(3, 4)[:, :15].reshape(3, 15, 1)))
npz("npz/wrong-image-rank.npz", **original("<f8", training_images=train_x.reshape(3, 2, 8, 1)))
npz("npz/wrong-label-shape.npz", **original("<f8", training_labels=one_hot(train_y)[:, :9, :]))
bad = train_x.reshape(3, 16, 1).copy()
bad[1, 3, 0] = 1.5
npz("npz/out-of-range.npz", **original("<f8", training_images=bad))
two = one_hot(train_y)
two[2, 9, 0] = 1.0
npz("npz/not-one-hot.npz", **original("<f8", training_labels=two))
npz("npz/count-mismatch.npz", **original("<f8", training_labels=one_hot(train_y[:2])))
npz("npz/fortran.npz", **original("<f8", training_images=np.asfortranarray(train_x)))
npz("npz/size-mismatch.npz", **original("<f8", test_images=images_of(2, 3).reshape(2, 9, 1)))
with open(path("npz/valid-f64.npz"), "rb") as f:
    whole = f.read()
write("npz/truncated.npz", whole[: len(whole) * 2 // 3])
write("npz/not-a-zip.npz", b"PK? no, just text pretending to be an archive\n")
with zipfile.ZipFile(path("npz/corrupt-entry.npz"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("training_images.npy", npy(train_x.reshape(3, 16, 1)))
    z.writestr("training_labels.npy", npy(one_hot(train_y)))
data = bytearray(open(path("npz/corrupt-entry.npz"), "rb").read())
data[60:70] = b"\xff" * 10  # inside the first entry's deflated data
write("npz/corrupt-entry.npz", bytes(data))
