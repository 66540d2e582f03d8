#!/usr/bin/env bash
# Installs what a fresh machine of this kind (Node 20 + apt, nothing else) lacks, then the workspace.
#   bash scripts/setup.sh              pnpm + dependencies (enough to run Callboard)
#   bash scripts/setup.sh --browser    the test option: also Debian's Chromium (Playwright's end-to-end
#                                      tests) and redis-server (the two-gateway test starts its own)
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1

# corepack's pnpm fails its signature check on some machines; npm's global install of a pinned pnpm
# works everywhere. A pnpm 10 already installed is kept; anything else is replaced, and we say so first.
PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null 2>&1; then
  echo "setup: installing pnpm ${PNPM_VERSION} with npm (npm install --global) — not corepack, whose signature check fails on some machines."
  corepack disable >/dev/null 2>&1 || true
  npm install --global "pnpm@${PNPM_VERSION}"
elif [[ "$(pnpm --version)" != 10.* ]]; then
  echo "setup: found pnpm $(pnpm --version) at $(command -v pnpm); this workspace needs pnpm 10."
  echo "setup: disabling corepack's pnpm shims and installing pnpm ${PNPM_VERSION} globally with npm (it replaces the one above)."
  corepack disable >/dev/null 2>&1 || true
  npm install --global "pnpm@${PNPM_VERSION}"
fi

if [[ "${1:-}" == "--browser" ]]; then
  # Playwright cannot download browsers here; Debian's Chromium is what it drives. The gateway test
  # (apps/server/src/gateways.integration.test.ts) runs a real Redis, Debian's, on a loopback port.
  MISSING=()
  [[ -x /usr/lib/chromium/chromium ]] || command -v chromium >/dev/null 2>&1 || MISSING+=(chromium)
  command -v redis-server >/dev/null 2>&1 || MISSING+=(redis-server)
  if [[ ${#MISSING[@]} -gt 0 ]]; then
    SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${MISSING[@]}"
  fi
fi

# better-sqlite3 compiles from source against /usr's Node headers (see .npmrc).
pnpm install --frozen-lockfile
