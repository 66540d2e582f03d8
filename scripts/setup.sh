#!/usr/bin/env bash
# Installs what a fresh machine of this kind (Node 20 + apt, nothing else) lacks, then the workspace.
#   bash scripts/setup.sh              pnpm + dependencies (enough to run Callboard)
#   bash scripts/setup.sh --browser    also Debian's Chromium, for the Playwright end-to-end tests
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1

# corepack's pnpm fails signature checks here; npm's global install of a pinned pnpm works.
if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != 10.* ]]; then
  corepack disable >/dev/null 2>&1 || true
  npm install --global pnpm@10.34.9
fi

if [[ "${1:-}" == "--browser" ]] && [[ ! -x /usr/lib/chromium/chromium ]] && ! command -v chromium >/dev/null 2>&1; then
  # Playwright cannot download browsers here; Debian's Chromium is what it drives.
  SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi

# better-sqlite3 compiles from source against /usr's Node headers (see .npmrc).
pnpm install --frozen-lockfile
