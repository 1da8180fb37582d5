#!/usr/bin/env bash
# Every benchmark in one run, on this machine: medius_bench (generation, loading, picking,
# frame times at 1080p and 4K, GPU and peak memory), the f3d comparison (start-up and orbit),
# the peak resident memory of medius itself, and a soak. Results go to bench-results/ as JSON
# and the tables print here. Usage: bench/run.sh [BUILD_DIR] (after scripts/build.sh).
# SOAK_ROUNDS (default 12 rounds of 480 frames) sets the soak's length.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
OUT=bench-results
mkdir -p "$OUT"
echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%d)"
"$BUILD/bench/medius_bench" "$OUT/medius_bench.json"
echo
bench/compare_f3d.sh "$BUILD" "$OUT/f3d_comparison.json"
echo
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME=$T/cache XDG_CONFIG_HOME=$T/config XDG_DATA_HOME=$T/data
rss() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
"$BUILD/src/app/medius" --list-structures >/dev/null  # writes the anatomy snapshot
shot_rss=$(rss "$BUILD/src/app/medius" --screenshot "$T/s.png" --size 1920x1080)
shot4k_rss=$(rss "$BUILD/src/app/medius" --screenshot "$T/s.png" --size 3840x2160)
{ echo "move 400 400"; echo "press left"; for i in $(seq 1 60); do echo "move $((400 + i * 4)) 400"; done
  echo "release left"; echo "key 2"; echo "wait 30"; echo "key C"; echo "wait 5"; } > "$T/session.log"
window_rss=$(xvfb-run -a -s "-screen 0 1600x1000x24" /usr/bin/time -f "%M" "$BUILD/src/app/medius" \
  --size 1600x1000 --vsync false --condition gluteal_tendinopathy --play-input "$T/session.log" 2>&1 >/dev/null | tail -1)
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
printf "%-72s %8s MiB\n" "medius peak resident memory: screenshot 1920x1080 (4x MSAA)" "$(mib "$shot_rss")"
printf "%-72s %8s MiB\n" "medius peak resident memory: screenshot 3840x2160 (4x MSAA)" "$(mib "$shot4k_rss")"
printf "%-72s %8s MiB\n" "medius peak resident memory: window 1600x1000, condition, orbit, compare" "$(mib "$window_rss")"
printf '{"screenshot_1080p_kib": %s, "screenshot_4k_kib": %s, "window_session_kib": %s}\n' \
  "$shot_rss" "$shot4k_rss" "$window_rss" > "$OUT/peak_memory.json"
echo
"$BUILD/bench/medius_soak" "${SOAK_ROUNDS:-12}" --size 160x100 --json "$OUT/soak.json"
echo "results in $OUT/"
