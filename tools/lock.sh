#!/usr/bin/env bash
# Compiles requirements.in and requirements-dev.in into the pinned closures requirements.txt
# and requirements-dev.txt (pip-tools). Versions already in the locks are kept unless an .in
# file asks otherwise; upgrade one package with `tools/lock.sh --upgrade-package NAME`.
# `tools/lock.sh --check` compiles into a scratch copy and fails when the locks differ: the
# .in files and the locks disagree, so someone edited one without the other.
set -euo pipefail
cd "$(dirname "$0")/.."
PIP_COMPILE_BIN=${PIP_COMPILE_BIN:-.venv/bin/pip-compile}
export CUSTOM_COMPILE_COMMAND="make lock"
compile() {
    "$PIP_COMPILE_BIN" --quiet --allow-unsafe --no-strip-extras --no-emit-index-url \
        --no-emit-find-links --no-emit-trusted-host "$@"
}
if [ "${1:-}" = "--check" ]; then
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    cp requirements.in requirements-dev.in requirements.txt requirements-dev.txt "$scratch"/
    root=$PWD
    (cd "$scratch" && PIP_COMPILE_BIN="$(cd "$root" && realpath "$PIP_COMPILE_BIN")" && \
        compile -o requirements.txt requirements.in 2>/dev/null && \
        compile -o requirements-dev.txt requirements-dev.in 2>/dev/null) || \
        { echo "lock check: pip-compile failed" >&2; exit 1; }
    if ! diff -u requirements.txt "$scratch/requirements.txt" >&2 || \
       ! diff -u requirements-dev.txt "$scratch/requirements-dev.txt" >&2; then
        echo "lock check: requirements*.txt do not match requirements*.in; run 'make lock'" >&2
        exit 1
    fi
    echo "lock check: requirements.txt and requirements-dev.txt match their .in files"
    exit 0
fi
compile "$@" -o requirements.txt requirements.in
compile "$@" -o requirements-dev.txt requirements-dev.in
