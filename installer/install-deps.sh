#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages Candlewick needs to build, test and run, and nothing else.
# Idempotent: packages already present are left alone, and apt is not touched when nothing
# is missing. Run as root (or through sudo).
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git file dpkg-dev
    # libraries
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-websockets-dev libqt6opengl6-dev
    libqt6svg6 libqt6sql6-sqlite libgl-dev
    libeigen3-dev libsimdjson-dev libsqlite3-dev
    # tests and benchmarks
    libgtest-dev libgmock-dev libbenchmark-dev
    # headless GUI runs: fonts (text renders as boxes without them), X server for screenshots
    fonts-dejavu-core xauth xvfb imagemagick
    # peer tests (tests/peers): independent npm clients of the venues
    nodejs
)
# Debian's npm, unless an npm is already there (NodeSource's nodejs bundles its own and
# conflicts with Debian's npm package).
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then
        exec sudo "$0" "$@"
    fi
    echo "install-deps: missing packages (${missing[*]}); run this script as root" >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
