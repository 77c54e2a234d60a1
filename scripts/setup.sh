#!/usr/bin/env bash
# Installs what govcheck needs on a fresh Debian machine, and nothing when it is all there:
# Node dependencies (npm ci), Debian's Chromium and redis-server. Idempotent and quick on re-runs.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
if [ -z "${GOVCHECK_CHROME:-}" ] && ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ] && [ ! -x /usr/bin/google-chrome ]; then
  need_apt+=(chromium)
fi
if ! command -v redis-server >/dev/null 2>&1; then
  need_apt+=(redis-server)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need_apt[*]} with apt-get …" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need_apt[*]} with sudo apt-get …" >&2
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install: ${need_apt[*]} (Debian: apt-get install -y ${need_apt[*]}), or set GOVCHECK_CHROME to your Chrome." >&2
    exit 1
  fi
fi

# npm ci only when node_modules is missing or older than the lockfile.
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci …" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
