#!/usr/bin/env bash
# Measures the real release binary opening the synthetic 1 MB / 5,000-claim review: time from
# launch to the first frame (the window title names the review once the first frame has run)
# and peak memory (/usr/bin/time -v). Needs Xvfb, xdotool and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
cargo run --release --quiet -p claimdesk-core --example large_review -- /tmp/claimdesk-large.claimdesk
display=:98
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null; rm -rf "$data"' EXIT
sleep 1
for run in 1 2 3; do
  start=$(date +%s.%N)
  DISPLAY=$display XDG_DATA_HOME=$data XDG_CONFIG_HOME=$data \
    /usr/bin/time -v -o "$data/time.txt" target/release/claimdesk /tmp/claimdesk-large.claimdesk &
  timer=$!
  until DISPLAY=$display xdotool search --name "claimdesk-large.claimdesk" >/dev/null 2>&1; do sleep 0.01; done
  end=$(date +%s.%N)
  sleep 1
  pkill -P "$timer" || true  # the app, not the timer
  wait "$timer" 2>/dev/null || true
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$data/time.txt")
  printf 'run %d: first frame after %.0f ms, peak RSS %d MB\n' "$run" "$(echo "($end - $start) * 1000" | bc)" "$((rss / 1024))"
done
