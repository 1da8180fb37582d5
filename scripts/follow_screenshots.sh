#!/usr/bin/env bash
# The README's "follow the lecture" pictures: Medius sharing in Xvfb (a condition and a tour
# step: L5 radiculopathy), the students' page in headless Chromium at a phone's and a laptop's viewport, and
# the lecturer's window with its address and QR code. Usage: scripts/follow_screenshots.sh [BUILD]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
OUT=docs/screenshots
T=$(mktemp -d); trap 'kill "$APP" 2>/dev/null || true; rm -rf "$T"' EXIT
export XDG_CONFIG_HOME=$T/config XDG_DATA_HOME=$T/data XDG_CACHE_HOME=${XDG_CACHE_HOME:-$T/cache}
PORT=$((20000 + RANDOM % 20000))
printf '# Medius input log 1\nwait 10\nkey PageDown\nwait 10\n' > "$T/lecture.log"
# The window saves its last frame (panels, address and QR code) when it exits, after the
# pages were taken: FRAMES sets how long it stays.
xvfb-run -a -s "-screen 0 1600x1000x24" "$BUILD/src/app/medius" --size 1440x900 --vsync false \
  --tour differential_diagnosis_tour --share "$PORT" --share-code HALL7 --report "$T/report" \
  --play-input "$T/lecture.log" --exit-after-frames "${FRAMES:-1500}" \
  --window-capture "$OUT/follow_app.png" >/dev/null 2>&1 &
APP=$!
for _ in $(seq 600); do grep -q '^replaying 0' "$T/report" 2>/dev/null && grep -q '^moving 0' "$T/report" && break; sleep 0.2; done
URL="http://127.0.0.1:$PORT/?code=HALL7"
"$BUILD/tests/share/follow_page_shot" "$URL" 390 844 "$OUT/follow_phone.png" >/dev/null
"$BUILD/tests/share/follow_page_shot" "$URL" 1280 800 "$OUT/follow_laptop.png" >/dev/null
grep -q '^replaying 0' "$T/report" || { echo "the window finished before the pages were taken: raise FRAMES" >&2; exit 1; }
wait "$APP"
echo "wrote $OUT/follow_phone.png $OUT/follow_laptop.png $OUT/follow_app.png"
