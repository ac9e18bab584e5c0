#!/usr/bin/env bash
# Renders the PNG icons from their SVG sources in assets/icons/ (commit the results):
#   assets/icons/hicolor/SIZExSIZE/apps/claimdesk.png
#   assets/icons/hicolor/SIZExSIZE/mimetypes/application-x-claimdesk.png
# and assets/icons/sizes-preview.png, every size side by side on light and dark, to look at.
# Needs rsvg-convert (Debian: librsvg2-bin) and base64 (coreutils).
# Usage: bash packaging/render-icons.sh
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
sizes=(16 24 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
  for kind in apps:claimdesk mimetypes:application-x-claimdesk; do
    dir=hicolor/${size}x${size}/${kind%%:*}
    mkdir -p "$dir"
    rsvg-convert -w "$size" -h "$size" -o "$dir/${kind#*:}.png" "${kind#*:}.svg"
  done
done
# The preview: one row per icon and background (light, dark), one column per size, at 1:1.
# Built as an SVG embedding the PNGs just rendered, so the preview shows the real pixels.
preview_svg() {
  local y=0 width=24 x
  for size in "${sizes[@]}"; do width=$((width + size + 24)); done
  printf '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d">\n' "$width" $((4 * 536))
  for bg in '#f2f2f2' '#202020'; do
    for icon in apps/claimdesk mimetypes/application-x-claimdesk; do
      printf '<rect x="0" y="%d" width="%d" height="536" fill="%s"/>\n' "$y" "$width" "$bg"
      x=24
      for size in "${sizes[@]}"; do
        printf '<image x="%d" y="%d" width="%d" height="%d" href="data:image/png;base64,%s"/>\n' \
          "$x" $((y + 12 + (512 - size) / 2)) "$size" "$size" \
          "$(base64 -w0 "hicolor/${size}x${size}/${icon%%/*}/${icon#*/}.png")"
        x=$((x + size + 24))
      done
      y=$((y + 536))
    done
  done
  printf '</svg>\n'
}
rsvg-convert -o sizes-preview.png <(preview_svg)
echo "rendered ${#sizes[@]} sizes of 2 icons into assets/icons/hicolor and sizes-preview.png"
