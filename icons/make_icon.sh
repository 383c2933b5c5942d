#!/usr/bin/env bash
# Renders the application icon from its SVG sources into every file that uses it, in icons/:
#   icon-16.png ... icon-512.png  the window's icons (the jar takes them as resources, see pom.xml)
#                                 and the Linux installer's (icon-256.png, packaging/linux/)
#   icon.ico                      Windows: 16 to 256 px (the .msi and the launcher)
#   icon.icns                     macOS: 16 to 512 px (the .dmg and the app bundle)
# 16 and 24 px come from icon-small.svg (drawn on the pixel grid), the other sizes from icon.svg.
# The same sources and tools give the same files; run it after editing an SVG and commit the results.
# Needs (Debian/Ubuntu): apt-get install librsvg2-bin icoutils icnsutils
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool png2icns; do
    command -v "$tool" >/dev/null || { echo "make_icon.sh: $tool is missing (apt-get install librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done

for size in 16 24 32 48 64 128 256 512; do
    source=icon.svg
    (( size <= 24 )) && source=icon-small.svg
    rsvg-convert --width "$size" --height "$size" --format png --output "icon-$size.png" "$source"
done

# Windows keeps the small sizes as bitmaps and 256 px as a PNG, as Vista and later read it
icotool --create --output icon.ico icon-16.png icon-24.png icon-32.png icon-48.png icon-64.png icon-128.png \
    --raw=icon-256.png
# macOS's icon sizes (24 and 64 px have no slot in an .icns)
png2icns icon.icns icon-16.png icon-32.png icon-48.png icon-128.png icon-256.png icon-512.png >/dev/null

echo "icons: $(ls icon-*.png icon.ico icon.icns | tr '\n' ' ')"
