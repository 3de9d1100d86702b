#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the pinned peer packages (package-lock.json) into a copy under the build tree.
# Usage: npm-ci.sh <tests/peers source dir> <install dir>
# Exit 77 (CTest: skipped) when node/npm are missing or the npm registry cannot be reached.
set -u
src=$1
dest=$2

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "SKIP: node and npm are not installed (installer/install-deps.sh installs them)"
    exit 77
fi
mkdir -p "$dest"
cp "$src/package.json" "$src/package-lock.json" "$dest/"
cd "$dest" || exit 1

# Already installed from this very lock file: nothing to do (works offline).
if [[ -f node_modules/.candlewick-lock ]] && cmp -s package-lock.json node_modules/.candlewick-lock; then
    echo "peer packages already installed from this package-lock.json"
    exit 0
fi

if ! timeout 60 npm ping --loglevel=error >npm-ping.log 2>&1; then
    echo "SKIP: the npm registry cannot be reached:"
    cat npm-ping.log
    exit 77
fi

# The packages' install scripts (optional native speed-ups) are not needed.
if ! timeout 900 npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >npm-ci.log 2>&1; then
    if grep -qiE 'ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|network' npm-ci.log; then
        echo "SKIP: the npm registry became unreachable during npm ci:"
        cat npm-ci.log
        exit 77
    fi
    echo "npm ci failed:"
    cat npm-ci.log
    exit 1
fi
cp package-lock.json node_modules/.candlewick-lock
echo "installed: $(node -e 'for (const p of ["ccxt","binance"]) process.stdout.write(p + "@" + require("./node_modules/" + p + "/package.json").version + " ")')"
