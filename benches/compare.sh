#!/usr/bin/env bash
# Whole-process comparisons for docs/PERFORMANCE.md, all in one run so the
# ratios hold on a noisy machine:
#  - `mlkg search` against `fzf --filter` (and `sk --filter` when installed) on
#    the same labels, at 10k, 100k and 1M nodes: the second start (from the
#    cache) and the cold start (MLKG_NO_CACHE=1), wall time, CPU time and
#    peak memory of each;
#  - a shortest path at 1M (node 0 to node N/2) as a whole process beside
#    `mlkg show` of the same graph, the difference being the path;
#  - the cold open of the 1M-node graph as RON and as JSON (the same graph);
#  - JSON and DOT export of the 100k-node graph beside `mlkg show` and `cp`;
#  - `mlkg show xgboost` on the embedded graph.
# Needs hyperfine and fzf (apt-get install hyperfine fzf). Usage:
#   bash benches/compare.sh [DATA_DIR]        (default /tmp/mlkg-compare)
# Graphs are generated into DATA_DIR once and reused. SIZES="10000 100000"
# leaves out 1M; RUNS and RUNS_1M set the number of runs.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/mlkg-compare}
mkdir -p "$out"
export MLKG_CACHE_DIR="$out/cache"
# MLKG_BIN and SYNTH_BIN use binaries built already (cargo build --release
# --bin mlkg --example synth).
if [ -z "${MLKG_BIN:-}" ]; then
  cargo build --release --quiet --bin mlkg --example synth
fi
mlkg=${MLKG_BIN:-$PWD/target/release/mlkg}
synth=${SYNTH_BIN:-$PWD/target/release/examples/synth}
query="vanish grad"
runs=${RUNS:-10}
sizes=${SIZES:-10000 100000 1000000}

# Wall time (s), CPU time (s) and peak memory (MB) of one run of a command.
peak() {
  /usr/bin/time -f "%e s wall, %U+%S s CPU, %M KB peak" sh -c "$1" > /dev/null 2> "$out/time.txt" || true
  echo "  $(tail -1 "$out/time.txt")  <- $1"
}

echo "## mlkg show xgboost (embedded graph)"
hyperfine -N -w 5 -r 50 --style basic "$mlkg show xgboost" 2>&1 | grep -E "Time|Range"

for n in $sizes; do
  g="$out/g$n.ron"
  [ -s "$g" ] || "$synth" --nodes "$n" --seed 1 > "$g"
  labels="$out/labels$n.txt"
  # One label a line, from the node lines synth writes.
  [ -s "$labels" ] || grep '^ *(id: ' "$g" | sed 's/.* label: "\([^"]*\)".*/\1/' > "$labels"
  "$mlkg" --graph "$g" show n0 > /dev/null   # writes the cache entry
  r=$runs; [ "$n" -ge 1000000 ] && r=${RUNS_1M:-3}
  echo "## search '$query' at $n nodes ($(du -hL "$g" | cut -f1) graph, $(wc -l < "$labels") labels)"
  cmds=("$mlkg --graph $g search '$query' --limit 50"
        "MLKG_NO_CACHE=1 $mlkg --graph $g search '$query' --limit 50"
        "fzf --filter '$query' < $labels")
  if command -v sk > /dev/null; then cmds+=("sk --filter '$query' < $labels"); fi
  hyperfine -w 1 -r "$r" --style basic --output=null "${cmds[@]}" 2>&1 | grep -E "Benchmark|Time|Range|faster|±"
  echo "## wall, CPU and peak memory of one run each, $n nodes"
  for c in "${cmds[@]}"; do peak "$c"; done
done

if [[ " $sizes " == *" 1000000 "* ]]; then
  g="$out/g1000000.ron"
  echo "## shortest path at 1M: path n0 n500000 beside show n0 (both from the cache)"
  hyperfine -w 1 -r "${RUNS_1M:-3}" --style basic --output=null \
    "$mlkg --graph $g path n0 n500000" "$mlkg --graph $g show n0" 2>&1 | grep -E "Benchmark|Time|Range"
  "$mlkg" --graph "$g" path n0 n500000 | tail -1
  echo "## cold open of the 1M-node graph: RON against JSON of the same graph"
  [ -s "$out/g1000000.json" ] || "$mlkg" --graph "$g" export --format json -o "$out/g1000000.json"
  ls -l "$g" "$out/g1000000.json" | awk '{print "  " $5 " bytes " $9}'
  peak "MLKG_NO_CACHE=1 $mlkg --graph $g show n0"
  peak "MLKG_NO_CACHE=1 $mlkg --graph $out/g1000000.json show n0"
fi

g="$out/g100000.ron"
echo "## JSON and DOT export of 100k nodes beside show n0 and cp of the same bytes"
"$mlkg" --graph "$g" export --format json -o "$out/g100000.json"
"$mlkg" --graph "$g" export -o "$out/g100000.dot"
echo "JSON size: $(stat -c %s "$out/g100000.json") bytes, DOT size: $(stat -c %s "$out/g100000.dot") bytes"
hyperfine -w 1 -r "$runs" --style basic \
  "$mlkg --graph $g export --format json -o $out/export.json" \
  "$mlkg --graph $g export -o $out/export.dot" \
  "$mlkg --graph $g show n0" \
  "cp $out/g100000.json $out/copy.json" 2>&1 | grep -E "Benchmark|Time|Range"
