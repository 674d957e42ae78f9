#!/usr/bin/env bash
# Installs what WeatherFlick needs besides the .NET SDK, on Debian/Ubuntu, only when it is missing:
# PostgreSQL and Redis (run as plain child processes by the AppHost and the tests, never as system services)
# and, for the tests, Chromium (the dashboards' browser tests drive it headless) and python3.
set -euo pipefail

missing=()
pg_found=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | head -1 || true)
[ -n "$pg_found" ] || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${WF_SKIP_BROWSER:-0}" != "1" ]; then
  # Test-only tools: the dashboards' browser tests, and python3's http.server as a controllable dependency in the AppHost's WaitFor tests.
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing prerequisites: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "Need root or sudo to run: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
