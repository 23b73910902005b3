#!/bin/sh
# Runs the loader fuzzer for a bounded number of inputs on the seed corpus (the sample,
# the broken-input corpus and tests/fuzz/corpus). Usage: run_fuzz.sh FUZZER ROOT WORKDIR
set -eu
FUZZER=$1 ROOT=$2 WORK=$3
RUNS=${ATLAS_FUZZ_RUNS:-60000}
rm -rf "$WORK" && mkdir -p "$WORK/corpus"
cp "$ROOT/data/sample.json" "$ROOT"/tests/fuzz/corpus/* "$WORK/corpus/" 2>/dev/null || true
for f in "$ROOT"/tests/data/bad/*.json; do cp "$f" "$WORK/corpus/bad-$(basename "$f")"; done
cd "$WORK"
# Inputs up to 12 KB: whole stories and generated datasets (the seeds above 4 KB), not
# just their first lines.
"$FUZZER" -runs="$RUNS" -max_len=12288 -timeout=10 -rss_limit_mb=2048 \
  -dict="$ROOT/tests/fuzz/json.dict" corpus 2>fuzz.log || { tail -50 fuzz.log; exit 1; }
grep -E "Done [0-9]+ runs" fuzz.log
