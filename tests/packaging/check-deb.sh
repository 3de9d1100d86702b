#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# usage: check-deb.sh BUILD_DIR VERSION
# Packs the build tree into a .deb, unpacks it into a temporary folder and checks that the
# package holds what a desktop install needs and that its candlewick-cli runs.
set -euo pipefail
build=$1 version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || {
    cat "$work/cpack.log" >&2
    echo "FAIL: cpack -G DEB failed" >&2
    exit 1
}
deb=$(ls "$work"/out/*.deb)
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"
dpkg-deb -x "$deb" "$work/root"

for f in usr/bin/candlewick-cli usr/bin/candlewick \
    usr/share/applications/io.github.candlewick.Candlewick.desktop \
    usr/share/metainfo/io.github.candlewick.Candlewick.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/io.github.candlewick.Candlewick.svg; do
    [[ -e "$work/root/$f" ]] || { echo "FAIL: package lacks /$f" >&2; exit 1; }
done

out=$("$work/root/usr/bin/candlewick-cli" --version)
echo "unpacked candlewick-cli --version: $out"
[[ "$out" == *"$version"* ]] || { echo "FAIL: expected version $version" >&2; exit 1; }

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
[[ "$depends" == *libqt6widgets6* ]] || { echo "FAIL: Depends misses Qt Widgets" >&2; exit 1; }
echo "PASS"
