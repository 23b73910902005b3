#!/bin/sh
# The desktop build under Xvfb: `coalition-atlas --frames N --screenshot PATH` exits 0
# and writes a PNG of the window's size that is not blank (many colours, real contrast).
# Usage: test_desktop.sh APP OUTDIR
set -eu
APP=$1 OUT=$2
mkdir -p "$OUT"
rm -f "$OUT/desktop.png" "$OUT/desktop-dark.png"
run() { xvfb-run -a -s "-screen 0 1400x900x24 +extension GLX" "$APP" "$@"; }
run --frames 8 --screenshot "$OUT/desktop.png" --size 1280x800
run --frames 8 --screenshot "$OUT/desktop-dark.png" --size 1024x700 --dark
fail=0 pass=0
check_png() {  # file w h
  size=$(identify -format '%wx%h' "$1")
  colours=$(convert "$1" -format '%k' info:)
  sd=$(convert "$1" -colorspace gray -format '%[fx:standard_deviation*1000]' info: | cut -d. -f1)
  echo "$1: ${size}, ${colours} colours, contrast ${sd}"
  if [ "$size" = "$2x$3" ]; then pass=$((pass+1)); else echo "FAIL: size $size"; fail=$((fail+1)); fi
  if [ "$colours" -gt 50 ]; then pass=$((pass+1)); else echo "FAIL: nearly blank"; fail=$((fail+1)); fi
  if [ "$sd" -gt 40 ]; then pass=$((pass+1)); else echo "FAIL: no contrast"; fail=$((fail+1)); fi
}
check_png "$OUT/desktop.png" 1280 800
check_png "$OUT/desktop-dark.png" 1024 700
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
