#!/bin/sh
# `atlas convert`'s contract: formats guessed and named, flags, exit codes (0 written,
# 1 input errors and nothing written, 2 usage or I/O), messages with the row and column,
# the day/month question, skipping bad rows, nothing half-written, a 100,000-row file.
# Usage: test_convert.sh ATLAS ROOT
set -u
ATLAS=$1 ROOT=$2
D=$ROOT/tests/data/interchange
S=$ROOT/data/sample.json
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
check() {  # name expected-exit actual-exit
  if [ "$2" = "$3" ]; then pass=$((pass + 1)); else echo "FAIL: $1 (exit $3, expected $2)"; cat "$T/err" 2>/dev/null; fail=$((fail + 1)); fi
}
contains() {  # name file text
  if grep -qF -- "$3" "$2"; then pass=$((pass + 1)); else echo "FAIL: $1: no \"$3\" in:"; cat "$2"; fail=$((fail + 1)); fi
}
absent() {  # name file
  if [ ! -e "$2" ]; then pass=$((pass + 1)); else echo "FAIL: $1: $2 was written"; fail=$((fail + 1)); fi
}

# --- every output format, guessed from the name ---------------------------------------
for out in ev.csv ev.tsv t.timeline.json g.geojson k.kml s.storymap.json copy.json; do
  "$ATLAS" convert "$S" -o "$T/$out" 2>"$T/err"; check "sample -> $out" 0 $?
  [ -s "$T/$out" ]; check "$out is not empty" 0 $?
done
contains "csv header" "$T/ev.csv" "id,kind,title,date,earliest_day,latest_day,place,place_id,country"
contains "tsv is tab separated" "$T/ev.tsv" "$(printf 'id\tkind\ttitle')"
cmp -s "$T/copy.json" "$S"; check "atlas -> atlas is the canonical file" 0 $?
"$ATLAS" validate "$T/copy.json" >/dev/null; check "the copy validates" 0 $?
"$ATLAS" convert "$S" -o - --to geojson >"$T/stdout.geojson" 2>"$T/err"; check "to standard output" 0 $?
contains "stdout is GeoJSON" "$T/stdout.geojson" '"FeatureCollection"'
contains "what was left out is said" "$T/err" "left out: no place with coordinates"
"$ATLAS" convert "$S" -o "$T/p.csv" --table places --excel 2>"$T/err"; check "places table for Excel" 0 $?
[ "$(head -c 3 "$T/p.csv" | od -An -tx1 | tr -d ' ')" = "efbbbf" ]; check "Excel CSV starts with the BOM" 0 $?
"$ATLAS" convert "$S" -o "$T/c.timeline.json" --group country 2>"$T/err"; check "--group country" 0 $?
contains "groups are countries" "$T/c.timeline.json" '"group": "New Zealand"'
"$ATLAS" convert --formats >"$T/out"; check "--formats" 0 $?
contains "formats list storymap" "$T/out" "storymap"

# --- reading: CSV (Excel-style), TimelineJS JSON and sheet ------------------------------
"$ATLAS" convert "$D/excel-semicolon-bom.csv" -o "$T/x.json" --no-cities 2>"$T/err"; check "Excel ; BOM CSV" 0 $?
contains "encoding and separator said" "$T/err" "read as UTF-8 with BOM, separator ';'"
"$ATLAS" validate "$T/x.json" >/dev/null; check "the import validates" 0 $?
contains "title from the file name" "$T/x.json" '"title": "excel-semicolon-bom"'
"$ATLAS" convert "$D/excel-unicode-text.txt" -o "$T/u.json" --title "From Excel" 2>"$T/err"; check "UTF-16 text" 0 $?
contains "UTF-16 read" "$T/err" "UTF-16 LE, separator tab"
contains "--title" "$T/u.json" '"title": "From Excel"'
contains "non-Latin text kept" "$T/u.json" "Hà Nội meeting"
"$ATLAS" convert "$D/excel-unicode-text.txt" -o "$T/u2.json" --into "$S" 2>"$T/err"; check "--into the sample" 0 $?
contains "sample's places and organisations matched, not created" "$T/err" "3 events, 1 new place, 0 new organisations"
"$ATLAS" convert "$D/timelinejs.json" -o "$T/tl.json" 2>"$T/err"; check "TimelineJS JSON, guessed by content" 0 $?
contains "TimelineJS eras said" "$T/err" "/eras: warning: 1 era is not imported"
"$ATLAS" convert "$D/timelinejs-sheet.csv" -o "$T/sheet.json" 2>"$T/err"; check "TimelineJS sheet, guessed by header" 0 $?
contains "sheet format named" "$T/err" "(timelinejs-sheet)"
contains "sheet title slide" "$T/sheet.json" '"title": "Our story"'
"$ATLAS" convert "$T/ev.csv" -o "$T/round.json" --no-cities 2>"$T/err"; check "our events CSV reads back" 0 $?
contains "round trip keeps ids" "$T/round.json" '"id": "rt-hk"'

# --- day/month: asked for, then read as told ------------------------------------------
"$ATLAS" convert "$D/ambiguous-dates.csv" -o "$T/amb.json" 2>"$T/err"; check "ambiguous dates refused" 1 $?
contains "ambiguous row and column" "$T/err" 'row 2, column 2 (date): error: "03/04/2015" could be day/month or month/day'
absent "nothing written when ambiguous" "$T/amb.json"
"$ATLAS" convert "$D/ambiguous-dates.csv" -o "$T/amb.json" --day-first 2>"$T/err"; check "--day-first" 0 $?
contains "day first read" "$T/amb.json" '"date": "2015-04-03"'
"$ATLAS" convert "$D/ambiguous-dates.csv" -o "$T/amb2.json" --month-first 2>"$T/err"; check "--month-first" 0 $?
contains "month first read" "$T/amb2.json" '"date": "2015-03-04"'

# --- bad input: row numbers, nothing half-imported, skipping when asked ---------------
"$ATLAS" convert "$D/bad-rows.csv" -o "$T/bad.json" 2>"$T/err"; check "bad rows refused" 1 $?
contains "bad date row" "$T/err" 'bad-rows.csv:row 3, column 2 (date): error: "2015-13" is not a date'
contains "bad kind row" "$T/err" 'row 4, column 3 (kind): error: "party" is not a kind of event'
contains "empty title row" "$T/err" "row 5, column 1 (title): error: the title is empty"
contains "bad country row" "$T/err" 'row 6, column 4 (country): error: "Atlantis" is not a country'
contains "nothing written said" "$T/err" "nothing was written"
absent "nothing written with bad rows" "$T/bad.json"
"$ATLAS" convert "$D/bad-rows.csv" -o "$T/bad.json" --skip-bad-rows 2>"$T/err"; check "--skip-bad-rows" 0 $?
contains "skipped rows said" "$T/err" "4 rows with errors were skipped"
contains "good rows kept" "$T/bad.json" '"title": "Also good"'
"$ATLAS" convert "$D/ragged.csv" -o "$T/r.json" 2>"$T/err"; check "ragged rows" 1 $?
contains "short row" "$T/err" "row 3: error: this row has 2 cells where the header has 3"
contains "long row" "$T/err" "row 4, column 4: error: this row has 4 cells"
"$ATLAS" convert "$D/unclosed-quote.csv" -o "$T/q.json" 2>"$T/err"; check "unclosed quote" 1 $?
contains "unclosed quote row" "$T/err" "unclosed-quote.csv:row 3, column 1: error: the quoted cell that opens on line 3 is never closed"
"$ATLAS" convert "$D/text-after-quote.csv" -o "$T/q.json" 2>"$T/err"; check "text after a quote" 1 $?
contains "text after quote row" "$T/err" "row 2, column 1: error: there is text after the closing quote"
"$ATLAS" convert "$D/binary.csv" -o "$T/b.json" 2>"$T/err"; check "binary renamed .csv" 1 $?
contains "binary said" "$T/err" "error: this is not a text file"
"$ATLAS" convert "$D/windows-1252.csv" -o "$T/w.json" 2>"$T/err"; check "not UTF-8" 1 $?
contains "encoding advice" "$T/err" 'row 2, column 1: error: the text is not UTF-8 (byte 0xE9): save the file as "CSV UTF-8"'
absent "nothing written for bad input" "$T/q.json"

# A failed conversion never touches an existing output file.
cp "$S" "$T/keep.json"
"$ATLAS" convert "$D/bad-rows.csv" -o "$T/keep.json" 2>/dev/null; check "bad input over an existing file" 1 $?
cmp -s "$T/keep.json" "$S"; check "the existing file is intact" 0 $?

# 100,000 rows, the last one bad: its row number, and nothing imported.
awk 'BEGIN { print "title,date,kind,place,country"; for (i = 0; i < 100000; i++) printf "Event %d,%d-0%d,forum,City %d,NZ\n", i, 1990 + i % 30, 1 + i % 9, i % 50; print "Last,2015-02-30,forum,City 1,NZ" }' >"$T/big.csv"
"$ATLAS" convert "$T/big.csv" -o "$T/big.json" --no-cities 2>"$T/err"; check "100,000 rows with a bad last row" 1 $?
contains "the last row's number" "$T/err" 'row 100002, column 2 (date): error: "2015-02-30" is not a date'
absent "nothing of the big file written" "$T/big.json"
head -n 100001 "$T/big.csv" >"$T/big-ok.csv"
"$ATLAS" convert "$T/big-ok.csv" -o "$T/big.json" --no-cities 2>"$T/err"; check "100,000 rows" 0 $?
contains "100,000 events" "$T/err" "100000 events, 50 new places"

# --- a calendar: the zones are built in; windows are left out, and said ------------------
"$ATLAS" convert "$ROOT/tests/fuzz/corpus/plans.json" -o "$T/p.ics" 2>"$T/err"; check "plans -> .ics" 0 $?
contains "a calendar" "$T/p.ics" "BEGIN:VCALENDAR"
contains "the venue's zone, from the built-in zones" "$T/p.ics" "DTSTART;TZID=Asia/Manila:20260304T093000"
contains "its rules" "$T/p.ics" "BEGIN:VTIMEZONE"
contains "a window is left out, and said" "$T/err" "1 event is left out: known only as a window"

# --- usage and I/O ------------------------------------------------------------------------
"$ATLAS" convert "$S" 2>"$T/err"; check "no -o" 2 $?
"$ATLAS" convert "$S" -o "$T/x.pdf" 2>"$T/err"; check "unknown output format" 2 $?
contains "asks for --to" "$T/err" "give --to"
"$ATLAS" convert "$S" -o "$T/x.json" --to nonsense 2>"$T/err"; check "unknown --to" 2 $?
"$ATLAS" convert "$T/g.geojson" -o "$T/x.json" 2>"$T/err"; check "GeoJSON cannot be read" 2 $?
"$ATLAS" convert "$T/missing.csv" -o "$T/x.json" 2>"$T/err"; check "missing input" 2 $?
"$ATLAS" convert "$S" -o "$T/x.json" --frobnicate 2>"$T/err"; check "unknown option" 2 $?
"$ATLAS" convert "$D/sheets-month-first.csv" -o "$T/x.json" --map title=nope 2>"$T/err"; check "--map to a missing column" 1 $?
contains "missing column said" "$T/err" 'no column is called "nope"'
"$ATLAS" convert "$D/sheets-month-first.csv" -o "$T/x.json" --map notes=links --map links= 2>"$T/err"; check "--map" 0 $?
contains "--map moved links to notes" "$T/x.json" '"notes": "https://example.org/sydney"'
"$ATLAS" convert "$D/sheets-month-first.csv" -o "$T/x.json" --gazetteer "$T/missing.bin" 2>"$T/err"; check "missing --gazetteer" 2 $?

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
