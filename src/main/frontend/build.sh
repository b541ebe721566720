#!/usr/bin/env bash
# The Maven build's editor step (generate-resources): installs the locked packages when the lockfile changed, then
# bundles. Node and npm are the machine's own; nothing else is downloaded but the packages of package-lock.json.
set -euo pipefail
cd "$(dirname "$0")"
outdir=$1
command -v npm >/dev/null 2>&1 || { echo "editor: the build needs Node.js 20+ and npm (apt-get install nodejs npm)" >&2; exit 1; }
# npm writes node_modules/.package-lock.json on every install: newer than the lockfile means up to date.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node build.mjs "$outdir"
