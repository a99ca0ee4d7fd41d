#!/usr/bin/env python3
"""The explorer's start to its first frame, and to the first frame with the
graph: the release binary in tmux at 200x50 on a graph file whose cache
entry is current (a second start), each time measured from the
`tmux new-session` that starts it to the first capture of the pane showing
the explorer's status line ("q quit", which every frame shows), then to
the first capture naming the graph's size ("N nodes"). The same harness
running `printf` instead gives its own share (tmux starting a pane and
the captures).

    cargo run --release --example synth -- --nodes 1000000 --seed 1 > /tmp/g1M.ron
    python3 benches/first_frame.py target/release/mlkg /tmp/g1M.ron 5

The cache lives beside the graph (`cache/`); a first run fills it and is
not counted."""
import os, re, statistics, subprocess, sys, time

bin_, graph = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
env = f"MLKG_CACHE_DIR={os.path.dirname(os.path.abspath(graph))}/cache"
started = 0


def start(command, marks, limit=600):
    """Seconds from starting `command` in a fresh pane (a tmux server of
    its own) to each mark's first sight."""
    global started
    started += 1
    T = ["tmux", "-L", f"tlfirst{os.getpid()}-{started}"]
    tm = lambda *a: subprocess.run(T + list(a), capture_output=True, text=True)
    seen = {}
    t0 = time.perf_counter()
    made = tm("new-session", "-d", "-s", "f", "-x", "200", "-y", "50", command + "; sleep 600")
    if made.returncode != 0:
        sys.exit(f"tmux did not start: {made.stderr}")
    while len(seen) < len(marks):
        screen = tm("capture-pane", "-p", "-t", "f").stdout
        now = time.perf_counter() - t0
        for m in marks:
            if m not in seen and re.search(m, screen):
                seen[m] = now
        if now > limit:
            tm("kill-server")
            sys.exit(f"not seen within {limit} s: {[m for m in marks if m not in seen]}")
    tm("kill-server")
    return [seen[m] for m in marks]


cmd = f"{env} {bin_} --graph {graph} explore n0"
# Every frame of the explorer shows "q quit"; the graph's size comes with it.
FRAME, GRAPH = r"q quit", r"\d+ nodes"
start(cmd, [GRAPH])  # fills the cache, not counted
frame, full, base = [], [], []
for _ in range(runs):
    a, b = start(cmd, [FRAME, GRAPH])
    frame.append(a * 1000)
    full.append(b * 1000)
    base.append(start("printf 'q quit\\n'", [FRAME])[0] * 1000)
print(f"load average {os.getloadavg()[0]:.1f}; {runs} runs, medians (min-max):")
for name, xs in [("first frame", frame), ("first frame with the graph", full),
                 ("harness alone (printf)", base)]:
    print(f"  {name}: {statistics.median(xs):.0f} ms ({min(xs):.0f}-{max(xs):.0f})")
