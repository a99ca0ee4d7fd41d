#!/usr/bin/env bash
# Whole-process comparisons for docs/PERFORMANCE.md, all in one run so the
# ratios hold on a noisy machine:
#  - `mlkg search` against `fzf --filter` (and `sk --filter` when installed) on
#    the same labels, at 10k, 100k and 1M nodes;
#  - first and second start (cache) of a 100k-node graph, and peak memory;
#  - DOT export of the 100k-node graph against a plain `cp` of the same bytes;
#  - `mlkg show xgboost` on the embedded graph.
# Needs hyperfine and fzf (apt-get install hyperfine fzf). Usage:
#   bash benches/compare.sh [OUT_DIR]        (default /tmp/mlkg-compare)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/mlkg-compare}
mkdir -p "$out"
export MLKG_CACHE_DIR="$out/cache"
cargo build --release --quiet --example synth
cargo build --release --quiet
mlkg=target/release/mlkg
query="vanish grad"
runs=${RUNS:-10}

echo "## mlkg show xgboost (embedded graph)"
hyperfine -N -w 5 -r 50 --style basic "$mlkg show xgboost" 2>&1 | grep -E "Time|Range"

for n in 10000 100000 1000000; do
  g="$out/g$n.ron"
  [ -s "$g" ] || target/release/examples/synth --nodes "$n" --seed 1 > "$g"
  labels="$out/labels$n.txt"
  [ -s "$labels" ] || "$mlkg" --graph "$g" export --format json \
    | python3 -c 'import json,sys; print("\n".join(n["label"] for n in json.load(sys.stdin)["nodes"]))' > "$labels"
  "$mlkg" --graph "$g" show n0 > /dev/null   # writes the cache entry
  echo "## search '$query' at $n nodes ($(du -h "$g" | cut -f1) graph, $(wc -l < "$labels") labels)"
  cmds=("$mlkg --graph $g search '$query' --limit 50"
        "MLKG_NO_CACHE=1 $mlkg --graph $g search '$query' --limit 50"
        "fzf --filter '$query' < $labels")
  if command -v sk > /dev/null; then cmds+=("sk --filter '$query' < $labels"); fi
  hyperfine -w 1 -r "$runs" --style basic --output=null "${cmds[@]}" 2>&1 | grep -E "Benchmark|Time|Range|faster|±"
done

g="$out/g100000.ron"
echo "## peak memory, 100k nodes (KB)"
/usr/bin/time -f "first start (no cache): %M KB, %e s" env MLKG_NO_CACHE=1 "$mlkg" --graph "$g" search "$query" --limit 50 > /dev/null
/usr/bin/time -f "second start (cache): %M KB, %e s" "$mlkg" --graph "$g" search "$query" --limit 50 > /dev/null
echo "## load alone, 100k nodes: show n0, first and second start"
hyperfine -w 1 -r "$runs" --style basic --output=null "MLKG_NO_CACHE=1 $mlkg --graph $g show n0" "$mlkg --graph $g show n0" 2>&1 | grep -E "Benchmark|Time|Range"
echo "## DOT export of 100k nodes against cp of the same bytes"
"$mlkg" --graph "$g" export -o "$out/g100000.dot"
echo "DOT size: $(stat -c %s "$out/g100000.dot") bytes"
hyperfine -w 1 -r "$runs" --style basic \
  "$mlkg --graph $g export -o $out/export.dot" \
  "$mlkg --graph $g show n0" \
  "cp $out/g100000.dot $out/copy.dot" 2>&1 | grep -E "Benchmark|Time|Range"
