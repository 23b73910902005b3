#!/bin/sh
# The `atlas` tool's contract: exit codes, output, canonical rewrite, atomic -o.
# Usage: test_cli.sh ATLAS ATLAS_GEN ROOT
set -u
ATLAS=$1 GEN=$2 ROOT=$3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
check() {  # name expected-exit actual-exit
  if [ "$2" = "$3" ]; then pass=$((pass + 1)); else echo "FAIL: $1 (exit $3, expected $2)"; fail=$((fail + 1)); fi
}
contains() {  # name file text
  if grep -qF -- "$3" "$2"; then pass=$((pass + 1)); else echo "FAIL: $1: no \"$3\" in:"; cat "$2"; fail=$((fail + 1)); fi
}

"$ATLAS" validate "$ROOT/data/sample.json" >"$T/out" 2>&1; check "validate sample" 0 $?
contains "sample valid" "$T/out" "valid (0 errors, 0 warnings)"

printf '{"format": "coalition-atlas", "version": 1, "title": "x", "events": [{"id": "e", "kind": "forum", "title": "F", "date": "2015-13"}]}' >"$T/bad.json"
"$ATLAS" validate "$T/bad.json" >"$T/out" 2>&1; check "validate bad" 1 $?
contains "bad pointer" "$T/out" '/events/0/date: error: "2015-13" is not a valid date: there is no month 13'

"$ATLAS" validate "$ROOT/data/sample.json" "$T/bad.json" >"$T/out" 2>&1; check "validate mixed" 1 $?
"$ATLAS" validate "$T/missing.json" >"$T/out" 2>&1; check "validate missing file" 2 $?
"$ATLAS" validate >"$T/out" 2>&1; check "validate no args" 2 $?
mkdir -p "$T/folder.json"
"$ATLAS" validate "$T/folder.json" >"$T/out" 2>&1; check "validate a folder is an I/O error" 2 $?
"$ATLAS" format "$T/folder.json" >"$T/out" 2>&1; check "format a folder is an I/O error" 2 $?
"$ATLAS" stats "$T/missing.json" >"$T/out" 2>&1; check "stats missing file" 2 $?
"$ATLAS" date >"$T/out" 2>&1; check "date no args" 2 $?
"$ATLAS" date -- -0100 >"$T/out" 2>&1; check "date after --" 0 $?
grep -q "101 BC" "$T/out"; check "a negative year after --" 0 $?
"$ATLAS" frobnicate >"$T/out" 2>&1; check "unknown command" 2 $?

"$ATLAS" format "$ROOT/data/sample.json" >"$T/fmt.json"; check "format" 0 $?
cmp -s "$T/fmt.json" "$ROOT/data/sample.json"; check "sample is canonical" 0 $?
"$ATLAS" format "$ROOT/data/sample.json" -o "$T/o.json"; check "format -o" 0 $?
cmp -s "$T/o.json" "$ROOT/data/sample.json"; check "format -o same bytes" 0 $?
cp "$T/o.json" "$T/keep.json"
"$ATLAS" format "$T/bad.json" -o "$T/o.json" 2>/dev/null; check "format of bad input" 1 $?
cmp -s "$T/o.json" "$T/keep.json"; check "failed format leaves -o file intact" 0 $?

"$ATLAS" stats "$ROOT/data/sample.json" >"$T/out"; check "stats" 0 $?
contains "stats events" "$T/out" "events: 12"
contains "stats roundtables" "$T/out" "roundtable: 5"
contains "stats country" "$T/out" "Singapore (SG): 2"

"$ATLAS" date 2018-05 "2013/2015-07" >"$T/out"; check "date valid" 0 $?
contains "date words" "$T/out" "sometime in May 2018"
contains "date earliest" "$T/out" "earliest:    2018-05-01"
contains "date latest" "$T/out" "latest:      2018-05-31"
contains "interval words" "$T/out" "2013 to July 2015, exact date unknown"
"$ATLAS" date 2015-13 >"$T/out"; check "date invalid" 1 $?
contains "date invalid says why" "$T/out" "there is no month 13"

"$GEN" --events 300 --intervals 20 --seed 3 -o "$T/gen.json"; check "gen" 0 $?
"$ATLAS" validate "$T/gen.json" >"$T/out"; check "generated data validates" 0 $?
"$ATLAS" stats "$T/gen.json" >"$T/out"; contains "gen count" "$T/out" "events: 320"
"$GEN" --events 10 --bytes 200000 -o "$T/big.json"
[ "$(wc -c <"$T/big.json")" -ge 200000 ]; check "gen --bytes reaches the size" 0 $?

# Text from a file or the command line never reaches the terminal as a control character
# (an escape sequence, a right-to-left override): it is written as \u{…}.
ESC=$(printf '\033')
"$ATLAS" date "20${ESC}[31m15" >"$T/esc.out" 2>&1
if grep -q "$ESC" "$T/esc.out"; then echo "FAIL: a raw escape reached the terminal"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
grep -qF '20\u{001B}[31m15' "$T/esc.out"; check "the escape is shown as \\u{001B}" 0 $?
printf '{"format": "coalition-atlas", "version": 1, "title": "Visa \342\200\256Summit"}' >"$T/rtl.json"
"$ATLAS" stats "$T/rtl.json" >"$T/rtl.out" 2>&1
grep -qF 'title: Visa \u{202E}Summit' "$T/rtl.out"; check "stats shows a right-to-left override escaped" 0 $?
"$ATLAS" validate "$T/rtl.json" >"$T/rtl.out" 2>&1
grep -qF '/title: warning: the text contains U+202E (a right-to-left override)' "$T/rtl.out"; check "validate warns about it" 0 $?

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
