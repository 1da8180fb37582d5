#!/usr/bin/env bash
# Medius against Debian's f3d on the same scene, same machine, same window size, same run:
#   launch to first image: f3d --output vs medius --screenshot (and the window's first frame);
#   orbit frame time: the same drag replayed by each (f3d --interaction-test-play, medius
#   --play-input), one render per replayed move, taken as the slope between a 20-move and a
#   140-move replay so that start-up and exit cancel out.
# Usage: bench/compare_f3d.sh [BUILD_DIR] [OUT_JSON]. Needs f3d, Xvfb and xvfb-run (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
OUT_JSON=${2:-bench-f3d.json}
MEDIUS=$BUILD/src/app/medius
W=1280; H=800; RUNS=${RUNS:-5}
command -v f3d >/dev/null || { echo "compare_f3d: f3d is not installed (scripts/setup.sh installs it)" >&2; exit 2; }
if [ -z "${MEDIUS_BENCH_IN_XVFB:-}" ]; then
  MEDIUS_BENCH_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 ${W}x${H}x24" "$0" "$@"
fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME=$T/cache XDG_CONFIG_HOME=$T/config XDG_DATA_HOME=$T/data

now() { date +%s.%N; }
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
timeit() { local a b; a=$(now); "$@" >/dev/null 2>&1; b=$(now); echo "$a $b" | awk '{printf "%.1f\n", ($2-$1)*1000}'; }
repeat() { for _ in $(seq "$RUNS"); do timeit "$@"; done | median; }

"$MEDIUS" --export "$T/scene" >/dev/null  # also writes the anatomy cache
GLB=$T/scene/scene.glb

# Launch to first image.
f3d_png=$(repeat f3d --resolution $W,$H --output "$T/f3d.png" "$GLB")
medius_png=$(repeat "$MEDIUS" --screenshot "$T/m.png" --size ${W}x$H)
medius_png_noaa=$(repeat "$MEDIUS" --screenshot "$T/m.png" --size ${W}x$H --msaa 1)
medius_png_cold=$(for _ in $(seq "$RUNS"); do MEDIUS_CACHE=off timeit "$MEDIUS" --screenshot "$T/m.png" --size ${W}x$H; done | median)
window_first=$(for _ in $(seq "$RUNS"); do
  MEDIUS_STARTUP_TRACE=1 "$MEDIUS" --size ${W}x$H --exit-after-frames 1 2>&1 | awk '/first frame presented/ {print $3}'
done | median)

# Orbit: the same drag for both, 4 px per move.
f3d_log() { { echo "# StreamVersion 1.1"; echo "ExposeEvent 0 $((H-1)) 0 0 0 0"; echo "EnterEvent 400 400 0 0 0 0";
  echo "MouseMoveEvent 400 400 0 0 0 0"; echo "LeftButtonPressEvent 400 400 0 0 0 0";
  for i in $(seq 1 "$1"); do echo "MouseMoveEvent $((400 + i * 4)) 400 0 0 0 0"; done
  echo "LeftButtonReleaseEvent $((400 + $1 * 4)) 400 0 0 0 0"; } > "$T/f3d_$1.log"; }
medius_log() { { [ "${2:-}" = hidden ] && { echo "key H"; echo "wait 3"; }; echo "move 400 400"; echo "press left";
  for i in $(seq 1 "$1"); do echo "move $((400 + i * 4)) 400"; done; echo "release left"; } > "$T/medius_$1${2:-}.log"; }
# Medius with its panels, and with them hidden (H) as f3d shows only the model.
for n in 20 140; do f3d_log $n; medius_log $n; medius_log $n hidden; done
f3d20=$(repeat f3d --resolution $W,$H --interaction-test-play="$T/f3d_20.log" --output "$T/o.png" "$GLB")
f3d140=$(repeat f3d --resolution $W,$H --interaction-test-play="$T/f3d_140.log" --output "$T/o.png" "$GLB")
m20=$(repeat "$MEDIUS" --size ${W}x$H --vsync false --play-input "$T/medius_20.log")
m140=$(repeat "$MEDIUS" --size ${W}x$H --vsync false --play-input "$T/medius_140.log")
h20=$(repeat "$MEDIUS" --size ${W}x$H --vsync false --play-input "$T/medius_20hidden.log")
h140=$(repeat "$MEDIUS" --size ${W}x$H --vsync false --play-input "$T/medius_140hidden.log")
medius_replay=$("$MEDIUS" --size ${W}x$H --vsync false --play-input "$T/medius_140.log" 2>/dev/null | sed -n 's/^medius: //p')

awk -v f3dpng="$f3d_png" -v mpng="$medius_png" -v mpng1="$medius_png_noaa" -v mcold="$medius_png_cold" \
    -v mwin="$window_first" -v f20="$f3d20" -v f80="$f3d140" -v m20="$m20" -v m80="$m140" -v h20="$h20" -v h140="$h140" \
    -v w=$W -v h=$H -v json="$OUT_JSON" 'BEGIN {
  fo = (f80 - f20) / 120; mo = (m80 - m20) / 120; ho = (h140 - h20) / 120
  printf "%-72s %10s\n", "Medius vs f3d 1.3 (same scene.glb, " w "x" h ", Xvfb + llvmpipe)", "value"
  printf "%-72s %8.0f ms\n", "f3d: launch to PNG (--output)", f3dpng
  printf "%-72s %8.0f ms  (%.2fx f3d)\n", "medius: launch to PNG, 4x MSAA (default)", mpng, mpng / f3dpng
  printf "%-72s %8.0f ms  (%.2fx f3d)\n", "medius: launch to PNG, no MSAA (as f3d draws)", mpng1, mpng1 / f3dpng
  printf "%-72s %8.0f ms  (%.2fx f3d)\n", "medius: launch to PNG, first run (generates the anatomy)", mcold, mcold / f3dpng
  printf "%-72s %8.0f ms\n", "medius: launch to the window'"'"'s first presented frame", mwin
  printf "%-72s %8.1f ms\n", "f3d: orbit frame time (replayed drag, slope of 20 vs 140 moves)", fo
  printf "%-72s %8.1f ms  (%.2fx f3d)\n", "medius: orbit frame time (same drag, same method)", mo, mo / fo
  printf "%-72s %8.1f ms  (%.2fx f3d)\n", "medius: the same with its panels hidden (H), as f3d shows no UI", ho, ho / fo
  printf "{\n  \"size\": \"%sx%s\",\n  \"f3d_launch_to_png_ms\": %.1f,\n  \"medius_launch_to_png_ms\": %.1f,\n  \"medius_launch_to_png_no_msaa_ms\": %.1f,\n  \"medius_launch_to_png_first_run_ms\": %.1f,\n  \"medius_launch_to_window_frame_ms\": %.1f,\n  \"f3d_orbit_frame_ms\": %.2f,\n  \"medius_orbit_frame_ms\": %.2f,\n  \"launch_ratio\": %.3f,\n  \"launch_ratio_no_msaa\": %.3f,\n  \"orbit_ratio\": %.3f,\n  \"medius_orbit_frame_ui_hidden_ms\": %.2f,\n  \"orbit_ratio_ui_hidden\": %.3f\n}\n", w, h, f3dpng, mpng, mpng1, mcold, mwin, fo, mo, mpng / f3dpng, mpng1 / f3dpng, mo / fo, ho, ho / fo > json
}'
echo "medius' own count of the 140-move replay: $medius_replay"
echo "wrote $OUT_JSON"
