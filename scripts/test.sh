#!/usr/bin/env bash
# One command: install dependencies, build, run every test (unit, render, Xvfb window).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure --parallel "$(nproc)" --timeout 600
