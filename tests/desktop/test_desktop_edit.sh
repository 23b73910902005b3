#!/bin/sh
# The desktop app edited with real input under Xvfb (xdotool): typing in the Inspector
# changes the saved data; Ctrl+Z undoes it; Ctrl+Shift+Z redoes it; Ctrl+Q with a change
# that could not be stored asks instead of quitting; Ctrl+Q quits with status 0, saved.
# Usage: test_desktop_edit.sh APP OUTDIR
set -eu
APP=$1 OUT=$2
mkdir -p "$OUT"
exec xvfb-run -a -s "-screen 0 1400x900x24 +extension GLX" sh -s "$APP" "$OUT" <<'INNER'
set -eu
APP=$1 OUT=$2
D="$OUT/edit-data"
rm -rf "$D" "$OUT/edit.out"  # no stale output from an earlier run for the wait below
"$APP" --data-dir "$D" --select rt-hk --print-field-rect rt-hk/title --size 1280x800 >"$OUT/edit.out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
saved_title() {  # the Hong Kong Roundtable's title in the newest saved copy
  slot=$(cut -c1 "$D/current.txt")
  grep -o '"title": "Hong Kong Roundtable[^"]*"' "$D/data.$slot.json" | head -1
}
wait_for() {  # title, what
  for i in $(seq 1 50); do
    [ "$(saved_title 2>/dev/null)" = "\"title\": \"$1\"" ] && return 0
    sleep 0.2
  done
  echo "FAIL: $2 (saved: $(saved_title 2>/dev/null))"
  return 1
}
for i in $(seq 1 150); do grep -q '^field ' "$OUT/edit.out" 2>/dev/null && break; sleep 0.2; done
if ! grep -q '^field ' "$OUT/edit.out" 2>/dev/null; then
  echo "FAIL: the app did not start (or never drew the title field)"; cat "$OUT/edit.out"; exit 1
fi
set -- $(grep '^field ' "$OUT/edit.out")
win=$(xdotool search --sync --name "Coalition Atlas" | head -1)
# Window coordinates to screen coordinates (no window manager: the window's position).
pos=$(xdotool getwindowgeometry "$win" | sed -n 's/.*Position: \([0-9]*\),\([0-9]*\).*/\1 \2/p')
wx=${pos% *} wy=${pos#* }
click() { xdotool mousemove $((wx + $1)) $((wy + $2)); sleep 0.3; xdotool click 1; sleep 0.6; }
# A chord held the way a person holds it, so the app sees the modifiers down with the key.
chord() { xdotool keydown "$1"; sleep 0.15; xdotool key "$2"; sleep 0.15; xdotool keyup "$1"; }
pass=0 fail=0
click $(( $3 + $5 - 6 )) $(( $4 + $6 / 2 ))   # the end of the title field
xdotool type --delay 40 " 2015"
if wait_for "Hong Kong Roundtable 2015" "typing was not saved"; then pass=$((pass+1)); else fail=$((fail+1)); fi
click 640 790                                   # the status bar: leave the field
chord ctrl z
if wait_for "Hong Kong Roundtable" "Ctrl+Z did not undo"; then pass=$((pass+1)); else fail=$((fail+1)); fi
chord ctrl+shift z
if wait_for "Hong Kong Roundtable 2015" "Ctrl+Shift+Z did not redo"; then pass=$((pass+1)); else fail=$((fail+1)); fi
import -window root "$OUT/desktop-edit.png" 2>/dev/null || true
# A store that cannot be written (the next slot is a folder: even root cannot rename a
# file over it): Ctrl+Z's change cannot be stored, so Ctrl+Q asks instead of quitting, and
# the last good copy stays.
slot=$(cut -c1 "$D/current.txt")
[ "$slot" = a ] && next=b || next=a
rm -f "$D/data.$next.json"
mkdir "$D/data.$next.json"
chord ctrl z
sleep 1.5
chord ctrl q
sleep 2
if kill -0 $pid 2>/dev/null; then pass=$((pass+1)); else echo "FAIL: Ctrl+Q quit with a change that could not be stored"; fail=$((fail+1)); fi
if [ "$(saved_title)" = '"title": "Hong Kong Roundtable 2015"' ]; then pass=$((pass+1)); else echo "FAIL: the last good copy changed: $(saved_title)"; fail=$((fail+1)); fi
import -window root "$OUT/desktop-quit-asks.png" 2>/dev/null || true
# The store is put right, the question is cancelled (Escape): the next Ctrl+Q saves, then quits.
rmdir "$D/data.$next.json"
xdotool key Escape
sleep 0.6
# Ctrl+Q quits (the change is stored on the way out), cleanly: the exit status is the app's verdict.
chord ctrl q
for i in $(seq 1 50); do kill -0 $pid 2>/dev/null || break; sleep 0.2; done
if kill -0 $pid 2>/dev/null; then
  echo "FAIL: Ctrl+Q did not quit the app"; fail=$((fail+1))
elif wait $pid; then
  pass=$((pass+1))
else
  echo "FAIL: the app exited with status $?"; cat "$OUT/edit.out"; fail=$((fail+1))
fi
if wait_for "Hong Kong Roundtable" "the change was not saved on quitting"; then pass=$((pass+1)); else fail=$((fail+1)); fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
INNER
