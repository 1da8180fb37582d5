#!/usr/bin/env bash
# Installs every build, run and test dependency of Medius from Debian 12 packages.
# Idempotent: packages already present are not touched; apt is only called when
# something is missing. Uses sudo when not run as root.
# `scripts/setup.sh --bench` also installs what bench/run.sh compares against and measures
# with (Debian's f3d viewer, GNU time); the build and the tests do not need them.
set -euo pipefail

packages=(
  build-essential cmake git pkg-config
  libglfw3-dev libimgui-dev libfreetype-dev libassimp-dev libglm-dev
  python3-glad libegl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri
  libtomlplusplus-dev libcli11-dev libstb-dev libcairo2-dev
  libcpp-httplib-dev libqrencode-dev zlib1g-dev libjs-three chromium zbar-tools
  fonts-dejavu-core
  libgtest-dev
  xvfb xauth xdotool poppler-utils
  clang
)
if [ "${1:-}" = "--bench" ]; then
  packages+=(f3d time)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "setup: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
