#!/usr/bin/env bash
# Write OUT: the warehouse an earlier release of the pipeline (COMMIT, from this repository's
# history) makes of tests/upgrade/raw, for tests/reliability/test_upgrade.py to upgrade.
# Usage: tests/upgrade/build.sh COMMIT OUT   (PYTHON: the interpreter, .venv's by default; the
# old code runs on today's packages).
set -euo pipefail
commit=${1:?usage: tests/upgrade/build.sh COMMIT OUT}
out=${2:?usage: tests/upgrade/build.sh COMMIT OUT}
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-$here/../../.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$(git -C "$here" rev-parse --show-toplevel)" archive "$commit" | tar -x -C "$work"
mkdir -p "$work/home"
cp "$work/deploy/dagster.yaml" "$work/home/"
rm -rf "$out"
(cd "$work" && DAGSTER_HOME="$work/home" PIPELINE_RAW_DIR="$here/raw" \
    PIPELINE_WAREHOUSE_DIR="$out" PIPELINE_BATCH_FILES=4 PIPELINE_WORKERS=1 \
    "$python" -m assets.run)
rm -f "$out/.lock"
