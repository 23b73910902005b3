#!/bin/sh
# The desktop build under Xvfb: `coalition-atlas --frames N --screenshot PATH` exits 0
# and writes a PNG of the window's size that is not blank (many colours, real contrast).
# Usage: test_desktop.sh APP OUTDIR
set -eu
APP=$1 OUT=$2
mkdir -p "$OUT"
rm -f "$OUT/desktop.png" "$OUT/desktop-dark.png"
run() { xvfb-run -a -s "-screen 0 1400x900x24 +extension GLX" "$APP" "$@"; }
rm -rf "$OUT/shots-data"
run --frames 8 --screenshot "$OUT/desktop.png" --size 1280x800 --data-dir "$OUT/shots-data"
run --frames 8 --screenshot "$OUT/desktop-dark.png" --size 1024x700 --dark --data-dir "$OUT/shots-data"
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

# Storage: a first run stores the sample; a file on the command line is opened and saved;
# a corrupt newest copy falls back to the previous one, and the user is told.
D="$OUT/data"
rm -rf "$D"
run --frames 3 --data-dir "$D" --size 800x600
if [ -f "$D/current.txt" ] && grep -q '"coalition-atlas"' "$D/data.a.json"; then pass=$((pass+1)); else echo "FAIL: first run did not store the sample"; fail=$((fail+1)); fi
printf '{"format": "coalition-atlas", "version": 1, "title": "Opened from the command line"}' >"$OUT/small.json"
run "$OUT/small.json" --frames 3 --data-dir "$D" --size 800x600
if grep -q "Opened from the command line" "$D/data.b.json"; then pass=$((pass+1)); else echo "FAIL: the opened file was not saved"; fail=$((fail+1)); fi
if grep -qx "$OUT/small.json" "$D/recent.txt"; then pass=$((pass+1)); else echo "FAIL: the opened file is not in the recent files"; fail=$((fail+1)); fi
printf '{"format": "coal' >"$D/data.b.json"
run --frames 3 --data-dir "$D" --size 800x600 --screenshot "$OUT/desktop-fallback.png" 2>"$OUT/fallback.log"
if grep -q "could not be read" "$OUT/fallback.log" && grep -q '"coalition-atlas"' "$D/data.a.json" &&
   grep -q "Asia-Pacific" "$D/data.a.json"; then pass=$((pass+1)); else echo "FAIL: no fallback to the previous copy"; cat "$OUT/fallback.log"; fail=$((fail+1)); fi
if [ -f "$D/corrupt.json" ]; then pass=$((pass+1)); else echo "FAIL: the unreadable copy was not kept"; fail=$((fail+1)); fi
printf 'not json' >"$OUT/bad.json"
run "$OUT/bad.json" --frames 2 --data-dir "$D" --size 800x600 2>"$OUT/bad.log"
if grep -q "line 1, column 1" "$OUT/bad.log"; then pass=$((pass+1)); else echo "FAIL: a bad file on the command line was not reported"; cat "$OUT/bad.log"; fail=$((fail+1)); fi

# Chinese: the CJK font is loaded only for data that needs it, and every character of
# the titles has a glyph (not a box).
run --frames 4 --data-dir "$D" --size 800x600 --print-missing-glyphs "Hong Kong" >"$OUT/glyphs-latin.out"
if grep -q "glyphs cjk=none missing=$" "$OUT/glyphs-latin.out"; then pass=$((pass+1)); else echo "FAIL: CJK font loaded for Latin data"; cat "$OUT/glyphs-latin.out"; fail=$((fail+1)); fi
cat >"$OUT/zh.json" <<'EOF_ZH'
{"format": "coalition-atlas", "version": 1, "title": "亞太反詐騙聯盟",
 "places": [{"id": "hk", "name": "香港", "country": "HK", "lat": 22.3, "lon": 114.17}],
 "events": [{"id": "rt-hk", "kind": "roundtable", "title": "香港圓桌會議", "date": "2019-05", "place": "hk"},
            {"id": "f-bj", "kind": "forum", "title": "北京论坛 — 数字支付安全", "date": "2018~"}]}
EOF_ZH
run "$OUT/zh.json" --frames 8 --data-dir "$OUT/zh-data" --size 1280x800 --select rt-hk \
  --screenshot "$OUT/desktop-chinese.png" --print-missing-glyphs "香港圓桌會議北京论坛数字支付安全亞太反詐騙聯盟" >"$OUT/glyphs-zh.out"
if grep -q "glyphs cjk=ready missing=$" "$OUT/glyphs-zh.out"; then pass=$((pass+1)); else echo "FAIL: Chinese glyphs missing"; cat "$OUT/glyphs-zh.out"; fail=$((fail+1)); fi
check_png "$OUT/desktop-chinese.png" 1280 800

# Presenter mode at a step of the story, full screen, and the view exported as a PNG at 2x
# for slides (what the PNG button and File > Export view as PNG write).
rm -f "$OUT/desktop-present.png" "$OUT/desktop-present-2x.png"
# The window is the virtual screen's size: Mesa under Xvfb (no window manager) does not
# resize a GL surface when SDL makes the window full screen.
run --frames 10 --data-dir "$OUT/present-data" --size 1400x900 --present 4 \
  --screenshot "$OUT/desktop-present.png" --export-png "$OUT/desktop-present-2x.png"
check_png "$OUT/desktop-present.png" 1400 900
check_png "$OUT/desktop-present-2x.png" 2800 1800

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
