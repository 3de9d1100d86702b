#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Starts candlewick-exchange-sim on a free port and runs the independent clients against it.
# Usage: run-exchange-sim-peers.sh <candlewick-exchange-sim> <install dir> <peers script>
# Exit 77 (CTest: skipped) when the peer packages are not installed.
set -u
sim=$1
dir=$2
script=$3
key=cw-peer-key
secret=cw-peer-secret

if ! command -v node >/dev/null 2>&1; then
    echo "SKIP: node is not installed"
    exit 77
fi
if [[ ! -d "$dir/node_modules/ccxt" || ! -d "$dir/node_modules/binance" ]]; then
    echo "SKIP: the peer packages are not installed (the npm ci step was skipped or failed)"
    exit 77
fi

log=$(mktemp)
"$sim" --port 0 --history-days 2 --api-key "$key" --api-secret "$secret" >"$log" 2>&1 &
pid=$!
cleanup() {
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    rm -f "$log"
}
trap cleanup EXIT

port=
for _ in $(seq 1 600); do
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "$log")
    [[ -n "$port" ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "candlewick-exchange-sim exited before listening:"
        cat "$log"
        exit 1
    fi
    sleep 0.1
done
if [[ -z "$port" ]]; then
    echo "candlewick-exchange-sim did not report its port within 60 s:"
    cat "$log"
    exit 1
fi
echo "candlewick-exchange-sim listening on port $port"

# ES modules resolve packages next to the script: run a copy inside the install folder.
cp "$script" "$dir/"
CW_EXCHANGE_SIM_PORT=$port CW_EXCHANGE_SIM_KEY=$key CW_EXCHANGE_SIM_SECRET=$secret \
    timeout 180 node "$dir/$(basename "$script")"
status=$?
if ! kill -0 "$pid" 2>/dev/null; then
    echo "candlewick-exchange-sim died during the run:"
    cat "$log"
    exit 1
fi
exit $status
