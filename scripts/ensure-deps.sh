#!/usr/bin/env bash
# Installs what the app and its tests need on a fresh machine, and nothing when it is there.
# Called by `npm start` and `npm test` (their pre-scripts), so each is the one command a
# newcomer runs. Pass --browser to also make sure a Chromium for the end-to-end tests exists.
set -euo pipefail
cd "$(dirname "$0")/.."

# Vite 8 needs npm 11; a machine whose npm is older cannot install it.
if [ "$(npm --version | cut -d. -f1)" -lt 11 ]; then
  echo "ensure-deps: upgrading npm (Vite 8 needs npm 11)" >&2
  npm install -g npm@11 >&2
fi

# Install dependencies when they are missing or older than the lockfile.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "ensure-deps: installing npm dependencies" >&2
  npm ci >&2
fi

if [ "${1:-}" = "--browser" ]; then
  # Playwright's own browser download cannot work here: use Debian's Chromium, and a CJK font so
  # the Chinese page renders (and screenshots) as characters rather than empty boxes.
  need=()
  if ! { [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; } && ! command -v chromium >/dev/null 2>&1; then need+=(chromium); fi
  if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null | head -1)" ]; then need+=(fonts-wqy-microhei); fi
  if ! command -v fc-list >/dev/null 2>&1; then need+=(fonts-wqy-microhei); fi
  if [ ${#need[@]} -eq 0 ]; then exit 0; fi
  echo "ensure-deps: installing Debian's ${need[*]} for the browser tests" >&2
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >&2
fi
