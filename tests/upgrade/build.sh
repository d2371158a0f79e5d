#!/usr/bin/env bash
# Write tests/upgrade/warehouse-<commit>: the warehouse an earlier release of the pipeline makes
# of tests/upgrade/raw, for tests/test_upgrade.py to upgrade. Usage: tests/upgrade/build.sh COMMIT
# (run from the checkout, with its .venv installed; the old code runs on today's packages).
set -euo pipefail
commit=$(git rev-parse --short "${1:?usage: tests/upgrade/build.sh COMMIT}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git archive "$commit" | tar -x -C "$work"
mkdir -p "$work/home"
cp "$work/deploy/dagster.yaml" "$work/home/"
out="$here/warehouse-$commit"
rm -rf "$out"
(cd "$work" && DAGSTER_HOME="$work/home" PIPELINE_RAW_DIR="$here/raw" \
    PIPELINE_WAREHOUSE_DIR="$out" PIPELINE_BATCH_FILES=4 PIPELINE_WORKERS=1 \
    "$here/../../.venv/bin/python" -m assets.run)
rm -f "$out/.lock"
echo "$commit" > "$out/COMMIT"
