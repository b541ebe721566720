#!/usr/bin/env bash
# Block editor benchmark, run by hand (never in the test suite; figures in docs/performance.md):
#   - the editor's JavaScript and CSS, gzipped (budget: 150 KB);
#   - typing latency on a 5,000-character story of 40 blocks: Chromium's long animation frames (>50 ms) and input
#     events over 16 ms while 270 keys are typed into the middle of it;
#   - Lighthouse's mobile performance score of the editor page (budget: 90), signed in with the browser's session
#     cookie (Lighthouse's --extra-headers), on the test app with its fixed clock and embedded PostgreSQL.
# It runs EditorBench (src/test/java/org/shortwave/editorial) through Maven; Lighthouse 13 is installed from npm
# into LIGHTHOUSE_HOME (default ~/.cache/lighthouse-cli) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
home=${LIGHTHOUSE_HOME:-$HOME/.cache/lighthouse-cli}
if [ ! -x "$home/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$home"
  (cd "$home" && npm install --no-audit --no-fund --loglevel=error lighthouse@13 >/dev/null)
fi
LIGHTHOUSE="$home/node_modules/.bin/lighthouse" ./mvnw -B -o verify -Dtest=NONE -Dit.test=EditorBench \
  -Dsurefire.failIfNoSpecifiedTests=false -Dspotbugs.skip=true | grep -E '^(editor bundle|typing|lighthouse)'
