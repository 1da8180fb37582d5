#!/usr/bin/env bash
# One command: install dependencies, build, start Medius. Extra arguments go to medius.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec build/src/app/medius "$@"
