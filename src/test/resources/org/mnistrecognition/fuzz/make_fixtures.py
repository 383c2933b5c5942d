#!/usr/bin/env python3
"""Writes the inputs the fuzz tests found wrong handling for, one file per bug, beside this script.

Each is read by ReaderRegressionTest. Needs Python 3 only; run it from anywhere.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def npy_v1(header, data=b""):
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header + data


# the header's text starts with a newline: the message quoted it and broke onto two lines
write("newline-before-header.npy", npy_v1(b"\n{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", bytes(16)))


def gz(data):
    import gzip
    import io
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
        f.write(data)
    return buf.getvalue()


# a header that claims 2^31 images (0x80000000: negative if read as a signed int), raw and gzipped
claims = struct.pack(">IIII", 0x803, 2**31, 28, 28) + bytes(100)
write("claims-2pow31-images.idx", claims)
write("claims-2pow31-images.idx.gz", gz(claims))


def npz(name, entries):
    import zipfile
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for entry, data in entries:
            z.writestr(zipfile.ZipInfo(entry, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def npy_dict(descr, shape):
    text = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (descr, shape)
    text += " " * ((64 - (len(text) + 11) % 64) % 64) + "\n"
    return text.encode("latin-1")


# a million real labels (they deflate to a few kB) beside images whose header claims a million
# 28x28 images but which hold 100 bytes: the reader set aside 64 MB for the pixels before any came
million = 1_000_000
npz("million-labels-no-images.npz", [
    ("training_labels.npy", npy_v1(npy_dict("|u1", "(%d,)" % million), bytes(million))),
    ("training_images.npy", npy_v1(npy_dict("|u1", "(%d, 784)" % million), bytes(100))),
])

# a BMP whose header promises 60x80 24-bit pixels and whose data stops after one byte: the
# decoder's EOFException has no message, and the error read "corrupt or truncated BMP image (null)"
bmp_header = b"BM" + struct.pack("<IHHI", 54 + 60 * 80 * 3, 0, 0, 54)
bmp_info = struct.pack("<IiiHHIIiiII", 40, 60, 80, 1, 24, 0, 60 * 80 * 3, 2835, 2835, 0, 0)
write("truncated.bmp", bmp_header + bmp_info + b"\x00")

# a model whose end-of-archive record promises a one-byte comment the file does not hold: the zip
# library's EOFException had no message, and the error read "cannot be read: null"
with open(os.path.join(HERE, "..", "model", "numpy-model.npz"), "rb") as f:
    model = bytearray(f.read())
model[-2] = 1
write("comment-past-the-end.npz", bytes(model))

# a data set whose validation labels carry an entry comment that is not UTF-8 (found by Jazzer): the
# JDK checks entry names when it opens a zip but decodes a comment only when the entry is asked
# for, and threw an IllegalArgumentException out of the reader
import zipfile
with zipfile.ZipFile(os.path.join(HERE, "..", "data", "npz", "valid-f64.npz")) as source:
    with zipfile.ZipFile(os.path.join(HERE, "comment-not-utf8.npz"), "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            if info.filename == "validation_labels.npy":
                entry.comment = b"\xff\xfe"
            z.writestr(entry, source.read(info.filename), zipfile.ZIP_DEFLATED)

# a PNG of a few hundred bytes whose header claims 10000x4000 pixels of 16-bit RGBA: the decoder
# set 320 MB aside for them before it found that the data stops at once
import zlib


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


ihdr = struct.pack(">IIBBBBB", 10000, 4000, 16, 6, 0, 0, 0)
write("claims-40-megapixels.png", b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr)
      + png_chunk(b"IDAT", zlib.compress(bytes(200))) + png_chunk(b"IEND", b""))
