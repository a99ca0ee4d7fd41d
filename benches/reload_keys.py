#!/usr/bin/env python3
"""Keys answered while the explorer reloads a 1M-node graph: the release
binary in tmux at 200x50, the graph file changed (a newline appended, so
its content hash differs and a real reload runs), then j/k sent one at a
time to the neighbours pane; each key's time runs from `tmux send-keys` to
the first capture that differs. The same keys with no reload running give
the harness's own share (tmux's round trip).

    cargo run --release --example synth -- --nodes 1000000 --seed 1 > /tmp/g1M.ron
    python3 benches/reload_keys.py target/release/mlkg /tmp/g1M.ron

The graph file is appended to: give it a copy."""
import subprocess, time, sys, statistics, os
bin_, graph = sys.argv[1], sys.argv[2]
T = ["tmux", "-L", "tlperf"]
def tm(*a): return subprocess.run(T + list(a), capture_output=True, text=True).stdout
subprocess.run(T + ["kill-server"], capture_output=True)
env = f"MLKG_CACHE_DIR={os.path.dirname(os.path.abspath(graph))}/cache"
tm("new-session", "-d", "-s", "p", "-x", "200", "-y", "50", f"{env} {bin_} --graph {graph} explore n0; sleep 600")
t0 = time.time()
while "1000000 nodes" not in tm("capture-pane", "-p", "-t", "p"):
    time.sleep(0.5)
    if time.time() - t0 > 1800: sys.exit("no first frame")
print(f"first frame after {time.time()-t0:.1f} s", flush=True)
# The neighbours pane has the keys from the start: j/k move its "›".
time.sleep(1)
with open(graph, "a") as f: f.write("\n")
t1 = time.time()
while "reading the graph file again" not in tm("capture-pane", "-p", "-t", "p"):
    time.sleep(0.05)
    if time.time() - t1 > 30: sys.exit("no reload seen")
print(f"reload seen after {time.time()-t1:.2f} s", flush=True)
times = []
key = "j"
while True:
    before = tm("capture-pane", "-p", "-t", "p")
    if "reading the graph file again" not in before: break
    s = time.perf_counter()
    tm("send-keys", "-t", "p", key)
    while True:
        now = tm("capture-pane", "-p", "-t", "p")
        if now != before: break
        if time.perf_counter() - s > 5: break
    times.append((time.perf_counter() - s) * 1000)
    if times[-1] > 200:
        print(f"slow key {key} at {time.time()-t1:.1f} s: {times[-1]:.0f} ms", flush=True)
    key = "k" if key == "j" else "j"
    time.sleep(0.1)
print(f"reload finished after {time.time()-t1:.1f} s", flush=True)
t2 = time.time()
print("over 50 ms:", sum(t > 50 for t in times), "over 100 ms:", sum(t > 100 for t in times), flush=True)
times.sort()
print(f"{len(times)} keys during the reload: median {statistics.median(times):.1f} ms, "
      f"90th {times[int(len(times)*0.9)]:.1f} ms, max {times[-1]:.1f} ms", flush=True)
# A baseline of the same keys with no reload running.
base = []
key = "j"
for _ in range(40):
    before = tm("capture-pane", "-p", "-t", "p")
    s = time.perf_counter()
    tm("send-keys", "-t", "p", key)
    while tm("capture-pane", "-p", "-t", "p") == before and time.perf_counter() - s < 5: pass
    base.append((time.perf_counter() - s) * 1000)
    if base[-1] > 200:
        print(f"slow key {key} {len(base)} of the baseline: {base[-1]:.0f} ms", flush=True)
    key = "k" if key == "j" else "j"
    time.sleep(0.1)
base.sort()
print("baseline over 50 ms:", sum(t > 50 for t in base), "over 100 ms:", sum(t > 100 for t in base), flush=True)
print(f"baseline from {0:.1f} to {time.time()-t2:.1f} s after the reload", flush=True)
print(f"baseline, no reload: median {statistics.median(base):.1f} ms, max {base[-1]:.1f} ms", flush=True)
print(tm("capture-pane", "-p", "-t", "p"))
subprocess.run(T + ["kill-server"], capture_output=True)
