#!/usr/bin/env bash
# Screenshot the rendered policy with headless Chromium, to look at it as a person would.
#
#   scripts/screenshot.sh [HTML] [PNG] [WIDTH] [HEIGHT]   (PNG default: build/policy.png)
#
# Without HTML it renders the bundled policy (`rulebook render --format html`) first.
# Needs the Debian package `chromium` (apt-get install -y chromium). The page is opened
# offline: no network, no extensions, no sync, a fresh profile that is removed afterwards.
set -euo pipefail
here=$PWD
cd "$(dirname "$0")/.."
html=${1:+$(cd "$here" && realpath "$1")}
png=${2:+$(cd "$here" && realpath -m "$2")}
png=${png:-build/policy.png}
width=${3:-1280}
height=${4:-6000}
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
  echo "screenshot: chromium is not installed (apt-get install -y chromium)" >&2
  exit 2
fi
mkdir -p "$(dirname "$png")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
if [[ -z "$html" ]]; then
  html="$profile/policy.html"
  "${RULEBOOK:-.venv/bin/rulebook}" render rulebook --format html -o "$html"
fi
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
       --disable-component-update --disable-sync --no-first-run --disable-extensions
       --hide-scrollbars --user-data-dir="$profile" --window-size="$width,$height")
"$browser" "${flags[@]}" --screenshot="$(realpath -m "$png")" "file://$(realpath "$html")" \
  >/dev/null 2>"$profile/chromium.log" || { cat "$profile/chromium.log" >&2; exit 1; }
echo "$png"
