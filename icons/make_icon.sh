#!/usr/bin/env bash
# Renders the application icon (icons/icon.svg) to the 256x256 PNG the app loads. Needs ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/.."
convert -background none -density 96 icons/icon.svg -resize 256x256 -depth 8 \
    src/main/resources/org/mnistrecognition/app/icon.png
