#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# usage: check-layering-selftest.sh CHECKER
# Shows that the layering checker fails on each kind of violation and passes on a clean tree.
set -uo pipefail
checker=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/core/engine"
echo '#include <QObject>' >"$work/core/engine/Clean.cpp"
echo 'cw_engine: Qt6::Core;Candlewick::Domain' >"$work/links-clean.txt"
echo 'cw_engine: Qt6::Core;Qt6::Widgets' >"$work/links-bad.txt"

expect() { # expect PASS|FAIL description args...
    local want=$1 what=$2
    shift 2
    if "$checker" "$@" >/dev/null 2>&1; then got=PASS; else got=FAIL; fi
    if [[ $got != "$want" ]]; then
        echo "checker gave $got, expected $want: $what" >&2
        exit 1
    fi
}

expect PASS "clean tree" "$work/core" "$work/links-clean.txt"
expect FAIL "links Qt6::Widgets" "$work/core" "$work/links-bad.txt"
for inc in '<QtWidgets/QWidget>' '<QPainter>' '<QtCharts/QChart>' '"ui/chart/ChartView.hpp"' '<QColor>'; do
    echo "#include $inc" >"$work/core/engine/Bad.hpp"
    expect FAIL "include $inc" "$work/core" "$work/links-clean.txt"
done
echo "layering checker detects every planted violation"
